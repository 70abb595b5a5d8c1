package frameworks

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// FormatVersion is the version of the codebook file format this package
// reads and writes (the themis_codebook field). Readers refuse files with a
// newer version; new versions only ever add fields.
const FormatVersion = 2

// MaxFileSize is the largest codebook file Parse accepts.
const MaxFileSize = 8 << 20

// maxDepth bounds how deeply codes may nest; real codebooks use two or three
// levels.
const maxDepth = 32

// maxProblems is how many problems a parse reports before it stops listing.
const maxProblems = 20

// FileError is a problem in a codebook file, with the place it was found.
// Line and Column are 1-based; 0 means unknown.
type FileError struct {
	File   string
	Line   int
	Column int
	Msg    string
}

func (e *FileError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// Parse reads a codebook file, choosing the format by the file name's
// extension: .yaml or .yml (Themis codebook), .json (the same structure as
// JSON) or .qdc (REFI-QDA codebook). Problems are reported as *FileError
// values (several joined with errors.Join when there are several).
func Parse(filename string, data []byte) (Framework, error) {
	switch strings.ToLower(filepath.Ext(filename)) {
	case ".yaml", ".yml":
		return ParseYAML(filename, data)
	case ".json":
		return ParseJSON(filename, data)
	case ".qdc":
		return ParseQDC(filename, data)
	}
	return Framework{}, &FileError{File: filename, Msg: "unknown codebook file type; expected a file ending in .yaml, .yml, .json or .qdc"}
}

// checkText refuses input that cannot be a codebook file at all: too large,
// empty, not UTF-8 text. It drops a UTF-8 byte order mark.
func checkText(filename string, data []byte) ([]byte, error) {
	if len(data) > MaxFileSize {
		return nil, &FileError{File: filename, Msg: fmt.Sprintf("the file is %.1f MiB; a codebook file may be at most %d MiB", float64(len(data))/(1<<20), MaxFileSize>>20)}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		return nil, &FileError{File: filename, Msg: "the file is UTF-16 text; save it as UTF-8 and try again"}
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return nil, &FileError{File: filename, Msg: "the file is a zip archive (a .qdpx project?), not a codebook"}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &FileError{File: filename, Msg: "the file is empty"}
	}
	bad := -1
	if i := bytes.IndexByte(data, 0); i >= 0 {
		bad = i
	}
	if !utf8.Valid(data) {
		for i := 0; i < len(data); {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				if bad < 0 || i < bad {
					bad = i
				}
				break
			}
			i += n
		}
	}
	if bad >= 0 {
		line, col := lineCol(data, bad)
		return nil, &FileError{File: filename, Line: line, Column: col, Msg: "this is not a text file (binary data or an encoding other than UTF-8)"}
	}
	return data, nil
}

// lineCol turns a byte offset into a 1-based line and column (in characters).
func lineCol(data []byte, off int) (line, col int) {
	if off > len(data) {
		off = len(data)
	}
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	col = utf8.RuneCount(before[start:]) + 1
	return line, col
}

// ParseYAML reads a Themis codebook in YAML. See the package documentation
// for the format.
func ParseYAML(filename string, data []byte) (Framework, error) {
	data, err := checkText(filename, data)
	if err != nil {
		return Framework{}, err
	}
	return parseTree(filename, data)
}

// ParseJSON reads a Themis codebook in JSON: the same structure as the YAML
// form.
func ParseJSON(filename string, data []byte) (Framework, error) {
	data, err := checkText(filename, data)
	if err != nil {
		return Framework{}, err
	}
	var raw json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			off := int(syn.Offset)
			if off > 0 && !strings.HasPrefix(syn.Error(), "unexpected end") {
				off-- // Offset counts the offending byte
			}
			line, col := lineCol(data, off)
			return Framework{}, &FileError{File: filename, Line: line, Column: col, Msg: "invalid JSON: " + syn.Error()}
		}
		return Framework{}, &FileError{File: filename, Msg: "invalid JSON: " + err.Error()}
	}
	if i := bytes.IndexFunc(data, func(r rune) bool { return !strings.ContainsRune(" \t\r\n", r) }); data[i] != '{' {
		line, col := lineCol(data, i)
		return Framework{}, &FileError{File: filename, Line: line, Column: col, Msg: "expected a JSON object ({ … }) holding the codebook"}
	}
	// JSON is YAML, so the same walker reads it and reports lines. A few
	// characters JSON allows but the YAML reader does not are rewritten
	// first without moving any line.
	return parseTree(filename, jsonForYAML(data))
}

