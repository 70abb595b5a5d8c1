package corpus

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"themis/internal/fixtures"
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
	checkDocumentOpt(t, name, doc, err, true)
}

// checkDocumentOpt is checkDocument; sameTurns false skips comparing the
// turns of a text document with those of its text imported again (a
// speaker pattern finds other turns than automatic detection).
func checkDocumentOpt(t *testing.T, name string, doc Document, err error, sameTurns bool) {
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
	if doc.Hash != hashOf(text) || doc.Words != CountWords(text) {
		t.Fatalf("hash or word count wrong")
	}
	checkTurns(t, text, doc.Turns)
	// Importing the stored text again gives the same text, and for text
	// formats the same turns.
	again, err := Parse("again.txt", []byte(text))
	same := !sameTurns || doc.Format != "text" && doc.Format != "markdown" || reflect.DeepEqual(again.Turns, doc.Turns)
	if err != nil || again.Text != text || !same {
		t.Fatalf("re-import differs: %v\n%q\n%q", err, text, again.Text)
	}
}

func hashOf(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
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
	// The bounds of issue 13: nesting past maxXMLDepth, paragraphs nested
	// in paragraphs, and runs of deleted paragraph marks.
	f.Add(docXML(strings.Repeat("<w:p>", maxXMLDepth+1) + "<w:r><w:t>x</w:t></w:r>"))
	f.Add(docXML(strings.Repeat("<w:p>", 8) + "<w:r><w:t>x</w:t></w:r>" + strings.Repeat("</w:p>", 8)))
	f.Add(docXML(strings.Repeat(`<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr><w:r><w:t>a </w:t></w:r></w:p>`, 3) + p("b")))
	f.Fuzz(func(t *testing.T, xml string) {
		data := buildZip(t, docxFile{"word/document.xml", xml})
		doc, err := Parse("f.docx", data)
		checkDocument(t, "f.docx", doc, err)
	})
}

// fuzzParse parses data as file and checks the result, for every format.
func fuzzParse(t *testing.T, file string, data []byte, opt Options) {
	doc, err := ParseWith(file, data, opt)
	checkDocumentOpt(t, file, doc, err, opt.SpeakerPattern == "" && opt.Encoding == "")
}

func addSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
}

func FuzzPlainText(f *testing.F) {
	addSeeds(f, "Interviewer: hi\nP1: hello", "caf\xe9 \x93x\x94", "I\x00:\x00 \x00h\x00i\x00", "\x00I\x00:\x00 \x00h", "\xff\xfeI\x00", "\xef\xbb\xbf\xff")
	addFileSeeds(f, "formats/*.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.txt", data, Options{})
		fuzzParse(t, "f.txt", data, Options{Encoding: "utf-16le"})
		fuzzParse(t, "f.txt", data, Options{Encoding: "utf-8"})
	})
}

func FuzzMarkdown(f *testing.F) {
	addSeeds(f, "# T\n\n**I:** a\n**R:** b", "- **I:** a\n- [x](y) ![alt](z)\n\n1. one\n2) two", "> quote\n\n```\ncode\n```\n<div>x</div>",
		"| a | b |\n|---|---|\n| c | d |", "*a **b* c**", "\\*x\\* &amp; &#1234; <http://x.y>", "- - - a\n  - b\n    1. c")
	addFileSeeds(f, "formats/*.md", "turns/markdown.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.md", data, Options{})
	})
}

func FuzzDocx(f *testing.F) {
	f.Add(buildDocx(f, boldP("Interviewer:", " hi")+boldP("P1", "\tho")))
	f.Add(buildDocx(f, `<w:tbl>`+tr("Speaker", "Text")+tr("I", "a")+tr("R", "b")+`</w:tbl>`))
	addFileSeeds(f, "formats/*.docx")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.docx", data, Options{})
	})
}

