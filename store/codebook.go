package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"themis/frameworks"
)

const settingActiveFramework = "active_framework"

// CodeFields are the parts of a code its editor changes. Parent is only read
// when a code is made; MoveCode moves an existing one.
type CodeFields struct {
	Parent       int64
	Name         string
	Definition   string
	WhenToUse    string
	WhenNotToUse string
	Examples     []string
	Color        string // "" picks one from the palette
	Key          string
	Codable      bool
	Scale        *float64
}

// clean applies frameworks.CleanCode and frameworks.CheckUnique, the
// codebook's rules for a code's fields, against the rest of the framework.
// self is the code being edited, 0 for a new one.
func clean(tx *sql.Tx, framework, self int64, f CodeFields) (CodeFields, error) {
	c, err := frameworks.CleanCode(frameworks.Code{Name: f.Name, Definition: f.Definition, WhenToUse: f.WhenToUse,
		WhenNotToUse: f.WhenNotToUse, Examples: f.Examples, Color: f.Color, Key: f.Key, Codable: f.Codable, Scale: f.Scale})
	f.Name, f.Definition, f.WhenToUse, f.WhenNotToUse, f.Examples, f.Color, f.Key = c.Name, c.Definition, c.WhenToUse, c.WhenNotToUse, c.Examples, c.Color, c.Key
	if err != nil {
		return f, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if err := CheckName("a code", f.Name); err != nil {
		return f, err
	}
	codes, err := codesWhere(tx, "WHERE framework_id = ?", []any{framework})
	if err != nil {
		return f, err
	}
	others := make([]frameworks.Code, len(codes))
	for i, o := range codes {
		others[i] = o.asFramework()
	}
	if err := frameworks.CheckUnique(c, others, func(i int) bool { return codes[i].ID == self }); err != nil {
		return f, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return f, nil
}

// asFramework is c's fields as the frameworks package knows a code (without
// its place in the tree).
func (c Code) asFramework() frameworks.Code {
	return frameworks.Code{Ref: c.Ref, Name: c.Name, Definition: c.Definition, WhenToUse: c.WhenToUse, WhenNotToUse: c.WhenNotToUse,
		Examples: c.Examples, Color: c.Color, Key: c.Key, Codable: c.Codable, Scale: c.Scale, GUID: c.GUID}
}

// checkParent makes sure parent is 0 or a code of the framework.
func checkParent(tx *sql.Tx, framework, parent int64) error {
	if parent == 0 {
		return nil
	}
	c, err := codeOf(tx, parent)
	if err != nil {
		return err
	}
	if c.Framework != framework {
		return fmt.Errorf("%w: “%s” belongs to another framework", ErrInvalid, c.Name)
	}
	return nil
}

// AddCode adds a code at the end of its parent's children in framework (0:
// the active one).
func (p *Project) AddCode(framework int64, f CodeFields, actor int64) (Code, error) {
	fw, err := p.resolveFramework(framework)
	if err != nil {
		return Code{}, err
	}
	var out Code
	_, err = p.codebookChange(fw, actor, func(r *recorder) (string, string, error) {
		c, err := addCode(r, fw, f)
		out = c
		if err != nil {
			return "", "", err
		}
		return "add", frameworks.AddSummary(c.Name, parentName(r.tx, c.Parent), false), nil
	})
	return out, err
}

// parentName is the name of the code parent, "" for the top level (or a
// parent that cannot be read: the summary then just leaves it out).
func parentName(q querier, parent int64) string {
	if parent == 0 {
		return ""
	}
	if c, err := codeOf(q, parent); err == nil {
		return c.Name
	}
	return ""
}

// colorsOf lists the colours codes use.
func colorsOf(codes []Code) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = c.Color
	}
	return out
}

