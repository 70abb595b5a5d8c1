package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Case is a participant or site that documents belong to, with attributes.
type Case struct {
	ID         int64
	Name       string
	Attributes map[string]string // attribute name → value; an unset value is absent
}

// The types a case attribute can have.
const (
	AttrText     = "text"
	AttrNumber   = "number"
	AttrDate     = "date" // stored as YYYY-MM-DD
	AttrCategory = "category"
)

// AttributeTypes lists the attribute types in the order the UI offers them.
var AttributeTypes = []string{AttrText, AttrNumber, AttrDate, AttrCategory}

// Attribute is a column of the cases table: its name, type and, for a
// category, the values in use (sorted).
type Attribute struct {
	Name     string
	Type     string
	Position int
	Values   []string
}

// NormalizeValue checks value against an attribute type and returns it as
// stored: numbers without surrounding space, dates as YYYY-MM-DD. An empty
// value is always allowed: it means "not set".
func NormalizeValue(typ, value string) (string, error) {
	v := strings.TrimSpace(value)
	if v == "" {
		return "", nil
	}
	switch typ {
	case AttrText, AttrCategory:
		return v, nil
	case AttrNumber:
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f != f { // NaN is not a number a researcher meant
			return "", fmt.Errorf("%w: %q is not a number", ErrInvalid, v)
		}
		return v, nil
	case AttrDate:
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			return "", fmt.Errorf("%w: %q is not a date (write it as YYYY-MM-DD)", ErrInvalid, v)
		}
		return t.Format("2006-01-02"), nil
	}
	return "", fmt.Errorf("%w: unknown attribute type %q (use text, number, date or category)", ErrInvalid, typ)
}

func knownType(typ string) bool {
	for _, t := range AttributeTypes {
		if t == typ {
			return true
		}
	}
	return false
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
	sort.SliceStable(out, func(i, j int) bool { return naturalLess(out[i].Name, out[j].Name) })
	return out, rows.Err()
}

// NaturalLess orders "Patient 2" before "Patient 10", as cases are listed.
func NaturalLess(a, b string) bool { return naturalLess(a, b) }

