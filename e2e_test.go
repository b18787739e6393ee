package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tmuxSession drives the built reader in a detached tmux session on a
// private server, as a user at a terminal would.
type tmuxSession struct {
	t      *testing.T
	socket string
}

// screenWait bounds how long a screen may take to show what a step
// expects: a hang guard, not a speed test.
const screenWait = 20 * time.Second

// startReader builds dossier and starts it in tmux at the given size.
func startReader(t *testing.T, width, height int) *tmuxSession {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dossier")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	s := &tmuxSession{t: t, socket: filepath.Join(dir, "tmux.sock")}
	s.run("new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(width), "-y", fmt.Sprint(height),
		"env", "TERM=xterm-256color", "HOME="+dir, "XDG_CACHE_HOME="+filepath.Join(dir, "cache"), bin)
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", s.socket, "kill-server").Run() })
	s.run("set-option", "-t", "e2e", "remain-on-exit", "on")
	return s
}

// run runs a tmux command on the session's server.
func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// keys sends keys by their tmux names ("Enter", "Tab", "j", "]"), one at
// a time, as typed.
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		s.run("send-keys", "-t", "e2e", k)
		time.Sleep(30 * time.Millisecond)
	}
}

// screen is what the terminal shows now.
func (s *tmuxSession) screen() string {
	s.t.Helper()
	return s.run("capture-pane", "-p", "-t", "e2e")
}

// exited reports whether the reader has ended.
func (s *tmuxSession) exited() bool {
	s.t.Helper()
	return strings.TrimSpace(s.run("display-message", "-p", "-t", "e2e", "#{pane_dead}")) == "1"
}

// footer is the status line: the second line from the bottom.
func footer(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	if len(lines) < 2 {
		return ""
	}
	return lines[len(lines)-2]
}

// waitFor waits until ok holds for the screen and fails with the screen
// when it does not in time.
func (s *tmuxSession) waitFor(what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(screenWait)
	for {
		scr := s.screen()
		if ok(scr) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen never showed %s:\n%s", what, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitForText waits until the screen shows every text.
func (s *tmuxSession) waitForText(texts ...string) string {
	s.t.Helper()
	return s.waitFor(fmt.Sprintf("%q", texts), func(scr string) bool {
		for _, text := range texts {
			if !strings.Contains(scr, text) {
				return false
			}
		}
		return true
	})
}

// waitForFooter waits until the status line shows every text.
func (s *tmuxSession) waitForFooter(texts ...string) string {
	s.t.Helper()
	return s.waitFor(fmt.Sprintf("status %q", texts), func(scr string) bool {
		for _, text := range texts {
			if !strings.Contains(footer(scr), text) {
				return false
			}
		}
		return true
	})
}

// selectActor moves down the actor panel until the status line names the
// actor.
func (s *tmuxSession) selectActor(name string) {
	s.t.Helper()
	for range 40 {
		if strings.Contains(footer(s.screen()), "Actor: "+name+" ") {
			return
		}
		s.keys("j")
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("actor %q never selected:\n%s", name, s.screen())
}

// openArticle filters the list to a title, opens the article and waits
// for the status line to show its place in the list.
func (s *tmuxSession) openArticle(title string, place int) {
	s.t.Helper()
	s.keys("/")
	for _, r := range title {
		s.keys(string(r))
	}
	s.keys("Enter")
	s.waitForFooter("filter")
	s.keys("Enter")
	s.waitForFooter(article(place), "Actor: ")
}

// article is how the status line gives an article's place among the five
// seeds.
func article(place int) string {
	return fmt.Sprintf("Article %d of 5", place)
}

// TestEndToEndJourney runs the built reader in tmux on the embedded seeds
// and follows an actor from one article to the next that names it, at its
// first mention, then back and forward, for the actors a new user tries
// first. The list is by date, newest first: the seeds' places in it are
// 000 1st, 001 2nd, 004 3rd, 003 4th and 002 (undated) 5th.
func TestEndToEndJourney(t *testing.T) {
	tests := []struct {
		actor, from, mention string
		fromPlace, toPlace   int
	}{
		{"Abdulaziz Kamilov", "France urges closer security ties", "Abdulaziz Kamilov", 1, 3},
		{"Peter Burian", "EU, Central Asia co-operate", "Burian", 2, 5},
		{"European Union", "EU, Central Asia co-operate", "EU", 2, 4},
		{"Border Management Programme in Central Asia", "EU, Central Asia co-operate", "BOMCA", 2, 5},
	}
	for _, tt := range tests {
		t.Run(tt.actor, func(t *testing.T) {
			t.Parallel()
			s := startReader(t, 160, 45)
			s.waitForText(tt.from, article(1))
			s.openArticle(tt.from, tt.fromPlace)
			s.keys("Tab")
			s.selectActor(tt.actor)
			s.keys("]")
			scr := s.waitForFooter(article(tt.toPlace), "Actor: "+tt.actor, "mention 1 of")
			if !strings.Contains(scr, tt.mention) {
				t.Errorf("the first mention %q is not on screen:\n%s", tt.mention, scr)
			}
			s.keys("BSpace")
			s.waitForFooter(article(tt.fromPlace), "Actor: "+tt.actor)
			s.keys("L")
			s.waitForFooter(article(tt.toPlace), "Actor: "+tt.actor)
			s.keys("q")
			s.waitFor("the reader to quit", func(string) bool { return s.exited() })
		})
	}
}

// TestEndToEndNotATerminal checks that without a terminal the reader
// prints the list and says why.
func TestEndToEndNotATerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := filepath.Join(t.TempDir(), "dossier")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("dossier: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stdout.String(), "France urges closer security ties") || !strings.Contains(stderr.String(), "not a terminal") {
		t.Errorf("stdout %q\nstderr %q", stdout.String(), stderr.String())
	}
}