// jsonForYAML rewrites valid JSON so that the YAML parser reads it exactly as
// a JSON parser would: tabs and carriage returns between tokens become
// spaces, and characters inside strings that YAML refuses or treats as line
// breaks become \u escapes.
func jsonForYAML(data []byte) []byte {
	out := make([]byte, 0, len(data))
	inString, escaped := false, false
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case !inString:
			switch r {
			case '"':
				inString = true
			case '\t', '\r':
				r = ' '
			}
			out = utf8.AppendRune(out, r)
		case escaped:
			escaped = false
			out = append(out, data[i:i+n]...)
		case r == '\\':
			escaped = true
			out = append(out, '\\')
		case r == '"':
			inString = false
			out = append(out, '"')
		case (r >= 0x7f && r <= 0x9f) || r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff:
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, data[i:i+n]...)
		}
		i += n
	}
	return out
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns an error of the YAML parser into a FileError.
func yamlError(filename string, err error) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &FileError{File: filename, Line: line, Msg: "invalid YAML: " + m[2]}
	}
	return &FileError{File: filename, Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

// decodeNode decodes one YAML document, turning a panic inside the parser
// into an error.
func decodeNode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: the parser failed on this input (%v)", r)
		}
	}()
	return dec.Decode(n)
}

// parseTree parses YAML (or JSON rewritten by jsonForYAML) into a framework.
func parseTree(filename string, data []byte) (Framework, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := decodeNode(dec, &doc); err != nil {
		if err == io.EOF {
			return Framework{}, &FileError{File: filename, Msg: "the file is empty"}
		}
		return Framework{}, yamlError(filename, err)
	}
	var extra yaml.Node
	switch err := decodeNode(dec, &extra); {
	case err == io.EOF:
	case err != nil:
		return Framework{}, yamlError(filename, err)
	default:
		return Framework{}, &FileError{File: filename, Line: extra.Line, Column: extra.Column, Msg: "a codebook file holds one YAML document; remove the second one (after ---)"}
	}
	w := &walker{file: filename}
	f := w.framework(&doc)
	if len(w.problems) > 0 {
		return Framework{}, w.err()
	}
	if err := f.Validate(); err != nil { // a safety net: the walker checks all of this with lines
		return Framework{}, &FileError{File: filename, Msg: err.Error()}
	}
	return f, nil
}

// walker reads a codebook from a YAML node tree, collecting problems.
type walker struct {
	file     string
	problems []error
}

func (w *walker) errAt(n *yaml.Node, format string, args ...any) {
	if len(w.problems) == maxProblems {
		w.problems = append(w.problems, &FileError{File: w.file, Msg: "too many problems; stopping here"})
	}
	if len(w.problems) > maxProblems {
		return
	}
	w.problems = append(w.problems, &FileError{File: w.file, Line: n.Line, Column: n.Column, Msg: fmt.Sprintf(format, args...)})
}

func (w *walker) err() error {
	if len(w.problems) == 1 {
		return w.problems[0]
	}
	return errors.Join(w.problems...)
}

var (
	topFields  = []string{"themis_codebook", "name", "description", "codes"}
	codeFields = []string{"name", "ref", "codable", "colour", "color", "key", "scale", "guid", "definition", "when_to_use", "when_not_to_use", "examples", "memos", "codes"}
	memoFields = []string{"author", "created", "text"}
)

