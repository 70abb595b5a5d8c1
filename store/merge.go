package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"themis/errs"
	"themis/frameworks"
	"themis/internal/prose"
)

// A merge brings another copy of a project (or another tool's REFI-QDA
// project) into this one: new coders, frameworks, codes, documents, cases,
// attribute values, segments and memos, all in one transaction with one
// journal entry ("project.merge") that lists the id of every row it added,
// so that UndoMerge can take exactly those back. What to add is decided by
// the project package (project.Merge plans it from the copy); the store
// checks the rows as it writes them and keeps the SQL.
//
// Rows the merge makes refer to each other before they have ids: in a
// MergeSet an id below zero names the (-id)th row of its kind in the set
// (-1 the first), an id above zero a row already in the project.

// MergeSet is everything one merge adds.
type MergeSet struct {
	File       string // base name of the file merged, for the journal
	Coders     []string
	Frameworks []string // new frameworks, made empty (their codes are in Codes)
	Codes      []MergeCode
	Documents  []MergeDocument
	Cases      []string
	Attributes []Attribute // new attribute columns: Name and Type
	Values     []MergeValue
	Links      []MergeLink // documents given a case
	Segments   []MergeSegment
	Memos      []MergeMemo
}

// MergeCode is a new code. Framework and Parent may name new rows (< 0);
// Parent 0 is the top level. An empty Color picks one that stands apart.
type MergeCode struct {
	Framework, Parent int64
	Code              frameworks.Code // Name, Definition, WhenToUse, WhenNotToUse, Examples, Color, Codable, GUID
}

// MergeDocument is a new document with its speakers' cases (case ids, < 0
// for a new case) and the speakers left out of coding.
type MergeDocument struct {
	Doc          NewDocument
	SpeakerCases map[string]int64
}

// MergeValue sets one attribute value of a case; it must be unset.
type MergeValue struct {
	Case  int64
	Name  string
	Value string
}

// MergeLink gives a document that has no case one.
type MergeLink struct{ Document, Case int64 }

// MergeSegment is a segment to add; an exact duplicate of one the project
// has (the segments table's UNIQUE) is collapsed onto it, not an error.
type MergeSegment struct {
	Document, Code, Coder int64
	Start, End            int
}

// MergeMemo is a memo to add. Target is a document or code id (< 0: new),
// or for a segment memo the index of its segment in MergeSet.Segments
// (0-based), which may have collapsed onto an existing segment. An exact
// duplicate (same target, author and text) of a memo the project has is
// skipped.
type MergeMemo struct {
	Kind    string
	Target  int64
	Author  int64
	Text    string
	Created string // RFC 3339, "" for now
}

// MergeApplied says what ApplyMerge wrote.
type MergeApplied struct {
	Journal    int64
	Segments   int // added
	Duplicates int // collapsed onto segments the project had
	Memos      int // added
	MemoDups   int // skipped as duplicates
	// PerCoder counts segments added per coder id (the id in the project).
	PerCoder map[int64]int
}

// mergeDetail is what the journal keeps of a merge: enough to undo it
// exactly. Segments are id ranges (a merge numbers its segments in one run).
type mergeDetail struct {
	File       string         `json:"file"`
	Counts     map[string]int `json:"counts"`
	PerCoder   map[string]int `json:"coders"` // coder name → segments added
	Coders     []int64        `json:"coder_ids,omitempty"`
	Frameworks []int64        `json:"framework_ids,omitempty"`
	Codes      []int64        `json:"code_ids,omitempty"`
	Codebooks  []int64        `json:"codebooks,omitempty"` // existing frameworks it added codes to
	// CodebookMark is the last codebook change when the merge was written:
	// later ones that touch its codes are work its undo would lose.
	CodebookMark int64            `json:"codebook_mark,omitempty"`
	Documents    []int64          `json:"document_ids,omitempty"`
	Cases        []int64          `json:"case_ids,omitempty"`
	Attributes   []string         `json:"attributes,omitempty"`
	Values       []mergeValueRow  `json:"values,omitempty"`
	Links        []MergeLink      `json:"links,omitempty"`
	Segments     [][2]int64       `json:"segment_ranges,omitempty"`
	Memos        []int64          `json:"memo_ids,omitempty"`
	Undo         *mergeUndoDetail `json:"undo,omitempty"`
}

type mergeValueRow struct {
	Case  int64  `json:"case"`
	Name  string `json:"name"`
	Value string `json:"value"`
}

type mergeUndoDetail struct {
	Merge int64 `json:"merge"`
}

