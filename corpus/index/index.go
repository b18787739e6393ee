// Package index keeps a corpus's parsed articles and the names found in
// them in an SQLite database, so that reopening a corpus only processes the
// files that were added, changed or removed, and searches the articles'
// text with SQLite's FTS5 full-text index.
//
// The database lives in WAL mode and is written in large transactions: a
// crash or kill mid-write loses at most the open transaction, never the
// records committed before it. A file that is not a valid index of this
// version is reported by Open with ErrCorrupt or rebuilt from nothing.
package index

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/crc32"
	"net/url"
	"os"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"dossier/corpus/article"
	"dossier/corpus/ner"
)

// formatVersion is bumped whenever the schema, the record encoding, the
// article parser or the name extraction changes what an index holds, so
// that indexes written before are rebuilt.
const formatVersion = 1

// Version names the kind of index this build reads and writes: the format
// version and the tagger model's version.
func Version() string {
	return fmt.Sprintf("dossier-index-%d/%s", formatVersion, ner.ModelVersion())
}

// ErrCorrupt is the error of an index file that cannot be read: truncated,
// overwritten or otherwise damaged. The caller should Remove it and open a
// fresh one.
var ErrCorrupt = errors.New("index file is damaged")

// schema creates the tables of a new index. files holds one row per
// article file: its state on disk, its text and its record (everything
// else, see encodeArticle), with a checksum of both. fts indexes the text
// of files without a copy of it (an external-content FTS5 table).
const schema = `
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(
	id INTEGER PRIMARY KEY,
	path TEXT NOT NULL UNIQUE,
	size INTEGER NOT NULL,
	mtime INTEGER NOT NULL,
	hash BLOB NOT NULL,
	sum INTEGER NOT NULL,
	record BLOB NOT NULL,
	text TEXT NOT NULL
);
CREATE VIRTUAL TABLE fts USING fts5(text, content='files', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO fts(fts, rank) VALUES('hashsize', 67108864);
CREATE TABLE resolution(id INTEGER PRIMARY KEY CHECK (id = 1), key BLOB NOT NULL, value BLOB NOT NULL);
`

// Index is an open index database.
type Index struct {
	db *sql.DB
}

// Record is one article file as the index keeps it.
type Record struct {
	// Path is the file's absolute path, the record's key.
	Path string
	// Size and ModTime (Unix nanoseconds) are the file's state when it was
	// read; Hash is a digest of its content.
	Size, ModTime int64
	Hash          []byte
	// Article is the parsed article, without its loader-set ID and Path.
	Article *article.Article
	// Names are the names found in its text, which Put stores. Scan
	// leaves them nil and gives them as StoredNames instead.
	Names       []ner.Entity
	StoredNames StoredNames
}

// Open opens the index at path, creating it if need be. An index of
// another version is replaced by an empty one; a damaged file gives an
// error wrapping ErrCorrupt.
func Open(path string) (*Index, error) {
	_, statErr := os.Stat(path)
	x, err := open("file:" + (&url.URL{Path: path}).EscapedPath() + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)")
	if err != nil {
		return nil, classify(err)
	}
	version, err := x.version()
	switch {
	case err != nil && statErr == nil && !x.empty():
		x.Close()
		return nil, classify(err)
	case err == nil && version == Version():
		return x, nil
	case err == nil:
		x.Close()
		if err := Remove(path); err != nil {
			return nil, err
		}
		return Open(path)
	}
	if err := x.create(); err != nil {
		x.Close()
		return nil, classify(err)
	}
	return x, nil
}

// OpenMemory opens an empty index held in memory, gone once closed.
func OpenMemory() (*Index, error) {
	x, err := open("file::memory:")
	if err != nil {
		return nil, err
	}
	if err := x.create(); err != nil {
		x.Close()
		return nil, err
	}
	return x, nil
}

// open connects to the database named by dsn through a single
// connection, which an in-memory database needs and which serialises the
// index's own writes.
func open(dsn string) (*Index, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return &Index{db: db}, nil
}

// Remove deletes the index file at path and its write-ahead log.
func Remove(path string) error {
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// classify wraps the errors that mean a damaged database file in
// ErrCorrupt; others, such as a database locked by another process, are
// returned as they are.
func classify(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_NOMEM, sqlite3.SQLITE_FULL,
			sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_INTERRUPT:
			return err
		}
	}
	return fmt.Errorf("%w: %v", ErrCorrupt, err)
}

// version reads the version an existing index was written with.
func (x *Index) version() (string, error) {
	var v string
	err := x.db.QueryRow(`SELECT value FROM meta WHERE key = 'version'`).Scan(&v)
	return v, err
}

// empty reports a database without any table, such as the file left by
// a kill before the first transaction committed.
func (x *Index) empty() bool {
	var n int
	err := x.db.QueryRow(`SELECT count(*) FROM sqlite_master`).Scan(&n)
	return err == nil && n == 0
}

// create makes the tables of a new index and records its version.
func (x *Index) create() error {
	tx, err := x.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(schema); err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO meta(key, value) VALUES('version', ?)`, Version()); err != nil {
		return err
	}
	return tx.Commit()
}

// Close closes the database.
func (x *Index) Close() error {
	return x.db.Close()
}

// Scan calls fn with every record of the index, in no particular order.
// A record that fails its checksum or does not decode, like any read error
// of a damaged file, ends the scan with an error wrapping ErrCorrupt.
func (x *Index) Scan(ctx context.Context, fn func(Record)) error {
	rows, err := x.db.QueryContext(ctx, `SELECT path, size, mtime, hash, sum, record, text FROM files`)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			r        Record
			sum      int64
			rec      sql.RawBytes
			rawText  sql.RawBytes
			checksum uint32
		)
		if err := rows.Scan(&r.Path, &r.Size, &r.ModTime, &r.Hash, &sum, &rec, &rawText); err != nil {
			return classify(err)
		}
		checksum = crc32.Update(crc32.Checksum(rec, castagnoli), castagnoli, rawText)
		if int64(checksum) != sum {
			return fmt.Errorf("%w: checksum mismatch for %s", ErrCorrupt, r.Path)
		}
		a, names, err := decodeArticle(rec, string(rawText))
		if err != nil {
			return fmt.Errorf("%w: %v for %s", ErrCorrupt, err, r.Path)
		}
		r.Article, r.StoredNames = a, names
		fn(r)
	}
	if err := rows.Err(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return classify(err)
	}
	return nil
}

// castagnoli is the CRC-32 table of the records' checksums.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)