// fields checks that n is a mapping with scalar keys out of known, none
// repeated, and returns the values by key. what names n in messages.
func (w *walker) fields(n *yaml.Node, what string, known []string) (map[string]*yaml.Node, bool) {
	if n.Kind != yaml.MappingNode {
		w.errAt(n, "%s: expected a mapping of fields (name: …), got %s", what, describe(n))
		return nil, false
	}
	out := map[string]*yaml.Node{}
	keys := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			w.errAt(k, "%s: expected a field name, got %s", what, describe(k))
			continue
		}
		if !contains(known, k.Value) {
			w.errAt(k, "%s: unknown field %q; known fields are %s", what, k.Value, strings.Join(known, ", "))
			continue
		}
		if first, ok := keys[k.Value]; ok {
			w.errAt(k, "%s: field %q given twice (first on line %d)", what, k.Value, first.Line)
			continue
		}
		keys[k.Value] = k
		out[k.Value] = v
	}
	return out, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// describe names the kind of a node for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "nothing"
		case "!!str":
			return strconv.Quote(n.Value)
		}
		return n.Value
	}
	return "something else"
}

// text reads a scalar as text; numbers and booleans are taken as written,
// null is "".
func (w *walker) text(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode {
		w.errAt(n, "%s: expected text, got %s", what, describe(n))
		return ""
	}
	switch n.ShortTag() {
	case "!!null":
		return ""
	case "!!str", "!!int", "!!float", "!!bool", "!!timestamp":
		return n.Value
	}
	w.errAt(n, "%s: expected text, got a value tagged %s", what, n.Tag)
	return ""
}

// noAliases refuses anchors and aliases anywhere in the document: a codebook
// has no use for them, and refusing them rules out alias bombs.
func (w *walker) noAliases(root *yaml.Node) bool {
	stack := []*yaml.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.AliasNode || n.Anchor != "" {
			w.errAt(n, "anchors and aliases (&name, *name) are not allowed in a codebook; write the value out in full")
			return false
		}
		for i := len(n.Content) - 1; i >= 0; i-- { // so the first in the file is met first
			stack = append(stack, n.Content[i])
		}
	}
	return true
}

// parsedCode is a code with the nodes it was read from, for messages.
type parsedCode struct {
	Code
	where      string // "codes[0].codes[2]"
	parentCode *parsedCode
	node       *yaml.Node
	fields     map[string]*yaml.Node
}

func (p *parsedCode) label() string {
	if p.Name == "" {
		return p.where
	}
	return fmt.Sprintf("%s (%q)", p.where, p.Name)
}

