package project

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"themis/errs"
	"themis/store"
)

func TestStarsKeepToBlindMode(t *testing.T) {
	p, aisha, ben := newStudy(t) // blind mode is on
	res, err := ImportData(p, []NamedData{{"a.txt", []byte("Interviewer: so?\nP1: I walk every day now and feel calmer.")}}, aisha.ID)
	if err != nil {
		t.Fatal(err)
	}
	doc := res[0].ID
	calm, _ := p.CodeByName("Positive affect")
	seg := func(c store.Coder, start, end int) store.Segment {
		s, err := p.AddSegment(store.NewSegment{Document: doc, Code: calm.ID, Coder: c.ID, Start: start, End: end}, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	a1, a2 := seg(aisha, 21, 56), seg(aisha, 0, 10)
	b1 := seg(ben, 30, 40) // overlaps a1, not a2
	va, _ := ViewerFor(p, aisha.ID)
	vb, _ := ViewerFor(p, ben.ID)

	if _, err := Star(p, vb, a1.ID); !errors.Is(err, errs.Forbidden) {
		t.Errorf("Ben starred Aisha's segment in blind mode: %v", err)
	}
	e1, err := Star(p, va, a1.ID)
	if err != nil {
		t.Fatal(err)
	}
	e2, err := Star(p, va, a2.ID)
	if err != nil {
		t.Fatal(err)
	}
	if e1.StarredBy != aisha.ID {
		t.Errorf("starred by %d, want Aisha", e1.StarredBy)
	}
	seen, err := VisibleExemplars(p, vb, calm.ID)
	if err != nil || len(seen) != 1 || seen[0].ID != e1.ID {
		t.Errorf("Ben sees %+v, %v; want only the exemplar his own segment overlaps", seen, err)
	}
	if all, _ := VisibleExemplars(p, vb, 0); len(all) != 1 {
		t.Errorf("Ben sees %d exemplars of every code, want 1", len(all))
	}
	if all, _ := VisibleExemplars(p, va, 0); len(all) != 2 {
		t.Errorf("Aisha sees %d exemplars, want both", len(all))
	}
	if err := Unstar(p, vb, e2.ID); !errors.Is(err, errs.NotFound) {
		t.Errorf("Ben unstarred an exemplar he cannot see: %v", err)
	}
	if _, err := Trim(p, vb, e2.ID, [][2]int{{0, 2}}); !errors.Is(err, errs.NotFound) {
		t.Errorf("Ben trimmed an exemplar he cannot see: %v", err)
	}
	if got, err := Trim(p, vb, e1.ID, [][2]int{{21, 27}}); err != nil || len(got.Cuts) != 1 {
		t.Errorf("Ben trimming the passage he coded too = %+v, %v", got, err)
	}
	if _, err := Trim(p, va, e1.ID, [][2]int{{10, 27}}); !errors.Is(err, errs.Invalid) {
		t.Errorf("a cut outside the passage: %v", err)
	}
	if e, err := Star(p, vb, b1.ID); err != nil || e.Start != 30 {
		t.Errorf("Ben starring his own segment = %+v, %v", e, err)
	}

	if err := p.SetBlindMode(false, aisha.ID); err != nil {
		t.Fatal(err)
	}
	vb, _ = ViewerFor(p, ben.ID)
	if all, _ := VisibleExemplars(p, vb, calm.ID); len(all) != 3 {
		t.Errorf("blind off: Ben sees %d exemplars, want 3", len(all))
	}
	if err := Unstar(p, vb, e2.ID); err != nil {
		t.Errorf("blind off: Ben unstarring: %v", err)
	}
}

// The same passage coded by two coders is quoted once, "coded by Aisha and
// Ben", carrying its star and trim; a different span stays its own quote.
func TestQuotesMergeTheSamePassageAndCarryItsStar(t *testing.T) {
	p, aisha, ben := newStudy(t)
	p.SetBlindMode(false, aisha.ID)
	text := "Interviewer: so?\nP1: I walk every day 😀 now and feel calmer."
	res, err := ImportData(p, []NamedData{{"a.txt", []byte(text)}}, aisha.ID)
	if err != nil {
		t.Fatal(err)
	}
	doc := res[0].ID
	calm, _ := p.CodeByName("Positive affect")
	start := len([]rune(text[:strings.Index(text, "I walk")]))
	end := len([]rune(text))
	var segs []store.Segment
	for _, s := range []struct {
		c          store.Coder
		start, end int
	}{{ben, start, end}, {aisha, start, end}, {aisha, start, start + 6}} {
		seg, err := p.AddSegment(store.NewSegment{Document: doc, Code: calm.ID, Coder: s.c.ID, Start: s.start, End: s.end}, s.c.ID)
		if err != nil {
			t.Fatal(err)
		}
		segs = append(segs, seg)
	}
	v, _ := ViewerFor(p, aisha.ID)
	e, err := Star(p, v, segs[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	cut := start + len([]rune("I walk every day 😀"))
	if _, err := Trim(p, v, e.ID, [][2]int{{cut, cut + 4}}); err != nil {
		t.Fatal(err)
	}
	c, quotes, err := Quotes(p, v, calm.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(quotes) != 2 {
		t.Fatalf("%d quotes, want the short span and the shared passage once: %+v", len(quotes), quotes)
	}
	short, shared := quotes[0], quotes[1]
	if short.End != start+6 || short.Exemplar != 0 || short.Trimmed != "I walk" || !slices.Equal(short.Coders, []string{"Aisha"}) {
		t.Errorf("short quote = %+v", short)
	}
	if !slices.Equal(shared.Coders, []string{"Ben", "Aisha"}) || !slices.Equal(shared.SegmentIDs, []int64{segs[0].ID, segs[1].ID}) ||
		!slices.Equal(shared.CoderIDs, []int64{ben.ID, aisha.ID}) {
		t.Errorf("shared quote = %+v", shared)
	}
	if shared.Exemplar != e.ID || shared.Text != "I walk every day 😀 now and feel calmer." || shared.Trimmed != "I walk every day 😀 … and feel calmer." {
		t.Errorf("shared quote's star: %d, %q, %q", shared.Exemplar, shared.Text, shared.Trimmed)
	}
	md, err := RenderQuotes(c, quotes, "md", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md, "coded by Ben and Aisha") || !strings.Contains(md, "> I walk every day 😀 … and feel calmer.") {
		t.Errorf("markdown:\n%s", md)
	}
	eq, err := ExemplarQuotes(p, v, 0)
	if err != nil || len(eq) != 1 {
		t.Fatalf("ExemplarQuotes = %+v, %v", eq, err)
	}
	if q := eq[0]; q.ID != e.ID || q.Text != shared.Text || q.Trimmed != shared.Trimmed || q.Speaker != "P1" ||
		q.DocumentName != shared.Document || q.CodeName != "Positive affect" || q.StarredBy != "Aisha" {
		t.Errorf("exemplar quote = %+v", q)
	}
	// one coder's layer: only their segments, never another's name
	_, mine, _ := Quotes(p, v, calm.ID, ben.ID)
	if len(mine) != 1 || !slices.Equal(mine[0].Coders, []string{"Ben"}) || mine[0].Exemplar != e.ID {
		t.Errorf("Ben's layer = %+v", mine)
	}
}

// A star made on a coder's segment is on the passage, so once adjudication
// copies the agreed passage into the consensus layer the consensus quote is
// starred too; the consensus layer's own segments can be starred by whoever
// may see it, and not by a coder kept to their own layer.
func TestStarsSurviveAdjudicationIntoTheConsensus(t *testing.T) {
	p, err := CreateDemo(filepath.Join(t.TempDir(), "Demo study.themis"))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	lead, _ := p.Lead()
	ben, _ := p.CoderByName(DemoSecondCoder)
	asLead := leadViewer(t, p)
	// The lead coded one layer: the adjudicator she names settles the pair.
	nameAdjudicator(t, p, "Chen")
	rv, err := StartAdjudication(p, adjudicatorViewer(t, p), ReviewRequest{CoderA: lead.ID, CoderB: ben.ID})
	if err != nil {
		t.Fatal(err)
	}
	agreed, _ := p.Segments(store.SegmentFilter{Coder: rv.Consensus.ID})
	if len(agreed) < 2 {
		t.Fatalf("consensus holds %d segments", len(agreed))
	}
	// star the first agreed passage through Aisha's own segment
	mine, _ := p.Segments(store.SegmentFilter{Document: agreed[0].Document, Code: agreed[0].Code, Coder: lead.ID})
	var own int64
	for _, s := range mine {
		if s.Start == agreed[0].Start && s.End == agreed[0].End {
			own = s.ID
		}
	}
	if own == 0 {
		t.Fatal("no segment of Aisha's matches the first agreed passage")
	}
	e, err := Star(p, asLead, own)
	if err != nil {
		t.Fatal(err)
	}
	_, quotes, err := Quotes(p, asLead, agreed[0].Code, rv.Consensus.ID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, q := range quotes {
		if q.DocumentID == agreed[0].Document && q.Start == agreed[0].Start && q.End == agreed[0].End {
			found = q.Exemplar == e.ID
		}
	}
	if !found {
		t.Errorf("the consensus quote of the starred passage is not starred: %+v", quotes)
	}
	// every coder means the coders' own layers: the consensus is not a third coder
	_, all, err := Quotes(p, asLead, agreed[0].Code, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range all {
		for _, id := range q.CoderIDs {
			if id == rv.Consensus.ID {
				t.Fatalf("every coder's quotes list the consensus layer: %v", q.Coders)
			}
		}
	}
	if e2, err := Star(p, asLead, agreed[1].ID); err != nil || e2.Start != agreed[1].Start {
		t.Errorf("the lead starring a consensus segment = %+v, %v", e2, err)
	}
	if err := p.SetBlindMode(true, lead.ID); err != nil {
		t.Fatal(err)
	}
	asBen, _ := ViewerFor(p, ben.ID)
	if _, err := Star(p, asBen, agreed[1].ID); !errors.Is(err, errs.Forbidden) {
		t.Errorf("Ben in blind mode starring a consensus segment: %v", err)
	}
}

// A star whose passage nobody codes any more is dormant: not listed (so no
// report quotes it as evidence of the code) until the coding comes back.
func TestAStarWithoutCodingIsDormant(t *testing.T) {
	p, aisha, _ := newStudy(t)
	p.SetBlindMode(false, aisha.ID)
	res, err := ImportData(p, []NamedData{{"a.txt", []byte("P1: I walk every day now and feel calmer.")}}, aisha.ID)
	if err != nil {
		t.Fatal(err)
	}
	calm, _ := p.CodeByName("Positive affect")
	ns := store.NewSegment{Document: res[0].ID, Code: calm.ID, Coder: aisha.ID, Start: 4, End: 20}
	s, err := p.AddSegment(ns, aisha.ID)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := ViewerFor(p, aisha.ID)
	e, err := Star(p, v, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.RemoveSegment(s.ID, aisha.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := VisibleExemplars(p, v, 0); len(list) != 0 {
		t.Errorf("a star without coding is listed: %+v", list)
	}
	if _, err := Trim(p, v, e.ID, nil); !errors.Is(err, errs.NotFound) {
		t.Errorf("trimming a dormant star: %v", err)
	}
	if _, err := p.AddSegment(ns, aisha.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := ExemplarQuotes(p, v, calm.ID); len(list) != 1 || list[0].ID != e.ID || list[0].Text != "I walk every day" {
		t.Errorf("the star did not come back with its coding: %+v", list)
	}
}
