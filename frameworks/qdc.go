package frameworks

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// qdcNamespace is the namespace of REFI-QDA codebooks.
const qdcNamespace = "urn:QDA-XML:codebook:1.0"

// Labels of the paragraphs EncodeQDC appends to a code's definition in its
// REFI-QDA Description, and ParseQDC splits off again.
const (
	labelWhenToUse    = "When to use:"
	labelWhenNotToUse = "When not to use:"
	labelExample      = "Example:"
	labelMemo         = "Memo ("
)

// EncodeQDC writes a valid framework as a REFI-QDA codebook (.qdc, namespace
// urn:QDA-XML:codebook:1.0), the exchange format of ATLAS.ti, MAXQDA, NVivo
// and others. The hierarchy, names, colours and codability are kept; each
// code's Description holds its definition followed by "When to use: …",
// "When not to use: …" and "Example: …" paragraphs, separated by blank lines.
// Guids come from GUIDOf, so exporting the same framework twice gives the
// same bytes. Keys, scale values, refs and the framework's name and
// description have no place in the format and are not written. A framework
// without codes cannot be written: the format requires at least one.
func EncodeQDC(f Framework) ([]byte, error) {
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("cannot write codebook %q: %w", f.Name, err)
	}
	if len(f.Codes) == 0 {
		return nil, fmt.Errorf("cannot write codebook %q as REFI-QDA: it has no codes, and a REFI-QDA codebook must hold at least one", f.Name)
	}
	kids := map[string][]Code{}
	for _, c := range f.Codes {
		kids[c.Parent] = append(kids[c.Parent], c)
	}
	var b bytes.Buffer
	b.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
	b.WriteString("<CodeBook xmlns=\"" + qdcNamespace + "\" origin=\"Themis\">\n")
	b.WriteString("  <Codes>\n")
	var write func(c Code, depth int)
	write = func(c Code, depth int) {
		indent := strings.Repeat("  ", depth)
		fmt.Fprintf(&b, "%s<Code guid=\"%s\" name=\"%s\" isCodable=\"%t\"", indent, xmlAttr(f.GUIDOf(c)), xmlAttr(c.Name), c.Codable)
		if c.Color != "" {
			fmt.Fprintf(&b, " color=\"%s\"", xmlAttr(c.Color))
		}
		desc := joinDescription(c)
		children := kids[c.Ref]
		if desc == "" && len(children) == 0 {
			b.WriteString("/>\n")
			return
		}
		b.WriteString(">\n")
		if desc != "" {
			fmt.Fprintf(&b, "%s  <Description>%s</Description>\n", indent, xmlText(desc))
		}
		for _, k := range children {
			write(k, depth+1)
		}
		fmt.Fprintf(&b, "%s</Code>\n", indent)
	}
	for _, c := range kids[""] {
		write(c, 2)
	}
	b.WriteString("  </Codes>\n</CodeBook>\n")
	return b.Bytes(), nil
}

// CodeDescription is the REFI-QDA Description of c as EncodeQDC writes it:
// its definition, then "When to use: …", "When not to use: …", "Example:
// …" and "Memo (…): …" paragraphs. A REFI-QDA project (.qdpx) writes it for
// each code of its codebook too, with the code's Memos left empty there,
// since a project carries memos as notes of their own.
func CodeDescription(c Code) string { return joinDescription(c) }

// SplitCodeDescription undoes CodeDescription: the definition, rules,
// examples and memos of a REFI-QDA Description, as ParseQDC reads them.
func SplitCodeDescription(s string) (definition, whenToUse, whenNotToUse string, examples []string, memos []Memo) {
	rest, memos := splitMemos(s)
	definition, whenToUse, whenNotToUse, examples = splitDescription(rest)
	return definition, whenToUse, whenNotToUse, examples, memos
}

