package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Seeds beyond the ones in testdata/fuzz/: every fixture in testdata.

func addFileSeeds(f *testing.F, patterns ...string) {
	for _, pat := range patterns {
		files, _ := filepath.Glob(filepath.Join("testdata", pat))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
}

var sentinels = []error{ErrEmpty, ErrBinary, ErrInvalidUTF8, ErrCorrupt, ErrUnsupported, ErrTooLarge,
	ErrUnknownEncoding, ErrBadPattern, ErrMissingColumn}

// checkDocument asserts what Parse promises about a Document or an error.
func checkDocument(t *testing.T, name string, doc Document, err error) {
	t.Helper()
	if err != nil {
		var fe *FileError
		if !errors.As(err, &fe) || fe.File != name {
			t.Fatalf("error %v is not a *FileError for %s", err, name)
		}
		known := false
		for _, s := range sentinels {
			known = known || errors.Is(err, s)
		}
		if !known {
			t.Fatalf("error %v wraps no sentinel", err)
		}
		return
	}
	text := doc.Text
	switch {
	case !utf8.ValidString(text):
		t.Fatalf("text is not valid UTF-8: %q", text)
	case !norm.NFC.IsNormalString(text):
		t.Fatalf("text is not NFC: %q", text)
	case strings.ContainsRune(text, '\r'), strings.HasPrefix(text, bom):
		t.Fatalf("text keeps CR or BOM: %q", text)
	case strings.TrimSpace(text) == "", strings.TrimRightFunc(text, unicode.IsSpace) != text:
		t.Fatalf("text empty or with trailing whitespace: %q", text)
	case Normalize(text) != text:
		t.Fatalf("text not stable under Normalize: %q", text)
	}
	sum := sha256.Sum256([]byte(text))
	if doc.Hash != hex.EncodeToString(sum[:]) || doc.Words != CountWords(text) {
		t.Fatalf("hash or word count wrong")
	}
	checkTurns(t, text, doc.Turns)
	// Importing the stored text again gives the same text, and for text
	// formats the same turns.
	again, err := Parse("again.txt", []byte(text))
	same := doc.Format != "text" && doc.Format != "markdown" || reflect.DeepEqual(again.Turns, doc.Turns)
	if err != nil || again.Text != text || !same {
		t.Fatalf("re-import differs: %v\n%q\n%q", err, text, again.Text)
	}
}

func FuzzParseText(f *testing.F) {
	for _, s := range []string{
		"", " ", "\uFEFF", "Interviewer: hi\r\nP1: hello\r\n", "[id1] a\n\n[id2] b", "Speaker 1 (00:01:23): x\n00:01:24 Speaker 2: y",
		"Cafe\u0301 \u1100\u1161 👩🏽‍⚕️", "caf\xe9", "\xff\xfea\x00", "\xfe\xff\x00a", "a\x00b", "\x01\x02\x03abc",
		"Speaker 1  0:03\nhi\n\nSpeaker 2  0:04\nho", "**I:** a\n**R**: b", "采访者：你好\n受访者：好\n采访者：谢谢\n受访者：嗯",
		"\r\r\n\u0301", "a\r\u0301", "\uFEFF\uFEFF\u0301x",
	} {
		f.Add([]byte(s))
	}
	addFileSeeds(f, "*.txt", "turns/*.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse("f.txt", data)
		checkDocument(t, "f.txt", doc, err)
		if utf8.Valid(data) {
			n := Normalize(string(data))
			if Normalize(n) != n {
				t.Fatalf("Normalize not idempotent on %q", data)
			}
		}
	})
}

func FuzzParseDocx(f *testing.F) {
	f.Add(buildDocx(f, p("Interviewer: hello")+"<w:p/>"+p("P1: hi 😀")))
	f.Add(buildDocx(f, `<w:tbl><w:tr><w:tc>`+p("I: a")+`</w:tc><w:tc>`+p("R: b")+`</w:tc></w:tr></w:tbl>`+
		`<w:p><w:del><w:r><w:delText>x</w:delText></w:r></w:del><w:ins><w:r><w:t>y</w:t><w:tab/><w:br/></w:r></w:ins></w:p>`))
	f.Add(buildZip(f, docxFile{"word/document.xml", "<a><b></a>"}))
	f.Add(buildZip(f, docxFile{"word/document.xml", ""}))
	f.Add([]byte("PK\x03\x04"))
	addFileSeeds(f, "*.docx")
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse("f.docx", data)
		checkDocument(t, "f.docx", doc, err)
	})
}

func FuzzDetectTurns(f *testing.F) {
	for _, s := range []string{
		"", "\n", "I: a\nR: b", "[id1] x\n[id2] y", "Interviewer:\nP1:", "Speaker 1 [00:01:23]: a\n[00:01:24] Speaker 2: b",
		"Sarah: a\nSarah: b\nNote: c", "a\n\nb\n\n\nc", "a\nb", "  I: x\n\tR:  y  \n", "I: 😀\xff\nR: \xe2\x82", "**I:** a\n__R__: b",
		"Speaker 1  0:03\n\nSpeaker 2 (1:02:03)\n", "采访者：你好\n受访者：好\n采访者：谢谢\n受访者：嗯", "[ \u00a0]:\n[\u3000x]",
	} {
		f.Add(s)
	}
	for _, data := range readFiles(f, "turns/*.txt") {
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, text string) {
		turns := DetectTurns(text)
		checkTurns(t, text, turns)
		if again := DetectTurns(text); !reflect.DeepEqual(again, turns) {
			t.Fatal("DetectTurns is not deterministic")
		}
	})
}

func readFiles(f *testing.F, pattern string) [][]byte {
	var out [][]byte
	files, _ := filepath.Glob(filepath.Join("testdata", pattern))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			out = append(out, data)
		}
	}
	return out
}

// FuzzDocxXML fuzzes the main document part itself: mutating a whole .docx
// mostly breaks the zip checksums, so the XML reader needs its own target.
func FuzzDocxXML(f *testing.F) {
	f.Add(docXML(p("Interviewer: hello") + "<w:p/>" + p("P1: hi")))
	f.Add(docXML(`<w:p><w:r><w:t>a</w:t><w:tab/><w:br/></w:r><w:del><w:r><w:delText>x</w:delText></w:r></w:del><w:ins><w:r><w:t>y</w:t></w:r></w:ins></w:p>`))
	f.Add(docXML(`<w:tbl><w:tr><w:tc>` + p("I: a") + `</w:tc></w:tr></w:tbl><w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent>` + p("b") + `</w:txbxContent></mc:Choice><mc:Fallback>` + p("b") + `</mc:Fallback></mc:AlternateContent></w:r></w:p>`))
	f.Add(`<a><b></a>`)
	f.Add(``)
	f.Fuzz(func(t *testing.T, xml string) {
		data := buildZip(t, docxFile{"word/document.xml", xml})
		doc, err := Parse("f.docx", data)
		checkDocument(t, "f.docx", doc, err)
	})
}
