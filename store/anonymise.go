package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"themis/anonymise"
)

// The anonymisation check's side of the project: findings the user
// dismissed, and identifiers replaced by pseudonyms.
//
// A replacement rewrites a document's text, so every offset into it moves:
// segments, exemplars (and their cuts), turns, dismissals and the spans named
// in adjudication items are shifted in the same transaction so that each
// stays on the same words. The
// original text is never written anywhere — not in the journal either: the
// key linking pseudonyms to originals is the user's to keep outside the
// project. A replacement therefore cannot be undone from the project.

// Dismissal is a finding of the anonymisation check that the user said is
// not an identifier. Offsets are code points: of Document's text, or, when
// Memo is set, of that memo's text.
type Dismissal struct {
	Document   int64
	Memo       int64
	Start, End int
	Kind       string
	Text       string
	At         string
	Coder      int64
}

// Dismiss records that a finding is not an identifier, so later scans leave
// it out. Dismissing the same finding again changes nothing.
func (p *Project) Dismiss(d Dismissal, actor int64) error {
	if d.Start < 0 || d.End <= d.Start || d.Kind == "" {
		return fmt.Errorf("%w: a dismissed finding needs a span and a kind", ErrInvalid)
	}
	if d.Memo != 0 {
		return p.dismissInMemo(d, actor)
	}
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		var chars int
		if err := tx.QueryRow(`SELECT chars FROM documents WHERE id = ?`, d.Document).Scan(&chars); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("document %d: %w", d.Document, ErrNotFound)
			}
			return err
		}
		if d.End > chars {
			return fmt.Errorf("%w: span %d-%d is outside document %d (%d characters)", ErrInvalid, d.Start, d.End, d.Document, chars)
		}
		now := p.stamp()
		res, err := tx.Exec(`INSERT OR IGNORE INTO scan_dismissals(document_id, start, stop, kind, text, dismissed_at, coder_id)
			VALUES(?, ?, ?, ?, ?, ?, ?)`, d.Document, d.Start, d.End, d.Kind, d.Text, now, nullID(actor))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		return journal(tx, now, actor, "scan.dismiss", map[string]any{"document": d.Document, "start": d.Start, "end": d.End, "kind": d.Kind})
	})
}

// A finding dismissed in a memo is kept as a setting (settingMemoDismissal,
// then memo:start:stop:kind), so memo findings need no table of their own:
// scan_dismissals is keyed by document. The value holds the memo id, the
// dismissed text, when and by whom. Memo ids are never reused
// (AUTOINCREMENT), and a scan matches the text too, so a dismissal left
// behind by an edit or a deleted memo hides nothing else.
const settingMemoDismissal = "scan.memo_dismissal:"

