package app

import (
	"errors"
	"strings"
	"testing"
	"time"

	"themis/project"
	"themis/search"
	"themis/store"
)

func demoAs(t *testing.T, sv services, coder string) (*SearchService, *ProjectInfo) {
	t.Helper()
	info, err := sv.projects.OpenDemo()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range info.Coders {
		if c.Name == coder {
			if info, err = sv.projects.SelectCoder(c.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	return NewSearchService(sv.projects.s), info
}

func TestSearchAndCodeEveryHitAsOneUndoableStep(t *testing.T) {
	sv := newServices(t)
	ss, info := demoAs(t, sv, "Aisha")
	defer ss.release()
	prep, err := ss.Prepare()
	if err != nil {
		t.Fatal(err)
	}
	if prep.Documents != info.Documents || prep.Turns == 0 || prep.Blind || len(prep.Coders) != 2 || len(prep.Attributes) == 0 {
		t.Errorf("Prepare = %+v", prep)
	}
	const q = `"link worker"`
	r, err := ss.Search(q, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) < 3 || len(r.Documents) < 2 {
		t.Fatalf("%s: %d hits in %d documents, want several", q, len(r.Hits), len(r.Documents))
	}
	for _, h := range r.Hits[:3] {
		if !strings.EqualFold(h.Match, "link worker") && !strings.EqualFold(h.Match, "link workers") {
			t.Errorf("hit %q", h.Match)
		}
	}

	codes, _ := sv.coding.Codes()
	var code CodeDTO
	for _, c := range codes {
		if c.Codable && c.Name == "Social contribution" {
			code = c
		}
	}
	count := func() int {
		n := 0
		for _, d := range r.Documents {
			segs, _ := sv.coding.Segments(d.ID)
			for _, s := range segs {
				if s.Code == code.ID {
					n++
				}
			}
		}
		return n
	}
	before := count()
	done, err := ss.CodeHits(q, code.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	notExcluded := 0
	for _, h := range r.Hits {
		if !h.Excluded {
			notExcluded++
		}
	}
	if done.Coded+done.Already != notExcluded || done.Coded == 0 || count() != before+done.Coded {
		t.Fatalf("CodeHits = %+v; %d hits not excluded; segments %d → %d", done, notExcluded, before, count())
	}
	if !done.History.CanUndo || !strings.HasPrefix(done.Done, "Coded ") && strings.Contains(done.History.Undo, "search hits for “\"link worker\"” as Social contribution") {
		t.Errorf("history %+v", done.History)
	}
	u, err := sv.coding.Undo()
	if err != nil || len(u.Documents) != len(done.Documents) || count() != before {
		t.Fatalf("undo: %+v, %v; %d segments, want %d", u, err, count(), before)
	}
	if _, err := sv.coding.Redo(); err != nil || count() != before+done.Coded {
		t.Fatalf("redo: %v; %d segments", err, count())
	}
	if _, err := sv.coding.Undo(); err != nil || count() != before {
		t.Fatalf("undo after redo (new ids): %v; %d segments", err, count())
	}

	// The search sees the coding: the index follows it.
	if _, err := ss.CodeHits(q, code.ID, true); err != nil {
		t.Fatal(err)
	}
	coded, err := ss.Search(`code:"Social contribution"`, 0)
	if err != nil || coded.Turns < len(done.Documents) {
		t.Errorf("code:… after coding whole turns: %+v, %v", coded, err)
	}
}

func TestSearchRespectsBlindModeAndTheCodingRules(t *testing.T) {
	sv := newServices(t)
	ss, _ := demoAs(t, sv, "Aisha")
	if _, err := sv.projects.SetBlindMode(true); err != nil {
		t.Fatal(err)
	}
	var info *ProjectInfo
	for _, c := range sv.projects.s.mustInfo(t).Coders {
		if c.Name == "Ben" {
			info, _ = sv.projects.SelectCoder(c.ID)
		}
	}
	if info == nil || !info.BlindMode || info.Current.Name != "Ben" {
		t.Fatal("blind mode is off")
	}
	defer ss.release()
	_, err := ss.Search(`code:Autonomy@Aisha`, 0)
	if ue := decodeUIError(t, err); ue.Code != "invalid" || !strings.Contains(ue.Message, "blind mode") {
		t.Errorf("searching another coder's layer in blind mode: %+v", ue)
	}
	_, err = ss.Search(`"link worker`, 0)
	if ue := decodeUIError(t, err); ue.Kind != "invalid" || ue.Code != "invalid" || !strings.Contains(ue.Message, "not closed") {
		t.Errorf("bad syntax: %+v", ue)
	}
	var syn *search.SyntaxError
	if errors.Is(err, store.ErrInvalid) || !errors.As(err, &syn) {
		t.Errorf("bad syntax = %v: want the search's SyntaxError, not the store's ErrInvalid", err)
	}
	codes, _ := sv.coding.Codes()
	var group CodeDTO
	for _, c := range codes {
		if !c.Codable {
			group = c
			break
		}
	}
	_, err = ss.CodeHits("walk", group.ID, false)
	if ue := decodeUIError(t, err); ue.Code != "invalid" || !strings.Contains(ue.Message, "not codable") {
		t.Errorf("coding with a group: %+v", ue)
	}
	_, err = ss.CodeHits("nosuchwordanywhere", codes[1].ID, true)
	if ue := decodeUIError(t, err); ue.Code != "invalid" || !strings.Contains(ue.Message, "no hits") {
		t.Errorf("coding no hits: %+v", ue)
	}
	if r, err := ss.Search(`code:Autonomy`, 0); err != nil || r.Turns != 0 && !strings.Contains(r.Query, "code:") {
		t.Errorf("own coding: %+v, %v", r, err)
	}
}

// Blind mode binds the lead too: her search cannot reach Ben's coding.
func TestSearchInBlindModeHidesOthersCodingFromTheLead(t *testing.T) {
	sv := newServices(t)
	ss, _ := demoAs(t, sv, "Aisha")
	defer ss.release()
	if _, err := sv.projects.SetBlindMode(true); err != nil {
		t.Fatal(err)
	}
	_, err := ss.Search(`code:Autonomy@Ben`, 0)
	if ue := decodeUIError(t, err); ue.Code != "invalid" || !strings.Contains(ue.Message, "blind mode") {
		t.Errorf("the lead searching Ben's layer in blind mode: %+v", ue)
	}
	if _, err := ss.Search(`code:Autonomy@Aisha`, 0); err != nil {
		t.Errorf("the lead searching her own layer: %v", err)
	}
}

func (s *Session) mustInfo(t *testing.T) *ProjectInfo {
	s.mu.Lock()
	defer s.mu.Unlock()
	info, err := s.infoLocked()
	if err != nil {
		t.Fatal(err)
	}
	return info
}

func TestClosingTheProjectLetsGoOfTheSearchIndex(t *testing.T) {
	sv := newServices(t)
	ss, info := demoAs(t, sv, "Aisha")
	if _, err := ss.Prepare(); err != nil {
		t.Fatal(err)
	}
	dir := project.SearchDirs(info.Path)[0]
	if _, err := search.Open(dir); !errors.Is(err, search.ErrBusy) {
		t.Fatalf("while the project is open, opening its index again = %v, want ErrBusy", err)
	}
	if err := sv.projects.Close(); err != nil {
		t.Fatal(err)
	}
	// The index is let go of in the background; wait for it.
	for deadline := time.Now().Add(10 * time.Second); ; {
		ix, err := search.Open(dir)
		if err == nil {
			ix.Close()
			return
		}
		if !errors.Is(err, search.ErrBusy) || time.Now().After(deadline) {
			t.Fatalf("after closing the project, opening its index = %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
