package corpus

import (
	"reflect"
	"testing"
)

func texts(text string, rs []Range) []string {
	var out []string
	for _, r := range rs {
		out = append(out, Slice(text, r.Start, r.End))
	}
	return out
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"One line.", []string{"One line."}},
		{"  First\nstill first\n\n\nSecond 😀\n \t\nThird  ", []string{"First\nstill first", "Second 😀", "Third"}},
		{"\n\nP1: café\n\nInterviewer: and?\n", []string{"P1: café", "Interviewer: and?"}},
	}
	for _, tt := range tests {
		if got := texts(tt.text, Paragraphs(tt.text)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Paragraphs(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"I walk now. It helps!  Does it? Yes…", []string{"I walk now.", "It helps!", "Does it?", "Yes…"}},
		{"It cost £3.50, e.g. for tea. Fine", []string{"It cost £3.50, e.g.", "for tea.", "Fine"}},
		{`She said "go on." So I did.`, []string{`She said "go on."`, "So I did."}},
		{"No end here\n\nNew paragraph 😀. Next", []string{"No end here", "New paragraph 😀.", "Next"}},
		{"Wait...what? Really?!", []string{"Wait...what?", "Really?!"}},
	}
	for _, tt := range tests {
		if got := texts(tt.text, Sentences(tt.text)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("I walk now. It helps!\n\nDoes it? 😀 Yes…")
	f.Fuzz(func(t *testing.T, text string) {
		n := RuneLen(text)
		for _, fn := range []func(string) []Range{Sentences, Paragraphs} {
			prev := 0
			for _, r := range fn(text) {
				if r.Start < prev || r.End <= r.Start || r.End > n {
					t.Fatalf("range %+v out of order or bounds (prev end %d, length %d)", r, prev, n)
				}
				prev = r.End
			}
		}
	})
}
