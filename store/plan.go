package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"themis/errs"
)

// Plan is the double-coding plan of a study: how the reliability sample was
// drawn (Share per cent of the documents, stratified by the case attribute
// Stratify, "" for none, with Seed), the coders it was drawn for, the sample
// (documents every planned coder codes) and who codes each document. The
// store keeps what it is given; project.DrawPlan does the drawing.
type Plan struct {
	Share       float64
	Stratify    string
	Seed        int64
	Coders      []int64 // in the order the lead listed them
	DrawnAt     string
	DrawnBy     int64
	Sample      []int64 // document ids, ascending
	Assignments []Assignment
}

// Assignment gives a document to a coder.
type Assignment struct {
	Document int64
	Coder    int64
}

// DoneMark records that a coder has finished a document.
type DoneMark struct {
	Document int64
	Coder    int64
	At       string
}

// ErrPlanStarted is wrapped by the refusal to redraw a plan once coders have
// marked documents done: a new draw could take their finished documents
// away from them. Redrawing anyway takes force.
var ErrPlanStarted = errs.New(errs.Conflict, "coders have already marked documents done")

// Plan returns the project's plan; ok is false when none has been drawn.
func (p *Project) Plan() (pl Plan, ok bool, err error) {
	var coders string
	var by sql.NullInt64
	err = p.db.QueryRow(`SELECT share, stratify, seed, coders, drawn_at, drawn_by FROM plan WHERE id = 1`).
		Scan(&pl.Share, &pl.Stratify, &pl.Seed, &coders, &pl.DrawnAt, &by)
	if errors.Is(err, sql.ErrNoRows) {
		return Plan{}, false, nil
	} else if err != nil {
		return Plan{}, false, fmt.Errorf("read the plan: %w", err)
	}
	pl.DrawnBy = by.Int64
	if err := json.Unmarshal([]byte(coders), &pl.Coders); err != nil {
		return Plan{}, false, fmt.Errorf("read the plan's coders: %w", err)
	}
	rows, err := p.db.Query(`SELECT document_id FROM plan_sample ORDER BY document_id`)
	if err != nil {
		return Plan{}, false, err
	}
	defer rows.Close()
	pl.Sample = []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return Plan{}, false, err
		}
		pl.Sample = append(pl.Sample, id)
	}
	if err := rows.Err(); err != nil {
		return Plan{}, false, err
	}
	arows, err := p.db.Query(`SELECT document_id, coder_id FROM plan_assignments ORDER BY document_id, coder_id`)
	if err != nil {
		return Plan{}, false, err
	}
	defer arows.Close()
	pl.Assignments = []Assignment{}
	for arows.Next() {
		var a Assignment
		if err := arows.Scan(&a.Document, &a.Coder); err != nil {
			return Plan{}, false, err
		}
		pl.Assignments = append(pl.Assignments, a)
	}
	return pl, true, arows.Err()
}

