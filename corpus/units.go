package corpus

import "unicode"

// Range is a span of code points [Start, End).
type Range struct{ Start, End int }

// Paragraphs returns the paragraphs of text: runs of non-blank lines
// separated by one or more blank lines, each trimmed of surrounding white
// space. Offsets are code points.
func Paragraphs(text string) []Range {
	r := []rune(text)
	var out []Range
	start := -1 // first non-space rune of the paragraph being read
	end := -1   // just after its last non-space rune
	blankRun := false
	lineHasText := false
	for i, c := range r {
		switch {
		case c == '\n':
			if !lineHasText && start >= 0 {
				blankRun = true
			}
			lineHasText = false
		case unicode.IsSpace(c):
		default:
			if blankRun {
				out = append(out, Range{start, end})
				start, blankRun = -1, false
			}
			if start < 0 {
				start = i
			}
			end = i + 1
			lineHasText = true
		}
	}
	if start >= 0 {
		out = append(out, Range{start, end})
	}
	return out
}

// Sentences returns the sentences of text, each trimmed of surrounding white
// space. A sentence ends after '.', '!', '?' or '…' (with any closing quotes
// or brackets) when white space or the end of the text follows, and at a
// blank line; so "3.5" and "e.g.," stay inside a sentence, while "Dr. Smith"
// is split — an accepted imprecision of a rule that needs no language model.
func Sentences(text string) []Range {
	r := []rune(text)
	var out []Range
	for _, p := range Paragraphs(text) {
		out = append(out, sentencesIn(r, p)...)
	}
	return out
}

func sentencesIn(r []rune, p Range) []Range {
	var out []Range
	start := -1
	for i := p.Start; i < p.End; i++ {
		c := r[i]
		if start < 0 {
			if unicode.IsSpace(c) {
				continue
			}
			start = i
		}
		if c != '.' && c != '!' && c != '?' && c != '…' {
			continue
		}
		j := i + 1
		for j < p.End && isCloser(r[j]) {
			j++
		}
		if j == p.End || unicode.IsSpace(r[j]) {
			out = append(out, Range{start, j})
			start = -1
			i = j - 1
		}
	}
	if start >= 0 {
		end := p.End
		for end > start && unicode.IsSpace(r[end-1]) {
			end--
		}
		out = append(out, Range{start, end})
	}
	return out
}

func isCloser(c rune) bool {
	switch c {
	case '"', '\'', ')', ']', '”', '’', '»', '.', '!', '?', '…':
		return true
	}
	return false
}
