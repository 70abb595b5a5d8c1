package corpus

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// This file reads Rich Text Format (.rtf) with a real tokenizer: groups,
// control words with their parameters, control symbols, \'hh bytes in the
// document's ANSI code page, \uN characters with their \ucN fallbacks, and
// destinations that hold no document text (font and colour tables, style
// sheets, document information, pictures, headers, footers, footnotes,
// comments, field instructions, and every {\* …} group).

func rtfCorrupt(reason string) error { return corruptIn("RTF file", reason) }

// maxRTFDepth bounds the nesting of groups.
const maxRTFDepth = 10000

// rtfSkip lists destinations whose text is not part of the document.
var rtfSkip = map[string]bool{
	"fonttbl": true, "colortbl": true, "stylesheet": true, "info": true, "pict": true, "shppict": true,
	"nonshppict": true, "header": true, "headerl": true, "headerr": true, "headerf": true, "footer": true,
	"footerl": true, "footerr": true, "footerf": true, "footnote": true, "annotation": true, "atnid": true,
	"atnauthor": true, "atndate": true, "atnref": true, "object": true, "objdata": true, "themedata": true,
	"colorschememapping": true, "datastore": true, "latentstyles": true, "listtable": true,
	"listoverridetable": true, "rsidtbl": true, "generator": true, "xmlnstbl": true, "mmathPr": true,
	"filetbl": true, "revtbl": true, "pgdsctbl": true, "fldinst": true, "bkmkstart": true, "bkmkend": true,
	"txfieldtext": true, "shpinst": true, "private": true, "userprops": true, "docvar": true, "xe": true,
	"tc": true, "template": true, "title": true, "subject": true, "author": true, "operator": true,
	"keywords": true, "comment": true, "doccomm": true, "company": true, "category": true,
	"passwordhash": true, "wgrffmtfilter": true, "listpicture": true, "falt": true, "panose": true,
	"blipuid": true, "sp": true, "sn": true, "sv": true, "formfield": true, "datafield": true,
}

// rtfCodePage returns the decoder of a Windows code page number.
func rtfCodePage(n int) encoding.Encoding {
	switch n {
	case 1250:
		return charmap.Windows1250
	case 1251:
		return charmap.Windows1251
	case 1253:
		return charmap.Windows1253
	case 1254:
		return charmap.Windows1254
	case 1255:
		return charmap.Windows1255
	case 1256:
		return charmap.Windows1256
	case 1257:
		return charmap.Windows1257
	case 1258:
		return charmap.Windows1258
	case 874:
		return charmap.Windows874
	case 437:
		return charmap.CodePage437
	case 850:
		return charmap.CodePage850
	case 10000:
		return charmap.Macintosh
	case 932:
		return japanese.ShiftJIS
	case 936:
		return simplifiedchinese.GBK
	case 949:
		return korean.EUCKR
	case 950:
		return traditionalchinese.Big5
	case 65001:
		return encoding.Nop
	}
	return charmap.Windows1252
}

type rtfGroup struct {
	skip bool // an ignorable destination
	uc   int  // bytes that stand in for each \uN
	bold bool
}

type rtfReader struct {
	data   []byte
	i      int
	stack  []rtfGroup
	g      rtfGroup
	first  bool // the next control word is the first of its group
	star   bool // the group began with \*
	cp     encoding.Encoding
	bytes  []byte // raw text bytes waiting for decoding
	skipN  int    // fallback characters still to skip after \uN
	high   rune   // a pending high surrogate from \uN
	para   paragraph
	intbl  bool
	tbl    *rtfTable
	blocks []block
}

// rtfParse reads an RTF document into paragraphs (with bold) and tables
// (\intbl, \cell, \row), then buildBlocks finds the turns.
func rtfParse(data []byte, po parseOpts) (parsed, error) {
	blocks, err := rtfBlocks(data)
	if err != nil {
		return parsed{}, err
	}
	p, err := buildBlocks(blocks, po)
	if errors.Is(err, ErrEmpty) {
		return parsed{}, detail(ErrEmpty, "%s (the RTF file has no text)", ErrEmpty)
	}
	return p, err
}

