package qdpx

import (
	"bufio"
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzWriteEscaping writes names, descriptions and memo texts of any
// content: Write either refuses them (text that is not UTF-8) or writes a
// project.qde that an XML parser reads back to the same strings, with only
// the characters XML cannot carry at all turned into U+FFFD.
func FuzzWriteEscaping(f *testing.F) {
	for _, s := range []string{"", "plain", "a&b<c>d\"e'f", "tab\there", "cr\rlf\n", "\r\n", "]]>", "\x00\x01\x1f", "\uFFFE\uFFFF", "😊 é ☕", "\xff", "  spaced  ", "&amp;", "<!-- x -->", "<![CDATA[x]]>"} {
		f.Add(s, s+"!")
	}
	f.Fuzz(func(t *testing.T, name, text string) {
		p := writeSample()
		p.Name = name
		p.Users[0].Name = name
		p.Codes[1].Name = name
		p.Codes[1].Description = text
		p.Notes[0].Text = text
		p.Sources[1].Name = name
		x, err := tryReadBack(p)
		if !utf8.ValidString(name) || !utf8.ValidString(text) {
			if err == nil || !strings.Contains(err.Error(), "not valid UTF-8") {
				t.Fatalf("text that is not UTF-8: %v", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		wantName, wantText := xmlCarried(name), xmlCarried(text)
		if x.Name != wantName || x.Users[0].Name != wantName || x.Codes[1].Name != wantName || x.Sources[1].Name != wantName {
			t.Errorf("name %q came back as %q / %q / %q / %q", name, x.Name, x.Users[0].Name, x.Codes[1].Name, x.Sources[1].Name)
		}
		if x.Codes[1].Description != wantText || x.Notes[0].Text != wantText {
			t.Errorf("text %q came back as %q / %q", text, x.Codes[1].Description, x.Notes[0].Text)
		}
	})
}

// tryReadBack is writeReadBack returning the error instead of failing.
func tryReadBack(p *Project) (wProject, error) {
	var b strings.Builder
	if err := writeCheck(p); err != nil {
		return wProject{}, err
	}
	bw := bufio.NewWriter(&b)
	writeProjectQDE(bw, p)
	bw.Flush()
	var x wProject
	err := xml.Unmarshal([]byte(b.String()), &x)
	return x, err
}

// xmlCarried is s as XML can carry it.
func xmlCarried(s string) string {
	return strings.Map(func(r rune) rune {
		if !writeXMLChar(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}
