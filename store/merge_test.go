package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"themis/errs"
	"themis/frameworks"
)

// rowsOf is what a merge may add, to compare a project before and after.
func rowsOf(t *testing.T, p *Project) []any {
	t.Helper()
	segs, err1 := p.Segments(SegmentFilter{})
	codes, err2 := p.Codes()
	coders, err3 := p.Coders()
	cases, err4 := p.Cases()
	memos, err5 := p.Memos(MemoFilter{})
	docs, err6 := p.Documents()
	fws, err7 := p.Frameworks()
	attrs, err8 := p.Attributes()
	if err := errors.Join(err1, err2, err3, err4, err5, err6, err7, err8); err != nil {
		t.Fatal(err)
	}
	return []any{segs, codes, coders, cases, memos, docs, fws, attrs}
}

// mergeSet adds a coder, a framework with a code, a code under an existing
// group, a document with an excluded interviewer and a speaker's case, a
// case with a value and a link, segments (one an exact duplicate of one
// the project has) and memos on each kind of target.
func mergeSet(t *testing.T, p *Project, doc int64, other Coder) MergeSet {
	t.Helper()
	positive := codeID(t, p, "Positive affect")
	pos, err := p.Code(positive)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddSegment(NewSegment{Document: doc, Code: positive, Coder: other.ID, Start: 32, End: 50}, other.ID); err != nil {
		t.Fatal(err)
	}
	text := "Interviewer: How are you?\nCleo: Fine, thanks."
	return MergeSet{
		File:       "cleo.qdpx",
		Coders:     []string{"Cleo"},
		Frameworks: []string{"Cleo's lens"},
		Codes: []MergeCode{
			{Framework: -1, Code: frameworks.Code{Name: "Lens code", Codable: true, GUID: "0b1c6a52-3c1e-4c55-9d2b-6f0f9c1a0003"}},
			{Framework: pos.Framework, Parent: pos.Parent, Code: frameworks.Code{Name: "Contentment", Definition: "Quiet satisfaction.", Codable: true}},
		},
		Documents: []MergeDocument{{Doc: NewDocument{Name: "cleo", SourceName: "cleo.txt", Text: text, Hash: "h-cleo", Words: 6,
			Turns:    []Turn{{Speaker: "Interviewer", Start: 0, ContentStart: 13, End: 25}, {Speaker: "Cleo", Start: 26, ContentStart: 32, End: 45}},
			Excluded: []string{"Interviewer"}}, SpeakerCases: map[string]int64{"Cleo": -1}}},
		Cases:      []string{"Cleo"},
		Attributes: []Attribute{{Name: "Age", Type: AttrNumber}},
		Values:     []MergeValue{{Case: -1, Name: "Age", Value: "41"}},
		Links:      []MergeLink{{Document: doc, Case: -1}},
		Segments: []MergeSegment{
			{Document: doc, Code: positive, Coder: other.ID, Start: 32, End: 50}, // Ben's own, again
			{Document: doc, Code: -2, Coder: -1, Start: 32, End: 50},
			{Document: -1, Code: -1, Coder: -1, Start: 32, End: 45},
		},
		Memos: []MergeMemo{
			{Kind: MemoProject, Author: -1, Text: "Done coding."},
			{Kind: MemoDocument, Target: -1, Author: -1, Text: "Short one."},
			{Kind: MemoCode, Target: -2, Author: -1, Text: "New code."},
			{Kind: MemoSegment, Target: 0, Author: other.ID, Text: "On Ben's segment."},
			{Kind: MemoSegment, Target: 0, Author: other.ID, Text: "On Ben's segment."}, // a duplicate: skipped
		},
	}
}

