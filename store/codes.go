package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"themis/frameworks"
)

// Code is a code or factor of one of the project's frameworks.
type Code struct {
	ID           int64
	Framework    int64
	Parent       int64 // 0 for a top-level factor or code
	Ref          string
	Name         string
	Definition   string
	WhenToUse    string
	WhenNotToUse string
	Examples     []string
	Color        string
	Key          string
	Codable      bool
	Scale        *float64
	GUID         string
	Position     int // among its siblings
}

// Framework describes one of the project's frameworks.
type Framework struct {
	ID          int64
	Name        string
	Description string
	CreatedAt   string
	Active      bool
}

const codeColumns = `id, framework_id, COALESCE(parent_id, 0), ref, name, definition, when_to_use, when_not_to_use,
	examples, color, key, codable, scale, guid, position`

type scanner interface{ Scan(dest ...any) error }

func scanCode(r scanner) (Code, error) {
	var c Code
	var examples string
	var scale sql.NullFloat64
	err := r.Scan(&c.ID, &c.Framework, &c.Parent, &c.Ref, &c.Name, &c.Definition, &c.WhenToUse, &c.WhenNotToUse,
		&examples, &c.Color, &c.Key, &c.Codable, &scale, &c.GUID, &c.Position)
	if err != nil {
		return c, err
	}
	if scale.Valid {
		v := scale.Float64
		c.Scale = &v
	}
	if examples != "" && examples != "[]" {
		if err := json.Unmarshal([]byte(examples), &c.Examples); err != nil {
			return c, fmt.Errorf("code %d: examples: %w", c.ID, err)
		}
	}
	return c, nil
}

func examplesJSON(ex []string) string {
	if len(ex) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(ex)
	return string(b)
}

func nullScale(s *float64) any {
	if s == nil {
		return nil
	}
	return *s
}

