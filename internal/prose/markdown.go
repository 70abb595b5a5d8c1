package prose

import (
	"strings"
	"unicode/utf8"
)

// inlineSpecial are the ASCII characters escaped wherever they occur: markup
// in CommonMark (emphasis, code, links, images, raw HTML, autolinks, entities,
// escapes, ATX headings) and in common extensions (tables, strikethrough,
// attributes).
const inlineSpecial = "\\`*_[]{}<>&#|~!"

// CleanText applies the only changes user text undergoes before it is
// escaped: invalid UTF-8 and NUL become U+FFFD, "\r\n" and lone "\r" become
// "\n".
func CleanText(s string) string {
	if utf8.ValidString(s) && !strings.ContainsAny(s, "\x00\r") {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// MarkdownInline escapes a single-line field (a heading, a definition, an
// attribution part): runs of white space, line breaks included, become one
// space, and the result is escaped as MarkdownLine does.
func MarkdownInline(s string) string {
	var b strings.Builder
	writeLine(&b, strings.Join(strings.Fields(CleanText(s)), " "))
	return b.String()
}

// MarkdownLines cleans text and escapes each of its lines, keeping their
// blanks; a line of white space only becomes empty, so that it still parts
// paragraphs. The caller joins the lines: with "\n" for paragraphs whose
// single line breaks are soft, or with hard breaks.
func MarkdownLines(text string) []string {
	lines := strings.Split(CleanText(text), "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			lines[i] = ""
			continue
		}
		lines[i] = MarkdownLine(l)
	}
	return lines
}

// MarkdownLine escapes one line of text (no "\n") so that it renders
// literally as the content of a paragraph line.
func MarkdownLine(line string) string {
	var b strings.Builder
	writeLine(&b, line)
	return b.String()
}

func writeLine(b *strings.Builder, line string) {
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
			// Escaped as a pair, it would be followed by a hard-break
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
