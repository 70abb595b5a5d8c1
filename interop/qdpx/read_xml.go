package qdpx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/sha1"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"themis/errs"
)

// rawProject is project.qde as written, before the sources' texts are read
// and the selections' positions converted.
type rawProject struct {
	name, origin string
	creatingUser string
	users        []User
	codes        []Code
	variables    []Variable
	cases        []Case
	sources      []rawSource
	notes        []rawNote
	projectNotes []string
	notImported  map[string]int
}

// rawSource is a TextSource: Selections hold positions in the vendor's
// units over the file's text until build converts them.
type rawSource struct {
	Source
	textPath    string
	inline      string
	hasInline   bool
	description string
	selDesc     map[int]string // a selection's Description by its index, when it has one
}

// rawNote is a Note, whose text may be inline or in a file of the archive.
type rawNote struct {
	Note
	textPath   string
	hasInline  bool
	selections int // PlainTextSelections inside the note
}

// xmlReader walks project.qde element by element. Elements and attributes
// are matched by their local name, so a document that writes
// <qda:Project xmlns:qda="urn:QDA-XML:project:1.0"> reads as one that uses
// the default namespace.
type xmlReader struct {
	d       *xml.Decoder
	file    string
	depth   int
	charset string // the encoding the XML declares, when it is not UTF-8
}

// token is the next token, refusing what a REFI-QDA file never holds: a
// DOCTYPE (its entities could expand a few bytes into gigabytes, or name
// files on the reader's machine; encoding/xml expands neither, but a file
// that declares them was made to try), and nesting beyond maxXMLDepth.
func (x *xmlReader) token() (xml.Token, error) {
	t, err := x.d.Token()
	if err != nil {
		if err == io.EOF || err == io.ErrUnexpectedEOF || strings.HasSuffix(err.Error(), "unexpected EOF") {
			return nil, errs.Errorf(errs.Invalid, "%s ends before its XML is complete", x.file)
		}
		if x.charset != "" {
			return nil, errs.Errorf(errs.Unsupported, "%s is written in %s; REFI-QDA project files are UTF-8", x.file, x.charset)
		}
		var corrupt flate.CorruptInputError
		if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) || errors.As(err, &corrupt) {
			return nil, errs.Errorf(errs.Invalid, "%s is damaged in the archive (%v)", x.file, err)
		}
		line, _ := x.d.InputPos()
		return nil, errs.Errorf(errs.Invalid, "%s is not well-formed XML (line %d): %v", x.file, line, err)
	}
	switch t := t.(type) {
	case xml.Directive:
		if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE")) {
			return nil, errs.Errorf(errs.Invalid, "%s declares a DOCTYPE; REFI-QDA files have none, and its entities could expand the file or read other files, so it is refused", x.file)
		}
		return nil, errs.Errorf(errs.Invalid, "%s holds an XML declaration (<!%.20s…>) that REFI-QDA files do not have; it is refused", x.file, t)
	case xml.StartElement:
		x.depth++
		if x.depth > maxXMLDepth {
			return nil, errs.Errorf(errs.Invalid, "%s nests its XML more than %d elements deep", x.file, maxXMLDepth)
		}
	case xml.EndElement:
		x.depth--
	}
	return t, nil
}

// children calls fn for each child element of the element just started;
// fn must read its element to its end (with children, text or skip). Text
// directly inside the element is written to text when it is not nil.
func (x *xmlReader) children(fn func(xml.StartElement) error, text *strings.Builder) error {
	for {
		t, err := x.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if fn == nil {
				err = x.skip()
			} else {
				err = fn(t)
			}
			if err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		case xml.CharData:
			if text != nil {
				text.Write(t)
			}
		}
	}
}

// skip reads the element just started to its end.
func (x *xmlReader) skip() error { return x.children(nil, nil) }

// text reads the element just started to its end and returns the text
// directly inside it.
func (x *xmlReader) text() (string, error) {
	var b strings.Builder
	err := x.children(nil, &b)
	return b.String(), err
}

// countIn reads the element just started to its end, counting the
// elements inside it whose local name ends in suffix.
func (x *xmlReader) countIn(suffix string) (int, error) {
	n := 0
	var fn func(xml.StartElement) error
	fn = func(se xml.StartElement) error {
		if strings.HasSuffix(se.Name.Local, suffix) {
			n++
		}
		return x.children(fn, nil)
	}
	err := x.children(fn, nil)
	return n, err
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name && a.Name.Space != "xmlns" {
			return a.Value
		}
	}
	return ""
}

