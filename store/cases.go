package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Case is a participant or site that documents belong to, with attributes.
type Case struct {
	ID         int64
	Name       string
	Attributes map[string]string
}

// LinkCase sets the case of a document, creating the case if needed and
// setting the given attributes on it (existing attributes of other names stay).
func (p *Project) LinkCase(document int64, caseName string, attrs map[string]string, actor int64) error {
	caseName = strings.TrimSpace(caseName)
	if caseName == "" {
		return fmt.Errorf("%w: a case needs a name", ErrInvalid)
	}
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRow(`SELECT id FROM cases WHERE name = ?`, caseName).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			res, err := tx.Exec(`INSERT INTO cases(name) VALUES(?)`, caseName)
			if err != nil {
				return err
			}
			id, _ = res.LastInsertId()
		} else if err != nil {
			return err
		}
		for k, v := range attrs {
			if _, err := tx.Exec(`INSERT INTO case_attributes(case_id, name, value) VALUES(?, ?, ?)
				ON CONFLICT(case_id, name) DO UPDATE SET value = excluded.value`, id, k, v); err != nil {
				return err
			}
		}
		res, err := tx.Exec(`UPDATE documents SET case_id = ? WHERE id = ?`, id, document)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("document %d: %w", document, ErrNotFound)
		}
		return journal(tx, p.stamp(), actor, "case.link", map[string]any{"document": document, "case": caseName, "attributes": attrs})
	})
}

// Cases lists every case with its attributes, by name.
func (p *Project) Cases() ([]Case, error) {
	rows, err := p.db.Query(`SELECT c.id, c.name, COALESCE(a.name, ''), COALESCE(a.value, '')
		FROM cases c LEFT JOIN case_attributes a ON a.case_id = c.id ORDER BY c.name, a.name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := map[int64]*Case{}
	var order []int64
	for rows.Next() {
		var id int64
		var name, k, v string
		if err := rows.Scan(&id, &name, &k, &v); err != nil {
			return nil, err
		}
		c, ok := byID[id]
		if !ok {
			c = &Case{ID: id, Name: name, Attributes: map[string]string{}}
			byID[id] = c
			order = append(order, id)
		}
		if k != "" {
			c.Attributes[k] = v
		}
	}
	out := make([]Case, 0, len(order))
	for _, id := range order {
		out = append(out, *byID[id])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, rows.Err()
}
