package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"themis/errs"
)

// ErrExcluded is matched (errors.Is) by an ExcludedError.
var ErrExcluded = errors.New("not coded")

// ExcludedError refuses to code a span that lies entirely in turns whose
// speakers are left out of coding and analysis. It also matches ErrInvalid.
type ExcludedError struct {
	Document string
	Speakers []string // the excluded speakers of the turns the span lies in
}

func (e *ExcludedError) Error() string {
	return fmt.Sprintf("this passage of %s is in turns of %s, which are marked not to be coded (see the Cases tab)",
		e.Document, strings.Join(e.Speakers, " and "))
}

// Is makes errors.Is(err, ErrExcluded) and errors.Is(err, ErrInvalid) true.
func (e *ExcludedError) Is(target error) bool {
	return target == ErrExcluded || target == ErrInvalid || target == errs.Invalid
}

// Kind is errs.Invalid: a span in left-out turns is input the model refuses.
func (e *ExcludedError) Kind() errs.Kind { return errs.Invalid }

// Speaker is one speaker of one document: the case the speaker's turns are
// attributed to (0: the document's case) and whether they are excluded.
type Speaker struct {
	Name     string // as the turns spell it
	Turns    int
	Case     int64
	CaseName string
	Excluded bool
}

// DocumentSpeakers is a document with its case and speakers.
type DocumentSpeakers struct {
	Document int64
	Name     string
	Case     int64 // 0 when the document has no case
	CaseName string
	Speakers []Speaker // in order of first turn
}

// Speakers lists every document with its case and speakers, in import order.
func (p *Project) Speakers() ([]DocumentSpeakers, error) {
	rows, err := p.db.Query(`SELECT d.id, d.name, COALESCE(d.case_id, 0), COALESCE(c.name, '')
		FROM documents d LEFT JOIN cases c ON c.id = d.case_id ORDER BY d.id`)
	if err != nil {
		return nil, err
	}
	var out []DocumentSpeakers
	index := map[int64]int{}
	for rows.Next() {
		var d DocumentSpeakers
		if err := rows.Scan(&d.Document, &d.Name, &d.Case, &d.CaseName); err != nil {
			rows.Close()
			return nil, err
		}
		index[d.Document] = len(out)
		out = append(out, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = p.db.Query(`SELECT t.document_id, t.speaker, count(*), min(t.idx), COALESCE(ds.case_id, 0), COALESCE(c.name, ''), COALESCE(ds.excluded, 0)
		FROM turns t
		LEFT JOIN document_speakers ds ON ds.document_id = t.document_id AND ds.speaker = t.speaker
		LEFT JOIN cases c ON c.id = ds.case_id
		WHERE t.speaker != ''
		GROUP BY t.document_id, t.speaker ORDER BY t.document_id, min(t.idx)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var doc int64
		var first, excluded int
		var s Speaker
		if err := rows.Scan(&doc, &s.Name, &s.Turns, &first, &s.Case, &s.CaseName, &excluded); err != nil {
			return nil, err
		}
		s.Excluded = excluded != 0
		if i, ok := index[doc]; ok {
			out[i].Speakers = append(out[i].Speakers, s)
		}
	}
	return out, rows.Err()
}

// speakerExists checks that a document has turns of speaker.
func speakerExists(tx *sql.Tx, document int64, speaker string) (string, error) {
	doc, err := documentName(tx, document)
	if err != nil {
		return "", err
	}
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM turns WHERE document_id = ? AND speaker = ?`, document, speaker).Scan(&n); err != nil {
		return "", err
	}
	if n == 0 {
		return "", fmt.Errorf("speaker %q in %s: %w", speaker, doc, ErrNotFound)
	}
	return doc, nil
}

// upsertSpeaker writes one document_speakers row, dropping it when it says
// nothing (no case, not excluded).
func upsertSpeaker(tx *sql.Tx, document int64, speaker string, caseID int64, excluded bool) error {
	if caseID == 0 && !excluded {
		_, err := tx.Exec(`DELETE FROM document_speakers WHERE document_id = ? AND speaker = ?`, document, speaker)
		return err
	}
	var link any
	if caseID != 0 {
		link = caseID
	}
	_, err := tx.Exec(`INSERT INTO document_speakers(document_id, speaker, case_id, excluded) VALUES(?, ?, ?, ?)
		ON CONFLICT(document_id, speaker) DO UPDATE SET case_id = excluded.case_id, excluded = excluded.excluded`,
		document, speaker, link, boolInt(excluded))
	return err
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func speakerRow(tx *sql.Tx, document int64, speaker string) (caseID int64, excluded bool, err error) {
	var ex int
	err = tx.QueryRow(`SELECT COALESCE(case_id, 0), excluded FROM document_speakers WHERE document_id = ? AND speaker = ?`,
		document, speaker).Scan(&caseID, &ex)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return caseID, ex != 0, err
}

// SetSpeakerCase attributes one speaker's turns within a document to a case
// (one voice of a focus group); case 0 falls back to the document's case.
func (p *Project) SetSpeakerCase(document int64, speaker string, caseID int64, actor int64) error {
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		doc, err := speakerExists(tx, document, speaker)
		if err != nil {
			return err
		}
		name := ""
		if caseID != 0 {
			if name, err = caseName(tx, caseID); err != nil {
				return err
			}
		}
		_, excluded, err := speakerRow(tx, document, speaker)
		if err != nil {
			return err
		}
		if err := upsertSpeaker(tx, document, speaker, caseID, excluded); err != nil {
			return err
		}
		return journal(tx, p.stamp(), actor, "speaker.case", map[string]any{"document": doc, "speaker": speaker, "case": name})
	})
}

// SetSpeakerExcluded marks one speaker of a document as left out of coding
// and analysis (an interviewer), or takes the mark away.
func (p *Project) SetSpeakerExcluded(document int64, speaker string, excluded bool, actor int64) error {
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		doc, err := speakerExists(tx, document, speaker)
		if err != nil {
			return err
		}
		caseID, _, err := speakerRow(tx, document, speaker)
		if err != nil {
			return err
		}
		if err := upsertSpeaker(tx, document, speaker, caseID, excluded); err != nil {
			return err
		}
		return journal(tx, p.stamp(), actor, "speaker.exclude", map[string]any{"document": doc, "speaker": speaker, "excluded": excluded})
	})
}

