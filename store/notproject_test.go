package store

import (
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file that is not a Themis project is refused by every way of opening it
// and left exactly as it was: no write may turn it into a half-made project.
func TestOpenRefusesWhatIsNotAThemisProjectAndLeavesItUnchanged(t *testing.T) {
	dir := t.TempDir()
	otherDB := filepath.Join(dir, "other.themis")
	db, err := sql.Open("sqlite", otherDB)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES('hello')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	versioned := filepath.Join(dir, "versioned.themis")
	db, _ = sql.Open("sqlite", versioned)
	if _, err := db.Exec(`PRAGMA user_version = 3; CREATE TABLE coders(id INTEGER PRIMARY KEY)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	blankDB := filepath.Join(dir, "blank.themis")
	db, _ = sql.Open("sqlite", blankDB)
	if _, err := db.Exec(`PRAGMA page_size = 4096; VACUUM`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	tests := []struct{ name, path, want string }{
		{"empty", writeBytes(t, dir, "empty.themis", nil), "the file is empty"},
		{"text", writeBytes(t, dir, "notes.themis", []byte("just some text, not SQLite")), "not a SQLite database"},
		{"short", writeBytes(t, dir, "short.themis", []byte("SQLite")), "not a SQLite database"},
		{"other database", otherDB, "a SQLite database without Themis' tables"},
		{"blank database", blankDB, "a SQLite database without Themis' tables"},
		{"another program's versioned database", versioned, "a SQLite database without Themis' tables"},
	}
	for _, tt := range tests {
		for _, how := range []struct {
			name string
			open func(string) (*Project, error)
		}{{"Open", Open}, {"OpenReadOnly", OpenReadOnly}} {
			t.Run(tt.name+"/"+how.name, func(t *testing.T) {
				before := fingerprint(t, tt.path)
				p, err := how.open(tt.path)
				if err == nil {
					p.Close()
					t.Fatalf("%s(%s) succeeded", how.name, tt.name)
				}
				want := tt.path + " is not a Themis project: " + tt.want
				if !errors.Is(err, ErrNotProject) || !strings.Contains(err.Error(), want) {
					t.Errorf("error %q, want ErrNotProject and %q", err, want)
				}
				if after := fingerprint(t, tt.path); after != before {
					t.Errorf("the file changed: %s, was %s", after, before)
				}
				for _, suffix := range []string{"-wal", "-shm", "-journal", ".lock"} {
					if _, err := os.Stat(tt.path + suffix); err == nil {
						t.Errorf("%s left behind", filepath.Base(tt.path+suffix))
					}
				}
			})
		}
	}
}

func writeBytes(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func fingerprint(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%d bytes, sha256 %x", len(b), sha256.Sum256(b))
}