// insertFramework adds fw as a new framework and returns its id.
func insertFramework(tx *sql.Tx, fw frameworks.Framework, now string) (int64, error) {
	if err := CheckName("a framework", fw.Name); err != nil {
		return 0, err
	}
	for _, c := range fw.Codes {
		if err := CheckName("a code", c.Name); err != nil {
			return 0, err
		}
	}
	res, err := tx.Exec(`INSERT INTO frameworks(name, description, created_at) VALUES(?, ?, ?)`, fw.Name, fw.Description, now)
	if err != nil {
		return 0, err
	}
	fwID, _ := res.LastInsertId()
	ids := map[string]int64{}
	siblings := map[string]int{}
	for _, c := range fw.Codes {
		var parent any
		if c.Parent != "" {
			parent = ids[c.Parent]
		}
		pos := siblings[c.Parent]
		siblings[c.Parent]++
		// The guid is fixed when the code is made, so renaming the framework
		// later does not change what a REFI-QDA re-export says.
		c.GUID = fw.GUIDOf(c)
		res, err := tx.Exec(`INSERT INTO codes(framework_id, parent_id, ref, name, definition, when_to_use, when_not_to_use,
			examples, color, key, codable, scale, guid, position) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			fwID, parent, c.Ref, c.Name, c.Definition, c.WhenToUse, c.WhenNotToUse, examplesJSON(c.Examples),
			colorOr(c.Color, len(ids)), c.Key, c.Codable, nullScale(c.Scale), c.GUID, pos)
		if err != nil {
			return 0, fmt.Errorf("code %q: %w", c.Name, err)
		}
		ids[c.Ref], _ = res.LastInsertId()
	}
	return fwID, nil
}

// palette gives codes without a colour one that tells them apart.
var palette = []string{"#2563eb", "#16a34a", "#dc2626", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777",
	"#4f46e5", "#65a30d", "#0d9488", "#e11d48"}

func colorOr(c string, i int) string {
	if c != "" {
		return strings.ToLower(c)
	}
	return palette[i%len(palette)]
}

// farPalette is what a code added to an existing codebook picks from: the
// palette and darker, quieter colours, so that a codebook that already uses
// the bright hues (Keyes uses sixteen) still gets one that stands apart.
var farPalette = append(append([]string{}, palette...),
	"#78350f", "#475569", "#166534", "#881337", "#1e3a8a", "#86198f", "#57534e", "#a16207")

// distinctColor is the colour of farPalette farthest from every colour in
// used (the nearest used colour as far away as it can be), or c itself when
// it is given. Counting in position would hand out a near repeat of a colour
// chosen by hand or by a built-in framework.
func distinctColor(c string, used []string) string {
	if c != "" {
		return strings.ToLower(c)
	}
	best, bestDist := farPalette[0], -1.0
	for _, p := range farPalette {
		nearest := math.Inf(1)
		for _, u := range used {
			nearest = math.Min(nearest, colorDistance(p, u))
		}
		if nearest > bestDist {
			best, bestDist = p, nearest
		}
	}
	return best
}

// colorDistance is the "redmean" weighted RGB distance between two #rrggbb
// colours, a cheap approximation of how different people see them; a colour
// that does not parse counts as black.
func colorDistance(a, b string) float64 {
	r1, g1, b1 := hexRGB(a)
	r2, g2, b2 := hexRGB(b)
	rm := (r1 + r2) / 2
	dr, dg, db := r1-r2, g1-g2, b1-b2
	return math.Sqrt((2+rm/256)*dr*dr + 4*dg*dg + (2+(255-rm)/256)*db*db)
}

func hexRGB(s string) (r, g, b float64) {
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil || len(s) != 7 {
		return 0, 0, 0
	}
	return float64(v >> 16 & 255), float64(v >> 8 & 255), float64(v & 255)
}

// Frameworks lists the project's frameworks in the order they were added.
func (p *Project) Frameworks() ([]Framework, error) {
	active, err := p.activeFramework(p.db)
	if err != nil {
		return nil, err
	}
	rows, err := p.db.Query(`SELECT id, name, description, created_at FROM frameworks ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Framework
	for rows.Next() {
		var f Framework
		if err := rows.Scan(&f.ID, &f.Name, &f.Description, &f.CreatedAt); err != nil {
			return nil, err
		}
		f.Active = f.ID == active
		out = append(out, f)
	}
	return out, rows.Err()
}

// Framework returns the active framework: the one the reader codes with.
func (p *Project) Framework() (Framework, error) { return p.FrameworkByID(0) }

// FrameworkByID returns one framework; 0 means the active one.
func (p *Project) FrameworkByID(id int64) (Framework, error) {
	id, err := p.resolveFramework(id)
	if err != nil {
		return Framework{}, err
	}
	return frameworkOf(p.db, id, p)
}

func frameworkOf(q querier, id int64, p *Project) (Framework, error) {
	f := Framework{ID: id}
	err := q.QueryRow(`SELECT name, description, created_at FROM frameworks WHERE id = ?`, id).Scan(&f.Name, &f.Description, &f.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return f, fmt.Errorf("framework %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return f, err
	}
	active, err := p.activeFramework(q)
	f.Active = active == id
	return f, err
}

// activeFramework is the framework named by the setting, or the first one.
func (p *Project) activeFramework(q querier) (int64, error) {
	var v string
	err := q.QueryRow(`SELECT value FROM settings WHERE key = ?`, settingActiveFramework).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	if id, _ := strconv.ParseInt(v, 10, 64); id != 0 {
		var ok int
		if q.QueryRow(`SELECT 1 FROM frameworks WHERE id = ?`, id).Scan(&ok) == nil {
			return id, nil
		}
	}
	var id int64
	err = q.QueryRow(`SELECT COALESCE(MIN(id), 0) FROM frameworks`).Scan(&id)
	return id, err
}

// resolveFramework turns 0 into the active framework's id.
func (p *Project) resolveFramework(id int64) (int64, error) {
	if id != 0 {
		return id, nil
	}
	return p.activeFramework(p.db)
}

// Codes lists the codes and factors of every framework, each framework's in
// tree order: a parent, then its children depth first, siblings by position.
func (p *Project) Codes() ([]Code, error) { return codesWhere(p.db, "", nil) }

// CodesOf lists one framework's codes in tree order; 0 means the active one.
func (p *Project) CodesOf(framework int64) ([]Code, error) {
	fw, err := p.resolveFramework(framework)
	if err != nil {
		return nil, err
	}
	return codesWhere(p.db, "WHERE framework_id = ?", []any{fw})
}

type rowsQuerier interface {
	Query(query string, args ...any) (*sql.Rows, error)
}

func codesWhere(q rowsQuerier, where string, args []any) ([]Code, error) {
	rows, err := q.Query(`SELECT `+codeColumns+` FROM codes `+where+` ORDER BY framework_id, position, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []Code
	for rows.Next() {
		c, err := scanCode(rows)
		if err != nil {
			return nil, err
		}
		all = append(all, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return treeOrder(all), nil
}

// treeOrder sorts codes depth first, siblings by position; codes are
// grouped by framework in the order given.
func treeOrder(codes []Code) []Code {
	known := make(map[int64]bool, len(codes))
	for _, c := range codes {
		known[c.ID] = true
	}
	children := map[int64][]Code{}
	var roots []Code
	for _, c := range codes {
		if c.Parent != 0 && known[c.Parent] {
			children[c.Parent] = append(children[c.Parent], c)
		} else {
			roots = append(roots, c)
		}
	}
	bySibling := func(s []Code) {
		sort.SliceStable(s, func(i, j int) bool {
			if s[i].Framework != s[j].Framework {
				return s[i].Framework < s[j].Framework
			}
			if s[i].Position != s[j].Position {
				return s[i].Position < s[j].Position
			}
			return s[i].ID < s[j].ID
		})
	}
	bySibling(roots)
	out := make([]Code, 0, len(codes))
	var walk func(c Code)
	walk = func(c Code) {
		out = append(out, c)
		kids := children[c.ID]
		bySibling(kids)
		for _, k := range kids {
			walk(k)
		}
	}
	for _, r := range roots {
		walk(r)
	}
	return out
}

// CodeByName finds a code of the active framework by name, ignoring case and
// surrounding space, and failing that a code of any framework.
func (p *Project) CodeByName(name string) (Code, error) {
	active, err := p.activeFramework(p.db)
	if err != nil {
		return Code{}, err
	}
	codes, err := p.Codes()
	if err != nil {
		return Code{}, err
	}
	var other *Code
	for i, c := range codes {
		if strings.EqualFold(c.Name, strings.TrimSpace(name)) {
			if c.Framework == active {
				return c, nil
			}
			if other == nil {
				other = &codes[i]
			}
		}
	}
	if other != nil {
		return *other, nil
	}
	return Code{}, fmt.Errorf("code %q: %w", name, ErrNotFound)
}

// Code returns one code.
func (p *Project) Code(id int64) (Code, error) { return codeOf(p.db, id) }

func codeOf(q querier, id int64) (Code, error) {
	c, err := scanCode(q.QueryRow(`SELECT `+codeColumns+` FROM codes WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("code %d: %w", id, ErrNotFound)
	}
	return c, err
}

// ExportFramework returns a framework of the project as plain data, with
// each code's ref, parent and order as they stand.
func (p *Project) ExportFramework(id int64) (frameworks.Framework, error) {
	f, err := p.FrameworkByID(id)
	if err != nil {
		return frameworks.Framework{}, err
	}
	codes, err := p.CodesOf(f.ID)
	if err != nil {
		return frameworks.Framework{}, err
	}
	refs := make(map[int64]string, len(codes))
	out := frameworks.Framework{Name: f.Name, Description: f.Description}
	for _, c := range codes {
		refs[c.ID] = c.Ref
		out.Codes = append(out.Codes, frameworks.Code{
			Ref: c.Ref, Parent: refs[c.Parent], Name: c.Name, Definition: c.Definition,
			WhenToUse: c.WhenToUse, WhenNotToUse: c.WhenNotToUse, Examples: append([]string(nil), c.Examples...),
			Color: c.Color, Key: c.Key, Codable: c.Codable, Scale: c.Scale, GUID: c.GUID,
		})
	}
	return out, nil
}

// SegmentCounts counts each code's segments per coder, for one framework (0:
// the active one): counts[code][coder].
func (p *Project) SegmentCounts(framework int64) (map[int64]map[int64]int, error) {
	fw, err := p.resolveFramework(framework)
	if err != nil {
		return nil, err
	}
	rows, err := p.db.Query(`SELECT s.code_id, s.coder_id, COUNT(*) FROM segments s JOIN codes c ON c.id = s.code_id
		WHERE c.framework_id = ? GROUP BY s.code_id, s.coder_id`, fw)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]map[int64]int{}
	for rows.Next() {
		var code, coder int64
		var n int
		if err := rows.Scan(&code, &coder, &n); err != nil {
			return nil, err
		}
		if out[code] == nil {
			out[code] = map[int64]int{}
		}
		out[code][coder] = n
	}
	return out, rows.Err()
}

// querier is what *sql.DB and *sql.Tx share for single-row lookups.
type querier interface {
	QueryRow(query string, args ...any) *sql.Row
}
