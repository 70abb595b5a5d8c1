package project

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"themis/corpus"
	"themis/store"
)

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// zipBomb is a .docx whose document part inflates past corpus.MaxFileSize
// from a few dozen kilobytes.
func zipBomb(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for i := 0; i < corpus.MaxFileSize>>20+1; i++ {
		w.Write(chunk)
	}
	zw.Close()
	return b.Bytes()
}

// state is what must not change when an import fails: the documents and the journal.
func state(t *testing.T, p *store.Project) (int, int) {
	t.Helper()
	docs, err := p.Documents()
	if err != nil {
		t.Fatal(err)
	}
	j, err := p.Journal(0)
	if err != nil {
		t.Fatal(err)
	}
	return len(docs), len(j)
}

func TestCollectFilesWalksFoldersAndListsTheRest(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "b interview.txt", []byte("P1: hi"))
	b := write(t, dir, "a/nested/c.docx", []byte("x"))
	write(t, dir, "a/notes.pdf", []byte("%PDF"))
	write(t, dir, ".DS_Store", []byte{0})
	write(t, dir, ".git/config.txt", []byte("P1: hidden"))
	write(t, dir, "README", []byte("no extension"))
	explicit := write(t, t.TempDir(), "explicit.pdf", []byte("%PDF"))

	files, skipped, err := CollectFiles([]string{dir, explicit, a})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{b, a, explicit}; !reflect.DeepEqual(files, want) {
		t.Errorf("files = %q\nwant %q", files, want)
	}
	var names []string
	for _, s := range skipped {
		names = append(names, s.File+": "+s.Reason)
	}
	want := []string{"README: no file extension", "notes.pdf: not a transcript format Themis reads (.pdf)"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("skipped = %q\nwant %q", names, want)
	}
}

func TestPreviewWritesNothingAndShowsTheFirstTurns(t *testing.T) {
	p, _, _ := newStudy(t)
	docs, journal := state(t, p)
	dir := t.TempDir()
	long := strings.Repeat("word ", 60)
	path := write(t, dir, "P003 café.txt", []byte("Interviewer: How is the group? 😀\nP003: "+long+"\nInterviewer: And?\nP003: Fine."))
	pv := PreviewFile(context.Background(), path, corpus.Options{}, 2)
	if pv.Err != nil {
		t.Fatal(pv.Err)
	}
	if pv.Name != "P003 café" || pv.Format != "text" || pv.Turns != 4 || !reflect.DeepEqual(pv.Speakers, []string{"Interviewer", "P003"}) {
		t.Errorf("preview = %+v", pv)
	}
	if len(pv.FirstTurns) != 2 || pv.FirstTurns[0] != (PreviewTurn{Speaker: "Interviewer", Text: "How is the group? 😀"}) {
		t.Errorf("first turns = %+v", pv.FirstTurns)
	}
	if got := pv.FirstTurns[1].Text; !strings.HasSuffix(got, "word…") || len([]rune(got)) > previewWords+1 {
		t.Errorf("long turn cut to %q", got)
	}
	bad := PreviewFile(context.Background(), write(t, dir, "empty.txt", nil), corpus.Options{}, 2)
	if !errors.Is(bad.Err, corpus.ErrEmpty) || !strings.Contains(bad.Err.Error(), "empty.txt") {
		t.Errorf("empty file previewed as %+v", bad)
	}
	if d, j := state(t, p); d != docs || j != journal {
		t.Errorf("preview changed the project: %d documents, %d journal entries (was %d, %d)", d, j, docs, journal)
	}
}

func TestImportReportsEachFile(t *testing.T) {
	p, lead, _ := newStudy(t)
	dir := t.TempDir()
	a := write(t, dir, "P001.txt", []byte("Interviewer: Who told you about it?\nP001: My GP, and you can email me at jo.bloggs@example.org if you like."))
	var steps []ImportStep
	res, err := Import(context.Background(), p, []string{a, filepath.Join(fixtures, "qualcoder-ID1.docx")}, corpus.Options{}, lead.ID, func(s ImportStep) { steps = append(steps, s) })
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || res[0].Name != "P001" || res[0].ID == 0 || res[0].Turns != 2 || res[0].Format != "text" ||
		!reflect.DeepEqual(res[0].Speakers, []string{"Interviewer", "P001"}) || res[1].Format != "docx" || res[1].Words == 0 {
		t.Fatalf("report = %+v", res)
	}
	if res[0].IdentifierCount() == 0 || res[0].Identifiers[0].Kind != "email" {
		t.Errorf("identifiers = %+v, want the email address", res[0].Identifiers)
	}
	last := steps[len(steps)-1]
	if !last.Saving || last.Done != 2 || last.Total != 2 || steps[0].File != "P001.txt" {
		t.Errorf("progress = %+v", steps)
	}
	again, err := Import(context.Background(), p, []string{a}, corpus.Options{}, lead.ID, nil)
	if err != nil || again[0].ID != 0 || again[0].DuplicateOf != "P001" {
		t.Errorf("re-import = %+v, %v; want a duplicate of P001", again, err)
	}
}

