package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// unchanged fails when the file's bytes or modification time differ from
// what they were.
func unchanged(t *testing.T, path string, data []byte, mod time.Time) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	if !bytes.Equal(b, data) || !st.ModTime().Equal(mod) {
		t.Errorf("%s changed", filepath.Base(path))
	}
}

func snapshot(t *testing.T, path string) ([]byte, time.Time) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	return b, st.ModTime()
}

// The two-machine flow from the command line: the lead sends Chen a copy,
// Chen codes it (here by importing the passages Ben coded, as Chen), the
// lead previews and merges it back, the agreement sees Chen's layer, and
// undo-merge takes it away again.
func TestSendCodeMergeAndUndoFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "study.themis")
	mustRun(t, "demo", file)
	mustRun(t, "coders", "add", file, "Chen")
	copyFile := filepath.Join(dir, "chen.themis")
	mustRun(t, "send", file, "--coder", "Chen", copyFile)

	// Chen codes on their own machine.
	ben := mustRun(t, "segments", "export", file, "--coder", "Ben")
	if strings.Count(ben, "\n") < 50 {
		t.Fatalf("Ben's segments:\n%.300s", ben)
	}
	chenCSV := writeFile(t, dir, "chen.csv", strings.ReplaceAll(ben, ",Ben,", ",Chen,"))
	mustRun(t, "segments", "import", copyFile, chenCSV, "--as", "Chen")
	rows := strings.Count(ben, "\n") - 1

	if out := mustRun(t, "segments", "export", file, "--coder", "Chen"); strings.Count(out, "\n") != 1 {
		t.Fatalf("Chen has segments in the project before the merge:\n%s", out)
	}

	// A preview writes nothing.
	data, mod := snapshot(t, file)
	time.Sleep(10 * time.Millisecond)
	preview := mustRun(t, "merge", file, copyFile, "--preview")
	unchanged(t, file, data, mod)
	if !strings.Contains(preview, "Preview of merging chen.themis into study.themis — nothing was written.") ||
		!strings.Contains(preview, "Documents: 9 matched") || !strings.Contains(preview, "  Chen  ") ||
		strings.Contains(preview, "  Aisha  ") {
		t.Errorf("preview:\n%s", preview)
	}
	var pj mergeJSON
	if err := json.Unmarshal([]byte(mustRun(t, "merge", file, copyFile, "--preview", "--json")), &pj); err != nil {
		t.Fatal(err)
	}
	unchanged(t, file, data, mod)
	if pj.Applied || pj.Journal != 0 || pj.Coders["Chen"] != rows || pj.Documents.Matched != 9 || len(pj.Documents.Missing) != 0 {
		t.Errorf("preview json: %+v, want Chen %d", pj, rows)
	}
	if out := mustRun(t, "segments", "export", file, "--coder", "Chen"); strings.Count(out, "\n") != 1 {
		t.Fatalf("the preview merged:\n%s", out)
	}

	// Only the lead merges.
	if _, errOut, code := themis(t, "merge", file, copyFile, "--as", "Ben"); code != 1 || !strings.Contains(errOut, "lead") {
		t.Errorf("Ben merging: exit %d, %s", code, errOut)
	}

	var mj mergeJSON
	if err := json.Unmarshal([]byte(mustRun(t, "merge", file, copyFile, "--json")), &mj); err != nil {
		t.Fatal(err)
	}
	if !mj.Applied || mj.Journal == 0 || mj.Coders["Chen"] != rows {
		t.Errorf("merge json: %+v", mj)
	}
	if out := mustRun(t, "segments", "export", file, "--coder", "Chen"); strings.Count(out, "\n")-1 != rows {
		t.Errorf("after the merge Chen has %d segments, want %d", strings.Count(out, "\n")-1, rows)
	}
	// Chen coded what Ben coded, so the agreement of Aisha with either is the same.
	withBen := mustRun(t, "agreement", file, "--coders", "Aisha,Ben", "--json")
	withChen := mustRun(t, "agreement", file, "--coders", "Aisha,Chen", "--json")
	if strings.ReplaceAll(withChen, "Chen", "Ben") != withBen {
		t.Errorf("agreement with Chen differs from agreement with Ben:\n%.400s\n%.400s", withChen, withBen)
	}
	// Merging the same copy again adds nothing: every segment is a duplicate.
	again := mustRun(t, "merge", file, copyFile)
	if !strings.Contains(again, "Merged chen.themis into study.themis.") || !strings.Contains(again, "undo-merge") {
		t.Errorf("second merge:\n%s", again)
	}
	var dj mergeJSON
	json.Unmarshal([]byte(mustRun(t, "merge", file, copyFile, "--preview", "--json")), &dj)
	if dj.Coders["Chen"] != 0 {
		t.Errorf("a third merge would add %d segments", dj.Coders["Chen"])
	}

	// undo-merge takes back the latest merge, then the one named.
	if out := mustRun(t, "undo-merge", file); !strings.Contains(out, "undid the merge of chen.themis") {
		t.Errorf("undo-merge said:\n%s", out)
	}
	if out := mustRun(t, "segments", "export", file, "--coder", "Chen"); strings.Count(out, "\n")-1 != rows {
		t.Errorf("undoing the empty second merge took segments: %d left", strings.Count(out, "\n")-1)
	}
	mustRun(t, "undo-merge", file, itoa(int(mj.Journal)))
	if out := mustRun(t, "segments", "export", file, "--coder", "Chen"); strings.Count(out, "\n") != 1 {
		t.Errorf("after undo-merge Chen still has segments:\n%.300s", out)
	}
	if _, errOut, code := themis(t, "undo-merge", file); code != 1 || !strings.Contains(errOut, "no merge to undo") {
		t.Errorf("undo with nothing left: exit %d, %s", code, errOut)
	}
	if _, errOut, code := themis(t, "undo-merge", file, "x"); code != 2 || !strings.Contains(errOut, "journal entry") {
		t.Errorf("undo-merge x: exit %d, %s", code, errOut)
	}
	if _, errOut, code := themis(t, "merge", file, filepath.Join(dir, "nope.themis")); code != 1 || !strings.Contains(errOut, "nope.themis") {
		t.Errorf("merging a missing copy: exit %d, %s", code, errOut)
	}
}

