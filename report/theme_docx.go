package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"

	"themis/internal/prose"
)

// ThemeDocx writes the report as a Word document (.docx, Office Open XML)
// with the same content as [ThemeMarkdown]: the title in the Title style,
// factors and codes as Heading 1–6 (Word's own built-in heading styles, so
// the navigation pane and a table of contents see them), quotes in the Quote
// style, attributions in an "Attribution" style, matrices as Word tables in
// Table Grid.
//
// The package is built with github.com/gomutex/godocx on its default
// template, which already defines Title, Subtitle, Heading 1–9, Quote and
// Table Grid under Word's built-in ids; docxStyles adds Definition and
// Attribution and gives Quote a block-quote indent. godocx writes its parts
// in a sorted order with a fixed timestamp, so the same report is the same
// bytes. All text reaches it through docxRuns, after docxSafe: data stays
// text (godocx's runs are escaped by encoding/xml; a "<", "&" or
// "=HYPERLINK(…)" is a character run, never markup or a field), line breaks
// inside a quote become <w:br/> and tabs <w:tab/>, and characters XML 1.0
// cannot hold become U+FFFD here rather than by whatever the library does.
func ThemeDocx(r ThemeReport, w io.Writer) error {
	doc, err := godocx.NewDocument()
	if err != nil {
		return fmt.Errorf("docx template: %w", err)
	}
	docxStyles(doc)
	d := docxDoc{doc}
	d.para("Title", oneLine(themeTitle(r)))
	d.para("Subtitle", oneLine(r.Scope))
	for _, s := range r.Sections {
		d.para("Heading"+strconv.Itoa(headingLevel(s.Depth)-1), oneLine(s.Name))
		d.para("Definition", oneLine(s.Definition))
		for _, m := range s.Memos {
			d.para("Definition", oneLine(memoHead(m)+". "+m.Text))
		}
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
	// A4 with 1" margins, as a report handed in in Europe is printed; the
	// template's section is US Letter.
	doc.Document.Body.SectPr = docxSection()
	// The template's core properties name godocx as the author; the report's
	// are its title and Themis, and nothing else (no user name, no path).
	doc.FileMap.Store("docProps/core.xml", docxCore(oneLine(themeTitle(r))))
	doc.FileMap.Store("docProps/app.xml", []byte(docxApp))
	docxDrop(doc, "docProps/thumbnail.jpeg", &doc.RootRels)
	docxDrop(doc, "word/stylesWithEffects.xml", &doc.Document.DocRels)
	if err := doc.Write(w); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return nil
}

// docxDoc adds the report's paragraphs and tables to a godocx document.
type docxDoc struct{ doc *docx.RootDoc }

// para adds a paragraph in a style ("" for Normal); empty text adds
// nothing.
func (d docxDoc) para(style, text string) {
	if text == "" {
		return
	}
	p := d.doc.AddEmptyParagraph()
	if style != "" {
		p.Style(style)
	}
	docxRuns(p, text, false)
}

// docxRuns adds text to a paragraph as one run, with <w:br/> for line
// breaks and <w:tab/> for tabs (godocx's AddText would put them in <w:t>,
// where Word shows neither).
func docxRuns(p *docx.Paragraph, text string, bold bool) {
	run := &ctypes.Run{}
	if bold {
		run.Property = &ctypes.RunProperty{Bold: ctypes.OnOffFromBool(true)}
	}
	for i, line := range strings.Split(docxSafe(text), "\n") {
		if i > 0 {
			run.Children = append(run.Children, ctypes.RunChild{Break: &ctypes.Break{}})
		}
		for j, piece := range strings.Split(line, "\t") {
			if j > 0 {
				run.Children = append(run.Children, ctypes.RunChild{Tab: &ctypes.Empty{}})
			}
			if piece != "" {
				run.Children = append(run.Children, ctypes.RunChild{Text: ctypes.TextFromString(piece)})
			}
		}
	}
	ct := p.GetCT()
	ct.Children = append(ct.Children, ctypes.ParagraphChild{Run: run})
}

// docxSafe replaces what XML 1.0 cannot hold (C0 controls other than tab
// and line feed, a carriage return Word would read as a break, lone
// surrogates, U+FFFE/U+FFFF, invalid UTF-8) with U+FFFD, so the file opens
// whatever the data holds and whatever the library's escaping does.
func docxSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
			return r
		}
		return '\uFFFD'
	}, s)
}

