package corpus

import (
	"unicode"
	"unicode/utf8"
)

// WordIndex answers "how many words are in code points [a, b) of this
// text?" exactly as CountWords would count that stretch, without reading
// all of it: the theme summaries count the words of thousands of coded
// spans of the same documents. It records, every wordStep code points, the
// byte offset, the words begun so far and whether a word is under way
// (about a byte a code point), so a count reads at most 2 × wordStep
// characters however long the stretch. Offsets are int32: a document is
// far below 2 GB.
type WordIndex struct {
	text  string
	chars int
	bytes []int32 // byte offset of code point k*wordStep
	words []int32 // words begun in the code points before it
	inRun []bool  // whether it continues a word
}

const wordStep = 8

// wordKind is how CountWords treats a character: a space ends a word, a
// Han, Hiragana or Katakana character is a word of its own, a letter or
// digit begins or continues a word, anything else neither.
type wordKind uint8

const (
	wordOther wordKind = iota
	wordSpace
	wordIdeograph
	wordLetter
)

func kindOf(r rune) wordKind {
	if r < utf8.RuneSelf {
		switch c := byte(r); {
		case c == ' ' || (c >= '\t' && c <= '\r'):
			return wordSpace
		case c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z':
			return wordLetter
		}
		return wordOther
	}
	switch {
	case unicode.IsSpace(r):
		return wordSpace
	case r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
		return wordIdeograph
	case unicode.IsLetter(r) || unicode.IsNumber(r):
		return wordLetter
	}
	return wordOther
}

// step advances CountWords' state over one character: whether it begins a
// word, and whether a word is under way after it.
func step(k wordKind, inRun bool) (begins, after bool) {
	switch k {
	case wordSpace:
		return false, false
	case wordIdeograph:
		return true, false
	case wordLetter:
		return !inRun, true
	}
	return false, inRun
}

// NewWordIndex indexes text.
func NewWordIndex(text string) *WordIndex {
	x := &WordIndex{text: text}
	n, inRun, cp := 0, false, 0
	for b, r := range text {
		if cp%wordStep == 0 {
			x.bytes = append(x.bytes, int32(b))
			x.words = append(x.words, int32(n))
			x.inRun = append(x.inRun, inRun)
		}
		var begins bool
		begins, inRun = step(kindOf(r), inRun)
		if begins {
			n++
		}
		cp++
	}
	x.chars = cp
	return x
}

// Len is the text's length in code points.
func (x *WordIndex) Len() int { return x.chars }

// Text is the indexed text.
func (x *WordIndex) Text() string { return x.text }

// at is the byte offset, the words begun before and whether a word is under
// way at code point cp (0 ≤ cp ≤ Len).
func (x *WordIndex) at(cp int) (b, words int, inRun bool) {
	if cp >= x.chars {
		cp = x.chars
	}
	if cp <= 0 || len(x.bytes) == 0 {
		return 0, 0, false
	}
	k := cp / wordStep
	if k >= len(x.bytes) {
		k = len(x.bytes) - 1
	}
	b, words, inRun = int(x.bytes[k]), int(x.words[k]), x.inRun[k]
	for n := k * wordStep; n < cp; n++ {
		r, size := rune(x.text[b]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(x.text[b:])
		}
		var begins bool
		begins, inRun = step(kindOf(r), inRun)
		if begins {
			words++
		}
		b += size
	}
	return b, words, inRun
}

// Byte is the byte offset of code point cp, clamped to the text.
func (x *WordIndex) Byte(cp int) int {
	b, _, _ := x.at(cp)
	return b
}

// Slice is the text of code points [a, b).
func (x *WordIndex) Slice(a, b int) string {
	if b <= a {
		return ""
	}
	return x.text[x.Byte(a):x.Byte(b)]
}

// Count is CountWords(x.Slice(a, b)).
func (x *WordIndex) Count(a, b int) int {
	if b > x.chars {
		b = x.chars
	}
	if a < 0 {
		a = 0
	}
	if b <= a {
		return 0
	}
	ba, wa, inRun := x.at(a)
	bb, wb, _ := x.at(b)
	n := wb - wa
	if inRun {
		// The whole text is inside a word at a, which it counted before a;
		// the stretch alone counts that word again at its first letter,
		// unless a space or an ideograph ends the word first.
		for _, r := range x.text[ba:bb] {
			k := kindOf(r)
			if k == wordLetter {
				n++
				break
			}
			if k != wordOther {
				break
			}
		}
	}
	return n
}
