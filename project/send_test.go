package project

import (
	"archive/zip"
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"themis/errs"
	"themis/store"
)

// sendStudy is the demo study with everything a coder's copy must leave
// out: a consensus layer with adjudications and a named adjudicator, stars,
// memos by the lead and by a third person (one of them carried into the
// codebook history by a code deletion, one edited so its first text is only
// in the journal), and Ben's own memo, star and done mark, which stay.
type sendStudy struct {
	p         *store.Project
	lead, ben store.Coder
	secrets   []string // texts no copy for Ben may hold
	kept      []string // memo texts Ben's copy holds
}

func newSendStudy(t *testing.T) sendStudy {
	t.Helper()
	p, lead, ben := demoStudy(t)
	s := sendStudy{p: p, lead: lead, ben: ben}
	chen := nameAdjudicator(t, p, "Chen")
	req := ReviewRequest{CoderA: lead.ID, CoderB: ben.ID}
	rv, err := StartAdjudication(p, adjudicatorViewer(t, p), req)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Decide(p, adjudicatorViewer(t, p), DecideRequest{ReviewRequest: req, Key: rv.Items[0].Key,
		Action: AcceptA, Rationale: "Rationale-Chen-Kestrel"}); err != nil {
		t.Fatal(err)
	}
	s.secrets = append(s.secrets, "Rationale-Chen-Kestrel")

	leadSegs, _ := p.Segments(store.SegmentFilter{Coder: lead.ID})
	benSegs, _ := p.Segments(store.SegmentFilter{Coder: ben.ID})
	memo := func(kind string, target int64, text string, author int64) store.Memo {
		t.Helper()
		m, err := p.AddMemo(kind, target, text, author)
		if err != nil {
			t.Fatalf("memo %q: %v", text, err)
		}
		return m
	}
	// The lead's guidance stays; the lead's segment memos do not.
	memo(store.MemoProject, 0, "Guidance-Aisha-Heron: code the whole answer", lead.ID)
	memo(store.MemoDocument, leadSegs[0].Document, "Guidance-Aisha-Plover on this interview", lead.ID)
	s.kept = append(s.kept, "Guidance-Aisha-Heron", "Guidance-Aisha-Plover")
	m := memo(store.MemoSegment, leadSegs[1].ID, "Aisha-Segment-Bittern-first draft", lead.ID)
	if _, err := p.EditMemo(m.ID, "Aisha-Segment-Avocet", lead.ID); err != nil {
		t.Fatal(err)
	}
	s.secrets = append(s.secrets, "Aisha-Segment-Bittern", "Aisha-Segment-Avocet")
	// A memo by the lead on Ben's segment is the lead's reading of Ben's work.
	memo(store.MemoSegment, benSegs[0].ID, "Aisha-On-Ben-Curlew", lead.ID)
	s.secrets = append(s.secrets, "Aisha-On-Ben-Curlew")
	memo(store.MemoProject, 0, "Chen-Project-Dunlin", chen.ID)
	s.secrets = append(s.secrets, "Chen-Project-Dunlin")
	memo(store.MemoSegment, benSegs[1].ID, "Ben-Own-Godwit", ben.ID)
	memo(store.MemoProject, 0, "Ben-Own-Lapwing", ben.ID)
	s.kept = append(s.kept, "Ben-Own-Godwit", "Ben-Own-Lapwing")

	// A code Ben never used, with Chen's memo on it, deleted by the lead:
	// the memo now lives in the codebook history only.
	codes, _ := p.Codes()
	added, err := p.AddCode(codes[0].Framework, store.CodeFields{Parent: codes[0].ID, Name: "Short-lived", Codable: true}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	gone := added.ID
	memo(store.MemoCode, gone, "Chen-Code-Sanderling", chen.ID)
	s.secrets = append(s.secrets, "Chen-Code-Sanderling")
	if _, err := p.DeleteCode(gone, lead.ID); err != nil {
		t.Fatal(err)
	}

	if _, err := p.StarSegment(leadSegs[2].ID, lead.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := p.StarSegment(benSegs[2].ID, ben.ID); err != nil {
		t.Fatal(err)
	}
	lv, _ := ViewerFor(p, lead.ID)
	if _, err := DrawPlan(p, lv, PlanOptions{Share: 50, Coders: []string{"Aisha", "Ben"}, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if err := p.SetDone(leadSegs[0].Document, lead.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := p.SetDone(benSegs[0].Document, ben.ID, true); err != nil {
		t.Fatal(err)
	}
	return s
}

// fileBytes is the file and whatever write-ahead log stands beside it.
func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if wal, err := os.ReadFile(path + "-wal"); err == nil {
		b = append(b, wal...)
	}
	return b
}

func TestSendCopyHoldsOnlyTheCoderslayer(t *testing.T) {
	s := newSendStudy(t)
	p, ben := s.p, s.ben
	src := fileBytes(t, p.Path())
	for _, secret := range s.secrets {
		if !bytes.Contains(src, []byte(secret)) {
			t.Fatalf("the study itself does not hold %q, so the test proves nothing", secret)
		}
	}
	benSegs, _ := p.Segments(store.SegmentFilter{Coder: ben.ID})
	plan, ok, err := p.Plan()
	if err != nil || !ok {
		t.Fatalf("no plan: %v", err)
	}
	benPlanned := 0
	for _, a := range plan.Assignments {
		if a.Coder == ben.ID {
			benPlanned++
		}
	}
	sampled := len(plan.Sample)
	if benPlanned == 0 || sampled == 0 {
		t.Fatalf("the plan gives Ben %d documents, samples %d", benPlanned, sampled)
	}
	out := filepath.Join(t.TempDir(), "for Ben.themis")
	sum, err := SendCopy(p, ben.ID, out, s.lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := p.Documents()
	if sum.Path != out || sum.Coder != "Ben" || sum.Documents != len(docs) || sum.Segments != len(benSegs) || sum.Memos != 4 {
		t.Errorf("summary %+v, want %d documents, %d segments, 4 memos", sum, len(docs), len(benSegs))
	}

	raw := fileBytes(t, out)
	for _, secret := range s.secrets {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("the copy's bytes hold %q", secret)
		}
	}
	for _, k := range s.kept {
		if !bytes.Contains(raw, []byte(k)) {
			t.Errorf("the copy lost %q", k)
		}
	}
	for _, side := range []string{"-wal", "-shm", ".lock"} {
		if _, err := os.Stat(out + side); err == nil {
			t.Errorf("%s left beside the copy", side)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}

	db, err := sql.Open("sqlite", "file:"+out+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	count := func(q string, args ...any) int {
		t.Helper()
		var n int
		if err := db.QueryRow(q, args...).Scan(&n); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return n
	}
	lead := s.lead.ID
	checks := []struct {
		what string
		n    int
		want int
	}{
		{"segments by others", count(`SELECT count(*) FROM segments WHERE coder_id != ?`, ben.ID), 0},
		{"Ben's segments", count(`SELECT count(*) FROM segments WHERE coder_id = ?`, ben.ID), len(benSegs)},
		{"consensus layers", count(`SELECT count(*) FROM consensus_layers`), 0},
		{"consensus coders", count(`SELECT count(*) FROM coders WHERE kind != 'coder'`), 0},
		{"adjudications", count(`SELECT count(*) FROM adjudications`), 0},
		{"adjudicator setting", count(`SELECT count(*) FROM settings WHERE key = 'adjudicator'`), 0},
		{"blind mode as it was (off in the demo)", count(`SELECT count(*) FROM settings WHERE key = 'blind_mode' AND value = '0'`), 1},
		{"exemplars not Ben's", count(`SELECT count(*) FROM exemplars WHERE starred_by IS NOT ?`, ben.ID), 0},
		{"Ben's star", count(`SELECT count(*) FROM exemplars WHERE starred_by = ?`, ben.ID), 1},
		{"memos by others but the lead's guidance", count(`SELECT count(*) FROM memos WHERE author_id != ?
			AND NOT (author_id = ? AND kind IN ('project', 'document', 'code'))`, ben.ID, lead), 0},
		{"the lead's guidance", count(`SELECT count(*) FROM memos WHERE author_id = ?`, lead), 2},
		{"Ben's memos", count(`SELECT count(*) FROM memos WHERE author_id = ?`, ben.ID), 2},
		{"others' done marks", count(`SELECT count(*) FROM done_marks WHERE coder_id != ?`, ben.ID), 0},
		{"others' plan assignments", count(`SELECT count(*) FROM plan_assignments WHERE coder_id != ?`, ben.ID), 0},
		{"Ben's plan assignments", count(`SELECT count(*) FROM plan_assignments WHERE coder_id = ?`, ben.ID), benPlanned},
		{"the plan's sample", count(`SELECT count(*) FROM plan_sample`), sampled},
		{"Ben's done mark", count(`SELECT count(*) FROM done_marks WHERE coder_id = ?`, ben.ID), 1},
		{"codebook history rows", count(`SELECT count(*) FROM codebook_changes`), count(`SELECT count(*) FROM frameworks`)},
		{"codebook history holding rows", count(`SELECT count(*) FROM codebook_changes WHERE before != '' OR after != ''`), 0},
		{"journal entries by others", count(`SELECT count(*) FROM journal WHERE coder_id IS NOT ? AND action != 'project.send'`, ben.ID), 0},
		{"journal entries on others' segments", count(`SELECT count(*) FROM journal WHERE action LIKE 'segment%'
			AND json_extract(detail, '$.Coder') IS NOT ?`, ben.ID), 0},
		{"journal entries naming another coder", count(`SELECT count(*) FROM journal WHERE detail LIKE '%Aisha%' OR detail LIKE '%Chen%'`), 0},
		{"project.send entries", count(`SELECT count(*) FROM journal WHERE action = 'project.send' AND coder_id = ?`, lead), 1},
	}
	for _, c := range checks {
		if c.n != c.want {
			t.Errorf("%s: %d, want %d", c.what, c.n, c.want)
		}
	}
	var detail string
	db.QueryRow(`SELECT detail FROM journal WHERE action = 'project.send'`).Scan(&detail)
	var d map[string]string
	if err := json.Unmarshal([]byte(detail), &d); err != nil || d["from"] != "d.themis" || d["coder"] != "Ben" {
		t.Errorf("project.send detail %s: %v", detail, err)
	}
	db.Close()

	// The copy is a project Ben can open and code in.
	cp, err := store.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	v, err := ViewerFor(cp, ben.ID)
	if err != nil {
		t.Fatal(err)
	}
	if segs, err := VisibleSegments(cp, v, benSegs[0].Document); err != nil || len(segs) == 0 {
		t.Errorf("Ben sees %d segments in his copy: %v", len(segs), err)
	}
	if _, err := cp.AddSegment(store.NewSegment{Document: benSegs[0].Document, Code: benSegs[0].Code, Coder: ben.ID,
		Start: benSegs[0].Start, End: benSegs[0].End + 1}, ben.ID); err != nil {
		t.Errorf("coding in the copy: %v", err)
	}
}

func TestSendCopyRefusals(t *testing.T) {
	p, lead, ben := demoStudy(t)
	dir := t.TempDir()
	existing := filepath.Join(dir, "taken.themis")
	os.WriteFile(existing, []byte("someone's file"), 0o644)
	if _, err := SendCopy(p, ben.ID, existing, lead.ID); !errors.Is(err, store.ErrExists) {
		t.Errorf("existing out: %v", err)
	}
	if b, _ := os.ReadFile(existing); string(b) != "someone's file" {
		t.Errorf("existing out changed: %q", b)
	}
	out := filepath.Join(dir, "copy.themis")
	if _, err := SendCopy(p, ben.ID, out, ben.ID); !errors.Is(err, errs.Forbidden) {
		t.Errorf("Ben sending: %v", err)
	}
	if _, err := SendCopy(p, ben.ID, filepath.Join(dir, "copy.txt"), lead.ID); !errors.Is(err, errs.Invalid) {
		t.Errorf("a .txt out: %v", err)
	}
	if _, err := SendCopy(p, 999, out, lead.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown coder: %v", err)
	}
	if _, err := SendCopy(p, ben.ID, filepath.Join(dir, "no such folder", "copy.themis"), lead.ID); err == nil || !strings.Contains(err.Error(), "no such folder does not exist") {
		t.Errorf("a copy into a missing folder: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("refusals left files: %v", entries)
	}
}

// The lead may send a copy from the command line while the app has the
// project open: read-only is enough, and the project stays read-only.
func TestSendCopyFromAReadOnlyProject(t *testing.T) {
	p, lead, ben := demoStudy(t)
	path := p.Path()
	p.Close()
	ro, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	out := filepath.Join(t.TempDir(), "x.themis")
	if _, err := SendCopy(ro, ben.ID, out, lead.ID); err != nil {
		t.Fatal(err)
	}
	if err := ro.SetBlindMode(true, lead.ID); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("after sending, a write on the read-only project: %v", err)
	}
	if _, err := ro.AddCoder("Zed", lead.ID); err == nil {
		t.Error("the read-only project took a coder after sending")
	}
}

// unzipAll is every file of a zip archive, concatenated.
func unzipAll(t *testing.T, path string) []byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var all []byte
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	return all
}

func TestSendCopyAsQDPXHoldsOnlyTheCodersLayer(t *testing.T) {
	s := newSendStudy(t)
	benSegs, _ := s.p.Segments(store.SegmentFilter{Coder: s.ben.ID})
	out := filepath.Join(t.TempDir(), "for Ben.qdpx")
	sum, err := SendCopy(s.p, s.ben.ID, out, s.lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Segments != len(benSegs) || sum.Coder != "Ben" || sum.Memos != 4 {
		t.Errorf("summary %+v, want %d segments and 4 memos", sum, len(benSegs))
	}
	all := unzipAll(t, out)
	if n := bytes.Count(all, []byte("<PlainTextSelection ")); n != len(benSegs) {
		t.Errorf("%d selections in the archive, want Ben's %d", n, len(benSegs))
	}
	for _, secret := range s.secrets {
		if bytes.Contains(all, []byte(secret)) {
			t.Errorf("the archive holds %q", secret)
		}
	}
	for _, k := range s.kept {
		if !bytes.Contains(all, []byte(k)) {
			t.Errorf("the archive lost %q", k)
		}
	}
	if _, err := SendCopy(s.p, s.ben.ID, out, s.lead.ID); !errors.Is(err, store.ErrExists) {
		t.Errorf("sending over an existing archive: %v", err)
	}
	if _, err := SendCopy(s.p, s.ben.ID, filepath.Join(t.TempDir(), "x.qdpx"), s.ben.ID); !errors.Is(err, errs.Forbidden) {
		t.Errorf("Ben sending an archive: %v", err)
	}
}
