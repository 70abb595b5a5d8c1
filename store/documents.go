package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Turn is a speaker turn; offsets are code points into the document's text.
type Turn struct {
	Speaker      string
	Timestamp    string
	Start        int
	ContentStart int
	End          int
}

// NewDocument is a parsed transcript ready to be stored.
type NewDocument struct {
	Name       string // shown to users; the file name without extension
	SourceName string // the file name it came from
	Text       string // normalised text, exactly what offsets count
	Hash       string // content hash used to detect re-imports
	Words      int
	Turns      []Turn
	// Excluded are speakers left out of coding and analysis from the start
	// (the interviewer), as SetSpeakerExcluded would mark them.
	Excluded []string
}

// DocumentInfo is a document without its text.
type DocumentInfo struct {
	ID         int64
	Name       string
	SourceName string
	Turns      int
	Words      int
	Chars      int // code points
	Case       string
	ImportedAt string
}

// Document is a document with its text and turns.
type Document struct {
	DocumentInfo
	Text      string
	TurnSpans []Turn
}

// Imported reports what ImportDocuments did with one document.
type Imported struct {
	Name        string
	ID          int64  // 0 when skipped
	DuplicateOf string // name of the identical document already in the project, when skipped
	Turns       int
	Words       int
	Excluded    []string `json:",omitempty"` // speakers left out of coding at import
}

// ImportDocuments stores the documents in one transaction: either all new
// documents are added or none. A document whose text is identical to one
// already in the project (or earlier in the same batch) is skipped and
// reported with DuplicateOf. Names are made unique by suffixing " (2)".
func (p *Project) ImportDocuments(docs []NewDocument, actor int64) ([]Imported, error) {
	return p.ImportDocumentsContext(context.Background(), docs, actor)
}

