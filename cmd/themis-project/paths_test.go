package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// No export carries a local path: not the folder a transcript was imported
// from, not the project's folder, not the user's home. The demo study is
// written into a folder with a telling name, one more transcript is imported
// from another, coded by both coders, and every export is searched for
// either name.
func TestExportsCarryNoLocalPath(t *testing.T) {
	root := t.TempDir()
	projDir := filepath.Join(root, "private-project-folder")
	srcDir := filepath.Join(root, "private-source-folder")
	for _, d := range []string{projDir, srcDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	project := filepath.Join(projDir, "study.themis")
	mustRun(t, "demo", project)
	mustRun(t, "import", project, writeFile(t, srcDir, "P010 interview.txt",
		"Interviewer: How are things?\nP010: Better since the walking group, I feel I belong there now.\n"))
	codings := writeFile(t, srcDir, "codings.csv", "document,coder,code,start,end\n"+
		"P010 interview,Aisha,Social integration,35,93\nP010 interview,Ben,Social integration,40,93\n")
	mustRun(t, "segments", "import", project, codings)

	outputs := map[string]string{
		"segments export": mustRun(t, "segments", "export", project),
		"docs --json":     mustRun(t, "docs", project, "--json"),
		"journal --json":  mustRun(t, "journal", project, "--json"),
	}
	for _, f := range []string{"md", "html"} {
		outputs["quotes "+f] = mustRun(t, "quotes", project, "--code", "Social integration", "--format", f)
	}
	for _, f := range []string{"text", "csv", "md", "html"} {
		outputs["agreement "+f] = mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--format", f)
	}
	for _, f := range []string{"yaml", "json", "qdc", "md", "html", "csv"} {
		outputs["codebook "+f] = mustRun(t, "codebook", "export", project, "--format", f)
	}
	home, _ := os.UserHomeDir()
	for name, out := range outputs {
		if out == "" {
			t.Errorf("%s printed nothing", name)
		}
		for _, leak := range []string{"private-project-folder", "private-source-folder", root} {
			if strings.Contains(out, leak) {
				t.Errorf("%s contains the local path %q", name, leak)
			}
		}
		if home != "" && home != "/" && strings.Contains(out, home+string(filepath.Separator)) {
			t.Errorf("%s contains the home folder %q", name, home)
		}
	}
	if !strings.Contains(outputs["quotes md"], "belong there") {
		t.Errorf("the imported passage is not quoted:\n%s", outputs["quotes md"])
	}
}