func (w *walker) framework(doc *yaml.Node) Framework {
	if doc.Kind == 0 || (doc.Kind == yaml.DocumentNode && len(doc.Content) == 0) {
		w.problems = append(w.problems, &FileError{File: w.file, Msg: "the file is empty"})
		return Framework{}
	}
	root := doc
	if doc.Kind == yaml.DocumentNode {
		root = doc.Content[0]
	}
	if !w.noAliases(root) {
		return Framework{}
	}
	if root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null" {
		w.errAt(root, "the file is empty")
		return Framework{}
	}
	top, ok := w.fields(root, "codebook", topFields)
	if !ok {
		return Framework{}
	}
	// The version comes first: a newer file may use fields this reader does
	// not know, and the one useful message then is "update Themis".
	v, ok := top["themis_codebook"]
	if !ok {
		w.problems = nil
		w.errAt(root, "not a Themis codebook: the first line should be \"themis_codebook: %d\" (the format version)", 1)
		return Framework{}
	}
	var version int
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!int" || v.Decode(&version) != nil {
		w.problems = nil
		w.errAt(v, "themis_codebook: expected the format version, a whole number such as %d, got %s", 1, describe(v))
		return Framework{}
	}
	if version > FormatVersion {
		w.problems = nil
		w.errAt(v, "themis_codebook: this codebook is in format version %d, written by a newer Themis; this Themis reads version %d and older. Update Themis to open it", version, FormatVersion)
		return Framework{}
	}
	if version < 1 {
		w.errAt(v, "themis_codebook: expected a format version from 1 to %d, got %d", FormatVersion, version)
	}

	var f Framework
	if n, ok := top["name"]; ok {
		f.Name = w.text(n, "name")
		if strings.TrimSpace(f.Name) == "" {
			w.errAt(n, "name: the codebook's name is empty")
		}
	} else {
		w.errAt(root, "name: missing; every codebook needs a name (name: …)")
	}
	if n, ok := top["description"]; ok {
		f.Description = w.text(n, "description")
	}
	var codes []*parsedCode
	if n, ok := top["codes"]; ok {
		codes = w.codesUnder(n, "codes", nil, 1)
	}
	w.crossCheck(codes)

	// Refs: explicit ones first, then derived ones that avoid them.
	taken := map[string]bool{}
	for _, c := range codes {
		if c.Ref != "" {
			taken[c.Ref] = true
		}
	}
	for _, c := range codes {
		if c.Ref == "" {
			c.Ref = RefFor(c.Name, taken)
		}
	}
	byNode := map[*parsedCode]string{}
	for _, c := range codes {
		byNode[c] = c.Ref
	}
	for _, c := range codes {
		if p := c.parentCode; p != nil {
			c.Parent = byNode[p]
		}
		f.Codes = append(f.Codes, c.Code)
	}
	return f
}

// codesUnder reads a list of codes (and, recursively, their children) in
// depth-first order.
func (w *walker) codesUnder(n *yaml.Node, where string, parent *parsedCode, depth int) []*parsedCode {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		w.errAt(n, "%s: expected a list of codes (each starting with \"- name: …\"), got %s", where, describe(n))
		return nil
	}
	if depth > maxDepth {
		w.errAt(n, "%s: codes are nested more than %d levels deep", where, maxDepth)
		return nil
	}
	var out []*parsedCode
	for i, cn := range n.Content {
		c := w.code(cn, fmt.Sprintf("%s[%d]", where, i))
		if c == nil {
			continue
		}
		c.parentCode = parent
		out = append(out, c)
		if kids, ok := c.fields["codes"]; ok {
			out = append(out, w.codesUnder(kids, c.where+".codes", c, depth+1)...)
		}
	}
	return out
}

