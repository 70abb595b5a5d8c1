package corpus

import (
	"testing"
	"unicode/utf8"
)

var wordIndexSeeds = []string{
	"",
	"Hello world",
	"I feel happy and calm now. I decide things myself.",
	"well-being — a-b c\td\ne",
	"café naïve Zoë 😊 £20 don't",
	"日本語のテキストとEnglish混在",
	"...,,, !!! ??",
	"x",
}

// FuzzWordIndex checks that WordIndex counts every stretch as CountWords
// counts it, and slices it as the code points say.
func FuzzWordIndex(f *testing.F) {
	for _, s := range wordIndexSeeds {
		f.Add(s, 0, 3)
	}
	long := ""
	for i := 0; i < 40; i++ {
		long += "Walking-group café 日本 ok,then  "
	}
	f.Add(long, 7, 200)
	f.Add(long, 8, 17)
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		if !utf8.ValidString(s) {
			return
		}
		x := NewWordIndex(s)
		r := []rune(s)
		if x.Len() != len(r) {
			t.Fatalf("Len = %d, want %d", x.Len(), len(r))
		}
		if len(r) == 0 {
			return
		}
		a = ((a % len(r)) + len(r)) % len(r)
		b = ((b % (len(r) + 1)) + len(r) + 1) % (len(r) + 1)
		if a > b {
			a, b = b, a
		}
		sub := string(r[a:b])
		if got := x.Slice(a, b); got != sub {
			t.Fatalf("Slice(%d, %d) = %q, want %q", a, b, got, sub)
		}
		if got, want := x.Count(a, b), CountWords(sub); got != want {
			t.Fatalf("Count(%d, %d) of %q = %d, CountWords = %d", a, b, sub, got, want)
		}
	})
}

// TestWordIndexEveryStretch compares every stretch of the seeds and of a
// text long enough to cross several of the index's checkpoints.
func TestWordIndexEveryStretch(t *testing.T) {
	long := ""
	for range 6 {
		long += "Walking-group café 日本 ok,then  -- x"
	}
	for _, s := range append(wordIndexSeeds, long) {
		x := NewWordIndex(s)
		r := []rune(s)
		for a := 0; a <= len(r); a++ {
			for b := a; b <= len(r); b++ {
				if got, want := x.Count(a, b), CountWords(string(r[a:b])); got != want {
					t.Errorf("%q[%d:%d]: Count = %d, CountWords = %d", s, a, b, got, want)
				}
			}
		}
	}
}
