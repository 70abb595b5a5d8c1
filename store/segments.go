package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Segment is one coder's application of one code to a span of a document.
type Segment struct {
	ID        int64
	Document  int64
	Code      int64
	Coder     int64
	Start     int // code points, inclusive
	End       int // code points, exclusive
	CreatedAt string
}

// NewSegment is a segment to be added. ImportSegments also accepts a
// CoderName instead of a Coder id, adding the coder in the same transaction.
type NewSegment struct {
	Document, Code, Coder int64
	Start, End            int
	CoderName             string
}

// SegmentFilter selects segments; a zero field matches everything.
type SegmentFilter struct {
	Document, Code, Coder int64
}

// Segments returns the segments matching f, ordered by document and start.
func (p *Project) Segments(f SegmentFilter) ([]Segment, error) {
	var where []string
	var args []any
	for _, c := range []struct {
		col string
		v   int64
	}{{"document_id", f.Document}, {"code_id", f.Code}, {"coder_id", f.Coder}} {
		if c.v != 0 {
			where = append(where, c.col+" = ?")
			args = append(args, c.v)
		}
	}
	q := `SELECT id, document_id, code_id, coder_id, start, stop, created_at FROM segments`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY document_id, start, stop, id"
	rows, err := p.db.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Segment
	for rows.Next() {
		var s Segment
		if err := rows.Scan(&s.ID, &s.Document, &s.Code, &s.Coder, &s.Start, &s.End, &s.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// AddSegment codes a span; the change is committed when it returns.
// Coding the exact same span with the same code twice returns the existing segment.
func (p *Project) AddSegment(s NewSegment, actor int64) (Segment, error) {
	var seg Segment
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		if err := checkNotExcluded(tx, s.Document, s.Start, s.End); err != nil {
			return err
		}
		var err error
		seg, err = addSegment(tx, s, p.stamp(), actor)
		return err
	})
	return seg, err
}

// ResizeSegment moves the ends of one of actor's segments to [start, end),
// keeping its document, code and coder: in one transaction the old segment
// is removed and the new one added, and the journal says both. It returns
// the segment as it was and as it is now (under a new id). The rules of
// RemoveSegment and AddSegment hold: only one's own layer, inside the
// document, not in an excluded turn.
//
// A star on the old span follows the segment to its new span unless another
// segment of the code still covers the old span exactly (see moveStar).
func (p *Project) ResizeSegment(id int64, start, end int, actor int64) (old, now Segment, err error) {
	old, now, _, err = p.ResizeSegmentStar(id, start, end, actor, nil)
	return old, now, err
}

// ResizeSegmentStar is ResizeSegment that also returns what it did to the
// star on the segment's old span (nil: nothing). Given back is the move
// that resizing the segment to where it is now made; when that star is
// still as the move left it, it is put back exactly — cuts that move
// dropped and an exemplar it collapsed included — so an undo of a resize
// loses nothing.
func (p *Project) ResizeSegmentStar(id int64, start, end int, actor int64, back *StarMove) (old, now Segment, moved *StarMove, err error) {
	err = p.tx(context.Background(), func(tx *sql.Tx) error {
		stamp := p.stamp()
		gone, err := removeSegment(tx, id, stamp, actor)
		if err != nil {
			return err
		}
		old = gone.Segment
		if err := checkNotExcluded(tx, old.Document, start, end); err != nil {
			return err
		}
		var created bool
		now, created, err = insertSegment(tx, NewSegment{Document: old.Document, Code: old.Code, Coder: old.Coder, Start: start, End: end}, stamp)
		if err != nil {
			return err
		}
		// the segment's memos move with it to its new extent
		memos, err := restoreMemos(tx, gone.Memos, now)
		if err != nil {
			return err
		}
		if err := journalRestored(tx, stamp, actor, now, created, memos); err != nil {
			return err
		}
		moved, err = moveStar(tx, old, now, back, stamp, actor)
		return err
	})
	if err != nil {
		return old, now, nil, err
	}
	return old, now, moved, nil
}

// SegmentError says which segment of a batch (0-based) broke a rule, so that
// a caller can name the row of its file.
type SegmentError struct {
	Index int
	Err   error
}

func (e *SegmentError) Error() string { return fmt.Sprintf("segment %d: %v", e.Index+1, e.Err) }
func (e *SegmentError) Unwrap() error { return e.Err }

// ImportSegments adds many segments in one transaction: all or none.
// Exact duplicates of existing segments are skipped; the count added is returned.
// A segment lying entirely in excluded speakers' turns is refused as
// AddSegment refuses it (a *SegmentError wrapping an *ExcludedError).
func (p *Project) ImportSegments(segs []NewSegment, actor int64) (int, error) {
	added := 0
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		now := p.stamp()
		excluding, err := documentsExcluding(tx)
		if err != nil {
			return err
		}
		for i, s := range segs {
			if excluding[s.Document] {
				if err := checkNotExcluded(tx, s.Document, s.Start, s.End); err != nil {
					return &SegmentError{Index: i, Err: err}
				}
			}
			if s.Coder == 0 && s.CoderName != "" {
				c, err := addCoder(tx, strings.TrimSpace(s.CoderName), now, actor)
				if err != nil {
					return &SegmentError{Index: i, Err: err}
				}
				s.Coder = c.ID
			}
			_, created, err := insertSegment(tx, s, now)
			if err != nil {
				return fmt.Errorf("segment %d: %w", i+1, err)
			}
			if created {
				added++
			}
		}
		return journal(tx, now, actor, "segments.import", map[string]any{"rows": len(segs), "added": added})
	})
	return added, err
}

