package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// A consensus layer holds what two coders' adjudicated coding settled on. It
// is a coder of kind KindConsensus, tied to the pair it settles, so it can be
// read, quoted and compared like any coder; only Decide and RecordAgreed
// write it, and every segment in it points at the decision that put it
// there, so reopening a decision takes exactly its segments away. The two
// coders' own layers are never touched.

// Decision is one settled disagreement (or one agreed passage copied into the
// consensus). Item is the caller's stable key for what was decided, so that
// adjudication can be resumed and a decision found again.
type Decision struct {
	ID        int64
	Consensus int64
	Document  int64
	Item      string
	Kind      string // what was decided about, e.g. "only-a", "boundary"
	Action    string // e.g. "accept-a", "adjust", "agreed"
	Rationale string
	DecidedBy int64 // 0: recorded automatically (agreed passages)
	DecidedAt string
	Segments  []ConsensusSegment
}

// ConsensusSegment is a segment a decision puts in the consensus layer.
type ConsensusSegment struct {
	Code       int64
	Start, End int
}

// ConsensusLayer returns the consensus layer of coders a and b (in either
// order), creating it when create is true. Its name is "Consensus", or
// "Consensus (A & B)" when that is taken.
func (p *Project) ConsensusLayer(a, b int64, create bool) (Coder, error) {
	a, b = min(a, b), max(a, b)
	var c Coder
	find := func(q querier) error {
		return q.QueryRow(`SELECT c.id, c.name, c.kind FROM consensus_layers l JOIN coders c ON c.id = l.coder_id
			WHERE l.coder_a = ? AND l.coder_b = ?`, a, b).Scan(&c.ID, &c.Name, &c.Kind)
	}
	err := find(p.db)
	if err == nil || !errors.Is(err, sql.ErrNoRows) {
		return c, err
	}
	if !create {
		return c, fmt.Errorf("consensus of coders %d and %d: %w", a, b, ErrNotFound)
	}
	err = p.tx(context.Background(), func(tx *sql.Tx) error {
		if err := find(tx); err == nil || !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		names := make([]string, 2)
		for i, id := range []int64{a, b} {
			kind, err := coderKind(tx, id)
			if err != nil {
				return err
			}
			if kind != KindCoder {
				return fmt.Errorf("%w: a consensus layer settles two coders, not another consensus", ErrInvalid)
			}
			if names[i], err = coderName(tx, id); err != nil {
				return err
			}
		}
		if a == b {
			return fmt.Errorf("%w: a consensus settles two different coders", ErrInvalid)
		}
		name := "Consensus"
		var taken int
		if err := tx.QueryRow(`SELECT COUNT(*) FROM coders WHERE name = ?`, name).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			name = fmt.Sprintf("Consensus (%s & %s)", names[0], names[1])
		}
		now := p.stamp()
		res, err := tx.Exec(`INSERT INTO coders(name, created_at, kind) VALUES(?, ?, ?)`, name, now, KindConsensus)
		if err != nil {
			return fmt.Errorf("add consensus layer %q: %w", name, err)
		}
		c = Coder{Name: name, Kind: KindConsensus}
		c.ID, _ = res.LastInsertId()
		if _, err := tx.Exec(`INSERT INTO consensus_layers(coder_id, coder_a, coder_b) VALUES(?, ?, ?)`, c.ID, a, b); err != nil {
			return err
		}
		return journal(tx, now, nil, "consensus.create", map[string]any{"id": c.ID, "name": name, "coders": []int64{a, b}})
	})
	return c, err
}

// ConsensusOf returns the two coders a consensus layer settles, lower ID first.
func (p *Project) ConsensusOf(consensus int64) (a, b int64, err error) {
	err = p.db.QueryRow(`SELECT coder_a, coder_b FROM consensus_layers WHERE coder_id = ?`, consensus).Scan(&a, &b)
	if errors.Is(err, sql.ErrNoRows) {
		err = fmt.Errorf("consensus layer %d: %w", consensus, ErrNotFound)
	}
	return a, b, err
}

