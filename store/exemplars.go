package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
)

// Exemplar is a passage starred for the report: a code's span of a document.
// It is not tied to one coder's segment, so a passage starred in a coder's
// layer stays starred once adjudication carries it into the consensus layer.
// Cuts are the ranges a trimmed quote leaves out, in absolute code points
// inside [Start, End), sorted and disjoint; the span itself never changes, so
// a trimmed quote can always be traced back to the full passage.
type Exemplar struct {
	ID        int64
	Document  int64
	Code      int64
	Start     int // code points, inclusive
	End       int // code points, exclusive
	Cuts      [][2]int
	StarredBy int64 // 0 when nobody was named
	StarredAt string
}

const exemplarColumns = `id, document_id, code_id, start, stop, cuts, COALESCE(starred_by, 0), starred_at`

func scanExemplar(s interface{ Scan(...any) error }) (Exemplar, error) {
	var e Exemplar
	var cuts string
	if err := s.Scan(&e.ID, &e.Document, &e.Code, &e.Start, &e.End, &cuts, &e.StarredBy, &e.StarredAt); err != nil {
		return e, err
	}
	if err := json.Unmarshal([]byte(cuts), &e.Cuts); err != nil {
		return e, fmt.Errorf("exemplar %d: cuts: %w", e.ID, err)
	}
	if e.Cuts == nil {
		e.Cuts = [][2]int{}
	}
	return e, nil
}

