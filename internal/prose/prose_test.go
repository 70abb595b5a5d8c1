package prose

import "testing"

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{{0, "0 codes"}, {1, "1 code"}, {2, "2 codes"}, {-1, "-1 codes"}, {1200, "1200 codes"}}
	for _, tt := range tests {
		if got := Count(tt.n, "code", "codes"); got != tt.want {
			t.Errorf("Count(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	if got := Count(3, "sub-code", "sub-codes"); got != "3 sub-codes" {
		t.Errorf("irregular many: %q", got)
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"  two\n\nlines  ", 20, "two lines"},
		{"the garden on Tuesdays, with Ben", 24, "the garden on Tuesdays…"},
		{"abcdefghijklmnop", 8, "abcdefgh…"},                       // no word boundary: cut mid-word
		{"a bcdefghijklmnop", 8, "a bcdefg…"},                      // a boundary in the first half is not used
		{"émotions été à côté de la rivière", 14, "émotions été…"}, // counted in code points
		{"", 5, ""},
	}
	for _, tt := range tests {
		if got := Excerpt(tt.in, tt.n); got != tt.want {
			t.Errorf("Excerpt(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestCleanText(t *testing.T) {
	tests := map[string]string{
		"plain":        "plain",
		"a\r\nb\rc":    "a\nb\nc",
		"nul\x00":      "nul\uFFFD",
		"bad\xff\xfe!": "bad\uFFFD!",
		"emoji 😊 é 我":  "emoji 😊 é 我",
	}
	for in, want := range tests {
		if got := CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdownLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"*Hope*", `\*Hope\*`},
		{"# Not a heading", `\# Not a heading`},
		{"1986. A year", `1986\. A year`},
		{"2) b", `2\) b`},
		{"- not a list", `\- not a list`},
		{"    not code", "&#32;   not code"},
		{"kept  ", "kept &#32;"},
		{"\tx", "&#9;x"},
		{`ends in \`, "ends in &#92;"},
		{"<b>&amp;</b> ![img](x) ~~s~~ | {#id}", `\<b\>\&amp;\</b\> \!\[img\](x) \~\~s\~\~ \| \{\#id\}`},
		{"a - b + c", "a - b + c"},
	}
	for _, tt := range tests {
		if got := MarkdownLine(tt.in); got != tt.want {
			t.Errorf("MarkdownLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMarkdownInlineAndLines(t *testing.T) {
	if got := MarkdownInline("  *a*\n\n b\r\n"); got != `\*a\* b` {
		t.Errorf("MarkdownInline = %q", got)
	}
	got := MarkdownLines("one\r\n   \n  two")
	want := []string{"one", "", "&#32; two"}
	if len(got) != len(want) {
		t.Fatalf("MarkdownLines = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("MarkdownLines[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}
