package report

import (
	"strings"
	"unicode/utf8"
)

// inlineSpecial are the ASCII characters escaped wherever they occur: markup
// in CommonMark (emphasis, code, links, images, raw HTML, autolinks, entities,
// escapes, ATX headings) and in common extensions (tables, strikethrough,
// attributes).
const inlineSpecial = "\\`*_[]{}<>&#|~!"

// cleanText applies the only changes quote text undergoes: invalid UTF-8 and
// NUL become U+FFFD, "\r\n" and lone "\r" become "\n".
func cleanText(s string) string {
	if utf8.ValidString(s) && !strings.ContainsAny(s, "\x00\r") {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// quoteLines renders text as the lines of a block quote's single paragraph,
// without the "> " prefixes. See the package documentation.
func quoteLines(text string) []string {
	lines := strings.Split(cleanText(text), "\n")
	trailingBreak := false
	if len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
		trailingBreak = true
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		var b strings.Builder
		escapeLine(&b, l)
		switch {
		case i < len(lines)-1:
			b.WriteByte('\\') // hard line break
		case trailingBreak:
			b.WriteString("&#10;")
		}
		out[i] = b.String()
	}
	return out
}

// escapeInline escapes a single-line field (a heading, a definition, an
// attribution part): runs of whitespace, line breaks included, become one
// space, and the result is escaped like a quote line.
func escapeInline(s string) string {
	var b strings.Builder
	escapeLine(&b, strings.Join(strings.Fields(cleanText(s)), " "))
	return b.String()
}

// escapeLine writes one line of text (no "\n") so that it renders literally
// as the content of a paragraph line.
func escapeLine(b *strings.Builder, line string) {
	// An ordered-list marker: up to nine digits, then "." or ")".
	listMarker := -1
	digits := 0
	for digits < len(line) && line[digits] >= '0' && line[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits < len(line) && (line[digits] == '.' || line[digits] == ')') {
		listMarker = digits
	}
	last := len(line) - 1
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case (i == 0 || i == last) && (c == ' ' || c == '\t'):
			if c == ' ' {
				b.WriteString("&#32;")
			} else {
				b.WriteString("&#9;")
			}
		case i == last && c == '\\':
			// Escaped as a pair, it would be followed by the hard-break
			// backslash, and goldmark reads those three backslashes and the
			// newline as two literal backslashes and a soft break.
			b.WriteString("&#92;")
		case strings.IndexByte(inlineSpecial, c) >= 0,
			i == 0 && (c == '-' || c == '+' || c == '='),
			i == listMarker:
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
}
