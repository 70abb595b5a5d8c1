package corpus

import (
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "abc", "abc"},
		{"bom", "\uFEFFabc", "abc"},
		{"double bom", "\uFEFF\uFEFFabc", "abc"},
		{"inner bom kept", "a\uFEFFb", "a\uFEFFb"},
		{"crlf", "a\r\nb\r\n", "a\nb\n"},
		{"lone cr", "a\rb\r", "a\nb\n"},
		{"cr cr lf", "a\r\r\nb", "a\n\nb"},
		{"nfc", "Cafe\u0301", "Café"},
		{"nfc hangul", "\u1100\u1161", "가"},
		{"emoji unchanged", "👩🏽‍⚕️", "👩🏽‍⚕️"},
		{"no trim", "  a  \n", "  a  \n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Normalize(tt.in)
			if got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Normalize(got); again != got {
				t.Errorf("Normalize not idempotent: %q -> %q", got, again)
			}
		})
	}
}

func TestRuneLenAndSlice(t *testing.T) {
	s := "aé😀中👩🏽‍⚕️z" // a, é, 😀, 中, 5 code points of 👩🏽‍⚕️, z
	if n := RuneLen(s); n != 10 {
		t.Fatalf("RuneLen = %d, want 10", n)
	}
	tests := []struct {
		start, end int
		want       string
	}{
		{0, 1, "a"}, {1, 2, "é"}, {2, 3, "😀"}, {3, 4, "中"}, {4, 9, "👩🏽‍⚕️"}, {9, 10, "z"},
		{0, 10, s}, {-5, 2, "aé"}, {8, 99, "\uFE0Fz"}, {3, 3, ""}, {5, 2, ""}, {10, 12, ""}, {11, 12, ""},
	}
	for _, tt := range tests {
		if got := Slice(s, tt.start, tt.end); got != tt.want {
			t.Errorf("Slice(%d, %d) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
	if got := Slice("a\xffb", 1, 2); got != "\xff" {
		t.Errorf("Slice over invalid byte = %q", got)
	}
}

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"   \n\t", 0},
		{"one", 1},
		{"one two  three\nfour", 4},
		{"Interviewer: hello, world!", 3},
		{"— - ... 😀 …", 0},
		{"don't stop-start 3.5 £20", 4},
		{"café naïve Zoë", 3},
		{"你好世界", 4},
		{"你好 world", 3},
		{"東京tower", 3},
		{"こんにちは", 5},
		{"안녕하세요 세계", 2},
		{"P003: [id1] 00:01:23", 3},
	}
	for _, tt := range tests {
		if got := CountWords(tt.in); got != tt.want {
			t.Errorf("CountWords(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
