package report

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"themis/internal/prose"
)

// ThemeDocx writes the report as a Word document (.docx, Office Open XML)
// with the same content as [ThemeMarkdown]: the title in the Title style,
// factors and codes as Heading 1–6 (Word's own built-in heading styles, so
// the navigation pane and a table of contents see them), quotes in the Quote
// style, attributions in an "Attribution" style, matrices as Word tables in
// Table Grid.
//
// The package is written here with archive/zip and encoding/xml, not with a
// .docx library: it needs five small parts, its output is then the same
// bytes for the same report (a fixed timestamp), and all text goes through
// one escaping path (xmlText) that keeps data as text — a "<", "&" or
// "=HYPERLINK(…)" is a character run, never markup or a field. Line breaks
// inside a quote become <w:br/> and tabs <w:tab/>; characters XML 1.0
// cannot hold become U+FFFD.
func ThemeDocx(r ThemeReport, w io.Writer) error {
	z := zip.NewWriter(w)
	for _, part := range []struct {
		name string
		body func(io.Writer) error
	}{
		{"[Content_Types].xml", constPart(contentTypesXML)},
		{"_rels/.rels", constPart(relsXML)},
		{"docProps/core.xml", func(w io.Writer) error { return corePart(w, themeTitle(r)) }},
		{"word/_rels/document.xml.rels", constPart(documentRelsXML)},
		{"word/styles.xml", constPart(stylesXML)},
		{"word/document.xml", func(w io.Writer) error { return documentPart(w, r) }},
	} {
		f, err := z.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: docxTime})
		if err != nil {
			return fmt.Errorf("docx %s: %w", part.name, err)
		}
		if err := part.body(f); err != nil {
			return fmt.Errorf("docx %s: %w", part.name, err)
		}
	}
	return z.Close()
}

// docxTime is the fixed modification time of every part, so that the same
// report is the same file.
var docxTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

func constPart(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

func corePart(w io.Writer, title string) error {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>`)
	b.WriteString(xmlText(oneLine(title)))
	b.WriteString(`</dc:title><dc:creator>Themis</dc:creator></cp:coreProperties>`)
	_, err := io.WriteString(w, b.String())
	return err
}

// docx accumulates word/document.xml's body.
type docx struct{ w *bufio.Writer }

func documentPart(out io.Writer, r ThemeReport) error {
	d := docx{bufio.NewWriterSize(out, 64<<10)}
	d.w.WriteString(xml.Header)
	d.w.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	d.para("Title", oneLine(themeTitle(r)))
	d.para("Subtitle", oneLine(r.Scope))
	for _, s := range r.Sections {
		d.para("Heading"+strconv.Itoa(headingLevel(s.Depth)-1), oneLine(s.Name))
		d.para("Definition", oneLine(s.Definition))
		d.para("", oneLine(s.Prevalence))
		d.para("", oneLine(s.Agreement))
		for _, q := range s.Quotes {
			d.para("Quote", prose.CleanText(q.Text))
			d.para("Attribution", quoteFooter(q, oneLine))
		}
	}
	if m := oneLine(r.Methods); m != "" {
		d.para("Heading1", "Methods")
		d.para("", m)
	}
	for _, t := range r.Tables {
		d.para("Heading1", oneLine(t.Title))
		d.table(t)
	}
	d.w.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`)
	return d.w.Flush()
}

// para writes a paragraph in a style ("" for Normal); empty text writes
// nothing.
func (d docx) para(style, text string) {
	if text == "" {
		return
	}
	d.w.WriteString("<w:p>")
	if style != "" {
		d.w.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	}
	d.runs(text, false)
	d.w.WriteString("</w:p>")
}

// runs writes text as one run, with <w:br/> for line breaks and <w:tab/> for
// tabs.
func (d docx) runs(text string, bold bool) {
	d.w.WriteString("<w:r>")
	if bold {
		d.w.WriteString("<w:rPr><w:b/></w:rPr>")
	}
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			d.w.WriteString("<w:br/>")
		}
		for j, piece := range strings.Split(line, "\t") {
			if j > 0 {
				d.w.WriteString("<w:tab/>")
			}
			if piece != "" {
				d.w.WriteString(`<w:t xml:space="preserve">` + xmlText(piece) + "</w:t>")
			}
		}
	}
	d.w.WriteString("</w:r>")
}

// table writes a Word table in Table Grid with a bold header row that
// repeats on every page.
func (d docx) table(t Table) {
	if len(t.Header) == 0 {
		return
	}
	d.w.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	width := 9026 / len(t.Header) // the text width of an A4 page with 1" margins, in twips
	for range t.Header {
		d.w.WriteString(`<w:gridCol w:w="` + strconv.Itoa(width) + `"/>`)
	}
	d.w.WriteString("</w:tblGrid>")
	row := func(cells []string, header bool) {
		d.w.WriteString("<w:tr>")
		if header {
			d.w.WriteString("<w:trPr><w:tblHeader/></w:trPr>")
		}
		for i := range t.Header {
			c := ""
			if i < len(cells) {
				c = oneLine(cells[i])
			}
			d.w.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(width) + `" w:type="dxa"/></w:tcPr><w:p>`)
			if i > 0 {
				d.w.WriteString(`<w:pPr><w:jc w:val="right"/></w:pPr>`)
			}
			if c != "" {
				d.runs(c, header)
			}
			d.w.WriteString("</w:p></w:tc>")
		}
		d.w.WriteString("</w:tr>")
	}
	row(t.Header, true)
	for _, r := range t.Rows {
		row(r, false)
	}
	d.w.WriteString("</w:tbl>")
	d.w.WriteString("<w:p/>") // Word needs a paragraph between a table and what follows
}

// oneLine cleans a single-line field: runs of white space become one space.
func oneLine(s string) string { return strings.Join(strings.Fields(prose.CleanText(s)), " ") }

// xmlText escapes text for an element's content; characters XML 1.0 cannot
// hold become U+FFFD (encoding/xml's rule).
func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) //nolint:errcheck // a strings.Builder does not fail
	return b.String()
}

const contentTypesXML = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const relsXML = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const documentRelsXML = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`</Relationships>`

// stylesXML declares the styles the document uses under Word's built-in
// style ids and names (Title, heading 1…6, Quote, Table Grid), so Word and
// LibreOffice map them onto their own, plus Definition, Attribution and a
// Subtitle for the scope.
var stylesXML = func() string {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia" w:eastAsia="Georgia" w:cs="Times New Roman"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>`)
	b.WriteString(`<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:sz w:val="48"/><w:szCs w:val="48"/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:i/><w:color w:val="444444"/></w:rPr></w:style>`)
	sizes := []int{32, 28, 24, 22, 22, 22}
	for i, sz := range sizes {
		n := strconv.Itoa(i + 1)
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="Heading%s"><w:name w:val="heading %s"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="%d" w:after="80"/><w:outlineLvl w:val="%d"/></w:pPr><w:rPr><w:b/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`,
			n, n, 360-40*i, i, sz, sz)
	}
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Definition"><w:name w:val="Definition"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:rPr><w:i/><w:color w:val="444444"/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:next w:val="Attribution"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="40"/><w:ind w:left="720" w:right="720"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Attribution"><w:name w:val="Attribution"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:spacing w:after="200"/><w:ind w:left="720" w:right="720"/></w:pPr><w:rPr><w:color w:val="555555"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.WriteString(`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr><w:tblPr><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(&b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="auto"/>`, side)
	}
	b.WriteString(`</w:tblBorders></w:tblPr></w:style>`)
	b.WriteString(`</w:styles>`)
	return b.String()
}()