// SavePlan replaces the project's plan with pl, in one transaction, and
// journals it ("plan.draw", with the previous plan's sample and assignments
// so the audit trail shows what was replaced). It refuses (ErrPlanStarted)
// when any coder has marked a document done, unless force; done marks are
// kept either way. DrawnAt is set here.
func (p *Project) SavePlan(pl Plan, force bool, actor int64) error {
	if pl.Share < 0 || pl.Share > 100 {
		return fmt.Errorf("%w: the sample is between 0 and 100 %% of the documents, not %v", ErrInvalid, pl.Share)
	}
	coders, err := json.Marshal(pl.Coders)
	if err != nil {
		return err
	}
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		if !force {
			var n int
			if err := tx.QueryRow(`SELECT count(*) FROM done_marks`).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				marks := "marks"
				if n == 1 {
					marks = "mark"
				}
				return fmt.Errorf("%w (%d done %s)", ErrPlanStarted, n, marks)
			}
		}
		for _, id := range pl.Coders {
			if _, err := coderOf(tx, id); err != nil {
				return fmt.Errorf("plan: coder %d: %w", id, err)
			}
		}
		for _, id := range pl.Sample {
			if _, err := documentName(tx, id); err != nil {
				return fmt.Errorf("plan: sample: %w", err)
			}
		}
		for _, a := range pl.Assignments {
			if _, err := documentName(tx, a.Document); err != nil {
				return fmt.Errorf("plan: assignment: %w", err)
			}
		}
		var replaced int
		if err := tx.QueryRow(`SELECT count(*) FROM plan`).Scan(&replaced); err != nil {
			return err
		}
		for _, q := range []string{`DELETE FROM plan_assignments`, `DELETE FROM plan_sample`, `DELETE FROM plan`} {
			if _, err := tx.Exec(q); err != nil {
				return err
			}
		}
		now := p.stamp()
		if _, err := tx.Exec(`INSERT INTO plan(id, share, stratify, seed, coders, drawn_at, drawn_by) VALUES(1, ?, ?, ?, ?, ?, ?)`,
			pl.Share, pl.Stratify, pl.Seed, string(coders), now, nullID(actor)); err != nil {
			return err
		}
		for _, id := range pl.Sample {
			if _, err := tx.Exec(`INSERT INTO plan_sample(document_id) VALUES(?)`, id); err != nil {
				return fmt.Errorf("plan: sample document %d: %w", id, err)
			}
		}
		for _, a := range pl.Assignments {
			if _, err := tx.Exec(`INSERT INTO plan_assignments(document_id, coder_id) VALUES(?, ?)`, a.Document, a.Coder); err != nil {
				return fmt.Errorf("plan: assign document %d to coder %d: %w", a.Document, a.Coder, err)
			}
		}
		sample := append([]int64{}, pl.Sample...)
		sort.Slice(sample, func(i, j int) bool { return sample[i] < sample[j] })
		return journal(tx, now, actor, "plan.draw", map[string]any{
			"share": pl.Share, "stratify": pl.Stratify, "seed": pl.Seed, "coders": pl.Coders,
			"sample": sample, "assignments": len(pl.Assignments), "replaced": replaced > 0, "force": force,
		})
	})
}

// DoneMarks lists every done mark, by document then coder.
func (p *Project) DoneMarks() ([]DoneMark, error) {
	rows, err := p.db.Query(`SELECT document_id, coder_id, at FROM done_marks ORDER BY document_id, coder_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []DoneMark{}
	for rows.Next() {
		var m DoneMark
		if err := rows.Scan(&m.Document, &m.Coder, &m.At); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// SetDone marks a document done (or not done) for a coder, journalled as
// "plan.done" or "plan.undone". Marking what is already so changes nothing
// and journals nothing.
func (p *Project) SetDone(document, coder int64, done bool) error {
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		name, err := documentName(tx, document)
		if err != nil {
			return err
		}
		if _, err := coderOf(tx, coder); err != nil {
			return err
		}
		now := p.stamp()
		var res sql.Result
		action := "plan.done"
		if done {
			res, err = tx.Exec(`INSERT INTO done_marks(document_id, coder_id, at) VALUES(?, ?, ?) ON CONFLICT DO NOTHING`, document, coder, now)
		} else {
			action = "plan.undone"
			res, err = tx.Exec(`DELETE FROM done_marks WHERE document_id = ? AND coder_id = ?`, document, coder)
		}
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		return journal(tx, now, coder, action, map[string]any{"document": document, "name": name})
	})
}

// CodedDocuments lists, per coder, the documents in which they have at least
// one segment.
func (p *Project) CodedDocuments() (map[int64][]int64, error) {
	rows, err := p.db.Query(`SELECT DISTINCT coder_id, document_id FROM segments ORDER BY coder_id, document_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]int64{}
	for rows.Next() {
		var c, d int64
		if err := rows.Scan(&c, &d); err != nil {
			return nil, err
		}
		out[c] = append(out[c], d)
	}
	return out, rows.Err()
}

func coderOf(q querier, id int64) (Coder, error) {
	c := Coder{ID: id}
	err := q.QueryRow(`SELECT name, kind FROM coders WHERE id = ?`, id).Scan(&c.Name, &c.Kind)
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("coder %d: %w", id, ErrNotFound)
	}
	return c, err
}
