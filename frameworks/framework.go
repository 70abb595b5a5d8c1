package frameworks

import (
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Code is one node of a framework tree: a codable code or a grouping factor
// (theme).
type Code struct {
	// Ref identifies the code inside its framework and links children to
	// parents; it is stable across renames.
	Ref          string
	Parent       string // Ref of the parent, "" for a top-level node
	Name         string
	Definition   string
	WhenToUse    string   // inclusion criteria
	WhenNotToUse string   // exclusion criteria
	Examples     []string // anchor examples (quotes)
	Color        string   // "#rrggbb"
	Key          string   // keyboard shortcut: one of 0-9 or a-z, "" for none
	Codable      bool
	Scale        *float64 // optional ordinal scale value (e.g. 1..5), nil for none
	// GUID is the REFI-QDA guid the code had in an imported codebook, kept
	// so that a round trip through another tool keeps its identity. "" means
	// derive one (see Framework.GUIDOf).
	GUID string
	// Memos are the notes written on the code in a project, carried by
	// the exports for whoever reads the codebook; a framework made from a
	// file does not bring them into a project (they need coders as
	// authors).
	Memos []Memo
}

// Memo is a note on a code: its author, when it was written (RFC 3339) and
// its Markdown text.
type Memo struct {
	Author  string
	Created string
	Text    string
}

// Framework is a named codebook.
type Framework struct {
	Name        string
	Description string
	Codes       []Code // parents before their children, siblings in order
}

var (
	colorPattern = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	keyPattern   = regexp.MustCompile(`^[0-9a-z]$`)
	guidPattern  = regexp.MustCompile(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$`)
)

// Validate reports every problem that would make the framework unusable:
// duplicate refs, names, keys or guids, unknown or later-defined parents, bad
// colours, keys or guids, scale values that are not finite numbers and text
// that is not valid UTF-8. Names are compared ignoring case, because the
// command line looks codes up by name.
func (f Framework) Validate() error {
	var problems []error
	if strings.TrimSpace(f.Name) == "" {
		problems = append(problems, errors.New("the framework has no name"))
	}
	if !utf8.ValidString(f.Name) || !utf8.ValidString(f.Description) {
		problems = append(problems, errors.New("the framework's name or description is not valid UTF-8"))
	}
	refs := map[string]bool{}
	names := map[string]bool{}
	keys := map[string]string{}
	guids := map[string]string{}
	for i, c := range f.Codes {
		where := fmt.Sprintf("code %d (%q)", i+1, c.Name)
		switch {
		case strings.TrimSpace(c.Ref) == "":
			problems = append(problems, fmt.Errorf("%s has no ref", where))
		case refs[c.Ref]:
			problems = append(problems, fmt.Errorf("%s repeats the ref %q", where, c.Ref))
		}
		if strings.TrimSpace(c.Name) == "" {
			problems = append(problems, fmt.Errorf("%s has no name", where))
		} else if names[strings.ToLower(c.Name)] {
			problems = append(problems, fmt.Errorf("%s repeats a name already used", where))
		}
		if c.Parent != "" && !refs[c.Parent] {
			problems = append(problems, fmt.Errorf("%s names parent %q, which is not defined before it", where, c.Parent))
		}
		if c.Parent != "" && c.Parent == c.Ref {
			problems = append(problems, fmt.Errorf("%s is its own parent", where))
		}
		if c.Color != "" && !colorPattern.MatchString(c.Color) {
			problems = append(problems, fmt.Errorf("%s has colour %q; expected #rrggbb", where, c.Color))
		}
		if c.Key != "" {
			if !keyPattern.MatchString(c.Key) {
				problems = append(problems, fmt.Errorf("%s has key %q; expected one of 0-9 or a-z", where, c.Key))
			} else if other, ok := keys[c.Key]; ok {
				problems = append(problems, fmt.Errorf("%s uses key %q, already used by %q", where, c.Key, other))
			} else {
				keys[c.Key] = c.Name
			}
		}
		if c.GUID != "" {
			g := normalGUID(c.GUID)
			if !guidPattern.MatchString(c.GUID) {
				problems = append(problems, fmt.Errorf("%s has guid %q; expected 8-4-4-4-12 hexadecimal digits", where, c.GUID))
			} else if other, ok := guids[g]; ok {
				problems = append(problems, fmt.Errorf("%s uses guid %q, already used by %q", where, c.GUID, other))
			} else {
				guids[g] = c.Name
			}
		}
		if c.Scale != nil && (math.IsNaN(*c.Scale) || math.IsInf(*c.Scale, 0)) {
			problems = append(problems, fmt.Errorf("%s has scale %v; expected a finite number", where, *c.Scale))
		}
		if !validUTF8(c) {
			problems = append(problems, fmt.Errorf("%s has text that is not valid UTF-8", where))
		}
		refs[c.Ref] = true
		names[strings.ToLower(c.Name)] = true
	}
	return errors.Join(problems...)
}

func validUTF8(c Code) bool {
	for _, s := range append([]string{c.Ref, c.Parent, c.Name, c.Definition, c.WhenToUse, c.WhenNotToUse, c.Color, c.Key, c.GUID}, c.Examples...) {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}

// normalGUID is the form in which guids are compared: lower case, no braces.
func normalGUID(g string) string {
	return strings.ToLower(strings.Trim(g, "{}"))
}

// Children returns the codes whose parent is ref, in framework order.
func (f Framework) Children(ref string) []Code {
	var out []Code
	for _, c := range f.Codes {
		if c.Parent == ref {
			out = append(out, c)
		}
	}
	return out
}

// themisNamespace is the namespace of the name-based (version 5) UUIDs that
// GUIDOf derives. It must never change: it makes exported guids stable.
var themisNamespace = [16]byte{0xa3, 0x92, 0x40, 0xc3, 0x76, 0xe4, 0x43, 0x06, 0x90, 0x8c, 0x74, 0x6c, 0xbc, 0x06, 0x84, 0x19}

// GUIDOf returns the REFI-QDA guid of c: c.GUID if the code has one (it was
// imported), otherwise a name-based UUID (RFC 4122 version 5) of the
// framework's name and the code's ref, so that exporting the same framework
// twice gives the same guids. Renaming the framework changes derived guids.
func (f Framework) GUIDOf(c Code) string {
	if c.GUID != "" {
		return c.GUID
	}
	return NameGUID(f.Name + "\x00" + c.Ref)
}

// NameGUID is the name-based UUID (RFC 4122 version 5) of name in Themis'
// own namespace: the guid GUIDOf derives for a code, and the one every
// other stable identifier of an export (qdpx.StableGUID) is made from, so
// that they all come from one namespace that never changes.
func NameGUID(name string) string { return uuidV5(themisNamespace, name) }

// uuidV5 is RFC 4122 section 4.3 with SHA-1, formatted 8-4-4-4-12 in lower case.
func uuidV5(ns [16]byte, name string) string {
	sum := sha1.Sum(append(ns[:len(ns):len(ns)], name...))
	var u [16]byte
	copy(u[:], sum[:])
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	// By hand rather than with fmt: an export derives two guids per segment.
	var out [36]byte
	hex.Encode(out[0:8], u[0:4])
	hex.Encode(out[9:13], u[4:6])
	hex.Encode(out[14:18], u[6:8])
	hex.Encode(out[19:23], u[8:10])
	hex.Encode(out[24:36], u[10:16])
	out[8], out[13], out[18], out[23] = '-', '-', '-', '-'
	return string(out[:])
}

// maxRefLen bounds refs derived from long names.
const maxRefLen = 48

// RefFor makes a ref from a code name: lower case ASCII letters, digits and
// single hyphens, with accents dropped ("Bien-être" → "bien-etre") and
// anything else treated as a separator; "code" if nothing is left. If the
// result is already in taken, "-2", "-3", … is appended until it is not. The
// ref returned is recorded in taken (when taken is not nil).
func RefFor(name string, taken map[string]bool) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // combining accent
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '\u2019': // "People's" → "peoples"
			continue
		default:
			hyphen = true
		}
		if b.Len() >= maxRefLen {
			break
		}
	}
	base := strings.TrimRight(b.String(), "-")
	if len(base) > maxRefLen {
		base = strings.TrimRight(base[:maxRefLen], "-")
	}
	if base == "" {
		base = "code"
	}
	ref := base
	for n := 2; taken[ref]; n++ {
		ref = fmt.Sprintf("%s-%d", base, n)
	}
	if taken != nil {
		taken[ref] = true
	}
	return ref
}