// joinDescription is the REFI-QDA Description of a code.
func joinDescription(c Code) string {
	var parts []string
	if c.Definition != "" {
		parts = append(parts, c.Definition)
	}
	if c.WhenToUse != "" {
		parts = append(parts, labelWhenToUse+" "+c.WhenToUse)
	}
	if c.WhenNotToUse != "" {
		parts = append(parts, labelWhenNotToUse+" "+c.WhenNotToUse)
	}
	for _, e := range c.Examples {
		parts = append(parts, labelExample+" "+e)
	}
	// REFI-QDA codebooks have no notes on codes (a NoteRef is a project
	// file's), so memos travel in the description too.
	for _, m := range c.Memos {
		parts = append(parts, memoLabel(m)+" "+m.Text)
	}
	return strings.Join(parts, "\n\n")
}

// memoLabel is "Memo (Aisha, 2026-12-07):".
func memoLabel(m Memo) string {
	who := strings.TrimSpace(strings.NewReplacer("(", "", ")", "", ":", "").Replace(m.Author))
	if day, _, ok := strings.Cut(m.Created, "T"); ok && day != "" {
		who += ", " + day
	}
	return labelMemo + who + "):"
}

// splitMemos takes the memos off the end of a description, where
// joinDescription puts them: from the first paragraph that begins
// "Memo (NAME[, DAY]):", each such paragraph begins a memo and the others
// continue it. A paragraph that only looks like one ("Memo (draft)" without
// the colon) stays in the description.
func splitMemos(s string) (rest string, memos []Memo) {
	paras := strings.Split(s, "\n\n")
	first := -1
	for i, p := range paras {
		if _, ok := memoHead(p); ok {
			first = i
			break
		}
	}
	if first < 0 {
		return s, nil
	}
	for _, p := range paras[first:] {
		if m, ok := memoHead(p); ok {
			memos = append(memos, m)
			continue
		}
		memos[len(memos)-1].Text += "\n\n" + p
	}
	for i := range memos {
		memos[i].Text = strings.TrimSpace(memos[i].Text)
	}
	return strings.Join(paras[:first], "\n\n"), memos
}

// memoHead reads a paragraph beginning "Memo (Aisha, 2026-12-07): text".
func memoHead(p string) (Memo, bool) {
	t := strings.TrimLeft(p, " \t\r\n")
	if !strings.HasPrefix(t, labelMemo) {
		return Memo{}, false
	}
	head, text, ok := strings.Cut(t[len(labelMemo):], "):")
	if !ok || strings.Contains(head, "\n") {
		return Memo{}, false
	}
	author, day, _ := strings.Cut(head, ", ")
	return Memo{Author: strings.TrimSpace(author), Created: strings.TrimSpace(day), Text: strings.TrimLeft(text, " \t")}, true
}

// splitDescription undoes joinDescription: paragraphs (separated by blank
// lines) starting with a label begin that field; other paragraphs continue
// the field before them; text before any label is the definition. Each field
// is trimmed of surrounding white space.
func splitDescription(s string) (def, when, whenNot string, examples []string) {
	// fields[0] definition, [1] when to use, [2] when not to use, [3:] examples
	fields := make([][]string, 3)
	cur := 0
	for _, p := range strings.Split(s, "\n\n") {
		t := strings.TrimLeft(p, " \t\r\n")
		switch {
		case strings.HasPrefix(t, labelWhenToUse):
			cur = 1
			fields[1] = append(fields[1], strings.TrimLeft(t[len(labelWhenToUse):], " \t"))
		case strings.HasPrefix(t, labelWhenNotToUse):
			cur = 2
			fields[2] = append(fields[2], strings.TrimLeft(t[len(labelWhenNotToUse):], " \t"))
		case strings.HasPrefix(t, labelExample):
			fields = append(fields, []string{strings.TrimLeft(t[len(labelExample):], " \t")})
			cur = len(fields) - 1
		default:
			fields[cur] = append(fields[cur], p)
		}
	}
	field := func(parts []string) string { return strings.TrimSpace(strings.Join(parts, "\n\n")) }
	def, when, whenNot = field(fields[0]), field(fields[1]), field(fields[2])
	for _, e := range fields[3:] {
		examples = append(examples, field(e))
	}
	return def, when, whenNot, examples
}

