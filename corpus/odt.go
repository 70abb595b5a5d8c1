package corpus

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// This file reads OpenDocument text (.odt), as LibreOffice writes it.

const (
	nsODFText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsODFTable  = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	nsODFOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsODFStyle  = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
	nsODFFO     = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
	nsODFDraw   = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
	nsODFSVG    = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
)

func odtCorrupt(reason string) error { return corruptIn("OpenDocument text", reason) }

// odtParse reads an .odt: content.xml's paragraphs (text:p, text:h, in
// lists, frames and tables), spans, spaces (text:s), tabs and line breaks,
// with tracked changes accepted, notes and comments left out, and bold
// from the automatic and common styles; then buildBlocks finds the turns.
func odtParse(data []byte, po parseOpts) (parsed, error) {
	zr, err := openZip(data, "OpenDocument text", defaultDocxLimits.maxEntries)
	if err != nil {
		return parsed{}, err
	}
	content := findPart(zr, "content.xml")
	if content == nil {
		hint := ""
		if findPart(zr, "word/document.xml") != nil {
			hint = "; it looks like a Word document"
		}
		return parsed{}, odtCorrupt("no content.xml inside" + hint)
	}
	styles := odtStyles{}
	if f := findPart(zr, "styles.xml"); f != nil {
		if rc, err := openPart(f, 16<<20); err == nil {
			styles.read(&limitedReader{r: rc, n: 16 << 20}) // best effort: bold of common styles
			rc.Close()
		}
	}
	rc, err := openPart(content, MaxFileSize)
	if err != nil {
		return parsed{}, err
	}
	defer rc.Close()
	lr := &limitedReader{r: rc, n: MaxFileSize}
	blocks, tracked, err := odtBlocks(lr, styles)
	if lr.exceeded {
		return parsed{}, tooLargeText
	}
	if err != nil {
		return parsed{}, err
	}
	return parseBlocks(blocks, tracked, po, "the OpenDocument file")
}

// odtStyles maps style names to whether their text is bold, through
// parent styles.
type odtStyles map[string]odtStyle

type odtStyle struct {
	parent string
	bold   int // 0 unset, 1 bold, -1 not bold
}

// read collects the styles of a styles.xml or of content.xml's automatic
// styles from a stream, stopping at the document body.
func (s odtStyles) read(r io.Reader) {
	dec := xml.NewDecoder(r)
	var cur string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxXMLDepth || s.start(t, &cur) {
				return
			}
		case xml.EndElement:
			depth--
			if t.Name.Space == nsODFStyle && t.Name.Local == "style" {
				cur = ""
			}
		}
	}
}

// start records a style element; it reports true at the document body.
func (s odtStyles) start(t xml.StartElement, cur *string) bool {
	switch {
	case t.Name.Space == nsODFOffice && t.Name.Local == "body":
		return true
	case t.Name.Space == nsODFStyle && t.Name.Local == "style":
		*cur = attrNS(t, nsODFStyle, "name")
		if len(s) < 100000 {
			s[*cur] = odtStyle{parent: attrNS(t, nsODFStyle, "parent-style-name")}
		}
	case t.Name.Space == nsODFStyle && t.Name.Local == "text-properties" && *cur != "":
		if w := attrNS(t, nsODFFO, "font-weight"); w != "" {
			st := s[*cur]
			st.bold = -1
			if n, err := strconv.Atoi(w); w == "bold" || err == nil && n >= 600 {
				st.bold = 1
			}
			s[*cur] = st
		}
	}
	return false
}

// isBold resolves a style's boldness through its parents; inherit is used
// when no style in the chain sets it.
func (s odtStyles) isBold(name string, inherit bool) bool {
	for i := 0; i < 20 && name != ""; i++ {
		st, ok := s[name]
		if !ok {
			if name == "Strong_20_Emphasis" {
				return true
			}
			break
		}
		switch st.bold {
		case 1:
			return true
		case -1:
			return false
		}
		name = st.parent
	}
	return inherit
}

func attrNS(t xml.StartElement, space, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local && (a.Name.Space == space || a.Name.Space == "") {
			return a.Value
		}
	}
	return ""
}

// odtPara is a paragraph being read.
type odtPara struct {
	paragraph
	space bool   // the last character written was collapsible white space
	bold  []bool // bold of the open spans, innermost last
}