// Exemplars lists the exemplars of a code (0: of every code), ordered by
// document and start.
func (p *Project) Exemplars(code int64) ([]Exemplar, error) {
	q := `SELECT ` + exemplarColumns + ` FROM exemplars`
	var args []any
	if code != 0 {
		q += ` WHERE code_id = ?`
		args = append(args, code)
	}
	q += ` ORDER BY document_id, start, stop, code_id, id`
	rows, err := p.db.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Exemplar
	for rows.Next() {
		e, err := scanExemplar(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Exemplar returns one exemplar.
func (p *Project) Exemplar(id int64) (Exemplar, error) {
	return exemplarOf(p.db, id)
}

func exemplarOf(q querier, id int64) (Exemplar, error) {
	e, err := scanExemplar(q.QueryRow(`SELECT `+exemplarColumns+` FROM exemplars WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("exemplar %d: %w", id, ErrNotFound)
	}
	return e, err
}

// Segment returns one segment.
func (p *Project) Segment(id int64) (Segment, error) {
	var s Segment
	err := p.db.QueryRow(`SELECT id, document_id, code_id, coder_id, start, stop, created_at FROM segments WHERE id = ?`, id).
		Scan(&s.ID, &s.Document, &s.Code, &s.Coder, &s.Start, &s.End, &s.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("segment %d: %w", id, ErrNotFound)
	}
	return s, err
}

// StarSegment stars the passage of a segment (its document, code and span).
// Starring a passage that is already starred returns the existing exemplar,
// cuts and all, and changes nothing.
func (p *Project) StarSegment(segment int64, actor int64) (Exemplar, error) {
	var e Exemplar
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		s, err := segmentOf(tx, segment)
		if err != nil {
			return err
		}
		e, err = starSpan(tx, s.Document, s.Code, s.Start, s.End, p.stamp(), actor, "segment", segment)
		return err
	})
	return e, err
}

// StarPassage stars the passage that overlapping segments make together —
// what the Themes drill-down shows as one passage in "all coders" — so the
// report quotes the words the user saw, not only the first segment's. The
// exemplar is of the first segment's code and spans its segments among
// them, from the earliest start to the latest end; segments of other codes
// (a factor's cell) are left out. The segments must be of one document and
// those of the code must overlap in a chain (by ≥ 1 code point, as the
// drill-down merges them). Idempotent per passage, like StarSegment.
func (p *Project) StarPassage(segments []int64, actor int64) (Exemplar, error) {
	var e Exemplar
	if len(segments) == 0 {
		return e, fmt.Errorf("%w: a passage to star needs at least one segment", ErrInvalid)
	}
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		var segs []Segment
		for _, id := range segments {
			s, err := segmentOf(tx, id)
			if err != nil {
				return err
			}
			if len(segs) > 0 && s.Document != segs[0].Document {
				return fmt.Errorf("%w: segments %d and %d are in different documents", ErrInvalid, segments[0], id)
			}
			if len(segs) == 0 || s.Code == segs[0].Code {
				segs = append(segs, s)
			}
		}
		sort.Slice(segs, func(i, j int) bool { return segs[i].Start < segs[j].Start })
		start, end := segs[0].Start, segs[0].End
		for _, s := range segs[1:] {
			if s.Start >= end {
				return fmt.Errorf("%w: segment %d (%d–%d) does not overlap the rest of the passage (%d–%d)", ErrInvalid, s.ID, s.Start, s.End, start, end)
			}
			end = max(end, s.End)
		}
		ids := make([]int64, len(segs))
		for i, s := range segs {
			ids[i] = s.ID
		}
		var err error
		e, err = starSpan(tx, segs[0].Document, segs[0].Code, start, end, p.stamp(), actor, "segments", ids)
		return err
	})
	return e, err
}

func segmentOf(tx *sql.Tx, id int64) (Segment, error) {
	s := Segment{ID: id}
	err := tx.QueryRow(`SELECT document_id, code_id, coder_id, start, stop FROM segments WHERE id = ?`, id).Scan(&s.Document, &s.Code, &s.Coder, &s.Start, &s.End)
	if errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("segment %d: %w", id, ErrNotFound)
	}
	return s, err
}

// starSpan stars a code's span of a document, or returns the exemplar
// already there; the journal says what it was starred from (key: what).
func starSpan(tx *sql.Tx, doc, code int64, start, end int, now string, actor int64, key string, what any) (Exemplar, error) {
	e, err := exemplarOn(tx, doc, code, start, end)
	if err == nil {
		return e, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return e, err
	}
	res, err := tx.Exec(`INSERT INTO exemplars(document_id, code_id, start, stop, cuts, starred_by, starred_at) VALUES(?, ?, ?, ?, '[]', ?, ?)`,
		doc, code, start, end, nullID(actor), now)
	if err != nil {
		return e, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return e, err
	}
	e = Exemplar{ID: id, Document: doc, Code: code, Start: start, End: end, Cuts: [][2]int{}, StarredBy: actor, StarredAt: now}
	return e, journal(tx, now, actor, "exemplar.star", map[string]any{"exemplar": id, key: what,
		"document": doc, "code": code, "start": start, "end": end})
}

// Unstar removes an exemplar; the segments it was starred from are untouched.
func (p *Project) Unstar(exemplar int64, actor int64) error {
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		e, err := exemplarOf(tx, exemplar)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM exemplars WHERE id = ?`, exemplar); err != nil {
			return err
		}
		return journal(tx, p.stamp(), actor, "exemplar.unstar", map[string]any{"exemplar": e.ID,
			"document": e.Document, "code": e.Code, "start": e.Start, "end": e.End, "cuts": e.Cuts})
	})
}

// TrimExemplar sets the ranges the exemplar's quote leaves out, replacing
// any earlier cuts; no cuts restores the full passage. The span is kept.
func (p *Project) TrimExemplar(exemplar int64, cuts [][2]int, actor int64) (Exemplar, error) {
	var e Exemplar
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		var err error
		if e, err = exemplarOf(tx, exemplar); err != nil {
			return err
		}
		if err := CheckCuts(e.Start, e.End, cuts); err != nil {
			return err
		}
		before := e.Cuts
		e.Cuts = append([][2]int{}, cuts...)
		b, err := json.Marshal(e.Cuts)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE exemplars SET cuts = ? WHERE id = ?`, string(b), exemplar); err != nil {
			return err
		}
		return journal(tx, p.stamp(), actor, "exemplar.trim", map[string]any{"exemplar": e.ID, "before": before, "after": e.Cuts})
	})
	return e, err
}

// CheckCuts says whether cuts may trim the passage [start, end): each cut
// non-empty and inside the passage, the cuts sorted and disjoint, and
// something of the passage left to quote.
func CheckCuts(start, end int, cuts [][2]int) error {
	omitted, prev := 0, start
	for i, c := range cuts {
		switch {
		case c[1] <= c[0]:
			return fmt.Errorf("%w: cut %d (%d–%d) is empty", ErrInvalid, i+1, c[0], c[1])
		case c[0] < start || c[1] > end:
			return fmt.Errorf("%w: cut %d (%d–%d) is outside the passage (%d–%d)", ErrInvalid, i+1, c[0], c[1], start, end)
		case c[0] < prev:
			return fmt.Errorf("%w: cut %d (%d–%d) overlaps or comes before the cut before it; cuts must be sorted and apart", ErrInvalid, i+1, c[0], c[1])
		}
		omitted += c[1] - c[0]
		prev = c[1]
	}
	if omitted >= end-start {
		return fmt.Errorf("%w: the cuts leave nothing of the passage; unstar it instead", ErrInvalid)
	}
	return nil
}

// exemplarRow is an exemplar as a codebook change saves it; cuts stay as
// their JSON text so rows compare with ==.
type exemplarRow struct {
	ID        int64  `json:"id"`
	Document  int64  `json:"document"`
	Code      int64  `json:"code"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Cuts      string `json:"cuts"`
	StarredBy int64  `json:"starred_by,omitempty"`
	StarredAt string `json:"starred_at"`
}

func exemplarRowOf(q querier, id int64) (exemplarRow, bool, error) {
	e := exemplarRow{ID: id}
	err := q.QueryRow(`SELECT document_id, code_id, start, stop, cuts, COALESCE(starred_by, 0), starred_at FROM exemplars WHERE id = ?`, id).
		Scan(&e.Document, &e.Code, &e.Start, &e.End, &e.Cuts, &e.StarredBy, &e.StarredAt)
	if errors.Is(err, sql.ErrNoRows) {
		return e, false, nil
	}
	return e, err == nil, err
}

func exemplarRows(q rowsQuerier, where string, args ...any) ([]exemplarRow, error) {
	rows, err := q.Query(`SELECT id, document_id, code_id, start, stop, cuts, COALESCE(starred_by, 0), starred_at
		FROM exemplars `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []exemplarRow
	for rows.Next() {
		var e exemplarRow
		if err := rows.Scan(&e.ID, &e.Document, &e.Code, &e.Start, &e.End, &e.Cuts, &e.StarredBy, &e.StarredAt); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// putExemplar writes e back with its own id, updating the row when it
// exists.
func putExemplar(tx *sql.Tx, e exemplarRow, exists bool) error {
	if exists {
		_, err := tx.Exec(`UPDATE exemplars SET document_id = ?, code_id = ?, start = ?, stop = ?, cuts = ? WHERE id = ?`,
			e.Document, e.Code, e.Start, e.End, e.Cuts, e.ID)
		return err
	}
	_, err := tx.Exec(`INSERT INTO exemplars(id, document_id, code_id, start, stop, cuts, starred_by, starred_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.Document, e.Code, e.Start, e.End, e.Cuts, nullID(e.StarredBy), e.StarredAt)
	if err != nil {
		return fmt.Errorf("restore exemplar %d: %w", e.ID, err)
	}
	return nil
}

// shiftExemplars moves exemplars and their cuts with their words after a
// replacement, as shiftSegments moves segments. Cuts that now overlap are
// joined; cuts that would leave nothing are dropped, keeping the passage.
func shiftExemplars(tx *sql.Tx, doc int64, m shifter) error {
	rows, err := exemplarRows(tx, `WHERE document_id = ?`, doc)
	if err != nil {
		return err
	}
	type key struct {
		code int64
		s, e int
	}
	seen := map[key]bool{}
	var moved []exemplarRow
	for _, e := range rows {
		ns, ne := m.start(e.Start), m.end(e.End)
		if seen[key{e.Code, ns, ne}] {
			// two exemplars inside the same replaced words now cover the
			// same pseudonym: keep one
			if _, err := tx.Exec(`DELETE FROM exemplars WHERE id = ?`, e.ID); err != nil {
				return err
			}
			continue
		}
		seen[key{e.Code, ns, ne}] = true
		var cuts [][2]int
		if err := json.Unmarshal([]byte(e.Cuts), &cuts); err != nil {
			return fmt.Errorf("exemplar %d: cuts: %w", e.ID, err)
		}
		var next [][2]int
		for _, c := range cuts {
			a, b := max(m.start(c[0]), ns), min(m.end(c[1]), ne)
			if a >= b {
				continue
			}
			if n := len(next); n > 0 && a <= next[n-1][1] {
				next[n-1][1] = max(next[n-1][1], b)
				continue
			}
			next = append(next, [2]int{a, b})
		}
		if CheckCuts(ns, ne, next) != nil {
			next = nil
		}
		if next == nil {
			next = [][2]int{}
		}
		sort.Slice(next, func(i, j int) bool { return next[i][0] < next[j][0] })
		b, err := json.Marshal(next)
		if err != nil {
			return err
		}
		if ns != e.Start || ne != e.End || string(b) != e.Cuts {
			e.Start, e.End, e.Cuts = ns, ne, string(b)
			moved = append(moved, e)
		}
	}
	for _, e := range moved {
		if _, err := tx.Exec(`UPDATE exemplars SET start = ?, stop = ?, cuts = ? WHERE id = ?`, e.Start, e.End+far, e.Cuts, e.ID); err != nil {
			return err
		}
	}
	for _, e := range moved {
		if _, err := tx.Exec(`UPDATE exemplars SET stop = ? WHERE id = ?`, e.End, e.ID); err != nil {
			return err
		}
	}
	return nil
}

// StarMove is what resizing a segment did to the star on its old span.
// From is the exemplar on the old span as it was, To the exemplar on the new
// span afterwards. Usually To is From moved, keeping the cuts that still lie
// inside the new span. Collapsed: the new span was starred already, so From
// was removed and To is that exemplar, unchanged. Restored: the resize undid
// a collapse, putting To back beside From, which stays.
type StarMove struct {
	From, To            Exemplar
	Collapsed, Restored bool
}

// moveStar moves the star on old's span to now's, in the resize's
// transaction: a star belongs to a code's span, and once no segment of that
// code (in any layer) covers the old span any more, the words the coder now
// means are the new span's. A star another segment still holds stays. Given
// back, the move that resizing to old made, it puts that star back exactly
// instead, when the star is still as the move left it.
func moveStar(tx *sql.Tx, old, now Segment, back *StarMove, stamp string, actor int64) (*StarMove, error) {
	if old.Start == now.Start && old.End == now.End {
		return nil, nil
	}
	var held bool
	if err := tx.QueryRow(`SELECT EXISTS(SELECT 1 FROM segments WHERE document_id = ? AND code_id = ? AND start = ? AND stop = ?)`,
		old.Document, old.Code, old.Start, old.End).Scan(&held); err != nil {
		return nil, err
	}
	if back != nil {
		m, err := putStarBack(tx, old, now, *back, held)
		if err != nil {
			return nil, err
		}
		if m != nil {
			return m, journal(tx, stamp, actor, "exemplar.move", starMoveDetail(m, now.ID, true))
		}
	}
	if held {
		return nil, nil
	}
	e, err := exemplarOn(tx, old.Document, old.Code, old.Start, old.End)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	m := &StarMove{From: e}
	into, err := exemplarOn(tx, now.Document, now.Code, now.Start, now.End)
	switch {
	case err == nil:
		if _, err := tx.Exec(`DELETE FROM exemplars WHERE id = ?`, e.ID); err != nil {
			return nil, err
		}
		m.To, m.Collapsed = into, true
	case errors.Is(err, sql.ErrNoRows):
		cuts := [][2]int{}
		for _, c := range e.Cuts {
			if c[0] >= now.Start && c[1] <= now.End {
				cuts = append(cuts, c)
			}
		}
		if CheckCuts(now.Start, now.End, cuts) != nil {
			cuts = [][2]int{} // what is left is all cut: quote the whole passage
		}
		m.To = e
		m.To.Start, m.To.End, m.To.Cuts = now.Start, now.End, cuts
		if err := setExemplarSpan(tx, m.To); err != nil {
			return nil, err
		}
	default:
		return nil, err
	}
	return m, journal(tx, stamp, actor, "exemplar.move", starMoveDetail(m, now.ID, false))
}

// putStarBack undoes the move back, which resizing a segment from now's span
// to old's made, and returns the inverse move; nil when the stars are no
// longer as back left them (the caller then moves the star as usual).
func putStarBack(tx *sql.Tx, old, now Segment, back StarMove, held bool) (*StarMove, error) {
	if back.To.Document != old.Document || back.To.Code != old.Code || back.To.Start != old.Start || back.To.End != old.End ||
		back.From.Document != now.Document || back.From.Code != now.Code || back.From.Start != now.Start || back.From.End != now.End {
		return nil, nil
	}
	cur, err := exemplarOf(tx, back.To.ID)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if cur.Document != back.To.Document || cur.Code != back.To.Code || cur.Start != back.To.Start || cur.End != back.To.End || !sameCuts(cur.Cuts, back.To.Cuts) {
		return nil, nil
	}
	there, err := exemplarOn(tx, now.Document, now.Code, now.Start, now.End)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	free := errors.Is(err, sql.ErrNoRows)
	switch {
	case back.Collapsed:
		// To was starred on its own before; From comes back beside it
		if !free {
			return nil, nil
		}
		b, err := json.Marshal(back.From.Cuts)
		if err != nil {
			return nil, err
		}
		if err := putExemplar(tx, exemplarRow{ID: back.From.ID, Document: back.From.Document, Code: back.From.Code, Start: back.From.Start, End: back.From.End,
			Cuts: string(b), StarredBy: back.From.StarredBy, StarredAt: back.From.StarredAt}, false); err != nil {
			return nil, err
		}
		return &StarMove{From: back.To, To: back.From, Restored: true}, nil
	case back.Restored:
		// redoing a collapse: From goes again, To (still there) stays
		if free || there.ID != back.From.ID || held {
			return nil, nil
		}
		if _, err := tx.Exec(`DELETE FROM exemplars WHERE id = ?`, back.To.ID); err != nil {
			return nil, err
		}
		return &StarMove{From: back.To, To: there, Collapsed: true}, nil
	default:
		if !free || held || back.From.ID != back.To.ID {
			return nil, nil
		}
		if err := setExemplarSpan(tx, back.From); err != nil {
			return nil, err
		}
		return &StarMove{From: back.To, To: back.From}, nil
	}
}

func exemplarOn(q querier, doc, code int64, start, end int) (Exemplar, error) {
	return scanExemplar(q.QueryRow(`SELECT `+exemplarColumns+` FROM exemplars WHERE document_id = ? AND code_id = ? AND start = ? AND stop = ?`,
		doc, code, start, end))
}

// setExemplarSpan writes e's span and cuts to its row.
func setExemplarSpan(tx *sql.Tx, e Exemplar) error {
	cuts := e.Cuts
	if cuts == nil {
		cuts = [][2]int{}
	}
	b, err := json.Marshal(cuts)
	if err != nil {
		return err
	}
	_, err = tx.Exec(`UPDATE exemplars SET start = ?, stop = ?, cuts = ? WHERE id = ?`, e.Start, e.End, string(b), e.ID)
	return err
}

func sameCuts(a, b [][2]int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func starMoveDetail(m *StarMove, segment int64, back bool) map[string]any {
	star := func(e Exemplar) map[string]any {
		return map[string]any{"exemplar": e.ID, "start": e.Start, "end": e.End, "cuts": e.Cuts}
	}
	return map[string]any{"segment": segment, "document": m.From.Document, "code": m.From.Code,
		"from": star(m.From), "to": star(m.To), "collapsed": m.Collapsed, "restored": m.Restored, "back": back}
}