// nameAttr is an element's name attribute in NFC, the form Themis keeps
// names in: a name typed on a Mac may arrive decomposed, and must match the
// same name typed elsewhere.
func nameAttr(se xml.StartElement) string { return norm.NFC.String(attr(se, "name")) }

func hasAttr(se xml.StartElement, name string) bool {
	for _, a := range se.Attr {
		if a.Name.Local == name && a.Name.Space != "xmlns" {
			return true
		}
	}
	return false
}

// parseQDE reads project.qde from r.
func parseQDE(r io.Reader, file string) (*rawProject, error) {
	d := xml.NewDecoder(r)
	d.Strict = true
	x := &xmlReader{d: d, file: file}
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf8", "us-ascii", "ascii":
			return r, nil
		}
		x.charset = label
		return nil, fmt.Errorf("encoding %q", label)
	}
	for {
		t, err := x.token()
		if err != nil {
			return nil, err
		}
		if se, ok := t.(xml.StartElement); ok {
			if se.Name.Local != "Project" {
				return nil, errs.Errorf(errs.Unsupported, "not a REFI-QDA project: %s holds <%s>, not <Project>", file, se.Name.Local)
			}
			p := &rawProject{name: nameAttr(se), origin: attr(se, "origin"), creatingUser: attr(se, "creatingUserGUID"), notImported: map[string]int{}}
			if err := x.children(p.child(x), nil); err != nil {
				return nil, err
			}
			return p, nil
		}
	}
}

func (p *rawProject) count(kind string, n int) {
	if n > 0 {
		p.notImported[kind] += n
	}
}

func (p *rawProject) child(x *xmlReader) func(xml.StartElement) error {
	return func(se xml.StartElement) error {
		switch se.Name.Local {
		case "Users":
			return x.children(func(se xml.StartElement) error {
				if se.Name.Local == "User" {
					name := strings.TrimSpace(nameAttr(se))
					if name == "" {
						name = strings.TrimSpace(attr(se, "id"))
					}
					p.users = append(p.users, User{GUID: attr(se, "guid"), Name: name})
				}
				return x.skip()
			}, nil)
		case "CodeBook":
			return x.children(func(se xml.StartElement) error {
				if se.Name.Local != "Codes" {
					return x.skip()
				}
				return x.children(func(se xml.StartElement) error {
					if se.Name.Local != "Code" {
						return x.skip()
					}
					c, err := p.code(x, se)
					p.codes = append(p.codes, c)
					return err
				}, nil)
			}, nil)
		case "Variables":
			return x.children(func(se xml.StartElement) error {
				if se.Name.Local != "Variable" {
					return x.skip()
				}
				v := Variable{GUID: attr(se, "guid"), Name: nameAttr(se), Type: variableType(attr(se, "typeOfVariable"))}
				err := x.children(func(se xml.StartElement) error {
					if se.Name.Local == "Description" {
						s, err := x.text()
						v.Description = s
						return err
					}
					return x.skip()
				}, nil)
				p.variables = append(p.variables, v)
				return err
			}, nil)
		case "Cases":
			return x.children(func(se xml.StartElement) error {
				if se.Name.Local != "Case" {
					return x.skip()
				}
				c, err := p.caseOf(x, se)
				p.cases = append(p.cases, c)
				return err
			}, nil)
		case "Sources":
			return x.children(func(se xml.StartElement) error { return p.source(x, se) }, nil)
		case "Notes":
			return x.children(func(se xml.StartElement) error {
				if se.Name.Local != "Note" {
					return x.skip()
				}
				n, err := p.note(x, se)
				p.notes = append(p.notes, n)
				return err
			}, nil)
		case "Links":
			n, err := x.countIn("Link")
			p.count("links", n)
			return err
		case "Sets":
			n, err := x.countIn("Set")
			p.count("sets", n)
			return err
		case "Graphs":
			n, err := x.countIn("Graph")
			p.count("graphs", n)
			return err
		case "Description":
			s, err := x.text()
			if n, ok := descriptionNote("project", "Project description", s, ""); ok {
				p.notes = append(p.notes, rawNote{Note: n, hasInline: true})
				p.projectNotes = append(p.projectNotes, n.GUID)
			}
			return err
		case "NoteRef":
			if g := attr(se, "targetGUID"); g != "" {
				p.projectNotes = append(p.projectNotes, g)
			}
			return x.skip()
		}
		return x.skip()
	}
}

