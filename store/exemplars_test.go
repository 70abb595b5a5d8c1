package store

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"themis/frameworks"
)

func star(t *testing.T, p *Project, segment, actor int64) Exemplar {
	t.Helper()
	e, err := p.StarSegment(segment, actor)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func journalCount(t *testing.T, p *Project, action string) int {
	t.Helper()
	entries, err := p.Journal(0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.Action == action {
			n++
		}
	}
	return n
}

func TestStarringIsIdempotentPerPassageAndJournalled(t *testing.T) {
	p, doc, a, b := newProject(t)
	pa := codeID(t, p, "Positive affect")
	sa := code(t, p, doc, pa, a.ID, 32, 50)
	sb := code(t, p, doc, pa, b.ID, 32, 50) // Ben coded the same passage
	e := star(t, p, sa.ID, a.ID)
	if e.Document != doc || e.Code != pa || e.Start != 32 || e.End != 50 || e.StarredBy != a.ID || len(e.Cuts) != 0 || e.StarredAt == "" {
		t.Fatalf("starred = %+v", e)
	}
	again := star(t, p, sa.ID, a.ID)
	other := star(t, p, sb.ID, b.ID)
	if again.ID != e.ID || other.ID != e.ID {
		t.Errorf("starring the same passage again gave %d and %d, want %d", again.ID, other.ID, e.ID)
	}
	if n := journalCount(t, p, "exemplar.star"); n != 1 {
		t.Errorf("%d exemplar.star entries, want 1", n)
	}
	all, err := p.Exemplars(0)
	if err != nil || len(all) != 1 || all[0].ID != e.ID {
		t.Fatalf("Exemplars(0) = %+v, %v", all, err)
	}
	if got, _ := p.Exemplars(codeID(t, p, "Avowed quality of life")); len(got) != 0 {
		t.Errorf("another code's exemplars = %+v", got)
	}
	if _, err := p.StarSegment(9999, a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("starring a missing segment: %v", err)
	}
	if err := p.Unstar(e.ID, b.ID); err != nil {
		t.Fatal(err)
	}
	if n := journalCount(t, p, "exemplar.unstar"); n != 1 {
		t.Errorf("%d exemplar.unstar entries, want 1", n)
	}
	if err := p.Unstar(e.ID, b.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("unstarring twice: %v", err)
	}
	if segs, _ := p.Segments(SegmentFilter{Code: pa}); len(segs) != 2 {
		t.Errorf("unstarring touched the segments: %+v", segs)
	}
}

func TestTrimValidatesCutsAndKeepsTheSpan(t *testing.T) {
	p, doc, a, _ := newProject(t)
	pa := codeID(t, p, "Positive affect")
	e := star(t, p, code(t, p, doc, pa, a.ID, 32, 50).ID, a.ID) // "I feel calmer now."
	got, err := p.TrimExemplar(e.ID, [][2]int{{33, 38}, {45, 49}}, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]int{{33, 38}, {45, 49}}
	if !reflect.DeepEqual(got.Cuts, want) || got.Start != 32 || got.End != 50 {
		t.Errorf("trimmed = %+v", got)
	}
	for _, tc := range []struct {
		name string
		cuts [][2]int
	}{
		{"empty cut", [][2]int{{40, 40}}},
		{"reversed cut", [][2]int{{41, 40}}},
		{"before the passage", [][2]int{{30, 34}}},
		{"after the passage", [][2]int{{48, 51}}},
		{"unsorted", [][2]int{{45, 47}, {33, 35}}},
		{"overlapping", [][2]int{{33, 40}, {39, 42}}},
		{"the whole passage", [][2]int{{32, 50}}},
		{"the whole passage in pieces", [][2]int{{32, 40}, {40, 50}}},
	} {
		if _, err := p.TrimExemplar(e.ID, tc.cuts, a.ID); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", tc.name, err)
		}
	}
	if now, _ := p.Exemplar(e.ID); !reflect.DeepEqual(now.Cuts, want) {
		t.Errorf("a refused trim changed the cuts to %v", now.Cuts)
	}
	if again := star(t, p, code(t, p, doc, pa, a.ID, 32, 50).ID, a.ID); !reflect.DeepEqual(again.Cuts, want) {
		t.Errorf("starring again lost the cuts: %+v", again)
	}
	if got, err := p.TrimExemplar(e.ID, nil, a.ID); err != nil || len(got.Cuts) != 0 {
		t.Errorf("restoring the full passage = %+v, %v", got, err)
	}
	if n := journalCount(t, p, "exemplar.trim"); n != 2 {
		t.Errorf("%d exemplar.trim entries, want 2", n)
	}
	if _, err := p.TrimExemplar(9999, nil, a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("trimming a missing exemplar: %v", err)
	}
}

