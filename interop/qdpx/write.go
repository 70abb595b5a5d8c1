package qdpx

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// writeNamespace is the namespace of a REFI-QDA project file.
const writeNamespace = "urn:QDA-XML:project:1.0"

// writeZipTime is the modification time of every file in an archive Write
// makes, so that the same project always gives the same bytes.
var writeZipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

var (
	writeColorPattern   = regexp.MustCompile(`^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$`)
	writeIntegerPattern = regexp.MustCompile(`^[+-]?[0-9]+$`)
	writeDecimalPattern = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`)
)

// Write writes p as a REFI-QDA project archive (.qdpx): project.qde, valid
// against the standard's Project.xsd, and each text source as
// sources/<guid>.txt (UTF-8 without a byte-order mark), which project.qde
// refers to as internal://<guid>.txt. Positions are written as the model
// holds them, code points, as the standard counts them.
//
// A source's Turns and Speakers, when it has any, go in a Note named
// ThemisTurnsNote that the source refers to. The archive holds nothing but
// what p holds: origin "Themis", no basePath, no path of this machine. The
// same p always gives the same bytes (fixed order, fixed file times).
//
// p is checked first, and nothing is written when it would make an archive
// another tool cannot read: a malformed or repeated guid, a reference to a
// code, note, variable, source or user p does not hold, a selection outside
// its text, a value that does not fit its variable's type, text that is not
// UTF-8. The error names the element.
func Write(w io.Writer, p *Project) error {
	if err := writeCheck(p); err != nil {
		return fmt.Errorf("write REFI-QDA project %q: %w", p.Name, err)
	}
	z := zip.NewWriter(w)
	f, err := z.CreateHeader(&zip.FileHeader{Name: "project.qde", Method: zip.Deflate, Modified: writeZipTime})
	if err != nil {
		return fmt.Errorf("write REFI-QDA project %q: %w", p.Name, err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	writeProjectQDE(bw, p)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write REFI-QDA project %q: %w", p.Name, err)
	}
	for _, s := range p.Sources {
		f, err := z.CreateHeader(&zip.FileHeader{Name: "sources/" + writeSourceName(s), Method: zip.Deflate, Modified: writeZipTime})
		if err != nil {
			return fmt.Errorf("write source %q: %w", s.Name, err)
		}
		if _, err := io.WriteString(f, s.Text); err != nil {
			return fmt.Errorf("write source %q: %w", s.Name, err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("write REFI-QDA project %q: %w", p.Name, err)
	}
	return nil
}

// WriteFile writes p to path as Write does, atomically: into a temporary
// file beside path, renamed over it only once complete, so that a failure
// leaves neither a partial archive nor the temporary file, and whatever was
// at path before stays as it was.
func WriteFile(path string, p *Project) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err := Write(bw, p); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	// CreateTemp makes the file private; an export is an ordinary document.
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	return nil
}

// writeSourceName is the name of a source's text in sources/: its guid, which
// writeCheck has made sure is a guid, so no name in the archive can leave it.
func writeSourceName(s Source) string { return strings.Trim(s.GUID, "{}") + ".txt" }

// writeTurnsNoteGUID is the guid of the ThemisTurnsNote of the source with guid
// source.
func writeTurnsNoteGUID(source string) string { return StableGUID("themis turns note", source) }

func writeHasTurns(s Source) bool { return s.Turns != nil || s.Speakers != nil }

// writeCheck refuses a model Write would turn into an archive other tools
// cannot read, naming what is wrong.
func writeCheck(p *Project) error {
	owner := func(what string) writeOwner { return writeOwner{what: what} }
	var problems []error
	bad := func(format string, args ...any) { problems = append(problems, fmt.Errorf(format, args...)) }
	guids := map[string]writeOwner{} // normalised guid → what it names
	guid := func(g string, what writeOwner) {
		n, ok := writeGUID(g)
		if !ok {
			bad("%s has guid %q; expected 8-4-4-4-12 hexadecimal digits", what, g)
			return
		}
		if other, ok := guids[n]; ok {
			bad("%s has guid %s, already the guid of %s", what, g, other)
			return
		}
		guids[n] = what
	}
	text := func(what writeOwner, ss ...string) {
		for _, s := range ss {
			if !utf8.ValidString(s) {
				bad("%s has text that is not valid UTF-8", what)
				return
			}
		}
	}
	text(owner("the project"), p.Name)

	users := map[string]bool{}
	for _, u := range p.Users {
		what := owner(fmt.Sprintf("user %q", u.Name))
		guid(u.GUID, what)
		text(what, u.Name)
		users[u.GUID] = true
	}
	user := func(g string, what writeOwner) {
		if g != "" && !users[g] {
			bad("%s names creating user %s, who is not among the project's users", what, g)
		}
	}
	notes := map[string]bool{}
	for _, n := range p.Notes {
		what := owner(fmt.Sprintf("note %q", n.Name))
		guid(n.GUID, what)
		text(what, n.Name, n.Text)
		user(n.CreatingUser, what)
		if n.Created != "" {
			if _, err := time.Parse(time.RFC3339Nano, n.Created); err != nil {
				bad("%s was created %q; expected an RFC 3339 date and time", what, n.Created)
			}
		}
		notes[n.GUID] = true
	}
	noteRefs := func(refs []string, what writeOwner) {
		for _, r := range refs {
			if !notes[r] {
				bad("%s refers to note %s, which the project does not hold", what, r)
			}
		}
	}
	noteRefs(p.ProjectNotes, owner("the project"))

	codes := map[string]bool{}
	var walk func(cs []Code, depth int)
	walk = func(cs []Code, depth int) {
		for _, c := range cs {
			what := owner(fmt.Sprintf("code %q", c.Name))
			guid(c.GUID, what)
			text(what, c.Name, c.Description)
			if c.Color != "" && !writeColorPattern.MatchString(c.Color) {
				bad("%s has colour %q; expected #rrggbb", what, c.Color)
			}
			noteRefs(c.NoteRefs, what)
			codes[c.GUID] = true
			if depth > 100 {
				bad("%s is nested more than 100 levels deep", what)
				continue
			}
			walk(c.Children, depth+1)
		}
	}
	walk(p.Codes, 1)

	variables := map[string]Variable{}
	for _, v := range p.Variables {
		what := owner(fmt.Sprintf("variable %q", v.Name))
		guid(v.GUID, what)
		text(what, v.Name, v.Description)
		switch v.Type {
		case TypeText, TypeBoolean, TypeInteger, TypeFloat, TypeDate, TypeDateTime:
		default:
			bad("%s has type %q; expected Text, Boolean, Integer, Float, Date or DateTime", what, v.Type)
		}
		variables[v.GUID] = v
	}
	sources := map[string]bool{}
	for _, s := range p.Sources {
		sources[s.GUID] = true
	}
	cases := map[string]bool{}
	for _, c := range p.Cases {
		cases[c.GUID] = true
		what := owner(fmt.Sprintf("case %q", c.Name))
		guid(c.GUID, what)
		text(what, c.Name, c.Description)
		for g, val := range c.Values {
			v, ok := variables[g]
			if !ok {
				bad("%s has a value for variable %s, which the project does not hold", what, g)
				continue
			}
			text(what, val)
			if _, err := writeTypedValue(v.Type, val); err != nil {
				bad("%s: %s: %v", what, v.Name, err)
			}
		}
		for _, s := range c.Sources {
			if !sources[s] {
				bad("%s refers to source %s, which the project does not hold", what, s)
			}
		}
	}

	for si, s := range p.Sources {
		what := owner(fmt.Sprintf("source %q", s.Name))
		guid(s.GUID, what)
		text(what, s.Name, s.Text)
		user(s.CreatingUser, what)
		if strings.HasPrefix(s.Text, "\uFEFF") {
			bad("%s begins with a byte-order mark, which would shift every position; the model holds text without one", what)
		}
		noteRefs(s.NoteRefs, what)
		n := utf8.RuneCountInString(s.Text)
		for j, sel := range s.Selections {
			// Described only when a message needs it: there are many.
			swhat := writeOwner{source: &p.Sources[si], selection: j}
			guid(sel.GUID, swhat)
			text(swhat, sel.Name)
			user(sel.CreatingUser, swhat)
			if sel.Start < 0 || sel.End < sel.Start || sel.End > n {
				bad("%s does not lie within its text of %d characters", swhat, n)
			}
			noteRefs(sel.NoteRefs, swhat)
			cwhat := swhat
			cwhat.coding = true
			for _, c := range sel.Codings {
				guid(c.GUID, cwhat)
				user(c.CreatingUser, cwhat)
				if !codes[c.CodeGUID] {
					bad("%s applies code %s, which the codebook does not hold", cwhat, c.CodeGUID)
				}
			}
		}
		if writeHasTurns(s) {
			guid(writeTurnsNoteGUID(s.GUID), owner("the speaker-turns note of "+what.String()))
			// What DecodeTurnsNote will accept, so the note comes back.
			prev := 0
			for i, t := range s.Turns {
				text(what, t.Speaker, t.Timestamp)
				if t.Start < prev || t.ContentStart < t.Start || t.End < t.ContentStart || t.End > n {
					bad("%s: turn %d (%d–%d) does not fit its text of %d characters after the turn before it", what, i+1, t.Start, t.End, n)
				}
				prev = t.End
				for _, f := range []string{t.Speaker, t.Timestamp} {
					if strings.ContainsAny(f, "\t\r\n") {
						bad("%s: turn %d: %q has a tab or line break", what, i+1, f)
					}
				}
			}
			for _, sp := range s.Speakers {
				text(what, sp.Name)
				if strings.ContainsAny(sp.Name, "\t\r\n") {
					bad("%s: speaker %q has a tab or line break", what, sp.Name)
				}
				if sp.CaseGUID != "" && !cases[sp.CaseGUID] {
					bad("%s: speaker %q belongs to case %s, which the project does not hold", what, sp.Name, sp.CaseGUID)
				}
			}
		}
	}
	if len(problems) > 10 {
		problems = append(problems[:10], fmt.Errorf("and %d more problems", len(problems)-10))
	}
	return errors.Join(problems...)
}

// writeOwner says what a guid or a problem belongs to, for messages: a
// description, or a selection (or its coding) described on demand.
type writeOwner struct {
	what      string
	source    *Source
	selection int
	coding    bool
}

func (o writeOwner) String() string {
	if o.source == nil {
		return o.what
	}
	sel := o.source.Selections[o.selection]
	s := fmt.Sprintf("selection %d–%d of source %q", sel.Start, sel.End, o.source.Name)
	if o.coding {
		s = "a coding of " + s
	}
	return s
}

// writeGUID checks g against Project.xsd's GUIDType (8-4-4-4-12
// hexadecimal digits, optionally in braces) and returns it as guids are
// compared: lower case, no braces. A hand-written check, since an export
// checks two guids per segment.
func writeGUID(g string) (string, bool) {
	if len(g) == 38 && g[0] == '{' && g[37] == '}' {
		g = g[1:37]
	}
	if len(g) != 36 {
		return "", false
	}
	lower := true
	for i := 0; i < 36; i++ {
		c := g[i]
		switch {
		case i == 8 || i == 13 || i == 18 || i == 23:
			if c != '-' {
				return "", false
			}
		case c >= '0' && c <= '9' || c >= 'a' && c <= 'f':
		case c >= 'A' && c <= 'F':
			lower = false
		default:
			return "", false
		}
	}
	if !lower {
		g = strings.ToLower(g)
	}
	return g, true
}

// writeTypedValue is a variable's value in the lexical form its REFI-QDA type
// (an XML Schema type) requires, or why it has none.
func writeTypedValue(typ, v string) (string, error) {
	t := strings.TrimSpace(v)
	switch typ {
	case TypeText:
		return v, nil
	case TypeBoolean:
		switch strings.ToLower(t) {
		case "true", "1":
			return "true", nil
		case "false", "0":
			return "false", nil
		}
		return "", fmt.Errorf("%q is not true or false", v)
	case TypeInteger:
		if !writeIntegerPattern.MatchString(t) {
			return "", fmt.Errorf("%q is not a whole number", v)
		}
		return t, nil
	case TypeFloat:
		if writeDecimalPattern.MatchString(t) {
			return t, nil
		}
		// xsd:decimal has no exponent: 1.5e3 is written 1500.
		f, err := strconv.ParseFloat(t, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return "", fmt.Errorf("%q is not a finite number", v)
		}
		return strconv.FormatFloat(f, 'f', -1, 64), nil
	case TypeDate:
		d, err := time.Parse("2006-01-02", t)
		if err != nil {
			return "", fmt.Errorf("%q is not a date (YYYY-MM-DD)", v)
		}
		return d.Format("2006-01-02"), nil
	case TypeDateTime:
		if _, err := time.Parse(time.RFC3339Nano, t); err != nil {
			return "", fmt.Errorf("%q is not a date and time (RFC 3339)", v)
		}
		return t, nil
	}
	return "", fmt.Errorf("unknown type %q", typ)
}

// writeValueElement is the element of VariableValue that holds a value of typ.
var writeValueElement = map[string]string{
	TypeText: "TextValue", TypeBoolean: "BooleanValue", TypeInteger: "IntegerValue",
	TypeFloat: "FloatValue", TypeDate: "DateValue", TypeDateTime: "DateTimeValue",
}

// qdeWriter writes project.qde. Elements come in the order Project.xsd's
// sequences demand; optional containers are left out when empty, since the
// schema requires at least one child in each.
type qdeWriter struct {
	w *bufio.Writer
}

func (q qdeWriter) s(parts ...string) {
	for _, p := range parts {
		q.w.WriteString(p)
	}
}

func (q qdeWriter) indent(depth int) {
	for i := 0; i < depth; i++ {
		q.w.WriteString("  ")
	}
}

// attr writes ` name="value"`, escaped; nothing when value is "" and
// optional.
func (q qdeWriter) attr(name, value string, optional bool) {
	if value == "" && optional {
		return
	}
	q.s(" ", name, `="`)
	writeEscaped(q.w, value, true)
	q.w.WriteByte('"')
}

