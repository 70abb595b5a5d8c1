package prose

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Count is n followed by the noun in the number n asks for: Count(1, "code",
// "codes") is "1 code", Count(0, "code", "codes") is "0 codes".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Excerpt is s on one line (runs of white space, line breaks included, become
// one space), cut at a word boundary to at most n code points, with an
// ellipsis when cut. A cut drops the punctuation it ends on, so the ellipsis
// does not follow a comma.
func Excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); utf8.RuneCountInString(cut[:i+1]) > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}
