package app

import (
	"fmt"
	"strings"

	"themis/store"
)

// codingAction is one undoable step of the current coder: a segment added
// or removed, or — a batch — many segments added or removed at once (every
// hit of a search coded), which undo and redo treat as one step in one
// transaction. Undoing performs the inverse as an ordinary, journalled
// change, so the journal keeps the whole story and coders never touch each
// other's layers.
type codingAction struct {
	added bool
	seg   store.Segment
	batch []store.Segment // a batch step's segments; seg is then its first
	label string          // a batch step's description, e.g. "coding 12 search hits as Positive affect"
}

// documents are the documents the step touches, in order, each once.
func (a codingAction) documents() []int64 {
	if a.batch == nil {
		return []int64{a.seg.Document}
	}
	var out []int64
	seen := map[int64]bool{}
	for _, s := range a.batch {
		if !seen[s.Document] {
			seen[s.Document] = true
			out = append(out, s.Document)
		}
	}
	return out
}

// history is the session's undo and redo stacks. It belongs to one coder in
// one project and is cleared when either changes.
type history struct {
	undo, redo []codingAction
}

func (h *history) record(a codingAction) {
	h.undo = append(h.undo, a)
	h.redo = nil
}

func (h *history) clear() { h.undo, h.redo = nil, nil }

// renumber points older steps at a segment that was re-created under a new
// id, so undoing its original creation removes the segment that exists now.
func (h *history) renumber(old, now int64) {
	for _, stack := range [][]codingAction{h.undo, h.redo} {
		for i := range stack {
			if stack[i].seg.ID == old {
				stack[i].seg.ID = now
			}
			for j := range stack[i].batch {
				if stack[i].batch[j].ID == old {
					stack[i].batch[j].ID = now
				}
			}
		}
	}
}

// HistoryDTO tells the UI what Undo and Redo would do.
type HistoryDTO struct {
	CanUndo bool   `json:"canUndo"`
	CanRedo bool   `json:"canRedo"`
	Undo    string `json:"undo"` // e.g. "coding “poster” as Positive affect"
	Redo    string `json:"redo"`
}

// UndoResult says what an undo or redo changed, so the UI can refresh the
// document it touched.
type UndoResult struct {
	Document  int64      `json:"document"`  // the (first) document it touched
	Documents []int64    `json:"documents"` // every document it touched
	Done      string     `json:"done"`      // e.g. "Undid coding “poster” as Positive affect"
	History   HistoryDTO `json:"history"`
}

func describe(p *store.Project, a codingAction) string {
	if a.batch != nil {
		if a.added {
			return a.label
		}
		return "removing " + strings.TrimPrefix(a.label, "coding ")
	}
	code := fmt.Sprintf("code %d", a.seg.Code)
	if codes, err := p.Codes(); err == nil {
		for _, c := range codes {
			if c.ID == a.seg.Code {
				code = c.Name
			}
		}
	}
	text := ""
	if d, err := p.Document(a.seg.Document); err == nil {
		r := []rune(d.Text)
		if a.seg.End <= len(r) {
			text = string(r[a.seg.Start:a.seg.End])
		}
	}
	if n := []rune(text); len(n) > 40 {
		text = string(n[:37]) + "…"
	}
	if a.added {
		return fmt.Sprintf("coding “%s” as %s", text, code)
	}
	return fmt.Sprintf("removing %s from “%s”", code, text)
}

func (s *Session) historyLocked() HistoryDTO {
	var h HistoryDTO
	if s.project == nil {
		return h
	}
	if n := len(s.history.undo); n > 0 {
		h.CanUndo, h.Undo = true, describe(s.project, s.history.undo[n-1])
	}
	if n := len(s.history.redo); n > 0 {
		h.CanRedo, h.Redo = true, describe(s.project, s.history.redo[n-1])
	}
	return h
}

// apply performs a (or its inverse) and returns the action as it now stands:
// re-adding a removed segment gives it a new id, which a later step must use.
func apply(p *store.Project, a codingAction, inverse bool, actor int64) (codingAction, error) {
	add := a.added != inverse
	if a.batch != nil {
		return applyBatch(p, a, add, actor)
	}
	if add {
		seg, err := p.AddSegment(store.NewSegment{Document: a.seg.Document, Code: a.seg.Code, Coder: a.seg.Coder, Start: a.seg.Start, End: a.seg.End}, actor)
		a.seg = seg
		return a, err
	}
	_, err := p.RemoveSegment(a.seg.ID, actor)
	return a, err
}

// step moves one action from one stack to the other, doing or undoing it.
func (s *Session) step(undo bool) (*UndoResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.project == nil {
		return nil, errNoProject
	}
	from, to := &s.history.undo, &s.history.redo
	verb := "Undid"
	if !undo {
		from, to = to, from
		verb = "Redid"
	}
	if len(*from) == 0 {
		return &UndoResult{Documents: []int64{}, History: s.historyLocked()}, nil
	}
	a := (*from)[len(*from)-1]
	what := describe(s.project, a)
	done, err := apply(s.project, a, undo, s.coder)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", verb, what, err)
	}
	*from = (*from)[:len(*from)-1]
	*to = append(*to, done)
	if done.batch != nil {
		for i := range a.batch {
			if done.batch[i].ID != a.batch[i].ID {
				s.history.renumber(a.batch[i].ID, done.batch[i].ID)
			}
		}
	} else if done.seg.ID != a.seg.ID {
		s.history.renumber(a.seg.ID, done.seg.ID)
	}
	return &UndoResult{Document: a.seg.Document, Documents: a.documents(), Done: verb + " " + what, History: s.historyLocked()}, nil
}

// applyBatch adds or removes a batch step's segments in one transaction;
// re-added segments get new ids, which the returned action carries.
func applyBatch(p *store.Project, a codingAction, add bool, actor int64) (codingAction, error) {
	if add {
		news := make([]store.NewSegment, len(a.batch))
		for i, s := range a.batch {
			news[i] = store.NewSegment{Document: s.Document, Code: s.Code, Coder: s.Coder, Start: s.Start, End: s.End}
		}
		segs, _, err := p.AddSegments(news, actor)
		if err != nil {
			return a, err
		}
		a.batch = segs
		a.seg = segs[0]
		return a, nil
	}
	ids := make([]int64, len(a.batch))
	for i, s := range a.batch {
		ids[i] = s.ID
	}
	_, err := p.RemoveSegments(ids, actor)
	return a, err
}