type memoDismissal struct {
	Memo  int64  `json:"memo"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  string `json:"kind"`
	Text  string `json:"text"`
	At    string `json:"at"`
	Coder int64  `json:"coder,omitempty"`
}

func (p *Project) dismissInMemo(d Dismissal, actor int64) error {
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		m, ok, err := memoRowOf(tx, d.Memo)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("memo %d: %w", d.Memo, ErrNotFound)
		}
		if chars := utf8.RuneCountInString(m.Text); d.End > chars {
			return fmt.Errorf("%w: span %d-%d is outside memo %d (%d characters)", ErrInvalid, d.Start, d.End, d.Memo, chars)
		}
		now := p.stamp()
		v, err := json.Marshal(memoDismissal{Memo: d.Memo, Start: d.Start, End: d.End, Kind: d.Kind, Text: d.Text, At: now, Coder: actor})
		if err != nil {
			return err
		}
		key := fmt.Sprintf("%s%d:%d:%d:%s", settingMemoDismissal, d.Memo, d.Start, d.End, d.Kind)
		res, err := tx.Exec(`INSERT OR IGNORE INTO settings(key, value) VALUES(?, ?)`, key, string(v))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		return journal(tx, now, actor, "scan.dismiss", map[string]any{"memo": d.Memo, "start": d.Start, "end": d.End, "kind": d.Kind})
	})
}

// Dismissals lists the dismissed findings, by document and start, then
// those in memos, by memo and start.
func (p *Project) Dismissals() ([]Dismissal, error) {
	rows, err := p.db.Query(`SELECT document_id, start, stop, kind, text, dismissed_at, COALESCE(coder_id, 0)
		FROM scan_dismissals ORDER BY document_id, start, stop, kind`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Dismissal
	for rows.Next() {
		var d Dismissal
		if err := rows.Scan(&d.Document, &d.Start, &d.End, &d.Kind, &d.Text, &d.At, &d.Coder); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	memoRows, err := p.db.Query(`SELECT value FROM settings WHERE substr(key, 1, ?) = ?`, len(settingMemoDismissal), settingMemoDismissal)
	if err != nil {
		return nil, err
	}
	defer memoRows.Close()
	var inMemos []Dismissal
	for memoRows.Next() {
		var v string
		if err := memoRows.Scan(&v); err != nil {
			return nil, err
		}
		var md memoDismissal
		if err := json.Unmarshal([]byte(v), &md); err != nil {
			return nil, fmt.Errorf("a dismissed finding in a memo: %w", err)
		}
		inMemos = append(inMemos, Dismissal{Memo: md.Memo, Start: md.Start, End: md.End, Kind: md.Kind, Text: md.Text, At: md.At, Coder: md.Coder})
	}
	if err := memoRows.Err(); err != nil {
		return nil, err
	}
	sort.Slice(inMemos, func(i, j int) bool {
		a, b := inMemos[i], inMemos[j]
		if a.Memo != b.Memo {
			return a.Memo < b.Memo
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
	return append(out, inMemos...), nil
}

// Where the words a Replacement replaces stand. A speaker label is part of
// the text (turns point into it), so PlaceSpeakerLabel is replaced as text;
// the other places are names, and their offsets count code points of the
// name.
const (
	PlaceText           = "text"
	PlaceSpeakerLabel   = "speaker label"
	PlaceDocumentName   = "document name"
	PlaceCaseName       = "case name"
	PlaceAttributeValue = "attribute value"
	// PlaceMemo is a memo's text (Replacement.Memo). Every memo loses the
	// originals of a replacement as whole words anyway (see scrubMemos); an
	// original found only in a memo is replaced there this way.
	PlaceMemo = "memo"
)

// Replacement replaces the code points Start..End of a document's text, or
// of a name, with With. Expect, when set, must be the text there now (so a
// stale scan cannot replace the wrong words); it is checked and never
// stored.
type Replacement struct {
	Document   int64
	Start, End int
	With       string
	Expect     string
	// Place is PlaceText ("" too) or PlaceSpeakerLabel for the document's
	// text; PlaceDocumentName for the document's name (the file name it came
	// from loses the same words); PlaceCaseName for the name of Case;
	// PlaceAttributeValue for the value of Case's Attribute.
	Place     string
	Case      int64
	Attribute string
	Memo      int64
}

func (r Replacement) inText() bool {
	return r.Place == "" || r.Place == PlaceText || r.Place == PlaceSpeakerLabel
}

// ReplaceSummary says what ReplaceEverywhere changed.
type ReplaceSummary struct {
	Replacements int // in texts and names
	Documents    int // documents whose text changed
	Segments     int // segments whose offsets moved or that grew or shrank
	Turns        int // turns whose offsets or speaker label changed
	Names        int // document names, case names and attribute values changed
	Memos        int // memos whose text held an original
	// Wiped says the old text was also wiped from the file (see Wipe); when
	// another process was reading the project it could not be, and Close
	// tries again.
	Wiped bool
}

// ReplaceEverywhere applies the replacements in one transaction: all or
// none. Replacements in one document, or one name, must not overlap. Every
// segment stays on the same words: a segment after a replaced span moves by
// the change in length, a segment that contains one grows or shrinks by it,
// and a segment that starts or ends inside one is stretched to cover the
// whole replacement. Turns move the same way; a turn whose speaker label is
// replaced gets the new label. The documents' text, hash, word and
// character counts are recomputed (countWords counts words as import did).
// Names carry no offsets of anything, so they simply change.
//
// The journal records where the replacements were and what was put there,
// never what was taken out, and the originals are taken out of the earlier
// entries too (an import named the file, a case was added under its name).
// Then the file is wiped (see Wipe), so the originals are not left in freed
// pages or the write-ahead log either.
func (p *Project) ReplaceEverywhere(reps []Replacement, countWords func(string) int, actor int64) (ReplaceSummary, error) {
	var sum ReplaceSummary
	byDoc := map[int64][]Replacement{}
	var docs []int64
	var names, inMemos []Replacement
	for _, r := range reps {
		if r.Start < 0 || r.End <= r.Start {
			return sum, fmt.Errorf("%w: replacement %d-%d in %s is an empty or backwards span", ErrInvalid, r.Start, r.End, r.where())
		}
		if strings.TrimSpace(r.With) == "" {
			return sum, fmt.Errorf("%w: replacement %d-%d in %s has no pseudonym", ErrInvalid, r.Start, r.End, r.where())
		}
		if r.Place == PlaceMemo {
			inMemos = append(inMemos, r)
			continue
		}
		if !r.inText() {
			names = append(names, r)
			continue
		}
		if _, ok := byDoc[r.Document]; !ok {
			docs = append(docs, r.Document)
		}
		byDoc[r.Document] = append(byDoc[r.Document], r)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i] < docs[j] })
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		originals := map[string]string{}
		var logged []map[string]any
		for _, id := range docs {
			list := byDoc[id]
			sort.Slice(list, func(i, j int) bool { return list[i].Start < list[j].Start })
			for i := 1; i < len(list); i++ {
				if list[i].Start < list[i-1].End {
					return fmt.Errorf("%w: replacements %d-%d and %d-%d in document %d overlap", ErrInvalid,
						list[i-1].Start, list[i-1].End, list[i].Start, list[i].End, id)
				}
			}
			name, err := replaceInDocument(tx, id, list, countWords, originals, &sum)
			if err != nil {
				return err
			}
			spans := make([]map[string]any, len(list))
			m := newShifter(list)
			for i, r := range list {
				spans[i] = map[string]any{"start": r.Start, "end": r.End, "with": r.With,
					"new_start": m.start(r.Start), "new_end": m.end(r.End)}
			}
			// the name as it was: scrubJournal below takes any original out of it
			logged = append(logged, map[string]any{"document": id, "name": name, "replacements": spans})
			sum.Documents++
			sum.Replacements += len(list)
		}
		loggedNames, err := replaceInNames(tx, names, originals)
		if err != nil {
			return err
		}
		sum.Names = len(loggedNames)
		sum.Replacements += len(names)
		if err := memoOriginals(tx, inMemos, originals); err != nil {
			return err
		}
		sum.Replacements += len(inMemos)
		if len(logged) == 0 && len(loggedNames) == 0 && len(inMemos) == 0 {
			return nil
		}
		detail := map[string]any{"documents": logged, "segments": sum.Segments, "turns": sum.Turns}
		if len(loggedNames) > 0 {
			detail["names"] = loggedNames
		}
		// memos quote the transcripts and name people too
		if sum.Memos, err = scrubMemos(tx, originals); err != nil {
			return err
		}
		if sum.Memos > 0 {
			detail["memos"] = sum.Memos
		}
		if err := journal(tx, p.stamp(), actor, "documents.replace", detail); err != nil {
			return err
		}
		return scrubJournal(tx, originals)
	})
	if err != nil {
		return ReplaceSummary{}, err
	}
	if sum.Replacements > 0 {
		p.wipePending = true
		sum.Wiped = p.Wipe() == nil
	}
	return sum, nil
}

func (r Replacement) where() string {
	switch r.Place {
	case PlaceDocumentName:
		return fmt.Sprintf("the name of document %d", r.Document)
	case PlaceCaseName:
		return fmt.Sprintf("the name of case %d", r.Case)
	case PlaceAttributeValue:
		return fmt.Sprintf("%s of case %d", r.Attribute, r.Case)
	case PlaceMemo:
		return fmt.Sprintf("memo %d", r.Memo)
	}
	return fmt.Sprintf("document %d", r.Document)
}

// Wipe leaves nothing deleted or overwritten readable in the project's
// files: it empties the write-ahead log into the file (old versions of
// changed pages live on there until then), rebuilds the file with VACUUM
// (freed pages and the free space inside pages keep old text otherwise —
// the connection also has secure_delete on, which zeroes what it frees) and
// empties the log again. It works on the project's own connection, so a
// window that has the project open can wipe it; it fails when another
// process is reading the project at that moment, since the log cannot be
// emptied under a reader.
func (p *Project) Wipe() error {
	if p.readOnly {
		return ErrReadOnly
	}
	if err := p.checkpoint(); err != nil {
		return err
	}
	if _, err := p.db.Exec(`VACUUM`); err != nil {
		return fmt.Errorf("wipe %s: %w", p.path, err)
	}
	if err := p.checkpoint(); err != nil {
		return err
	}
	p.wipePending = false
	return nil
}

func (p *Project) checkpoint() error {
	var busy, frames, done int
	if err := p.db.QueryRow(`PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &frames, &done); err != nil {
		return fmt.Errorf("wipe %s: %w", p.path, err)
	}
	if busy != 0 {
		return fmt.Errorf("wipe %s: another process is reading the project, so its write-ahead log could not be emptied", p.path)
	}
	return nil
}