// rezip writes a copy of the archive without the entries drop says.
func rezip(t *testing.T, from, to string, drop func(name string) bool) int {
	t.Helper()
	zr, err := zip.OpenReader(from)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	dropped := 0
	for _, e := range zr.File {
		if drop(e.Name) {
			dropped++
			continue
		}
		r, _ := e.Open()
		w, _ := zw.Create(e.Name)
		io.Copy(w, r)
		r.Close()
	}
	zw.Close()
	f.Close()
	return dropped
}

func TestQDPXExportAndImportFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "study.themis")
	mustRun(t, "demo", file)
	archive := filepath.Join(dir, "study.qdpx")
	if out := mustRun(t, "qdpx", "export", file, archive); !strings.Contains(out, "wrote "+archive+": 9 documents") {
		t.Errorf("export said:\n%s", out)
	}
	only := filepath.Join(dir, "ben.qdpx")
	if out := mustRun(t, "qdpx", "export", file, only, "--coders", "Ben", "--docs", "patient-001,patient-002"); !strings.Contains(out, "2 documents") || !strings.Contains(out, " 1 coder,") {
		t.Errorf("export of Ben on two documents said:\n%s", out)
	}
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"qdpx", "export", file, filepath.Join(dir, "x.zip")}, 2, "ends in .qdpx"},
		{[]string{"qdpx", "export", file, filepath.Join(dir, "x.qdpx"), "--coders", "Zed"}, 1, `"Zed"`},
		{[]string{"qdpx", "export", file, filepath.Join(dir, "x.qdpx"), "--docs", "nothing"}, 1, `no document "nothing"`},
		{[]string{"qdpx", "frobnicate"}, 2, "export or import"},
		{[]string{"qdpx", "import", file, filepath.Join(dir, "x.themis")}, 2, "ends in .qdpx"},
	} {
		if _, errOut, code := themis(t, tt.args...); code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, %s; want %d, %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}

	// Into a new project: the preview leaves no file.
	fresh := filepath.Join(dir, "fresh.themis")
	var pj mergeJSON
	if err := json.Unmarshal([]byte(mustRun(t, "qdpx", "import", archive, fresh, "--preview", "--json")), &pj); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(fresh); err == nil {
		t.Fatal("the preview made the project")
	}
	if pj.Applied || len(pj.Documents.Added) != 9 || pj.Coders["Aisha"] == 0 || pj.Coders["Ben"] == 0 {
		t.Errorf("preview of a new project: %+v", pj)
	}
	out := mustRun(t, "qdpx", "import", archive, fresh, "--as", "Aisha")
	if !strings.Contains(out, "Imported study.qdpx as the new project fresh.themis.") || !strings.Contains(out, "Codes: 16, the new project's framework.") || !strings.Contains(out, "Its lead: Aisha") {
		t.Errorf("import said:\n%s", out)
	}
	for _, c := range []string{"Aisha", "Ben"} {
		a := mustRun(t, "segments", "export", file, "--coder", c)
		b := mustRun(t, "segments", "export", fresh, "--coder", c)
		if a != b {
			t.Errorf("%s's segments differ after the round trip", c)
		}
	}

	// Into the project it came from: everything matches, nothing is added.
	data, mod := snapshot(t, file)
	preview := mustRun(t, "qdpx", "import", archive, file, "--preview")
	unchanged(t, file, data, mod)
	if !strings.Contains(preview, "Documents: 9 matched") || !strings.Contains(preview, "nothing was written") {
		t.Errorf("preview into the project:\n%s", preview)
	}
	var ij mergeJSON
	json.Unmarshal([]byte(mustRun(t, "qdpx", "import", archive, file, "--json")), &ij)
	if !ij.Applied || ij.Documents.Matched != 9 || ij.Coders["Ben"] != 0 || ij.Coders["Aisha"] != 0 {
		t.Errorf("import into the project it came from: %+v", ij)
	}

	// An archive whose source lacks its file: refused, naming the way round.
	broken := filepath.Join(dir, "broken.qdpx")
	if n := rezip(t, archive, broken, func(name string) bool {
		return strings.HasPrefix(strings.ToLower(name), "sources/") && !strings.HasSuffix(name, "/")
	}); n != 9 {
		t.Fatalf("dropped %d sources", n)
	}
	other := filepath.Join(dir, "other.themis")
	_, errOut, code := themis(t, "qdpx", "import", broken, other)
	if code != 1 || !strings.Contains(errOut, "themis qdpx: broken.qdpx: ") || !strings.Contains(errOut, "--skip-missing") {
		t.Errorf("missing sources: exit %d, %s", code, errOut)
	}
	if _, err := os.Stat(other); err == nil {
		t.Error("a refused import made the project")
	}
	_, errOut, code = themis(t, "merge", file, broken)
	if code != 1 || !strings.Contains(errOut, "themis merge: broken.qdpx: ") || !strings.Contains(errOut, "--skip-missing") {
		t.Errorf("merging an archive with missing sources: exit %d, %s", code, errOut)
	}
	var sj mergeJSON
	json.Unmarshal([]byte(mustRun(t, "merge", file, broken, "--skip-missing", "--preview", "--json")), &sj)
	if sj.NotImported["text sources without their file"] != 9 {
		t.Errorf("with --skip-missing: %+v", sj)
	}
}

