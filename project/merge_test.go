package project

import (
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"themis/errs"
	"themis/frameworks"
	"themis/interop/qdpx"
	"themis/store"
)

// teamFramework is a small codebook with a group, so that parents matter.
func teamFramework() frameworks.Framework {
	return frameworks.Framework{Name: "Team codebook", Codes: []frameworks.Code{
		{Ref: "hope", Name: "Hope", Definition: "Looking forward.", Color: "#2563eb", Codable: true},
		{Ref: "feelings", Name: "Feelings", Codable: false},
		{Ref: "fear", Parent: "feelings", Name: "Fear", Codable: true},
	}}
}

const (
	mergeDoc1 = "Interviewer: How was the year?\nAna: Hard, but I hope for better.\nInterviewer: And now?\nAna: Afraid, honestly."
	mergeDoc2 = "Interviewer: Tell me about school.\nBo: It was fine, I liked the teachers."
)

// teamProject is a project led by Lena with Ben as a coder, two
// documents, and one segment of Ben's.
func teamProject(t testing.TB) (p *store.Project, lead, ben store.Coder) {
	t.Helper()
	p, err := store.Create(filepath.Join(t.TempDir(), "team.themis"), teamFramework(), "Lena")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	lead, _ = p.Lead()
	if ben, err = p.AddCoder("Ben", lead.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := ImportData(p, []NamedData{{Name: "ana.txt", Data: []byte(mergeDoc1)}, {Name: "bo.txt", Data: []byte(mergeDoc2)}}, lead.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddSegment(store.NewSegment{Document: docID(t, p, "ana"), Code: codeID(t, p, "Hope"), Coder: ben.ID, Start: 36, End: 60}, ben.ID); err != nil {
		t.Fatal(err)
	}
	return p, lead, ben
}

func docID(t testing.TB, p *store.Project, name string) int64 {
	t.Helper()
	d, err := p.DocumentByName(name)
	if err != nil {
		t.Fatal(err)
	}
	return d.ID
}

func codeID(t testing.TB, p *store.Project, name string) int64 {
	t.Helper()
	c, err := p.CodeByName(name)
	if err != nil {
		t.Fatal(err)
	}
	return c.ID
}

// exchangeOf is p as a copy returned by a coder: its whole model.
func exchangeOf(t testing.TB, p *store.Project) *qdpx.Project {
	t.Helper()
	in, err := Exchange(p, ExchangeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func findCode(cs []qdpx.Code, name string) *qdpx.Code {
	for i := range cs {
		if cs[i].Name == name {
			return &cs[i]
		}
		if c := findCode(cs[i].Children, name); c != nil {
			return c
		}
	}
	return nil
}

func findSource(t testing.TB, in *qdpx.Project, name string) *qdpx.Source {
	t.Helper()
	for i := range in.Sources {
		if in.Sources[i].Name == name {
			return &in.Sources[i]
		}
	}
	t.Fatalf("no source %q in the copy", name)
	return nil
}

func userOf(in *qdpx.Project, name string) string {
	for _, u := range in.Users {
		if u.Name == name {
			return u.GUID
		}
	}
	return ""
}

// selection is one coded passage by user with code.
func selection(guid, user, code string, start, end int) qdpx.Selection {
	return qdpx.Selection{GUID: guid, Start: start, End: end, CreatingUser: user,
		Codings: []qdpx.Coding{{GUID: guid + "-c", CodeGUID: code, CreatingUser: user}}}
}

// snapshot is everything a merge may add, to compare a project before and
// after.
type snapshot struct {
	Segments   []store.Segment
	Codes      []store.Code
	Coders     []store.Coder
	Cases      []store.Case
	Attributes []store.Attribute
	Memos      []store.Memo
	Documents  []store.DocumentInfo
	Frameworks []store.Framework
	Speakers   []store.DocumentSpeakers
}

func snap(t testing.TB, p *store.Project) snapshot {
	t.Helper()
	var s snapshot
	var err error
	check := func(e error) {
		if e != nil && err == nil {
			err = e
		}
	}
	s.Segments, err = p.Segments(store.SegmentFilter{})
	var e error
	s.Codes, e = p.Codes()
	check(e)
	s.Coders, e = p.Coders()
	check(e)
	s.Cases, e = p.Cases()
	check(e)
	s.Attributes, e = p.Attributes()
	check(e)
	s.Memos, e = p.Memos(store.MemoFilter{})
	check(e)
	s.Documents, e = p.Documents()
	check(e)
	s.Frameworks, e = p.Frameworks()
	check(e)
	s.Speakers, e = p.Speakers()
	check(e)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// coderLine finds a coder's line of a report.
func coderLine(t testing.TB, r MergeReport, name string) CoderMerge {
	t.Helper()
	for _, c := range r.Coders {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no coder %q in the report %+v", name, r.Coders)
	return CoderMerge{}
}

// returnedCopy is the copy Ben and Cleo return: Ben's segment again (a
// duplicate), a new one of Ben's, Cleo (new) coding with a code she made
// under Feelings, Hope renamed and recoloured (a conflict), a document the
// project lacks and one whose text differs, a new case with a value, and
// memos.
func returnedCopy(t testing.TB, p *store.Project) *qdpx.Project {
	t.Helper()
	in := exchangeOf(t, p)
	in.Users = append(in.Users, qdpx.User{GUID: "user-cleo", Name: "Cleo"})
	ben := userOf(in, "Ben")
	hope := findCode(in.Codes, "Hope")
	hope.Name, hope.Color = "Hopefulness", "#ff0000"
	feelings := findCode(in.Codes, "Feelings")
	feelings.Children = append(feelings.Children, qdpx.Code{GUID: "0b1c6a52-3c1e-4c55-9d2b-6f0f9c1a0001", Name: "Relief", Codable: true,
		Description: "Pressure lifting.\n\nWhen to use: said with a sigh."})
	ana := findSource(t, in, "ana")
	ana.Selections = append(ana.Selections,
		selection("sel-ben-2", ben, hope.GUID, 84, 99),
		selection("sel-cleo-1", "user-cleo", "0b1c6a52-3c1e-4c55-9d2b-6f0f9c1a0001", 84, 99),
		selection("sel-cleo-2", "user-cleo", "0b1c6a52-3c1e-4c55-9d2b-6f0f9c1a0001", 84, 99), // an exact duplicate within the copy
	)
	ana.Selections[len(ana.Selections)-2].NoteRefs = []string{"note-seg"}
	bo := findSource(t, in, "bo")
	bo.Text += " Changed." // the coder's copy has other text under that name
	bo.Selections = append(bo.Selections, selection("sel-cleo-bo", "user-cleo", hope.GUID, 0, 5))
	in.Sources = append(in.Sources, qdpx.Source{GUID: "src-new", Name: "cy", Text: "Cy: Something new entirely.",
		Selections: []qdpx.Selection{selection("sel-cleo-cy", "user-cleo", hope.GUID, 4, 13)}})
	in.Variables = append(in.Variables, qdpx.Variable{GUID: "var-age", Name: "Age", Type: qdpx.TypeInteger})
	in.Cases = append(in.Cases, qdpx.Case{GUID: "case-ana", Name: "Ana", Values: map[string]string{"var-age": "34"}, Sources: []string{ana.GUID}})
	in.Notes = append(in.Notes,
		qdpx.Note{GUID: "note-seg", Text: "Relief, clearly.", CreatingUser: "user-cleo"},
		qdpx.Note{GUID: "note-doc", Text: "Ana was tired.", CreatingUser: "user-cleo"},
		qdpx.Note{GUID: "note-anon", Text: "Whose is this?"},
	)
	ana.NoteRefs = append(ana.NoteRefs, "note-doc")
	return in
}

func TestMergeCopy(t *testing.T) {
	p, lead, ben := teamProject(t)
	in := returnedCopy(t, p)
	before := snap(t, p)
	journalBefore, _ := p.Journal(0)
	gen := p.Generation()

	preview, err := PreviewMerge(p, in, MergeOptions{File: "ben-copy.qdpx"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Generation() != gen {
		t.Error("the preview wrote to the project")
	}
	if j, _ := p.Journal(0); len(j) != len(journalBefore) {
		t.Errorf("the preview journalled %d entries", len(j)-len(journalBefore))
	}

	r, err := Merge(p, in, MergeOptions{File: "ben-copy.qdpx"}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Applied || r.Journal == 0 || preview.Applied || preview.Journal != 0 {
		t.Errorf("applied %v journal %d, preview applied %v journal %d", r.Applied, r.Journal, preview.Applied, preview.Journal)
	}
	preview.Applied, preview.Journal = r.Applied, r.Journal
	if !reflect.DeepEqual(preview, r) {
		t.Errorf("preview and merge disagree:\npreview %+v\nmerge   %+v", preview, r)
	}

	// Coders: Ben's union with his duplicate collapsed, Cleo new, her
	// duplicate within the copy collapsed, her segment on the differing
	// document skipped.
	if c := coderLine(t, r, "Ben"); c.New || c.Segments != 2 || c.Added != 1 || c.Duplicates != 1 || c.Skipped != 0 {
		t.Errorf("Ben: %+v, want not new, 2 segments, 1 added, 1 duplicate", c)
	}
	if c := coderLine(t, r, "Cleo"); !c.New || c.Segments != 4 || c.Added != 1 || c.Duplicates != 1 || c.Skipped != 2 {
		t.Errorf("Cleo: %+v, want new, 4 segments, 1 added, 1 duplicate, 2 skipped", c)
	}
	if got := r.Documents; got.Matched != 1 || !slices.Equal(got.Missing, []string{"cy"}) || !slices.Equal(got.Differs, []string{"bo"}) || len(got.Added) != 0 {
		t.Errorf("documents %+v, want ana matched, cy missing, bo differs", got)
	}
	if !slices.Equal(r.Codes.Added, []string{"Team codebook › Feelings › Relief"}) {
		t.Errorf("codes added %q", r.Codes.Added)
	}
	var fields []string
	for _, c := range r.Codes.Conflicts {
		fields = append(fields, c.Field+":"+c.Ours+"→"+c.Theirs)
	}
	if want := []string{"name:Hope→Hopefulness", "colour:#2563eb→#ff0000"}; !slices.Equal(fields, want) {
		t.Errorf("conflicts %q, want %q", fields, want)
	}
	if r.Cases != 1 || r.Memos != 3 {
		t.Errorf("cases %d memos %d, want 1 and 3", r.Cases, r.Memos)
	}
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "Lena") {
		t.Errorf("notes %q, want one saying the unsigned memo is the lead's", r.Notes)
	}

	// Applied: conflicts not applied, the new code under Feelings, Cleo's
	// layer, Ben's union.
	hope, _ := p.Code(codeID(t, p, "Hope"))
	if hope.Name != "Hope" || hope.Color != "#2563eb" {
		t.Errorf("Hope became %q %s: a conflict was applied", hope.Name, hope.Color)
	}
	relief, err := p.CodeByName("Relief")
	if err != nil || relief.Parent != codeID(t, p, "Feelings") || relief.Definition != "Pressure lifting." || relief.WhenToUse != "said with a sigh." {
		t.Errorf("Relief = %+v, %v", relief, err)
	}
	cleo, err := p.CoderByName("cleo")
	if err != nil {
		t.Fatal(err)
	}
	if segs, _ := p.Segments(store.SegmentFilter{Coder: cleo.ID}); len(segs) != 1 || segs[0].Code != relief.ID || segs[0].Start != 84 {
		t.Errorf("Cleo's layer %+v", segs)
	}
	if segs, _ := p.Segments(store.SegmentFilter{Coder: ben.ID}); len(segs) != 2 {
		t.Errorf("Ben has %d segments, want 2", len(segs))
	}
	cases, _ := p.Cases()
	if len(cases) != 1 || cases[0].Attributes["Age"] != "34" {
		t.Errorf("cases %+v", cases)
	}
	if d, _ := p.DocumentByName("ana"); d.Case != "Ana" {
		t.Errorf("ana's case %q", d.Case)
	}
	memos, _ := p.Memos(store.MemoFilter{})
	if len(memos) != 3 {
		t.Errorf("%d memos, want 3", len(memos))
	}

	// The codebook's history says where Relief came from, and its own
	// undo passes over it (the merge's undo takes it back).
	hist, _ := p.CodebookHistory(relief.Framework)
	if last := hist[len(hist)-1]; last.Action != "import" || !strings.Contains(last.Summary, "ben-copy.qdpx") || !strings.Contains(last.Summary, "“Relief”") {
		t.Errorf("codebook history ends with %s %q", last.Action, last.Summary)
	}
	if _, ok, _ := p.NextUndo(relief.Framework); ok {
		t.Error("the codebook's undo offers to take back the merge's codes")
	}

	// One journal entry naming the file (not a path).
	j, _ := p.Journal(0)
	if len(j) != len(journalBefore)+1 || j[0].Action != "project.merge" || j[0].ID != r.Journal || !strings.Contains(j[0].Detail, `"file":"ben-copy.qdpx"`) {
		t.Errorf("journal: %d new entries, newest %s %s", len(j)-len(journalBefore), j[0].Action, j[0].Detail)
	}

	// Merging the same copy again adds nothing; a value the copy has
	// changed since is reported, never written over the project's.
	in.Cases[len(in.Cases)-1].Values["var-age"] = "35"
	again, err := Merge(p, in, MergeOptions{File: "ben-copy.qdpx"}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.NotImported[niValuesDiffer] != 1 {
		t.Errorf("second merge: not imported %v, want one attribute value that differs", again.NotImported)
	}
	if cases, _ := p.Cases(); cases[0].Attributes["Age"] != "34" {
		t.Errorf("Ana's age became %q", cases[0].Attributes["Age"])
	}
	for _, c := range again.Coders {
		if c.Added != 0 || c.New {
			t.Errorf("second merge: %+v", c)
		}
	}
	if len(again.Codes.Added) != 0 || again.Cases != 0 || again.Memos != 0 {
		t.Errorf("second merge added codes %q, %d cases, %d memos", again.Codes.Added, again.Cases, again.Memos)
	}

	// Undo both, newest first: the project is as it was.
	for _, h := range mustHistory(t, p) {
		if !h.Undone {
			if _, err := UndoMerge(p, h.Journal, lead.ID); err != nil {
				t.Fatalf("undo %s: %v", h.File, err)
			}
		}
	}
	if after := snap(t, p); !reflect.DeepEqual(before, after) {
		t.Errorf("after undo the project differs:\nbefore %+v\nafter  %+v", before, after)
	}
	if _, err := UndoMerge(p, r.Journal, lead.ID); !errors.Is(err, errs.Conflict) || !strings.Contains(err.Error(), "undone already") {
		t.Errorf("second undo: %v, want a conflict saying it was undone already", err)
	}
}

func mustHistory(t testing.TB, p *store.Project) []MergeRecord {
	t.Helper()
	h, err := MergeHistory(p)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestUndoMergeRestoresExactly(t *testing.T) {
	p, lead, _ := teamProject(t)
	in := returnedCopy(t, p)
	before := snap(t, p)
	// Given a path, the report and the journal keep only the file's name.
	r, err := Merge(p, in, MergeOptions{File: filepath.Join(t.TempDir(), "copy.qdpx"), AddDocuments: true}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.File != "copy.qdpx" {
		t.Errorf("report names %q", r.File)
	}
	if !slices.Equal(r.Documents.Added, []string{"cy"}) {
		t.Errorf("added %q, want cy", r.Documents.Added)
	}
	h := mustHistory(t, p)
	if len(h) != 1 || h[0].File != "copy.qdpx" || h[0].By != "Lena" || h[0].Segments != 3 || h[0].Undone {
		t.Errorf("history %+v", h)
	}
	rec, err := UndoMerge(p, r.Journal, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !rec.Undone || rec.File != "copy.qdpx" {
		t.Errorf("undo record %+v", rec)
	}
	if after := snap(t, p); !reflect.DeepEqual(before, after) {
		t.Errorf("after undo the project differs:\nbefore %+v\nafter  %+v", before, after)
	}
	if h := mustHistory(t, p); len(h) != 1 || !h[0].Undone {
		t.Errorf("history after undo %+v", h)
	}
	j, _ := p.Journal(1)
	if j[0].Action != "project.merge.undo" {
		t.Errorf("last journal entry %s", j[0].Action)
	}
}

func TestUndoMergeRefusesWhenLaterWorkDependsOnIt(t *testing.T) {
	cases := []struct {
		name  string
		later func(t *testing.T, p *store.Project, lead store.Coder)
		want  string
	}{
		{"the new coder coded since", func(t *testing.T, p *store.Project, lead store.Coder) {
			cleo, _ := p.CoderByName("Cleo")
			if _, err := p.AddSegment(store.NewSegment{Document: docID(t, p, "ana"), Code: codeID(t, p, "Hope"), Coder: cleo.ID, Start: 0, End: 11}, cleo.ID); err != nil {
				t.Fatal(err)
			}
		}, "segments were made since"},
		{"a segment on the new code", func(t *testing.T, p *store.Project, lead store.Coder) {
			if _, err := p.AddSegment(store.NewSegment{Document: docID(t, p, "bo"), Code: codeID(t, p, "Relief"), Coder: lead.ID, Start: 0, End: 11}, lead.ID); err != nil {
				t.Fatal(err)
			}
		}, "segments were made since"},
		{"a memo on the new code", func(t *testing.T, p *store.Project, lead store.Coder) {
			if _, err := p.AddMemo(store.MemoCode, codeID(t, p, "Relief"), "Keep this one.", lead.ID); err != nil {
				t.Fatal(err)
			}
		}, "memos were written since"},
		{"a merged segment removed", func(t *testing.T, p *store.Project, lead store.Coder) {
			cleo, _ := p.CoderByName("Cleo")
			segs, _ := p.Segments(store.SegmentFilter{Coder: cleo.ID})
			if _, err := p.RemoveSegment(segs[0].ID, cleo.ID); err != nil {
				t.Fatal(err)
			}
		}, "removed or resized"},
		{"a merged segment removed and coded again", func(t *testing.T, p *store.Project, lead store.Coder) {
			cleo, _ := p.CoderByName("Cleo")
			segs, _ := p.Segments(store.SegmentFilter{Coder: cleo.ID})
			s := segs[len(segs)-1]
			if _, _, err := p.ResizeSegment(s.ID, s.Start, s.End-1, 0); err != nil {
				t.Fatal(err)
			}
		}, "removed or resized"},
		{"the new code renamed", func(t *testing.T, p *store.Project, lead store.Coder) {
			if _, err := p.UpdateCode(codeID(t, p, "Relief"), store.CodeFields{Name: "Ease", Codable: true}, lead.ID); err != nil {
				t.Fatal(err)
			}
		}, "edited in the codebook since"},
		{"an old code moved under the new one", func(t *testing.T, p *store.Project, lead store.Coder) {
			if err := p.MoveCode(codeID(t, p, "Fear"), codeID(t, p, "Relief"), 0, lead.ID); err != nil {
				t.Fatal(err)
			}
		}, "under the codes"},
		{"the new document renamed", func(t *testing.T, p *store.Project, lead store.Coder) {
			if err := p.RenameDocument(docID(t, p, "cy"), "Cyril", lead.ID); err != nil {
				t.Fatal(err)
			}
		}, "renamed since"},
		{"the new document's case changed", func(t *testing.T, p *store.Project, lead store.Coder) {
			if err := p.LinkCase(docID(t, p, "ana"), "Someone else", nil, lead.ID); err != nil {
				t.Fatal(err)
			}
		}, "case of document"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, lead, _ := teamProject(t)
			r, err := Merge(p, returnedCopy(t, p), MergeOptions{File: "copy.qdpx", AddDocuments: true}, lead.ID)
			if err != nil {
				t.Fatal(err)
			}
			tc.later(t, p, lead)
			mid := snap(t, p)
			_, err = UndoMerge(p, r.Journal, lead.ID)
			if !errors.Is(err, errs.Conflict) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "copy.qdpx") {
				t.Errorf("undo: %v, want a conflict naming the file and saying %q", err, tc.want)
			}
			if after := snap(t, p); !reflect.DeepEqual(mid, after) {
				t.Error("a refused undo changed the project")
			}
		})
	}
}

func TestOnlyTheLeadMerges(t *testing.T) {
	p, lead, ben := teamProject(t)
	in := returnedCopy(t, p)
	before := snap(t, p)
	if _, err := Merge(p, in, MergeOptions{File: "copy.qdpx"}, ben.ID); !errors.Is(err, errs.Forbidden) || !strings.Contains(err.Error(), "Lena") {
		t.Errorf("Ben merging: %v, want forbidden naming the lead", err)
	}
	if after := snap(t, p); !reflect.DeepEqual(before, after) {
		t.Error("a refused merge changed the project")
	}
	r, err := Merge(p, in, MergeOptions{File: "copy.qdpx"}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := UndoMerge(p, r.Journal, ben.ID); !errors.Is(err, errs.Forbidden) {
		t.Errorf("Ben undoing: %v, want forbidden", err)
	}
}

func TestMergeThemisCopyBringsTheCoderHome(t *testing.T) {
	p, lead, _ := teamProject(t)
	// The lead hands Dana a copy of the file; she codes it on her machine.
	copyPath := filepath.Join(t.TempDir(), "dana.themis")
	p.Close()
	data, err := os.ReadFile(p.Path())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(copyPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err = store.Open(filepath.Join(filepath.Dir(p.Path()), "team.themis"))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	c, err := store.Open(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	dana, _ := c.AddCoder("Dana", store.Self)
	fear := codeID(t, c, "Fear")
	for _, s := range [][2]int{{0, 11}, {84, 99}} {
		if _, err := c.AddSegment(store.NewSegment{Document: docID(t, c, "ana"), Code: fear, Coder: dana.ID, Start: s[0], End: s[1]}, dana.ID); err != nil {
			t.Fatal(err)
		}
	}
	c.Close()

	in, err := ReadCopy(copyPath, qdpx.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Merge(p, in, MergeOptions{File: "dana.themis"}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d := coderLine(t, r, "Dana"); !d.New || d.Added != 2 {
		t.Errorf("Dana: %+v", d)
	}
	if b := coderLine(t, r, "Ben"); b.Added != 0 || b.Duplicates != 1 {
		t.Errorf("Ben: %+v", b)
	}
	if len(r.Codes.Added) != 0 || len(r.Codes.Conflicts) != 0 || r.Codes.Matched != 3 {
		t.Errorf("codes %+v", r.Codes)
	}
	danaHere, err := p.CoderByName("Dana")
	if err != nil {
		t.Fatal(err)
	}
	if segs, _ := p.Segments(store.SegmentFilter{Coder: danaHere.ID, Code: codeID(t, p, "Fear")}); len(segs) != 2 {
		t.Errorf("Dana's layer at home: %d segments, want 2", len(segs))
	}
	if _, err := ReadCopy(filepath.Join(t.TempDir(), "notes.docx"), qdpx.ReadOptions{}); !errors.Is(err, errs.Unsupported) || !strings.Contains(err.Error(), "notes.docx") {
		t.Errorf("ReadCopy of a .docx: %v", err)
	}
}

func TestMergeCodesFindTheirFramework(t *testing.T) {
	p, lead, _ := teamProject(t)
	in := exchangeOf(t, p) // one framework: its codes at the top level
	in.Codes = append(in.Codes, qdpx.Code{GUID: "0b1c6a52-3c1e-4c55-9d2b-6f0f9c1a0004", Name: "Courage", Codable: true})
	// Fear moved to the top level in the copy.
	feelings := findCode(in.Codes, "Feelings")
	fear := *findCode(in.Codes, "Fear")
	feelings.Children = nil
	in.Codes = append(in.Codes, fear)
	// Since sending the copy, the lead made another framework active.
	if _, err := p.CreateFramework(frameworks.Framework{Name: "Other", Codes: []frameworks.Code{{Ref: "x", Name: "X", Codable: true}}}, "", lead.ID); err != nil {
		t.Fatal(err)
	}
	r, err := Merge(p, in, MergeOptions{File: "copy.qdpx"}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Team codebook › Courage"}; !slices.Equal(r.Codes.Added, want) {
		t.Errorf("added %q, want %q", r.Codes.Added, want)
	}
	want := []CodeConflict{{Code: "Fear", Field: "parent", Ours: "Team codebook › Feelings", Theirs: "Team codebook"}}
	if !reflect.DeepEqual(r.Codes.Conflicts, want) {
		t.Errorf("conflicts %+v, want %+v", r.Codes.Conflicts, want)
	}
	if c, _ := p.Code(codeID(t, p, "Fear")); c.Parent != codeID(t, p, "Feelings") {
		t.Error("Fear was moved: a conflict was applied")
	}

	// With several frameworks the copy wraps each; one renamed since
	// brings no empty framework of its old name.
	in = exchangeOf(t, p)
	other, _ := p.Framework()
	if err := p.RenameFramework(other.ID, "Another", "", lead.ID); err != nil {
		t.Fatal(err)
	}
	before, _ := p.Frameworks()
	r, err = Merge(p, in, MergeOptions{File: "copy2.qdpx"}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := p.Frameworks()
	if len(after) != len(before) || len(r.Codes.Added) != 0 || len(r.Codes.Conflicts) != 0 {
		t.Errorf("frameworks %d → %d, added %q, conflicts %+v", len(before), len(after), r.Codes.Added, r.Codes.Conflicts)
	}
}

// TestMergeIsTheUnionAndUndoIsExact merges seeded random copies: the
// project then holds exactly the union of both files' layers (coders and
// codes matched by name), and undoing the merge gives back exactly the
// project before it.
func TestMergeIsTheUnionAndUndoIsExact(t *testing.T) {
	for seed := int64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			r := rand.New(rand.NewSource(seed))
			p, lead, ben := teamProject(t)
			docs := []int64{docID(t, p, "ana"), docID(t, p, "bo")}
			codes := []int64{codeID(t, p, "Hope"), codeID(t, p, "Fear")}
			code := func(p *store.Project, coder int64, n int) {
				for i := 0; i < n; i++ {
					d := docs[r.Intn(len(docs))]
					info, _ := p.Document(d)
					start := r.Intn(info.Chars - 10)
					if _, err := p.AddSegment(store.NewSegment{Document: d, Code: codes[r.Intn(len(codes))], Coder: coder, Start: start, End: start + 1 + r.Intn(10)}, coder); err != nil {
						t.Fatal(err)
					}
				}
			}
			code(p, ben.ID, 15)
			code(p, lead.ID, 10)
			// The copy: the file as it stands, coded further by Ben and by Dee.
			p.Close()
			copyPath := filepath.Join(t.TempDir(), "copy.themis")
			if err := copyFile(p.Path(), copyPath); err != nil {
				t.Fatal(err)
			}
			var err error
			if p, err = store.Open(p.Path()); err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			c, err := store.Open(copyPath)
			if err != nil {
				t.Fatal(err)
			}
			dee, _ := c.AddCoder("Dee", store.Self)
			code(c, ben.ID, 10)
			code(c, dee.ID, 20)
			// And the project goes on meanwhile.
			code(p, ben.ID, 5)
			want := map[string]bool{}
			for _, q := range []*store.Project{p, c} {
				for _, k := range segmentKeys(t, q) {
					want[k] = true
				}
			}
			c.Close()
			before := snap(t, p)
			in, err := ReadCopy(copyPath, qdpx.ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			rep, err := Merge(p, in, MergeOptions{File: "copy.themis"}, lead.ID)
			if err != nil {
				t.Fatal(err)
			}
			got := segmentKeys(t, p)
			if len(got) != len(want) {
				t.Errorf("%d segments after the merge, want the union's %d", len(got), len(want))
			}
			for _, k := range got {
				if !want[k] {
					t.Errorf("segment %s is in neither file", k)
				}
			}
			added := 0
			for _, cm := range rep.Coders {
				added += cm.Added
			}
			if added != len(got)-len(before.Segments) {
				t.Errorf("report says %d added, the project grew by %d", added, len(got)-len(before.Segments))
			}
			if _, err := UndoMerge(p, rep.Journal, lead.ID); err != nil {
				t.Fatal(err)
			}
			if after := snap(t, p); !reflect.DeepEqual(before, after) {
				t.Error("after the undo the project differs from before the merge")
			}
		})
	}
}

// segmentKeys are a project's segments by names: document, code, coder, span.
func segmentKeys(t *testing.T, p *store.Project) []string {
	t.Helper()
	segs, err := p.Segments(store.SegmentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range segs {
		d, _ := p.Document(s.Document)
		c, _ := p.Code(s.Code)
		who, _ := p.Coder(s.Coder)
		out = append(out, fmt.Sprintf("%s|%s|%s|%d-%d", d.Name, c.Name, who.Name, s.Start, s.End))
	}
	return out
}

func TestUndoMergeRefusesWhenTheNewCoderIsAdjudicator(t *testing.T) {
	p, lead, _ := teamProject(t)
	r, err := Merge(p, returnedCopy(t, p), MergeOptions{File: "copy.qdpx"}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	cleo, _ := p.CoderByName("Cleo")
	if err := p.SetAdjudicator(cleo.ID, lead.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := UndoMerge(p, r.Journal, lead.ID); !errors.Is(err, errs.Conflict) || !strings.Contains(err.Error(), "adjudicator") {
		t.Errorf("undo: %v, want a conflict saying the new coder adjudicates", err)
	}
}

// A copy holds the consensus layer as it was sent: merging it back
// collapses onto the layer rather than refusing to write to it.
func TestMergeOwnCopyWithAConsensusLayer(t *testing.T) {
	p := richProject(t)
	lead, _ := p.Lead()
	before := snap(t, p)
	r, err := Merge(p, exchangeOf(t, p), MergeOptions{File: "same.themis"}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range r.Coders {
		if c.Added != 0 || c.New || c.Duplicates != c.Segments {
			t.Errorf("%+v: merging the project's own copy adds nothing", c)
		}
	}
	if coderLine(t, r, "Consensus").Duplicates != 1 || len(r.NotImported) != 0 || r.Memos != 0 || len(r.Codes.Added) != 0 {
		t.Errorf("report %+v", r)
	}
	if after := snap(t, p); !reflect.DeepEqual(before, after) {
		t.Error("merging the project's own copy changed it")
	}
}

// Another tool may add or drop white space at a text's end: the document
// is still the project's, and its selections come home.
func TestMergeMatchesATextDifferingOnlyInTrailingWhiteSpace(t *testing.T) {
	p, lead, _ := teamProject(t)
	in := exchangeOf(t, p)
	in.Users = append(in.Users, qdpx.User{GUID: "user-cleo", Name: "Cleo"})
	ana := findSource(t, in, "ana")
	ana.Text += "\n\n"
	ana.GUID = "other-tool-guid"
	ana.Selections = []qdpx.Selection{selection("s1", "user-cleo", findCode(in.Codes, "Hope").GUID, 36, 60),
		selection("s2", "user-cleo", findCode(in.Codes, "Hope").GUID, 100, 111)} // the second ends in the added white space
	r, err := Merge(p, in, MergeOptions{File: "nvivo.qdpx"}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Documents.Matched != 2 || len(r.Documents.Differs) != 0 || coderLine(t, r, "Cleo").Added != 1 || r.NotImported[niOutside] != 1 {
		t.Errorf("report %+v", r)
	}
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "white space") {
		t.Errorf("notes %q", r.Notes)
	}
}
