package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"themis/frameworks"
)

// Code is a code or factor of the project's framework.
type Code struct {
	ID         int64
	Parent     int64 // 0 for a top-level factor or code
	Ref        string
	Name       string
	Definition string
	Color      string
	Key        string
	Codable    bool
}

// Framework describes the project's framework.
type Framework struct {
	ID          int64
	Name        string
	Description string
}

func insertFramework(tx *sql.Tx, fw frameworks.Framework) error {
	res, err := tx.Exec(`INSERT INTO frameworks(name, description) VALUES(?, ?)`, fw.Name, fw.Description)
	if err != nil {
		return err
	}
	fwID, _ := res.LastInsertId()
	ids := map[string]int64{}
	for i, c := range fw.Codes {
		var parent any
		if c.Parent != "" {
			parent = ids[c.Parent]
		}
		res, err := tx.Exec(`INSERT INTO codes(framework_id, parent_id, ref, name, definition, color, key, codable, position)
			VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)`, fwID, parent, c.Ref, c.Name, c.Definition, c.Color, c.Key, c.Codable, i)
		if err != nil {
			return fmt.Errorf("code %q: %w", c.Name, err)
		}
		ids[c.Ref], _ = res.LastInsertId()
	}
	return nil
}

// Framework returns the project's framework.
func (p *Project) Framework() (Framework, error) {
	var f Framework
	err := p.db.QueryRow(`SELECT id, name, description FROM frameworks ORDER BY id LIMIT 1`).Scan(&f.ID, &f.Name, &f.Description)
	return f, err
}

// Codes lists the framework's codes and factors in tree order (parents first).
func (p *Project) Codes() ([]Code, error) {
	rows, err := p.db.Query(`SELECT id, COALESCE(parent_id, 0), ref, name, definition, color, key, codable
		FROM codes ORDER BY position, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Code
	for rows.Next() {
		var c Code
		if err := rows.Scan(&c.ID, &c.Parent, &c.Ref, &c.Name, &c.Definition, &c.Color, &c.Key, &c.Codable); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CodeByName finds a code by name, ignoring case and surrounding space.
func (p *Project) CodeByName(name string) (Code, error) {
	codes, err := p.Codes()
	if err != nil {
		return Code{}, err
	}
	for _, c := range codes {
		if strings.EqualFold(c.Name, strings.TrimSpace(name)) {
			return c, nil
		}
	}
	return Code{}, fmt.Errorf("code %q: %w", name, ErrNotFound)
}

func codeOf(q querier, id int64) (Code, error) {
	c := Code{ID: id}
	err := q.QueryRow(`SELECT COALESCE(parent_id, 0), ref, name, definition, color, key, codable FROM codes WHERE id = ?`, id).
		Scan(&c.Parent, &c.Ref, &c.Name, &c.Definition, &c.Color, &c.Key, &c.Codable)
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("code %d: %w", id, ErrNotFound)
	}
	return c, err
}

// querier is what *sql.DB and *sql.Tx share for single-row lookups.
type querier interface {
	QueryRow(query string, args ...any) *sql.Row
}
