package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// The kinds of memo: what a memo is written on.
const (
	MemoProject  = "project"
	MemoDocument = "document"
	MemoCode     = "code"
	MemoSegment  = "segment"
)

// MaxMemoRunes bounds a memo's text: a memo is a note, not a document.
const MaxMemoRunes = 100_000

// Memo is a note written by one author on the project, a document, a code or
// a segment. Target is the id of what it is on (0 for the project);
// Document is the document of a document memo or of a segment memo's
// segment, 0 otherwise.
type Memo struct {
	ID        int64
	Kind      string
	Target    int64
	Document  int64
	Author    int64
	Text      string
	CreatedAt string
	UpdatedAt string
}

// MemoFilter narrows Memos; zero fields do not filter.
type MemoFilter struct {
	Kind     string
	Target   int64 // with Kind: the document, code or segment
	Document int64 // document memos and segment memos on that document
	Author   int64
}

// memoRow is a memo as a codebook change or the journal saves it, every
// column as stored, so rows compare with ==.
type memoRow struct {
	ID        int64  `json:"id"`
	Kind      string `json:"kind"`
	Document  int64  `json:"document,omitempty"`
	Code      int64  `json:"code,omitempty"`
	Segment   int64  `json:"segment,omitempty"`
	Author    int64  `json:"author"`
	Text      string `json:"text"`
	CreatedAt string `json:"created_at"`
	UpdatedAt string `json:"updated_at"`
}