func addCode(r *recorder, framework int64, f CodeFields) (Code, error) {
	tx := r.tx
	f, err := clean(tx, framework, 0, f)
	if err != nil {
		return Code{}, err
	}
	if err := checkParent(tx, framework, f.Parent); err != nil {
		return Code{}, err
	}
	codes, err := codesWhere(tx, "WHERE framework_id = ?", []any{framework})
	if err != nil {
		return Code{}, err
	}
	refs := map[string]bool{}
	pos := 0
	for _, c := range codes {
		refs[c.Ref] = true
		if c.Parent == f.Parent {
			pos = max(pos, c.Position+1)
		}
	}
	c := Code{Framework: framework, Parent: f.Parent, Ref: frameworks.RefFor(f.Name, refs), Name: f.Name,
		Definition: f.Definition, WhenToUse: f.WhenToUse, WhenNotToUse: f.WhenNotToUse, Examples: f.Examples,
		Color: distinctColor(f.Color, colorsOf(codes)), Key: f.Key, Codable: f.Codable, Scale: f.Scale, Position: pos}
	if c.ID, err = nextID(tx, "codes"); err != nil {
		return c, err
	}
	var fwName string
	if err := tx.QueryRow(`SELECT name FROM frameworks WHERE id = ?`, framework).Scan(&fwName); err != nil {
		return c, err
	}
	// Ids make the guid unique even when a deleted code's ref is reused.
	c.GUID = frameworks.Framework{Name: fwName}.GUIDOf(frameworks.Code{Ref: c.Ref + "\x00" + strconv.FormatInt(c.ID, 10)})
	if err := putCode(tx, c, nil); err != nil {
		return c, err
	}
	return c, r.code(c.ID, true)
}

// UpdateCode changes a code's fields other than its parent.
func (p *Project) UpdateCode(id int64, f CodeFields, actor int64) (Code, error) {
	old, err := p.Code(id)
	if err != nil {
		return Code{}, err
	}
	var out Code
	_, err = p.codebookChange(old.Framework, actor, func(r *recorder) (string, string, error) {
		f, err := clean(r.tx, old.Framework, id, f)
		if err != nil {
			return "", "", err
		}
		if !f.Codable && old.Codable {
			var n int
			r.tx.QueryRow(`SELECT COUNT(*) FROM segments WHERE code_id = ?`, id).Scan(&n)
			if n > 0 {
				return "", "", fmt.Errorf("%w: “%s” has %d segments; a code that is not codable cannot keep them (merge or split it first)", ErrInvalid, old.Name, n)
			}
		}
		if err := r.code(id, false); err != nil {
			return "", "", err
		}
		c := old
		c.Name, c.Definition, c.WhenToUse, c.WhenNotToUse, c.Examples = f.Name, f.Definition, f.WhenToUse, f.WhenNotToUse, f.Examples
		if f.Color != "" {
			c.Color = f.Color
		}
		c.Key, c.Codable, c.Scale = f.Key, f.Codable, f.Scale
		out = c
		action, summary := frameworks.DescribeEdit(old.asFramework(), c.asFramework())
		if action == "" {
			return "", "", fmt.Errorf("%w: nothing about “%s” changed", ErrInvalid, old.Name)
		}
		return action, summary, putCode(r.tx, c, map[int64]Code{id: old})
	})
	return out, err
}

// descendants returns the ids of id's descendants, nearest first.
func descendants(tx *sql.Tx, framework, id int64) ([]Code, error) {
	codes, err := codesWhere(tx, "WHERE framework_id = ?", []any{framework})
	if err != nil {
		return nil, err
	}
	under := map[int64]bool{id: true}
	var out []Code
	for _, c := range codes { // tree order: a parent before its children
		if under[c.Parent] {
			under[c.ID] = true
			out = append(out, c)
		}
	}
	return out, nil
}