// naturalLess orders "Patient 2" before "Patient 10".
func naturalLess(a, b string) bool {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			a, b = a[da:], b[db:]
			continue
		}
		ca, cb := strings.ToLower(a[:1]), strings.ToLower(b[:1])
		if ca != cb {
			return ca < cb
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// Attributes lists the attributes of cases in their column order, with the
// values in use of each category.
func (p *Project) Attributes() ([]Attribute, error) {
	return attributes(p.db)
}

func attributes(q rowsQuerier) ([]Attribute, error) {
	rows, err := q.Query(`SELECT name, type, position FROM case_attribute_types ORDER BY position, name`)
	if err != nil {
		return nil, err
	}
	var out []Attribute
	for rows.Next() {
		var a Attribute
		if err := rows.Scan(&a.Name, &a.Type, &a.Position); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Type != AttrCategory {
			continue
		}
		vs, err := q.Query(`SELECT DISTINCT value FROM case_attributes WHERE name = ? AND value != '' ORDER BY value`, out[i].Name)
		if err != nil {
			return nil, err
		}
		for vs.Next() {
			var v string
			if err := vs.Scan(&v); err != nil {
				vs.Close()
				return nil, err
			}
			out[i].Values = append(out[i].Values, v)
		}
		vs.Close()
		sort.SliceStable(out[i].Values, func(a, b int) bool { return naturalLess(out[i].Values[a], out[i].Values[b]) })
	}
	return out, nil
}

// attributeType is the type of an attribute, creating it as text at the end
// of the columns when it does not exist yet.
func attributeType(tx *sql.Tx, name string) (string, error) {
	var typ string
	err := tx.QueryRow(`SELECT type FROM case_attribute_types WHERE name = ?`, name).Scan(&typ)
	if errors.Is(err, sql.ErrNoRows) {
		return AttrText, addAttribute(tx, name, AttrText)
	}
	return typ, err
}

func addAttribute(tx *sql.Tx, name, typ string) error {
	_, err := tx.Exec(`INSERT INTO case_attribute_types(name, type, position)
		VALUES(?, ?, (SELECT COALESCE(max(position), 0) + 1 FROM case_attribute_types))`, name, typ)
	return err
}

func caseID(tx *sql.Tx, name string) (int64, bool, error) {
	var id int64
	err := tx.QueryRow(`SELECT id FROM cases WHERE name = ?`, name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

func caseName(q querier, id int64) (string, error) {
	var name string
	err := q.QueryRow(`SELECT name FROM cases WHERE id = ?`, id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("case %d: %w", id, ErrNotFound)
	}
	return name, err
}

// setValue stores one attribute value of a case, checked against the
// attribute's type; an empty value unsets it.
func setValue(tx *sql.Tx, id int64, attr, value string) (string, error) {
	typ, err := attributeType(tx, attr)
	if err != nil {
		return "", err
	}
	v, err := NormalizeValue(typ, value)
	if err != nil {
		return "", fmt.Errorf("%s: %w", attr, err)
	}
	if v == "" {
		_, err = tx.Exec(`DELETE FROM case_attributes WHERE case_id = ? AND name = ?`, id, attr)
		return v, err
	}
	_, err = tx.Exec(`INSERT INTO case_attributes(case_id, name, value) VALUES(?, ?, ?)
		ON CONFLICT(case_id, name) DO UPDATE SET value = excluded.value`, id, attr, v)
	return v, err
}

// LinkCase sets the case of a document, creating the case if needed and
// setting the given attributes on it (existing attributes of other names
// stay; an attribute not yet known is added as text).
func (p *Project) LinkCase(document int64, caseName string, attrs map[string]string, actor int64) error {
	caseName, err := cleanName("a case", caseName)
	if err != nil {
		return err
	}
	for k := range attrs {
		if err := CheckName("an attribute", k); err != nil {
			return err
		}
	}
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		id, ok, err := caseID(tx, caseName)
		if err != nil {
			return err
		}
		if !ok {
			res, err := tx.Exec(`INSERT INTO cases(name) VALUES(?)`, caseName)
			if err != nil {
				return err
			}
			id, _ = res.LastInsertId()
		}
		names := make([]string, 0, len(attrs))
		for k := range attrs {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			if _, err := setValue(tx, id, k, attrs[k]); err != nil {
				return fmt.Errorf("case %q: %w", caseName, err)
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

func cleanName(what, name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", fmt.Errorf("%w: %s needs a name", ErrInvalid, what)
	}
	return name, CheckName(what, name)
}

// AddCase adds a case without attributes.
func (p *Project) AddCase(name string, actor int64) (Case, error) {
	name, err := cleanName("a case", name)
	if err != nil {
		return Case{}, err
	}
	c := Case{Name: name, Attributes: map[string]string{}}
	err = p.tx(context.Background(), func(tx *sql.Tx) error {
		if _, ok, err := caseID(tx, name); err != nil {
			return err
		} else if ok {
			return fmt.Errorf("%w: there is already a case called %q", ErrInvalid, name)
		}
		res, err := tx.Exec(`INSERT INTO cases(name) VALUES(?)`, name)
		if err != nil {
			return err
		}
		c.ID, _ = res.LastInsertId()
		return journal(tx, p.stamp(), actor, "case.add", map[string]any{"id": c.ID, "name": name})
	})
	return c, err
}

// RenameCase gives a case a new, unique name.
func (p *Project) RenameCase(id int64, name string, actor int64) error {
	name, err := cleanName("a case", name)
	if err != nil {
		return err
	}
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		old, err := caseName(tx, id)
		if err != nil {
			return err
		}
		if other, ok, err := caseID(tx, name); err != nil {
			return err
		} else if ok && other != id {
			return fmt.Errorf("%w: there is already a case called %q", ErrInvalid, name)
		}
		if _, err := tx.Exec(`UPDATE cases SET name = ? WHERE id = ?`, name, id); err != nil {
			return err
		}
		return journal(tx, p.stamp(), actor, "case.rename", map[string]any{"id": id, "from": old, "to": name})
	})
}

// DeleteCase removes a case and its values; documents and speakers linked to
// it are left without a case.
func (p *Project) DeleteCase(id int64, actor int64) error {
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		name, err := caseName(tx, id)
		if err != nil {
			return err
		}
		values := map[string]string{}
		rows, err := tx.Query(`SELECT name, value FROM case_attributes WHERE case_id = ?`, id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var k, v string
			if err := rows.Scan(&k, &v); err != nil {
				rows.Close()
				return err
			}
			values[k] = v
		}
		rows.Close()
		if _, err := tx.Exec(`UPDATE documents SET case_id = NULL WHERE case_id = ?`, id); err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM cases WHERE id = ?`, id); err != nil {
			return err
		}
		return journal(tx, p.stamp(), actor, "case.delete", map[string]any{"id": id, "name": name, "attributes": values})
	})
}

// SetCaseValue sets one attribute of a case, checked against the attribute's
// type; an empty value unsets it. The attribute must exist.
func (p *Project) SetCaseValue(id int64, attr, value string, actor int64) error {
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		name, err := caseName(tx, id)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM case_attribute_types WHERE name = ?`, attr).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("attribute %q: %w", attr, ErrNotFound)
		}
		v, err := setValue(tx, id, attr, value)
		if err != nil {
			return fmt.Errorf("case %q: %w", name, err)
		}
		return journal(tx, p.stamp(), actor, "case.value", map[string]any{"case": name, "attribute": attr, "value": v})
	})
}

