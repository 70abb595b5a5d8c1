package project

import (
	"fmt"
	"strings"

	"themis/store"
)

// History is the coding undo and redo of one coder in one open project: the
// segments they added or removed, one step each, or many at once (every hit
// of a search coded), which undo and redo treat as one step in one
// transaction. Undoing performs the inverse as an ordinary, journalled
// change, so the journal keeps the whole story and coders never touch each
// other's layers. A step keeps the memos its latest removal took (anyone's
// memos on the coder's segment), so undoing the removal brings them back.
//
// The steps are keyed by the project file, the coder and the journal: each
// method first looks at what the journal recorded since it last looked, and
// forgets every step when another coder is asking or when a change may have
// moved or removed the segments the steps name (see invalidates). Nobody
// clears it by hand. The zero History is empty and ready; it is not safe for
// concurrent use (the app holds its session's lock).
type History struct {
	path       string
	coder      int64
	seen       int64 // the latest journal entry the steps are known to hold against
	undo, redo []step
}

// step is one undoable coding action.
type step struct {
	added bool
	seg   store.Segment
	batch []store.Segment // a batch step's segments; seg is then its first
	label string          // a batch step's description, e.g. "coding 12 search hits as Positive affect"
	from  *store.Segment  // a resize: the extent seg had before it; doing the step again puts it back there
	stars *store.StarMove // a resize: what it did to the star on the old span, which resizing back undoes exactly
	memos [][]store.Memo  // the memos the step's latest removal took, per segment (seg, or batch in order), which adding them back restores
}

// HistoryState says what Undo and Redo would do.
type HistoryState struct {
	CanUndo, CanRedo bool
	Undo, Redo       string // e.g. "coding “poster” as Positive affect"
}

// StepResult says what an undo or redo did; Done is "" when there was
// nothing to do.
type StepResult struct {
	Documents []int64 // every document it touched, the first first
	Done      string  // e.g. "Undid coding “poster” as Positive affect"
	State     HistoryState
}

// invalidates lists the journal actions after which the recorded steps may
// name segments that were recoded or deleted (a merge, a split, a code
// deleted, a codebook change undone or redone) or offsets that moved (a
// replacement of identifiers), so undoing one would land on other words.
// Undoing a merge of a coder's copy takes segments away (and a merge's
// collapsed duplicates may be ones a step names), so it forgets the steps.
var invalidates = map[string]bool{
	"codebook.merge": true, "codebook.split": true, "codebook.delete": true,
	"codebook.undo": true, "codebook.redo": true, "documents.replace": true,
	"project.merge.undo": true,
}

// sync forgets the steps when they no longer hold for coder in p.
func (h *History) sync(p *store.Project, coder int64) error {
	latest, changed, err := changedSince(p, h.seen, len(h.undo)+len(h.redo) > 0)
	if err != nil {
		return fmt.Errorf("coding history: %w", err)
	}
	if changed || h.path != p.Path() || h.coder != coder {
		h.undo, h.redo = nil, nil
		h.path, h.coder = p.Path(), coder
	}
	h.seen = latest
	return nil
}

// changedSince returns the latest journal entry and, when look is true,
// whether an entry after seen invalidates recorded steps. The journal is
// read newest first, a little more each round, so that a session's usual
// few new entries cost one short query.
func changedSince(p *store.Project, seen int64, look bool) (latest int64, changed bool, err error) {
	n := 1
	if look {
		n = 32
	}
	for {
		entries, err := p.Journal(n)
		if err != nil || len(entries) == 0 {
			return 0, false, err
		}
		latest = entries[0].ID
		if !look {
			return latest, false, nil
		}
		for _, e := range entries {
			if e.ID <= seen {
				return latest, false, nil
			}
			if invalidates[e.Action] {
				return latest, true, nil
			}
		}
		if len(entries) < n {
			return latest, false, nil
		}
		n *= 4
	}
}

func (h *History) record(s step) {
	h.undo = append(h.undo, s)
	h.redo = nil
}

// Code codes [start, end) of a document with a code as the viewer and
// records the step; coding a span the viewer already coded is no new step.
func (h *History) Code(p *store.Project, v Viewer, document, code int64, start, end int) (store.Segment, error) {
	if err := v.mayCode(); err != nil {
		return store.Segment{}, err
	}
	if err := h.sync(p, v.Coder.ID); err != nil {
		return store.Segment{}, err
	}
	existing, err := p.Segments(store.SegmentFilter{Document: document, Code: code, Coder: v.Coder.ID})
	if err != nil {
		return store.Segment{}, err
	}
	seg, err := p.AddSegment(store.NewSegment{Document: document, Code: code, Coder: v.Coder.ID, Start: start, End: end}, v.Coder.ID)
	if err != nil {
		return store.Segment{}, err
	}
	for _, s := range existing {
		if s.ID == seg.ID {
			return seg, nil
		}
	}
	h.record(step{added: true, seg: seg})
	return seg, nil
}

