package report

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// cutOf is the absolute cut [start+a, start+b) of the rune range of sub in
// text (its first occurrence), so the tests read as the words they omit.
func cutOf(t *testing.T, text string, start int, sub string) [2]int {
	t.Helper()
	k := strings.Index(text, sub)
	if k < 0 {
		t.Fatalf("%q not in %q", sub, text)
	}
	a := len([]rune(text[:k]))
	return [2]int{start + a, start + a + len([]rune(sub))}
}

func TestTrimmedText(t *testing.T) {
	const start = 100 // the passage begins at code point 100 of its document
	tests := []struct {
		name string
		text string
		cuts []string // omitted substrings, in order
		want string
	}{
		{"no cuts", "I feel calmer now.", nil, "I feel calmer now."},
		{"middle", "I feel much calmer now.", []string{"much "}, "I feel … calmer now."},
		{"middle, spaces on both sides absorbed", "I feel much calmer now.", []string{" much "}, "I feel … calmer now."},
		{"at the start", "Well, I feel calmer now.", []string{"Well, "}, "…I feel calmer now."},
		{"at the end", "I feel calmer now, I think.", []string{", I think."}, "I feel calmer now…"},
		{"at the end with its space", "I feel calmer now. Sometimes.", []string{" Sometimes."}, "I feel calmer now.…"},
		{"several", "Honestly I feel, you know, much calmer now, mostly.", []string{"Honestly ", "you know, ", ", mostly."},
			"…I feel, … much calmer now…"},
		{"before closing punctuation", "I was tired, very tired, and sad.", []string{" very tired"}, "I was tired, …, and sad."},
		{"cuts with only spaces between read as one", "a b c d", []string{"b", "c"}, "a … d"},
		{"emoji before the cut", "I 😀 feel much calmer 🙂 now.", []string{"much "}, "I 😀 feel … calmer 🙂 now."},
		{"emoji cut", "I feel 😀😀 calm.", []string{"😀😀 "}, "I feel … calm."},
		{"accents", "Ça va, très bien, merci.", []string{"très bien, "}, "Ça va, … merci."},
		{"combining accent kept whole", "cafe\u0301 au lait, s'il vous plaît", []string{" au lait"}, "cafe\u0301 …, s'il vous plaît"},
		{"line break inside the kept text", "First line.\nSecond line. Third.", []string{" Third."}, "First line.\nSecond line.…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var cuts [][2]int
			for _, c := range tc.cuts {
				cuts = append(cuts, cutOf(t, tc.text, start, c))
			}
			if got := TrimmedText(tc.text, start, cuts); got != tc.want {
				t.Errorf("TrimmedText(%q, %v) = %q, want %q", tc.text, tc.cuts, got, tc.want)
			}
		})
	}
}

// TrimmedText never trusts its cuts to be valid: it clips and orders them.
func TestTrimmedTextToleratesUntidyCuts(t *testing.T) {
	text := "one two three four"
	for _, tc := range []struct {
		name string
		cuts [][2]int
		want string
	}{
		{"outside the passage", [][2]int{{0, 5}, {200, 300}}, text},
		{"overhanging the start", [][2]int{{5, 14}}, "…two three four"},
		{"unsorted and overlapping", [][2]int{{18, 23}, {14, 17}, {16, 19}}, "one … four"},
		{"empty and reversed", [][2]int{{12, 12}, {15, 13}}, text},
		{"everything", [][2]int{{10, 28}}, "…"},
	} {
		if got := TrimmedText(text, 10, tc.cuts); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// words are the words of s with every ellipsis taken off them, leaving out
// what was only an ellipsis.
func words(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if w = strings.ReplaceAll(w, Ellipsis, ""); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// FuzzTrimmedText: for cuts made of whole words (the cuts a reader makes by
// selecting words), the trimmed quote is exactly the words that were not
// cut, in order, and it has one ellipsis per run of cut words.
func FuzzTrimmedText(f *testing.F) {
	f.Add("I feel much calmer now, mostly.", uint64(0b0110))
	f.Add("Ça 😀 va très bien", uint64(0b1001))
	f.Add("  spaced   out\n words ", uint64(0b101))
	f.Fuzz(func(t *testing.T, text string, mask uint64) {
		if strings.Contains(text, Ellipsis) || !utf8.ValidString(text) {
			return // stored transcripts are valid UTF-8
		}
		runes := []rune(text)
		// word spans in code points
		var spans [][2]int
		for i := 0; i < len(runes); {
			if unicode.IsSpace(runes[i]) {
				i++
				continue
			}
			j := i
			for j < len(runes) && !unicode.IsSpace(runes[j]) {
				j++
			}
			spans = append(spans, [2]int{i, j})
			i = j
		}
		const start = 7
		var cuts [][2]int
		var kept []string
		runs := 0
		for k, s := range spans {
			if k < 64 && mask&(1<<k) != 0 {
				if k == 0 || mask&(1<<(k-1)) == 0 {
					runs++
				}
				cuts = append(cuts, [2]int{start + s[0], start + s[1]})
				continue
			}
			kept = append(kept, string(runes[s[0]:s[1]]))
		}
		got := TrimmedText(text, start, cuts)
		if w := words(got); !slices.Equal(w, kept) {
			t.Fatalf("TrimmedText(%q, %v) = %q: words %q, want %q", text, cuts, got, w, kept)
		}
		if n := strings.Count(got, Ellipsis); n != runs {
			t.Fatalf("TrimmedText(%q, %v) = %q: %d ellipses for %d runs of cut words", text, cuts, got, n, runs)
		}
	})
}