// code reads the fields of one code (not its children).
func (w *walker) code(n *yaml.Node, where string) *parsedCode {
	fields, ok := w.fields(n, where, codeFields)
	if !ok {
		return nil
	}
	c := &parsedCode{where: where, node: n, fields: fields}
	c.Codable = true
	if v, ok := fields["name"]; ok {
		before := len(w.problems)
		c.Name = w.text(v, where+".name")
		if strings.TrimSpace(c.Name) == "" && len(w.problems) == before {
			w.errAt(v, "%s.name: the name is empty; every code needs a name", where)
		}
	} else {
		w.errAt(n, "%s: name: missing; every code needs a name", where)
	}
	at := func(field string) string { return c.label() + "." + field }
	if v, ok := fields["ref"]; ok {
		c.Ref = w.text(v, at("ref"))
		if strings.TrimSpace(c.Ref) == "" {
			w.errAt(v, "%s: the ref is empty; leave the field out to derive one from the name", at("ref"))
			c.Ref = ""
		}
	}
	if v, ok := fields["codable"]; ok {
		if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" || v.Decode(&c.Codable) != nil {
			w.errAt(v, "%s: expected true or false, got %s", at("codable"), describe(v))
		}
	}
	colourField := ""
	for _, name := range []string{"colour", "color"} {
		v, ok := fields[name]
		if !ok {
			continue
		}
		if colourField != "" {
			w.errAt(v, "%s: give the colour once, as either colour or color", at(name))
			continue
		}
		colourField = name
		c.Color = w.text(v, at(name))
		if c.Color != "" && !colorPattern.MatchString(c.Color) {
			w.errAt(v, "%s: expected #rrggbb, got %q", at(name), c.Color)
		}
	}
	if v, ok := fields["key"]; ok {
		c.Key = w.text(v, at("key"))
		if c.Key != "" && !keyPattern.MatchString(c.Key) {
			w.errAt(v, "%s: expected one character, 0-9 or a-z, got %q", at("key"), c.Key)
		}
	}
	if v, ok := fields["scale"]; ok && !(v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null") {
		var x float64
		switch {
		case v.Kind != yaml.ScalarNode || (v.ShortTag() != "!!int" && v.ShortTag() != "!!float") || v.Decode(&x) != nil:
			w.errAt(v, "%s: expected a number, got %s", at("scale"), describe(v))
		case math.IsNaN(x) || math.IsInf(x, 0):
			w.errAt(v, "%s: expected a finite number, got %s", at("scale"), v.Value)
		default:
			c.Scale = &x
		}
	}
	if v, ok := fields["guid"]; ok {
		c.GUID = w.text(v, at("guid"))
		if c.GUID != "" && !guidPattern.MatchString(c.GUID) {
			w.errAt(v, "%s: expected a guid of the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (hexadecimal), got %q", at("guid"), c.GUID)
		}
	}
	if v, ok := fields["definition"]; ok {
		c.Definition = w.text(v, at("definition"))
	}
	if v, ok := fields["when_to_use"]; ok {
		c.WhenToUse = w.text(v, at("when_to_use"))
	}
	if v, ok := fields["when_not_to_use"]; ok {
		c.WhenNotToUse = w.text(v, at("when_not_to_use"))
	}
	if v, ok := fields["examples"]; ok {
		switch {
		case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null":
		case v.Kind == yaml.ScalarNode:
			c.Examples = []string{w.text(v, at("examples"))}
		case v.Kind == yaml.SequenceNode:
			for i, e := range v.Content {
				c.Examples = append(c.Examples, w.text(e, fmt.Sprintf("%s[%d]", at("examples"), i)))
			}
		default:
			w.errAt(v, "%s: expected a list of quotes, got %s", at("examples"), describe(v))
		}
	}
	if v, ok := fields["memos"]; ok {
		switch {
		case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null":
		case v.Kind == yaml.SequenceNode:
			for i, e := range v.Content {
				where := fmt.Sprintf("%s[%d]", at("memos"), i)
				mf, ok := w.fields(e, where, memoFields)
				if !ok {
					continue
				}
				var m Memo
				if t, ok := mf["author"]; ok {
					m.Author = w.text(t, where+".author")
				}
				if t, ok := mf["created"]; ok {
					m.Created = w.text(t, where+".created")
				}
				if t, ok := mf["text"]; ok {
					m.Text = w.text(t, where+".text")
				}
				if strings.TrimSpace(m.Text) == "" {
					w.errAt(e, "%s.text: a memo needs its text", where)
					continue
				}
				c.Memos = append(c.Memos, m)
			}
		default:
			w.errAt(v, "%s: expected a list of memos (author, created, text), got %s", at("memos"), describe(v))
		}
	}
	return c
}

// crossCheck reports names, keys, refs and guids used twice.
func (w *walker) crossCheck(codes []*parsedCode) {
	type seen struct {
		c    *parsedCode
		line int
	}
	names := map[string]seen{}
	keys := map[string]seen{}
	refs := map[string]seen{}
	guids := map[string]seen{}
	check := func(m map[string]seen, c *parsedCode, field, value, norm, what string) {
		if value == "" {
			return
		}
		n := c.fields[field]
		if first, ok := m[norm]; ok {
			w.errAt(n, "%s.%s: %q is already the %s of %q (line %d); %s", c.where, field, value, what, first.c.Name, first.line, uniqueRule[what])
			return
		}
		m[norm] = seen{c, n.Line}
	}
	for _, c := range codes {
		if strings.TrimSpace(c.Name) != "" {
			check(names, c, "name", c.Name, strings.ToLower(c.Name), "name")
		}
		if keyPattern.MatchString(c.Key) {
			check(keys, c, "key", c.Key, c.Key, "key")
		}
		check(refs, c, "ref", c.Ref, c.Ref, "ref")
		if guidPattern.MatchString(c.GUID) {
			check(guids, c, "guid", c.GUID, normalGUID(c.GUID), "guid")
		}
	}
}

