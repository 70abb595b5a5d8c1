package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// The files in testdata/formats were written for Themis: short invented
// social-prescribing interviews, one or more per format. The text formats
// are committed as written; the binary and re-encoded ones are produced by
// generatedFixtures (run go test -run TestFormatFixtures -update to write
// them and the .golden files beside them).

// bold makes a paragraph whose first run is bold.
func boldP(label, rest string) string {
	return `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + label + `</w:t></w:r>` +
		`<w:r><w:t xml:space="preserve">` + rest + `</w:t></w:r></w:p>`
}

func tc(s string) string { return `<w:tc>` + p(s) + `</w:tc>` }

func tr(cells ...string) string {
	var b strings.Builder
	b.WriteString("<w:tr>")
	for _, c := range cells {
		b.WriteString(tc(c))
	}
	b.WriteString("</w:tr>")
	return b.String()
}

const odtNS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ` +
	`xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ` +
	`xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"`

// buildODT makes a minimal OpenDocument text whose office:text holds body
// and whose automatic styles include T1 (bold text) and P1.
func buildODT(t testing.TB, body string) []byte {
	t.Helper()
	return buildZip(t,
		docxFile{"mimetype", "application/vnd.oasis.opendocument.text"},
		docxFile{"META-INF/manifest.xml", `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>`},
		docxFile{"styles.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ` + odtNS + `><office:styles>` +
			`<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>` +
			`</office:styles></office:document-styles>`},
		docxFile{"content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content ` + odtNS + `><office:automatic-styles>` +
			`<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>` +
			`<style:style style:name="T2" style:family="text" style:parent-style-name="Strong_20_Emphasis"/>` +
			`<style:style style:name="P1" style:family="paragraph"><style:text-properties fo:font-size="12pt"/></style:style>` +
			`</office:automatic-styles><office:body><office:text>` + body + `</office:text></office:body></office:document-content>`},
	)
}

// buildXLSX makes a workbook with rows on its first sheet (and more sheets
// when extra is not empty).
func buildXLSX(t testing.TB, rows [][]any, extra ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, row := range rows {
		cellName, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cellName, &row); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range extra {
		if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func utf16Bytes(s string, big, bom bool) []byte {
	var out []byte
	if bom {
		if big {
			out = append(out, 0xFE, 0xFF)
		} else {
			out = append(out, 0xFF, 0xFE)
		}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if big {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// generatedFixtures returns the fixtures that are written by Go code.
func generatedFixtures(t testing.TB) map[string][]byte {
	cp1252, err := charmap.Windows1252.NewEncoder().String("Interviewer: Was the café open when you got there?\r\n" +
		"P012: Yes – it’s where we meet now, every Friday.\r\nInterviewer: Who runs it?\r\nP012: A volunteer called Inés.\r\n")
	if err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{
		"windows-1252.txt": []byte(cp1252),
		"utf16be-no-bom.txt": utf16Bytes("Link worker: How are the swimming sessions going?\n"+
			"P021: Better than I expected — I can do two lengths now 🏊.\n", true, false),
		"gardening-bold.docx": buildDocx(t, p("Gardening project — interview 9")+
			`<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Background</w:t></w:r></w:p>`+
			p("Recorded at the community garden; the participant asked for her name to be changed.")+
			boldP("Interviewer:", " What first brought you to the garden?")+
			boldP("Ms Novák", "\tMy link worker. I’d been indoors for months after the operation.")+
			p("The first day I just sat by the greenhouse. Nobody minded 🌻.")+
			boldP("Interviewer", ": And now?")+
			`<w:p><w:r><w:rPr><w:b w:val="1"/></w:rPr><w:t>Ms Novák</w:t></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve">	Now I have a key to the shed. `+
			`</w:t></w:r><w:del w:id="1" w:author="RK"><w:r><w:delText>Mrs </w:delText></w:r></w:del><w:ins w:id="2" w:author="RK"><w:r><w:t>Ana</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> says I’m in charge of the tomatoes.</w:t></w:r></w:p>`),
		"debt-advice-table.docx": buildDocx(t, p("Debt advice drop-in — transcript")+
			`<w:tbl>`+tr("Speaker", "Text", "Time")+
			tr("Adviser", "What would help most right now?", "0:00:12")+
			tr("Client 3", "Knowing the bailiffs won’t come. I can’t sleep for it.", "0:00:17")+
			tr("", "", "")+
			tr("Adviser", "We can ring them together today — would that be all right?", "0:00:25")+
			tr("Client 3", "Yes. Thank you. 🙏", "0:00:31")+`</w:tbl>`+
			p("End of recording.")),
		"book-club.odt": buildODT(t, `<text:h text:outline-level="1">Book club — interview 2</text:h>`+
			`<text:p text:style-name="P1"><text:span text:style-name="T1">Interviewer:</text:span> Which book got you talking?</text:p>`+
			`<text:p><text:span text:style-name="T2">Lena</text:span><text:tab/>The one about the lighthouse.<text:s text:c="2"/>I cried, honestly.<text:line-break/>Twice.</text:p>`+
			`<text:list><text:list-item><text:p>We meet at the library café, first Monday of the month.</text:p></text:list-item></text:list>`+
			`<text:p><text:span text:style-name="T1">Interviewer:</text:span> And the group?</text:p>`+
			`<text:p><text:span text:style-name="T2">Lena</text:span><text:tab/>They’re my people now 📚.<office:annotation><text:p>Check spelling of Lena</text:p></office:annotation></text:p>`+
			`<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>Deleted sentence.</text:p></text:deletion></text:changed-region></text:tracked-changes>`),
		"peer-support-table.odt": buildODT(t, `<text:p>Peer support group — excerpt</text:p>`+
			`<table:table table:name="Turns"><table:table-column table:number-columns-repeated="2"/>`+
			`<table:table-row><table:table-cell><text:p>Facilitator</text:p></table:table-cell><table:table-cell><text:p>Who would like to start?</text:p></table:table-cell></table:table-row>`+
			`<table:table-row><table:table-cell><text:p>Björn</text:p></table:table-cell><table:table-cell><text:p>I will. It’s been a hard week,</text:p><text:p>but I came.</text:p></table:table-cell></table:table-row>`+
			`<table:table-row><table:table-cell><text:p>Facilitator</text:p></table:table-cell><table:table-cell><text:p>That matters. 💙</text:p></table:table-cell></table:table-row>`+
			`</table:table>`),
		"swimming.xlsx": buildXLSX(t, [][]any{
			{"Start", "Participant", "Transcript"},
			{"00:00:03", "Interviewer", "How did the first session go?"},
			{"00:00:07", "P021", "I was terrified of the changing rooms, to be honest."},
			{nil, nil, nil},
			{"00:00:15", "P021", "But the instructor, Siobhán, walked me through it 🏊."},
			{"00:00:24", "Interviewer", "Would you recommend it?"},
			{"00:00:26", "P021", "Already have — my sister starts next week."},
		}, "Notes"),
	}
}

var formatWants = map[string]struct {
	format, encoding string
	speakers         []string
	turns            int
}{
	"walking-group.txt":      {"text", "utf-8", []string{"Interviewer", "P007"}, 5},
	"windows-1252.txt":       {"text", "windows-1252", []string{"Interviewer", "P012"}, 4},
	"utf16be-no-bom.txt":     {"text", "utf-16be", []string{"Link worker", "P021"}, 2},
	"mens-shed.md":           {"markdown", "utf-8", []string{"Facilitator", "Dev", "Gérard"}, 7},
	"choir.vtt":              {"vtt", "utf-8", []string{"Link worker", "Siân"}, 4},
	"allotment.srt":          {"srt", "utf-8", []string{"INTERVIEWER", "MARIA"}, 4},
	"befriending.csv":        {"csv", "utf-8", []string{"Interviewer", "Mrs Okonkwo"}, 4},
	"groupe-de-parole.csv":   {"csv", "utf-8", []string{"P03", "Link worker"}, 3},
	"art-class.rtf":          {"rtf", "", []string{"Interviewer", "Participant"}, 5},
	"cookery-table.rtf":      {"rtf", "", []string{"Interviewer", "Renée"}, 4},
	"gardening-bold.docx":    {"docx", "", []string{"Interviewer", "Ms Novák"}, 5},
	"debt-advice-table.docx": {"docx", "", []string{"Adviser", "Client 3"}, 6},
	"book-club.odt":          {"odt", "", []string{"Interviewer", "Lena"}, 5},
	"peer-support-table.odt": {"odt", "", []string{"Facilitator", "Björn"}, 4},
	"swimming.xlsx":          {"xlsx", "", []string{"Interviewer", "P021"}, 5},
}

// TestFormatFixtures parses every file in testdata/formats, checks the
// invariants, its format, encoding, speakers and turn count, and compares
// the turns with the .golden file beside it.
func TestFormatFixtures(t *testing.T) {
	dir := filepath.Join("testdata", "formats")
	if *update {
		for name, data := range generatedFixtures(t) {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	seen := 0
	for _, file := range files {
		if strings.HasSuffix(file, ".golden") {
			continue
		}
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			want, ok := formatWants[name]
			if !ok {
				t.Fatalf("no expectations for %s", name)
			}
			seen++
			doc, err := ReadFile(file)
			checkDocument(t, name, doc, err)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != want.format || doc.Encoding != want.encoding {
				t.Errorf("format %q encoding %q, want %q %q", doc.Format, doc.Encoding, want.format, want.encoding)
			}
			if got := doc.Speakers(); strings.Join(got, ",") != strings.Join(want.speakers, ",") {
				t.Errorf("speakers %q, want %q", got, want.speakers)
			}
			if len(doc.Turns) != want.turns {
				t.Errorf("%d turns, want %d", len(doc.Turns), want.turns)
			}
			got := formatGolden(doc)
			golden := file + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			w, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestFormatFixtures -update)", err)
			}
			if got != string(w) {
				t.Errorf("%s differs from %s:\n--- got\n%s--- want\n%s", name, golden, got, w)
			}
		})
	}
	if seen != len(formatWants) {
		t.Errorf("read %d fixtures, expected %d (run with -update to write the generated ones)", seen, len(formatWants))
	}
}

// formatGolden renders what a file parsed to: its format, encoding,
// warnings, the stored text and the turns.
func formatGolden(doc Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "format: %s\nencoding: %s\nwords: %d\n", doc.Format, doc.Encoding, doc.Words)
	for _, w := range doc.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	b.WriteString("--- text\n")
	b.WriteString(doc.Text)
	b.WriteString("\n--- turns\n")
	b.WriteString(goldenTurns(doc))
	return b.String()
}

// TestCheckedErrors runs hostile and broken inputs of every format through
// Parse: each gives a *FileError wrapping the named sentinel.
func TestCheckedErrors(t *testing.T) {
	var zeros bytes.Buffer
	zeros.Grow(MaxFileSize + 1024)
	zeros.WriteString(docXML(""))
	zeros.Write(make([]byte, MaxFileSize))
	bomb := buildZip(t, docxFile{"word/document.xml", zeros.String()})
	odtBomb := buildZip(t, docxFile{"mimetype", "application/vnd.oasis.opendocument.text"}, docxFile{"content.xml", zeros.String()})
	ratio := buildZip(t, docxFile{"word/document.xml", docXML(p(strings.Repeat("a", 40<<20)))})
	tests := []struct {
		name    string
		file    string
		data    []byte
		opt     Options
		wantErr error
		msg     string
	}{
		{"zip bomb docx", "bomb.docx", bomb, Options{}, ErrTooLarge, "too large"},
		{"zip bomb odt", "bomb.odt", odtBomb, Options{}, ErrTooLarge, "too large"},
		{"compression ratio", "ratio.docx", ratio, Options{}, ErrTooLarge, "zip bomb"},
		{"zip bomb xlsx", "bomb.xlsx", bomb, Options{}, ErrTooLarge, "too large"},
		{"odt spaces bomb", "spaces.odt", buildODT(t, "<text:p>"+strings.Repeat(`<text:s text:c="1000"/>`, 70000)+"x</text:p>"), Options{}, ErrTooLarge, "too large"},
		{"binary txt", "b.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), Options{}, ErrBinary, ""},
		{"binary srt", "b.srt", []byte("\x00\x01\x02\x03garbage\x00"), Options{}, ErrBinary, ""},
		{"binary csv", "b.csv", []byte("a,b\x00\x00\x01"), Options{}, ErrBinary, ""},
		{"empty md", "e.md", nil, Options{}, ErrEmpty, ""},
		{"empty vtt", "e.vtt", []byte("\uFEFF\r\n"), Options{}, ErrEmpty, ""},
		{"empty rtf", "e.rtf", []byte("  "), Options{}, ErrEmpty, ""},
		{"rtf without text", "n.rtf", []byte(`{\rtf1{\fonttbl{\f0 Arial;}}\par}`), Options{}, ErrEmpty, "no text"},
		{"empty docx", "e.docx", nil, Options{}, ErrEmpty, ""},
		{"empty odt", "e.odt", nil, Options{}, ErrEmpty, ""},
		{"empty csv", "e.csv", []byte(",,\n,,\n"), Options{}, ErrEmpty, ""},
		{"forced utf-8 on latin-1", "f.txt", []byte("Interviewer: hi\nP1: caf\xe9"), Options{Encoding: "utf-8"}, ErrInvalidUTF8, "line 2, byte offset 23"},
		{"forced utf-16 odd", "f.txt", []byte("a\x00b"), Options{Encoding: "UTF-16LE"}, ErrInvalidUTF8, "UTF-16"},
		{"unknown encoding", "f.txt", []byte("hi"), Options{Encoding: "klingon"}, ErrUnknownEncoding, `"klingon"`},
		{"bad pattern", "f.txt", []byte("hi"), Options{SpeakerPattern: `(?P<speaker>[a-z`}, ErrBadPattern, "missing closing ]"},
		{"pattern without speaker group", "f.docx", []byte("hi"), Options{SpeakerPattern: `(\w+):`}, ErrBadPattern, "speaker"},
		{"not rtf", "x.rtf", []byte("just text"), Options{}, ErrCorrupt, `is not a readable RTF file (it does not start with {\rtf)`},
		{"rtf too deep", "x.rtf", []byte(`{\rtf1 ` + strings.Repeat("{", maxRTFDepth+1)), Options{}, ErrCorrupt, "nested too deeply"},
		{"vtt without cues", "x.vtt", []byte("WEBVTT\n\nhello there"), Options{}, ErrCorrupt, "is not a readable WebVTT file (no cue"},
		{"srt without cues", "x.srt", []byte("1\nhello"), Options{}, ErrCorrupt, "SubRip file"},
		{"odt not zip", "x.odt", []byte("hello"), Options{}, ErrCorrupt, "is not a readable OpenDocument text (not a zip archive)"},
		{"odt is docx", "x.odt", buildDocx(t, p("a")), Options{}, ErrCorrupt, "looks like a Word document"},
		{"odt bad xml", "x.odt", buildZip(t, docxFile{"content.xml", "<a><b></a>"}), Options{}, ErrCorrupt, "malformed XML"},
		{"xlsx not zip", "x.xlsx", []byte("hello"), Options{}, ErrCorrupt, "Excel workbook"},
		{"xlsx is docx", "x.xlsx", buildDocx(t, p("a")), Options{}, ErrCorrupt, "Excel workbook"},
		{"csv without text column", "t.csv", []byte("Speaker,Age,Role\nAmy,34,patient\n"), Options{}, ErrMissingColumn, `"Speaker", "Age", "Role"`},
		{"csv unclosed quote", "q.csv", []byte("Speaker,Text\nAna,hello\nBo,\"it was\nCy,every row below\nDi,swallowed\n"), Options{}, ErrCorrupt, "line 3: a quote opens a cell that is never closed"},
		{"tsv unclosed quote", "q.tsv", []byte("Ana\thello\n\"Bo\tit was\nCy\tswallowed\n"), Options{}, ErrCorrupt, "line 2: a quote opens a cell"},
		{"csv too wide", "t.csv", []byte("a,b,c,d\ne,f,g,h\n"), Options{}, ErrMissingColumn, `"a", "b", "c", "d"`},
		{"xlsx without text column", "t.xlsx", buildXLSX(t, [][]any{{"Who", "When"}, {"Amy", "00:01:00"}}), Options{}, ErrMissingColumn, `"Who", "When"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseWith(tt.file, tt.data, tt.opt)
			var fe *FileError
			if !errors.Is(err, tt.wantErr) || !errors.As(err, &fe) || fe.File != tt.file {
				t.Fatalf("err = %v, want %v in a *FileError for %s", err, tt.wantErr, tt.file)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %q, want it to mention %q", err, tt.msg)
			}
		})
	}
}