// MoveCode puts a code under parent (0: top level) at index among its new
// siblings, renumbering them.
func (p *Project) MoveCode(id, parent int64, index int, actor int64) error {
	c, err := p.Code(id)
	if err != nil {
		return err
	}
	_, err = p.codebookChange(c.Framework, actor, func(r *recorder) (string, string, error) {
		if err := checkParent(r.tx, c.Framework, parent); err != nil {
			return "", "", err
		}
		below, err := descendants(r.tx, c.Framework, id)
		if err != nil {
			return "", "", err
		}
		for _, d := range below {
			if d.ID == parent {
				return "", "", fmt.Errorf("%w: “%s” cannot go under its own sub-code “%s”", ErrInvalid, c.Name, d.Name)
			}
		}
		if parent == id {
			return "", "", fmt.Errorf("%w: “%s” cannot go under itself", ErrInvalid, c.Name)
		}
		siblings, err := childrenOf(r.tx, c.Framework, parent, id)
		if err != nil {
			return "", "", err
		}
		index = min(max(index, 0), len(siblings))
		moved := c
		moved.Parent = parent
		order := append(append(append([]Code{}, siblings[:index]...), moved), siblings[index:]...)
		for i, s := range order {
			if s.ID != id && s.Position == i {
				continue
			}
			if err := r.code(s.ID, false); err != nil {
				return "", "", err
			}
			if _, err := r.tx.Exec(`UPDATE codes SET parent_id = ?, position = ? WHERE id = ?`, nullID(s.Parent), i, s.ID); err != nil {
				return "", "", err
			}
		}
		return "move", frameworks.MoveSummary(c.Name, index+1, parentName(r.tx, parent), parent == c.Parent), nil
	})
	return err
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// childrenOf lists parent's children in order, leaving out skip.
func childrenOf(tx *sql.Tx, framework, parent, skip int64) ([]Code, error) {
	codes, err := codesWhere(tx, "WHERE framework_id = ? AND COALESCE(parent_id, 0) = ?", []any{framework, parent})
	if err != nil {
		return nil, err
	}
	out := codes[:0]
	for _, c := range codes {
		if c.ID != skip {
			out = append(out, c)
		}
	}
	return out, nil
}

// MergeResult says what a merge did.
type MergeResult struct {
	From, Into Code
	Moved      int // segments recoded
	Collapsed  int // segments dropped because the same coder had the same span with the target code
	Children   int // sub-codes moved under the target
	Summary    string
}

// MergeCodes recodes every segment of from as into, collapsing a segment
// into an identical one of the same coder, moves from's sub-codes under
// into, and deletes from; one undoable change. from's exemplars become
// into's, collapsing into one into already has for the same span.
func (p *Project) MergeCodes(from, into int64, actor int64) (MergeResult, error) {
	var res MergeResult
	a, err := p.Code(from)
	if err != nil {
		return res, err
	}
	b, err := p.Code(into)
	if err != nil {
		return res, err
	}
	res.From, res.Into = a, b
	if a.Framework != b.Framework {
		return res, fmt.Errorf("%w: “%s” and “%s” belong to different frameworks", ErrInvalid, a.Name, b.Name)
	}
	if from == into {
		return res, fmt.Errorf("%w: a code cannot be merged into itself", ErrInvalid)
	}
	_, err = p.codebookChange(a.Framework, actor, func(r *recorder) (string, string, error) {
		tx := r.tx
		below, err := descendants(tx, a.Framework, from)
		if err != nil {
			return "", "", err
		}
		for _, d := range below {
			if d.ID == into {
				return "", "", fmt.Errorf("%w: “%s” is a sub-code of “%s”; move it out first, or merge the other way", ErrInvalid, b.Name, a.Name)
			}
		}
		segs, err := segmentRows(tx, `WHERE code_id = ?`, from)
		if err != nil {
			return "", "", err
		}
		if len(segs) > 0 && !b.Codable {
			return "", "", fmt.Errorf("%w: “%s” groups other codes and is not codable, so it cannot take the segments of “%s”; make it codable first", ErrInvalid, b.Name, a.Name)
		}
		for _, s := range segs {
			if err := r.segment(s.ID, false); err != nil {
				return "", "", err
			}
			var dup int64
			err := tx.QueryRow(`SELECT id FROM segments WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start = ? AND stop = ?`,
				s.Document, into, s.Coder, s.Start, s.End).Scan(&dup)
			if err == nil {
				// the collapsed segment's memos move to the one it collapses into
				if _, err := r.memos(`WHERE segment_id = ?`, s.ID); err != nil {
					return "", "", err
				}
				if _, err := tx.Exec(`UPDATE memos SET segment_id = ? WHERE segment_id = ?`, dup, s.ID); err != nil {
					return "", "", err
				}
				if _, err := tx.Exec(`DELETE FROM segments WHERE id = ?`, s.ID); err != nil {
					return "", "", err
				}
				res.Collapsed++
				continue
			} else if err != sql.ErrNoRows {
				return "", "", err
			}
			if _, err := tx.Exec(`UPDATE segments SET code_id = ? WHERE id = ?`, into, s.ID); err != nil {
				return "", "", err
			}
			res.Moved++
		}
		// starred quotes follow the segments; one already starred with into
		// for the same span keeps its own cuts
		exs, err := exemplarRows(tx, `WHERE code_id = ?`, from)
		if err != nil {
			return "", "", err
		}
		for _, e := range exs {
			if err := r.exemplar(e.ID); err != nil {
				return "", "", err
			}
			var n int
			if err := tx.QueryRow(`SELECT COUNT(*) FROM exemplars WHERE document_id = ? AND code_id = ? AND start = ? AND stop = ?`,
				e.Document, into, e.Start, e.End).Scan(&n); err != nil {
				return "", "", err
			}
			q := `UPDATE exemplars SET code_id = ? WHERE id = ?`
			args := []any{into, e.ID}
			if n > 0 {
				q, args = `DELETE FROM exemplars WHERE id = ?`, []any{e.ID}
			}
			if _, err := tx.Exec(q, args...); err != nil {
				return "", "", err
			}
		}
		kids, err := childrenOf(tx, a.Framework, from, 0)
		if err != nil {
			return "", "", err
		}
		next, err := childrenOf(tx, a.Framework, into, 0)
		if err != nil {
			return "", "", err
		}
		for i, k := range kids {
			if err := r.code(k.ID, false); err != nil {
				return "", "", err
			}
			if _, err := tx.Exec(`UPDATE codes SET parent_id = ?, position = ? WHERE id = ?`, into, len(next)+i, k.ID); err != nil {
				return "", "", err
			}
		}
		res.Children = len(kids)
		// the code's memos become the merged code's
		if _, err := r.memos(`WHERE code_id = ?`, from); err != nil {
			return "", "", err
		}
		if _, err := tx.Exec(`UPDATE memos SET code_id = ? WHERE code_id = ?`, into, from); err != nil {
			return "", "", err
		}
		if err := r.code(from, false); err != nil {
			return "", "", err
		}
		if _, err := tx.Exec(`DELETE FROM codes WHERE id = ?`, from); err != nil {
			return "", "", err
		}
		res.Summary = frameworks.MergeSummary(res.From.Name, res.Into.Name, res.Moved, res.Collapsed, res.Children)
		return "merge", res.Summary, nil
	})
	return res, err
}

func segmentRows(q rowsQuerier, where string, args ...any) ([]segmentRow, error) {
	rows, err := q.Query(`SELECT id, document_id, code_id, coder_id, start, stop, created_at, COALESCE(adjudication_id, 0)
		FROM segments `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []segmentRow
	for rows.Next() {
		var s segmentRow
		if err := rows.Scan(&s.ID, &s.Document, &s.Code, &s.Coder, &s.Start, &s.End, &s.CreatedAt, &s.Adjudication); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// SplitCode makes a new code from f (by default beside the original) and
// moves the listed segments of id to it; one undoable change.
func (p *Project) SplitCode(id int64, f CodeFields, segments []int64, actor int64) (Code, error) {
	orig, err := p.Code(id)
	if err != nil {
		return Code{}, err
	}
	var out Code
	_, err = p.codebookChange(orig.Framework, actor, func(r *recorder) (string, string, error) {
		if !f.Codable && len(segments) > 0 {
			return "", "", fmt.Errorf("%w: the new code must be codable to take segments", ErrInvalid)
		}
		c, err := addCode(r, orig.Framework, f)
		if err != nil {
			return "", "", err
		}
		out = c
		for _, sid := range segments {
			s, ok, err := segmentRowOf(r.tx, sid)
			if err != nil {
				return "", "", err
			}
			if !ok || s.Code != id {
				return "", "", fmt.Errorf("%w: segment %d is not coded “%s”", ErrInvalid, sid, orig.Name)
			}
			if err := r.segment(sid, false); err != nil {
				return "", "", err
			}
			if _, err := r.tx.Exec(`UPDATE segments SET code_id = ? WHERE id = ?`, c.ID, sid); err != nil {
				return "", "", err
			}
			if err := splitExemplar(r, s, id, c.ID); err != nil {
				return "", "", err
			}
		}
		var total int
		if err := r.tx.QueryRow(`SELECT COUNT(*) FROM segments WHERE code_id = ?`, id).Scan(&total); err != nil {
			return "", "", err
		}
		return "split", frameworks.SplitSummary(c.Name, orig.Name, len(segments), total+len(segments)), nil
	})
	return out, err
}

// splitExemplar moves the exemplar of a segment split off to the new code,
// unless a segment of the original code still covers that span (another
// coder's, say), which keeps it starred where it is.
func splitExemplar(r *recorder, s segmentRow, orig, to int64) error {
	var id int64
	err := r.tx.QueryRow(`SELECT id FROM exemplars WHERE document_id = ? AND code_id = ? AND start = ? AND stop = ?`,
		s.Document, orig, s.Start, s.End).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	} else if err != nil {
		return err
	}
	var left int
	if err := r.tx.QueryRow(`SELECT COUNT(*) FROM segments WHERE document_id = ? AND code_id = ? AND start = ? AND stop = ?`,
		s.Document, orig, s.Start, s.End).Scan(&left); err != nil || left > 0 {
		return err
	}
	if err := r.exemplar(id); err != nil {
		return err
	}
	_, err = r.tx.Exec(`UPDATE exemplars SET code_id = ? WHERE id = ?`, to, id)
	return err
}

// DeleteImpact is what deleting a code takes with it.
type DeleteImpact struct {
	Code     Code
	Codes    []Code        // the code and its descendants, parents first
	ByCoder  map[int64]int // segments per coder
	Segments int
}

// DeleteImpact reports what DeleteCode would remove.
func (p *Project) DeleteImpact(id int64) (DeleteImpact, error) {
	var im DeleteImpact
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		var err error
		im, err = deleteImpact(tx, id)
		return err
	})
	return im, err
}

func deleteImpact(tx *sql.Tx, id int64) (DeleteImpact, error) {
	c, err := codeOf(tx, id)
	if err != nil {
		return DeleteImpact{}, err
	}
	below, err := descendants(tx, c.Framework, id)
	if err != nil {
		return DeleteImpact{}, err
	}
	im := DeleteImpact{Code: c, Codes: append([]Code{c}, below...), ByCoder: map[int64]int{}}
	for _, d := range im.Codes {
		rows, err := tx.Query(`SELECT coder_id, COUNT(*) FROM segments WHERE code_id = ? GROUP BY coder_id`, d.ID)
		if err != nil {
			return im, err
		}
		for rows.Next() {
			var coder int64
			var n int
			if err := rows.Scan(&coder, &n); err != nil {
				rows.Close()
				return im, err
			}
			im.ByCoder[coder] += n
			im.Segments += n
		}
		rows.Close()
	}
	return im, nil
}

// DeleteCode deletes a code, its descendants and all their segments, of
// every coder and consensus layer, and their exemplars; one undoable change.
func (p *Project) DeleteCode(id int64, actor int64) (DeleteImpact, error) {
	c, err := p.Code(id)
	if err != nil {
		return DeleteImpact{}, err
	}
	var im DeleteImpact
	_, err = p.codebookChange(c.Framework, actor, func(r *recorder) (string, string, error) {
		var err error
		if im, err = deleteImpact(r.tx, id); err != nil {
			return "", "", err
		}
		for _, d := range im.Codes {
			if err := r.code(d.ID, false); err != nil {
				return "", "", err
			}
			segs, err := segmentRows(r.tx, `WHERE code_id = ?`, d.ID)
			if err != nil {
				return "", "", err
			}
			for _, s := range segs {
				if err := r.segment(s.ID, false); err != nil {
					return "", "", err
				}
			}
			// memos on the code and on its segments go with them, and its
			// undo brings them back
			if _, err := r.memos(`WHERE code_id = ? OR segment_id IN (SELECT id FROM segments WHERE code_id = ?)`, d.ID, d.ID); err != nil {
				return "", "", err
			}
			if _, err := r.tx.Exec(`DELETE FROM memos WHERE code_id = ? OR segment_id IN (SELECT id FROM segments WHERE code_id = ?)`, d.ID, d.ID); err != nil {
				return "", "", err
			}
			if _, err := r.tx.Exec(`DELETE FROM segments WHERE code_id = ?`, d.ID); err != nil {
				return "", "", err
			}
			// the code's starred quotes go with its segments, and its undo
			// brings them back
			exs, err := exemplarRows(r.tx, `WHERE code_id = ?`, d.ID)
			if err != nil {
				return "", "", err
			}
			for _, e := range exs {
				if err := r.exemplar(e.ID); err != nil {
					return "", "", err
				}
			}
			if _, err := r.tx.Exec(`DELETE FROM exemplars WHERE code_id = ?`, d.ID); err != nil {
				return "", "", err
			}
		}
		for i := len(im.Codes) - 1; i >= 0; i-- {
			if _, err := r.tx.Exec(`DELETE FROM codes WHERE id = ?`, im.Codes[i].ID); err != nil {
				return "", "", err
			}
		}
		return "delete", frameworks.DeleteSummary(c.Name, len(im.Codes)-1, im.Segments), nil
	})
	return im, err
}

// CodeInVivo makes a code named name under parent in framework (0: the
// active one) and codes the span with it as coder: one undoable change, so
// the codebook's undo takes back both.
func (p *Project) CodeInVivo(framework int64, s NewSegment, name string, parent int64, actor int64) (Code, Segment, error) {
	fw, err := p.resolveFramework(framework)
	if err != nil {
		return Code{}, Segment{}, err
	}
	var code Code
	var seg Segment
	_, err = p.codebookChange(fw, actor, func(r *recorder) (string, string, error) {
		var err error
		code, err = addCode(r, fw, CodeFields{Parent: parent, Name: name, Codable: true})
		if err != nil {
			return "", "", err
		}
		s.Code = code.ID
		seg, _, err = insertSegment(r.tx, s, p.stamp())
		if err != nil {
			return "", "", err
		}
		if err := r.segment(seg.ID, true); err != nil {
			return "", "", err
		}
		return "add", frameworks.AddSummary(code.Name, parentName(r.tx, parent), true), nil
	})
	return code, seg, err
}

// CreateFramework adds fw to the project as a new framework and makes it the
// active one. A name already used gets " (2)", " (3)"… origin says where it
// came from ("the built-in Keyes: flourishing", "keyes.yaml") for the history.
func (p *Project) CreateFramework(fw frameworks.Framework, origin string, actor int64) (Framework, error) {
	if err := fw.Validate(); err != nil {
		return Framework{}, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	var id int64
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		names := map[string]bool{}
		rows, err := tx.Query(`SELECT name FROM frameworks`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var n string
			rows.Scan(&n)
			names[strings.ToLower(n)] = true
		}
		rows.Close()
		base := fw.Name
		for i := 2; names[strings.ToLower(fw.Name)]; i++ {
			fw.Name = fmt.Sprintf("%s (%d)", base, i)
		}
		if id, err = addFramework(p, tx, fw, origin, actor); err != nil {
			return err
		}
		return setActive(tx, id)
	})
	if err != nil {
		return Framework{}, err
	}
	return p.FrameworkByID(id)
}

