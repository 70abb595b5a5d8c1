package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"themis/errs"
)

// A codebook change records the rows it touched as they were before and
// after. Undo writes the "before" rows back, redo the "after" rows, each only
// when the rows still stand as the change left them, so an undo never
// silently overwrites later work. Keeping rows rather than operations means
// one restore serves every kind of change: add, edit, move, merge, split,
// delete and in-vivo coding.

// segmentRow is a segment as a codebook change saves it.
type segmentRow struct {
	ID           int64  `json:"id"`
	Document     int64  `json:"document"`
	Code         int64  `json:"code"`
	Coder        int64  `json:"coder"`
	Start        int    `json:"start"`
	End          int    `json:"end"`
	CreatedAt    string `json:"created_at"`
	Adjudication int64  `json:"adjudication,omitempty"`
}

// frameworkRow is the part of a framework a change can touch.
type frameworkRow struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// rowState is the state of the touched rows at one moment. A touched id with
// no row means the row did not exist.
type rowState struct {
	CodeIDs    []int64              `json:"code_ids"`
	Codes      map[int64]Code       `json:"codes"`
	SegmentIDs []int64              `json:"segment_ids"`
	Segments   map[int64]segmentRow `json:"segments"`
	Framework  *frameworkRow        `json:"framework,omitempty"`
	// Exemplars starred on the touched codes; absent from changes recorded
	// before exemplars existed.
	ExemplarIDs []int64               `json:"exemplar_ids,omitempty"`
	Exemplars   map[int64]exemplarRow `json:"exemplars,omitempty"`
	// Memos on the touched codes and segments; absent from changes
	// recorded before memos existed.
	MemoIDs []int64           `json:"memo_ids,omitempty"`
	Memos   map[int64]memoRow `json:"memos,omitempty"`
}

// recorder collects what a change touches, reading each row's "before" the
// first time it is touched; rows created by the change are touched after
// they are made, with created so their "before" is their absence.
type recorder struct {
	tx        *sql.Tx
	framework int64
	before    rowState
	seenCode  map[int64]bool
	seenSeg   map[int64]bool
	seenEx    map[int64]bool
	seenMemo  map[int64]bool
	fwTouched bool
}

func newRecorder(tx *sql.Tx, framework int64) *recorder {
	return &recorder{tx: tx, framework: framework,
		before:   rowState{Codes: map[int64]Code{}, Segments: map[int64]segmentRow{}, Exemplars: map[int64]exemplarRow{}, Memos: map[int64]memoRow{}},
		seenCode: map[int64]bool{}, seenSeg: map[int64]bool{}, seenEx: map[int64]bool{}, seenMemo: map[int64]bool{}}
}

func (r *recorder) code(id int64, created bool) error {
	if r.seenCode[id] {
		return nil
	}
	r.seenCode[id] = true
	r.before.CodeIDs = append(r.before.CodeIDs, id)
	if created {
		return nil
	}
	c, err := codeOf(r.tx, id)
	if err != nil {
		return err
	}
	r.before.Codes[id] = c
	return nil
}

func (r *recorder) segment(id int64, created bool) error {
	if r.seenSeg[id] {
		return nil
	}
	r.seenSeg[id] = true
	r.before.SegmentIDs = append(r.before.SegmentIDs, id)
	if created {
		return nil
	}
	s, ok, err := segmentRowOf(r.tx, id)
	if err != nil {
		return err
	}
	if ok {
		r.before.Segments[id] = s
	}
	return nil
}

func (r *recorder) exemplar(id int64) error {
	if r.seenEx[id] {
		return nil
	}
	r.seenEx[id] = true
	r.before.ExemplarIDs = append(r.before.ExemplarIDs, id)
	e, ok, err := exemplarRowOf(r.tx, id)
	if err != nil {
		return err
	}
	if ok {
		r.before.Exemplars[id] = e
	}
	return nil
}

func (r *recorder) frameworkRow() error {
	if r.fwTouched {
		return nil
	}
	r.fwTouched = true
	var f frameworkRow
	err := r.tx.QueryRow(`SELECT name, description FROM frameworks WHERE id = ?`, r.framework).Scan(&f.Name, &f.Description)
	r.before.Framework = &f
	return err
}

