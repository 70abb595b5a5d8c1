package store

import (
	"fmt"
	"strings"
	"unicode"
)

// ControlRune reports whether r may not appear in a name: a C0 or C1 control
// character or DEL (an escape sequence that a terminal would obey, a line
// break, a tab), a line or paragraph separator, or a bidirectional embedding,
// override or isolate (U+202A–U+202E, U+2066–U+2069), which reorders what is
// shown after it so a name can pass for another.
func ControlRune(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// CheckName is the one rule for every name that enters a project — coders,
// codes, frameworks, versions, cases, attributes, documents — whoever enters
// it: a name is one line of visible text. what says which name, for the
// message ("a coder"); the name is quoted with its control characters
// escaped, so the message itself is safe to print.
func CheckName(what, name string) error {
	i := strings.IndexFunc(name, ControlRune)
	if i < 0 {
		return nil
	}
	r := []rune(name[i:])[0]
	switch r {
	case '\n', '\r', '\u2028', '\u2029':
		return fmt.Errorf("%w: %s name must be one line, but %+q has a line break", ErrInvalid, what, name)
	}
	return fmt.Errorf("%w: %s name cannot contain the invisible control character %U, as %+q does", ErrInvalid, what, r, name)
}

// StripControls removes what CheckName refuses, for names Themis derives
// rather than the user types (a document's name from its file's name); a
// line break or tab becomes a space.
func StripControls(s string) string {
	if strings.IndexFunc(s, ControlRune) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case !ControlRune(r):
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