// FuzzDocxStructure fuzzes the body of a generated Word document, which
// reaches the bold-label and table code far more often than mutated zips.
func FuzzDocxStructure(f *testing.F) {
	f.Add(boldP("Interviewer:", " hi") + boldP("P1", "\tho") + p("more"))
	f.Add(`<w:tbl>` + tr("Speaker", "Text", "Time") + tr("I", "a", "0:01") + tr("R", "b", "x") + `</w:tbl>` + p("x"))
	f.Add(`<w:tbl><w:tr><w:tc><w:tbl>` + tr("a", "b") + `</w:tbl></w:tc></w:tr></w:tbl>`)
	f.Add(`<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Rene</w:t></w:r><w:r><w:t>&#x301;: x</w:t></w:r></w:p>`)
	f.Add(strings.Repeat("<w:p>", maxXMLDepth) + "<w:r><w:t>x</w:t></w:r>" + strings.Repeat("</w:p>", maxXMLDepth))
	f.Add(`<w:tbl><w:tr>` + strings.Repeat(`<w:tc><w:p><w:p><w:r><w:t>I</w:t></w:r></w:p></w:p></w:tc>`, 3) + `</w:tr></w:tbl>`)
	f.Fuzz(func(t *testing.T, body string) {
		fuzzParse(t, "f.docx", buildDocx(t, body), Options{})
	})
}

func FuzzODT(f *testing.F) {
	f.Add(`<text:p><text:span text:style-name="T1">I:</text:span> a</text:p><text:p><text:span text:style-name="T1">R:</text:span> b</text:p>`)
	f.Add(`<table:table><table:table-row><table:table-cell table:number-columns-repeated="3"><text:p>I</text:p></table:table-cell></table:table-row></table:table>`)
	f.Add(`<text:p>a<text:s text:c="99999999999"/><text:tab/><text:line-break/>b</text:p><text:list><text:list-item><text:p>c</text:p></text:list-item></text:list>`)
	f.Add(`<text:h>x</text:h><text:tracked-changes><text:p>d</text:p></text:tracked-changes><text:note><text:p>n</text:p></text:note>`)
	f.Add(`<text:p>` + strings.Repeat(`<text:span>`, maxXMLDepth) + `x</text:p>`)
	f.Add(`<table:table><table:table-row>` + strings.Repeat(`<table:table-cell table:number-columns-repeated="64"/>`, 3) + `</table:table-row></table:table>`)
	f.Fuzz(func(t *testing.T, body string) {
		fuzzParse(t, "f.odt", buildODT(t, body), Options{})
	})
}

func FuzzRTF(f *testing.F) {
	addSeeds(f, `{\rtf1\ansi\ansicpg1251 \'c0\'e1 \u1234?\uc2\u-10179??\u-8704??\par}`, `{\rtf1{\*\x y}{\fonttbl z}\b I:\b0 a\par\b R\b0\tab b\par}`,
		`{\rtf1\trowd\intbl a\cell b\cell\row\pard x\par}`, `{\rtf1\bin5 {{{{{x}`, `{\rtf1\ansicpg932 \'82\'a0\'82}`, `{\rtf1 \'zz\u99999999999 \uc-5 a}}}}`)
	addFileSeeds(f, "formats/*.rtf")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.rtf", data, Options{})
	})
}

func FuzzVTT(f *testing.F) {
	addSeeds(f, "WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>hi</v>\n00:02.000 --> 00:03.000\n<v.x B>ho<v A>hey",
		"WEBVTT\nNOTE x\n\nSTYLE\n::cue{}\n\nid\n00:00:01.000 --> 00:00:02.000 align:start\n<c.y>x</c> &amp; <00:00:01.500>y",
		"00:01 --> \n- Sam: a\n- Ana: b\n\n\nloose text",
		"WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>one\n\n00:02:000:1 --> 00:03.000\n<v Bo>two\n00:0x --> y\nthree --> four")
	addFileSeeds(f, "formats/*.vtt")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.vtt", data, Options{})
	})
}

func FuzzSRT(f *testing.F) {
	addSeeds(f, "1\r\n00:00:01,000 --> 00:00:02,000\r\nSAM: hi\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\n<i>ho</i>\r\n",
		"1\n00:00:01,000 --> 00:00:02,000\n{\\an8}[Ana] x\n\n2\n99:59:59,999 --> 0:0\n>> BOB: y",
		"1\n00:00:00:500 --> 00:00:03,000\nANA: one\n2\n00:00:04,000 --> 00:00:05,000\nBO: two\n3\n0:0:0;1 -->\n\n4\n,.:1 --> 2")
	addFileSeeds(f, "formats/*.srt")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.srt", data, Options{})
	})
}