// Uncode removes one of the viewer's segments and records the step.
func (h *History) Uncode(p *store.Project, v Viewer, segment int64) (store.Segment, error) {
	if err := h.sync(p, v.Coder.ID); err != nil {
		return store.Segment{}, err
	}
	r, err := p.RemoveSegment(segment, v.Coder.ID)
	if err != nil {
		return store.Segment{}, err
	}
	h.record(step{added: false, seg: r.Segment, memos: [][]store.Memo{r.Memos}})
	return r.Segment, nil
}

// Resize moves the ends of one of the viewer's segments and records the
// step; undoing it puts the ends back.
func (h *History) Resize(p *store.Project, v Viewer, segment int64, start, end int) (store.Segment, error) {
	if err := v.mayCode(); err != nil {
		return store.Segment{}, err
	}
	if err := h.sync(p, v.Coder.ID); err != nil {
		return store.Segment{}, err
	}
	old, now, stars, err := p.ResizeSegmentStar(segment, start, end, v.Coder.ID, nil)
	if err != nil {
		return store.Segment{}, err
	}
	// The resized segment is a new row: earlier steps that name it (its
	// coding, an earlier resize) must name the row it is now, or undoing
	// them after this one is undone finds nothing.
	if now.ID != old.ID {
		h.renumber(old.ID, now.ID)
	}
	h.record(step{seg: now, from: &old, stars: stars})
	return now, nil
}

// CodeAll adds many segments as the viewer in one transaction and records
// those it created as one step, described by label(how many were created).
// created[i] says whether news[i] was new (see store.AddSegments).
func (h *History) CodeAll(p *store.Project, v Viewer, news []store.NewSegment, label func(created int) string) (segs []store.Segment, created []bool, err error) {
	if err := v.mayCode(); err != nil {
		return nil, nil, err
	}
	if err := h.sync(p, v.Coder.ID); err != nil {
		return nil, nil, err
	}
	for i := range news {
		news[i].Coder = v.Coder.ID
	}
	segs, created, err = p.AddSegments(news, v.Coder.ID)
	if err != nil {
		return nil, nil, err
	}
	var batch []store.Segment
	for i, seg := range segs {
		if created[i] {
			batch = append(batch, seg)
		}
	}
	if len(batch) > 0 {
		h.record(step{added: true, seg: batch[0], batch: batch, label: label(len(batch))})
	}
	return segs, created, nil
}

// State says what Undo and Redo would do now for the viewer.
func (h *History) State(p *store.Project, v Viewer) (HistoryState, error) {
	if err := h.sync(p, v.Coder.ID); err != nil {
		return HistoryState{}, err
	}
	return h.state(p), nil
}

func (h *History) state(p *store.Project) HistoryState {
	var st HistoryState
	if n := len(h.undo); n > 0 {
		st.CanUndo, st.Undo = true, describe(p, h.undo[n-1])
	}
	if n := len(h.redo); n > 0 {
		st.CanRedo, st.Redo = true, describe(p, h.redo[n-1])
	}
	return st
}

// Undo reverses the viewer's latest coding step.
func (h *History) Undo(p *store.Project, v Viewer) (StepResult, error) { return h.move(p, v, true) }

// Redo repeats the latest undone step.
func (h *History) Redo(p *store.Project, v Viewer) (StepResult, error) { return h.move(p, v, false) }

// move moves one step from one stack to the other, doing or undoing it.
func (h *History) move(p *store.Project, v Viewer, undo bool) (StepResult, error) {
	if err := h.sync(p, v.Coder.ID); err != nil {
		return StepResult{}, err
	}
	from, to := &h.undo, &h.redo
	verb := "Undid"
	if !undo {
		from, to = to, from
		verb = "Redid"
	}
	if len(*from) == 0 {
		return StepResult{Documents: []int64{}, State: h.state(p)}, nil
	}
	s := (*from)[len(*from)-1]
	what := describe(p, s)
	done, err := apply(p, s, undo, v.Coder.ID)
	if err != nil {
		return StepResult{}, fmt.Errorf("%s %s: %w", verb, what, err)
	}
	*from = (*from)[:len(*from)-1]
	*to = append(*to, done)
	if done.batch != nil {
		for i := range s.batch {
			if done.batch[i].ID != s.batch[i].ID {
				h.renumber(s.batch[i].ID, done.batch[i].ID)
			}
		}
	} else if done.seg.ID != s.seg.ID {
		h.renumber(s.seg.ID, done.seg.ID)
	}
	return StepResult{Documents: s.documents(), Done: verb + " " + what, State: h.state(p)}, nil
}

