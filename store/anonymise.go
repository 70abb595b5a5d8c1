package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The anonymisation check's side of the project: findings the user
// dismissed, and identifiers replaced by pseudonyms.
//
// A replacement rewrites a document's text, so every offset into it moves:
// segments, turns, dismissals and the spans named in adjudication items are
// shifted in the same transaction so that each stays on the same words. The
// original text is never written anywhere — not in the journal either: the
// key linking pseudonyms to originals is the user's to keep outside the
// project. A replacement therefore cannot be undone from the project.

// Dismissal is a finding of the anonymisation check that the user said is
// not an identifier. Offsets are code points.
type Dismissal struct {
	Document   int64
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

// Dismissals lists the dismissed findings, by document and start.
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
	return out, rows.Err()
}

// Replacement replaces the code points Start..End of a document with With.
// Expect, when set, must be the text there now (so a stale scan cannot
// replace the wrong words); it is checked and never stored.
type Replacement struct {
	Document   int64
	Start, End int
	With       string
	Expect     string
}

// ReplaceSummary says what ReplaceEverywhere changed.
type ReplaceSummary struct {
	Replacements int
	Documents    int
	Segments     int // segments whose offsets moved or that grew or shrank
	Turns        int // turns whose offsets or speaker label changed
}

// ReplaceEverywhere applies the replacements in one transaction: all or
// none. Replacements in one document must not overlap. Every segment stays
// on the same words: a segment after a replaced span moves by the change in
// length, a segment that contains one grows or shrinks by it, and a segment
// that starts or ends inside one is stretched to cover the whole
// replacement. Turns move the same way; a turn whose speaker label is
// replaced gets the new label. The documents' text, hash, word and
// character counts are recomputed (countWords counts words as import did).
// The journal records where the replacements were and what was put there,
// never what was taken out.
func (p *Project) ReplaceEverywhere(reps []Replacement, countWords func(string) int, actor int64) (ReplaceSummary, error) {
	var sum ReplaceSummary
	byDoc := map[int64][]Replacement{}
	var docs []int64
	for _, r := range reps {
		if r.Start < 0 || r.End <= r.Start {
			return sum, fmt.Errorf("%w: replacement %d-%d in document %d is an empty or backwards span", ErrInvalid, r.Start, r.End, r.Document)
		}
		if strings.TrimSpace(r.With) == "" {
			return sum, fmt.Errorf("%w: replacement %d-%d in document %d has no pseudonym", ErrInvalid, r.Start, r.End, r.Document)
		}
		if _, ok := byDoc[r.Document]; !ok {
			docs = append(docs, r.Document)
		}
		byDoc[r.Document] = append(byDoc[r.Document], r)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i] < docs[j] })
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
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
			n, err := replaceInDocument(tx, id, list, countWords, &sum)
			if err != nil {
				return err
			}
			spans := make([]map[string]any, len(list))
			m := newShifter(list)
			for i, r := range list {
				spans[i] = map[string]any{"start": r.Start, "end": r.End, "with": r.With,
					"new_start": m.start(r.Start), "new_end": m.end(r.End)}
			}
			logged = append(logged, map[string]any{"document": id, "name": n, "replacements": spans})
			sum.Documents++
			sum.Replacements += len(list)
		}
		if len(logged) == 0 {
			return nil
		}
		return journal(tx, p.stamp(), actor, "documents.replace", map[string]any{"documents": logged, "segments": sum.Segments, "turns": sum.Turns})
	})
	if err != nil {
		return ReplaceSummary{}, err
	}
	return sum, nil
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

func replaceInDocument(tx *sql.Tx, id int64, list []Replacement, countWords func(string) int, sum *ReplaceSummary) (string, error) {
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
