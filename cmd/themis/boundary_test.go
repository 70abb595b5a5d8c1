package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Only new and demo make projects: a write command on an empty file must not
// turn it into a half-made one, and a reading command must say what it is.
func TestCommandsRefuseAnEmptyFileAndLeaveIt(t *testing.T) {
	dir := t.TempDir()
	empty := writeFile(t, dir, "empty.themis", "")
	csv := writeFile(t, dir, "codings.csv", "document,coder,code,start,end,text\n")
	for _, args := range [][]string{
		{"docs", empty},
		{"cases", "link", empty, "P001", "Patient 1"},
		{"segments", "import", empty, csv},
		{"codebook", "tag", empty, "v1"},
	} {
		_, errOut, code := themis(t, args...)
		if code != 1 || !strings.Contains(errOut, empty+" is not a Themis project: the file is empty") {
			t.Errorf("themis %s: exit %d, stderr %q", strings.Join(args, " "), code, errOut)
		}
		if st, err := os.Stat(empty); err != nil || st.Size() != 0 {
			t.Fatalf("after themis %s the file is %v, %v", args[0], st.Size(), err)
		}
		matches, _ := filepath.Glob(empty + "?*")
		if len(matches) > 0 {
			t.Errorf("after themis %s: %v left beside it", args[0], matches)
		}
	}
}