// ApplyMerge writes m in one transaction with one journal entry
// ("project.merge") and returns that entry's id. Any row that breaks a rule
// (a name, a span outside its document, a segment entirely in excluded
// turns, a code that is not codable) fails the whole merge, leaving the
// project unchanged.
func (p *Project) ApplyMerge(m MergeSet, actor int64) (MergeApplied, error) {
	res := MergeApplied{PerCoder: map[int64]int{}}
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		now := p.stamp()
		d := mergeDetail{File: m.File, Counts: map[string]int{}, PerCoder: map[string]int{}}
		resolve := func(kind string, ids []int64, id int64) (int64, error) {
			if id >= 0 {
				return id, nil
			}
			if int(-id) > len(ids) {
				return 0, fmt.Errorf("merge %s: %s %d: %w", m.File, kind, id, ErrNotFound)
			}
			return ids[-id-1], nil
		}
		for _, name := range m.Coders {
			name = strings.TrimSpace(name)
			if err := CheckName("a coder", name); err != nil {
				return fmt.Errorf("merge %s: %w", m.File, err)
			}
			r, err := tx.Exec(`INSERT INTO coders(name, created_at) VALUES(?, ?)`, name, now)
			if err != nil {
				return fmt.Errorf("merge %s: coder %q: %w", m.File, name, err)
			}
			id, _ := r.LastInsertId()
			d.Coders = append(d.Coders, id)
		}
		for _, name := range m.Frameworks {
			id, err := insertFramework(tx, frameworks.Framework{Name: name}, now)
			if err != nil {
				return fmt.Errorf("merge %s: framework %q: %w", m.File, name, err)
			}
			d.Frameworks = append(d.Frameworks, id)
		}
		if err := mergeCodes(tx, m, &d, resolve); err != nil {
			return err
		}
		if err := mergeHistory(tx, m.File, &d, now, actor); err != nil {
			return err
		}
		if err := tx.QueryRow(`SELECT COALESCE(MAX(id), 0) FROM codebook_changes`).Scan(&d.CodebookMark); err != nil {
			return err
		}
		if err := mergeCases(tx, m, &d); err != nil {
			return err
		}
		if err := mergeDocuments(tx, m, &d, now, resolve); err != nil {
			return err
		}
		for _, l := range m.Links {
			doc, err := resolve("document", d.Documents, l.Document)
			if err != nil {
				return err
			}
			c, err := resolve("case", d.Cases, l.Case)
			if err != nil {
				return err
			}
			r, err := tx.Exec(`UPDATE documents SET case_id = ? WHERE id = ? AND case_id IS NULL`, c, doc)
			if err != nil {
				return err
			}
			if n, _ := r.RowsAffected(); n != 1 {
				return fmt.Errorf("merge %s: %w: document %d already has a case", m.File, ErrInvalid, doc)
			}
			d.Links = append(d.Links, MergeLink{Document: doc, Case: c})
		}
		segIDs, err := mergeSegments(tx, m, &d, &res, now, resolve)
		if err != nil {
			return err
		}
		if err := mergeMemos(tx, m, &d, &res, segIDs, now, resolve); err != nil {
			return err
		}
		if err := reserveIDs(tx, d.Codes, nil); err != nil {
			return err
		}
		for id, n := range res.PerCoder {
			name, err := coderName(tx, id)
			if err != nil {
				return err
			}
			d.PerCoder[name] = n
		}
		d.Counts = map[string]int{"coders": len(d.Coders), "frameworks": len(d.Frameworks), "codes": len(d.Codes),
			"documents": len(d.Documents), "cases": len(d.Cases), "values": len(d.Values), "links": len(d.Links),
			"segments": res.Segments, "duplicates": res.Duplicates, "memos": res.Memos}
		if err := journal(tx, now, actor, "project.merge", d); err != nil {
			return err
		}
		return tx.QueryRow(`SELECT last_insert_rowid()`).Scan(&res.Journal)
	})
	if err != nil {
		return MergeApplied{}, err
	}
	return res, nil
}

type resolver func(kind string, ids []int64, id int64) (int64, error)