// AddAttribute adds a column to the cases table.
func (p *Project) AddAttribute(name, typ string, actor int64) error {
	name, err := cleanName("an attribute", name)
	if err != nil {
		return err
	}
	if !knownType(typ) {
		return fmt.Errorf("%w: unknown attribute type %q (use text, number, date or category)", ErrInvalid, typ)
	}
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM case_attribute_types WHERE name = ?`, name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: there is already an attribute called %q", ErrInvalid, name)
		}
		if err := addAttribute(tx, name, typ); err != nil {
			return err
		}
		return journal(tx, p.stamp(), actor, "attribute.add", map[string]any{"name": name, "type": typ})
	})
}

// RenameAttribute renames a column of the cases table, values and all.
func (p *Project) RenameAttribute(old, name string, actor int64) error {
	name, err := cleanName("an attribute", name)
	if err != nil {
		return err
	}
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM case_attribute_types WHERE name = ?`, old).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("attribute %q: %w", old, ErrNotFound)
		}
		if name == old {
			return nil
		}
		if err := tx.QueryRow(`SELECT count(*) FROM case_attribute_types WHERE name = ?`, name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: there is already an attribute called %q", ErrInvalid, name)
		}
		if _, err := tx.Exec(`UPDATE case_attribute_types SET name = ? WHERE name = ?`, name, old); err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE case_attributes SET name = ? WHERE name = ?`, name, old); err != nil {
			return err
		}
		return journal(tx, p.stamp(), actor, "attribute.rename", map[string]any{"from": old, "to": name})
	})
}

// SetAttributeType changes the type of an attribute. Every value already
// set must be valid under the new type, or nothing changes and the error
// names the first case whose value is not.
func (p *Project) SetAttributeType(name, typ string, actor int64) error {
	if !knownType(typ) {
		return fmt.Errorf("%w: unknown attribute type %q (use text, number, date or category)", ErrInvalid, typ)
	}
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		var old string
		err := tx.QueryRow(`SELECT type FROM case_attribute_types WHERE name = ?`, name).Scan(&old)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("attribute %q: %w", name, ErrNotFound)
		} else if err != nil {
			return err
		}
		if err := retype(tx, name, typ); err != nil {
			return err
		}
		return journal(tx, p.stamp(), actor, "attribute.type", map[string]any{"name": name, "from": old, "to": typ})
	})
}

// retype checks and normalises every value of an attribute under typ and
// records the type.
func retype(tx *sql.Tx, name, typ string) error {
	rows, err := tx.Query(`SELECT c.id, c.name, a.value FROM case_attributes a JOIN cases c ON c.id = a.case_id
		WHERE a.name = ? ORDER BY c.name`, name)
	if err != nil {
		return err
	}
	type value struct {
		id         int64
		caseName   string
		old, fixed string
	}
	var values []value
	for rows.Next() {
		var v value
		if err := rows.Scan(&v.id, &v.caseName, &v.old); err != nil {
			rows.Close()
			return err
		}
		values = append(values, v)
	}
	rows.Close()
	for i, v := range values {
		fixed, err := NormalizeValue(typ, v.old)
		if err != nil {
			return fmt.Errorf("%w: %s cannot become %s: case %q has %q", ErrInvalid, name, typ, v.caseName, v.old)
		}
		values[i].fixed = fixed
	}
	for _, v := range values {
		if v.fixed != v.old {
			if _, err := tx.Exec(`UPDATE case_attributes SET value = ? WHERE case_id = ? AND name = ?`, v.fixed, v.id, name); err != nil {
				return err
			}
		}
	}
	_, err = tx.Exec(`UPDATE case_attribute_types SET type = ? WHERE name = ?`, typ, name)
	return err
}

// DeleteAttribute removes a column of the cases table with its values.
func (p *Project) DeleteAttribute(name string, actor int64) error {
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		res, err := tx.Exec(`DELETE FROM case_attribute_types WHERE name = ?`, name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("attribute %q: %w", name, ErrNotFound)
		}
		res, err = tx.Exec(`DELETE FROM case_attributes WHERE name = ?`, name)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		return journal(tx, p.stamp(), actor, "attribute.delete", map[string]any{"name": name, "values": n})
	})
}

// SetDocumentCase links a document to a case; case 0 unlinks it.
func (p *Project) SetDocumentCase(document, caseID int64, actor int64) error {
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		docName, err := documentName(tx, document)
		if err != nil {
			return err
		}
		var link any
		name := ""
		if caseID != 0 {
			if name, err = caseName(tx, caseID); err != nil {
				return err
			}
			link = caseID
		}
		if _, err := tx.Exec(`UPDATE documents SET case_id = ? WHERE id = ?`, link, document); err != nil {
			return err
		}
		return journal(tx, p.stamp(), actor, "document.case", map[string]any{"document": docName, "case": name})
	})
}

func documentName(q querier, id int64) (string, error) {
	var name string
	err := q.QueryRow(`SELECT name FROM documents WHERE id = ?`, id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	return name, err
}