func addSegment(tx *sql.Tx, s NewSegment, now string, actor int64) (Segment, error) {
	seg, created, err := insertSegment(tx, s, now)
	if err != nil || !created {
		return seg, err
	}
	return seg, journal(tx, now, actor, "segment.add", seg)
}

// insertSegment validates and inserts s, or returns the identical segment
// that already exists with created false.
func insertSegment(tx *sql.Tx, s NewSegment, now string) (seg Segment, created bool, err error) {
	return insertLayerSegment(tx, s, now, 0)
}

// insertLayerSegment is insertSegment for any layer: adjudication is the
// decision that puts s in a consensus layer, and only such segments may go
// there.
func insertLayerSegment(tx *sql.Tx, s NewSegment, now string, adjudication int64) (seg Segment, created bool, err error) {
	return insertSegmentAs(tx, s, now, adjudication, 0)
}

// insertSegmentAs is insertLayerSegment under the id want (a free one, or 0
// for the next).
func insertSegmentAs(tx *sql.Tx, s NewSegment, now string, adjudication, want int64) (seg Segment, created bool, err error) {
	seg = Segment{Document: s.Document, Code: s.Code, Coder: s.Coder, Start: s.Start, End: s.End}
	var chars int
	err = tx.QueryRow(`SELECT chars FROM documents WHERE id = ?`, s.Document).Scan(&chars)
	if errors.Is(err, sql.ErrNoRows) {
		return seg, false, fmt.Errorf("document %d: %w", s.Document, ErrNotFound)
	} else if err != nil {
		return seg, false, err
	}
	if s.Start < 0 || s.End <= s.Start || s.End > chars {
		return seg, false, fmt.Errorf("%w: span %d–%d is outside the document (0–%d) or empty", ErrInvalid, s.Start, s.End, chars)
	}
	code, err := codeOf(tx, s.Code)
	if err != nil {
		return seg, false, err
	}
	if !code.Codable {
		return seg, false, fmt.Errorf("%w: %q groups other codes and is not codable itself", ErrInvalid, code.Name)
	}
	if kind, err := coderKind(tx, s.Coder); err != nil {
		return seg, false, err
	} else if kind == KindConsensus && adjudication == 0 {
		return seg, false, fmt.Errorf("%w: the consensus layer is written by adjudicating disagreements, not by coding", ErrInvalid)
	}
	err = tx.QueryRow(`SELECT id, created_at FROM segments WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start = ? AND stop = ?`,
		s.Document, s.Code, s.Coder, s.Start, s.End).Scan(&seg.ID, &seg.CreatedAt)
	if err == nil {
		return seg, false, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return seg, false, err
	}
	var decision any
	if adjudication != 0 {
		decision = adjudication
	}
	if seg.ID = want; want == 0 {
		if seg.ID, err = nextID(tx, "segments"); err != nil {
			return seg, false, err
		}
	}
	_, err = tx.Exec(`INSERT INTO segments(id, document_id, code_id, coder_id, start, stop, created_at, adjudication_id) VALUES(?, ?, ?, ?, ?, ?, ?, ?)`,
		seg.ID, s.Document, s.Code, s.Coder, s.Start, s.End, now, decision)
	if err != nil {
		return seg, false, err
	}
	seg.CreatedAt = now
	return seg, true, nil
}