// replaceInNames replaces words in document names, case names and
// attribute values, and returns what the journal records of it (where, and
// what was put there).
func replaceInNames(tx *sql.Tx, names []Replacement, originals map[string]string) ([]map[string]any, error) {
	type owner struct {
		place     string
		id        int64
		attribute string
	}
	byOwner := map[owner][]Replacement{}
	var owners []owner
	for _, r := range names {
		o := owner{r.Place, r.Document, r.Attribute}
		switch r.Place {
		case PlaceDocumentName:
		case PlaceCaseName, PlaceAttributeValue:
			o.id = r.Case
		default:
			return nil, fmt.Errorf("%w: unknown place %q to replace in", ErrInvalid, r.Place)
		}
		if _, ok := byOwner[o]; !ok {
			owners = append(owners, o)
		}
		byOwner[o] = append(byOwner[o], r)
	}
	var logged []map[string]any
	for _, o := range owners {
		list := byOwner[o]
		sort.Slice(list, func(i, j int) bool { return list[i].Start < list[j].Start })
		var old string
		var err error
		switch o.place {
		case PlaceDocumentName:
			err = tx.QueryRow(`SELECT name FROM documents WHERE id = ?`, o.id).Scan(&old)
		case PlaceCaseName:
			err = tx.QueryRow(`SELECT name FROM cases WHERE id = ?`, o.id).Scan(&old)
		case PlaceAttributeValue:
			err = tx.QueryRow(`SELECT value FROM case_attributes WHERE case_id = ? AND name = ?`, o.id, o.attribute).Scan(&old)
		}
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("%s: %w", list[0].where(), ErrNotFound)
		}
		if err != nil {
			return nil, err
		}
		runes := []rune(old)
		var b strings.Builder
		prev := 0
		spans := make([]map[string]any, len(list))
		for i, r := range list {
			if r.Start < prev {
				return nil, fmt.Errorf("%w: replacements in %s overlap", ErrInvalid, r.where())
			}
			if r.End > len(runes) {
				return nil, fmt.Errorf("%w: replacement %d-%d is outside %q", ErrInvalid, r.Start, r.End, old)
			}
			orig := string(runes[r.Start:r.End])
			if r.Expect != "" && orig != r.Expect {
				return nil, fmt.Errorf("%w: %s has changed since the scan; check again", ErrInvalid, r.where())
			}
			originals[orig] = r.With
			b.WriteString(string(runes[prev:r.Start]))
			b.WriteString(r.With)
			prev = r.End
			spans[i] = map[string]any{"start": r.Start, "end": r.End, "with": r.With}
		}
		b.WriteString(string(runes[prev:]))
		name := b.String()
		entry := map[string]any{"place": o.place, "replacements": spans}
		switch o.place {
		case PlaceDocumentName:
			var n int
			if err := tx.QueryRow(`SELECT count(*) FROM documents WHERE name = ? AND id != ?`, name, o.id).Scan(&n); err != nil {
				return nil, err
			}
			if n > 0 {
				return nil, fmt.Errorf("%w: after the replacement two documents would be called %q", ErrInvalid, name)
			}
			var source string
			if err := tx.QueryRow(`SELECT source_name FROM documents WHERE id = ?`, o.id).Scan(&source); err != nil {
				return nil, err
			}
			// the file name it came from carries the same words
			for _, r := range list {
				source, _ = anonymise.ReplaceWords(source, string(runes[r.Start:r.End]), r.With)
			}
			if _, err := tx.Exec(`UPDATE documents SET name = ?, source_name = ? WHERE id = ?`, name, source, o.id); err != nil {
				return nil, err
			}
			entry["document"] = o.id
		case PlaceCaseName:
			var n int
			if err := tx.QueryRow(`SELECT count(*) FROM cases WHERE name = ? AND id != ?`, name, o.id).Scan(&n); err != nil {
				return nil, err
			}
			if n > 0 {
				return nil, fmt.Errorf("%w: after the replacement two cases would be called %q", ErrInvalid, name)
			}
			if _, err := tx.Exec(`UPDATE cases SET name = ? WHERE id = ?`, name, o.id); err != nil {
				return nil, err
			}
			entry["case"] = o.id
		case PlaceAttributeValue:
			typ, err := attributeType(tx, o.attribute)
			if err != nil {
				return nil, err
			}
			if typ != AttrText && typ != AttrCategory {
				return nil, fmt.Errorf("%w: %s is a %s attribute, so a pseudonym cannot stand in it; make it a text attribute first", ErrInvalid, o.attribute, typ)
			}
			if _, err := tx.Exec(`UPDATE case_attributes SET value = ? WHERE case_id = ? AND name = ?`, name, o.id, o.attribute); err != nil {
				return nil, err
			}
			entry["case"], entry["attribute"] = o.id, o.attribute
		}
		logged = append(logged, entry)
	}
	return logged, nil
}