func rtfBlocks(data []byte) ([]block, error) {
	body := bytes.TrimLeft(bytes.TrimPrefix(data, []byte(bom)), " \t\r\n")
	if len(body) == 0 {
		return nil, ErrEmpty
	}
	if !bytes.HasPrefix(body, []byte(`{\rtf`)) {
		return nil, rtfCorrupt(`it does not start with {\rtf`)
	}
	r := &rtfReader{data: body, g: rtfGroup{uc: 1}, cp: charmap.Windows1252, para: paragraph{boldOpen: true}}
	if err := r.run(); err != nil {
		return nil, err
	}
	r.endPara()
	r.endTable()
	return r.blocks, nil
}

func (r *rtfReader) run() error {
	for r.i < len(r.data) {
		c := r.data[r.i]
		switch c {
		case '{':
			r.flush()
			r.skipN = 0
			if len(r.stack) >= maxRTFDepth {
				return rtfCorrupt("groups nested too deeply")
			}
			r.stack = append(r.stack, r.g)
			r.first, r.star = true, false
			r.i++
		case '}':
			r.flush()
			r.skipN = 0
			if len(r.stack) == 0 {
				return nil // the end of the document; ignore what follows
			}
			r.g = r.stack[len(r.stack)-1]
			r.stack = r.stack[:len(r.stack)-1]
			r.first = false
			r.i++
			if len(r.stack) == 0 {
				return nil // the document's group is closed
			}
		case '\\':
			r.control()
		case '\r', '\n':
			r.i++
		default:
			r.i++
			if r.skipN > 0 {
				r.skipN--
				continue
			}
			if !r.g.skip {
				r.bytes = append(r.bytes, c)
			}
			r.first = false
		}
	}
	return nil
}

// control reads a control word or symbol at r.i.
func (r *rtfReader) control() {
	d := r.data
	j := r.i + 1
	if j >= len(d) {
		r.i = j
		return
	}
	c := d[j]
	if !isASCIILetter(c) {
		r.i = j + 1
		first := r.first
		r.first = false
		switch c {
		case '\'':
			if j+2 < len(d) {
				if b, ok := hexByte(d[j+1], d[j+2]); ok {
					r.i = j + 3
					if r.skipN > 0 {
						r.skipN--
					} else if !r.g.skip {
						r.bytes = append(r.bytes, b)
					}
					return
				}
			}
		case '*':
			if first {
				r.g.skip = true
			}
			r.first = first
		case '\\', '{', '}':
			r.literal(string(c))
		case '~':
			r.literal("\u00a0")
		case '_':
			r.literal("-")
		case '\r', '\n':
			r.word("par", 0, false)
		}
		return
	}
	k := j
	for k < len(d) && k-j < 32 && isASCIILetter(d[k]) {
		k++
	}
	word := string(d[j:k])
	param, has := 0, false
	neg := false
	if k < len(d) && d[k] == '-' && k+1 < len(d) && d[k+1] >= '0' && d[k+1] <= '9' {
		neg = true
		k++
	}
	digits := 0
	for k < len(d) && d[k] >= '0' && d[k] <= '9' {
		if digits < 10 {
			param = param*10 + int(d[k]-'0')
		}
		digits++
		has = true
		k++
	}
	if neg {
		param = -param
	}
	if k < len(d) && d[k] == ' ' {
		k++
	}
	r.i = k
	first := r.first
	r.first = false
	if first && (r.star || rtfSkip[word]) {
		r.g.skip = true
	}
	if word == "bin" && has && param > 0 {
		r.i = min(len(d), r.i+param)
		return
	}
	if r.skipN > 0 && word != "u" {
		r.skipN--
		return
	}
	r.word(word, param, has)
}

func hexByte(a, b byte) (byte, bool) {
	h := func(c byte) (byte, bool) {
		switch {
		case c >= '0' && c <= '9':
			return c - '0', true
		case c|0x20 >= 'a' && c|0x20 <= 'f':
			return c | 0x20 - 'a' + 10, true
		}
		return 0, false
	}
	x, ok1 := h(a)
	y, ok2 := h(b)
	return x<<4 | y, ok1 && ok2
}

