package anonymise

import (
	"unicode"
	"unicode/utf8"
)

// Occurrences finds every place original stands in text as whole words,
// without regard to case: the spans (code points, end exclusive) that
// replacing an identifier everywhere replaces. "Ann" is found in "Ann's"
// and "ANN," but not in "Annual" or "Joanne": where the original begins or
// ends with a letter or digit, the text must not go on with one.
func Occurrences(text, original string) [][2]int {
	orig := []rune(original)
	if len(orig) == 0 || len(text) < len(original)/utf8.UTFMax {
		return nil
	}
	first := unicode.ToLower(orig[0])
	var out [][2]int
	runes := []rune(text)
	for i := 0; i+len(orig) <= len(runes); i++ {
		if unicode.ToLower(runes[i]) != first || !foldEqual(runes[i:i+len(orig)], orig) {
			continue
		}
		if isWord(orig[0]) && i > 0 && isWord(runes[i-1]) {
			continue
		}
		end := i + len(orig)
		if isWord(orig[len(orig)-1]) && end < len(runes) && isWord(runes[end]) {
			continue
		}
		out = append(out, [2]int{i, end})
		i = end - 1
	}
	return out
}

// ReplaceWords replaces every occurrence of original in text (as
// Occurrences finds them) with with, and reports whether any was found.
func ReplaceWords(text, original, with string) (string, bool) {
	spans := Occurrences(text, original)
	if len(spans) == 0 {
		return text, false
	}
	runes := []rune(text)
	out := make([]rune, 0, len(runes))
	prev := 0
	for _, s := range spans {
		out = append(out, runes[prev:s[0]]...)
		out = append(out, []rune(with)...)
		prev = s[1]
	}
	return string(append(out, runes[prev:]...)), true
}

func foldEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] && unicode.ToLower(a[i]) != unicode.ToLower(b[i]) {
			return false
		}
	}
	return true
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