// now reads the touched rows as they stand.
func (r *recorder) now() (rowState, error) {
	st, err := readState(r.tx, r.framework, r.before.CodeIDs, r.before.SegmentIDs, r.fwTouched)
	if err != nil {
		return st, err
	}
	if st.ExemplarIDs, st.Exemplars, err = readExemplars(r.tx, r.before.ExemplarIDs); err != nil {
		return st, err
	}
	st.MemoIDs = r.before.MemoIDs
	st.Memos, err = readMemos(r.tx, r.before.MemoIDs)
	return st, err
}

func readExemplars(tx *sql.Tx, ids []int64) ([]int64, map[int64]exemplarRow, error) {
	out := map[int64]exemplarRow{}
	for _, id := range ids {
		e, ok, err := exemplarRowOf(tx, id)
		if err != nil {
			return ids, out, err
		}
		if ok {
			out[id] = e
		}
	}
	return ids, out, nil
}

func readState(tx *sql.Tx, framework int64, codeIDs, segIDs []int64, withFramework bool) (rowState, error) {
	st := rowState{CodeIDs: codeIDs, SegmentIDs: segIDs, Codes: map[int64]Code{}, Segments: map[int64]segmentRow{}}
	for _, id := range codeIDs {
		c, err := codeOf(tx, id)
		if errors.Is(err, ErrNotFound) {
			continue
		} else if err != nil {
			return st, err
		}
		st.Codes[id] = c
	}
	for _, id := range segIDs {
		s, ok, err := segmentRowOf(tx, id)
		if err != nil {
			return st, err
		}
		if ok {
			st.Segments[id] = s
		}
	}
	if withFramework {
		var f frameworkRow
		if err := tx.QueryRow(`SELECT name, description FROM frameworks WHERE id = ?`, framework).Scan(&f.Name, &f.Description); err != nil {
			return st, err
		}
		st.Framework = &f
	}
	return st, nil
}

func segmentRowOf(q querier, id int64) (segmentRow, bool, error) {
	s := segmentRow{ID: id}
	err := q.QueryRow(`SELECT document_id, code_id, coder_id, start, stop, created_at, COALESCE(adjudication_id, 0) FROM segments WHERE id = ?`, id).
		Scan(&s.Document, &s.Code, &s.Coder, &s.Start, &s.End, &s.CreatedAt, &s.Adjudication)
	if errors.Is(err, sql.ErrNoRows) {
		return s, false, nil
	}
	return s, err == nil, err
}

// CodebookChange is one entry of a framework's history.
type CodebookChange struct {
	ID       int64
	Revision int
	At       string
	Coder    int64 // 0 when nobody was named (the CLI)
	Action   string
	Summary  string
	Target   int64 // for undo and redo: the change reversed or repeated
	Undone   bool  // reversed by an undo and not redone
}

// CodebookTag names a revision of a framework.
type CodebookTag struct {
	Name     string
	Note     string
	Revision int
	At       string
	Coder    int64
}

// undoable actions are the ones with rows to restore; "create" is the
// framework's starting point, undo/redo are bookkeeping, and "import"
// (codes a merge of a coder's copy added, or an undo of that merge) is
// taken back with the whole merge, by UndoMerge.
func undoable(action string) bool {
	return action != "create" && action != "undo" && action != "redo" && action != "import"
}

// codebookChange runs edit in one transaction, records the rows it touched
// before and after as the framework's next revision, and journals it.
// edit returns the action and a sentence for the history.
func (p *Project) codebookChange(framework, actor int64, edit func(r *recorder) (action, summary string, err error)) (CodebookChange, error) {
	var ch CodebookChange
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		if _, err := frameworkOf(tx, framework, p); err != nil {
			return err
		}
		r := newRecorder(tx, framework)
		action, summary, err := edit(r)
		if err != nil {
			return err
		}
		after, err := r.now()
		if err != nil {
			return err
		}
		if err := reserveIDs(tx, r.before.CodeIDs, r.before.SegmentIDs); err != nil {
			return err
		}
		ch, err = p.recordChange(tx, framework, actor, action, summary, 0, &r.before, &after)
		return err
	})
	return ch, err
}