// odtBlocks streams content.xml and returns its paragraphs and tables.
func odtBlocks(r io.Reader, styles odtStyles) (blocks []block, tracked bool, err error) {
	dec := xml.NewDecoder(r)
	var (
		open   []*odtPara
		skip   int
		root   bool
		tables tableReader
		cur    string // style being read in automatic styles
		inDoc  bool   // inside office:body
		size   int    // bytes of text so far: text:s and repeated cells can expand
		repeat = 1    // times the current cell repeats
		depth  int    // of open elements
		units  int    // paragraphs and table cells so far
	)
	top := func() *odtPara {
		if len(open) == 0 {
			return nil
		}
		return open[len(open)-1]
	}
	write := func(s string, collapse bool) {
		p := top()
		if p == nil {
			return
		}
		if collapse {
			var b strings.Builder
			for _, r := range s {
				if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
					if p.space || (p.text.Len() == 0 && b.Len() == 0) {
						continue
					}
					p.space = true
					b.WriteByte(' ')
					continue
				}
				p.space = false
				b.WriteRune(r)
			}
			s = b.String()
		} else {
			p.space = false
		}
		if s == "" {
			return
		}
		size += len(s)
		p.paragraph.write(s, len(p.bold) > 0 && p.bold[len(p.bold)-1])
	}
	for {
		tok, err := xmlToken(dec, "OpenDocument text", "content.xml")
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, false, err
		}
		if size > MaxFileSize {
			return nil, false, tooLargeText
		}
		switch t := tok.(type) {
		case xml.StartElement:
			root = true
			if depth++; depth > maxXMLDepth {
				return nil, false, xmlTooDeep("OpenDocument text")
			}
			if skip > 0 {
				skip++
				continue
			}
			if !inDoc {
				if t.Name.Space == nsODFOffice && t.Name.Local == "body" {
					inDoc = true
				} else {
					styles.start(t, &cur)
				}
				continue
			}
			switch t.Name.Space {
			case nsODFText:
				switch t.Name.Local {
				case "tracked-changes":
					tracked = true
					skip = 1
				case "note", "sequence-decls", "variable-decls", "user-field-decls", "bookmark-ref-decls":
					skip = 1
				case "p", "h":
					if units++; units > maxParagraphs {
						return nil, false, tooManyParagraphs
					}
					np := &odtPara{paragraph: paragraph{boldOpen: true}}
					np.bold = []bool{styles.isBold(attrNS(t, nsODFText, "style-name"), false)}
					open = append(open, np)
				case "span", "a":
					if p := top(); p != nil {
						in := len(p.bold) > 0 && p.bold[len(p.bold)-1]
						p.bold = append(p.bold, styles.isBold(attrNS(t, nsODFText, "style-name"), in))
					}
				case "s":
					n := 1
					if c, err := strconv.Atoi(attrNS(t, nsODFText, "c")); err == nil {
						n = min(max(c, 1), 1000)
					}
					write(strings.Repeat(" ", n), false)
				case "tab":
					write("\t", false)
				case "line-break":
					write("\n", false)
				case "change-start", "change-end", "change":
					tracked = true
				}
			case nsODFOffice:
				switch t.Name.Local {
				case "annotation", "forms", "scripts", "event-listeners":
					skip = 1
				}
			case nsODFSVG:
				skip = 1 // titles and descriptions of drawings
			case nsODFDraw:
				if t.Name.Local == "image" || t.Name.Local == "object" {
					skip = 1
				}
			case nsODFTable:
				switch t.Name.Local {
				case "table":
					tables.startTable()
				case "table-row":
					tables.startRow()
				case "table-cell", "covered-table-cell":
					units++
					if tables.depth == 1 {
						tables.startCell()
						repeat = 1
						if n, err := strconv.Atoi(attrNS(t, nsODFTable, "number-columns-repeated")); err == nil && n > 1 {
							repeat = min(n, 64)
							units += repeat - 1
						}
					}
					if units > maxParagraphs {
						return nil, false, tooManyParagraphs
					}
				case "tracked-changes":
					skip = 1
				}
			}
		case xml.EndElement:
			depth--
			if skip > 0 {
				skip--
				continue
			}
			if !inDoc {
				if t.Name.Space == nsODFStyle && t.Name.Local == "style" {
					cur = ""
				}
				continue
			}
			switch t.Name.Space {
			case nsODFText:
				switch t.Name.Local {
				case "p", "h":
					if n := len(open); n > 0 {
						p := open[n-1]
						open = open[:n-1]
						text := p.text.String()
						if !tables.paragraph(text) {
							blocks = append(blocks, block{para: para{text: text, bold: p.paragraph.bold}})
						}
					}
				case "span", "a":
					if p := top(); p != nil && len(p.bold) > 1 {
						p.bold = p.bold[:len(p.bold)-1]
					}
				}
			case nsODFTable:
				switch t.Name.Local {
				case "table-cell", "covered-table-cell":
					size += tables.endCell(repeat)
				case "table-row":
					tables.endRow()
				case "table":
					blocks = tables.endTable(blocks)
				}
			}
		case xml.CharData:
			if skip == 0 && inDoc {
				write(string(t), true)
			}
		}
	}
	if !root {
		return nil, false, odtCorrupt("malformed XML in content.xml: no root element")
	}
	return blocks, tracked, nil
}