func (r *rtfReader) word(w string, param int, has bool) {
	switch w {
	case "ansicpg":
		r.cp = rtfCodePage(param)
		return
	case "mac":
		r.cp = charmap.Macintosh
		return
	case "pc":
		r.cp = charmap.CodePage437
		return
	case "pca":
		r.cp = charmap.CodePage850
		return
	case "uc":
		r.g.uc = min(max(param, 0), 8)
		return
	case "b":
		r.flush()
		r.g.bold = !has || param != 0
		return
	case "plain":
		r.flush()
		r.g.bold = false
		return
	case "pard":
		r.intbl = false
		return
	case "intbl":
		r.intbl = true
		return
	}
	if r.g.skip {
		return
	}
	switch w {
	case "par", "sect", "page":
		r.endPara()
	case "line":
		r.literal("\n")
	case "tab":
		r.literal("\t")
	case "cell":
		r.endCell()
	case "nestcell":
		r.literal("\t")
	case "row":
		r.flush()
		if r.tbl != nil {
			r.tbl.rows = append(r.tbl.rows, r.tbl.row)
			r.tbl.row = nil
		}
	case "u":
		r.unicode(param)
	case "emdash":
		r.literal("—")
	case "endash":
		r.literal("–")
	case "bullet":
		r.literal("•")
	case "lquote":
		r.literal("‘")
	case "rquote":
		r.literal("’")
	case "ldblquote":
		r.literal("“")
	case "rdblquote":
		r.literal("”")
	case "emspace", "enspace", "qmspace":
		r.literal(" ")
	}
}

func (r *rtfReader) unicode(n int) {
	if n < 0 {
		n += 65536
	}
	r.skipN = r.g.uc
	if r.g.skip {
		return
	}
	c := rune(n & 0xFFFF)
	switch {
	case c >= 0xD800 && c < 0xDC00:
		r.flush()
		r.high = c
		return
	case c >= 0xDC00 && c < 0xE000:
		if r.high != 0 {
			c = utf16.DecodeRune(r.high, c)
			r.high = 0
		} else {
			c = utf8.RuneError
		}
	}
	r.literal(string(c))
}

// literal writes text that needs no decoding.
func (r *rtfReader) literal(s string) {
	if r.g.skip {
		return
	}
	r.flush()
	r.write(s)
}

// flush decodes the pending bytes in the document's code page.
func (r *rtfReader) flush() {
	if r.high != 0 {
		r.high = 0
		r.write(string(utf8.RuneError))
	}
	if len(r.bytes) == 0 {
		return
	}
	out, err := r.cp.NewDecoder().Bytes(r.bytes)
	if err != nil {
		out, _ = charmap.Windows1252.NewDecoder().Bytes(r.bytes)
	}
	r.bytes = r.bytes[:0]
	r.write(strings.ToValidUTF8(string(out), "\uFFFD"))
}

func (r *rtfReader) write(s string) {
	if strings.IndexFunc(s, isJunkControl) >= 0 {
		s = strings.Map(func(r rune) rune {
			if isJunkControl(r) {
				return -1
			}
			return r
		}, s)
	}
	p := &r.para
	if p.boldOpen {
		if r.g.bold {
			p.bold += len(s)
		} else if strings.TrimSpace(s) != "" || p.bold > 0 {
			p.boldOpen = false
		}
	}
	p.text.WriteString(s)
}

func (r *rtfReader) takePara() para {
	r.flush()
	p := para{text: r.para.text.String(), bold: r.para.bold}
	r.para = paragraph{boldOpen: true}
	return p
}

// rtfTable is a table being read from \intbl paragraphs, \cell and \row.
type rtfTable struct {
	rows [][]string
	row  []string
	cell []string // paragraphs of the cell
}

func (r *rtfReader) endPara() {
	p := r.takePara()
	if r.intbl {
		if r.tbl == nil {
			r.tbl = &rtfTable{}
		}
		r.tbl.cell = append(r.tbl.cell, p.text)
		return
	}
	r.endTable()
	r.blocks = append(r.blocks, block{para: p})
}

func (r *rtfReader) endCell() {
	p := r.takePara()
	if r.tbl == nil {
		r.tbl = &rtfTable{}
	}
	r.tbl.cell = append(r.tbl.cell, p.text)
	r.tbl.row = append(r.tbl.row, strings.Join(r.tbl.cell, "\n"))
	r.tbl.cell = nil
}

func (r *rtfReader) endTable() {
	if r.tbl == nil {
		return
	}
	if len(r.tbl.row) > 0 {
		r.tbl.rows = append(r.tbl.rows, r.tbl.row)
	}
	if len(r.tbl.rows) > 0 {
		r.blocks = append(r.blocks, block{rows: r.tbl.rows})
	}
	r.tbl = nil
}