func TestApplyMergeAndUndo(t *testing.T) {
	p, doc, lead, other := newProject(t)
	m := mergeSet(t, p, doc, other)
	before := rowsOf(t, p)
	journal, _ := p.Journal(0)
	res, err := p.ApplyMerge(m, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Segments != 2 || res.Duplicates != 1 || res.Memos != 4 || res.MemoDups != 1 {
		t.Errorf("result %+v", res)
	}
	after, _ := p.Journal(0)
	if len(after) != len(journal)+1 || after[0].ID != res.Journal || after[0].Action != "project.merge" {
		t.Errorf("%d journal entries added, newest %s", len(after)-len(journal), after[0].Action)
	}
	cleo, err := p.CoderByName("Cleo")
	if err != nil {
		t.Fatal(err)
	}
	d, _ := p.DocumentByName("cleo")
	if ex, _ := p.WithinExcluded(d.ID, 0, 10); !ex {
		t.Error("the new document's interviewer is not left out")
	}
	sp, _ := p.Speakers()
	if !strings.Contains(strings.ToLower(speakerCase(sp, "cleo", "Cleo")), "cleo") {
		t.Errorf("Cleo's turns are not the case Cleo: %+v", sp)
	}
	if info, _ := p.DocumentByName("P001"); info.Case != "Cleo" {
		t.Errorf("P001's case %q", info.Case)
	}
	if segs, _ := p.Segments(SegmentFilter{Coder: cleo.ID}); len(segs) != 2 {
		t.Errorf("Cleo has %d segments", len(segs))
	}
	merges, err := p.Merges()
	if err != nil || len(merges) != 1 || merges[0].File != "cleo.qdpx" || merges[0].By != "Aisha" || merges[0].Segments != 2 {
		t.Errorf("merges %+v, %v", merges, err)
	}
	if _, err := p.UndoMerge(res.Journal, lead.ID); err != nil {
		t.Fatal(err)
	}
	if got := rowsOf(t, p); !reflect.DeepEqual(before, got) {
		t.Errorf("after the undo:\n%+v\nwant\n%+v", got, before)
	}
	if merges, _ := p.Merges(); len(merges) != 1 || !merges[0].Undone {
		t.Errorf("merges after undo %+v", merges)
	}
	if _, err := p.UndoMerge(res.Journal, lead.ID); !errors.Is(err, errs.Conflict) {
		t.Errorf("second undo: %v", err)
	}
	if _, err := p.UndoMerge(after[1].ID, lead.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("undo of an entry that is not a merge: %v", err)
	}
}

func speakerCase(ds []DocumentSpeakers, doc, speaker string) string {
	for _, d := range ds {
		if d.Name == doc {
			for _, s := range d.Speakers {
				if s.Name == speaker {
					return s.CaseName
				}
			}
		}
	}
	return ""
}

func TestApplyMergeIsAllOrNothing(t *testing.T) {
	cases := map[string]func(m *MergeSet){
		"a span outside its document": func(m *MergeSet) { m.Segments[2].End = 400 },
		"a segment in excluded turns": func(m *MergeSet) { m.Segments[2].Start, m.Segments[2].End = 0, 10 },
		"a code that groups others": func(m *MergeSet) {
			m.Codes[0].Code.Codable = false
		},
		"a coder name with an escape": func(m *MergeSet) { m.Coders[0] = "Cleo\x1b[2J" },
		"a document already there":    func(m *MergeSet) { m.Documents[0].Doc.Hash = "h1" },
		"a value already set": func(m *MergeSet) {
			m.Values = append(m.Values, MergeValue{Case: -1, Name: "Age", Value: "42"})
		},
	}
	for name, breakIt := range cases {
		t.Run(name, func(t *testing.T) {
			p, doc, lead, other := newProject(t)
			m := mergeSet(t, p, doc, other)
			breakIt(&m)
			before := rowsOf(t, p)
			gen := p.Generation()
			journal, _ := p.Journal(0)
			if _, err := p.ApplyMerge(m, lead.ID); err == nil || !strings.Contains(err.Error(), "cleo.qdpx") {
				t.Fatalf("err = %v, want a refusal naming the file", err)
			}
			if got := rowsOf(t, p); !reflect.DeepEqual(before, got) {
				t.Error("a refused merge changed the project")
			}
			if j, _ := p.Journal(0); len(j) != len(journal) || p.Generation() == gen {
				t.Errorf("journal grew by %d", len(j)-len(journal))
			}
		})
	}
}

func TestUndoMergeRefusesAReusedSegmentID(t *testing.T) {
	p, doc, lead, other := newProject(t)
	m := mergeSet(t, p, doc, other)
	res, err := p.ApplyMerge(m, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The merge's last segment removed and another coded: SQLite gives the
	// new one the freed id.
	cleo, _ := p.CoderByName("Cleo")
	segs, _ := p.Segments(SegmentFilter{Coder: cleo.ID})
	last := segs[len(segs)-1]
	for _, s := range segs {
		if s.ID > last.ID {
			last = s
		}
	}
	if _, err := p.RemoveSegment(last.ID, 0); err != nil {
		t.Fatal(err)
	}
	again, err := p.AddSegment(NewSegment{Document: last.Document, Code: last.Code, Coder: last.Coder, Start: last.Start, End: last.End - 1}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if again.ID != last.ID {
		t.Skipf("the id was not reused (%d, %d): nothing to test", again.ID, last.ID)
	}
	if _, err := p.UndoMerge(res.Journal, lead.ID); !errors.Is(err, ErrMergeStands) || !strings.Contains(err.Error(), "removed or resized") {
		t.Errorf("undo: %v", err)
	}
}

func TestApplyMergeWritesNothingNewToAConsensusLayer(t *testing.T) {
	p, doc, lead, other := newProject(t)
	cons, err := p.ConsensusLayer(lead.ID, other.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	positive := codeID(t, p, "Positive affect")
	if _, err := p.Decide(Decision{Consensus: cons.ID, Document: doc, Item: "x", Kind: "only-a", Action: "accept-a", DecidedBy: lead.ID,
		Segments: []ConsensusSegment{{Code: positive, Start: 32, End: 50}}}); err != nil {
		t.Fatal(err)
	}
	same := MergeSet{File: "copy.themis", Segments: []MergeSegment{{Document: doc, Code: positive, Coder: cons.ID, Start: 32, End: 50}}}
	res, err := p.ApplyMerge(same, lead.ID)
	if err != nil || res.Duplicates != 1 || res.Segments != 0 {
		t.Errorf("the layer's own segment: %+v, %v", res, err)
	}
	other2 := MergeSet{File: "copy.themis", Segments: []MergeSegment{{Document: doc, Code: positive, Coder: cons.ID, Start: 32, End: 49}}}
	if _, err := p.ApplyMerge(other2, lead.ID); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "consensus") {
		t.Errorf("a new segment for the consensus layer: %v", err)
	}
}