var uniqueRule = map[string]string{
	"name": "names must be unique within a codebook, ignoring case",
	"key":  "each key can start only one code",
	"ref":  "refs must be unique within a codebook",
	"guid": "guids must be unique",
}

// fileCode is a code as the YAML and JSON files hold it.
type fileCode struct {
	Name         string     `yaml:"name" json:"name"`
	Ref          string     `yaml:"ref,omitempty" json:"ref,omitempty"`
	Codable      *bool      `yaml:"codable,omitempty" json:"codable,omitempty"`
	Colour       string     `yaml:"colour,omitempty" json:"colour,omitempty"`
	Key          string     `yaml:"key,omitempty" json:"key,omitempty"`
	Scale        *float64   `yaml:"scale,omitempty" json:"scale,omitempty"`
	GUID         string     `yaml:"guid,omitempty" json:"guid,omitempty"`
	Definition   string     `yaml:"definition,omitempty" json:"definition,omitempty"`
	WhenToUse    string     `yaml:"when_to_use,omitempty" json:"when_to_use,omitempty"`
	WhenNotToUse string     `yaml:"when_not_to_use,omitempty" json:"when_not_to_use,omitempty"`
	Examples     []string   `yaml:"examples,omitempty" json:"examples,omitempty"`
	Memos        []fileMemo `yaml:"memos,omitempty" json:"memos,omitempty"`
	Codes        []fileCode `yaml:"codes,omitempty" json:"codes,omitempty"`
}

// fileMemo is a memo on a code as the files hold it (format version 2).
type fileMemo struct {
	Author  string `yaml:"author" json:"author"`
	Created string `yaml:"created,omitempty" json:"created,omitempty"`
	Text    string `yaml:"text" json:"text"`
}

type fileCodebook struct {
	Version     int        `yaml:"themis_codebook" json:"themis_codebook"`
	Name        string     `yaml:"name" json:"name"`
	Description string     `yaml:"description,omitempty" json:"description,omitempty"`
	Codes       []fileCode `yaml:"codes,omitempty" json:"codes,omitempty"`
}

// toFile nests the codes of a valid framework.
func toFile(f Framework) fileCodebook {
	kids := map[string][]Code{}
	for _, c := range f.Codes {
		kids[c.Parent] = append(kids[c.Parent], c)
	}
	// Version 1 unless a code carries memos, so that a codebook without
	// them still opens in a Themis from before memos.
	version := 1
	var build func(parent string) []fileCode
	build = func(parent string) []fileCode {
		var out []fileCode
		for _, c := range kids[parent] {
			fc := fileCode{Name: c.Name, Ref: c.Ref, Colour: c.Color, Key: c.Key, GUID: c.GUID,
				Definition: c.Definition, WhenToUse: c.WhenToUse, WhenNotToUse: c.WhenNotToUse}
			if !c.Codable {
				no := false
				fc.Codable = &no
			}
			if c.Scale != nil {
				s := *c.Scale
				fc.Scale = &s
			}
			if len(c.Examples) > 0 {
				fc.Examples = append([]string(nil), c.Examples...)
			}
			for _, m := range c.Memos {
				fc.Memos = append(fc.Memos, fileMemo(m))
				version = 2
			}
			fc.Codes = build(c.Ref)
			out = append(out, fc)
		}
		return out
	}
	codes := build("")
	return fileCodebook{Version: version, Name: f.Name, Description: f.Description, Codes: codes}
}

