package report

import (
	"sort"
	"strings"
	"unicode"
)

// Ellipsis stands for the words a trimmed quote leaves out.
const Ellipsis = "…"

// TrimmedText is a trimmed quote as every display and export shows it, the
// one place where the omission is written out. text is the passage's text
// beginning at code point start of its document; cuts are the omitted
// ranges in absolute code points (store.CheckCuts validates them; here they
// are clipped, sorted and joined so that no input can break the text).
//
// Each omission becomes one "…": inside the quote with a space on each side
// ("a … b"), none before closing punctuation ("a …, b"); at the start with
// no space after ("…b"); at the end with none before ("a…"). The whitespace
// around a cut is absorbed, and cuts with only whitespace between them read
// as one omission.
func TrimmedText(text string, start int, cuts [][2]int) string {
	if len(cuts) == 0 {
		return text
	}
	runes := []rune(text)
	n := len(runes)
	// relative, clipped, sorted, joined
	var rel [][2]int
	for _, c := range cuts {
		a, b := max(c[0]-start, 0), min(c[1]-start, n)
		if a < b {
			rel = append(rel, [2]int{a, b})
		}
	}
	if len(rel) == 0 {
		return text
	}
	sort.Slice(rel, func(i, j int) bool { return rel[i][0] < rel[j][0] })
	joined := [][2]int{rel[0]}
	for _, c := range rel[1:] {
		last := &joined[len(joined)-1]
		if c[0] <= last[1] || strings.TrimSpace(string(runes[last[1]:c[0]])) == "" {
			last[1] = max(last[1], c[1])
			continue
		}
		joined = append(joined, c)
	}
	// what is kept: the pieces between the cuts, without the whitespace
	// that touches a cut
	kept := make([]string, len(joined)+1)
	prev := 0
	for i, c := range joined {
		kept[i] = string(runes[prev:c[0]])
		prev = c[1]
	}
	kept[len(joined)] = string(runes[prev:])
	for i := range kept {
		if i > 0 {
			kept[i] = strings.TrimLeftFunc(kept[i], unicode.IsSpace)
		}
		if i < len(joined) {
			kept[i] = strings.TrimRightFunc(kept[i], unicode.IsSpace)
		}
	}
	var b strings.Builder
	b.WriteString(kept[0])
	for i := range joined {
		next := kept[i+1]
		// spaces only between words on both sides: "a … b", "…b", "a…"
		both := b.Len() > 0 && next != ""
		if both {
			b.WriteString(" ")
		}
		b.WriteString(Ellipsis)
		if both && !closing(next) {
			b.WriteString(" ")
		}
		b.WriteString(next)
	}
	return b.String()
}

// closing reports whether s begins with punctuation that sits against the
// word before it, so no space goes between it and an ellipsis.
func closing(s string) bool {
	for _, r := range s {
		return strings.ContainsRune(",.;:!?)]}»”’", r)
	}
	return false
}
