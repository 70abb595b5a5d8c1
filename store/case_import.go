package store

import (
	"context"
	"database/sql"
	"fmt"
)

// CaseSheet is a table of cases ready to be stored: typed attribute
// columns and one row per case.
type CaseSheet struct {
	Source     string      // the file it came from, for messages and the journal
	Attributes []Attribute // name and type of each column, in order
	Cases      []SheetCase
}

// SheetCase is one row of a case sheet.
type SheetCase struct {
	Name      string
	Row       int               // 1-based row in the file, for messages
	Values    map[string]string // attribute → value; an empty value leaves the stored one as it is
	Documents []int64           // documents to link to the case
}

// CaseImport reports what ImportCases did.
type CaseImport struct {
	Added, Updated int // cases
	Attributes     int // new attribute columns
	Linked         int // documents linked to a case
}

// ImportCases stores a case sheet in one transaction: new cases and
// attributes are added, existing ones (by name) updated, an attribute whose
// type the sheet gives differently is converted (every value it already has
// must fit the new type), and the documents are linked. Any bad value
// leaves the project as it was, and the error names the row and column.
func (p *Project) ImportCases(sheet CaseSheet, actor int64) (CaseImport, error) {
	var res CaseImport
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		for _, a := range sheet.Attributes {
			if err := CheckName("an attribute", a.Name); err != nil {
				return fmt.Errorf("%s: column %+q: %w", sheet.Source, a.Name, err)
			}
			if !knownType(a.Type) {
				return fmt.Errorf("%s: column %q: %w: unknown type %q", sheet.Source, a.Name, ErrInvalid, a.Type)
			}
			var old string
			err := tx.QueryRow(`SELECT type FROM case_attribute_types WHERE name = ?`, a.Name).Scan(&old)
			switch {
			case err == sql.ErrNoRows:
				if err := addAttribute(tx, a.Name, a.Type); err != nil {
					return err
				}
				res.Attributes++
			case err != nil:
				return err
			case old != a.Type:
				if err := retype(tx, a.Name, a.Type); err != nil {
					return fmt.Errorf("%s: column %q: %w", sheet.Source, a.Name, err)
				}
			}
		}
		for _, c := range sheet.Cases {
			name, err := cleanName("a case", c.Name)
			if err != nil {
				return fmt.Errorf("%s: row %d: %w", sheet.Source, c.Row, err)
			}
			id, ok, err := caseID(tx, name)
			if err != nil {
				return err
			}
			if ok {
				res.Updated++
			} else {
				r, err := tx.Exec(`INSERT INTO cases(name) VALUES(?)`, name)
				if err != nil {
					return err
				}
				id, _ = r.LastInsertId()
				res.Added++
			}
			for _, a := range sheet.Attributes {
				v, ok := c.Values[a.Name]
				if !ok || v == "" {
					continue
				}
				if _, err := setValue(tx, id, a.Name, v); err != nil {
					return fmt.Errorf("%s: row %d, column %q: %w", sheet.Source, c.Row, a.Name, err)
				}
			}
			for _, d := range c.Documents {
				r, err := tx.Exec(`UPDATE documents SET case_id = ? WHERE id = ?`, id, d)
				if err != nil {
					return err
				}
				if n, _ := r.RowsAffected(); n == 0 {
					return fmt.Errorf("%s: row %d: document %d: %w", sheet.Source, c.Row, d, ErrNotFound)
				}
				res.Linked++
			}
		}
		return journal(tx, p.stamp(), actor, "cases.import", map[string]any{
			"source": sheet.Source, "added": res.Added, "updated": res.Updated, "attributes": res.Attributes, "linked": res.Linked})
	})
	if err != nil {
		return CaseImport{}, err
	}
	return res, nil
}