func (r memoRow) memo() Memo {
	m := Memo{ID: r.ID, Kind: r.Kind, Document: r.Document, Author: r.Author, Text: r.Text, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
	switch r.Kind {
	case MemoDocument:
		m.Target = r.Document
	case MemoCode:
		m.Target = r.Code
	case MemoSegment:
		m.Target = r.Segment
	}
	return m
}

const memoColumns = `id, kind, COALESCE(document_id, 0), COALESCE(code_id, 0), COALESCE(segment_id, 0), author_id, text, created_at, updated_at`

func scanMemo(s interface{ Scan(...any) error }) (memoRow, error) {
	var r memoRow
	err := s.Scan(&r.ID, &r.Kind, &r.Document, &r.Code, &r.Segment, &r.Author, &r.Text, &r.CreatedAt, &r.UpdatedAt)
	return r, err
}

func memoRows(q rowsQuerier, where string, args ...any) ([]memoRow, error) {
	rows, err := q.Query(`SELECT `+memoColumns+` FROM memos `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []memoRow
	for rows.Next() {
		r, err := scanMemo(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func memoRowOf(q querier, id int64) (memoRow, bool, error) {
	r, err := scanMemo(q.QueryRow(`SELECT `+memoColumns+` FROM memos WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return memoRow{ID: id}, false, nil
	}
	return r, err == nil, err
}

// putMemo writes r back under its own id, updating the row when it exists.
func putMemo(tx *sql.Tx, r memoRow, exists bool) error {
	if exists {
		_, err := tx.Exec(`UPDATE memos SET kind = ?, document_id = ?, code_id = ?, segment_id = ?, author_id = ?, text = ?, created_at = ?, updated_at = ? WHERE id = ?`,
			r.Kind, nullID(r.Document), nullID(r.Code), nullID(r.Segment), r.Author, r.Text, r.CreatedAt, r.UpdatedAt, r.ID)
		return err
	}
	_, err := tx.Exec(`INSERT INTO memos(id, kind, document_id, code_id, segment_id, author_id, text, created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, r.Kind, nullID(r.Document), nullID(r.Code), nullID(r.Segment), r.Author, r.Text, r.CreatedAt, r.UpdatedAt)
	if err != nil {
		return fmt.Errorf("restore memo %d: %w", r.ID, err)
	}
	return nil
}

// Memos lists memos, oldest first.
func (p *Project) Memos(f MemoFilter) ([]Memo, error) {
	var where []string
	var args []any
	if f.Kind != "" {
		where, args = append(where, `kind = ?`), append(args, f.Kind)
		if f.Target != 0 {
			col := map[string]string{MemoDocument: "document_id", MemoCode: "code_id", MemoSegment: "segment_id"}[f.Kind]
			if col != "" {
				where, args = append(where, col+` = ?`), append(args, f.Target)
			}
		}
	}
	if f.Document != 0 {
		where, args = append(where, `document_id = ?`), append(args, f.Document)
	}
	if f.Author != 0 {
		where, args = append(where, `author_id = ?`), append(args, f.Author)
	}
	w := ""
	if len(where) > 0 {
		w = "WHERE " + strings.Join(where, " AND ")
	}
	rows, err := memoRows(p.db, w, args...)
	if err != nil {
		return nil, err
	}
	out := make([]Memo, len(rows))
	for i, r := range rows {
		out[i] = r.memo()
	}
	return out, nil
}

// Memo returns one memo.
func (p *Project) Memo(id int64) (Memo, error) {
	r, ok, err := memoRowOf(p.db, id)
	if err == nil && !ok {
		err = fmt.Errorf("memo %d: %w", id, ErrNotFound)
	}
	return r.memo(), err
}

// CheckMemoText says whether text may be a memo's text: something written,
// within MaxMemoRunes, valid UTF-8 without NUL bytes. Line breaks and tabs
// are the point of a memo, so unlike names it may hold them.
func CheckMemoText(text string) error {
	switch {
	case strings.TrimSpace(text) == "":
		return fmt.Errorf("%w: a memo needs some text", ErrInvalid)
	case !utf8.ValidString(text) || strings.ContainsRune(text, 0):
		return fmt.Errorf("%w: a memo's text must be UTF-8 without NUL bytes", ErrInvalid)
	case utf8.RuneCountInString(text) > MaxMemoRunes:
		return fmt.Errorf("%w: a memo may be at most %d characters long", ErrInvalid, MaxMemoRunes)
	}
	return nil
}

// MemoChange is a memo edit or deletion as the journal recorded it: Change
// is the journal entry RevertMemo takes back.
type MemoChange struct {
	Change int64
	Memo   Memo // as it stands after the change (before it, for a deletion)
}

// memoDetail is what the journal keeps of a memo change: the memo before
// and after, and the document it is on so the search index can follow.
type memoDetail struct {
	Memo     int64    `json:"memo"`
	Kind     string   `json:"kind"`
	Document int64    `json:"document,omitempty"`
	Before   *memoRow `json:"before,omitempty"`
	After    *memoRow `json:"after,omitempty"`
}

func (p *Project) memoJournal(tx *sql.Tx, now string, actor int64, action string, before, after *memoRow) (int64, error) {
	d := memoDetail{Before: before, After: after}
	for _, r := range []*memoRow{before, after} {
		if r != nil {
			d.Memo, d.Kind, d.Document = r.ID, r.Kind, r.Document
		}
	}
	if err := journal(tx, now, actor, action, d); err != nil {
		return 0, err
	}
	var id int64
	err := tx.QueryRow(`SELECT last_insert_rowid()`).Scan(&id)
	return id, err
}

// AddMemo writes a memo by author on target: nothing for the project, else
// the document, code or segment of that kind.
func (p *Project) AddMemo(kind string, target int64, text string, author int64) (Memo, error) {
	if err := CheckMemoText(text); err != nil {
		return Memo{}, err
	}
	var r memoRow
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		if _, err := coderName(tx, author); err != nil {
			return err
		}
		now := p.stamp()
		r = memoRow{Kind: kind, Author: author, Text: text, CreatedAt: now, UpdatedAt: now}
		switch kind {
		case MemoProject:
			if target != 0 {
				return fmt.Errorf("%w: a project memo is on no document, code or segment", ErrInvalid)
			}
		case MemoDocument:
			var n int
			if err := tx.QueryRow(`SELECT COUNT(*) FROM documents WHERE id = ?`, target).Scan(&n); err != nil {
				return err
			} else if n == 0 {
				return fmt.Errorf("document %d: %w", target, ErrNotFound)
			}
			r.Document = target
		case MemoCode:
			if _, err := codeOf(tx, target); err != nil {
				return err
			}
			r.Code = target
		case MemoSegment:
			err := tx.QueryRow(`SELECT document_id FROM segments WHERE id = ?`, target).Scan(&r.Document)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("segment %d: %w", target, ErrNotFound)
			} else if err != nil {
				return err
			}
			r.Segment = target
		default:
			return fmt.Errorf("%w: a memo is on the project, a document, a code or a segment, not %q", ErrInvalid, kind)
		}
		res, err := tx.Exec(`INSERT INTO memos(kind, document_id, code_id, segment_id, author_id, text, created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)`,
			r.Kind, nullID(r.Document), nullID(r.Code), nullID(r.Segment), r.Author, r.Text, r.CreatedAt, r.UpdatedAt)
		if err != nil {
			return err
		}
		if r.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		_, err = p.memoJournal(tx, now, author, "memo.add", nil, &r)
		return err
	})
	return r.memo(), err
}

// ownMemo reads a memo for a change by actor: authors change only their own
// memos (actor 0, the command line, may change any), as coders remove only
// their own segments.
func ownMemo(tx *sql.Tx, id, actor int64) (memoRow, error) {
	r, ok, err := memoRowOf(tx, id)
	if err != nil {
		return r, err
	}
	if !ok {
		return r, fmt.Errorf("memo %d: %w", id, ErrNotFound)
	}
	if actor != 0 && r.Author != actor {
		owner, _ := coderName(tx, r.Author)
		return r, fmt.Errorf("%w: memo %d is %s's; authors edit and delete only their own memos", ErrInvalid, id, owner)
	}
	return r, nil
}

// EditMemo replaces a memo's text.
func (p *Project) EditMemo(id int64, text string, actor int64) (MemoChange, error) {
	if err := CheckMemoText(text); err != nil {
		return MemoChange{}, err
	}
	var ch MemoChange
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		before, err := ownMemo(tx, id, actor)
		if err != nil {
			return err
		}
		after := before
		after.Text, after.UpdatedAt = text, p.stamp()
		if _, err := tx.Exec(`UPDATE memos SET text = ?, updated_at = ? WHERE id = ?`, after.Text, after.UpdatedAt, id); err != nil {
			return err
		}
		ch.Memo = after.memo()
		ch.Change, err = p.memoJournal(tx, after.UpdatedAt, actor, "memo.edit", &before, &after)
		return err
	})
	return ch, err
}

// DeleteMemo deletes a memo; RevertMemo of the change brings it back.
func (p *Project) DeleteMemo(id int64, actor int64) (MemoChange, error) {
	var ch MemoChange
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		before, err := ownMemo(tx, id, actor)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM memos WHERE id = ?`, id); err != nil {
			return err
		}
		ch.Memo = before.memo()
		ch.Change, err = p.memoJournal(tx, p.stamp(), actor, "memo.delete", &before, nil)
		return err
	})
	return ch, err
}

// RevertMemo takes back a memo change (the journal entry an edit, a deletion
// or an addition recorded): an edit's earlier text, a deleted memo under its
// own id, an added memo removed. Only when the memo still stands as the
// change left it, so a revert never overwrites later writing; it is itself a
// journalled change ("memo.revert").
func (p *Project) RevertMemo(change int64, actor int64) (Memo, error) {
	var out memoRow
	err := p.tx(context.Background(), func(tx *sql.Tx) error {
		var action, detail string
		err := tx.QueryRow(`SELECT action, detail FROM journal WHERE id = ?`, change).Scan(&action, &detail)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("change %d: %w", change, ErrNotFound)
		} else if err != nil {
			return err
		}
		if action != "memo.add" && action != "memo.edit" && action != "memo.delete" {
			return fmt.Errorf("%w: change %d is a %s, not a memo change", ErrInvalid, change, action)
		}
		var d memoDetail
		if err := json.Unmarshal([]byte(detail), &d); err != nil {
			return fmt.Errorf("change %d: %w", change, err)
		}
		cur, has := memoRow{}, false
		if d.Before != nil {
			cur, has, err = memoRowOf(tx, d.Before.ID)
		} else if d.After != nil {
			cur, has, err = memoRowOf(tx, d.After.ID)
		}
		if err != nil {
			return err
		}
		stands := (d.After == nil && !has) || (d.After != nil && has && cur == *d.After)
		if !stands {
			return fmt.Errorf("%w: memo %d has changed since; its later change must be taken back first", ErrInvalid, d.Memo)
		}
		var who int64
		if d.Before != nil {
			who = d.Before.Author
		} else if d.After != nil {
			who = d.After.Author
		}
		if actor != 0 && who != actor {
			owner, _ := coderName(tx, who)
			return fmt.Errorf("%w: memo %d is %s's; authors take back only their own memo changes", ErrInvalid, d.Memo, owner)
		}
		if d.Before == nil {
			if _, err := tx.Exec(`DELETE FROM memos WHERE id = ?`, d.After.ID); err != nil {
				return err
			}
			out = *d.After
			_, err = p.memoJournal(tx, p.stamp(), actor, "memo.revert", d.After, nil)
			return err
		}
		if err := putMemo(tx, *d.Before, has); err != nil {
			if !has {
				return fmt.Errorf("%w: the %s memo %d cannot come back: what it was on is gone", ErrInvalid, d.Before.Kind, d.Memo)
			}
			return err
		}
		out = *d.Before
		var now *memoRow
		if has {
			now = &cur
		}
		_, err = p.memoJournal(tx, p.stamp(), actor, "memo.revert", now, d.Before)
		return err
	})
	return out.memo(), err
}

// recordMemos touches, for a codebook change, every memo matching where.
func (r *recorder) memos(where string, args ...any) ([]memoRow, error) {
	rows, err := memoRows(r.tx, where, args...)
	if err != nil {
		return nil, err
	}
	for _, m := range rows {
		if r.seenMemo[m.ID] {
			continue
		}
		r.seenMemo[m.ID] = true
		r.before.MemoIDs = append(r.before.MemoIDs, m.ID)
		r.before.Memos[m.ID] = m
	}
	return rows, nil
}

func readMemos(tx *sql.Tx, ids []int64) (map[int64]memoRow, error) {
	out := map[int64]memoRow{}
	for _, id := range ids {
		m, ok, err := memoRowOf(tx, id)
		if err != nil {
			return out, err
		}
		if ok {
			out[id] = m
		}
	}
	return out, nil
}