// ImportDocumentsContext is ImportDocuments that stops when ctx is done: the
// transaction is rolled back and ctx's error returned, leaving the project
// unchanged.
func (p *Project) ImportDocumentsContext(ctx context.Context, docs []NewDocument, actor int64) ([]Imported, error) {
	out := make([]Imported, 0, len(docs))
	err := p.tx(ctx, func(tx *sql.Tx) error {
		now := p.stamp()
		for _, d := range docs {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := checkTurns(d); err != nil {
				return fmt.Errorf("import %s: %w", d.SourceName, err)
			}
			var dup string
			err := tx.QueryRow(`SELECT name FROM documents WHERE hash = ?`, d.Hash).Scan(&dup)
			if err == nil {
				out = append(out, Imported{Name: d.Name, DuplicateOf: dup, Turns: len(d.Turns), Words: d.Words})
				continue
			} else if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			// The name comes from the file's name: what a name may not hold is
			// taken out rather than refused.
			name, err := uniqueName(tx, StripControls(d.Name))
			if err != nil {
				return err
			}
			res, err := tx.Exec(`INSERT INTO documents(name, source_name, text, hash, words, chars, imported_at)
				VALUES(?, ?, ?, ?, ?, ?, ?)`, name, StripControls(d.SourceName), d.Text, d.Hash, d.Words, utf8.RuneCountInString(d.Text), now)
			if err != nil {
				return fmt.Errorf("import %s: %w", d.SourceName, err)
			}
			id, _ := res.LastInsertId()
			stmt, err := tx.Prepare(`INSERT INTO turns(document_id, idx, speaker, stamp, start, content_start, stop) VALUES(?, ?, ?, ?, ?, ?, ?)`)
			if err != nil {
				return err
			}
			for i, t := range d.Turns {
				if _, err := stmt.Exec(id, i, t.Speaker, t.Timestamp, t.Start, t.ContentStart, t.End); err != nil {
					stmt.Close()
					return fmt.Errorf("import %s: turn %d: %w", d.SourceName, i+1, err)
				}
			}
			stmt.Close()
			var excluded []string
			for _, sp := range d.Excluded {
				if !slices.ContainsFunc(d.Turns, func(t Turn) bool { return t.Speaker == sp }) {
					return fmt.Errorf("import %s: speaker %q to leave out does not speak in it", d.SourceName, sp)
				}
				if err := upsertSpeaker(tx, id, sp, 0, true); err != nil {
					return fmt.Errorf("import %s: %w", d.SourceName, err)
				}
				excluded = append(excluded, sp)
			}
			out = append(out, Imported{Name: name, ID: id, Turns: len(d.Turns), Words: d.Words, Excluded: excluded})
		}
		return journal(tx, now, actor, "documents.import", out)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func checkTurns(d NewDocument) error {
	n := utf8.RuneCountInString(d.Text)
	if n == 0 {
		return fmt.Errorf("%w: the document is empty", ErrInvalid)
	}
	prev := 0
	for i, t := range d.Turns {
		if t.Start < prev || t.ContentStart < t.Start || t.End < t.ContentStart || t.End > n {
			return fmt.Errorf("%w: turn %d has offsets %d..%d..%d outside the text or out of order", ErrInvalid, i+1, t.Start, t.ContentStart, t.End)
		}
		prev = t.End
	}
	return nil
}

func uniqueName(tx *sql.Tx, name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		name = "Untitled"
	}
	candidate := name
	for i := 2; ; i++ {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM documents WHERE name = ?`, candidate).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return candidate, nil
		}
		candidate = fmt.Sprintf("%s (%d)", name, i)
	}
}

const documentInfoColumns = `d.id, d.name, d.source_name,
	(SELECT count(*) FROM turns t WHERE t.document_id = d.id), d.words, d.chars,
	COALESCE((SELECT c.name FROM cases c WHERE c.id = d.case_id), ''), d.imported_at`

func scanInfo(s interface{ Scan(...any) error }, d *DocumentInfo) error {
	return s.Scan(&d.ID, &d.Name, &d.SourceName, &d.Turns, &d.Words, &d.Chars, &d.Case, &d.ImportedAt)
}

// Documents lists the documents in import order.
func (p *Project) Documents() ([]DocumentInfo, error) {
	rows, err := p.db.Query(`SELECT ` + documentInfoColumns + ` FROM documents d ORDER BY d.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DocumentInfo
	for rows.Next() {
		var d DocumentInfo
		if err := scanInfo(rows, &d); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Document returns a document with its text and turns.
func (p *Project) Document(id int64) (Document, error) {
	var d Document
	i := &d.DocumentInfo
	err := p.db.QueryRow(`SELECT `+documentInfoColumns+`, d.text FROM documents d WHERE d.id = ?`, id).
		Scan(&i.ID, &i.Name, &i.SourceName, &i.Turns, &i.Words, &i.Chars, &i.Case, &i.ImportedAt, &d.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return d, err
	}
	rows, err := p.db.Query(`SELECT speaker, stamp, start, content_start, stop FROM turns WHERE document_id = ? ORDER BY idx`, id)
	if err != nil {
		return d, err
	}
	defer rows.Close()
	for rows.Next() {
		var t Turn
		if err := rows.Scan(&t.Speaker, &t.Timestamp, &t.Start, &t.ContentStart, &t.End); err != nil {
			return d, err
		}
		d.TurnSpans = append(d.TurnSpans, t)
	}
	return d, rows.Err()
}

// DocumentByName finds a document by its (possibly renamed) name.
func (p *Project) DocumentByName(name string) (DocumentInfo, error) {
	var d DocumentInfo
	err := scanInfo(p.db.QueryRow(`SELECT `+documentInfoColumns+` FROM documents d WHERE d.name = ?`, name), &d)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("document %q: %w", name, ErrNotFound)
	}
	return d, err
}

// RenameDocument gives a document a new, unique name.
func (p *Project) RenameDocument(id int64, name string, actor int64) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return fmt.Errorf("%w: a document needs a name", ErrInvalid)
	}
	if err := CheckName("a document", name); err != nil {
		return err
	}
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		var old string
		if err := tx.QueryRow(`SELECT name FROM documents WHERE id = ?`, id).Scan(&old); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("document %d: %w", id, ErrNotFound)
			}
			return err
		}
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM documents WHERE name = ? AND id != ?`, name, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: another document is already called %q", ErrInvalid, name)
		}
		if _, err := tx.Exec(`UPDATE documents SET name = ? WHERE id = ?`, name, id); err != nil {
			return err
		}
		return journal(tx, p.stamp(), actor, "document.rename", map[string]any{"id": id, "from": old, "to": name})
	})
}
