package app

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"themis/store"
)

// leadOfDemo opens the demo and codes as its lead, Aisha; it returns the
// coders' ids by name.
func leadOfDemo(t *testing.T, sv services) map[string]int64 {
	t.Helper()
	info, err := sv.projects.OpenDemo()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, c := range info.Coders {
		ids[c.Name] = c.ID
	}
	if _, err := sv.projects.SelectCoder(ids["Aisha"]); err != nil {
		t.Fatal(err)
	}
	return ids
}

// codeAsBen adds one segment of Ben's to the copy at path, as Ben would on
// his own machine, on a span nobody has coded.
func codeAsBen(t *testing.T, path string) {
	t.Helper()
	p, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	ben, err := p.CoderByName("Ben")
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := p.Documents()
	codes, _ := p.Codes()
	var code int64
	for _, c := range codes {
		if c.Codable {
			code = c.ID
			break
		}
	}
	if _, err := p.AddSegment(store.NewSegment{Document: docs[0].ID, Code: code, Coder: ben.ID, Start: 1, End: 4}, ben.ID); err != nil {
		t.Fatal(err)
	}
}

func segmentsOf(t *testing.T, sv services, coder int64) int {
	t.Helper()
	var n int
	if err := sv.documents.s.withProject(func(p *store.Project) error {
		segs, err := p.Segments(store.SegmentFilter{Coder: coder})
		n = len(segs)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestExchangeSendsACopyAndMergesItBackPreviewedThenUndoes(t *testing.T) {
	sv := newServices(t)
	ex := NewExchangeService(sv.documents.s)
	ids := leadOfDemo(t, sv)
	before := segmentsOf(t, sv, ids["Ben"])

	// Ben's copy, named for him, in the save dialog's folder.
	sent, err := ex.SendToCoder("ben", "themis")
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(sv.dialogs, "Demo study – for Ben.themis")
	if sent.Path != copyPath || sent.Coder != "Ben" || sent.Documents != 9 || sent.Segments != before {
		t.Fatalf("sent = %+v", sent)
	}
	codeAsBen(t, copyPath)

	// The preview counts Ben's one new segment and his others as duplicates, and writes nothing.
	sv.answerOpen(t, copyPath)
	pv, err := ex.ChooseCopy()
	if err != nil || pv == nil || pv.Report == nil || pv.Refused != "" {
		t.Fatalf("preview = %+v, %v", pv, err)
	}
	if pv.File != "Demo study – for Ben.themis" || pv.Report.Applied || pv.Report.Journal != 0 {
		t.Errorf("preview = %+v", pv)
	}
	var benRow *CoderMergeDTO
	for i, c := range pv.Report.Coders {
		if c.Name == "Ben" {
			benRow = &pv.Report.Coders[i]
		}
	}
	if benRow == nil || benRow.Added != 1 || benRow.Duplicates != before || benRow.New {
		t.Fatalf("Ben in the preview = %+v (coders %+v)", benRow, pv.Report.Coders)
	}
	if pv.Report.Documents.Matched != 9 || pv.Report.NotImported == nil || pv.Report.Codes.Conflicts == nil {
		t.Errorf("documents/slices in the preview = %+v", pv.Report)
	}
	if got := segmentsOf(t, sv, ids["Ben"]); got != before {
		t.Errorf("the preview wrote: Ben has %d segments, had %d", got, before)
	}
	if h, _ := ex.Merges(); len(h) != 0 {
		t.Errorf("history after a preview = %+v", h)
	}

	// Merging adds the one segment in one journal entry named for the file.
	r, err := ex.MergeCopy(pv.Path, pv.SkipMissing)
	if err != nil || !r.Applied || r.Journal == 0 {
		t.Fatalf("merge = %+v, %v", r, err)
	}
	if got := segmentsOf(t, sv, ids["Ben"]); got != before+1 {
		t.Errorf("after the merge Ben has %d segments, want %d", got, before+1)
	}
	h, err := ex.Merges()
	if err != nil || len(h) != 1 || h[0].Journal != r.Journal || h[0].File != "Demo study – for Ben.themis" || h[0].By != "Aisha" || h[0].Undone {
		t.Fatalf("history = %+v, %v", h, err)
	}
	// The agreement is recomputed with Ben's new segment.
	if res, err := sv.agreement.Compute(AgreementInput{CoderA: ids["Aisha"], CoderB: ids["Ben"]}); err != nil || res == nil {
		t.Errorf("agreement after the merge: %v", err)
	}

	// Ben may not undo the lead's merge; the lead undoes it whole.
	if _, err := sv.projects.SelectCoder(ids["Ben"]); err != nil {
		t.Fatal(err)
	}
	if _, err := ex.UndoMerge(r.Journal); decodeUIError(t, err).Kind != "forbidden" {
		t.Errorf("Ben undid the merge: %v", err)
	}
	if _, err := ex.PreviewCopy(copyPath, false); decodeUIError(t, err).Kind != "forbidden" {
		t.Errorf("Ben previewed a merge: %v", err)
	}
	if _, err := ex.SendToCoder("Aisha", "themis"); decodeUIError(t, err).Kind != "forbidden" {
		t.Errorf("Ben sent a copy: %v", err)
	}
	if _, err := sv.projects.SelectCoder(ids["Aisha"]); err != nil {
		t.Fatal(err)
	}
	undone, err := ex.UndoMerge(r.Journal)
	if err != nil || undone.Journal != r.Journal || !undone.Undone {
		t.Fatalf("undo = %+v, %v", undone, err)
	}
	if got := segmentsOf(t, sv, ids["Ben"]); got != before {
		t.Errorf("after the undo Ben has %d segments, want %d", got, before)
	}
	if h, _ := ex.Merges(); len(h) != 1 || !h[0].Undone {
		t.Errorf("history after the undo = %+v", h)
	}
}

func TestExchangeRefusesWhatItCannotMerge(t *testing.T) {
	sv := newServices(t)
	ex := NewExchangeService(sv.documents.s)
	leadOfDemo(t, sv)

	// A cancelled dialog is no preview and no error.
	if pv, err := ex.ChooseCopy(); pv != nil || err != nil {
		t.Errorf("cancelled = %+v, %v", pv, err)
	}
	// The open project itself.
	self := sv.documents.s.DemoPath()
	if _, err := ex.PreviewCopy(self, false); decodeUIError(t, err).Kind != "invalid" {
		t.Errorf("merging the project into itself: %v", err)
	}
	// Not a copy at all.
	if _, err := ex.PreviewCopy(filepath.Join(t.TempDir(), "notes.txt"), false); decodeUIError(t, err).Kind != "unsupported" {
		t.Errorf("a .txt: %v", err)
	}
	// A damaged archive: the preview says why, naming the file, and nothing is applied.
	bad := filepath.Join(t.TempDir(), "broken.qdpx")
	os.WriteFile(bad, []byte("not a zip"), 0o644)
	pv, err := ex.PreviewImport(bad, false)
	if err != nil || pv.Report != nil || !strings.Contains(pv.Refused, "broken.qdpx") || pv.MissingSources {
		t.Fatalf("damaged archive = %+v, %v", pv, err)
	}
	if _, err := ex.Import(bad, false); err == nil {
		t.Error("a damaged archive was imported")
	}
	if h, _ := ex.Merges(); len(h) != 0 {
		t.Errorf("history = %+v", h)
	}
	if _, err := ex.SendToCoder("Ben", "docx"); decodeUIError(t, err).Kind != "invalid" {
		t.Errorf("an unknown format: %v", err)
	}
	if _, err := ex.SendToCoder("  ", "themis"); decodeUIError(t, err).Kind != "invalid" {
		t.Errorf("no coder named: %v", err)
	}
}

func TestExchangeSendsSomeoneNewARefiQDACopy(t *testing.T) {
	sv := newServices(t)
	ex := NewExchangeService(sv.documents.s)
	leadOfDemo(t, sv)
	sent, err := ex.SendToCoder("Chen", "qdpx")
	if err != nil {
		t.Fatal(err)
	}
	if sent.Path != filepath.Join(sv.dialogs, "Demo study – for Chen.qdpx") || sent.Coder != "Chen" || sent.Segments != 0 || sent.Documents != 9 {
		t.Fatalf("sent = %+v", sent)
	}
	info, err := sv.projects.Info()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range info.Coders {
		names = append(names, c.Name)
	}
	if !strings.Contains(strings.Join(names, ","), "Chen") {
		t.Errorf("Chen was not added as a coder: %v", names)
	}
	// The copy reads back as an archive with Chen as a user and none of the others' coding.
	pv, err := ex.PreviewCopy(sent.Path, false)
	if err != nil || pv.Report == nil {
		t.Fatalf("preview of the copy = %+v, %v", pv, err)
	}
	for _, c := range pv.Report.Coders {
		if c.Segments != 0 {
			t.Errorf("the copy for Chen holds %d segments of %s", c.Segments, c.Name)
		}
	}
}

// withoutOneSource rewrites the archive at path leaving out its first
// source file.
func withoutOneSource(t *testing.T, path, out string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	dropped := false
	for _, f := range zr.File {
		if !dropped && strings.HasPrefix(strings.ToLower(f.Name), "sources/") {
			dropped = true
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		w, _ := zw.Create(f.Name)
		io.Copy(w, rc)
		rc.Close()
	}
	zw.Close()
	if !dropped {
		t.Fatal("the archive has no sources")
	}
	os.WriteFile(out, buf.Bytes(), 0o644)
}

func TestExchangeExportsAndImportsAsANewProjectFromTheStartScreen(t *testing.T) {
	sv := newServices(t)
	ex := NewExchangeService(sv.documents.s)
	ids := leadOfDemo(t, sv)

	exp, err := ex.ExportQDPX(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	archive := filepath.Join(sv.dialogs, "Demo study.qdpx")
	if exp.Path != archive || exp.Documents != 9 || exp.Coders < 2 || exp.Segments == 0 {
		t.Fatalf("export = %+v", exp)
	}
	// A coder exports their own layer only.
	if _, err := sv.projects.SetBlindMode(true); err != nil {
		t.Fatal(err)
	}
	if _, err := sv.projects.SelectCoder(ids["Ben"]); err != nil {
		t.Fatal(err)
	}
	os.Remove(archive)
	if _, err := ex.ExportQDPX([]int64{ids["Aisha"]}, nil); decodeUIError(t, err).Kind != "forbidden" {
		t.Errorf("Ben exported Aisha's layer in blind mode: %v", err)
	}
	own, err := ex.ExportQDPX([]int64{ids["Ben"]}, nil)
	if err != nil || own.Coders != 1 {
		t.Fatalf("Ben's own export = %+v, %v", own, err)
	}
	if err := sv.projects.Close(); err != nil {
		t.Fatal(err)
	}

	// On the start screen: the preview, then the project saved and opened as its lead.
	sv.answerOpen(t, archive)
	pv, err := ex.ChooseImportAsNew()
	if err != nil || pv == nil || pv.Report == nil || len(pv.Report.Documents.Added) != 9 {
		t.Fatalf("preview = %+v, %v", pv, err)
	}
	if _, err := os.Stat(filepath.Join(sv.dialogs, "Demo study.themis")); err == nil {
		t.Fatal("the preview wrote the project")
	}
	got, err := ex.ImportAsNew(pv.Path, false, "")
	if err != nil {
		t.Fatal(err)
	}
	if got.Project == nil || got.Project.Path != filepath.Join(sv.dialogs, "Demo study.themis") || got.Project.Documents != 9 ||
		got.Project.Current == nil || got.Project.Current.ID != got.Project.Lead.ID || !got.Report.Applied {
		t.Fatalf("imported = %+v", got)
	}
	// A second import to the same name is refused, the first left as it is.
	if _, err := ex.ImportAsNew(pv.Path, false, "Ben"); decodeUIError(t, err).Kind != "conflict" {
		t.Errorf("an import over an existing project: %v", err)
	}

	// An archive that lacks a source's file is refused until the user leaves it out.
	sv.projects.Close()
	short := filepath.Join(t.TempDir(), "short.qdpx")
	withoutOneSource(t, archive, short)
	pv, err = ex.PreviewImportAsNew(short, false)
	if err != nil || pv.Report != nil || !pv.MissingSources || pv.Refused == "" {
		t.Fatalf("missing source = %+v, %v", pv, err)
	}
	pv, err = ex.PreviewImportAsNew(short, true)
	if err != nil || pv.Report == nil || !pv.SkipMissing || len(pv.Report.Documents.Added) != 8 || len(pv.Report.NotImported) == 0 {
		t.Fatalf("without the missing source = %+v, %v", pv, err)
	}
}