func coderKind(q querier, id int64) (string, error) {
	var kind string
	err := q.QueryRow(`SELECT kind FROM coders WHERE id = ?`, id).Scan(&kind)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("coder %d: %w", id, ErrNotFound)
	}
	return kind, err
}

func coderName(q querier, id int64) (string, error) {
	var name string
	err := q.QueryRow(`SELECT name FROM coders WHERE id = ?`, id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("coder %d: %w", id, ErrNotFound)
	}
	return name, err
}

// Removed is a segment as its removal took it, with the memos that went
// with it (they cascade with the segment), oldest first: what RestoreSegment
// needs to put both back.
type Removed struct {
	Segment
	Memos []Memo
}

// segmentDetail is what the journal keeps of a segment added or removed:
// the segment's fields at the top level, as they always were, and the memos
// the removal took or the restore brought back.
type segmentDetail struct {
	Segment
	Memos []memoRow `json:"memos,omitempty"`
}

// RemoveSegment deletes a segment and its memos. A coder may only remove
// segments of their own layer: coders never overwrite each other.
func (p *Project) RemoveSegment(id int64, actor int64) (Removed, error) {
	var r Removed
	err := p.tx(context.Background(), func(tx *sql.Tx) (err error) {
		r, err = removeSegment(tx, id, p.stamp(), actor)
		return err
	})
	return r, err
}

// RestoreSegment puts back a segment its removal took, and its memos, in one
// transaction, under the rules of AddSegment (see restoreSegment).
func (p *Project) RestoreSegment(r Removed, actor int64) (Segment, error) {
	var seg Segment
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		if err := checkNotExcluded(tx, r.Document, r.Start, r.End); err != nil {
			return err
		}
		var err error
		seg, err = restoreSegment(tx, r, p.stamp(), actor)
		return err
	})
	return seg, err
}

// restoreSegment adds r's segment again under its own id (its removal
// reserved the id, so it is free unless r was restored already) and its memos
// under their own ids and authors, journalled as one segment.add that names
// them. As with AddSegment, a segment identical to r that exists now is
// returned as it is (and r's memos go onto it); a memo whose id is taken
// comes back under a new one, and one whose author is gone stays gone.
func restoreSegment(tx *sql.Tx, r Removed, now string, actor int64) (Segment, error) {
	s := NewSegment{Document: r.Document, Code: r.Code, Coder: r.Coder, Start: r.Start, End: r.End}
	want := r.ID
	var n int
	if err := tx.QueryRow(`SELECT COUNT(*) FROM segments WHERE id = ?`, want).Scan(&n); err != nil {
		return Segment{}, err
	} else if n > 0 {
		want = 0
	}
	born := r.CreatedAt // the segment comes back as it was made
	if born == "" {
		born = now
	}
	seg, created, err := insertSegmentAs(tx, s, born, 0, want)
	if err != nil {
		return seg, err
	}
	memos, err := restoreMemos(tx, r.Memos, seg)
	if err != nil {
		return seg, err
	}
	return seg, journalRestored(tx, now, actor, seg, created, memos)
}

