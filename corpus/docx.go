package corpus

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
)

// Namespaces of the WordprocessingML elements we read. Transitional is what
// Word writes; Strict is ISO/IEC 29500 strict.
const (
	nsWordTransitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWordStrict       = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMarkupCompat     = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// docxLimits bounds the work a .docx may ask for (zip bombs).
type docxLimits struct {
	maxXML     int64 // decompressed size of the main document part
	maxRels    int64 // decompressed size of _rels/.rels
	maxEntries int   // number of entries in the archive
}

var defaultDocxLimits = docxLimits{maxXML: MaxFileSize, maxRels: 1 << 20, maxEntries: 10000}

func corrupt(reason string) error { return corruptIn("Word document", reason) }

// docxText extracts the text of a Word document: one line per paragraph
// (empty paragraphs stay as empty lines), w:tab as "\t", w:br and w:cr as
// "\n", inserted text kept and deleted text dropped, each table-cell
// paragraph a line of its own. The result is normalised like plain text.
func docxText(data []byte) (string, error) {
	return extractDocx(data, defaultDocxLimits)
}

// docxParse reads a Word document into text and turns (see buildBlocks):
// bold speaker names and tables of turns are recognised.
func docxParse(data []byte, po parseOpts) (parsed, error) {
	blocks, tracked, err := docxBlocks(data, defaultDocxLimits)
	if err != nil {
		return parsed{}, err
	}
	return parseBlocks(blocks, tracked, po, "the Word document")
}

// parseBlocks turns the blocks of a Word or OpenDocument file (what, for
// the message when it has no text) into turns, warning first that tracked
// changes were accepted when there were any.
func parseBlocks(blocks []block, tracked bool, po parseOpts, what string) (parsed, error) {
	p, err := buildBlocks(blocks, po)
	if errors.Is(err, ErrEmpty) {
		return parsed{}, detail(ErrEmpty, "%s (%s has no text)", ErrEmpty, what)
	}
	if tracked {
		p.warnings = append([]string{"tracked changes accepted: inserted text kept, deleted text left out"}, p.warnings...)
	}
	return p, err
}

// extractDocx is docxText under the given limits, which tests lower.
func extractDocx(data []byte, lim docxLimits) (string, error) {
	blocks, _, err := docxBlocks(data, lim)
	if err != nil {
		return "", err
	}
	s, err := finishText(strings.Join(flatten(blocks), "\n"))
	if errors.Is(err, ErrEmpty) {
		return "", detail(ErrEmpty, "%s (the Word document has no text)", ErrEmpty)
	}
	return s, err
}

func docxBlocks(data []byte, lim docxLimits) ([]block, bool, error) {
	zr, err := openZip(data, "Word document", lim.maxEntries)
	if err != nil {
		return nil, false, err
	}
	f := mainPart(zr, lim)
	if f == nil {
		return nil, false, corrupt("no word/document.xml inside" + otherFormatHint(zr))
	}
	rc, err := openPart(f, lim.maxXML)
	if err != nil {
		return nil, false, err
	}
	defer rc.Close()
	lr := &limitedReader{r: rc, n: lim.maxXML}
	blocks, tracked, err := wordBlocks(lr)
	if lr.exceeded {
		return nil, false, tooLargeText
	}
	return blocks, tracked, err
}

// limitedReader reads at most n bytes and remembers whether there was more.
type limitedReader struct {
	r        io.Reader
	n        int64
	exceeded bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		// Probe one byte to tell "exactly n" from "more than n".
		var one [1]byte
		if k, _ := l.r.Read(one[:]); k > 0 {
			l.exceeded = true
			return 0, ErrTooLarge
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	return k, err
}

// mainPart finds the main document part: the officeDocument relationship in
// _rels/.rels when there is one, else word/document.xml. Part names in a
// package are case-insensitive.
func mainPart(zr *zip.Reader, lim docxLimits) *zip.File {
	byName := func(name string) *zip.File {
		name = strings.TrimPrefix(name, "/")
		for _, f := range zr.File {
			if strings.EqualFold(f.Name, name) {
				return f
			}
		}
		return nil
	}
	if rels := byName("_rels/.rels"); rels != nil && rels.UncompressedSize64 <= uint64(lim.maxRels) {
		if target := officeDocumentTarget(rels, lim.maxRels); target != "" {
			if f := byName(path.Clean("/" + target)); f != nil {
				return f
			}
		}
	}
	return byName("word/document.xml")
}

func officeDocumentTarget(rels *zip.File, max int64) string {
	rc, err := rels.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	var doc struct {
		Rels []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.NewDecoder(io.LimitReader(rc, max)).Decode(&doc); err != nil {
		return ""
	}
	for _, r := range doc.Rels {
		if strings.HasSuffix(r.Type, "/officeDocument") && !strings.Contains(r.Target, "://") {
			return r.Target
		}
	}
	return ""
}

// otherFormatHint names the format of a zip that is not a Word document.
func otherFormatHint(zr *zip.Reader) string {
	for _, f := range zr.File {
		switch strings.ToLower(f.Name) {
		case "content.xml":
			return "; it looks like an OpenDocument file"
		case "xl/workbook.xml":
			return "; it looks like an Excel workbook"
		case "ppt/presentation.xml":
			return "; it looks like a PowerPoint presentation"
		}
	}
	return ""
}

func isWord(n xml.Name) bool {
	switch n.Space {
	case nsWordTransitional, nsWordStrict, "w", "":
		return true
	}
	return false
}

type paragraph struct {
	text        strings.Builder
	markDeleted bool
	bold        int  // bytes of text at the start written by bold runs
	boldOpen    bool // no non-bold text yet
}

// write appends s, written by a bold run or not, extending the leading bold
// text while no non-bold text (other than white space) has come.
func (p *paragraph) write(s string, bold bool) {
	if p.boldOpen {
		if bold {
			p.bold += len(s)
		} else if strings.TrimSpace(s) != "" || p.bold > 0 {
			p.boldOpen = false
		}
	}
	p.text.WriteString(s)
}

// wordBlocks streams WordprocessingML and returns its paragraphs (with the
// length of their leading bold text) and tables in document order.
// Paragraphs nested in a paragraph (text boxes) come out as paragraphs of
// their own, before the paragraph that anchors them; nested tables become
// lines of the cell that holds them. tracked reports tracked changes.
func wordBlocks(r io.Reader) (blocks []block, tracked bool, err error) {
	dec := xml.NewDecoder(r)
	var (
		open    []*paragraph    // paragraphs being read, innermost last
		skip    int             // >0 while inside an element whose text is dropped
		runs    int             // depth of w:r
		inT     int             // depth of w:t
		root    bool            // saw the root element
		pPr     int             // depth of w:pPr
		rPr     int             // depth of w:rPr
		runBold bool            // the current run is bold
		carry   strings.Builder // text of paragraphs whose mark was deleted
		tables  tableReader
		depth   int // of open elements
		units   int // paragraphs and table cells so far
	)
	write := func(s string) {
		if len(open) == 0 {
			return
		}
		open[len(open)-1].write(s, runBold && runs > 0)
	}
	for {
		tok, err := xmlToken(dec, "Word document", "")
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			root = true
			if depth++; depth > maxXMLDepth {
				return nil, false, xmlTooDeep("Word document")
			}
			if skip > 0 {
				skip++
				continue
			}
			if (t.Name.Space == nsMarkupCompat || t.Name.Space == "mc") && t.Name.Local == "Fallback" {
				skip = 1 // the same content as mc:Choice, for older readers
				continue
			}
			if !isWord(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "del", "moveFrom", "delText", "delInstrText", "instrText":
				if t.Name.Local != "instrText" {
					tracked = true
				}
				if pPr > 0 && len(open) > 0 && t.Name.Local != "delText" {
					open[len(open)-1].markDeleted = true
				}
				skip = 1
			case "ins", "moveTo":
				tracked = true
			case "pPr":
				pPr++
			case "rPr":
				rPr++
			case "b":
				if rPr > 0 && runs > 0 && pPr == 0 {
					runBold = onOff(t)
				}
			case "rStyle":
				if rPr > 0 && runs > 0 && pPr == 0 {
					v := strings.ToLower(attr(t, "val"))
					if v == "strong" || v == "bold" {
						runBold = true
					}
				}
			case "p":
				if units++; units > maxParagraphs {
					return nil, false, tooManyParagraphs
				}
				open = append(open, &paragraph{boldOpen: true})
			case "r":
				runs++
				runBold = false
			case "t":
				inT++
			case "tab":
				if runs > 0 {
					write("\t")
				}
			case "br", "cr":
				if runs > 0 {
					write("\n")
				}
			case "noBreakHyphen":
				write("-")
			case "tbl":
				tables.startTable()
			case "tr":
				tables.startRow()
			case "tc":
				if units++; units > maxParagraphs {
					return nil, false, tooManyParagraphs
				}
				tables.startCell()
			}
		case xml.EndElement:
			depth--
			if skip > 0 {
				skip--
				continue
			}
			if !isWord(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "pPr":
				if pPr > 0 {
					pPr--
				}
			case "rPr":
				if rPr > 0 {
					rPr--
				}
			case "p":
				if n := len(open); n > 0 {
					pg := open[n-1]
					open = open[:n-1]
					if pg.markDeleted {
						// The paragraph mark is a tracked deletion: once the
						// change is accepted this text joins the next
						// paragraph. Appended, not concatenated, so that a
						// long run of them stays linear.
						carry.WriteString(pg.text.String())
						break
					}
					text, bold := pg.text.String(), pg.bold
					if carry.Len() > 0 {
						carry.WriteString(text)
						text, bold = carry.String(), 0
						carry = strings.Builder{}
					}
					if !tables.paragraph(text) {
						blocks = append(blocks, block{para: para{text: text, bold: bold}})
					}
				}
			case "r":
				if runs > 0 {
					runs--
				}
				runBold = false
			case "t":
				if inT > 0 {
					inT--
				}
			case "tc":
				tables.endCell(1)
			case "tr":
				tables.endRow()
			case "tbl":
				blocks = tables.endTable(blocks)
			}
		case xml.CharData:
			if skip == 0 && inT > 0 {
				write(string(t))
			}
		}
	}
	if !root {
		return nil, false, corrupt("malformed XML: no root element")
	}
	if carry.Len() > 0 {
		blocks = append(blocks, block{para: para{text: carry.String()}})
	}
	if tables.depth > 0 { // unclosed table in truncated XML
		blocks = tables.flush(blocks)
	}
	return blocks, tracked, nil
}

// onOff reads a WordprocessingML on/off property such as <w:b/> or
// <w:b w:val="0"/>.
func onOff(t xml.StartElement) bool {
	switch strings.ToLower(attr(t, "val")) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