func TestExemplarsFollowTheCodebookAndItsUndo(t *testing.T) {
	p, doc, a, b := newProject(t)
	pa, aq := codeID(t, p, "Positive affect"), codeID(t, p, "Avowed quality of life")
	kept := star(t, p, code(t, p, doc, pa, a.ID, 32, 50).ID, a.ID)
	gone := star(t, p, code(t, p, doc, aq, a.ID, 32, 50).ID, a.ID) // collapses into kept
	moves := star(t, p, code(t, p, doc, aq, b.ID, 39, 45).ID, b.ID)
	if _, err := p.TrimExemplar(gone.ID, [][2]int{{33, 38}}, a.ID); err != nil {
		t.Fatal(err)
	}
	before, _ := p.Exemplars(0)

	if _, err := p.MergeCodes(aq, pa, a.ID); err != nil {
		t.Fatal(err)
	}
	after, _ := p.Exemplars(0)
	if len(after) != 2 || after[0].ID != kept.ID || after[1].ID != moves.ID || after[1].Code != pa {
		t.Errorf("after the merge = %+v, want %d and %d with the target code", after, kept.ID, moves.ID)
	}
	if _, err := p.UndoCodebook(0, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Exemplars(0); !reflect.DeepEqual(got, before) {
		t.Errorf("after undoing the merge = %+v\nwant %+v", got, before)
	}

	if _, err := p.DeleteCode(aq, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Exemplars(aq); len(got) != 0 {
		t.Errorf("the deleted code keeps exemplars %+v", got)
	}
	// a new star after the deletion must not take a deleted exemplar's id
	fresh := star(t, p, code(t, p, doc, pa, a.ID, 40, 45).ID, a.ID)
	if fresh.ID <= moves.ID {
		t.Errorf("new exemplar got id %d, not above the deleted %d", fresh.ID, moves.ID)
	}
	if _, err := p.UndoCodebook(0, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Exemplars(aq); !reflect.DeepEqual(got, before[1:]) {
		t.Errorf("after undoing the delete = %+v\nwant %+v", got, before[1:])
	}
	if _, err := p.RedoCodebook(0, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Exemplars(aq); len(got) != 0 {
		t.Errorf("after redoing the delete = %+v", got)
	}
}

func TestUndoRefusesWhenAStarredQuoteChangedSince(t *testing.T) {
	p, doc, a, _ := newProject(t)
	pa, aq := codeID(t, p, "Positive affect"), codeID(t, p, "Avowed quality of life")
	code(t, p, doc, pa, a.ID, 32, 50)
	e := star(t, p, code(t, p, doc, aq, a.ID, 32, 50).ID, a.ID)
	if _, err := p.MergeCodes(aq, pa, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := p.TrimExemplar(e.ID, [][2]int{{33, 38}}, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := p.UndoCodebook(0, a.ID); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "starred quote") {
		t.Errorf("undo after the quote was trimmed: %v", err)
	}
}

func TestUndoingAnAddedCodeRefusesWhenItHasStarredQuotes(t *testing.T) {
	p, doc, a, _ := newProject(t)
	hope, err := p.AddCode(0, CodeFields{Name: "Hope", Codable: true}, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	s := code(t, p, doc, hope.ID, a.ID, 32, 50)
	star(t, p, s.ID, a.ID)
	if _, err := p.RemoveSegment(s.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := p.UndoCodebook(0, a.ID); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "starred quotes") {
		t.Errorf("undoing the add of a code with a starred quote: %v", err)
	}
}

func TestSplitMovesTheStarWithItsSegment(t *testing.T) {
	p, doc, a, b := newProject(t)
	pa := codeID(t, p, "Positive affect")
	sa := code(t, p, doc, pa, a.ID, 32, 50)
	sb := code(t, p, doc, pa, b.ID, 32, 50)
	e := star(t, p, sa.ID, a.ID)
	c, err := p.SplitCode(pa, CodeFields{Name: "Calm", Codable: true}, []int64{sa.ID}, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Exemplar(e.ID); got.Code != pa {
		t.Errorf("Ben's segment still has the passage with the old code, yet the star moved to %d", got.Code)
	}
	if _, err := p.UndoCodebook(0, a.ID); err != nil {
		t.Fatal(err)
	}
	c, err = p.SplitCode(pa, CodeFields{Name: "Calm", Codable: true}, []int64{sa.ID, sb.ID}, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Exemplar(e.ID); got.Code != c.ID {
		t.Errorf("star stayed on code %d after both segments moved to %d", got.Code, c.ID)
	}
	if _, err := p.UndoCodebook(0, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Exemplar(e.ID); got.Code != pa {
		t.Errorf("undoing the split left the star on code %d", got.Code)
	}
}

func TestDeletingADocumentTakesItsExemplars(t *testing.T) {
	p, doc, a, _ := newProject(t)
	pa := codeID(t, p, "Positive affect")
	star(t, p, code(t, p, doc, pa, a.ID, 32, 50).ID, a.ID)
	if _, err := p.db.Exec(`DELETE FROM segments WHERE document_id = ?`, doc); err != nil {
		t.Fatal(err)
	}
	if _, err := p.db.Exec(`DELETE FROM documents WHERE id = ?`, doc); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Exemplars(0); len(got) != 0 {
		t.Errorf("exemplars of a deleted document = %+v", got)
	}
}

func TestReplacementMovesExemplarsAndCuts(t *testing.T) {
	p, err := Create(filepath.Join(t.TempDir(), "anon.themis"), frameworks.Keyes(), "Aisha")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	lead, _ := p.Lead()
	text := "Zoë 😀 Ünal said: I met Zoë 😀 Ünal at the café, and Zoë 😀 Ünal was kind. Later that day we walked home."
	docs, err := p.ImportDocuments([]NewDocument{{Name: "P001", SourceName: "P001.txt", Text: text, Hash: "x", Words: 20}}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	doc := docs[0].ID
	pa := codeID(t, p, "Positive affect")
	span := func(sub string, nth int) [2]int {
		a, b := runeSpan(t, text, sub, nth)
		return [2]int{a, b}
	}
	type ex struct {
		passage    [2]int
		cuts       [][2]int
		want       string
		wantCutTxt []string
	}
	cases := []ex{
		// one replacement before the exemplar and one after it
		{span("at the café, and", 0), [][2]int{span("the ", 0)}, "at the café, and", []string{"the "}},
		// inside the exemplar, with a cut after it
		{span("I met Zoë 😀 Ünal at the café", 0), [][2]int{span(" at the", 0)}, "I met [Name] at the café", []string{" at the"}},
		// inside the exemplar and inside a cut
		{span("and Zoë 😀 Ünal was kind.", 0), [][2]int{span("Zoë 😀 Ünal was ", 0)}, "and [Name] was kind.", []string{"[Name] was "}},
		// the exemplar begins with the replaced words
		{span("Zoë 😀 Ünal said:", 0), nil, "[Name] said:", nil},
		// the exemplar is far after every replacement, cut and all
		{span("Later that day we walked home.", 0), [][2]int{span(" that day", 0)}, "Later that day we walked home.", []string{" that day"}},
	}
	var ids []int64
	for _, c := range cases {
		s := code(t, p, doc, pa, lead.ID, c.passage[0], c.passage[1])
		e := star(t, p, s.ID, lead.ID)
		if c.cuts != nil {
			if _, err := p.TrimExemplar(e.ID, c.cuts, lead.ID); err != nil {
				t.Fatal(err)
			}
		}
		ids = append(ids, e.ID)
	}
	var reps []Replacement
	for i := 0; i < 3; i++ {
		a, b := runeSpan(t, text, "Zoë 😀 Ünal", i)
		reps = append(reps, Replacement{Document: doc, Start: a, End: b, With: "[Name]", Expect: "Zoë 😀 Ünal"})
	}
	if _, err := p.ReplaceEverywhere(reps, nil, lead.ID); err != nil {
		t.Fatal(err)
	}
	d, _ := p.Document(doc)
	runes := []rune(d.Text)
	for i, c := range cases {
		e, err := p.Exemplar(ids[i])
		if err != nil {
			t.Fatal(err)
		}
		if got := string(runes[e.Start:e.End]); got != c.want {
			t.Errorf("exemplar %d now reads %q, want %q", i, got, c.want)
		}
		var cut []string
		for _, k := range e.Cuts {
			cut = append(cut, string(runes[k[0]:k[1]]))
		}
		if !reflect.DeepEqual(cut, c.wantCutTxt) {
			t.Errorf("exemplar %d cuts now read %q, want %q", i, cut, c.wantCutTxt)
		}
		if err := CheckCuts(e.Start, e.End, e.Cuts); err != nil {
			t.Errorf("exemplar %d cuts after the replacement: %v", i, err)
		}
	}
}

// A star belongs to a code's span: when a resize leaves no segment of the
// code on the starred span, the star follows the segment to its new span,
// keeping the cuts that still lie inside it; while another coder's segment
// still holds the old span, the star stays with it.
func TestResizeMovesTheStarWithItsSegment(t *testing.T) {
	type span struct {
		start, end int
		cuts       [][2]int
	}
	for _, tc := range []struct {
		name       string
		benSpan    *[2]int // Ben's segment of the same code, when he has one
		benStarred bool
		to         [2]int
		want       []span // the code's exemplars afterwards
		moves      int    // exemplar.move journal entries
	}{
		{name: "moves, dropping the cut outside", to: [2]int{32, 44},
			want: []span{{32, 44, [][2]int{{33, 35}}}}, moves: 1},
		{name: "moves to a wider span, keeping its cuts", to: [2]int{26, 50},
			want: []span{{26, 50, [][2]int{{33, 35}, {45, 48}}}}, moves: 1},
		{name: "stays while another coder holds the old span", benSpan: &[2]int{32, 50}, to: [2]int{32, 44},
			want: []span{{32, 50, [][2]int{{33, 35}, {45, 48}}}}},
		{name: "collapses onto a star already on the new span", benSpan: &[2]int{32, 44}, benStarred: true, to: [2]int{32, 44},
			want: []span{{32, 44, [][2]int{}}}, moves: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, doc, a, b := newProject(t)
			pa := codeID(t, p, "Positive affect")
			seg := code(t, p, doc, pa, a.ID, 32, 50)
			e := star(t, p, seg.ID, a.ID)
			if _, err := p.TrimExemplar(e.ID, [][2]int{{33, 35}, {45, 48}}, a.ID); err != nil {
				t.Fatal(err)
			}
			var ben Exemplar
			if tc.benSpan != nil {
				s := code(t, p, doc, pa, b.ID, tc.benSpan[0], tc.benSpan[1])
				if tc.benStarred {
					ben = star(t, p, s.ID, b.ID)
				}
			}
			if _, _, err := p.ResizeSegment(seg.ID, tc.to[0], tc.to[1], a.ID); err != nil {
				t.Fatal(err)
			}
			all, err := p.Exemplars(pa)
			if err != nil {
				t.Fatal(err)
			}
			var got []span
			for _, x := range all {
				got = append(got, span{x.Start, x.End, x.Cuts})
				if err := CheckCuts(x.Start, x.End, x.Cuts); err != nil {
					t.Errorf("exemplar %d: %v", x.ID, err)
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("exemplars %+v, want %+v", got, tc.want)
			}
			if wantID := map[bool]int64{false: e.ID, true: ben.ID}[tc.benStarred]; all[0].ID != wantID {
				t.Errorf("exemplar %d, want %d", all[0].ID, wantID)
			}
			if n := journalCount(t, p, "exemplar.move"); n != tc.moves {
				t.Errorf("%d exemplar.move entries, want %d", n, tc.moves)
			}
		})
	}
}

// A passage the drill-down merges from overlapping segments is starred
// whole: the code's span from the earliest start to the latest end, once.
func TestStarPassageCoversTheMergedSpan(t *testing.T) {
	p, doc, a, b := newProject(t)
	pa := codeID(t, p, "Positive affect")
	aq := codeID(t, p, "Avowed quality of life")
	sa := code(t, p, doc, pa, a.ID, 32, 40)
	sb := code(t, p, doc, pa, b.ID, 36, 50)
	other := code(t, p, doc, aq, b.ID, 26, 45) // a factor cell's other code: left out
	apart := code(t, p, doc, pa, b.ID, 13, 20)
	e, err := p.StarPassage([]int64{sa.ID, sb.ID, other.ID}, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if e.Document != doc || e.Code != pa || e.Start != 32 || e.End != 50 || e.StarredBy != a.ID {
		t.Fatalf("starred %+v, want Positive affect 32–50", e)
	}
	again, err := p.StarPassage([]int64{sb.ID, sa.ID}, b.ID)
	if err != nil || again.ID != e.ID {
		t.Errorf("starring the passage again = %+v, %v; want exemplar %d", again, err, e.ID)
	}
	if n := journalCount(t, p, "exemplar.star"); n != 1 {
		t.Errorf("%d exemplar.star entries, want 1", n)
	}
	for _, bad := range [][]int64{{}, {sa.ID, apart.ID}, {sa.ID, 9999}} {
		if _, err := p.StarPassage(bad, a.ID); err == nil {
			t.Errorf("StarPassage(%v) was accepted", bad)
		}
	}
	if all, _ := p.Exemplars(0); len(all) != 1 {
		t.Errorf("exemplars %+v, want the one", all)
	}
}