// isXMLChar reports whether r may appear in an XML 1.0 document.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0a || r == 0x0d || (r >= 0x20 && r <= 0xd7ff) ||
		(r >= 0xe000 && r <= 0xfffd) || (r >= 0x10000 && r <= 0x10ffff)
}

func xmlEscape(s string, attr bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"' && attr:
			b.WriteString("&quot;")
		case r == '\r':
			b.WriteString("&#xD;")
		case (r == '\n' || r == '\t') && attr:
			fmt.Fprintf(&b, "&#x%X;", r)
		case !isXMLChar(r):
			b.WriteRune('\uFFFD') // XML cannot carry it at all
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func xmlAttr(s string) string { return xmlEscape(s, true) }
func xmlText(s string) string { return xmlEscape(s, false) }

// qdcCode is a code read from a .qdc file, with its line for messages.
type qdcCode struct {
	Code
	line   int
	parent *qdcCode
}

// ParseQDC reads a REFI-QDA codebook (.qdc). Element names are matched
// without regard to their namespace. It keeps the hierarchy, names, colours
// (#abc is widened to #aabbcc), isCodable (true when absent) and guids, and
// splits the labelled paragraphs EncodeQDC writes ("When to use:", "When not
// to use:", "Example:") out of each Description; the rest is the definition.
// Refs are made from the names with RefFor.
//
// A .qdc file has no codebook name, so the framework is named after the file
// (without its extension). <Sets> are ignored: Themis has no code sets.
// Names in Themis are unique within a framework, while other tools allow the
// same name under different parents; such a repeated name gets its parent's
// name appended ("Hope (Future)", or "Hope (2)" at the top level), and the
// renames are listed in the framework's Description, which is otherwise
// empty. Renaming is not an error.
func ParseQDC(filename string, data []byte) (Framework, error) {
	data, err := checkText(filename, data)
	if err != nil {
		return Framework{}, err
	}
	p := &qdcParser{file: filename, d: xml.NewDecoder(bytes.NewReader(data))}
	p.d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return r, nil
		}
		return nil, fmt.Errorf("the file declares the encoding %q; only UTF-8 codebooks can be read", label)
	}
	codes, err := p.codebook()
	if err != nil {
		return Framework{}, err
	}
	return p.framework(codes)
}

type qdcParser struct {
	file string
	d    *xml.Decoder
	line int // line of the token most recently read
}