// ExcludeSpeaker marks the speaker as not coded in every document where
// they speak (matching the label without regard to case), in one
// transaction, and returns the documents it changed.
func (p *Project) ExcludeSpeaker(speaker string, actor int64) ([]string, error) {
	speaker = strings.TrimSpace(speaker)
	if speaker == "" {
		return nil, fmt.Errorf("%w: say which speaker", ErrInvalid)
	}
	var changed []string
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		rows, err := tx.Query(`SELECT DISTINCT t.document_id, d.name, t.speaker FROM turns t JOIN documents d ON d.id = t.document_id
			WHERE lower(t.speaker) = lower(?) ORDER BY t.document_id`, speaker)
		if err != nil {
			return err
		}
		type hit struct {
			doc           int64
			name, speaker string
		}
		var hits []hit
		for rows.Next() {
			var h hit
			if err := rows.Scan(&h.doc, &h.name, &h.speaker); err != nil {
				rows.Close()
				return err
			}
			hits = append(hits, h)
		}
		rows.Close()
		for _, h := range hits {
			caseID, excluded, err := speakerRow(tx, h.doc, h.speaker)
			if err != nil {
				return err
			}
			if excluded {
				continue
			}
			if err := upsertSpeaker(tx, h.doc, h.speaker, caseID, true); err != nil {
				return err
			}
			changed = append(changed, h.name)
		}
		return journal(tx, p.stamp(), actor, "speaker.exclude_all", map[string]any{"speaker": speaker, "documents": changed})
	})
	return changed, err
}

// Span is a stretch of a document in code points, end exclusive.
type Span struct{ Start, End int }

// ExcludedSpans are the turns of a document whose speakers are excluded,
// label and all, merged where they touch, in order.
func (p *Project) ExcludedSpans(document int64) ([]Span, error) {
	return excludedSpans(p.db, document)
}

