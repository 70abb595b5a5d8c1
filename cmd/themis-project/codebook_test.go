package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestCodebookExportImportAndHistory(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "star.themis")
	if out := mustRun(t, "new", project, "--lead", "Aisha", "--framework", "outcomes-star"); !strings.Contains(out, "outcomes star") {
		t.Errorf("new --framework outcomes-star: %s", out)
	}
	for _, tt := range []struct{ format, want string }{
		{"yaml", "themis_codebook: 1"},
		{"json", `"themis_codebook": 1`},
		{"qdc", `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"`},
		{"md", "Journey of change"},
		{"html", "<!doctype html>"},
		{"csv", "path,name,parent,level"},
	} {
		if out := mustRun(t, "codebook", "export", project, "--format", tt.format); !strings.Contains(out, tt.want) {
			t.Errorf("export --format %s lacks %q:\n%.300s", tt.format, tt.want, out)
		}
	}
	yaml := writeFile(t, dir, "star.yaml", mustRun(t, "codebook", "export", project))
	broken := writeFile(t, dir, "broken.json", "{\n  \"themis_codebook\": 1,\n  \"name\": \"B\",\n  \"codes\": [\n    {\"name\": \"A\", \"key\": \"F1\"}\n  ]\n}\n")
	_, stderr, code := themis(t, "codebook", "import", project, broken)
	if code != 1 || !strings.Contains(stderr, "broken.json:5") || !strings.Contains(stderr, "the project is unchanged") {
		t.Errorf("importing a broken file: exit %d, %s", code, stderr)
	}
	if out := mustRun(t, "codebook", "list", project); strings.Count(out, "\n") != 4 {
		t.Errorf("a broken import changed the list:\n%s", out)
	}
	if out := mustRun(t, "codebook", "import", project, yaml); !strings.Contains(out, "now the active framework") {
		t.Errorf("import: %s", out)
	}
	list := mustRun(t, "codebook", "list", project)
	if !strings.Contains(list, "*  Social prescribing outcomes star (2)") {
		t.Errorf("the imported copy is not active and renamed:\n%s", list)
	}
	mustRun(t, "codebook", "tag", project, "v1 agreed", "--note", "before round two")
	if out := mustRun(t, "codebook", "history", project); !strings.Contains(out, "from star.yaml [v1 agreed]") {
		t.Errorf("history:\n%s", out)
	}
	if _, stderr, code := themis(t, "codebook", "export", project, "--framework", "Nope"); code != 1 || !strings.Contains(stderr, `the project has "Social prescribing outcomes star"`) {
		t.Errorf("unknown framework: exit %d, %s", code, stderr)
	}
	if _, _, code := themis(t, "codebook", "export", project, "--format", "docx"); code != 2 {
		t.Errorf("unknown format: exit %d, want 2", code)
	}
}