func (p *qdcParser) errorf(line int, format string, args ...any) error {
	return &FileError{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// token reads the next token, recording its line and turning XML errors into
// FileErrors.
func (p *qdcParser) token() (xml.Token, error) {
	p.line, _ = p.d.InputPos()
	t, err := p.d.Token()
	if err == io.EOF {
		return nil, err
	}
	if err != nil {
		var syn *xml.SyntaxError
		if errors.As(err, &syn) {
			return nil, p.errorf(syn.Line, "invalid XML: %s", syn.Msg)
		}
		line, _ := p.d.InputPos()
		return nil, p.errorf(line, "invalid XML: %v", err)
	}
	return t, nil
}

// tokenInside is token for a reader inside the element what: the file
// ending there is invalid XML.
func (p *qdcParser) tokenInside(what string) (xml.Token, error) {
	t, err := p.token()
	if err == io.EOF {
		return nil, p.errorf(p.line, "invalid XML: the file ends inside %s", what)
	}
	return t, err
}

func (p *qdcParser) skip() error {
	if err := p.d.Skip(); err != nil {
		var syn *xml.SyntaxError
		if errors.As(err, &syn) {
			return p.errorf(syn.Line, "invalid XML: %s", syn.Msg)
		}
		return p.errorf(p.line, "invalid XML: %v", err)
	}
	return nil
}

// codebook reads the document and returns its codes in depth-first order.
func (p *qdcParser) codebook() ([]*qdcCode, error) {
	var codes []*qdcCode
	sawCodes := false
	for {
		t, err := p.token()
		if err == io.EOF {
			return nil, p.errorf(0, "not a REFI-QDA codebook: no <CodeBook> element")
		}
		if err != nil {
			return nil, err
		}
		start, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		if start.Name.Local != "CodeBook" {
			return nil, p.errorf(p.line, "not a REFI-QDA codebook: the document is a <%s>, expected <CodeBook>", start.Name.Local)
		}
		break
	}
	for {
		t, err := p.tokenInside("<CodeBook>")
		if err != nil {
			return nil, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if t.Name.Local != "Codes" || sawCodes {
				if err := p.skip(); err != nil { // <Sets> and anything unknown
					return nil, err
				}
				continue
			}
			sawCodes = true
			line := p.line
			kids, err := p.children(nil, 1)
			if err != nil {
				return nil, err
			}
			if len(kids) == 0 {
				return nil, p.errorf(line, "the codebook's <Codes> holds no <Code>")
			}
			codes = kids
		case xml.EndElement:
			if !sawCodes {
				return nil, p.errorf(p.line, "not a REFI-QDA codebook: <CodeBook> has no <Codes>")
			}
			// Anything after </CodeBook> is left to the XML decoder's
			// own checks; the codebook is complete.
			return codes, p.rest()
		}
	}
}

// rest checks that the document is well formed after the root element.
func (p *qdcParser) rest() error {
	for {
		_, err := p.token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// children reads <Code> elements up to the end of the current element,
// returning them and their descendants in depth-first order.
func (p *qdcParser) children(parent *qdcCode, depth int) ([]*qdcCode, error) {
	var out []*qdcCode
	for {
		t, err := p.tokenInside("an element")
		if err != nil {
			return nil, err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return out, nil
		case xml.StartElement:
			if t.Name.Local != "Code" {
				if err := p.skip(); err != nil {
					return nil, err
				}
				continue
			}
			if depth > maxDepth {
				return nil, p.errorf(p.line, "codes are nested more than %d levels deep", maxDepth)
			}
			codes, err := p.code(t, parent, depth)
			if err != nil {
				return nil, err
			}
			out = append(out, codes...)
		}
	}
}

// code reads one <Code> (its start tag already read) and its descendants.
func (p *qdcParser) code(start xml.StartElement, parent *qdcCode, depth int) ([]*qdcCode, error) {
	c := &qdcCode{line: p.line, parent: parent}
	c.Codable = true
	var haveGUID, haveName bool
	for _, a := range start.Attr {
		switch a.Name.Local {
		case "guid":
			haveGUID = true
			c.GUID = strings.TrimSpace(a.Value)
			if !guidPattern.MatchString(c.GUID) {
				return nil, p.errorf(c.line, "<Code name=%q>: guid: expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (hexadecimal), got %q", attrOf(start, "name"), a.Value)
			}
		case "name":
			haveName = true
			c.Name = a.Value
		case "isCodable":
			switch strings.TrimSpace(a.Value) {
			case "true", "1":
				c.Codable = true
			case "false", "0":
				c.Codable = false
			default:
				return nil, p.errorf(c.line, "<Code name=%q>: isCodable: expected true or false, got %q", attrOf(start, "name"), a.Value)
			}
		case "color":
			col := strings.TrimSpace(a.Value)
			if len(col) == 4 && colorPattern.MatchString("#"+col[1:]+col[1:]) {
				col = string([]byte{'#', col[1], col[1], col[2], col[2], col[3], col[3]})
			}
			if !colorPattern.MatchString(col) {
				return nil, p.errorf(c.line, "<Code name=%q>: color: expected #rrggbb or #rgb, got %q", attrOf(start, "name"), a.Value)
			}
			c.Color = col
		}
	}
	if !haveName || strings.TrimSpace(c.Name) == "" {
		return nil, p.errorf(c.line, "<Code>: the name attribute is missing or empty; every code needs a name")
	}
	if !haveGUID {
		return nil, p.errorf(c.line, "<Code name=%q>: the guid attribute is missing", c.Name)
	}
	out := []*qdcCode{c}
	sawDescription := false
	inside := fmt.Sprintf("<Code name=%q>", c.Name)
	for {
		t, err := p.tokenInside(inside)
		if err != nil {
			return nil, err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return out, nil
		case xml.StartElement:
			switch {
			case t.Name.Local == "Code":
				if depth+1 > maxDepth {
					return nil, p.errorf(p.line, "codes are nested more than %d levels deep", maxDepth)
				}
				kids, err := p.code(t, c, depth+1)
				if err != nil {
					return nil, err
				}
				out = append(out, kids...)
			case t.Name.Local == "Description" && !sawDescription:
				sawDescription = true
				text, err := p.text()
				if err != nil {
					return nil, err
				}
				text, c.Memos = splitMemos(text)
				c.Definition, c.WhenToUse, c.WhenNotToUse, c.Examples = splitDescription(text)
			default:
				if err := p.skip(); err != nil {
					return nil, err
				}
			}
		}
	}
}

// text reads the character data up to the end of the current element,
// ignoring any elements inside it.
func (p *qdcParser) text() (string, error) {
	var b strings.Builder
	for {
		t, err := p.tokenInside("<Description>")
		if err != nil {
			return "", err
		}
		switch t := t.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if err := p.skip(); err != nil {
				return "", err
			}
		case xml.EndElement:
			return b.String(), nil
		}
	}
}

func attrOf(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// framework turns the codes read into a framework: unique names, refs,
// parents, and a check that no guid is used twice.
func (p *qdcParser) framework(codes []*qdcCode) (Framework, error) {
	name := strings.TrimSuffix(filepath.Base(p.file), filepath.Ext(p.file))
	if strings.TrimSpace(name) == "" || name == "." || name == string(filepath.Separator) {
		name = "Imported codebook"
	}
	f := Framework{Name: name}
	guids := map[string]*qdcCode{}
	for _, c := range codes {
		g := normalGUID(c.GUID)
		if first, ok := guids[g]; ok {
			return Framework{}, p.errorf(c.line, "<Code name=%q>: guid %s is already the guid of %q (line %d); guids must be unique", c.Name, c.GUID, first.Name, first.line)
		}
		guids[g] = c
	}
	names := map[string]bool{}
	var renames []string
	for _, c := range codes {
		if names[strings.ToLower(c.Name)] {
			old := c.Name
			base := old
			if c.parent != nil {
				base = fmt.Sprintf("%s (%s)", old, c.parent.Name)
			}
			c.Name = base
			for n := 2; names[strings.ToLower(c.Name)]; n++ {
				c.Name = fmt.Sprintf("%s (%d)", base, n)
			}
			renames = append(renames, fmt.Sprintf("%q (line %d) became %q", old, c.line, c.Name))
		}
		names[strings.ToLower(c.Name)] = true
	}
	if len(renames) > 0 {
		f.Description = "Code names must be unique in Themis, so some were renamed on import from " +
			filepath.Base(p.file) + ": " + strings.Join(renames, "; ") + "."
	}
	taken := map[string]bool{}
	for _, c := range codes {
		c.Ref = RefFor(c.Name, taken)
	}
	for _, c := range codes {
		if c.parent != nil {
			c.Parent = c.parent.Ref
		}
		f.Codes = append(f.Codes, c.Code)
	}
	if err := f.Validate(); err != nil { // a safety net; the checks above cover it
		return Framework{}, &FileError{File: p.file, Msg: err.Error()}
	}
	return f, nil
}
