package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"themis/corpus"
)

// summaryLines keeps the one-line-per-file summary of an import's output,
// dropping the indented details under each.
func summaryLines(out string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(out, "\n") {
		if l != "" && !strings.HasPrefix(l, "  ") {
			b.WriteString(l)
		}
	}
	return b.String()
}

// projectState is what a refused import must leave alone: the documents and the journal.
func projectState(t *testing.T, project string) (docs, journal int) {
	t.Helper()
	var d []docJSON
	var j []journalJSON
	if err := json.Unmarshal([]byte(mustRun(t, "docs", project, "--json")), &d); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(mustRun(t, "journal", project, "--json")), &j); err != nil {
		t.Fatal(err)
	}
	return len(d), len(j)
}

func TestImportPrintsAReportPerFile(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "study.themis")
	mustRun(t, "new", project, "--lead", "Aisha")
	f := writeFile(t, dir, "P007.txt", "Interviewer: How did you hear of it?\nP007: From my GP; write to me at sam.k@example.org.\nInterviewer: Thanks.")
	out := mustRun(t, "import", project, f)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if lines[0] != "P007: 3 turns, 18 words" {
		t.Errorf("summary line %q", lines[0])
	}
	if !strings.HasPrefix(lines[1], "  from P007.txt (text, utf-8)") || !strings.HasSuffix(lines[1], "2 speakers (Interviewer, P007)") {
		t.Errorf("details line %q", lines[1])
	}
	if !strings.Contains(out, "  1 possible identifier (1 email): review them with themis scan or in the Anonymise tab\n") {
		t.Errorf("no identifiers line in\n%s", out)
	}
	again := mustRun(t, "import", project, f)
	if again != "P007: skipped, identical to \"P007\" already in the project\n" {
		t.Errorf("re-import printed %q", again)
	}
}

func TestImportPreviewWritesNothing(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "study.themis")
	mustRun(t, "new", project, "--lead", "Aisha")
	docs, journal := projectState(t, project)
	f := writeFile(t, dir, "focus group.txt", "MODERATOR - Welcome all.\nALEX - Glad to be here 😀\nMODERATOR - Shall we start?")
	out := mustRun(t, "import", project, f, "--preview", "--speaker-pattern", `^(?P<speaker>[A-Z]+) - `)
	want := "focus group.txt: text, utf-8, "
	if !strings.HasPrefix(out, want) || !strings.Contains(out, "3 turns, 2 speakers (MODERATOR, ALEX)") ||
		!strings.Contains(out, "\n  ALEX: Glad to be here 😀\n") || !strings.HasSuffix(out, "nothing was written (preview)\n") {
		t.Errorf("preview printed\n%s", out)
	}
	if d, j := projectState(t, project); d != docs || j != journal {
		t.Errorf("preview changed the project: %d documents, %d journal entries; was %d, %d", d, j, docs, journal)
	}
}

func TestImportFolderSkipsWhatIsNotATranscript(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "study.themis")
	mustRun(t, "new", project, "--lead", "Aisha")
	in := filepath.Join(dir, "interviews")
	os.MkdirAll(filepath.Join(in, "wave 2"), 0o755)
	writeFile(t, in, "P1.txt", "Interviewer: hi\nP1: hello")
	writeFile(t, filepath.Join(in, "wave 2"), "P2.md", "Interviewer: hi again\nP2: hello there")
	writeFile(t, in, "consent.pdf", "%PDF-1.4")
	out := mustRun(t, "import", project, in)
	if !strings.Contains(out, filepath.Join(in, "consent.pdf")+": skipped, not a transcript format Themis reads (.pdf)\n") ||
		summaryLines(out) != filepath.Join(in, "consent.pdf")+": skipped, not a transcript format Themis reads (.pdf)\nP1: 2 turns, 4 words\nP2: 2 turns, 6 words\n" {
		t.Errorf("folder import printed\n%s", out)
	}
}

func TestHostileFilesAreNamedAndChangeNothing(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "study.themis")
	mustRun(t, "new", project, "--lead", "Aisha")
	mustRun(t, "import", project, writeFile(t, dir, "first.txt", "Interviewer: hi\nP1: hello"))
	docs, journal := projectState(t, project)

	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("word/document.xml")
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for i := 0; i <= corpus.MaxFileSize>>20; i++ {
		w.Write(chunk)
	}
	zw.Close()

	tests := []struct {
		file, data string
		flags      []string
		want       string
	}{
		{"bomb.docx", bomb.String(), nil, "bomb.docx: " + corpus.ErrTooLarge.Error()},
		{"photo.txt", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", nil, "photo.txt: " + corpus.ErrBinary.Error()},
		{"empty.txt", "", nil, "empty.txt: " + corpus.ErrEmpty.Error()},
		{"latin1.txt", "Interviewer: caf\xe9?\nP1: caf\xe9 cr\xe8me", []string{"--encoding", "utf-8"}, "latin1.txt: "},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			good := writeFile(t, dir, "good-"+tt.file+".txt", "Interviewer: hello\nP2: fine, "+tt.file)
			bad := writeFile(t, dir, tt.file, tt.data)
			_, errOut, code := themis(t, append([]string{"import", project, good, bad}, tt.flags...)...)
			if code != 1 || !strings.Contains(errOut, tt.want) || !strings.HasSuffix(errOut, "nothing was imported\n") {
				t.Fatalf("exit %d, stderr %q; want it to contain %q", code, errOut, tt.want)
			}
			if d, j := projectState(t, project); d != docs || j != journal {
				t.Errorf("after a refused import: %d documents, %d journal entries; want %d, %d", d, j, docs, journal)
			}
			// The preview names the file too, and --skip-errors imports the rest.
			out, _, code := themis(t, append([]string{"import", project, good, bad, "--preview"}, tt.flags...)...)
			if code != 1 || !strings.Contains(out, tt.file+": cannot be imported: ") {
				t.Errorf("preview: exit %d\n%s", code, out)
			}
		})
	}
	out := mustRun(t, "import", project, filepath.Join(dir, "empty.txt"), writeFile(t, dir, "last.txt", "P9: the last one"), "--skip-errors")
	if !strings.HasPrefix(out, "empty.txt: left out: "+corpus.ErrEmpty.Error()+"\nlast: 1 turn") && !strings.HasPrefix(out, "empty.txt: left out: "+corpus.ErrEmpty.Error()+"\nlast: ") {
		t.Errorf("--skip-errors printed\n%s", out)
	}
	if d, _ := projectState(t, project); d != docs+1 {
		t.Errorf("%d documents after --skip-errors, want %d", d, docs+1)
	}
}

func TestImportNamesEveryBadFile(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "study.themis")
	mustRun(t, "new", project, "--lead", "Aisha")
	_, errOut, code := themis(t, "import", project, writeFile(t, dir, "a.txt", ""), writeFile(t, dir, "b.docx", "nope"))
	if code != 1 || !strings.Contains(errOut, "a.txt: ") || !strings.Contains(errOut, "\nb.docx: ") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestImportFlagsAreChecked(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "study.themis")
	mustRun(t, "new", project, "--lead", "Aisha")
	f := writeFile(t, dir, "x.txt", "P1: hi")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--encoding", "ebcdic"}, `unknown encoding "ebcdic"`},
		{[]string{"--speaker-pattern", "^(\\w+"}, "cannot be used: missing closing )"},
		{[]string{"--speaker-pattern", "^(\\w+):"}, "needs a group named speaker"},
	} {
		_, errOut, code := themis(t, append([]string{"import", project, f}, tt.args...)...)
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %q", tt.args, code, errOut, tt.want)
		}
	}
}