func excludedSpans(q rowsQuerier, document int64) ([]Span, error) {
	rows, err := q.Query(`SELECT t.start, t.stop FROM turns t
		JOIN document_speakers ds ON ds.document_id = t.document_id AND ds.speaker = t.speaker AND ds.excluded = 1
		WHERE t.document_id = ? ORDER BY t.start`, document)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Span
	for rows.Next() {
		var s Span
		if err := rows.Scan(&s.Start, &s.End); err != nil {
			return nil, err
		}
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			if s.End > out[n-1].End {
				out[n-1].End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// WithinExcluded reports whether [start, end) lies entirely inside excluded
// turns, leaving out characters that belong to no turn (the blank lines
// between turns): true when it touches excluded turns and no other turn.
func (p *Project) WithinExcluded(document int64, start, end int) (bool, error) {
	ex, _, err := withinExcluded(p.db, document, start, end)
	return ex, err
}

func withinExcluded(q rowsQuerier, document int64, start, end int) (bool, []string, error) {
	rows, err := q.Query(`SELECT t.speaker, COALESCE(ds.excluded, 0) FROM turns t
		LEFT JOIN document_speakers ds ON ds.document_id = t.document_id AND ds.speaker = t.speaker
		WHERE t.document_id = ? AND t.start < ? AND t.stop > ?`, document, end, start)
	if err != nil {
		return false, nil, err
	}
	defer rows.Close()
	speakers := map[string]bool{}
	for rows.Next() {
		var s string
		var ex int
		if err := rows.Scan(&s, &ex); err != nil {
			return false, nil, err
		}
		if ex == 0 {
			return false, nil, rows.Err()
		}
		speakers[s] = true
	}
	if err := rows.Err(); err != nil || len(speakers) == 0 {
		return false, nil, err
	}
	names := make([]string, 0, len(speakers))
	for s := range speakers {
		names = append(names, s)
	}
	sort.Strings(names)
	return true, names, nil
}

// checkNotExcluded refuses a span to be coded that lies entirely in excluded
// turns, with an *ExcludedError.
// documentsExcluding is the set of documents with an excluded speaker: only
// their segments need checkNotExcluded's query.
func documentsExcluding(tx *sql.Tx) (map[int64]bool, error) {
	rows, err := tx.Query(`SELECT DISTINCT document_id FROM document_speakers WHERE excluded = 1`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

func checkNotExcluded(tx *sql.Tx, document int64, start, end int) error {
	ex, speakers, err := withinExcluded(tx, document, start, end)
	if err != nil || !ex {
		return err
	}
	name, _ := documentName(tx, document)
	return &ExcludedError{Document: name, Speakers: speakers}
}

// Exclusion is where a document's excluded and included turns lie.
type Exclusion struct {
	Excluded []Span // turns of excluded speakers, label and all, merged where they touch
	Included []Span // every other turn
}

// Contains reports whether [start, end) lies entirely in excluded turns:
// it touches an excluded turn and no other (characters between turns,
// such as blank lines, do not count), as AddSegment decides.
func (e Exclusion) Contains(start, end int) bool {
	for _, s := range e.Included {
		if s.Start < end && s.End > start {
			return false
		}
	}
	for _, s := range e.Excluded {
		if s.Start < end && s.End > start {
			return true
		}
	}
	return false
}

// Exclusions maps each document that has an excluded speaker to where its
// excluded and included turns lie; documents without one are absent.
func (p *Project) Exclusions() (map[int64]Exclusion, error) {
	rows, err := p.db.Query(`SELECT t.document_id, t.start, t.stop, COALESCE(ds.excluded, 0) FROM turns t
		LEFT JOIN document_speakers ds ON ds.document_id = t.document_id AND ds.speaker = t.speaker
		WHERE t.document_id IN (SELECT document_id FROM document_speakers WHERE excluded = 1)
		ORDER BY t.document_id, t.start`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]Exclusion{}
	for rows.Next() {
		var doc int64
		var s Span
		var ex int
		if err := rows.Scan(&doc, &s.Start, &s.End, &ex); err != nil {
			return nil, err
		}
		e := out[doc]
		if ex == 0 {
			e.Included = append(e.Included, s)
		} else if n := len(e.Excluded); n > 0 && s.Start <= e.Excluded[n-1].End {
			e.Excluded[n-1].End = max(e.Excluded[n-1].End, s.End)
		} else {
			e.Excluded = append(e.Excluded, s)
		}
		out[doc] = e
	}
	return out, rows.Err()
}
