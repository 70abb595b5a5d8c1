package report

import (
	"strings"
	"testing"
)

func TestMemoHTMLRendersMarkdownWithoutRawHTML(t *testing.T) {
	for _, tc := range []struct {
		name, in      string
		want, without []string
	}{
		{"emphasis and lists", "Hard to tell from *calm*.\n\n- one\n- two", []string{"<em>calm</em>", "<li>one</li>"}, nil},
		{"raw HTML", "a <script>alert(1)</script> b\n\n<img src=x onerror=alert(1)>", []string{"raw HTML omitted"}, []string{"<script", "<img", "onerror"}},
		{"javascript link", "[click](javascript:alert(1))", []string{`<a href="">click</a>`}, []string{"javascript:"}},
	} {
		got, err := MemoHTML(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", tc.name, got, w)
			}
		}
		for _, w := range tc.without {
			if strings.Contains(got, w) {
				t.Errorf("%s: %q holds %q", tc.name, got, w)
			}
		}
	}
}