// descriptionNote makes a memo of the Description of the project, a source
// or a selection (an ATLAS.ti quotation's comment): a Note with a GUID
// derived from its owner's, so the same archive gives the same note. ok is
// false when the description is blank.
func descriptionNote(owner, name, text, user string) (n Note, ok bool) {
	if strings.TrimSpace(text) == "" {
		return Note{}, false
	}
	return Note{GUID: derivedGUID("description", owner), Name: name, Text: text, CreatingUser: user}, true
}

// derivedGUID is a name-based (version 5 style) GUID over parts, for the
// notes the reader makes from descriptions.
func derivedGUID(parts ...string) string {
	h := sha1.Sum([]byte("themis-qdpx-read\x00" + strings.Join(parts, "\x00")))
	h[6] = (h[6] & 0x0f) | 0x50
	h[8] = (h[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

func variableType(t string) string {
	for _, k := range []string{TypeText, TypeBoolean, TypeInteger, TypeFloat, TypeDate, TypeDateTime} {
		if strings.EqualFold(t, k) {
			return k
		}
	}
	return TypeText
}

// color returns a REFI-QDA colour as "#rrggbb", "" when it is none.
func color(c string) string {
	c = strings.ToLower(strings.TrimSpace(c))
	if len(c) == 9 && c[0] == '#' { // #rrggbbaa, as some tools write
		c = c[:7]
	}
	if len(c) != 7 || c[0] != '#' {
		return ""
	}
	for _, r := range c[1:] {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return ""
		}
	}
	return c
}

func (p *rawProject) code(x *xmlReader, se xml.StartElement) (Code, error) {
	c := Code{GUID: attr(se, "guid"), Name: nameAttr(se), Color: color(attr(se, "color")), Codable: true}
	if v := attr(se, "isCodable"); v == "false" || v == "0" {
		c.Codable = false
	}
	err := x.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "Description":
			s, err := x.text()
			c.Description = s
			return err
		case "NoteRef":
			if g := attr(se, "targetGUID"); g != "" {
				c.NoteRefs = append(c.NoteRefs, g)
			}
		case "Code":
			child, err := p.code(x, se)
			c.Children = append(c.Children, child)
			return err
		}
		return x.skip()
	}, nil)
	return c, err
}

func (p *rawProject) caseOf(x *xmlReader, se xml.StartElement) (Case, error) {
	c := Case{GUID: attr(se, "guid"), Name: nameAttr(se)}
	err := x.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "Description":
			s, err := x.text()
			c.Description = s
			return err
		case "VariableValue":
			ref, val, set, err := variableValue(x)
			if err == nil && ref != "" && set {
				if c.Values == nil {
					c.Values = map[string]string{}
				}
				c.Values[ref] = val
			}
			return err
		case "SourceRef":
			if g := attr(se, "targetGUID"); g != "" {
				c.Sources = append(c.Sources, g)
			}
		case "CodeRef":
			p.count("codes of cases", 1)
		case "SelectionRef":
			p.count("selections of cases", 1)
		}
		return x.skip()
	}, nil)
	return c, err
}

// variableValue reads a VariableValue: the variable's guid and the value as
// text (set is false when the value element is missing).
func variableValue(x *xmlReader) (ref, val string, set bool, err error) {
	err = x.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "VariableRef":
			ref = attr(se, "targetGUID")
			return x.skip()
		case "TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue":
			s, err := x.text()
			if se.Name.Local != "TextValue" {
				s = strings.TrimSpace(s)
			}
			if se.Name.Local == "BooleanValue" {
				switch s {
				case "1":
					s = "true"
				case "0":
					s = "false"
				}
			}
			val, set = s, true
			return err
		}
		return x.skip()
	}, nil)
	return ref, val, set, err
}