// renumber points older steps at a segment that was re-created under a new
// id, so undoing its original creation removes the segment that exists now.
func (h *History) renumber(old, now int64) {
	for _, stack := range [][]step{h.undo, h.redo} {
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

// documents are the documents the step touches, in order, each once.
func (s step) documents() []int64 {
	if s.batch == nil {
		return []int64{s.seg.Document}
	}
	out := []int64{}
	seen := map[int64]bool{}
	for _, seg := range s.batch {
		if !seen[seg.Document] {
			seen[seg.Document] = true
			out = append(out, seg.Document)
		}
	}
	return out
}

// apply performs s (or its inverse) and returns the step as it now stands:
// re-adding a removed segment brings back its memos under its own id, or
// under a new one, which a later step must use, when that id is taken.
func apply(p *store.Project, s step, inverse bool, actor int64) (step, error) {
	if s.from != nil {
		// undoing a resize is resizing back, and so is redoing it; the
		// star goes back as it was, cuts the move dropped included
		old, now, stars, err := p.ResizeSegmentStar(s.seg.ID, s.from.Start, s.from.End, actor, s.stars)
		if err != nil {
			return s, err
		}
		return step{seg: now, from: &old, label: s.label, stars: stars}, nil
	}
	add := s.added != inverse
	if s.batch != nil {
		return applyBatch(p, s, add, actor)
	}
	if add {
		r := store.Removed{Segment: s.seg}
		if len(s.memos) > 0 {
			r.Memos = s.memos[0]
		}
		seg, err := p.RestoreSegment(r, actor)
		s.seg = seg
		return s, err
	}
	r, err := p.RemoveSegment(s.seg.ID, actor)
	s.memos = [][]store.Memo{r.Memos}
	return s, err
}

// applyBatch adds or removes a batch step's segments, with their memos, in
// one transaction; a re-added segment whose id is taken gets a new one,
// which the returned step carries.
func applyBatch(p *store.Project, s step, add bool, actor int64) (step, error) {
	if add {
		rs := make([]store.Removed, len(s.batch))
		for i, seg := range s.batch {
			rs[i] = store.Removed{Segment: seg}
			if i < len(s.memos) {
				rs[i].Memos = s.memos[i]
			}
		}
		segs, err := p.RestoreSegments(rs, actor)
		if err != nil {
			return s, err
		}
		s.batch = segs
		s.seg = segs[0]
		return s, nil
	}
	ids := make([]int64, len(s.batch))
	for i, seg := range s.batch {
		ids[i] = seg.ID
	}
	removed, err := p.RemoveSegments(ids, actor)
	if err != nil {
		return s, err
	}
	s.memos = make([][]store.Memo, len(removed))
	for i, r := range removed {
		s.memos[i] = r.Memos
	}
	return s, nil
}

// describe says what a step does, e.g. coding “poster” as Positive affect.
// A code or document that cannot be read is named by its id or left out:
// the description is a label, and the step itself still holds.
func describe(p *store.Project, s step) string {
	if s.batch != nil {
		if s.added {
			return s.label
		}
		return "removing " + strings.TrimPrefix(s.label, "coding ")
	}
	code := fmt.Sprintf("code %d", s.seg.Code)
	if c, err := p.Code(s.seg.Code); err == nil {
		code = c.Name
	}
	text := ""
	if d, err := p.Document(s.seg.Document); err == nil {
		r := []rune(d.Text)
		if s.seg.End <= len(r) {
			text = string(r[s.seg.Start:s.seg.End])
		}
	}
	if n := []rune(text); len(n) > 40 {
		text = string(n[:37]) + "…"
	}
	if s.from != nil {
		return fmt.Sprintf("resizing %s to “%s”", code, text)
	}
	if s.added {
		return fmt.Sprintf("coding “%s” as %s", text, code)
	}
	return fmt.Sprintf("removing %s from “%s”", code, text)
}