func TestHostileFilesLeaveTheProjectUnchanged(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		data []byte
		opt  corpus.Options
		want error
	}{
		{"bomb.docx", zipBomb(t), corpus.Options{}, corpus.ErrTooLarge},
		{"renamed binary.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x03\x00>\x00\x01\x00\x00\x00"), corpus.Options{}, corpus.ErrBinary},
		{"empty.txt", nil, corpus.Options{}, corpus.ErrEmpty},
		{"latin1.txt", []byte("Interviewer: caf\xe9?\nP1: oui, caf\xe9 cr\xe8me"), corpus.Options{Encoding: "utf-8"}, corpus.ErrInvalidUTF8},
		{"not a zip.docx", []byte("PK\x03\x04 but not really a zip"), corpus.Options{}, corpus.ErrCorrupt},
		{"slides.pptx", []byte("PK"), corpus.Options{}, corpus.ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, lead, _ := newStudy(t)
			if _, err := Import(context.Background(), p, []string{filepath.Join(fixtures, "qualcoder-transcript.txt")}, corpus.Options{}, lead.ID, nil); err != nil {
				t.Fatal(err)
			}
			docs, journal := state(t, p)
			path := write(t, dir, tt.name, tt.data)
			good := write(t, dir, "good "+tt.name+".txt", []byte("Interviewer: hi\nP1: hello "+tt.name))
			_, err := Import(context.Background(), p, []string{good, path}, tt.opt, lead.ID, nil)
			var fe *corpus.FileError
			if !errors.As(err, &fe) || fe.File != tt.name || !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want a *corpus.FileError naming %s wrapping %v", err, tt.name, tt.want)
			}
			if d, j := state(t, p); d != docs || j != journal {
				t.Errorf("after the failed import: %d documents, %d journal entries; want %d, %d", d, j, docs, journal)
			}
		})
	}
}

func TestImportNamesEveryBadFile(t *testing.T) {
	p, lead, _ := newStudy(t)
	dir := t.TempDir()
	_, err := Import(context.Background(), p, []string{
		write(t, dir, "one.txt", nil),
		write(t, dir, "fine.txt", []byte("P1: fine")),
		write(t, dir, "two.docx", []byte("nope")),
	}, corpus.Options{}, lead.ID, nil)
	if err == nil || !strings.Contains(err.Error(), "one.txt: ") || !strings.Contains(err.Error(), "two.docx: ") || strings.Contains(err.Error(), "fine.txt") {
		t.Fatalf("err = %v, want both bad files named", err)
	}
}

func TestCancelledImportLeavesTheProjectUnchanged(t *testing.T) {
	dir := t.TempDir()
	files := []string{
		write(t, dir, "a.txt", []byte("P1: one")),
		write(t, dir, "b.txt", []byte("P1: two "+strings.Repeat("and more words ", 200_000))),
		write(t, dir, "c.txt", []byte("P1: three")),
	}
	tests := []struct {
		name string
		// cancelAt says at which progress step to cancel
		cancelAt func(ImportStep) bool
	}{
		{"before any file", func(s ImportStep) bool { return true }},
		{"between files", func(s ImportStep) bool { return s.Done == 1 && s.Read == 0 }},
		{"inside a long read", func(s ImportStep) bool { return s.File == "b.txt" && s.Read > 0 && s.Read < s.Size }},
		{"while saving", func(s ImportStep) bool { return s.Saving }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, lead, _ := newStudy(t)
			docs, journal := state(t, p)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var after []ImportStep
			cancelled := false
			_, err := Import(ctx, p, files, corpus.Options{}, lead.ID, func(s ImportStep) {
				if cancelled {
					after = append(after, s)
				}
				if !cancelled && tt.cancelAt(s) {
					cancelled = true
					cancel()
				}
			})
			if !cancelled {
				t.Fatal("the cancel point was never reached")
			}
			if !errors.Is(err, ErrCancelled) {
				t.Fatalf("err = %v, want ErrCancelled", err)
			}
			if len(after) > 0 {
				t.Errorf("work went on after the cancel: %+v", after)
			}
			if d, j := state(t, p); d != docs || j != journal {
				t.Errorf("after cancel: %d documents, %d journal entries; want %d, %d", d, j, docs, journal)
			}
		})
	}
}

func TestImportIsOneJournalledTransaction(t *testing.T) {
	p, lead, _ := newStudy(t)
	_, journal := state(t, p)
	dir := t.TempDir()
	var paths []string
	for _, n := range []string{"P1", "P2", "P3"} {
		paths = append(paths, write(t, dir, n+".txt", []byte("Interviewer: hello\n"+n+": hi from "+n)))
	}
	if _, err := Import(context.Background(), p, paths, corpus.Options{}, lead.ID, nil); err != nil {
		t.Fatal(err)
	}
	d, j := state(t, p)
	entries, _ := p.Journal(1)
	if d != 3 || j != journal+1 || entries[0].Action != "documents.import" {
		t.Errorf("%d documents, %d new journal entries (%+v); want 3 documents in one entry", d, j-journal, entries)
	}
}
