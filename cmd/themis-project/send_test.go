package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSendFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "demo.themis")
	mustRun(t, "demo", file)
	before := mustRun(t, "segments", "export", file, "--coder", "Ben")
	benRows := strings.Count(before, "\n") - 1

	out := filepath.Join(dir, "for Ben.themis")
	got := mustRun(t, "send", file, "--coder", "ben", out)
	if !strings.Contains(got, "for Ben.themis for Ben") || !strings.Contains(got, "themis merge") {
		t.Errorf("send said:\n%s", got)
	}
	// The copy holds Ben's segments and nobody else's.
	all := mustRun(t, "segments", "export", out)
	if strings.Count(all, "\n")-1 != benRows || strings.Contains(all, ",Aisha,") {
		t.Errorf("the copy's segments: %d rows, want Ben's %d\n%.300s", strings.Count(all, "\n")-1, benRows, all)
	}
	journal := mustRun(t, "journal", out)
	if !strings.Contains(journal, "project.send") || strings.Contains(journal, "segments.import") {
		t.Errorf("the copy's journal:\n%s", journal)
	}

	for _, tt := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no --coder", []string{"send", file, filepath.Join(dir, "x.themis")}, 2, "--coder NAME is required"},
		{"an existing file", []string{"send", file, "--coder", "Ben", out}, 1, "themis send: " + out + ": a file already exists there"},
		{"not the lead", []string{"send", file, "--coder", "Ben", filepath.Join(dir, "y.themis"), "--as", "Ben"}, 1, "only the project lead (Aisha)"},
		{"an unknown coder", []string{"send", file, "--coder", "Zed", filepath.Join(dir, "z.themis")}, 1, `--coder "Zed"`},
		{"another kind of file", []string{"send", file, "--coder", "Ben", filepath.Join(dir, "z.csv")}, 1, "z.csv: a coder's copy is a .themis project file or a .qdpx archive"},
	} {
		_, errOut, code := themis(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%s: exit %d, %s; want %d and %q", tt.name, code, errOut, tt.code, tt.want)
		}
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 2 {
		t.Errorf("files after the refusals: %v", names)
	}

	qdpxOut := filepath.Join(dir, "for Ben.qdpx")
	if got := mustRun(t, "send", file, "--coder", "Ben", qdpxOut); !strings.Contains(got, "wrote "+qdpxOut+" for Ben") {
		t.Errorf("send .qdpx said:\n%s", got)
	}
	if st, err := os.Stat(qdpxOut); err != nil || st.Size() == 0 {
		t.Errorf("no archive: %v", err)
	}
}
