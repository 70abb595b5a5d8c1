package frameworks

import (
	"reflect"
	"strings"
	"testing"
)

func withMemos() Framework {
	f := Framework{Name: "Memos", Codes: []Code{
		{Ref: "a", Name: "Calm", Definition: "Being at peace.", Examples: []string{"I feel calmer."}, Codable: true, Color: "#123456",
			Memos: []Memo{{Author: "Aisha", Created: "2026-12-07T10:00:00Z", Text: "Calm or relief?\n\nSee P003."},
				{Author: "Ben", Created: "2026-12-08T09:00:00Z", Text: "Agreed: *calm*."}}},
		{Ref: "b", Name: "Hope", Codable: true, Color: "#654321"},
	}}
	return f
}

func TestCodeMemosTravelInEveryCodebookFile(t *testing.T) {
	f := withMemos()
	for _, tc := range []struct {
		name   string
		encode func(Framework) ([]byte, error)
		file   string
		same   func(a, b []Memo) bool
	}{
		{"yaml", EncodeYAML, "c.yaml", func(a, b []Memo) bool { return reflect.DeepEqual(a, b) }},
		{"json", EncodeJSON, "c.json", func(a, b []Memo) bool { return reflect.DeepEqual(a, b) }},
		// .qdc keeps the day of each memo, in the code's description
		{"qdc", EncodeQDC, "c.qdc", func(a, b []Memo) bool {
			for i := range a {
				a[i].Created = a[i].Created[:10]
			}
			return reflect.DeepEqual(a, b)
		}},
	} {
		data, err := tc.encode(f)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if tc.name != "qdc" && !strings.Contains(string(data), "themis_codebook") {
			t.Errorf("%s: no version", tc.name)
		}
		if tc.name == "yaml" && !strings.HasPrefix(string(data), "themis_codebook: 2\n") {
			t.Errorf("a codebook with memos is not written as version 2:\n%s", data)
		}
		back, err := Parse(tc.file, data)
		if err != nil {
			t.Fatalf("%s: read back: %v\n%s", tc.name, err, data)
		}
		got := back.Codes[0]
		want := append([]Memo(nil), f.Codes[0].Memos...)
		if !tc.same(want, got.Memos) || got.Definition != "Being at peace." || len(got.Examples) != 1 || back.Codes[1].Memos != nil {
			t.Errorf("%s: read back %+v\nwant memos %+v", tc.name, got, want)
		}
	}
	if md := string(RenderMarkdown(f)); !strings.Contains(md, "**Memo (Aisha, 2026-12-07).** Calm or relief?") || !strings.Contains(md, `Agreed: \*calm\*.`) {
		t.Errorf("the Markdown appendix lacks the memos:\n%s", md)
	}
	// without memos a file stays version 1, readable by a Themis before them
	f.Codes[0].Memos = nil
	if data, _ := EncodeYAML(f); !strings.HasPrefix(string(data), "themis_codebook: 1\n") {
		t.Errorf("a codebook without memos is written as\n%s", data)
	}
}

func TestMemoFieldErrors(t *testing.T) {
	const header = "themis_codebook: 2\nname: T\n"
	for _, tc := range []struct{ name, in, want string }{
		{"not a list", header + "codes:\n  - name: A\n    memos: x\n", `codes[0] ("A").memos: expected a list of memos`},
		{"no text", header + "codes:\n  - name: A\n    memos:\n      - author: Aisha\n", `codes[0] ("A").memos[0].text: a memo needs its text`},
		{"unknown field", header + "codes:\n  - name: A\n    memos:\n      - txt: x\n", `unknown field "txt"`},
	} {
		if _, err := Parse("m.yaml", []byte(tc.in)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestSplitMemosLeavesLookalikes(t *testing.T) {
	rest, memos := splitMemos("Def\n\nMemo (draft) of the code\n\nExample: x")
	if memos != nil || rest != "Def\n\nMemo (draft) of the code\n\nExample: x" {
		t.Errorf("a paragraph that only looks like a memo was taken: %q %+v", rest, memos)
	}
}