// mergeHistory writes the codebook history of the frameworks a merge made
// (their revision 0, as CreateFramework writes it) or added codes to (a
// revision "import", which the codebook's own undo passes over: UndoMerge
// takes it back). Not addFramework or recordChange: they journal each
// change, and the merge's one journal entry stands for all of it.
func mergeHistory(tx *sql.Tx, file string, d *mergeDetail, now string, actor int64) error {
	added := map[int64][]string{}
	for _, id := range d.Codes {
		c, err := codeOf(tx, id)
		if err != nil {
			return err
		}
		added[c.Framework] = append(added[c.Framework], c.Name)
	}
	made := map[int64]bool{}
	for _, id := range d.Frameworks {
		made[id] = true
		var name string
		if err := tx.QueryRow(`SELECT name FROM frameworks WHERE id = ?`, id).Scan(&name); err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO codebook_changes(framework_id, revision, at, coder_id, action, summary) VALUES(?, 0, ?, ?, 'create', ?)`,
			id, now, nullID(actor), frameworks.CreateSummary(name, len(added[id]), file)); err != nil {
			return err
		}
	}
	fws := make([]int64, 0, len(added))
	for fw := range added {
		if !made[fw] {
			fws = append(fws, fw)
		}
	}
	sort.Slice(fws, func(i, j int) bool { return fws[i] < fws[j] })
	for _, fw := range fws {
		summary := fmt.Sprintf("Merged %s from %s: %s", prose.Count(len(added[fw]), "new code", "new codes"), file, quoteNames(added[fw]))
		if err := historyRow(tx, fw, now, actor, summary); err != nil {
			return err
		}
		d.Codebooks = append(d.Codebooks, fw)
	}
	return nil
}

// historyRow records an "import" revision of a framework's codebook.
func historyRow(tx *sql.Tx, fw int64, now string, actor int64, summary string) error {
	_, err := tx.Exec(`INSERT INTO codebook_changes(framework_id, revision, at, coder_id, action, summary)
		VALUES(?, (SELECT COALESCE(MAX(revision), -1) + 1 FROM codebook_changes WHERE framework_id = ?), ?, ?, 'import', ?)`,
		fw, fw, now, nullID(actor), summary)
	return err
}

// quoteNames is “A”, “B” and “C”, the first few of names and how many more.
func quoteNames(names []string) string {
	const shown = 5
	q := make([]string, 0, shown)
	for i, n := range names {
		if i == shown {
			break
		}
		q = append(q, "“"+n+"”")
	}
	s := strings.Join(q, ", ")
	if len(names) > shown {
		s += fmt.Sprintf(" and %d more", len(names)-shown)
	}
	return s
}

func mergeCodes(tx *sql.Tx, m MergeSet, d *mergeDetail, resolve resolver) error {
	for _, mc := range m.Codes {
		fw, err := resolve("framework", d.Frameworks, mc.Framework)
		if err != nil {
			return err
		}
		parent, err := resolve("code", d.Codes, mc.Parent)
		if err != nil {
			return err
		}
		c := mc.Code
		f, err := clean(tx, fw, 0, CodeFields{Parent: parent, Name: c.Name, Definition: c.Definition, WhenToUse: c.WhenToUse,
			WhenNotToUse: c.WhenNotToUse, Examples: c.Examples, Color: c.Color, Codable: c.Codable})
		if err != nil {
			return fmt.Errorf("merge %s: code %q: %w", m.File, c.Name, err)
		}
		if err := checkParent(tx, fw, parent); err != nil {
			return fmt.Errorf("merge %s: code %q: %w", m.File, c.Name, err)
		}
		codes, err := codesWhere(tx, "WHERE framework_id = ?", []any{fw})
		if err != nil {
			return err
		}
		refs := map[string]bool{}
		pos := 0
		for _, o := range codes {
			refs[o.Ref] = true
			if o.Parent == parent {
				pos = max(pos, o.Position+1)
			}
		}
		code := Code{Framework: fw, Parent: parent, Ref: frameworks.RefFor(f.Name, refs), Name: f.Name,
			Definition: f.Definition, WhenToUse: f.WhenToUse, WhenNotToUse: f.WhenNotToUse, Examples: f.Examples,
			Color: distinctColor(f.Color, colorsOf(codes)), Codable: f.Codable, GUID: c.GUID, Position: pos}
		if code.ID, err = nextID(tx, "codes"); err != nil {
			return err
		}
		if code.GUID == "" {
			var fwName string
			if err := tx.QueryRow(`SELECT name FROM frameworks WHERE id = ?`, fw).Scan(&fwName); err != nil {
				return err
			}
			code.GUID = frameworks.Framework{Name: fwName}.GUIDOf(frameworks.Code{Ref: code.Ref + "\x00" + fmt.Sprint(code.ID)})
		}
		if err := putCode(tx, code, nil); err != nil {
			return fmt.Errorf("merge %s: %w", m.File, err)
		}
		d.Codes = append(d.Codes, code.ID)
	}
	return nil
}

func mergeCases(tx *sql.Tx, m MergeSet, d *mergeDetail) error {
	for _, a := range m.Attributes {
		if err := CheckName("an attribute", a.Name); err != nil {
			return fmt.Errorf("merge %s: %w", m.File, err)
		}
		if !knownType(a.Type) {
			return fmt.Errorf("merge %s: attribute %q: %w: unknown type %q", m.File, a.Name, ErrInvalid, a.Type)
		}
		if err := addAttribute(tx, a.Name, a.Type); err != nil {
			return fmt.Errorf("merge %s: attribute %q: %w", m.File, a.Name, err)
		}
		d.Attributes = append(d.Attributes, a.Name)
	}
	for _, name := range m.Cases {
		name, err := cleanName("a case", name)
		if err != nil {
			return fmt.Errorf("merge %s: %w", m.File, err)
		}
		r, err := tx.Exec(`INSERT INTO cases(name) VALUES(?)`, name)
		if err != nil {
			return fmt.Errorf("merge %s: case %q: %w", m.File, name, err)
		}
		id, _ := r.LastInsertId()
		d.Cases = append(d.Cases, id)
	}
	for _, v := range m.Values {
		c := v.Case
		if c < 0 {
			if int(-c) > len(d.Cases) {
				return fmt.Errorf("merge %s: case %d: %w", m.File, c, ErrNotFound)
			}
			c = d.Cases[-c-1]
		}
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM case_attributes WHERE case_id = ? AND name = ?`, c, v.Name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("merge %s: %w: case %d already has a value for %q", m.File, ErrInvalid, c, v.Name)
		}
		val, err := setValue(tx, c, v.Name, v.Value)
		if err != nil {
			return fmt.Errorf("merge %s: case %d: %w", m.File, c, err)
		}
		if val != "" {
			d.Values = append(d.Values, mergeValueRow{Case: c, Name: v.Name, Value: val})
		}
	}
	return nil
}

