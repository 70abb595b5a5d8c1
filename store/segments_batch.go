package store

import (
	"context"
	"database/sql"
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

// RemoveSegments deletes many segments, and their memos, in one
// transaction: all or none. The rules of RemoveSegment apply to each.
func (p *Project) RemoveSegments(ids []int64, actor int64) ([]Removed, error) {
	out := make([]Removed, 0, len(ids))
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		now := p.stamp()
		for _, id := range ids {
			seg, err := removeSegment(tx, id, now, actor)
			if err != nil {
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

// RestoreSegments puts back many removed segments and their memos in one
// transaction, each as RestoreSegment does (without its check of excluded
// turns, as AddSegments has none); it returns the segments as they stand.
func (p *Project) RestoreSegments(rs []Removed, actor int64) ([]Segment, error) {
	out := make([]Segment, 0, len(rs))
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		now := p.stamp()
		for i, r := range rs {
			seg, err := restoreSegment(tx, r, now, actor)
			if err != nil {
				return fmt.Errorf("span %d of %d: %w", i+1, len(rs), err)
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