// table adds a Word table in Table Grid with a bold header row that repeats
// on every page, numbers right-aligned, and a paragraph after it (Word
// needs one between a table and what follows).
func (d docxDoc) table(t Table) {
	if len(t.Header) == 0 {
		return
	}
	tbl := d.doc.AddTable()
	tbl.Style("TableGrid")
	tbl.Width(0, stypes.TableWidthAuto)
	width := 9026 / len(t.Header) // the text width of an A4 page with 1" margins, in twips
	widths := make([]uint64, len(t.Header))
	for i := range widths {
		widths[i] = uint64(width)
	}
	tbl.Grid(widths...)
	row := func(cells []string, header bool) {
		tr := tbl.AddRow()
		if header {
			rows := tbl.GetCT().RowContents
			rows[len(rows)-1].Row.Property.Header = ctypes.OnOffFromBool(true)
		}
		for i := range t.Header {
			c := ""
			if i < len(cells) {
				c = oneLine(cells[i])
			}
			tc := tr.AddCell()
			tc.Width(width, stypes.TableWidthDxa)
			p := tc.AddEmptyPara()
			if i > 0 {
				p.Justification(stypes.JustificationRight)
			}
			if c != "" {
				docxRuns(p, c, header)
			}
		}
	}
	row(t.Header, true)
	for _, r := range t.Rows {
		row(r, false)
	}
	d.doc.AddEmptyParagraph()
}

// oneLine cleans a single-line field: runs of white space become one space.
func oneLine(s string) string { return strings.Join(strings.Fields(prose.CleanText(s)), " ") }

// docxStyles adds to the template's styles the two the report defines
// itself — Definition (the codebook's definition under a heading) and
// Attribution (the line under a quote) — and indents Quote on both sides so
// quotes read as block quotes; the template's Quote is only italic.
func docxStyles(doc *docx.RootDoc) {
	indent := func() *ctypes.Indent {
		in, out := 720, 720
		return &ctypes.Indent{Left: &in, Right: &out}
	}
	for i := range doc.DocStyles.StyleList {
		s := &doc.DocStyles.StyleList[i]
		if s.ID != nil && *s.ID == "Quote" && s.Type != nil && *s.Type == stypes.StyleTypeParagraph {
			if s.ParaProp == nil {
				s.ParaProp = &ctypes.ParagraphProp{}
			}
			s.ParaProp.Indent = indent()
			s.ParaProp.KeepNext = ctypes.OnOffFromBool(true) // a quote stays on the page of its attribution
			s.ParaProp.Spacing = ctypes.NewParagraphSpacing(200, 40)
			s.Next = ctypes.NewCTString("Attribution")
		}
	}
	custom := func(id string, size uint64, italic bool, color string, pPr *ctypes.ParagraphProp) ctypes.Style {
		typ, on := stypes.StyleTypeParagraph, stypes.OnOffOne
		rPr := &ctypes.RunProperty{Color: ctypes.NewColor(color)}
		if italic {
			rPr.Italic = ctypes.OnOffFromBool(true)
		}
		if size > 0 {
			rPr.Size = ctypes.NewFontSize(size)
		}
		return ctypes.Style{
			Type: &typ, ID: &id, CustomStyle: &on,
			Name: ctypes.NewCTString(id), BasedOn: ctypes.NewCTString("Normal"), Next: ctypes.NewCTString("Normal"),
			ParaProp: pPr, RunProp: rPr,
		}
	}
	doc.DocStyles.StyleList = append(doc.DocStyles.StyleList,
		custom("Definition", 0, true, "444444", nil),
		custom("Attribution", 20, false, "555555", &ctypes.ParagraphProp{Indent: indent(), Spacing: ctypes.NewParagraphSpacing(0, 200)}),
	)
}

// docxSection is the page: A4, 1" margins.
func docxSection() *ctypes.SectionProp {
	w, h := uint64(11906), uint64(16838)
	inch, half, zero := 1440, 708, 0
	return &ctypes.SectionProp{
		PageSize:   &ctypes.PageSize{Width: &w, Height: &h},
		PageMargin: &ctypes.PageMargin{Top: &inch, Right: &inch, Bottom: &inch, Left: &inch, Header: &half, Footer: &half, Gutter: &zero},
	}
}

// docxCore is docProps/core.xml: the title and "Themis", and no dates, so
// the same report is the same file.
func docxCore(title string) []byte {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>`)
	xml.EscapeText(&b, []byte(docxSafe(title))) //nolint:errcheck // a strings.Builder does not fail
	b.WriteString(`</dc:title><dc:creator>Themis</dc:creator></cp:coreProperties>`)
	return []byte(b.String())
}

// docxApp is docProps/app.xml: the template's names Word for the Mac as the
// application that wrote the file.
const docxApp = xml.Header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Themis</Application></Properties>`

// docxDrop removes a part of the template, its relationship and its
// content type: the thumbnail, a picture of an empty page that file
// browsers would show for the report, and stylesWithEffects.xml, Word
// 2010's copy of the styles, which would not have Definition and
// Attribution (without it every Word reads styles.xml).
func docxDrop(doc *docx.RootDoc, part string, rels *docx.Relationships) {
	doc.FileMap.Delete(part)
	keep := rels.Relationships[:0]
	for _, rel := range rels.Relationships {
		if path.Join(path.Dir(rels.RelativePath), "..", rel.Target) != part {
			keep = append(keep, rel)
		}
	}
	rels.Relationships = keep
	types := doc.ContentType.Override[:0]
	for _, o := range doc.ContentType.Override {
		if o.PartName != "/"+part {
			types = append(types, o)
		}
	}
	doc.ContentType.Override = types
}