func mergeDocuments(tx *sql.Tx, m MergeSet, d *mergeDetail, now string, resolve resolver) error {
	stmt, err := tx.Prepare(`INSERT INTO turns(document_id, idx, speaker, stamp, start, content_start, stop) VALUES(?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, md := range m.Documents {
		doc := md.Doc
		if err := checkTurns(doc); err != nil {
			return fmt.Errorf("merge %s: document %q: %w", m.File, doc.Name, err)
		}
		var dup string
		if err := tx.QueryRow(`SELECT name FROM documents WHERE hash = ?`, doc.Hash).Scan(&dup); err == nil {
			return fmt.Errorf("merge %s: %w: document %q is already in the project as %q", m.File, ErrInvalid, doc.Name, dup)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		name, err := uniqueName(tx, StripControls(doc.Name))
		if err != nil {
			return err
		}
		r, err := tx.Exec(`INSERT INTO documents(name, source_name, text, hash, words, chars, imported_at)
			VALUES(?, ?, ?, ?, ?, ?, ?)`, name, StripControls(doc.SourceName), doc.Text, doc.Hash, doc.Words, utf8.RuneCountInString(doc.Text), now)
		if err != nil {
			return fmt.Errorf("merge %s: document %q: %w", m.File, doc.Name, err)
		}
		id, _ := r.LastInsertId()
		d.Documents = append(d.Documents, id)
		speaks := map[string]bool{}
		for i, t := range doc.Turns {
			speaks[t.Speaker] = true
			if _, err := stmt.Exec(id, i, t.Speaker, t.Timestamp, t.Start, t.ContentStart, t.End); err != nil {
				return fmt.Errorf("merge %s: document %q: turn %d: %w", m.File, doc.Name, i+1, err)
			}
		}
		excluded := map[string]bool{}
		for _, sp := range doc.Excluded {
			excluded[sp] = true
		}
		speakers := map[string]bool{}
		for sp := range excluded {
			speakers[sp] = true
		}
		for sp := range md.SpeakerCases {
			speakers[sp] = true
		}
		names := make([]string, 0, len(speakers))
		for sp := range speakers {
			names = append(names, sp)
		}
		sort.Strings(names)
		for _, sp := range names {
			if !speaks[sp] {
				return fmt.Errorf("merge %s: document %q: %w: speaker %q does not speak in it", m.File, doc.Name, ErrInvalid, sp)
			}
			var c int64
			if ref, ok := md.SpeakerCases[sp]; ok && ref != 0 {
				if c, err = resolve("case", d.Cases, ref); err != nil {
					return err
				}
			}
			if err := upsertSpeaker(tx, id, sp, c, excluded[sp]); err != nil {
				return fmt.Errorf("merge %s: document %q: %w", m.File, doc.Name, err)
			}
		}
	}
	return nil
}

// mergeSegments adds the segments, numbering new ones in one run above every
// row and reserved id; it returns each MergeSegment's id in the project (the
// existing segment's for a duplicate).
func mergeSegments(tx *sql.Tx, m MergeSet, d *mergeDetail, res *MergeApplied, now string, resolve resolver) ([]int64, error) {
	ids := make([]int64, len(m.Segments))
	if len(m.Segments) == 0 {
		return ids, nil
	}
	chars := map[int64]int{}
	codable := map[int64]bool{}
	kinds := map[int64]string{}
	excluding, err := documentsExcluding(tx)
	if err != nil {
		return nil, err
	}
	next, err := nextID(tx, "segments")
	if err != nil {
		return nil, err
	}
	find, err := tx.Prepare(`SELECT id FROM segments WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start = ? AND stop = ?`)
	if err != nil {
		return nil, err
	}
	defer find.Close()
	ins, err := tx.Prepare(`INSERT OR IGNORE INTO segments(id, document_id, code_id, coder_id, start, stop, created_at) VALUES(?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	defer ins.Close()
	var runStart, runEnd int64
	for i, ms := range m.Segments {
		fail := func(err error) error { return fmt.Errorf("merge %s: segment %d: %w", m.File, i+1, err) }
		doc, err := resolve("document", d.Documents, ms.Document)
		if err != nil {
			return nil, err
		}
		code, err := resolve("code", d.Codes, ms.Code)
		if err != nil {
			return nil, err
		}
		coder, err := resolve("coder", d.Coders, ms.Coder)
		if err != nil {
			return nil, err
		}
		n, ok := chars[doc]
		if !ok {
			if err := tx.QueryRow(`SELECT chars FROM documents WHERE id = ?`, doc).Scan(&n); err != nil {
				return nil, fail(fmt.Errorf("document %d: %w", doc, ErrNotFound))
			}
			chars[doc] = n
		}
		if ms.Start < 0 || ms.End <= ms.Start || ms.End > n {
			return nil, fail(fmt.Errorf("%w: span %d–%d is outside the document (0–%d) or empty", ErrInvalid, ms.Start, ms.End, n))
		}
		cod, ok := codable[code]
		if !ok {
			c, err := codeOf(tx, code)
			if err != nil {
				return nil, fail(err)
			}
			cod, codable[code] = c.Codable, c.Codable
		}
		if !cod {
			return nil, fail(fmt.Errorf("%w: code %d groups other codes and is not codable itself", ErrInvalid, code))
		}
		kind, ok := kinds[coder]
		if !ok {
			if kind, err = coderKind(tx, coder); err != nil {
				return nil, fail(err)
			}
			kinds[coder] = kind
		}
		if kind == KindConsensus {
			// A copy carries the consensus layer as it was: what it already
			// holds collapses; nothing new may be written to it.
			err := find.QueryRow(doc, code, coder, ms.Start, ms.End).Scan(&ids[i])
			if errors.Is(err, sql.ErrNoRows) {
				return nil, fail(fmt.Errorf("%w: the consensus layer is written by adjudicating disagreements, not by merging", ErrInvalid))
			} else if err != nil {
				return nil, err
			}
			res.Duplicates++
			continue
		}
		if excluding[doc] {
			if err := checkNotExcluded(tx, doc, ms.Start, ms.End); err != nil {
				return nil, fail(err)
			}
		}
		// Every other rule is checked above, so the insert is ignored only
		// for an exact duplicate (the table's UNIQUE); looking it up then
		// rather than before each insert halves the statements.
		id := next
		r, err := ins.Exec(id, doc, code, coder, ms.Start, ms.End, now)
		if err != nil {
			return nil, fail(err)
		}
		if n, _ := r.RowsAffected(); n == 0 {
			if err := find.QueryRow(doc, code, coder, ms.Start, ms.End).Scan(&ids[i]); err != nil {
				return nil, fail(err)
			}
			res.Duplicates++
			continue
		}
		next++
		ids[i] = id
		res.Segments++
		res.PerCoder[coder]++
		if runEnd == id-1 && runEnd != 0 {
			runEnd = id
		} else {
			if runEnd != 0 {
				d.Segments = append(d.Segments, [2]int64{runStart, runEnd})
			}
			runStart, runEnd = id, id
		}
	}
	if runEnd != 0 {
		d.Segments = append(d.Segments, [2]int64{runStart, runEnd})
	}
	return ids, nil
}

func mergeMemos(tx *sql.Tx, m MergeSet, d *mergeDetail, res *MergeApplied, segIDs []int64, now string, resolve resolver) error {
	for i, mm := range m.Memos {
		fail := func(err error) error { return fmt.Errorf("merge %s: memo %d: %w", m.File, i+1, err) }
		if err := CheckMemoText(mm.Text); err != nil {
			return fail(err)
		}
		author, err := resolve("coder", d.Coders, mm.Author)
		if err != nil {
			return err
		}
		r := memoRow{Kind: mm.Kind, Author: author, Text: mm.Text, CreatedAt: now, UpdatedAt: now}
		if mm.Created != "" {
			r.CreatedAt = mm.Created
		}
		var where string
		var args []any
		switch mm.Kind {
		case MemoProject:
			where = `kind = 'project'`
		case MemoDocument:
			if r.Document, err = resolve("document", d.Documents, mm.Target); err != nil {
				return err
			}
			where, args = `kind = 'document' AND document_id = ?`, []any{r.Document}
		case MemoCode:
			if r.Code, err = resolve("code", d.Codes, mm.Target); err != nil {
				return err
			}
			where, args = `kind = 'code' AND code_id = ?`, []any{r.Code}
		case MemoSegment:
			if mm.Target < 0 || int(mm.Target) >= len(segIDs) {
				return fail(fmt.Errorf("segment %d: %w", mm.Target+1, ErrNotFound))
			}
			r.Segment = segIDs[mm.Target]
			if err := tx.QueryRow(`SELECT document_id FROM segments WHERE id = ?`, r.Segment).Scan(&r.Document); err != nil {
				return fail(err)
			}
			where, args = `kind = 'segment' AND segment_id = ?`, []any{r.Segment}
		default:
			return fail(fmt.Errorf("%w: a memo is on the project, a document, a code or a segment, not %q", ErrInvalid, mm.Kind))
		}
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM memos WHERE `+where+` AND author_id = ? AND text = ?`, append(args, author, mm.Text)...).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			res.MemoDups++
			continue
		}
		ins, err := tx.Exec(`INSERT INTO memos(kind, document_id, code_id, segment_id, author_id, text, created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)`,
			r.Kind, nullID(r.Document), nullID(r.Code), nullID(r.Segment), r.Author, r.Text, r.CreatedAt, r.UpdatedAt)
		if err != nil {
			return fail(err)
		}
		id, _ := ins.LastInsertId()
		d.Memos = append(d.Memos, id)
		res.Memos++
	}
	return nil
}

// MergeEntry is a merge as the journal recorded it.
type MergeEntry struct {
	Journal  int64
	At       string
	File     string
	By       string // who merged; "" when nobody was named
	Segments int    // segments added
	Undone   bool
}

// Merges lists the project's merges, newest first.
func (p *Project) Merges() ([]MergeEntry, error) {
	rows, err := p.db.Query(`SELECT j.id, j.at, COALESCE(c.name, ''), j.action, j.detail FROM journal j
		LEFT JOIN coders c ON c.id = j.coder_id
		WHERE j.action IN ('project.merge', 'project.merge.undo') ORDER BY j.id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MergeEntry
	undone := map[int64]bool{}
	for rows.Next() {
		var e MergeEntry
		var action, detail string
		if err := rows.Scan(&e.Journal, &e.At, &e.By, &action, &detail); err != nil {
			return nil, err
		}
		var d mergeDetail
		if err := json.Unmarshal([]byte(detail), &d); err != nil {
			return nil, fmt.Errorf("journal entry %d: %w", e.Journal, err)
		}
		if action == "project.merge.undo" {
			if d.Undo != nil {
				undone[d.Undo.Merge] = true
			}
			continue
		}
		e.File, e.Segments = d.File, d.Counts["segments"]
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Undone = undone[out[i].Journal]
	}
	return out, nil
}

// ErrMergeStands is wrapped by UndoMerge's refusals: later work depends on
// what the merge added, or it was undone already.
var ErrMergeStands = errs.New(errs.Conflict, "the merge cannot be undone")

// UndoMerge takes back the merge journalled as entry journalID: it deletes
// exactly the rows the merge added, in one transaction journalled as
// "project.merge.undo". It refuses, changing nothing, when the merge was
// undone already or when later work depends on what it added (segments or
// memos made since on a merged code, document or coder, a merged segment
// removed or changed, a merged code or case edited away).
func (p *Project) UndoMerge(journalID int64, actor int64) (MergeEntry, error) {
	var entry MergeEntry
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		var action, detail string
		err := tx.QueryRow(`SELECT j.at, COALESCE(c.name, ''), j.action, j.detail FROM journal j LEFT JOIN coders c ON c.id = j.coder_id WHERE j.id = ?`, journalID).
			Scan(&entry.At, &entry.By, &action, &detail)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && action != "project.merge") {
			return fmt.Errorf("journal entry %d is not a merge: %w", journalID, ErrNotFound)
		} else if err != nil {
			return err
		}
		var d mergeDetail
		if err := json.Unmarshal([]byte(detail), &d); err != nil {
			return fmt.Errorf("journal entry %d: %w", journalID, err)
		}
		entry.Journal, entry.File, entry.Segments = journalID, d.File, d.Counts["segments"]
		refuse := func(format string, args ...any) error {
			return fmt.Errorf("%w: the merge of %s (%s): %s", ErrMergeStands, d.File, entry.At, fmt.Sprintf(format, args...))
		}
		var undone int
		if err := tx.QueryRow(`SELECT count(*) FROM journal WHERE action = 'project.merge.undo' AND json_extract(detail, '$.undo.merge') = ?`, journalID).Scan(&undone); err != nil {
			return err
		}
		if undone > 0 {
			return refuse("it was undone already")
		}
		if err := checkMergeUndo(tx, d, journalID, entry.At, refuse); err != nil {
			return err
		}
		removed := map[int64]int{}
		for _, id := range d.Codes {
			if c, err := codeOf(tx, id); err == nil {
				removed[c.Framework]++
			}
		}
		if err := deleteMerged(tx, d); err != nil {
			return err
		}
		var segIDs []int64
		if n := len(d.Segments); n > 0 {
			segIDs = []int64{d.Segments[n-1][1]}
		}
		if err := reserveIDs(tx, d.Codes, segIDs); err != nil {
			return err
		}
		now := p.stamp()
		for _, fw := range d.Codebooks {
			summary := fmt.Sprintf("Undid the merge of %s: %s taken away", d.File, prose.Count(removed[fw], "code", "codes"))
			if err := historyRow(tx, fw, now, actor, summary); err != nil {
				return err
			}
		}
		entry.Undone = true
		return journal(tx, now, actor, "project.merge.undo", mergeDetail{File: d.File, Counts: d.Counts, PerCoder: d.PerCoder,
			Undo: &mergeUndoDetail{Merge: journalID}})
	})
	if err != nil {
		return MergeEntry{}, err
	}
	return entry, nil
}

