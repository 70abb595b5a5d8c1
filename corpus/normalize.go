package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const bom = "\uFEFF"

// Normalize returns s as Themis stores text: any leading UTF-8 byte-order
// mark removed, CRLF and lone CR turned into LF, and the result in Unicode
// Normalization Form C. It does not trim; Parse additionally removes trailing
// whitespace at the end of the document. Normalize is idempotent.
func Normalize(s string) string {
	for strings.HasPrefix(s, bom) {
		s = s[len(bom):]
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return norm.NFC.String(s)
}

// RuneLen is the length of s in code points, the unit of every offset.
// Each byte of an invalid UTF-8 sequence counts as one code point.
func RuneLen(s string) int { return utf8.RuneCountInString(s) }

// Slice returns the part of s between the code-point offsets start
// (inclusive) and end (exclusive). Offsets are clamped to [0, RuneLen(s)];
// when end <= start the result is "".
func Slice(s string, start, end int) string {
	if start < 0 {
		start = 0
	}
	if end <= start {
		return ""
	}
	b0, b1 := -1, len(s)
	n := 0
	for i := range s {
		if n == start {
			b0 = i
		}
		if n == end {
			b1 = i
			break
		}
		n++
	}
	if b0 < 0 {
		return ""
	}
	return s[b0:b1]
}

// CountWords counts whitespace-separated tokens that contain a letter or a
// digit. Chinese and Japanese script is written without spaces, so, as word
// processors do, each Han, Hiragana or Katakana character counts as a word of
// its own (and a run of other letters beside them as one more).
func CountWords(s string) int {
	n := 0
	inRun := false // inside a run of letters/digits already counted
	for _, r := range s {
		if r < utf8.RuneSelf { // ASCII fast path
			switch c := byte(r); {
			case c == ' ' || (c >= '\t' && c <= '\r'):
				inRun = false
			case c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z':
				if !inRun {
					n++
					inRun = true
				}
			}
			continue
		}
		if unicode.IsSpace(r) {
			inRun = false
			continue
		}
		switch {
		case r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			n++
			inRun = false
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if !inRun {
				n++
				inRun = true
			}
		}
	}
	return n
}
