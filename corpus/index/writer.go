package index

import (
	"database/sql"
	"errors"
	"hash/crc32"
)

// BatchSize is the number of changes a Writer commits at once: large
// transactions let FTS5 flush its in-memory index rarely.
const BatchSize = 8192

// Writer applies changes to an index in transactions of BatchSize changes.
// A Writer must not be used from several goroutines at once, and the index
// must not be read while a Writer is open.
type Writer struct {
	x       *Index
	tx      *sql.Tx
	stmts   map[string]*sql.Stmt
	pending int
}

// Statements of a Writer. Deleting a file's row first removes its text
// from the full-text index, which an external-content table needs.
//
// The removal runs only for a path that has a row: as an INSERT … SELECT
// it opens a statement savepoint, which makes FTS5 flush its in-memory
// index to disk. Run for every new file, it turned each article into a
// segment of its own and made merging them most of the cost of indexing.
const (
	findFile   = `SELECT id FROM files WHERE path = ?`
	insertFile = `INSERT INTO files(path, size, mtime, hash, sum, record, text) VALUES(?, ?, ?, ?, ?, ?, ?)`
	insertText = `INSERT INTO fts(rowid, text) VALUES(?, ?)`
	unindex    = `INSERT INTO fts(fts, rowid, text) SELECT 'delete', id, text FROM files WHERE path = ?`
	deleteFile = `DELETE FROM files WHERE path = ?`
	touchFile  = `UPDATE files SET size = ?, mtime = ? WHERE path = ?`
)

// Writer starts writing to x.
func (x *Index) Writer() *Writer {
	return &Writer{x: x}
}

// Put stores r, replacing any record of the same path.
func (w *Writer) Put(r Record) error {
	if err := w.remove(r.Path); err != nil {
		return err
	}
	text := r.Article.Text()
	rec := encodeArticle(r.Article, r.Names)
	sum := crc32.Update(crc32.Checksum(rec, castagnoli), castagnoli, []byte(text))
	res, err := w.exec(insertFile, r.Path, r.Size, r.ModTime, r.Hash, int64(sum), rec, text)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	if _, err := w.exec(insertText, id, text); err != nil {
		return err
	}
	return w.done()
}

// Delete removes the record of the file at path, if there is one.
func (w *Writer) Delete(path string) error {
	if err := w.remove(path); err != nil {
		return err
	}
	return w.done()
}

// remove deletes the row of the file at path and its text's entries in
// the full-text index.
func (w *Writer) remove(path string) error {
	if found, err := w.has(path); err != nil || !found {
		return err
	}
	if _, err := w.exec(unindex, path); err != nil {
		return err
	}
	_, err := w.exec(deleteFile, path)
	return err
}

// has reports whether the index has a row for the file at path.
func (w *Writer) has(path string) (bool, error) {
	st, err := w.stmt(findFile)
	if err != nil {
		return false, err
	}
	var id int64
	switch err := st.QueryRow(path).Scan(&id); {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		w.Abort()
		return false, classify(err)
	}
	return true, nil
}

// Touch records a new size and modification time for a file whose content
// is unchanged.
func (w *Writer) Touch(path string, size, modTime int64) error {
	if _, err := w.exec(touchFile, size, modTime, path); err != nil {
		return err
	}
	return w.done()
}

// Close commits the changes not yet committed. After an error the Writer's
// open transaction is rolled back and Close returns nothing more.
func (w *Writer) Close() error {
	return w.commit()
}

// Abort rolls back the changes not yet committed.
func (w *Writer) Abort() {
	if w.tx != nil {
		w.tx.Rollback()
		w.tx, w.stmts = nil, nil
	}
}

// exec runs one statement in the open transaction.
func (w *Writer) exec(query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(query)
	if err != nil {
		return nil, err
	}
	res, err := st.Exec(args...)
	if err != nil {
		w.Abort()
		return nil, classify(err)
	}
	return res, nil
}

// stmt returns query prepared in the open transaction, starting one if
// need be; each statement is prepared once per transaction.
func (w *Writer) stmt(query string) (*sql.Stmt, error) {
	if w.tx == nil {
		tx, err := w.x.db.Begin()
		if err != nil {
			return nil, classify(err)
		}
		w.tx, w.stmts = tx, map[string]*sql.Stmt{}
	}
	if st := w.stmts[query]; st != nil {
		return st, nil
	}
	st, err := w.tx.Prepare(query)
	if err != nil {
		w.Abort()
		return nil, classify(err)
	}
	w.stmts[query] = st
	return st, nil
}

// done counts one change and commits once a batch is full.
func (w *Writer) done() error {
	w.pending++
	if w.pending < BatchSize {
		return nil
	}
	return w.commit()
}

// commit commits the open transaction, if any.
func (w *Writer) commit() error {
	w.pending = 0
	if w.tx == nil {
		return nil
	}
	tx := w.tx
	w.tx, w.stmts = nil, nil
	if err := tx.Commit(); err != nil {
		return classify(err)
	}
	return nil
}