// EncodeYAML writes a valid framework as a Themis codebook in YAML, children
// nested under their parents and empty optional fields left out. The output
// depends only on f.
func EncodeYAML(f Framework) ([]byte, error) {
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("cannot write codebook %q: %w", f.Name, err)
	}
	root := yamlNode(toFile(f))
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// yamlNode builds the YAML tree of a codebook by hand rather than with
// yaml.Marshal, to choose how each string is written: yaml.v3 writes a
// string starting with a line break as a literal block (|) and loses the
// break when reading it back, so multi-line strings that a block would not
// carry faithfully go in double quotes.
func yamlNode(book fileCodebook) *yaml.Node {
	m := mapping()
	add(m, "themis_codebook", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(book.Version)})
	add(m, "name", str(book.Name))
	if book.Description != "" {
		add(m, "description", str(book.Description))
	}
	if len(book.Codes) > 0 {
		add(m, "codes", codesNode(book.Codes))
	}
	return m
}

func codesNode(codes []fileCode) *yaml.Node {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, c := range codes {
		m := mapping()
		add(m, "name", str(c.Name))
		for _, field := range []struct{ key, value string }{{"ref", c.Ref}} {
			if field.value != "" {
				add(m, field.key, str(field.value))
			}
		}
		if c.Codable != nil {
			add(m, "codable", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(*c.Codable)})
		}
		for _, field := range []struct{ key, value string }{{"colour", c.Colour}, {"key", c.Key}} {
			if field.value != "" {
				add(m, field.key, str(field.value))
			}
		}
		if c.Scale != nil {
			add(m, "scale", &yaml.Node{Kind: yaml.ScalarNode, Value: strconv.FormatFloat(*c.Scale, 'g', -1, 64)})
		}
		for _, field := range []struct{ key, value string }{{"guid", c.GUID}, {"definition", c.Definition},
			{"when_to_use", c.WhenToUse}, {"when_not_to_use", c.WhenNotToUse}} {
			if field.value != "" {
				add(m, field.key, str(field.value))
			}
		}
		if len(c.Examples) > 0 {
			ex := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
			for _, e := range c.Examples {
				ex.Content = append(ex.Content, str(e))
			}
			add(m, "examples", ex)
		}
		if len(c.Memos) > 0 {
			ms := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
			for _, e := range c.Memos {
				mm := mapping()
				add(mm, "author", str(e.Author))
				if e.Created != "" {
					add(mm, "created", str(e.Created))
				}
				add(mm, "text", str(e.Text))
				ms.Content = append(ms.Content, mm)
			}
			add(m, "memos", ms)
		}
		if len(c.Codes) > 0 {
			add(m, "codes", codesNode(c.Codes))
		}
		seq.Content = append(seq.Content, m)
	}
	return seq
}

func mapping() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"} }

func add(m *yaml.Node, key string, value *yaml.Node) {
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, value)
}

// str is a string scalar; the encoder quotes it when it would otherwise read
// back as a number, boolean or null.
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		if blockSafe(s) {
			n.Style = yaml.LiteralStyle
		} else {
			n.Style = yaml.DoubleQuotedStyle
		}
	}
	return n
}

func blockSafe(s string) bool {
	if s != strings.TrimSpace(s) || strings.ContainsAny(s, "\r\t\u0085\u2028\u2029\ufeff") {
		return false
	}
	for _, line := range strings.Split(s, "\n") {
		if line != strings.TrimRight(line, " ") {
			return false
		}
		for _, r := range line {
			if r < 0x20 || (r >= 0x7f && r <= 0x9f) {
				return false
			}
		}
	}
	return true
}

// EncodeJSON writes a valid framework as a Themis codebook in JSON, indented
// by two spaces; see EncodeYAML.
func EncodeJSON(f Framework) ([]byte, error) {
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("cannot write codebook %q: %w", f.Name, err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(toFile(f)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
