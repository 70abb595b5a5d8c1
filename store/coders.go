package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Coder is a person who codes; each coder's segments are a layer of their own.
// A consensus layer is a coder too (Kind KindConsensus), so that it can be
// read and compared like any coder, but only adjudication writes to it.
type Coder struct {
	ID   int64
	Name string
	Kind string // KindCoder or KindConsensus
}

// The kinds of layer.
const (
	KindCoder     = "coder"
	KindConsensus = "consensus"
)

// Coders lists the project's coders in the order they were added.
func (p *Project) Coders() ([]Coder, error) {
	rows, err := p.db.Query(`SELECT id, name, kind FROM coders ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Coder
	for rows.Next() {
		var c Coder
		if err := rows.Scan(&c.ID, &c.Name, &c.Kind); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Coder returns the coder with the given id.
func (p *Project) Coder(id int64) (Coder, error) {
	c := Coder{ID: id}
	err := p.db.QueryRow(`SELECT name, kind FROM coders WHERE id = ?`, id).Scan(&c.Name, &c.Kind)
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("coder %d: %w", id, ErrNotFound)
	}
	return c, err
}

// CoderByName finds a coder by name, ignoring case.
func (p *Project) CoderByName(name string) (Coder, error) {
	var c Coder
	err := p.db.QueryRow(`SELECT id, name, kind FROM coders WHERE name = ?`, strings.TrimSpace(name)).Scan(&c.ID, &c.Name, &c.Kind)
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("coder %q: %w", name, ErrNotFound)
	}
	return c, err
}

// Self as the actor of AddCoder journals the new coder as having added
// themself: a person who introduces themself (the CLI's --as NAME).
const Self int64 = -1

// AddCoder adds a named coder, or returns the existing coder of that name.
func (p *Project) AddCoder(name string, actor int64) (Coder, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Coder{}, fmt.Errorf("%w: a coder needs a name", ErrInvalid)
	}
	var c Coder
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		var err error
		c, err = addCoder(tx, name, p.stamp(), actor)
		return err
	})
	return c, err
}

func addCoder(tx *sql.Tx, name, now string, actor int64) (Coder, error) {
	if err := CheckName("a coder", name); err != nil {
		return Coder{}, err
	}
	c := Coder{Name: name, Kind: KindCoder}
	err := tx.QueryRow(`SELECT id, name, kind FROM coders WHERE name = ?`, name).Scan(&c.ID, &c.Name, &c.Kind)
	if err == nil {
		return c, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return c, err
	}
	res, err := tx.Exec(`INSERT INTO coders(name, created_at) VALUES(?, ?)`, name, now)
	if err != nil {
		return c, err
	}
	c.ID, _ = res.LastInsertId()
	var who any
	switch actor {
	case 0:
	case Self:
		who = c.ID
	default:
		who = actor
	}
	return c, journal(tx, now, who, "coder.add", map[string]any{"id": c.ID, "name": name})
}
