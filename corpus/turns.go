package corpus

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DetectTurns splits text into speaker turns; see the package documentation
// for the conventions recognised. Offsets are code points into text as given
// (Parse passes the normalised text). The turns are sorted, do not overlap,
// each covers at least one non-whitespace code point, and together they
// cover every non-whitespace code point of text.
func DetectTurns(text string) []Turn {
	if !utf8.ValidString(text) {
		// Work on a copy in which each invalid byte is one U+FFFD: it has the
		// same code-point count and positions as text.
		text = replaceInvalidBytes(text)
	}
	idx := newLineIndex(text)

	type candidate struct {
		m        labelMatch
		lineAt   int // byte offset of the line
		strength strength
		key      string
	}
	var cands []candidate
	counts := map[string]int{}
	for li := range idx.starts {
		lo, hi := idx.line(li)
		m, ok := matchLabel(text[lo:hi])
		if !ok {
			continue
		}
		st := classify(m.speaker, m.bracket)
		if st == notLabel {
			continue
		}
		key := strings.ToLower(m.speaker)
		counts[key]++
		cands = append(cands, candidate{m: m, lineAt: lo, strength: st, key: key})
	}
	var labels []labelAt
	for _, c := range cands {
		if c.strength == strong || counts[c.key] >= 2 {
			labels = append(labels, labelAt{
				speaker: c.m.speaker, timestamp: c.m.timestamp,
				start: c.lineAt + c.m.start, end: c.lineAt + c.m.end,
			})
		}
	}
	if len(labels) < 2 {
		return paragraphTurns(text, idx)
	}
	return labelledTurns(text, idx, labels)
}

// labelAt is an accepted label; offsets are bytes into the text.
type labelAt struct {
	speaker, timestamp string
	start, end         int
}

func labelledTurns(text string, idx lineIndex, labels []labelAt) []Turn {
	turns := make([]Turn, 0, len(labels)+1)
	if s, e := trimSpan(text, 0, labels[0].start); s < e { // preamble
		rs, re := idx.rune(s), idx.rune(e)
		turns = append(turns, Turn{Start: rs, ContentStart: rs, End: re})
	}
	for k, l := range labels {
		next := len(text)
		if k+1 < len(labels) {
			next = labels[k+1].start
		}
		end := trimRight(text, l.end, next)
		content := skipSpace(text, l.end, end)
		turns = append(turns, Turn{
			Speaker:      l.speaker,
			Timestamp:    l.timestamp,
			Start:        idx.rune(l.start),
			ContentStart: idx.rune(content),
			End:          idx.rune(end),
		})
	}
	return turns
}

// paragraphTurns makes one turn per paragraph: blocks separated by blank
// lines, or every non-blank line when no blank line separates two blocks.
func paragraphTurns(text string, idx lineIndex) []Turn {
	blank := make([]bool, len(idx.starts))
	for li := range idx.starts {
		lo, hi := idx.line(li)
		blank[li] = strings.TrimSpace(text[lo:hi]) == ""
	}
	separated := false
	seenText, gap := false, false
	for _, b := range blank {
		switch {
		case !b && gap && seenText:
			separated = true
		case !b:
			seenText = true
		case seenText:
			gap = true
		}
	}
	var turns []Turn
	add := func(first, last int) { // lines first..last, non-blank at both ends
		lo, _ := idx.line(first)
		_, hi := idx.line(last)
		if s, e := trimSpan(text, lo, hi); s < e {
			rs := idx.rune(s)
			turns = append(turns, Turn{Start: rs, ContentStart: rs, End: idx.rune(e)})
		}
	}
	open := -1
	for li, b := range blank {
		switch {
		case b && open >= 0:
			add(open, li-1)
			open = -1
		case !b && !separated:
			add(li, li)
		case !b && open < 0:
			open = li
		}
	}
	if open >= 0 {
		add(open, len(blank)-1)
	}
	return turns
}

// trimSpan returns the byte span of text[lo:hi] without leading and trailing
// whitespace; s == e when it is all whitespace.
func trimSpan(text string, lo, hi int) (s, e int) {
	e = trimRight(text, lo, hi)
	return skipSpace(text, lo, e), e
}

// trimRight returns the end of text[lo:hi] with trailing whitespace removed.
func trimRight(text string, lo, hi int) int {
	return lo + len(strings.TrimRightFunc(text[lo:hi], unicode.IsSpace))
}

// skipSpace returns the first non-whitespace byte offset in text[lo:hi], or hi.
func skipSpace(text string, lo, hi int) int {
	return hi - len(strings.TrimLeftFunc(text[lo:hi], unicode.IsSpace))
}

// lineIndex maps lines and byte offsets of a valid UTF-8 text to code points.
type lineIndex struct {
	text   string
	starts []int // byte offset of each line
	runes  []int // code-point offset of each line
}

func newLineIndex(text string) lineIndex {
	idx := lineIndex{text: text}
	b, r := 0, 0
	for {
		idx.starts = append(idx.starts, b)
		idx.runes = append(idx.runes, r)
		nl := strings.IndexByte(text[b:], '\n')
		if nl < 0 {
			return idx
		}
		r += utf8.RuneCountInString(text[b:b+nl]) + 1
		b += nl + 1
	}
}

// line returns the byte span of line li without its "\n".
func (x lineIndex) line(li int) (lo, hi int) {
	lo = x.starts[li]
	if li+1 < len(x.starts) {
		return lo, x.starts[li+1] - 1
	}
	return lo, len(x.text)
}

// rune converts a byte offset (on a code-point boundary) to a code-point offset.
func (x lineIndex) rune(b int) int {
	li := sort.SearchInts(x.starts, b+1) - 1
	return x.runes[li] + utf8.RuneCountInString(x.text[x.starts[li]:b])
}

// replaceInvalidBytes replaces each byte of an invalid UTF-8 sequence with
// U+FFFD, keeping the code-point count of s.
func replaceInvalidBytes(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i, r := range s {
		if r == utf8.RuneError {
			if _, w := utf8.DecodeRuneInString(s[i:]); w == 1 {
				b.WriteRune(utf8.RuneError)
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}
