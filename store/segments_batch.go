package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// AddSegments codes many spans in one transaction: all or none (coding every
// hit of a search). Each new segment is journalled as segment.add; a span
// the coder already has with the same code is returned as it is, with its
// created flag false.
func (p *Project) AddSegments(segs []NewSegment, actor int64) ([]Segment, []bool, error) {
	out := make([]Segment, 0, len(segs))
	created := make([]bool, 0, len(segs))
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		now := p.stamp()
		for i, s := range segs {
			seg, made, err := insertSegment(tx, s, now)
			if err != nil {
				return fmt.Errorf("span %d of %d: %w", i+1, len(segs), err)
			}
			if made {
				if err := journal(tx, now, actor, "segment.add", seg); err != nil {
					return err
				}
			}
			out = append(out, seg)
			created = append(created, made)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return out, created, nil
}

// RemoveSegments deletes many segments in one transaction: all or none. The
// rules of RemoveSegment apply to each.
func (p *Project) RemoveSegments(ids []int64, actor int64) ([]Segment, error) {
	out := make([]Segment, 0, len(ids))
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		now := p.stamp()
		for _, id := range ids {
			var seg Segment
			err := tx.QueryRow(`SELECT id, document_id, code_id, coder_id, start, stop, created_at FROM segments WHERE id = ?`, id).
				Scan(&seg.ID, &seg.Document, &seg.Code, &seg.Coder, &seg.Start, &seg.End, &seg.CreatedAt)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("segment %d: %w", id, ErrNotFound)
			} else if err != nil {
				return err
			}
			if kind, err := coderKind(tx, seg.Coder); err != nil {
				return err
			} else if kind == KindConsensus {
				return fmt.Errorf("%w: segment %d is in a consensus layer; reopen its decision instead", ErrInvalid, id)
			}
			if actor != 0 && seg.Coder != actor {
				owner, _ := coderName(tx, seg.Coder)
				return fmt.Errorf("%w: segment %d belongs to %s's layer; coders remove only their own segments", ErrInvalid, id, owner)
			}
			if _, err := tx.Exec(`DELETE FROM segments WHERE id = ?`, id); err != nil {
				return err
			}
			if err := journal(tx, now, actor, "segment.remove", seg); err != nil {
				return err
			}
			out = append(out, seg)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
