package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		data     []byte
		wantName string
		wantErr  error
		msg      string
	}{
		{"txt", "Interview 1.txt", []byte("I: a\nR: b"), "Interview 1", nil, ""},
		{"text", "x.text", []byte("I: a\nR: b"), "x", nil, ""},
		{"markdown", "notes.md", []byte("# T\n\n**I:** a\n**R:** b"), "notes", nil, ""},
		{"upper-case extension", "X.TXT", []byte("hello"), "X", nil, ""},
		{"path is reduced to base name", filepath.Join("some", "dir", "p3.txt"), []byte("hello"), "p3", nil, ""},
		{"dots in name", "site.a.p3.txt", []byte("hello"), "site.a.p3", nil, ""},
		{"unsupported", "scan.pdf", []byte("%PDF-1.4"), "", ErrUnsupported, "scan.pdf: unsupported file type .pdf (Themis imports .txt, .md, .docx, .odt, .rtf, .vtt, .srt, .csv and .xlsx)"},
		{"old word", "old.doc", []byte("x"), "", ErrUnsupported, "old.doc: unsupported file type .doc (Themis imports .txt, .md, .docx, .odt, .rtf, .vtt, .srt, .csv and .xlsx; save the file as .docx in Word)"},
		{"no extension", "README", []byte("x"), "", ErrUnsupported, "README: unsupported file type: the name has no extension (Themis imports .txt, .md, .docx, .odt, .rtf, .vtt, .srt, .csv and .xlsx)"},
		{"empty", "e.txt", nil, "", ErrEmpty, "e.txt: the file is empty"},
		{"binary", "b.txt", []byte("\x00\x01"), "", ErrBinary, "b.txt: looks like a binary file, not a transcript"},
		{"corrupt docx", "c.docx", []byte("PK\x03\x04 nope"), "", ErrCorrupt, "c.docx: is not a readable Word document (not a zip archive)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(tt.file, tt.data)
			if tt.wantErr != nil {
				var fe *FileError
				if !errors.Is(err, tt.wantErr) || !errors.As(err, &fe) {
					t.Fatalf("err = %#v, want %v in a *FileError", err, tt.wantErr)
				}
				if err.Error() != tt.msg {
					t.Errorf("message %q, want %q", err, tt.msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Name != tt.wantName {
				t.Errorf("name = %q, want %q", doc.Name, tt.wantName)
			}
			sum := sha256.Sum256([]byte(doc.Text))
			if doc.Hash != hex.EncodeToString(sum[:]) {
				t.Errorf("hash mismatch")
			}
			if doc.Words != CountWords(doc.Text) || doc.Words == 0 {
				t.Errorf("words = %d", doc.Words)
			}
			checkTurns(t, doc.Text, doc.Turns)
		})
	}
}

func TestParseSameTextSameHash(t *testing.T) {
	a, err1 := Parse("a.txt", []byte("\uFEFFCafe\u0301\r\n"))
	b, err2 := Parse("b.txt", []byte("Café"))
	if err1 != nil || err2 != nil || a.Hash != b.Hash || a.Text != "Café" {
		t.Errorf("%v %v %+v %+v", err1, err2, a, b)
	}
}

func TestParseTooLarge(t *testing.T) {
	_, err := Parse("big.txt", make([]byte, MaxFileSize+1))
	if !errors.Is(err, ErrTooLarge) || err.Error() != "big.txt: is too large to import (the limit is 64 MiB)" {
		t.Errorf("err = %v", err)
	}
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 1); err != nil { // sparse: nothing is read
		t.Fatal(err)
	}
	f.Close()
	if err := os.Mkdir(filepath.Join(dir, "folder.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path    string
		wantErr error
		msg     string
	}{
		{big, ErrTooLarge, "big.txt: is too large to import (the limit is 64 MiB)"},
		{filepath.Join(dir, "missing.txt"), fs.ErrNotExist, "missing.txt: no such file or directory"},
		{filepath.Join(dir, "folder.txt"), nil, "folder.txt: is a folder, not a file"},
		{filepath.Join(dir, "photo.jpg"), ErrUnsupported, "photo.jpg: unsupported file type .jpg (Themis imports .txt, .md, .docx, .odt, .rtf, .vtt, .srt, .csv and .xlsx)"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			_, err := ReadFile(tt.path)
			var fe *FileError
			if err == nil || !errors.As(err, &fe) {
				t.Fatalf("err = %#v, want a *FileError", err)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
			if err.Error() != tt.msg {
				t.Errorf("message %q, want %q", err, tt.msg)
			}
		})
	}
}

func TestSupported(t *testing.T) {
	for name, want := range map[string]bool{"a.txt": true, "a.TEXT": true, "a.md": true, "a.Docx": true, "a.doc": false, "a.odt": true, "a.rtf": true, "a.VTT": true, "a.srt": true, "a.csv": true, "a.xlsx": true, "a.xls": false, "a.pdf": false, "a": false, "txt": false} {
		if got := Supported(name); got != want {
			t.Errorf("Supported(%q) = %v", name, got)
		}
	}
	exts := SupportedExtensions()
	exts[0] = "changed"
	if SupportedExtensions()[0] != ".txt" {
		t.Error("SupportedExtensions shares its slice")
	}
}

func TestSpeakers(t *testing.T) {
	doc := Document{Turns: []Turn{{Speaker: ""}, {Speaker: "B"}, {Speaker: "A"}, {Speaker: "B"}}}
	if got := strings.Join(doc.Speakers(), ","); got != "B,A" {
		t.Errorf("Speakers() = %q", got)
	}
}