// textElement writes <name>text</name> on its own line.
func (q qdeWriter) textElement(depth int, name, text string) {
	q.indent(depth)
	q.s("<", name, ">")
	writeEscaped(q.w, text, false)
	q.s("</", name, ">\n")
}

func (q qdeWriter) ref(depth int, name, target string) {
	q.indent(depth)
	q.s("<", name, ` targetGUID="`, target, "\"/>\n")
}

func writeProjectQDE(w *bufio.Writer, p *Project) {
	q := qdeWriter{w}
	q.s(`<?xml version="1.0" encoding="utf-8"?>`, "\n")
	q.s(`<Project xmlns="`, writeNamespace, `"`)
	q.attr("name", p.Name, false)
	q.attr("origin", "Themis", false)
	q.s(">\n")

	if len(p.Users) > 0 {
		q.s("  <Users>\n")
		for _, u := range p.Users {
			q.s("    <User")
			q.attr("guid", u.GUID, false)
			q.attr("name", u.Name, true)
			q.s("/>\n")
		}
		q.s("  </Users>\n")
	}

	if len(p.Codes) > 0 {
		q.s("  <CodeBook>\n    <Codes>\n")
		var code func(c Code, depth int)
		code = func(c Code, depth int) {
			q.indent(depth)
			q.s("<Code")
			q.attr("guid", c.GUID, false)
			q.attr("name", c.Name, false)
			q.attr("isCodable", strconv.FormatBool(c.Codable), false)
			q.attr("color", c.Color, true)
			if c.Description == "" && len(c.NoteRefs) == 0 && len(c.Children) == 0 {
				q.s("/>\n")
				return
			}
			q.s(">\n")
			if c.Description != "" {
				q.textElement(depth+1, "Description", c.Description)
			}
			for _, n := range c.NoteRefs {
				q.ref(depth+1, "NoteRef", n)
			}
			for _, k := range c.Children {
				code(k, depth+1)
			}
			q.indent(depth)
			q.s("</Code>\n")
		}
		for _, c := range p.Codes {
			code(c, 3)
		}
		q.s("    </Codes>\n  </CodeBook>\n")
	}

	if len(p.Variables) > 0 {
		q.s("  <Variables>\n")
		for _, v := range p.Variables {
			q.s("    <Variable")
			q.attr("guid", v.GUID, false)
			q.attr("name", v.Name, false)
			q.attr("typeOfVariable", v.Type, false)
			if v.Description == "" {
				q.s("/>\n")
				continue
			}
			q.s(">\n")
			q.textElement(3, "Description", v.Description)
			q.s("    </Variable>\n")
		}
		q.s("  </Variables>\n")
	}

	if len(p.Cases) > 0 {
		q.s("  <Cases>\n")
		for _, c := range p.Cases {
			q.s("    <Case")
			q.attr("guid", c.GUID, false)
			q.attr("name", c.Name, true)
			if c.Description == "" && len(c.Values) == 0 && len(c.Sources) == 0 {
				q.s("/>\n")
				continue
			}
			q.s(">\n")
			if c.Description != "" {
				q.textElement(3, "Description", c.Description)
			}
			// Values in the order of the variables, so the bytes do not
			// depend on the map's order.
			for _, v := range p.Variables {
				val, ok := c.Values[v.GUID]
				if !ok {
					continue
				}
				typed, _ := writeTypedValue(v.Type, val) // writeCheck has accepted it
				q.s("      <VariableValue>\n")
				q.ref(4, "VariableRef", v.GUID)
				q.textElement(4, writeValueElement[v.Type], typed)
				q.s("      </VariableValue>\n")
			}
			for _, s := range c.Sources {
				q.ref(3, "SourceRef", s)
			}
			q.s("    </Case>\n")
		}
		q.s("  </Cases>\n")
	}

	if len(p.Sources) > 0 {
		q.s("  <Sources>\n")
		for _, s := range p.Sources {
			q.s("    <TextSource")
			q.attr("guid", s.GUID, false)
			q.attr("name", s.Name, true)
			q.attr("plainTextPath", "internal://"+writeSourceName(s), false)
			q.attr("creatingUser", s.CreatingUser, true)
			if len(s.Selections) == 0 && len(s.NoteRefs) == 0 && !writeHasTurns(s) {
				q.s("/>\n")
				continue
			}
			q.s(">\n")
			for _, sel := range s.Selections {
				q.s("      <PlainTextSelection")
				q.attr("guid", sel.GUID, false)
				q.attr("name", sel.Name, true)
				q.attr("startPosition", strconv.Itoa(sel.Start), false)
				q.attr("endPosition", strconv.Itoa(sel.End), false)
				q.attr("creatingUser", sel.CreatingUser, true)
				if len(sel.Codings) == 0 && len(sel.NoteRefs) == 0 {
					q.s("/>\n")
					continue
				}
				q.s(">\n")
				for _, c := range sel.Codings {
					q.s("        <Coding")
					q.attr("guid", c.GUID, false)
					q.attr("creatingUser", c.CreatingUser, true)
					q.s(">\n")
					q.ref(5, "CodeRef", c.CodeGUID)
					q.s("        </Coding>\n")
				}
				for _, n := range sel.NoteRefs {
					q.ref(4, "NoteRef", n)
				}
				q.s("      </PlainTextSelection>\n")
			}
			for _, n := range s.NoteRefs {
				q.ref(3, "NoteRef", n)
			}
			if writeHasTurns(s) {
				q.ref(3, "NoteRef", writeTurnsNoteGUID(s.GUID))
			}
			q.s("    </TextSource>\n")
		}
		q.s("  </Sources>\n")
	}

	turnsNotes := 0
	for _, s := range p.Sources {
		if writeHasTurns(s) {
			turnsNotes++
		}
	}
	if len(p.Notes)+turnsNotes > 0 {
		q.s("  <Notes>\n")
		note := func(n Note) {
			q.s("    <Note")
			q.attr("guid", n.GUID, false)
			q.attr("name", n.Name, true)
			q.attr("creatingUser", n.CreatingUser, true)
			q.attr("creationDateTime", n.Created, true)
			q.s(">\n")
			q.textElement(3, "PlainTextContent", n.Text)
			q.s("    </Note>\n")
		}
		for _, n := range p.Notes {
			note(n)
		}
		for _, s := range p.Sources {
			if writeHasTurns(s) {
				note(Note{GUID: writeTurnsNoteGUID(s.GUID), Name: ThemisTurnsNote, Text: EncodeTurnsNote(s.Turns, s.Speakers)})
			}
		}
		q.s("  </Notes>\n")
	}

	for _, n := range p.ProjectNotes {
		q.ref(1, "NoteRef", n)
	}
	q.s("</Project>\n")
}