// memoOriginals checks that each replacement in a memo names the text the
// memo holds there and adds it to the originals, which scrubMemos then takes
// out of every memo.
func memoOriginals(tx *sql.Tx, reps []Replacement, originals map[string]string) error {
	for _, r := range reps {
		if r.Memo == 0 {
			return fmt.Errorf("%w: replacement %d-%d in a memo does not say which memo", ErrInvalid, r.Start, r.End)
		}
		m, ok, err := memoRowOf(tx, r.Memo)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%s: %w", r.where(), ErrNotFound)
		}
		runes := []rune(m.Text)
		if r.End > len(runes) {
			return fmt.Errorf("%w: replacement %d-%d is outside %s (%d characters)", ErrInvalid, r.Start, r.End, r.where(), len(runes))
		}
		orig := string(runes[r.Start:r.End])
		if r.Expect != "" && orig != r.Expect {
			return fmt.Errorf("%w: %s holds %q at %d-%d, not %q; scan again", ErrInvalid, r.where(), orig, r.Start, r.End, r.Expect)
		}
		originals[orig] = r.With
	}
	return nil
}

// scrubMemos puts the pseudonyms in place of the originals in every memo's
// text, as whole words in any case (as scrubJournal does), and returns how
// many memos changed. Their updated_at is kept: the author did not rewrite
// them.
func scrubMemos(tx *sql.Tx, originals map[string]string) (int, error) {
	if len(originals) == 0 {
		return 0, nil
	}
	list := longestFirst(originals)
	memos, err := memoRows(tx, "")
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range memos {
		text, changed := m.Text, false
		for _, o := range list {
			if t, ok := anonymise.ReplaceWords(text, o, originals[o]); ok {
				text, changed = t, true
			}
		}
		if !changed {
			continue
		}
		if _, err := tx.Exec(`UPDATE memos SET text = ? WHERE id = ?`, text, m.ID); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// longestFirst lists the originals longest first, so "Jenny Holt" goes
// before "Jenny".
func longestFirst(originals map[string]string) []string {
	list := make([]string, 0, len(originals))
	for o := range originals {
		list = append(list, o)
	}
	sort.Slice(list, func(i, j int) bool {
		if len(list[i]) != len(list[j]) {
			return len(list[i]) > len(list[j])
		}
		return list[i] < list[j]
	})
	return list
}

// scrubJournal takes the originals out of every journal entry (an import
// named the file, a case was added under its name, a speaker linked), as
// whole words in any case, putting the pseudonym in their place. Entries
// are JSON: the strings in them are rewritten, never the structure.
func scrubJournal(tx *sql.Tx, originals map[string]string) error {
	if len(originals) == 0 {
		return nil
	}
	// longest first, so "Jenny Holt" goes before "Jenny"
	list := make([]string, 0, len(originals))
	for o := range originals {
		list = append(list, o)
	}
	sort.Slice(list, func(i, j int) bool {
		if len(list[i]) != len(list[j]) {
			return len(list[i]) > len(list[j])
		}
		return list[i] < list[j]
	})
	rows, err := tx.Query(`SELECT id, detail FROM journal`)
	if err != nil {
		return err
	}
	type entry struct {
		id     int64
		detail string
	}
	var hits []entry
	for rows.Next() {
		var e entry
		if err := rows.Scan(&e.id, &e.detail); err != nil {
			rows.Close()
			return err
		}
		if mayHold(e.detail, list) {
			hits = append(hits, e)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, e := range hits {
		dec := json.NewDecoder(strings.NewReader(e.detail))
		dec.UseNumber() // ids stay integers
		var v any
		if err := dec.Decode(&v); err != nil {
			return fmt.Errorf("journal entry %d: %w", e.id, err)
		}
		changed := false
		v = scrubValue(v, list, originals, &changed)
		if !changed {
			continue
		}
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE journal SET detail = ? WHERE id = ?`, string(b), e.id); err != nil {
			return err
		}
	}
	return nil
}

// mayHold is a quick look for any original in an entry's JSON before it is
// decoded; an original with characters JSON escapes is always looked for
// properly.
func mayHold(detail string, originals []string) bool {
	lower := strings.ToLower(detail)
	for _, o := range originals {
		if strings.ContainsAny(o, "<>&\"\\\u2028\u2029") || strings.Contains(lower, strings.ToLower(o)) {
			return true
		}
		for _, r := range o {
			if r < 0x20 || r > 0x7f {
				return true // a lower case that changes length, or an escape
			}
		}
	}
	return false
}

func scrubValue(v any, list []string, originals map[string]string, changed *bool) any {
	switch x := v.(type) {
	case string:
		for _, o := range list {
			if s, ok := anonymise.ReplaceWords(x, o, originals[o]); ok {
				x, *changed = s, true
			}
		}
		return x
	case []any:
		for i := range x {
			x[i] = scrubValue(x[i], list, originals, changed)
		}
	case map[string]any:
		for k := range x {
			x[k] = scrubValue(x[k], list, originals, changed)
		}
	}
	return v
}

// shifter maps offsets in the old text to offsets in the new one.
type shifter struct {
	reps []Replacement // sorted, non-overlapping
	lens []int         // code points of each With
}

func newShifter(reps []Replacement) shifter {
	s := shifter{reps: reps, lens: make([]int, len(reps))}
	for i, r := range reps {
		s.lens[i] = utf8.RuneCountInString(r.With)
	}
	return s
}

// start maps the first offset of a span: inside a replaced span it moves to
// the replacement's start, so the span covers the whole pseudonym.
func (s shifter) start(x int) int { return s.mapOffset(x, false) }

// end maps an exclusive end: inside a replaced span it moves to the
// replacement's end.
func (s shifter) end(x int) int { return s.mapOffset(x, true) }

func (s shifter) mapOffset(x int, isEnd bool) int {
	delta := 0
	for i, r := range s.reps {
		switch {
		case x <= r.Start:
			return x + delta
		case x >= r.End:
			delta += s.lens[i] - (r.End - r.Start)
		default: // inside
			if isEnd {
				return r.Start + delta + s.lens[i]
			}
			return r.Start + delta
		}
	}
	return x + delta
}

var reItemSpan = regexp.MustCompile(`^(\d+)-(\d+)$`)

// shiftItem moves the "start-end" spans in an adjudication item
// ("boundary:3:12:12:40-95", "agreed:3:12:40-95:41-95").
func shiftItem(item string, m shifter) string {
	parts := strings.Split(item, ":")
	for i, part := range parts {
		sm := reItemSpan.FindStringSubmatch(part)
		if sm == nil {
			continue
		}
		a, _ := strconv.Atoi(sm[1])
		b, _ := strconv.Atoi(sm[2])
		parts[i] = fmt.Sprintf("%d-%d", m.start(a), m.end(b))
	}
	return strings.Join(parts, ":")
}

func replaceInDocument(tx *sql.Tx, id int64, list []Replacement, countWords func(string) int, originals map[string]string, sum *ReplaceSummary) (string, error) {
	var name, text string
	if err := tx.QueryRow(`SELECT name, text FROM documents WHERE id = ?`, id).Scan(&name, &text); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return "", fmt.Errorf("document %d: %w", id, ErrNotFound)
		}
		return "", err
	}
	runes := []rune(text)
	var b strings.Builder
	prev := 0
	for _, r := range list {
		if r.End > len(runes) {
			return "", fmt.Errorf("%w: replacement %d-%d is outside %s (%d characters)", ErrInvalid, r.Start, r.End, name, len(runes))
		}
		if r.Expect != "" && string(runes[r.Start:r.End]) != r.Expect {
			return "", fmt.Errorf("%w: the text of %s at %d-%d has changed since the scan; check again", ErrInvalid, name, r.Start, r.End)
		}
		originals[string(runes[r.Start:r.End])] = r.With
		b.WriteString(string(runes[prev:r.Start]))
		b.WriteString(r.With)
		prev = r.End
	}
	b.WriteString(string(runes[prev:]))
	newText := b.String()
	m := newShifter(list)

	h := sha256.Sum256([]byte(newText))
	hash := hex.EncodeToString(h[:])
	var other string
	if err := tx.QueryRow(`SELECT name FROM documents WHERE hash = ? AND id != ?`, hash, id).Scan(&other); err == nil {
		return "", fmt.Errorf("%w: after the replacement %s would be identical to %s", ErrInvalid, name, other)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	words := 0
	if countWords != nil {
		words = countWords(newText)
	} else if err := tx.QueryRow(`SELECT words FROM documents WHERE id = ?`, id).Scan(&words); err != nil {
		return "", err
	}
	if _, err := tx.Exec(`UPDATE documents SET text = ?, hash = ?, words = ?, chars = ? WHERE id = ?`,
		newText, hash, words, utf8.RuneCountInString(newText), id); err != nil {
		return "", fmt.Errorf("replace in %s: %w", name, err)
	}

	if err := shiftSegments(tx, id, m, sum); err != nil {
		return "", fmt.Errorf("replace in %s: segments: %w", name, err)
	}
	if err := shiftExemplars(tx, id, m); err != nil {
		return "", fmt.Errorf("replace in %s: exemplars: %w", name, err)
	}
	if err := shiftTurns(tx, id, runes, list, m, sum); err != nil {
		return "", fmt.Errorf("replace in %s: turns: %w", name, err)
	}
	if err := shiftDismissals(tx, id, list, m); err != nil {
		return "", fmt.Errorf("replace in %s: dismissals: %w", name, err)
	}
	if err := shiftAdjudications(tx, id, m); err != nil {
		return "", fmt.Errorf("replace in %s: adjudications: %w", name, err)
	}
	return name, nil
}

// far lifts stops out of the way while segments move, so that the unique
// (document, code, coder, start, stop) key never meets a row that has not
// moved yet.
const far = 1 << 40

func shiftSegments(tx *sql.Tx, doc int64, m shifter, sum *ReplaceSummary) error {
	rows, err := tx.Query(`SELECT id, code_id, coder_id, start, stop FROM segments WHERE document_id = ? ORDER BY id`, doc)
	if err != nil {
		return err
	}
	type seg struct {
		id, code, coder int64
		s, e, ns, ne    int
	}
	var segs []seg
	for rows.Next() {
		var s seg
		if err := rows.Scan(&s.id, &s.code, &s.coder, &s.s, &s.e); err != nil {
			rows.Close()
			return err
		}
		s.ns, s.ne = m.start(s.s), m.end(s.e)
		segs = append(segs, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	type key struct {
		code, coder int64
		s, e        int
	}
	seen := map[key]bool{}
	var moved []seg
	for _, s := range segs {
		k := key{s.code, s.coder, s.ns, s.ne}
		if seen[k] {
			// two segments of one code and coder inside the same replaced
			// words now cover the same pseudonym: keep one
			if _, err := tx.Exec(`DELETE FROM segments WHERE id = ?`, s.id); err != nil {
				return err
			}
			sum.Segments++
			continue
		}
		seen[k] = true
		if s.ns != s.s || s.ne != s.e {
			moved = append(moved, s)
		}
	}
	for _, s := range moved {
		if _, err := tx.Exec(`UPDATE segments SET start = ?, stop = ? WHERE id = ?`, s.ns, s.ne+far, s.id); err != nil {
			return err
		}
	}
	for _, s := range moved {
		if _, err := tx.Exec(`UPDATE segments SET stop = ? WHERE id = ?`, s.ne, s.id); err != nil {
			return err
		}
	}
	sum.Segments += len(moved)
	return nil
}

func shiftTurns(tx *sql.Tx, doc int64, old []rune, list []Replacement, m shifter, sum *ReplaceSummary) error {
	rows, err := tx.Query(`SELECT idx, speaker, start, content_start, stop FROM turns WHERE document_id = ? ORDER BY idx`, doc)
	if err != nil {
		return err
	}
	type turn struct {
		idx        int
		speaker    string
		s, c, e    int
		ns, nc, ne int
		nspeaker   string
	}
	var turns []turn
	for rows.Next() {
		var t turn
		if err := rows.Scan(&t.idx, &t.speaker, &t.s, &t.c, &t.e); err != nil {
			rows.Close()
			return err
		}
		turns = append(turns, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	renamed := map[string]string{}
	for i := range turns {
		t := &turns[i]
		t.ns, t.nc, t.ne = m.start(t.s), m.start(t.c), m.end(t.e)
		if t.nc > t.ne {
			t.nc = t.ne
		}
		t.nspeaker = t.speaker
		for _, r := range list {
			if r.Start >= t.s && r.End <= t.c { // the replaced words are in the speaker label
				orig := string(old[r.Start:r.End])
				t.nspeaker = strings.ReplaceAll(t.nspeaker, orig, r.With)
			}
		}
		if t.nspeaker != t.speaker {
			renamed[t.speaker] = t.nspeaker
		}
		if t.ns != t.s || t.nc != t.c || t.ne != t.e || t.nspeaker != t.speaker {
			if _, err := tx.Exec(`UPDATE turns SET speaker = ?, start = ?, content_start = ?, stop = ? WHERE document_id = ? AND idx = ?`,
				t.nspeaker, t.ns, t.nc, t.ne, doc, t.idx); err != nil {
				return err
			}
			sum.Turns++
		}
	}
	for from, to := range renamed {
		// the speaker's link to a case follows the label, when no turn
		// still uses the old one
		var still int
		if err := tx.QueryRow(`SELECT count(*) FROM turns WHERE document_id = ? AND speaker = ?`, doc, from).Scan(&still); err != nil {
			return err
		}
		if still > 0 {
			if _, err := tx.Exec(`INSERT OR IGNORE INTO document_speakers(document_id, speaker, case_id, excluded)
				SELECT document_id, ?, case_id, excluded FROM document_speakers WHERE document_id = ? AND speaker = ?`, to, doc, from); err != nil {
				return err
			}
			continue
		}
		if _, err := tx.Exec(`UPDATE OR IGNORE document_speakers SET speaker = ? WHERE document_id = ? AND speaker = ?`, to, doc, from); err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM document_speakers WHERE document_id = ? AND speaker = ?`, doc, from); err != nil {
			return err
		}
	}
	return nil
}

// shiftDismissals moves dismissed findings with their words; a dismissal
// that touched replaced words is dropped, since its text is gone.
func shiftDismissals(tx *sql.Tx, doc int64, list []Replacement, m shifter) error {
	rows, err := tx.Query(`SELECT start, stop, kind, text, dismissed_at, coder_id FROM scan_dismissals WHERE document_id = ?`, doc)
	if err != nil {
		return err
	}
	type dis struct {
		s, e       int
		kind, text string
		at         string
		coder      sql.NullInt64
	}
	var all []dis
	for rows.Next() {
		var d dis
		if err := rows.Scan(&d.s, &d.e, &d.kind, &d.text, &d.at, &d.coder); err != nil {
			rows.Close()
			return err
		}
		all = append(all, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(all) == 0 {
		return err
	}
	if _, err := tx.Exec(`DELETE FROM scan_dismissals WHERE document_id = ?`, doc); err != nil {
		return err
	}
	for _, d := range all {
		touched := false
		for _, r := range list {
			if d.s < r.End && r.Start < d.e {
				touched = true
			}
		}
		if touched {
			continue
		}
		if _, err := tx.Exec(`INSERT OR IGNORE INTO scan_dismissals(document_id, start, stop, kind, text, dismissed_at, coder_id)
			VALUES(?, ?, ?, ?, ?, ?, ?)`, doc, m.start(d.s), m.end(d.e), d.kind, d.text, d.at, d.coder); err != nil {
			return err
		}
	}
	return nil
}

func shiftAdjudications(tx *sql.Tx, doc int64, m shifter) error {
	rows, err := tx.Query(`SELECT id, item FROM adjudications WHERE document_id = ?`, doc)
	if err != nil {
		return err
	}
	type adj struct {
		id   int64
		item string
	}
	var all []adj
	for rows.Next() {
		var a adj
		if err := rows.Scan(&a.id, &a.item); err != nil {
			rows.Close()
			return err
		}
		all = append(all, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, a := range all {
		if n := shiftItem(a.item, m); n != a.item {
			if _, err := tx.Exec(`UPDATE adjudications SET item = ? WHERE id = ?`, n, a.id); err != nil {
				return err
			}
		}
	}
	return nil
}