func (p *Project) recordChange(tx *sql.Tx, framework, actor int64, action, summary string, target int64, before, after *rowState) (CodebookChange, error) {
	now := p.stamp()
	ch := CodebookChange{At: now, Coder: actor, Action: action, Summary: summary, Target: target}
	if err := tx.QueryRow(`SELECT COALESCE(MAX(revision), -1) + 1 FROM codebook_changes WHERE framework_id = ?`, framework).Scan(&ch.Revision); err != nil {
		return ch, err
	}
	var b, a []byte
	var err error
	if before != nil {
		if b, err = json.Marshal(before); err != nil {
			return ch, err
		}
		if a, err = json.Marshal(after); err != nil {
			return ch, err
		}
	}
	var coder, tgt any
	if actor != 0 {
		coder = actor
	}
	if target != 0 {
		tgt = target
	}
	res, err := tx.Exec(`INSERT INTO codebook_changes(framework_id, revision, at, coder_id, action, summary, target, before, after)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)`, framework, ch.Revision, now, coder, action, summary, tgt, string(b), string(a))
	if err != nil {
		return ch, err
	}
	ch.ID, _ = res.LastInsertId()
	return ch, journal(tx, now, actor, "codebook."+action, map[string]any{"framework": framework, "revision": ch.Revision, "summary": summary})
}

// CodebookHistory lists a framework's changes, oldest first, each marked
// undone when an undo reversed it and no redo repeated it.
func (p *Project) CodebookHistory(framework int64) ([]CodebookChange, error) {
	framework, err := p.resolveFramework(framework)
	if err != nil {
		return nil, err
	}
	changes, err := changesOf(p.db, framework)
	if err != nil {
		return nil, err
	}
	_, _, undone := stacks(changes)
	for i := range changes {
		changes[i].Undone = undone[changes[i].ID]
	}
	return changes, nil
}

