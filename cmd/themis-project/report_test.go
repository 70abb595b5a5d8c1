package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"themis/store"
)

// docxParagraphs reads a .docx back: the style and text of each paragraph
// of word/document.xml.
func docxParagraphs(t *testing.T, path string) [][2]string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not a zip: %v", path, err)
	}
	defer z.Close()
	var body []byte
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			body, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	var out [][2]string
	var cur *[2]string
	dec := xml.NewDecoder(bytes.NewReader(body))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("word/document.xml: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "p":
				cur = &[2]string{}
			case "pStyle":
				cur[0] = e.Attr[0].Value
			case "br":
				cur[1] += "\n"
			case "t":
				var s string
				dec.DecodeElement(&s, &e)
				cur[1] += s
			}
		case xml.EndElement:
			if e.Name.Local == "p" && cur[1] != "" {
				out = append(out, *cur)
			}
		}
	}
	return out
}

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "demo.themis")
	mustRun(t, "demo", project)

	md := filepath.Join(dir, "report.md")
	if out := mustRun(t, "report", project, "--format", "md", "-o", md); out != "" {
		t.Errorf("report printed %q", out)
	}
	mdText, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Themes: ", "## Emotional well-being", "### Positive affect",
		"Evidenced by ", "coded by Aisha and Ben", "— Patient 00", "## Prevalence"} {
		if !strings.Contains(string(mdText), want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
	// The same report printed, and as HTML.
	if printed := mustRun(t, "report", project, "--format", "md", "-o", "-"); printed != string(mdText) {
		t.Error("-o - prints a different report")
	}
	html := mustRun(t, "report", project, "--format", "html", "-o", "-")
	if !strings.HasPrefix(html, "<!DOCTYPE html>") || !strings.Contains(html, "<h2>Emotional well-being</h2>") {
		t.Errorf("html report:\n%.300s", html)
	}

	// The .docx: every heading and quote of the Markdown, as Word paragraphs.
	docx := filepath.Join(dir, "report.docx")
	mustRun(t, "report", project, "--format", "docx", "-o", docx)
	paras := docxParagraphs(t, docx)
	var headings, quotes int
	for _, p := range paras {
		switch {
		case strings.HasPrefix(p[0], "Heading"):
			headings++
		case p[0] == "Quote":
			quotes++
		}
	}
	mdHeadings := strings.Count(string(mdText), "\n## ") + strings.Count(string(mdText), "\n### ")
	mdQuotes := 0
	for _, block := range strings.Split(string(mdText), "\n\n") {
		if strings.HasPrefix(block, "> ") {
			mdQuotes++
		}
	}
	if headings != mdHeadings || quotes != mdQuotes || quotes == 0 {
		t.Errorf("docx has %d headings and %d quotes; the Markdown %d and %d", headings, quotes, mdHeadings, mdQuotes)
	}

	// Starred only, with nothing starred: headings and figures, no quotes.
	starred := mustRun(t, "report", project, "--format", "md", "-o", "-", "--starred-only", "--by", "-")
	if strings.Contains(starred, "\n> ") || !strings.Contains(starred, "Evidenced by ") {
		t.Errorf("starred-only report:\n%.500s", starred)
	}
	if strings.Contains(starred, " patients") && strings.Contains(starred, ": ") && strings.Contains(starred, "link worker") {
		t.Error("--by - still broke the cases down")
	}
	ben := mustRun(t, "report", project, "--format", "md", "-o", "-", "--coder", "Ben")
	if strings.Contains(ben, "coded by") || !strings.Contains(ben, "Coded by Ben") {
		t.Errorf("Ben's report:\n%.400s", ben)
	}
}

func TestReportCommandErrors(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "demo.themis")
	mustRun(t, "demo", project)
	out := filepath.Join(dir, "r.md")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--format", "pdf", "-o", out}, "--format must be md, html or docx"},
		{[]string{"--format", "md"}, "-o OUT is required"},
		{[]string{"--format", "docx", "-o", "-"}, "a .docx cannot be printed"},
		{[]string{"--format", "md", "-o", out, "--coder", "Ben", "--consensus"}, "not both"},
		{[]string{"--format", "md", "-o", out, "--coder", "Zoë"}, `coder "Zoë"`},
		{[]string{"--format", "md", "-o", out, "--framework", "Nope"}, `framework "Nope"`},
		{[]string{"--format", "md", "-o", out, "--by", "height"}, `unknown attribute "height"`},
		{[]string{"--format", "md", "-o", out, "--consensus"}, "no consensus layer: adjudicate first"},
	}
	for _, tt := range tests {
		_, errOut, code := themis(t, append([]string{"report", project}, tt.args...)...)
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("themis report %v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed report left %s behind", out)
	}

	// One consensus layer is --consensus; two must be named.
	p, err := store.Open(project)
	if err != nil {
		t.Fatal(err)
	}
	aisha, _ := p.CoderByName("Aisha")
	ben, _ := p.CoderByName("Ben")
	if _, err := p.ConsensusLayer(aisha.ID, ben.ID, true); err != nil {
		t.Fatal(err)
	}
	p.Close()
	report := mustRun(t, "report", project, "--format", "md", "-o", "-", "--consensus")
	if !strings.Contains(report, "Consensus layer ") {
		t.Errorf("consensus report:\n%.300s", report)
	}
	p, err = store.Open(project)
	if err != nil {
		t.Fatal(err)
	}
	chen, err := p.AddCoder("Chen", aisha.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.ConsensusLayer(aisha.ID, chen.ID, true); err != nil {
		t.Fatal(err)
	}
	p.Close()
	_, errOut, code := themis(t, "report", project, "--format", "md", "-o", "-", "--consensus")
	if code != 2 || !strings.Contains(errOut, "2 consensus layers") || !strings.Contains(errOut, "--coder NAME") {
		t.Errorf("two consensus layers: exit %d, %q", code, errOut)
	}
}
