package corpus

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
	` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"` +
	` xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"`

// docxFile is one entry of a zip built by buildZip.
type docxFile struct{ name, body string }

// buildZip writes the files into a zip archive in memory.
func buildZip(t testing.TB, files ...docxFile) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(f.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// buildDocx makes a minimal Word document whose w:body holds body.
func buildDocx(t testing.TB, body string) []byte {
	t.Helper()
	return buildZip(t,
		docxFile{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		docxFile{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		docxFile{"word/document.xml", docXML(body)},
	)
}

func docXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:document " + wordNS + "><w:body>" + body + "</w:body></w:document>"
}

// p makes a paragraph of plain runs.
func p(runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	for _, r := range runs {
		fmt.Fprintf(&b, `<w:r><w:t xml:space="preserve">%s</w:t></w:r>`, r)
	}
	b.WriteString("</w:p>")
	return b.String()
}

func TestDocxText(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string
	}{
		{"paragraphs", p("Interviewer: hello") + p("P1: hi"), "Interviewer: hello\nP1: hi"},
		{"runs join", p("Inter", "viewer: ", "hello"), "Interviewer: hello"},
		{"empty paragraphs stay", p("a") + "<w:p/>" + p("b") + "<w:p></w:p><w:p/>", "a\n\nb"},
		{"tab and breaks", `<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t></w:r></w:p>`, "a\tb\nc\nd"},
		{"tab stops are not tabs", `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`, "x"},
		{"deleted text dropped, inserted kept",
			`<w:p><w:r><w:t xml:space="preserve">I went </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>twice </w:delText></w:r></w:del>` +
				`<w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">once </w:t></w:r></w:ins><w:r><w:t>a week.</w:t></w:r></w:p>`,
			"I went once a week."},
		{"deleted paragraph mark joins paragraphs",
			p("Keep this.") + `<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="A"/></w:rPr></w:pPr><w:del w:id="4" w:author="A"><w:r><w:delText>Secret name.</w:delText></w:r></w:del></w:p>` + p("And this."),
			"Keep this.\nAnd this."},
		{"deleted mark keeps remaining text", `<w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">one </w:t></w:r></w:p>` + p("two"), "one two"},
		{"moved text once", `<w:p><w:moveFrom><w:r><w:t>gone</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>here</w:t></w:r></w:moveTo></w:p>`, "here"},
		{"table cells are paragraphs",
			p("Before") + `<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/>` + p("Interviewer:") + `</w:tc><w:tc>` + p("How was it?") + p("Second line") + `</w:tc></w:tr>` +
				`<w:tr><w:tc>` + p("P1:") + `</w:tc><w:tc>` + p("Good.") + `</w:tc></w:tr></w:tbl>` + p("After"),
			"Before\nInterviewer:\nHow was it?\nSecond line\nP1:\nGood.\nAfter"},
		{"field codes dropped, results kept", `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`, "3"},
		{"hyperlinks and content controls", `<w:p><w:hyperlink r:id="x" xmlns:r="urn:r"><w:r><w:t>link</w:t></w:r></w:hyperlink><w:sdt><w:sdtContent><w:r><w:t xml:space="preserve"> text</w:t></w:r></w:sdtContent></w:sdt></w:p>`, "link text"},
		{"alternate content read once",
			`<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` + p("box text") +
				`</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>` + p("box text") + `</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>above.</w:t></w:r></w:p>`,
			"box text\nSee above."},
		{"entities and unicode", p("Caf&#233; &amp; cafe\u0301 😀 &lt;3"), "Café & café 😀 <3"},
		{"trailing empty paragraphs trimmed", p("a  ") + "<w:p/><w:p/>", "a"},
		{"non-breaking hyphen", `<w:p><w:r><w:t>co</w:t><w:noBreakHyphen/><w:t>op</w:t></w:r></w:p>`, "co-op"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := docxText(buildDocx(t, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDocxStrictAndRelationships(t *testing.T) {
	strict := `<?xml version="1.0"?><w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>strict</w:t></w:r></w:p></w:body></w:document>`
	data := buildZip(t,
		docxFile{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`},
		docxFile{"word/document2.xml", strict},
	)
	if got, err := docxText(data); err != nil || got != "strict" {
		t.Errorf("got %q, %v", got, err)
	}
	// No relationships: fall back to word/document.xml, whatever its case.
	data = buildZip(t, docxFile{"Word/Document.xml", docXML(p("fallback"))})
	if got, err := docxText(data); err != nil || got != "fallback" {
		t.Errorf("got %q, %v", got, err)
	}
}

func TestDocxErrors(t *testing.T) {
	big := docXML(strings.Repeat(p("some words to make the part larger"), 50))
	tests := []struct {
		name    string
		data    []byte
		lim     docxLimits
		wantErr error
		msg     string
	}{
		{"random bytes", []byte("this is not a zip at all"), defaultDocxLimits, ErrCorrupt, "is not a readable Word document (not a zip archive)"},
		{"empty", nil, defaultDocxLimits, ErrEmpty, ""},
		{"old .doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...), defaultDocxLimits, ErrCorrupt, "old .doc"},
		{"zip without document", buildZip(t, docxFile{"word/styles.xml", "<x/>"}), defaultDocxLimits, ErrCorrupt, "no word/document.xml"},
		{"opendocument zip", buildZip(t, docxFile{"mimetype", "application/vnd.oasis.opendocument.text"}, docxFile{"content.xml", "<x/>"}), defaultDocxLimits, ErrCorrupt, "OpenDocument"},
		{"malformed xml", buildZip(t, docxFile{"word/document.xml", "<w:document " + wordNS + "><w:body><w:p><w:r><w:t>unclosed"}), defaultDocxLimits, ErrCorrupt, "malformed XML"},
		{"mismatched tags", buildZip(t, docxFile{"word/document.xml", "<a><b></a>"}), defaultDocxLimits, ErrCorrupt, "malformed XML"},
		{"empty part", buildZip(t, docxFile{"word/document.xml", ""}), defaultDocxLimits, ErrCorrupt, "no root element"},
		{"no text", buildDocx(t, "<w:p/><w:p/><w:sectPr/>"), defaultDocxLimits, ErrEmpty, "no text"},
		{"part too large", buildDocx(t, strings.Repeat(p("x"), 100)), docxLimits{maxXML: 1000, maxRels: 1 << 20, maxEntries: 100}, ErrTooLarge, ""},
		{"too many entries", buildZip(t, docxFile{"a", ""}, docxFile{"b", ""}, docxFile{"word/document.xml", big}), docxLimits{maxXML: 1 << 20, maxRels: 1 << 20, maxEntries: 2}, ErrCorrupt, "too many entries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := extractDocx(tt.data, tt.lim)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %q, want it to mention %q", err, tt.msg)
			}
		})
	}
}

// TestDocxSizeLiesInHeader checks the decompressed-size cap when the zip
// header understates the size (a zip bomb would): the limit is enforced on
// the bytes actually read.
func TestDocxSizeLiesInHeader(t *testing.T) {
	data := buildDocx(t, strings.Repeat(p("zip bomb padding"), 200))
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var size uint64
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			size = f.UncompressedSize64
		}
	}
	lr := &limitedReader{r: strings.NewReader(strings.Repeat("x", int(size))), n: int64(size) - 1}
	if _, _, err := wordBlocks(lr); !errors.Is(err, ErrTooLarge) || !lr.exceeded {
		t.Errorf("err = %v, exceeded = %v", err, lr.exceeded)
	}
	lr = &limitedReader{r: strings.NewReader(docXML(p("exact"))), n: int64(len(docXML(p("exact"))))}
	if paras, _, err := wordBlocks(lr); err != nil || len(paras) != 1 || lr.exceeded {
		t.Errorf("exact size: %v, %v, exceeded = %v", paras, err, lr.exceeded)
	}
}

// TestDocxTurns runs a built transcript with a table, a deleted run and
// speaker labels through Parse.
func TestDocxTurns(t *testing.T) {
	body := p("Interview 12 — walking group") + "<w:p/>" +
		p("Interviewer: What made you join?") +
		`<w:p><w:r><w:t xml:space="preserve">P012: My neighbour </w:t></w:r><w:del w:id="1" w:author="T"><w:r><w:delText>Janet </w:delText></w:r></w:del><w:ins w:id="2" w:author="T"><w:r><w:t xml:space="preserve">[name] </w:t></w:r></w:ins><w:r><w:t>asked me. 😀</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc>` + p("Interviewer: Anything else?") + `</w:tc><w:tc>` + p("P012: No.") + `</w:tc></w:tr></w:tbl>`
	doc, err := Parse("interview-12.DOCX", buildDocx(t, body))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Name != "interview-12" {
		t.Errorf("name = %q", doc.Name)
	}
	if strings.Contains(doc.Text, "Janet") {
		t.Errorf("deleted text leaked: %q", doc.Text)
	}
	checkTurns(t, doc.Text, doc.Turns)
	want := []string{
		"|||Interview 12 — walking group",
		"Interviewer||Interviewer: |What made you join?",
		"P012||P012: |My neighbour [name] asked me. 😀",
		"Interviewer||Interviewer: |Anything else?",
		"P012||P012: |No.",
	}
	if got := summaries(doc.Text, doc.Turns); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("turns\n got %q\nwant %q", got, want)
	}
}

func TestDocxFiles(t *testing.T) {
	for _, tt := range []struct {
		file    string
		wantErr error
	}{
		{"corrupt.docx", ErrCorrupt},
		{"no-document.docx", ErrCorrupt},
		{"qualcoder-ID1.docx", nil},
	} {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := ReadFile(filepath.Join("testdata", tt.file))
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err != nil && !strings.HasPrefix(err.Error(), tt.file+": is not a readable Word document (") {
				t.Errorf("message %q", err)
			}
			if err == nil {
				checkQualCoderID1(t, doc)
			}
		})
	}
}

// TestSharedDocxFixture reads QualCoder's ID1.docx from the shared fixtures.
func TestSharedDocxFixture(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "fixtures", "transcripts", "qualcoder-ID1.docx")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip("shared fixture absent:", err)
	}
	doc, err := Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	checkQualCoderID1(t, doc)
}

func checkQualCoderID1(t *testing.T, doc Document) {
	t.Helper()
	if doc.Name != "qualcoder-ID1" {
		t.Errorf("name = %q", doc.Name)
	}
	const opening = "I really like learning new things. I think this course is good for me"
	if !strings.HasPrefix(doc.Text, opening) {
		t.Errorf("text starts %q, want %q", Slice(doc.Text, 0, 80), opening)
	}
	for _, s := range []string{"have been really good.\nI guess some less computer-savvy", "I'm happy to pay €200."} {
		if !strings.Contains(doc.Text, s) {
			t.Errorf("text lacks %q", s)
		}
	}
	if !strings.HasSuffix(doc.Text, "€200.") {
		t.Errorf("trailing empty paragraph not trimmed: %q", doc.Text[len(doc.Text)-20:])
	}
	checkTurns(t, doc.Text, doc.Turns)
	if len(doc.Turns) != 3 || doc.Turns[0].Speaker != "" {
		t.Errorf("want 3 unlabelled paragraph turns, got %+v", doc.Turns)
	}
	if doc.Words < 100 || doc.Words > 130 {
		t.Errorf("words = %d", doc.Words)
	}
}