// Decisions lists a consensus layer's decisions with their segments, oldest first.
func (p *Project) Decisions(consensus int64) ([]Decision, error) {
	rows, err := p.db.Query(`SELECT id, consensus_id, document_id, item, kind, action, rationale, COALESCE(decided_by, 0), decided_at
		FROM adjudications WHERE consensus_id = ? ORDER BY id`, consensus)
	if err != nil {
		return nil, err
	}
	var out []Decision
	index := map[int64]int{}
	for rows.Next() {
		var d Decision
		if err := rows.Scan(&d.ID, &d.Consensus, &d.Document, &d.Item, &d.Kind, &d.Action, &d.Rationale, &d.DecidedBy, &d.DecidedAt); err != nil {
			rows.Close()
			return nil, err
		}
		index[d.ID] = len(out)
		out = append(out, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	segs, err := p.db.Query(`SELECT adjudication_id, code_id, start, stop FROM segments
		WHERE coder_id = ? AND adjudication_id IS NOT NULL ORDER BY start, stop, id`, consensus)
	if err != nil {
		return nil, err
	}
	defer segs.Close()
	for segs.Next() {
		var id int64
		var s ConsensusSegment
		if err := segs.Scan(&id, &s.Code, &s.Start, &s.End); err != nil {
			return nil, err
		}
		if i, ok := index[id]; ok {
			out[i].Segments = append(out[i].Segments, s)
		}
	}
	return out, segs.Err()
}

// Decide records d, replacing any earlier decision on the same item, and
// puts d.Segments in the consensus layer: all in one transaction, journalled
// with d.DecidedBy and the rationale. It returns the decision as stored.
func (p *Project) Decide(d Decision) (Decision, error) {
	d.Item, d.Rationale = strings.TrimSpace(d.Item), strings.TrimSpace(d.Rationale)
	if d.Item == "" || d.Action == "" {
		return d, fmt.Errorf("%w: a decision needs an item and an action", ErrInvalid)
	}
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		d.DecidedAt = p.stamp()
		return decide(tx, &d, true)
	})
	return d, err
}

// RecordAgreed copies passages the two coders agreed on into the consensus
// layer as decisions with action "agreed" and no decider, skipping items
// already decided; it returns how many it added. One transaction.
func (p *Project) RecordAgreed(consensus int64, agreed []Decision) (int, error) {
	added := 0
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		now := p.stamp()
		for _, d := range agreed {
			var exists int
			if err := tx.QueryRow(`SELECT COUNT(*) FROM adjudications WHERE consensus_id = ? AND item = ?`, consensus, d.Item).Scan(&exists); err != nil {
				return err
			}
			if exists > 0 {
				continue
			}
			d.Consensus, d.Action, d.DecidedBy, d.DecidedAt = consensus, "agreed", 0, now
			if err := decide(tx, &d, false); err != nil {
				return fmt.Errorf("agreed passage %s: %w", d.Item, err)
			}
			added++
		}
		if added == 0 {
			return nil
		}
		return journal(tx, now, nil, "consensus.agreed", map[string]any{"consensus": consensus, "added": added})
	})
	return added, err
}

// Reopen removes the decision on item, and its segments from the consensus
// layer, so it can be decided again.
func (p *Project) Reopen(consensus int64, item string, actor int64) error {
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		var id int64
		var action string
		err := tx.QueryRow(`SELECT id, action FROM adjudications WHERE consensus_id = ? AND item = ?`, consensus, item).Scan(&id, &action)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("decision on %s: %w", item, ErrNotFound)
		} else if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM adjudications WHERE id = ?`, id); err != nil {
			return err
		}
		return journal(tx, p.stamp(), actor, "adjudication.reopen", map[string]any{"consensus": consensus, "item": item, "was": action})
	})
}

// decide writes d and its segments; with logged, it journals the decision.
func decide(tx *sql.Tx, d *Decision, logged bool) error {
	if kind, err := coderKind(tx, d.Consensus); err != nil {
		return err
	} else if kind != KindConsensus {
		return fmt.Errorf("%w: coder %d is not a consensus layer", ErrInvalid, d.Consensus)
	}
	if _, err := tx.Exec(`DELETE FROM adjudications WHERE consensus_id = ? AND item = ?`, d.Consensus, d.Item); err != nil {
		return err
	}
	var by any
	if d.DecidedBy != 0 {
		by = d.DecidedBy
	}
	res, err := tx.Exec(`INSERT INTO adjudications(consensus_id, document_id, item, kind, action, rationale, decided_by, decided_at)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?)`, d.Consensus, d.Document, d.Item, d.Kind, d.Action, d.Rationale, by, d.DecidedAt)
	if err != nil {
		return fmt.Errorf("record decision: %w", err)
	}
	d.ID, _ = res.LastInsertId()
	for _, s := range d.Segments {
		// Two decisions may settle on the same span: the first one keeps it
		// (insertSegment returns the existing segment).
		if _, _, err := insertLayerSegment(tx, NewSegment{Document: d.Document, Code: s.Code, Coder: d.Consensus, Start: s.Start, End: s.End}, d.DecidedAt, d.ID); err != nil {
			return err
		}
	}
	if !logged {
		return nil
	}
	return journal(tx, d.DecidedAt, by, "adjudication.decide", map[string]any{
		"consensus": d.Consensus, "document": d.Document, "item": d.Item, "kind": d.Kind,
		"action": d.Action, "rationale": d.Rationale, "segments": d.Segments})
}