// idSet is a temporary table of ids for the checks' SQL; dropped by the
// caller's defer.
func idSet(tx *sql.Tx, name string, ids []int64) error {
	if _, err := tx.Exec(`CREATE TEMP TABLE IF NOT EXISTS ` + name + ` (id INTEGER PRIMARY KEY)`); err != nil {
		return err
	}
	if _, err := tx.Exec(`DELETE FROM ` + name); err != nil {
		return err
	}
	stmt, err := tx.Prepare(`INSERT OR IGNORE INTO ` + name + `(id) VALUES(?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, id := range ids {
		if _, err := stmt.Exec(id); err != nil {
			return err
		}
	}
	return nil
}

func segmentIDs(ranges [][2]int64) []int64 {
	var out []int64
	for _, r := range ranges {
		for id := r[0]; id <= r[1]; id++ {
			out = append(out, id)
		}
	}
	return out
}

func linkedDocs(links []MergeLink) []int64 {
	out := make([]int64, len(links))
	for i, l := range links {
		out[i] = l.Document
	}
	return out
}

// checkMergeUndo refuses an undo that would take away, or break, work done
// since the merge.
func checkMergeUndo(tx *sql.Tx, d mergeDetail, entry int64, at string, refuse func(string, ...any) error) error {
	sets := map[string][]int64{"merge_segs": segmentIDs(d.Segments), "merge_codes": d.Codes, "merge_docs": d.Documents,
		"merge_coders": d.Coders, "merge_cases": d.Cases, "merge_memos": d.Memos, "merge_fws": d.Frameworks, "merge_linked": linkedDocs(d.Links)}
	for name, ids := range sets {
		if err := idSet(tx, name, ids); err != nil {
			return err
		}
	}
	count := func(q string, args ...any) (int, error) {
		var n int
		err := tx.QueryRow(q, args...).Scan(&n)
		return n, err
	}
	checks := []struct {
		q    string
		what string
	}{
		{`SELECT (SELECT count(*) FROM merge_segs) - (SELECT count(*) FROM segments WHERE id IN (SELECT id FROM merge_segs))`,
			"%d of the segments it added were removed or resized since"},
		{`SELECT count(*) FROM segments WHERE id NOT IN (SELECT id FROM merge_segs) AND (code_id IN (SELECT id FROM merge_codes)
			OR document_id IN (SELECT id FROM merge_docs) OR coder_id IN (SELECT id FROM merge_coders))`,
			"%d segments were made since on the codes, documents or by the coders it added"},
		{`SELECT (SELECT count(*) FROM merge_memos) - (SELECT count(*) FROM memos WHERE id IN (SELECT id FROM merge_memos))`,
			"%d of the memos it added were deleted since"},
		{`SELECT count(*) FROM memos WHERE id NOT IN (SELECT id FROM merge_memos) AND (code_id IN (SELECT id FROM merge_codes)
			OR document_id IN (SELECT id FROM merge_docs) OR segment_id IN (SELECT id FROM merge_segs) OR author_id IN (SELECT id FROM merge_coders))`,
			"%d memos were written since on what it added or by the coders it added"},
		{`SELECT (SELECT count(*) FROM merge_codes) - (SELECT count(*) FROM codes WHERE id IN (SELECT id FROM merge_codes))`,
			"%d of the codes it added were deleted or merged away since"},
		{`SELECT count(*) FROM codes WHERE id NOT IN (SELECT id FROM merge_codes) AND (parent_id IN (SELECT id FROM merge_codes)
			OR framework_id IN (SELECT id FROM merge_fws))`,
			"%d codes were added since under the codes or in the frameworks it added"},
		{`SELECT count(*) FROM codebook_changes WHERE revision > 0 AND framework_id IN (SELECT id FROM merge_fws)`,
			"the frameworks it added were edited since (%d changes in their history)"},
		{`SELECT count(*) FROM exemplars WHERE code_id IN (SELECT id FROM merge_codes) OR document_id IN (SELECT id FROM merge_docs)`,
			"%d passages were starred since on its codes or documents"},
		{`SELECT (SELECT count(*) FROM merge_docs) - (SELECT count(*) FROM documents WHERE id IN (SELECT id FROM merge_docs))`,
			"%d of the documents it added were deleted since"},
		{`SELECT (SELECT count(*) FROM merge_cases) - (SELECT count(*) FROM cases WHERE id IN (SELECT id FROM merge_cases))`,
			"%d of the cases it added were deleted since"},
		{`SELECT count(*) FROM documents WHERE case_id IN (SELECT id FROM merge_cases) AND id NOT IN (SELECT id FROM merge_docs)
			AND id NOT IN (SELECT id FROM merge_linked)`,
			"documents were linked since to the cases it added (%d)"},
		{`SELECT count(*) FROM plan_sample WHERE document_id IN (SELECT id FROM merge_docs)`,
			"the double-coding plan drawn since includes %d of its documents"},
		{`SELECT count(*) FROM plan_assignments WHERE document_id IN (SELECT id FROM merge_docs) OR coder_id IN (SELECT id FROM merge_coders)`,
			"the double-coding plan drawn since assigns %d of its documents or coders"},
		{`SELECT count(*) FROM done_marks WHERE document_id IN (SELECT id FROM merge_docs) OR coder_id IN (SELECT id FROM merge_coders)`,
			"%d of its documents were marked done since, or by its coders"},
		{`SELECT count(*) FROM adjudications WHERE document_id IN (SELECT id FROM merge_docs)`,
			"%d disagreements in its documents were adjudicated since"},
		{`SELECT count(*) FROM consensus_layers WHERE coder_a IN (SELECT id FROM merge_coders) OR coder_b IN (SELECT id FROM merge_coders)`,
			"%d consensus layers were made since with the coders it added"},
		{`SELECT count(*) FROM settings WHERE key = '` + settingAdjudicator + `' AND value IN (SELECT CAST(id AS TEXT) FROM merge_coders)`,
			"a coder it added was named adjudicator since (%d)"},
		{`SELECT count(*) FROM journal WHERE coder_id IN (SELECT id FROM merge_coders)`,
			"the coders it added have worked in the project since (%d journal entries)"},
	}
	// Work recorded since the merge on what it added: codebook edits of its
	// codes (a rename, a move, a recolour), renamed documents and cases.
	since := []struct {
		q    string
		args []any
		what string
	}{
		{`SELECT count(*) FROM codebook_changes c, json_each(CASE WHEN c.after = '' THEN '{}' ELSE c.after END, '$.code_ids') j
			WHERE c.id > ? AND j.value IN (SELECT id FROM merge_codes)`, []any{d.CodebookMark},
			"the codes it added were edited in the codebook since (%d changes)"},
		{`SELECT count(*) FROM journal WHERE id > ? AND action = 'document.rename' AND json_extract(detail, '$.id') IN (SELECT id FROM merge_docs)`,
			[]any{entry}, "%d of the documents it added were renamed since"},
		{`SELECT count(*) FROM journal WHERE id > ? AND action = 'case.rename' AND json_extract(detail, '$.id') IN (SELECT id FROM merge_cases)`,
			[]any{entry}, "%d of the cases it added were renamed since"},
		{`SELECT count(*) FROM scan_dismissals WHERE document_id IN (SELECT id FROM merge_docs)`, nil,
			"the anonymisation check's findings in its documents were dismissed since (%d)"},
	}
	for _, c := range since {
		n, err := count(c.q, c.args...)
		if err != nil {
			return err
		}
		if n > 0 {
			return refuse(c.what, n)
		}
	}
	for _, a := range d.Attributes {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM case_attribute_types WHERE name = ?`, a).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return refuse("the attribute %q it added was renamed or deleted since", a)
		}
	}
	for _, c := range checks {
		n, err := count(c.q)
		if err != nil {
			return err
		}
		if n > 0 {
			return refuse(c.what, n)
		}
	}
	// Segments are never updated in place, but a removed segment's id can
	// come back for a new one: the merge's own carry its time stamp.
	n, err := count(`SELECT count(*) FROM segments WHERE id IN (SELECT id FROM merge_segs) AND created_at <> ?`, at)
	if err != nil {
		return err
	}
	if n > 0 {
		return refuse("%d of the segments it added were removed or resized since", n)
	}
	for _, l := range d.Links {
		var c sql.NullInt64
		if err := tx.QueryRow(`SELECT case_id FROM documents WHERE id = ?`, l.Document).Scan(&c); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if c.Int64 != l.Case {
			name, _ := documentName(tx, l.Document)
			return refuse("the case of document %q was changed since", name)
		}
	}
	for _, v := range d.Values {
		var now string
		err := tx.QueryRow(`SELECT value FROM case_attributes WHERE case_id = ? AND name = ?`, v.Case, v.Name).Scan(&now)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if now != v.Value {
			name, _ := caseName(tx, v.Case)
			return refuse("the value of %q for case %q was changed since", v.Name, name)
		}
	}
	for _, a := range d.Attributes {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM case_attributes WHERE name = ?`, a).Scan(&n); err != nil {
			return err
		}
		mine := 0
		for _, v := range d.Values {
			if v.Name == a {
				mine++
			}
		}
		if n > mine {
			return refuse("values of the attribute %q it added were set since", a)
		}
	}
	return nil
}

// deleteMerged deletes what a merge added, dependants first.
func deleteMerged(tx *sql.Tx, d mergeDetail) error {
	stmts := []string{
		`DELETE FROM memos WHERE id IN (SELECT id FROM merge_memos)`,
		`DELETE FROM segments WHERE id IN (SELECT id FROM merge_segs)`,
	}
	for _, s := range stmts {
		if _, err := tx.Exec(s); err != nil {
			return err
		}
	}
	for _, l := range d.Links {
		if _, err := tx.Exec(`UPDATE documents SET case_id = NULL WHERE id = ? AND case_id = ?`, l.Document, l.Case); err != nil {
			return err
		}
	}
	for _, v := range d.Values {
		if _, err := tx.Exec(`DELETE FROM case_attributes WHERE case_id = ? AND name = ? AND value = ?`, v.Case, v.Name, v.Value); err != nil {
			return err
		}
	}
	for _, s := range []string{
		`DELETE FROM documents WHERE id IN (SELECT id FROM merge_docs)`,
		`UPDATE document_speakers SET case_id = NULL WHERE case_id IN (SELECT id FROM merge_cases)`,
		`DELETE FROM cases WHERE id IN (SELECT id FROM merge_cases)`,
	} {
		if _, err := tx.Exec(s); err != nil {
			return err
		}
	}
	for _, a := range d.Attributes {
		if _, err := tx.Exec(`DELETE FROM case_attribute_types WHERE name = ?`, a); err != nil {
			return err
		}
	}
	// Children before parents: a merge adds a parent before its children,
	// so its ids are in that order.
	for i := len(d.Codes) - 1; i >= 0; i-- {
		if _, err := tx.Exec(`DELETE FROM codes WHERE id = ?`, d.Codes[i]); err != nil {
			return fmt.Errorf("remove code %d: %w", d.Codes[i], err)
		}
	}
	for _, id := range d.Frameworks {
		if _, err := tx.Exec(`DELETE FROM frameworks WHERE id = ?`, id); err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM settings WHERE key = ? AND value = ?`, settingActiveFramework, fmt.Sprint(id)); err != nil {
			return err
		}
	}
	for _, id := range d.Coders {
		if _, err := tx.Exec(`DELETE FROM coders WHERE id = ?`, id); err != nil {
			return fmt.Errorf("remove coder %d: %w", id, err)
		}
	}
	for _, t := range []string{"merge_segs", "merge_codes", "merge_docs", "merge_coders", "merge_cases", "merge_memos", "merge_fws", "merge_linked"} {
		if _, err := tx.Exec(`DROP TABLE IF EXISTS temp.` + t); err != nil {
			return err
		}
	}
	return nil
}

// DocumentHashes maps each document's content hash (sha256 of its stored
// text, as corpus computes it) to its id: how a merge matches documents.
func (p *Project) DocumentHashes() (map[string]int64, error) {
	rows, err := p.db.Query(`SELECT hash, id FROM documents`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var h string
		var id int64
		if err := rows.Scan(&h, &id); err != nil {
			return nil, err
		}
		out[h] = id
	}
	return out, rows.Err()
}
