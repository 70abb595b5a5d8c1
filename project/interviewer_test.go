package project

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"themis/corpus"
	"themis/store"
)

// The import preview proposes the interviewer; importing with the proposal
// leaves their turns out from the start, and a segments CSV that codes
// inside them is refused naming the row, with the project unchanged.
func TestInterviewerLeftOutAtImport(t *testing.T) {
	p, lead, _ := newStudy(t)
	dir := t.TempDir()
	text := "Interviewer: Who told you about the group?\nP001: My GP did, last spring.\nInterviewer: And how was the first walk?\nP001: Cold, but good company.\n"
	a := write(t, dir, "P001.txt", []byte(text))
	b := write(t, dir, "P002.txt", []byte("P002: Nobody asked me anything.\nP002b: Nor me.\n"))

	pv := PreviewFile(context.Background(), a, corpus.Options{}, 2)
	if pv.Err != nil || !slices.Equal(pv.Interviewers, []string{"Interviewer"}) {
		t.Fatalf("preview: interviewers %q, %v", pv.Interviewers, pv.Err)
	}
	res, err := ImportExcluding(context.Background(), p, []string{a, b}, corpus.Options{}, []string{"Interviewer"}, lead.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res[0].Excluded, []string{"Interviewer"}) || len(res[1].Excluded) != 0 {
		t.Errorf("reports: %q, %q", res[0].Excluded, res[1].Excluded)
	}
	all, err := p.Speakers()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range all {
		for _, s := range d.Speakers {
			if want := s.Name == "Interviewer"; s.Excluded != want {
				t.Errorf("%s: %s excluded %v, want %v", d.Name, s.Name, s.Excluded, want)
			}
		}
	}
	j, _ := p.Journal(1)
	if len(j) != 1 || j[0].Action != "documents.import" || !strings.Contains(j[0].Detail, `"Excluded":["Interviewer"]`) {
		t.Errorf("the import's journal entry does not say who was left out: %+v", j)
	}

	// Row 3 codes "Who told you" inside the interviewer's first turn.
	before, _ := p.Segments(store.SegmentFilter{})
	csv := "document,coder,code,start,end\nP001,Ben,Autonomy,57,74\nP001,Ben,Autonomy,14,26\n"
	_, err = ImportSegmentsCSV(p, strings.NewReader(csv), lead.ID)
	var re *RowError
	if !errors.As(err, &re) || re.Row != 3 || !errors.Is(err, store.ErrExcluded) {
		t.Fatalf("segments in the interviewer's turn: %v", err)
	}
	if after, _ := p.Segments(store.SegmentFilter{}); len(after) != len(before) {
		t.Errorf("a refused segments import changed the project: %d segments, was %d", len(after), len(before))
	}
}
