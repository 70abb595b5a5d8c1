package frameworks

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden pins every output format for the Keyes built-in. Run
// go test ./frameworks/ -run TestGolden -update after an intended change and
// review the diff.
func TestGolden(t *testing.T) {
	f := Keyes()
	outputs := map[string]func(Framework) ([]byte, error){
		"keyes.md":   func(f Framework) ([]byte, error) { return RenderMarkdown(f), nil },
		"keyes.html": RenderHTML,
		"keyes.csv":  EncodeCSV,
		"keyes.yaml": EncodeYAML,
		"keyes.json": EncodeJSON,
		"keyes.qdc":  EncodeQDC,
	}
	for name, render := range outputs {
		t.Run(name, func(t *testing.T) {
			got, err := render(f)
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join("testdata", "golden", name)
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file; run with -update if the change is intended\n--- got ---\n%s", name, got)
			}
		})
	}
}

func TestGoldenFilesParseBack(t *testing.T) {
	for _, name := range []string{"keyes.yaml", "keyes.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "golden", name))
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		sameFramework(t, f, Keyes())
	}
}

// The text is kept as written: an indented line keeps its blanks (as a
// character reference, so it is not a code block) rather than being trimmed.
func TestMarkdownEscapesUserText(t *testing.T) {
	f := Framework{Name: "# Not a heading", Codes: []Code{
		{Ref: "h", Name: "*Hope*", Codable: true, Definition: "1986. A year\n- not a list\n    not code\n<b>bold</b> & [link](http://x) `tick`"},
	}}
	md := string(RenderMarkdown(f))
	for _, want := range []string{"# \\# Not a heading\n", "## \\*Hope\\*\n", "1986\\. A year\n\\- not a list\n&#32;   not code\n\\<b\\>bold\\</b\\> \\& \\[link\\](http://x) \\`tick\\`"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	page, err := RenderHTML(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h2>*Hope*</h2>", "&lt;b&gt;bold&lt;/b&gt; &amp; [link](http://x) `tick`", "\n    not code\n", "<title># Not a heading</title>"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("html lacks %q:\n%s", want, page)
		}
	}
}

func TestHTMLNeverPassesRawHTML(t *testing.T) {
	f := tricky()
	f.Codes[0].Definition = "<script>alert('x')</script>"
	f.Codes[1].Examples = []string{"<img src=x onerror=alert(1)>", "<!-- comment -->"}
	f.Codes[2].WhenToUse = "[click](javascript:alert(1)) <a href='x'>a</a>"
	page, err := RenderHTML(f)
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, bad := range []string{"<script", "<img", "<!-- comment", "<a href", "javascript:alert(1)\""} {
		if strings.Contains(s, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if !strings.Contains(s, "&lt;script&gt;alert") {
		t.Errorf("the script tag is not shown as text:\n%s", s)
	}
	if !strings.HasPrefix(s, "<!doctype html>") || !strings.Contains(s, `<span class="swatch" style="background-color:#ABCDEF">`) {
		t.Errorf("page lacks doctype or swatch:\n%.400s", s)
	}
}

func TestCSV(t *testing.T) {
	f := tricky()
	data, err := EncodeCSV(f)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "path,name,parent,level,codable,key,colour,scale,definition,when_to_use,when_not_to_use,examples" {
		t.Errorf("header = %s", got)
	}
	if len(rows) != len(f.Codes)+1 {
		t.Fatalf("%d rows", len(rows))
	}
	hope := rows[2]
	want := []string{"Émotions & <feelings> / *Hope*", "*Hope*", "Émotions & <feelings>", "2", "true", "1", "#00ff00", "3"}
	if strings.Join(hope[:8], "|") != strings.Join(want, "|") {
		t.Errorf("row = %q", hope[:8])
	}
	if hope[11] != "“It's fine,” she said.\ntwo\nlines\n" {
		t.Errorf("examples cell = %q", hope[11])
	}
	if rows[3][0] != "Émotions & <feelings> / *Hope* / yes" || rows[3][3] != "3" || rows[1][4] != "false" {
		t.Errorf("rows = %q", rows[1:4])
	}
}

func TestCSVCellsCannotRunAsFormulas(t *testing.T) {
	scale := -1.5
	f := Framework{Name: "F", Codes: []Code{
		{Ref: "a", Name: "=1+1", Codable: true, Definition: "@SUM(A1)", Scale: &scale, Examples: []string{"-x", "+y"}},
	}}
	data, err := EncodeCSV(f)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	r := rows[1]
	if r[0] != "'=1+1" || r[1] != "'=1+1" || r[8] != "'@SUM(A1)" || r[11] != "'-x\n+y" {
		t.Errorf("text cells not neutralised: %q", r)
	}
	if r[7] != "-1.5" || r[3] != "1" {
		t.Errorf("number cells changed: scale %q, level %q", r[7], r[3])
	}
}