// The REFI-QDA fixtures (interop/qdpx/testdata, with their licences)
// through the command line: ATLAS.ti's example lacks its text sources, so it
// is refused until --skip-missing, and the report counts what stays behind;
// the NVivo export arrives as a new project with its coder's 297 segments.
func TestQDPXImportOfTheFixtures(t *testing.T) {
	dir := t.TempDir()
	fixtures := filepath.Join("..", "..", "interop", "qdpx", "testdata")
	atlas := filepath.Join(fixtures, "atlasti-spec-example.qdpx")
	file := filepath.Join(dir, "atlas.themis")
	_, errOut, code := themis(t, "qdpx", "import", atlas, file)
	if code != 1 || !strings.Contains(errOut, "themis qdpx: atlasti-spec-example.qdpx: text sources without their file (6)") ||
		!strings.Contains(errOut, "--skip-missing") {
		t.Errorf("ATLAS.ti example without --skip-missing: exit %d, %s", code, errOut)
	}
	var aj mergeJSON
	if err := json.Unmarshal([]byte(mustRun(t, "qdpx", "import", atlas, file, "--skip-missing", "--preview", "--json")), &aj); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(file); err == nil {
		t.Error("the preview made the project")
	}
	want := map[string]int{"PDF sources": 2, "audio sources": 1, "video sources": 2, "picture sources": 1, "sets": 16,
		"links": 1, "graphs": 1, "text sources without their file": 6}
	for k, n := range want {
		if aj.NotImported[k] != n {
			t.Errorf("not imported %q: %d, want %d (%v)", k, aj.NotImported[k], n, aj.NotImported)
		}
	}
	text := mustRun(t, "qdpx", "import", atlas, file, "--skip-missing", "--preview")
	if !strings.Contains(text, "Not imported:\n") || !strings.Contains(text, "  sets: 16\n") {
		t.Errorf("preview text:\n%s", text)
	}

	nvivo := filepath.Join(fixtures, "nvivo-mac-12.7.qdpx")
	file = filepath.Join(dir, "nvivo.themis")
	var nj mergeJSON
	if err := json.Unmarshal([]byte(mustRun(t, "qdpx", "import", nvivo, file, "--json")), &nj); err != nil {
		t.Fatal(err)
	}
	if !nj.Applied || len(nj.Documents.Added) != 2 || nj.Coders["floriansipos"] != 297 {
		t.Errorf("NVivo import: %+v", nj)
	}
	if out := mustRun(t, "segments", "export", file); strings.Count(out, "\n")-1 != 297 {
		t.Errorf("%d segments in the NVivo project, want 297", strings.Count(out, "\n")-1)
	}
}
