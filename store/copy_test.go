package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCopyForCoderKeepsTheLayerAndLeavesTheProjectAlone(t *testing.T) {
	p, doc, lead, ben := newProject(t)
	code := codeID(t, p, "Social integration")
	mine, err := p.AddSegment(NewSegment{Document: doc, Code: code, Coder: ben.ID, Start: 32, End: 50}, ben.ID)
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := p.AddSegment(NewSegment{Document: doc, Code: code, Coder: lead.ID, Start: 26, End: 50}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []struct {
		kind   string
		target int64
		author int64
	}{{MemoSegment, mine.ID, ben.ID}, {MemoSegment, mine.ID, lead.ID}, {MemoSegment, theirs.ID, lead.ID}, {MemoCode, code, lead.ID}} {
		if _, err := p.AddMemo(m.kind, m.target, "a memo", m.author); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := p.AddCode(p.mustFramework(t), CodeFields{Name: "New one", Codable: true}, lead.ID); err != nil {
		t.Fatal(err)
	}
	fw := p.mustFramework(t)
	rev, _ := p.CodebookVersion(fw)
	cons, err := p.ConsensusLayer(lead.ID, ben.ID, true)
	if err != nil {
		t.Fatal(err)
	}

	out := filepath.Join(t.TempDir(), "ben.themis")
	if _, err := p.CopyForCoder(cons.ID, out, "study.themis", lead.ID); !errors.Is(err, ErrInvalid) {
		t.Errorf("a copy for a consensus layer: %v", err)
	}
	sum, err := p.CopyForCoder(ben.ID, out, "study.themis", lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sum != (CopySummary{Documents: 1, Segments: 1, Memos: 2}) {
		t.Errorf("summary %+v, want 1 document, 1 segment, 2 memos (Ben's, and the lead's on a code)", sum)
	}
	// The project is as it was.
	if segs, _ := p.Segments(SegmentFilter{}); len(segs) != 2 {
		t.Errorf("the project has %d segments after the copy, want 2", len(segs))
	}
	if ms, _ := p.Memos(MemoFilter{}); len(ms) != 4 {
		t.Errorf("the project has %d memos after the copy, want 4", len(ms))
	}
	if _, err := p.Coder(cons.ID); err != nil {
		t.Errorf("the project lost its consensus layer: %v", err)
	}

	cp, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	if blind, _ := cp.BlindMode(); !blind {
		t.Error("the copy is not in blind mode as the project was")
	}
	if v, _ := cp.CodebookVersion(fw); v.Revision != rev.Revision {
		t.Errorf("the copy's codebook is at revision %d, the project's at %d", v.Revision, rev.Revision)
	}
	if h, _ := cp.CodebookHistory(fw); len(h) != 1 {
		t.Errorf("the copy's codebook history has %d changes, want 1", len(h))
	}
	if ms, _ := cp.Memos(MemoFilter{Kind: MemoSegment}); len(ms) != 1 || ms[0].Author != ben.ID {
		t.Errorf("the copy's segment memos: %+v, want Ben's only", ms)
	}
	if cs, _ := cp.Coders(); len(cs) != 2 {
		t.Errorf("the copy's coders: %+v, want Aisha and Ben without the consensus layer", cs)
	}

	// An existing file is refused and left as it was; no temporary file stays.
	if _, err := p.CopyForCoder(ben.ID, out, "study.themis", lead.ID); !errors.Is(err, ErrExists) {
		t.Errorf("copying over the copy: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
}

func (p *Project) mustFramework(t *testing.T) int64 {
	t.Helper()
	fws, err := p.Frameworks()
	if err != nil || len(fws) == 0 {
		t.Fatalf("frameworks: %v", err)
	}
	return fws[0].ID
}

// A coder's removal and restore of a segment journal every memo that went
// and came back with it; the coder's copy keeps those entries, but not the
// text of others' memos in them.
func TestCopyForCoderKeepsOthersMemosOutOfTheJournal(t *testing.T) {
	p, doc, lead, ben := newProject(t)
	mine, err := p.AddSegment(NewSegment{Document: doc, Code: codeID(t, p, "Social integration"), Coder: ben.ID, Start: 32, End: 50}, ben.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddMemo(MemoSegment, mine.ID, "Ben's own note", ben.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddMemo(MemoSegment, mine.ID, "the lead's private doubt", lead.ID); err != nil {
		t.Fatal(err)
	}
	gone, err := p.RemoveSegment(mine.ID, ben.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.RestoreSegment(gone, ben.ID); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "ben.themis")
	if _, err := p.CopyForCoder(ben.ID, out, "study.themis", lead.ID); err != nil {
		t.Fatal(err)
	}
	cp, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	entries, err := cp.Journal(0)
	if err != nil {
		t.Fatal(err)
	}
	var segs, own int
	for _, e := range entries {
		if strings.Contains(e.Detail, "private doubt") {
			t.Errorf("the copy's journal holds the lead's memo: %+v", e)
		}
		if e.Action == "segment.add" || e.Action == "segment.remove" {
			segs++
			if strings.Contains(e.Detail, "Ben's own note") {
				own++
			}
		}
	}
	if segs != 3 || own != 2 {
		t.Errorf("the copy's journal has %d segment entries, %d naming Ben's memo; want 3 and 2", segs, own)
	}
}