// addFramework inserts fw with its codes numbered above any reserved id and
// records its creation as revision 0 of its history.
func addFramework(p *Project, tx *sql.Tx, fw frameworks.Framework, origin string, actor int64) (int64, error) {
	id, err := insertFramework(tx, fw, p.stamp())
	if err != nil {
		return 0, err
	}
	summary := frameworks.CreateSummary(fw.Name, len(fw.Codes), origin)
	_, err = p.recordChange(tx, id, actor, "create", summary, 0, nil, nil)
	return id, err
}

// SetActiveFramework makes a framework the one the reader codes with.
func (p *Project) SetActiveFramework(id, actor int64) error {
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		f, err := frameworkOf(tx, id, p)
		if err != nil {
			return err
		}
		if err := setActive(tx, id); err != nil {
			return err
		}
		return journal(tx, p.stamp(), actor, "framework.activate", map[string]any{"framework": id, "name": f.Name})
	})
}

func setActive(tx *sql.Tx, id int64) error {
	_, err := tx.Exec(`INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
		settingActiveFramework, strconv.FormatInt(id, 10))
	return err
}

// RenameFramework changes a framework's name and description; undoable.
func (p *Project) RenameFramework(id int64, name, description string, actor int64) error {
	name, description = strings.TrimSpace(name), strings.TrimSpace(description)
	if name == "" {
		return fmt.Errorf("%w: a framework needs a name", ErrInvalid)
	}
	if err := CheckName("a framework", name); err != nil {
		return err
	}
	_, err := p.codebookChange(id, actor, func(r *recorder) (string, string, error) {
		if err := r.frameworkRow(); err != nil {
			return "", "", err
		}
		old := *r.before.Framework
		var taken int
		if err := r.tx.QueryRow(`SELECT COUNT(*) FROM frameworks WHERE name = ? COLLATE NOCASE AND id <> ?`, name, id).Scan(&taken); err != nil {
			return "", "", err
		}
		if taken > 0 {
			return "", "", fmt.Errorf("%w: the project already has a framework called “%s”", ErrInvalid, name)
		}
		if old.Name == name && old.Description == description {
			return "", "", fmt.Errorf("%w: nothing about the framework changed", ErrInvalid)
		}
		if _, err := r.tx.Exec(`UPDATE frameworks SET name = ?, description = ? WHERE id = ?`, name, description, id); err != nil {
			return "", "", err
		}
		action, summary := frameworks.RenameFrameworkSummary(old.Name, name)
		return action, summary, nil
	})
	return err
}