// journalRestored journals a segment added with memos brought back onto it
// as one segment.add naming them; when the segment was there already, each
// memo is journalled as a memo.add, which RevertMemo may take back.
func journalRestored(tx *sql.Tx, now string, actor int64, seg Segment, created bool, memos []memoRow) error {
	if created {
		return journal(tx, now, actor, "segment.add", segmentDetail{Segment: seg, Memos: memos})
	}
	for i := range memos {
		m := &memos[i]
		if err := journal(tx, now, actor, "memo.add", memoDetail{Memo: m.ID, Kind: m.Kind, Document: m.Document, After: m}); err != nil {
			return err
		}
	}
	return nil
}

// restoreMemos writes memos back onto seg, each under its own id when that
// is free, and returns them as written.
func restoreMemos(tx *sql.Tx, memos []Memo, seg Segment) ([]memoRow, error) {
	var out []memoRow
	for _, m := range memos {
		if _, err := coderName(tx, m.Author); errors.Is(err, ErrNotFound) {
			continue
		} else if err != nil {
			return nil, err
		}
		row := memoRow{ID: m.ID, Kind: MemoSegment, Document: seg.Document, Segment: seg.ID, Author: m.Author, Text: m.Text, CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt}
		_, taken, err := memoRowOf(tx, m.ID)
		if err != nil {
			return nil, err
		}
		if taken {
			res, err := tx.Exec(`INSERT INTO memos(kind, document_id, segment_id, author_id, text, created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?)`,
				row.Kind, row.Document, row.Segment, row.Author, row.Text, row.CreatedAt, row.UpdatedAt)
			if err != nil {
				return nil, fmt.Errorf("restore memo %d: %w", m.ID, err)
			}
			if row.ID, err = res.LastInsertId(); err != nil {
				return nil, err
			}
		} else if err := putMemo(tx, row, false); err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	return out, nil
}

// removeSegment deletes one segment and its memos within tx and journals
// both, under the rules of RemoveSegment.
func removeSegment(tx *sql.Tx, id int64, now string, actor int64) (Removed, error) {
	var seg Segment
	err := tx.QueryRow(`SELECT id, document_id, code_id, coder_id, start, stop, created_at FROM segments WHERE id = ?`, id).
		Scan(&seg.ID, &seg.Document, &seg.Code, &seg.Coder, &seg.Start, &seg.End, &seg.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return Removed{Segment: seg}, fmt.Errorf("segment %d: %w", id, ErrNotFound)
	} else if err != nil {
		return Removed{Segment: seg}, err
	}
	if kind, err := coderKind(tx, seg.Coder); err != nil {
		return Removed{Segment: seg}, err
	} else if kind == KindConsensus {
		return Removed{Segment: seg}, fmt.Errorf("%w: segment %d is in a consensus layer; reopen its decision instead", ErrInvalid, id)
	}
	if actor != 0 && seg.Coder != actor {
		owner, _ := coderName(tx, seg.Coder)
		return Removed{Segment: seg}, fmt.Errorf("%w: segment %d belongs to %s's layer; coders remove only their own segments", ErrInvalid, id, owner)
	}
	memos, err := memoRows(tx, `WHERE segment_id = ?`, id)
	if err != nil {
		return Removed{Segment: seg}, err
	}
	if _, err := tx.Exec(`DELETE FROM segments WHERE id = ?`, id); err != nil {
		return Removed{Segment: seg}, err
	}
	// no new segment takes the id, so an undo can put this one back under it
	if err := reserveIDs(tx, nil, []int64{id}); err != nil {
		return Removed{Segment: seg}, err
	}
	r := Removed{Segment: seg}
	for _, m := range memos {
		r.Memos = append(r.Memos, m.memo())
	}
	return r, journal(tx, now, actor, "segment.remove", segmentDetail{Segment: seg, Memos: memos})
}