// source reads one element of Sources: a TextSource is kept; any other kind
// is counted with its selections.
func (p *rawProject) source(x *xmlReader, se xml.StartElement) error {
	kind := map[string]string{
		"PDFSource":     "PDF",
		"PictureSource": "picture",
		"AudioSource":   "audio",
		"VideoSource":   "video",
	}[se.Name.Local]
	if se.Name.Local != "TextSource" {
		n, err := x.countIn("Selection")
		if kind != "" {
			p.count(kind+" sources", 1)
			p.count(kind+" selections", n)
		} else {
			p.count("sources of other kinds", 1)
		}
		return err
	}
	s := rawSource{Source: Source{GUID: attr(se, "guid"), Name: nameAttr(se), CreatingUser: attr(se, "creatingUser")}, textPath: attr(se, "plainTextPath")}
	err := x.children(func(c xml.StartElement) error {
		switch c.Name.Local {
		case "Description":
			t, err := x.text()
			s.description = t
			return err
		case "PlainTextContent":
			t, err := x.text()
			s.inline, s.hasInline = t, true
			return err
		case "PlainTextSelection":
			sel, desc, err := p.selection(x, c, s.Name)
			s.Selections = append(s.Selections, sel)
			if desc != "" {
				if s.selDesc == nil {
					s.selDesc = map[int]string{}
				}
				s.selDesc[len(s.Selections)-1] = desc
			}
			return err
		case "Coding":
			p.count("codings of whole sources", 1)
		case "NoteRef":
			if g := attr(c, "targetGUID"); g != "" {
				s.NoteRefs = append(s.NoteRefs, g)
			}
		case "VariableValue":
			p.count("attribute values of sources", 1)
		}
		return x.skip()
	}, nil)
	p.sources = append(p.sources, s)
	return err
}

// selection reads a PlainTextSelection, and its Description (an ATLAS.ti
// quotation's comment), which becomes a memo if the selection is kept.
func (p *rawProject) selection(x *xmlReader, se xml.StartElement, source string) (sel Selection, desc string, err error) {
	sel = Selection{GUID: attr(se, "guid"), Name: nameAttr(se), CreatingUser: attr(se, "creatingUser")}
	if sel.Start, err = position(se, "startPosition", sel, source); err != nil {
		return sel, "", err
	}
	if sel.End, err = position(se, "endPosition", sel, source); err != nil {
		return sel, "", err
	}
	err = x.children(func(c xml.StartElement) error {
		switch c.Name.Local {
		case "Description":
			t, err := x.text()
			desc = t
			return err
		case "Coding":
			cd := Coding{GUID: attr(c, "guid"), CreatingUser: attr(c, "creatingUser")}
			err := x.children(func(r xml.StartElement) error {
				if r.Name.Local == "CodeRef" && cd.CodeGUID == "" {
					cd.CodeGUID = attr(r, "targetGUID")
				}
				return x.skip()
			}, nil)
			sel.Codings = append(sel.Codings, cd)
			return err
		case "NoteRef":
			if g := attr(c, "targetGUID"); g != "" {
				sel.NoteRefs = append(sel.NoteRefs, g)
			}
		}
		return x.skip()
	}, nil)
	return sel, desc, err
}

// selectionLabel names a selection in messages: its name when it has one
// (often a preview of the passage), else its guid.
func selectionLabel(s Selection) string {
	if n := strings.TrimSpace(s.Name); n != "" {
		if r := []rune(n); len(r) > 40 {
			n = string(r[:40]) + "…"
		}
		return fmt.Sprintf("%q", n)
	}
	return s.GUID
}

func position(se xml.StartElement, name string, sel Selection, source string) (int, error) {
	v := strings.TrimSpace(attr(se, name))
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		if !hasAttr(se, name) {
			v = "missing"
		} else {
			v = strconv.Quote(v)
		}
		return 0, errs.Errorf(errs.Invalid, "selection %s of source %q: its %s is %s, not a position", selectionLabel(sel), source, name, v)
	}
	return n, nil
}

func (p *rawProject) note(x *xmlReader, se xml.StartElement) (rawNote, error) {
	n := rawNote{Note: Note{GUID: attr(se, "guid"), Name: nameAttr(se), CreatingUser: attr(se, "creatingUser"), Created: attr(se, "creationDateTime")}, textPath: attr(se, "plainTextPath")}
	err := x.children(func(c xml.StartElement) error {
		switch c.Name.Local {
		case "PlainTextContent":
			t, err := x.text()
			n.Text, n.hasInline = t, true
			return err
		case "PlainTextSelection":
			n.selections++
		}
		return x.skip()
	}, nil)
	return n, err
}
