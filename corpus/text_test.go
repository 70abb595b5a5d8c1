package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPlainText(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr error
	}{
		{"utf8", "Interviewer: hi\nP1: hello", "Interviewer: hi\nP1: hello", nil},
		{"bom and crlf", "\uFEFFa\r\nb\r\n\r\n", "a\nb", nil},
		{"trailing whitespace trimmed", "a  \n\n\t \n", "a", nil},
		{"leading and inner whitespace kept", "\n  a  \n\n  b", "\n  a  \n\n  b", nil},
		{"form feed and tabs allowed", "a\tb\fc", "a\tb\fc", nil},
		{"nfc", "Rene\u0301", "René", nil},
		{"empty", "", "", ErrEmpty},
		{"bom only", "\uFEFF", "", ErrEmpty},
		{"whitespace only", " \r\n\t ", "", ErrEmpty},
		{"nul", "abc\x00def", "", ErrBinary},
		{"control characters", "a\x01\x02b\x03c\x04d\x05e\x06f\x07g\x08", "", ErrBinary},
		{"few control characters", "Interviewer: this line has one bell\x07 in it, which is fine.", "Interviewer: this line has one bell\x07 in it, which is fine.", nil},
		{"latin-1 read as windows-1252", "caf\xe9 \x93quoted\x94", "café “quoted”", nil},
		{"truncated sequence read as windows-1252", "ok \xe2\x82", "ok â‚", nil},
		{"binary high bytes", strings.Repeat("\xe2\x82\xff\xfe\x90a", 20), "", ErrBinary},
		{"utf-16le without bom", "I\x00:\x00 \x00h\x00i\x00\n\x00R\x00:\x00 \x00y\x00o\x00", "I: hi\nR: yo", nil},
		{"utf-16be without bom", "\x00I\x00:\x00 \x00h\x00i", "I: hi", nil},
		{"utf-16le", "\xff\xfea\x00\r\x00\n\x00=\xd8\x00\xde", "a\n😀", nil},
		{"utf-16be", "\xfe\xff\x00a\x00b", "ab", nil},
		{"utf-16 odd length", "\xff\xfea\x00b", "", ErrInvalidUTF8},
		{"utf-16 lone surrogate", "\xff\xfe=\xd8a\x00", "", ErrInvalidUTF8},
		{"utf-16 empty", "\xff\xfe \x00", "", ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := plainText([]byte(tt.in))
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestInvalidUTF8Offset(t *testing.T) {
	_, err := Parse("old.txt", []byte("\uFEFFInterviewer: caf\xe9"))
	if err == nil || err.Error() != "old.txt: is not valid UTF-8 text (line 1, byte offset 19)" {
		t.Errorf("err = %v", err)
	}
	_, err = Parse("u16.txt", []byte("\xff\xfea\x00\x00\xdc"))
	if err == nil || err.Error() != "u16.txt: is not valid UTF-16 text (line 1, byte offset 4)" || !errors.Is(err, ErrInvalidUTF8) {
		t.Errorf("err = %v", err)
	}
}

// TestTextFiles imports the plain-text files in testdata.
func TestTextFiles(t *testing.T) {
	tests := []struct {
		file     string
		wantErr  error
		text     string // prefix of the expected text
		turns    int
		speakers []string
	}{
		{"crlf-bom.txt", nil, "Interviewer: How did you first hear about the walking group?\n\nParticipant: My GP", 2, []string{"Interviewer", "Participant"}},
		{"decomposed.txt", nil, "Interviewer: Was the café easy to find?\nRespondent: Yes — René", 2, []string{"Interviewer", "Respondent"}},
		{"utf16le.txt", nil, "Interviewer: Did the sessions help?\nP007: They did — 😀 a lot.", 2, []string{"Interviewer", "P007"}},
		{"qualcoder-transcript.txt", nil, "[id1] hello, I like the course.", 7, []string{"id1", "id2", "id3"}},
		{"binary.txt", ErrBinary, "", 0, nil},
		{"invalid-utf8.txt", nil, "Interviewer: Was the café open?\nP001: Yes.", 2, []string{"Interviewer", "P001"}},
		{"empty.txt", ErrEmpty, "", 0, nil},
		{"whitespace.txt", ErrEmpty, "", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := ReadFile(filepath.Join("testdata", tt.file))
			if tt.wantErr != nil {
				var fe *FileError
				if !errors.Is(err, tt.wantErr) || !errors.As(err, &fe) || fe.File != tt.file || !strings.HasPrefix(err.Error(), tt.file+": ") {
					t.Fatalf("err = %v, want %v in a *FileError for %s", err, tt.wantErr, tt.file)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(doc.Text, tt.text) {
				t.Errorf("text = %q, want prefix %q", doc.Text, tt.text)
			}
			if strings.ContainsAny(doc.Text, "\r\uFEFF") {
				t.Errorf("text keeps CR or BOM: %q", doc.Text)
			}
			checkTurns(t, doc.Text, doc.Turns)
			if len(doc.Turns) != tt.turns {
				t.Errorf("%d turns, want %d: %q", len(doc.Turns), tt.turns, summaries(doc.Text, doc.Turns))
			}
			if got := doc.Speakers(); strings.Join(got, ",") != strings.Join(tt.speakers, ",") {
				t.Errorf("speakers %q, want %q", got, tt.speakers)
			}
		})
	}
}

// TestSharedTranscriptFixture reads QualCoder's example transcript from the
// shared fixtures, when they are present.
func TestSharedTranscriptFixture(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "fixtures", "transcripts", "qualcoder-transcript.txt")
	if _, err := os.Stat(path); err != nil {
		t.Skip("shared fixture absent:", err)
	}
	doc, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	checkTurns(t, doc.Text, doc.Turns)
	if doc.Name != "qualcoder-transcript" {
		t.Errorf("name = %q", doc.Name)
	}
	if len(doc.Turns) != 7 {
		t.Fatalf("%d turns, want 7", len(doc.Turns))
	}
	count := map[string]int{}
	for _, tr := range doc.Turns {
		count[tr.Speaker]++
		if label := Slice(doc.Text, tr.Start, tr.ContentStart); label != "["+tr.Speaker+"] " {
			t.Errorf("label %q for speaker %q", label, tr.Speaker)
		}
	}
	if count["id1"] != 3 || count["id2"] != 2 || count["id3"] != 2 || len(count) != 3 {
		t.Errorf("turns per speaker = %v, want id1:3 id2:2 id3:2", count)
	}
	first := doc.Turns[0]
	if got := Slice(doc.Text, first.ContentStart, first.ContentStart+25); got != "hello, I like the course." {
		t.Errorf("first turn starts %q", got)
	}
	last := doc.Turns[6]
	if got := Slice(doc.Text, last.ContentStart, last.End); !strings.HasSuffix(got, "as I am really struggling.") || last.End != RuneLen(doc.Text) {
		t.Errorf("last turn %q ends at %d of %d", got, last.End, RuneLen(doc.Text))
	}
}
