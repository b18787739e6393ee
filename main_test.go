package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestCommandLine(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string // substring expected on standard output
		stderr     string // substring expected on standard error
		noStdout   bool
		noWarnings bool
	}{
		{name: "help", args: []string{"--help"}, code: 0, stdout: "dossier export [PATH...]", noWarnings: true},
		{name: "short help", args: []string{"-h"}, code: 0, stdout: "Usage:"},
		{name: "export help", args: []string{"export", "--help"}, code: 0, stdout: "Usage:"},
		{name: "unknown flag", args: []string{"--frobnicate"}, code: 2, stderr: "flag provided but not defined: -frobnicate", noStdout: true},
		{name: "unknown export flag", args: []string{"export", "-x"}, code: 2, stderr: "not defined", noStdout: true},
		{name: "list of the seeds", args: nil, code: 0, stdout: "France urges closer security ties with Uzbekistan", stderr: "standard output is not a terminal"},
		{name: "style flag", args: []string{"--style", "light"}, code: 0, stdout: "5 articles", stderr: "not a terminal"},
		{name: "unknown style", args: []string{"--style", "pink"}, code: 2, stderr: `unknown style "pink"`, noStdout: true},
		{name: "help documents the style", args: []string{"--help"}, code: 0, stdout: "--style STYLE"},
		{name: "missing path warns and goes on", args: []string{"export", "does-not-exist"}, code: 0, stdout: `"version": 1`, stderr: "does-not-exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, stdout.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr.String())
			}
			if tt.noStdout && stdout.Len() > 0 {
				t.Errorf("stdout should be empty, got %q", stdout.String())
			}
			if tt.noWarnings && stderr.Len() > 0 {
				t.Errorf("unexpected warnings: %q", stderr.String())
			}
		})
	}
}

// TestExportSeedsGolden compares the export of the embedded seeds with
// testdata/seeds.golden.json; run with -update to refresh it.
func TestExportSeedsGolden(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"export"}, &stdout, &stderr); code != 0 {
		t.Fatalf("export exited %d: %s", code, stderr.String())
	}
	golden := filepath.Join("testdata", "seeds.golden.json")
	if *update {
		if err := os.WriteFile(golden, stdout.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(stdout.Bytes(), want) {
		t.Errorf("export differs from %s; run go test -run Golden -update and review the diff", golden)
	}
	var doc map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
}

// TestExportContract checks the export of the seeds against the rules of
// the export contract: mention offsets, order and overlap, and actors.
func TestExportContract(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"export"}, &stdout, &stderr); code != 0 {
		t.Fatalf("export exited %d: %s", code, stderr.String())
	}
	var doc struct {
		Articles []struct {
			ID, Text string
			Mentions []struct {
				Actor      string
				Start, End int
				Text       string
			}
		}
		Actors []struct {
			ID, Name, Kind string
			Articles       []string
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	actorArticles := map[string][]string{}
	for _, a := range doc.Actors {
		if _, dup := actorArticles[a.ID]; dup {
			t.Errorf("actor %s listed twice", a.ID)
		}
		if a.Kind != "person" && a.Kind != "organisation" && a.Kind != "place" || !strings.HasPrefix(a.ID, a.Kind+"/") {
			t.Errorf("actor %s has kind %q", a.ID, a.Kind)
		}
		actorArticles[a.ID] = a.Articles
	}
	mentions := 0
	for _, a := range doc.Articles {
		last := 0
		for _, m := range a.Mentions {
			mentions++
			if m.Start < last || m.End > len(a.Text) || m.Start >= m.End || a.Text[m.Start:m.End] != m.Text {
				t.Errorf("%s: bad mention %+v", a.ID, m)
			}
			last = m.End
			if !slices.Contains(actorArticles[m.Actor], a.ID) {
				t.Errorf("%s: mention of %s, which does not list the article", a.ID, m.Actor)
			}
		}
	}
	if mentions == 0 {
		t.Error("no mentions in the seeds")
	}
}

func TestLimitMemory(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	const own = 3 << 30
	tests := []struct {
		name, env string
		before    int64
		want      int64
	}{
		{"no GOMEMLIMIT", "", math.MaxInt64, memoryLimit},
		{"GOMEMLIMIT set", "3GiB", own, own},
		{"GOMEMLIMIT off", "off", math.MaxInt64, math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			debug.SetMemoryLimit(tt.before)
			if got := limitMemory(tt.env); got != tt.want {
				t.Errorf("limitMemory(%q) = %d, want %d", tt.env, got, tt.want)
			}
		})
	}
}