// writeXMLChar reports whether r may appear in an XML 1.0 document.
func writeXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0a || r == 0x0d || (r >= 0x20 && r <= 0xd7ff) ||
		(r >= 0xe000 && r <= 0xfffd) || (r >= 0x10000 && r <= 0x10ffff)
}

// writeEscaped writes s as XML character data (attr: inside a
// double-quoted attribute). Carriage returns, and in attributes tabs and
// line feeds, are written as character references so that a reader's
// end-of-line and attribute normalisation give back exactly s. A character
// XML cannot carry at all becomes U+FFFD.
func writeEscaped(w *bufio.Writer, s string, attr bool) {
	// Most values (guids, numbers, plain names) need no escaping at all.
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x80 || c == '&' || c == '<' || c == '>' || c == '"' {
			plain = false
			break
		}
	}
	if plain {
		w.WriteString(s)
		return
	}
	last := 0
	for i, r := range s {
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '"' && attr:
			esc = "&quot;"
		case r == '\r':
			esc = "&#xD;"
		case r == '\n' && attr:
			esc = "&#xA;"
		case r == '\t' && attr:
			esc = "&#x9;"
		case !writeXMLChar(r):
			esc = "\uFFFD"
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(esc)
		last = i + utf8.RuneLen(r)
	}
	w.WriteString(s[last:])
}