func FuzzTurnsCSV(f *testing.F) {
	addSeeds(f, "Speaker,Text,Time\nA,hi,0:01\n,,\nB,\"x, \"\"y\"\"\",", "A;b\nC;d", "0:01\tA\tb\n0:02\tC\td", "who,when\nx,y", "a,\"b\nc",
		"Speaker,Text\nAna,\"it was\nBo,swallowed\n", "Speaker,Text\nAna,said \"hi\" twice\nBo,\"closed\"\"\"\r\n", "A\t\"b\"x\tc\n")
	addFileSeeds(f, "formats/*.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.csv", data, Options{})
	})
}

func FuzzTurnsXLSX(f *testing.F) {
	f.Add(buildXLSX(f, [][]any{{"Speaker", "Text"}, {"A", "hi"}}))
	f.Add(buildXLSX(f, [][]any{{"0:01", "A", "hi"}, {"0:02", "B", "ho"}}))
	f.Add(fixtures.Workbook(f, farColumnRows(3, "XFD")))
	f.Add(fixtures.Workbook(f, farColumnRows(3, "CZ")))
	f.Add(fixtures.Workbook(f, `<row><c r="XFD1"><v>1</v></c><c><v>2</v></c></row><row r="5000"><c r="A5000" t="inlineStr"><is><t>x</t></is></c></row>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.xlsx", data, Options{})
	})
}

// FuzzTurnsTable fuzzes the rows of a turns table directly (CSV-encoded),
// which mutated workbooks rarely reach.
func FuzzTurnsTable(f *testing.F) {
	f.Add("Speaker\x1fText\x1eA\x1fhi\x1e\x1e")
	f.Add("0:01\x1fA\x1fb\x1e1:02:03\x1fC\x1fd")
	f.Fuzz(func(t *testing.T, s string) {
		var rows [][]string
		for _, r := range strings.Split(s, "\x1e") {
			rows = append(rows, strings.Split(r, "\x1f"))
		}
		p, err := tableParse(rows, parseOpts{})
		if err != nil {
			return
		}
		checkDocument(t, "f.xlsx", Document{Name: "f", Format: "xlsx", Text: p.text, Turns: p.turns, Hash: hashOf(p.text), Words: CountWords(p.text)}, nil)
	})
}

func FuzzSpeakerPattern(f *testing.F) {
	for _, pr := range SpeakerPresets() {
		f.Add(pr.Pattern, pr.Example+"\n"+pr.Example+"\nmore")
	}
	f.Add(`(?P<speaker>\w*)`, "a\n\nb")
	f.Add(`\s*(?P<speaker>.)(?P<time>\d*)`, " \n x1 \n")
	f.Add(`(?P<speaker>[a-`, "x")
	f.Fuzz(func(t *testing.T, pattern, text string) {
		for _, file := range []string{"f.txt", "f.md"} {
			fuzzParse(t, file, []byte(text), Options{SpeakerPattern: pattern})
		}
	})
}

// FuzzUnclosedQuote checks UnclosedQuote against encoding/csv: a text the
// strict reader (no LazyQuotes) reads whole has no unclosed quote, and when
// UnclosedQuote names a line, the lazy reader's last record starts there
// or before and runs to the end (the cell swallowed what followed).
func FuzzUnclosedQuote(f *testing.F) {
	addSeeds(f, "a,b\n\"c\nd,e\n", "a,\"b\"\"\",c\n", "a,\"b\"x,c\n\"", "\"a\"\r\n\"b", "x;\"y\n", "a\t\"b\tc\n", "\"\"\"", "a\n\n\"\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		text := string(data)
		for _, comma := range []rune{',', ';', '\t'} {
			line := UnclosedQuote(text, comma)
			strict := csv.NewReader(strings.NewReader(text))
			strict.Comma, strict.FieldsPerRecord = comma, -1
			if _, err := strict.ReadAll(); err == nil && line != 0 {
				t.Fatalf("%q (%q): strict csv reads it, UnclosedQuote says line %d", text, comma, line)
			}
			if line == 0 {
				continue
			}
			lazy := csv.NewReader(strings.NewReader(text))
			lazy.Comma, lazy.FieldsPerRecord, lazy.LazyQuotes = comma, -1, true
			first := 0
			for {
				if _, err := lazy.Read(); err != nil {
					break
				}
				first, _ = lazy.FieldPos(0)
			}
			if first > line {
				t.Fatalf("%q (%q): UnclosedQuote says line %d, the last record starts on line %d", text, comma, line, first)
			}
		}
	})
}