func changesOf(q rowsQuerier, framework int64) ([]CodebookChange, error) {
	rows, err := q.Query(`SELECT id, revision, at, COALESCE(coder_id, 0), action, summary, COALESCE(target, 0)
		FROM codebook_changes WHERE framework_id = ? ORDER BY revision`, framework)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CodebookChange
	for rows.Next() {
		var c CodebookChange
		if err := rows.Scan(&c.ID, &c.Revision, &c.At, &c.Coder, &c.Action, &c.Summary, &c.Target); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// stacks replays the history: what undo and redo would take next, and which
// changes stand undone. A new change empties the redo stack, as in an editor.
func stacks(changes []CodebookChange) (undo, redo []CodebookChange, undone map[int64]bool) {
	undone = map[int64]bool{}
	byID := map[int64]CodebookChange{}
	for _, c := range changes {
		byID[c.ID] = c
		switch {
		case c.Action == "undo" && len(undo) > 0:
			top := undo[len(undo)-1]
			undo = undo[:len(undo)-1]
			redo = append(redo, top)
			undone[top.ID] = true
		case c.Action == "redo" && len(redo) > 0:
			top := redo[len(redo)-1]
			redo = redo[:len(redo)-1]
			undo = append(undo, top)
			undone[top.ID] = false
		case undoable(c.Action):
			undo = append(undo, c)
			redo = nil
		}
	}
	return undo, redo, undone
}

// NextUndo and NextRedo say which change Undo and Redo would reverse or
// repeat; ok is false when there is none.
func (p *Project) NextUndo(framework int64) (c CodebookChange, ok bool, err error) {
	return p.next(framework, true)
}

func (p *Project) NextRedo(framework int64) (c CodebookChange, ok bool, err error) {
	return p.next(framework, false)
}

func (p *Project) next(framework int64, undo bool) (CodebookChange, bool, error) {
	framework, err := p.resolveFramework(framework)
	if err != nil {
		return CodebookChange{}, false, err
	}
	changes, err := changesOf(p.db, framework)
	if err != nil {
		return CodebookChange{}, false, err
	}
	u, r, _ := stacks(changes)
	s := r
	if undo {
		s = u
	}
	if len(s) == 0 {
		return CodebookChange{}, false, nil
	}
	return s[len(s)-1], true, nil
}

// ErrNothingToUndo is returned by UndoCodebook and RedoCodebook when the
// history has nothing to reverse or repeat.
var ErrNothingToUndo = errs.New(errs.Conflict, "nothing to undo")

// UndoCodebook reverses the framework's latest standing change and records
// the undo as a change of its own. It refuses, changing nothing, when rows
// the change touched have changed since.
func (p *Project) UndoCodebook(framework, actor int64) (CodebookChange, error) {
	return p.undoRedo(framework, actor, true)
}

// RedoCodebook repeats the change the latest undo reversed.
func (p *Project) RedoCodebook(framework, actor int64) (CodebookChange, error) {
	return p.undoRedo(framework, actor, false)
}

func (p *Project) undoRedo(framework, actor int64, undo bool) (CodebookChange, error) {
	framework, err := p.resolveFramework(framework)
	if err != nil {
		return CodebookChange{}, err
	}
	var done CodebookChange
	err = p.tx(context.Background(), func(tx *sql.Tx) error {
		changes, err := changesOf(tx, framework)
		if err != nil {
			return err
		}
		u, r, _ := stacks(changes)
		s, verb := r, "Redid"
		if undo {
			s, verb = u, "Undid"
		}
		if len(s) == 0 {
			return ErrNothingToUndo
		}
		target := s[len(s)-1]
		var before, after rowState
		if err := loadStates(tx, target.ID, &before, &after); err != nil {
			return err
		}
		want, from := after, before
		if undo {
			want, from = before, after
		}
		if err := restore(tx, framework, from, want, target.Summary); err != nil {
			return err
		}
		if err := reserveIDs(tx, want.CodeIDs, want.SegmentIDs); err != nil {
			return err
		}
		action := "redo"
		if undo {
			action = "undo"
		}
		done, err = p.recordChange(tx, framework, actor, action, verb+": "+target.Summary, target.ID, nil, nil)
		return err
	})
	return done, err
}

func loadStates(tx *sql.Tx, id int64, before, after *rowState) error {
	var b, a string
	if err := tx.QueryRow(`SELECT before, after FROM codebook_changes WHERE id = ?`, id).Scan(&b, &a); err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(b), before); err != nil {
		return fmt.Errorf("change %d: %w", id, err)
	}
	if err := json.Unmarshal([]byte(a), after); err != nil {
		return fmt.Errorf("change %d: %w", id, err)
	}
	return nil
}

// errChangedSince explains why an undo or redo was refused.
func errChangedSince(summary, what string) error {
	return fmt.Errorf("%w: cannot undo or redo “%s”: %s has changed since; undo the later changes first, or edit the codebook by hand",
		ErrInvalid, summary, what)
}

// restore makes the touched rows stand as want, after checking they stand as
// from. Codes go in parents first and out children first; segments are
// removed before the codes they point at and added after.
func restore(tx *sql.Tx, framework int64, from, want rowState, summary string) error {
	cur, err := readState(tx, framework, from.CodeIDs, from.SegmentIDs, from.Framework != nil)
	if err != nil {
		return err
	}
	if _, cur.Exemplars, err = readExemplars(tx, from.ExemplarIDs); err != nil {
		return err
	}
	if cur.Memos, err = readMemos(tx, from.MemoIDs); err != nil {
		return err
	}
	for _, id := range from.MemoIDs {
		m, had := from.Memos[id]
		n, has := cur.Memos[id]
		if had != has || (had && m != n) {
			return errChangedSince(summary, "a memo it touched")
		}
	}
	// Codes and segments the restore removes must carry no memo it does not
	// know of: a memo written since would go with them.
	known := map[int64]bool{}
	for id := range from.Memos {
		known[id] = true
	}
	for _, id := range from.CodeIDs {
		if _, keep := want.Codes[id]; keep {
			continue
		}
		if err := unknownMemos(tx, known, summary, `code_id = ?`, id); err != nil {
			return err
		}
	}
	for _, id := range from.SegmentIDs {
		if _, keep := want.Segments[id]; keep {
			continue
		}
		if err := unknownMemos(tx, known, summary, `segment_id = ?`, id); err != nil {
			return err
		}
	}
	for _, id := range from.MemoIDs {
		if _, keep := want.Memos[id]; !keep {
			if _, err := tx.Exec(`DELETE FROM memos WHERE id = ?`, id); err != nil {
				return err
			}
		}
	}
	for _, id := range from.CodeIDs {
		c, had := from.Codes[id]
		n, has := cur.Codes[id]
		if had != has || (had && !sameCode(c, n)) {
			name := n.Name
			if !has {
				name = c.Name
			}
			return errChangedSince(summary, fmt.Sprintf("the code “%s”", name))
		}
	}
	for _, id := range from.SegmentIDs {
		s, had := from.Segments[id]
		n, has := cur.Segments[id]
		if had != has || (had && s != n) {
			return errChangedSince(summary, "a segment it touched")
		}
	}
	for _, id := range from.ExemplarIDs {
		e, had := from.Exemplars[id]
		n, has := cur.Exemplars[id]
		if had != has || (had && e != n) {
			return errChangedSince(summary, "a starred quote it touched")
		}
	}
	if from.Framework != nil && *from.Framework != *cur.Framework {
		return errChangedSince(summary, "the framework's name")
	}
	// Codes the restore removes must carry nothing it does not know of.
	for _, id := range from.CodeIDs {
		if _, keep := want.Codes[id]; keep {
			continue
		}
		var n int
		if err := tx.QueryRow(`SELECT COUNT(*) FROM segments WHERE code_id = ?`, id).Scan(&n); err != nil {
			return err
		}
		known := 0
		for _, s := range from.Segments {
			if s.Code == id {
				known++
			}
		}
		if n > known {
			return errChangedSince(summary, fmt.Sprintf("the coding with “%s”", from.Codes[id].Name))
		}
		if err := tx.QueryRow(`SELECT COUNT(*) FROM exemplars WHERE code_id = ?`, id).Scan(&n); err != nil {
			return err
		}
		known = 0
		for _, e := range from.Exemplars {
			if e.Code == id {
				known++
			}
		}
		if n > known {
			return errChangedSince(summary, fmt.Sprintf("the starred quotes of “%s”", from.Codes[id].Name))
		}
	}

	for _, id := range from.SegmentIDs {
		if _, keep := want.Segments[id]; !keep {
			if _, err := tx.Exec(`DELETE FROM segments WHERE id = ?`, id); err != nil {
				return err
			}
		}
	}
	for _, id := range from.ExemplarIDs {
		if _, keep := want.Exemplars[id]; !keep {
			if _, err := tx.Exec(`DELETE FROM exemplars WHERE id = ?`, id); err != nil {
				return err
			}
		}
	}
	for _, c := range parentsFirst(want.Codes) {
		if err := putCode(tx, c, from.Codes); err != nil {
			return err
		}
	}
	for _, id := range want.SegmentIDs {
		s, ok := want.Segments[id]
		if !ok {
			continue
		}
		if _, exists := cur.Segments[id]; exists {
			if _, err := tx.Exec(`UPDATE segments SET code_id = ?, document_id = ?, coder_id = ?, start = ?, stop = ? WHERE id = ?`,
				s.Code, s.Document, s.Coder, s.Start, s.End, id); err != nil {
				return err
			}
			continue
		}
		var adj any
		if s.Adjudication != 0 {
			adj = s.Adjudication
		}
		if _, err := tx.Exec(`INSERT INTO segments(id, document_id, code_id, coder_id, start, stop, created_at, adjudication_id)
			VALUES(?, ?, ?, ?, ?, ?, ?, ?)`, id, s.Document, s.Code, s.Coder, s.Start, s.End, s.CreatedAt, adj); err != nil {
			return fmt.Errorf("restore segment %d: %w", id, err)
		}
	}
	for _, id := range want.ExemplarIDs {
		if e, ok := want.Exemplars[id]; ok {
			_, exists := cur.Exemplars[id]
			if err := putExemplar(tx, e, exists); err != nil {
				return err
			}
		}
	}
	for _, id := range want.MemoIDs {
		if m, ok := want.Memos[id]; ok {
			// read again: a memo on a segment removed above went with it
			_, exists, err := memoRowOf(tx, id)
			if err != nil {
				return err
			}
			if err := putMemo(tx, m, exists); err != nil {
				return err
			}
		}
	}
	gone := parentsFirst(from.Codes)
	for i := len(gone) - 1; i >= 0; i-- {
		if _, keep := want.Codes[gone[i].ID]; keep {
			continue
		}
		if _, err := tx.Exec(`DELETE FROM codes WHERE id = ?`, gone[i].ID); err != nil {
			return fmt.Errorf("remove code “%s”: %w", gone[i].Name, err)
		}
	}
	if want.Framework != nil {
		if _, err := tx.Exec(`UPDATE frameworks SET name = ?, description = ? WHERE id = ?`, want.Framework.Name, want.Framework.Description, framework); err != nil {
			return err
		}
	}
	return nil
}

func sameCode(a, b Code) bool {
	if len(a.Examples) == 0 && len(b.Examples) == 0 {
		a.Examples, b.Examples = nil, nil
	}
	return reflect.DeepEqual(a, b)
}

// parentsFirst orders codes so each comes after its parent when both are
// in the set.
func parentsFirst(codes map[int64]Code) []Code {
	list := make([]Code, 0, len(codes))
	for _, c := range codes {
		list = append(list, c)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	depth := map[int64]int{}
	var d func(c Code, seen int) int
	d = func(c Code, seen int) int {
		if v, ok := depth[c.ID]; ok {
			return v
		}
		parent, ok := codes[c.Parent]
		if !ok || seen > len(codes) {
			return 0
		}
		v := d(parent, seen+1) + 1
		depth[c.ID] = v
		return v
	}
	for _, c := range list {
		depth[c.ID] = d(c, 0)
	}
	sort.SliceStable(list, func(i, j int) bool { return depth[list[i].ID] < depth[list[j].ID] })
	return list
}

// putCode writes c, updating the row when it exists and inserting it with
// its own id when it does not.
func putCode(tx *sql.Tx, c Code, existed map[int64]Code) error {
	var parent any
	if c.Parent != 0 {
		parent = c.Parent
	}
	if _, ok := existed[c.ID]; ok {
		_, err := tx.Exec(`UPDATE codes SET parent_id = ?, ref = ?, name = ?, definition = ?, when_to_use = ?, when_not_to_use = ?,
			examples = ?, color = ?, key = ?, codable = ?, scale = ?, guid = ?, position = ? WHERE id = ?`,
			parent, c.Ref, c.Name, c.Definition, c.WhenToUse, c.WhenNotToUse, examplesJSON(c.Examples), c.Color, c.Key,
			c.Codable, nullScale(c.Scale), c.GUID, c.Position, c.ID)
		return err
	}
	_, err := tx.Exec(`INSERT INTO codes(id, framework_id, parent_id, ref, name, definition, when_to_use, when_not_to_use,
		examples, color, key, codable, scale, guid, position) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.ID, c.Framework, parent, c.Ref, c.Name, c.Definition, c.WhenToUse, c.WhenNotToUse, examplesJSON(c.Examples),
		c.Color, c.Key, c.Codable, nullScale(c.Scale), c.GUID, c.Position)
	if err != nil {
		return fmt.Errorf("restore code “%s”: %w", c.Name, err)
	}
	return nil
}

// TagCodebook names the framework's current revision.
func (p *Project) TagCodebook(framework int64, name, note string, actor int64) (CodebookTag, error) {
	framework, err := p.resolveFramework(framework)
	if err != nil {
		return CodebookTag{}, err
	}
	t := CodebookTag{Name: strings.TrimSpace(name), Note: strings.TrimSpace(note), Coder: actor}
	if t.Name == "" {
		return t, fmt.Errorf("%w: give the version a name, such as “v1 agreed before second-round coding”", ErrInvalid)
	}
	if err := CheckName("a version", t.Name); err != nil {
		return t, err
	}
	err = p.tx(context.Background(), func(tx *sql.Tx) error {
		if _, err := frameworkOf(tx, framework, p); err != nil {
			return err
		}
		var taken int
		tx.QueryRow(`SELECT COUNT(*) FROM codebook_tags WHERE framework_id = ? AND name = ? COLLATE NOCASE`, framework, t.Name).Scan(&taken)
		if taken > 0 {
			return fmt.Errorf("%w: this codebook already has a version called “%s”", ErrInvalid, t.Name)
		}
		if err := tx.QueryRow(`SELECT COALESCE(MAX(revision), 0) FROM codebook_changes WHERE framework_id = ?`, framework).Scan(&t.Revision); err != nil {
			return err
		}
		t.At = p.stamp()
		var coder any
		if actor != 0 {
			coder = actor
		}
		if _, err := tx.Exec(`INSERT INTO codebook_tags(framework_id, revision, name, note, at, coder_id) VALUES(?, ?, ?, ?, ?, ?)`,
			framework, t.Revision, t.Name, t.Note, t.At, coder); err != nil {
			return err
		}
		return journal(tx, t.At, actor, "codebook.tag", map[string]any{"framework": framework, "revision": t.Revision, "name": t.Name})
	})
	return t, err
}

// CodebookTags lists a framework's tags, oldest first.
func (p *Project) CodebookTags(framework int64) ([]CodebookTag, error) {
	framework, err := p.resolveFramework(framework)
	if err != nil {
		return nil, err
	}
	rows, err := p.db.Query(`SELECT name, note, revision, at, COALESCE(coder_id, 0) FROM codebook_tags WHERE framework_id = ? ORDER BY revision, id`, framework)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CodebookTag
	for rows.Next() {
		var t CodebookTag
		if err := rows.Scan(&t.Name, &t.Note, &t.Revision, &t.At, &t.Coder); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// CodebookVersion is the state of a framework that a result was computed
// under: its revision, and the tags around it.
type CodebookVersion struct {
	Framework int64
	Name      string // the framework's name
	Revision  int
	Tag       string // the tag at exactly this revision, "" if none
	LastTag   string // the latest tag at or before it
	SinceTag  int    // changes since LastTag
}

// Label says the version in words: "v1, revision 11", "revision 14, 3
// changes after v1", or "revision 14".
func (v CodebookVersion) Label() string {
	switch {
	case v.Tag != "":
		return fmt.Sprintf("%s, revision %d", v.Tag, v.Revision)
	case v.LastTag != "":
		changes := "changes"
		if v.SinceTag == 1 {
			changes = "change"
		}
		return fmt.Sprintf("revision %d, %d %s after %s", v.Revision, v.SinceTag, changes, v.LastTag)
	default:
		return fmt.Sprintf("revision %d", v.Revision)
	}
}

// CodebookVersion reports the framework's current version (0: the active one).
func (p *Project) CodebookVersion(framework int64) (CodebookVersion, error) {
	f, err := p.FrameworkByID(framework)
	if err != nil {
		return CodebookVersion{}, err
	}
	framework = f.ID
	v := CodebookVersion{Framework: framework, Name: f.Name}
	if err := p.db.QueryRow(`SELECT COALESCE(MAX(revision), 0) FROM codebook_changes WHERE framework_id = ?`, framework).Scan(&v.Revision); err != nil {
		return v, err
	}
	tags, err := p.CodebookTags(framework)
	if err != nil {
		return v, err
	}
	for _, t := range tags {
		if t.Revision == v.Revision {
			v.Tag = t.Name
		}
		if t.Revision <= v.Revision {
			v.LastTag, v.SinceTag = t.Name, v.Revision-t.Revision
		}
	}
	return v, nil
}

// SQLite gives a new row the largest id plus one, so the id of a deleted row
// can come back for another row, and an undo that puts the deleted row back
// would then find its place taken. The ids a codebook change touched are
// reserved: new codes and segments are numbered above them.
const (
	settingCodeHighWater    = "code_high_water"
	settingSegmentHighWater = "segment_high_water"
)

func reserveIDs(tx *sql.Tx, codes, segments []int64) error {
	for _, r := range []struct {
		key string
		ids []int64
	}{{settingCodeHighWater, codes}, {settingSegmentHighWater, segments}} {
		var top int64
		for _, id := range r.ids {
			top = max(top, id)
		}
		if top == 0 {
			continue
		}
		if _, err := tx.Exec(`INSERT INTO settings(key, value) VALUES(?, ?)
			ON CONFLICT(key) DO UPDATE SET value = MAX(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))`, r.key, top); err != nil {
			return err
		}
	}
	return nil
}

// nextID is the id for a new row of table (codes or segments): above every
// row and every reserved id.
func nextID(tx *sql.Tx, table string) (int64, error) {
	key := settingCodeHighWater
	if table == "segments" {
		key = settingSegmentHighWater
	}
	var id int64
	err := tx.QueryRow(`SELECT MAX(COALESCE((SELECT MAX(id) FROM `+table+`), 0),
		COALESCE((SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?), 0)) + 1`, key).Scan(&id)
	return id, err
}

// unknownMemos refuses a restore that would take away a memo it did not
// record (written after the change).
func unknownMemos(tx *sql.Tx, known map[int64]bool, summary, where string, id int64) error {
	rows, err := memoRows(tx, `WHERE `+where, id)
	if err != nil {
		return err
	}
	for _, m := range rows {
		if !known[m.ID] {
			return errChangedSince(summary, "a memo written since on what it touched")
		}
	}
	return nil
}
