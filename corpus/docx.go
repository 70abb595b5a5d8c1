package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
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

func corrupt(reason string) error { return fmt.Errorf("%w (%s)", ErrCorrupt, reason) }

// docxText extracts the text of a Word document: one line per paragraph
// (empty paragraphs stay as empty lines), w:tab as "\t", w:br and w:cr as
// "\n", inserted text kept and deleted text dropped, each table-cell
// paragraph a line of its own. The result is normalised like plain text.
func docxText(data []byte) (string, error) { return extractDocx(data, defaultDocxLimits) }

func extractDocx(data []byte, lim docxLimits) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
			return "", corrupt("it looks like an old .doc file or a password-protected document; save it as .docx")
		}
		if len(bytes.TrimSpace(data)) == 0 {
			return "", ErrEmpty
		}
		return "", corrupt("not a zip archive")
	}
	if len(zr.File) > lim.maxEntries {
		return "", corrupt(fmt.Sprintf("too many entries in the archive: %d", len(zr.File)))
	}
	f := mainPart(zr, lim)
	if f == nil {
		return "", corrupt("no word/document.xml inside" + otherFormatHint(zr))
	}
	if f.UncompressedSize64 > uint64(lim.maxXML) {
		return "", &detailError{msg: ErrTooLarge.Error() + " (the document text is too large)", err: ErrTooLarge}
	}
	rc, err := f.Open()
	if err != nil {
		return "", corrupt("cannot open " + f.Name + ": " + err.Error())
	}
	defer rc.Close()
	lr := &limitedReader{r: rc, n: lim.maxXML}
	paras, err := wordParagraphs(lr)
	if lr.exceeded {
		return "", &detailError{msg: ErrTooLarge.Error() + " (the document text is too large)", err: ErrTooLarge}
	}
	if err != nil {
		return "", err
	}
	s, err := finishText(strings.Join(paras, "\n"))
	if errors.Is(err, ErrEmpty) {
		return "", &detailError{msg: ErrEmpty.Error() + " (the Word document has no text)", err: ErrEmpty}
	}
	return s, err
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
}

// wordParagraphs streams WordprocessingML and returns the text of each w:p in
// document order. Paragraphs nested in a paragraph (text boxes) come out as
// paragraphs of their own, before the paragraph that anchors them.
func wordParagraphs(r io.Reader) ([]string, error) {
	dec := xml.NewDecoder(r)
	var (
		paras []string
		open  []*paragraph // paragraphs being read, innermost last
		skip  int          // >0 while inside an element whose text is dropped
		runs  int          // depth of w:r
		inT   int          // depth of w:t
		root  bool         // saw the root element
		pPr   int          // depth of w:pPr
		carry string       // text of paragraphs whose mark was deleted
	)
	write := func(s string) {
		if len(open) > 0 {
			open[len(open)-1].text.WriteString(s)
		}
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return nil, err
			}
			return nil, corrupt("malformed XML: " + err.Error())
		}
		switch t := tok.(type) {
		case xml.StartElement:
			root = true
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
				if pPr > 0 && len(open) > 0 && t.Name.Local != "delText" {
					open[len(open)-1].markDeleted = true
				}
				skip = 1
			case "pPr":
				pPr++
			case "p":
				open = append(open, new(paragraph))
			case "r":
				runs++
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
			}
		case xml.EndElement:
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
			case "p":
				if n := len(open); n > 0 {
					para := open[n-1]
					open = open[:n-1]
					text := carry + para.text.String()
					if para.markDeleted {
						// The paragraph mark is a tracked deletion: once the
						// change is accepted this text joins the next paragraph.
						carry = text
					} else {
						paras = append(paras, text)
						carry = ""
					}
				}
			case "r":
				if runs > 0 {
					runs--
				}
			case "t":
				if inT > 0 {
					inT--
				}
			}
		case xml.CharData:
			if skip == 0 && inT > 0 {
				write(string(t))
			}
		}
	}
	if !root {
		return nil, corrupt("malformed XML: no root element")
	}
	if carry != "" {
		paras = append(paras, carry)
	}
	return paras, nil
}
