package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// A coder's copy is the project file a coder codes on their own machine. It
// must hold only that coder's layer, so that independent coding stays
// independent once the file has left the lead's machine: no other coder's
// segments or memos, no consensus layers or adjudications, no stars (an
// exemplar points at someone's passage), and no trace of any of it in the
// journal or the codebook history, nor in the file's free pages.

// CopySummary says what a coder's copy holds.
type CopySummary struct {
	Documents, Segments, Memos int
}

// CopyForCoder writes to out a copy of the project holding only coder's
// layer, and refuses (ErrExists) when out exists. The copy keeps the
// documents, turns, speakers, cases and attributes, the frameworks with their
// codes and tags, the plan with its sample and the coder's own assignments,
// the settings but the adjudicator (blind mode stays
// as it was), coder names (the plan names them), the coder's own segments,
// memos, done marks and stars on their own segments, and the lead's memos on
// the project, documents and codes (guidance for coding).
//
// What it drops, it drops without trace: the codebook history (its rows hold
// every coder's segments as a change found them) becomes one revision per
// framework, "the codebook as it stood when the copy was sent", at the
// revision number it had, so tags keep their numbers; the journal keeps only
// the coder's own segment, memo and done-mark entries and gains one
// "project.send" entry naming from (a base name) and the coder. The copy is
// then vacuumed with secure_delete on and its write-ahead log emptied (Wipe),
// so nothing deleted survives in free pages, and moved into place only when
// complete: the copy is made beside out under a temporary name.
func (p *Project) CopyForCoder(coder int64, out, from string, actor int64) (CopySummary, error) {
	var sum CopySummary
	c, err := p.Coder(coder)
	if err != nil {
		return sum, err
	}
	if c.Kind != KindCoder {
		return sum, fmt.Errorf("%w: %s is a consensus layer, not a coder", ErrInvalid, c.Name)
	}
	if _, err := os.Lstat(out); err == nil {
		return sum, fmt.Errorf("%s: %w", out, ErrExists)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return sum, err
	}
	dir := filepath.Dir(out)
	f, err := os.CreateTemp(dir, "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return sum, fmt.Errorf("%s: the folder %s does not exist", out, dir)
		}
		return sum, fmt.Errorf("copy to %s: %w", out, err)
	}
	tmp := f.Name()
	f.Close()
	done := false
	defer func() {
		if !done {
			for _, s := range []string{"", "-wal", "-shm", "-journal", ".lock"} {
				os.Remove(tmp + s)
			}
		}
	}()
	if err := p.vacuumInto(tmp); err != nil {
		return sum, fmt.Errorf("copy to %s: %w", out, err)
	}
	cp, err := open(tmp, false, false)
	if err != nil {
		return sum, err
	}
	if err := cp.keepOnly(coder, from, actor); err != nil {
		cp.Close()
		return sum, fmt.Errorf("copy to %s: %w", out, err)
	}
	if err := cp.Wipe(); err != nil {
		cp.Close()
		return sum, fmt.Errorf("copy to %s: %w", out, err)
	}
	q := cp.db.QueryRow(`SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM segments),
		(SELECT count(*) FROM memos)`)
	if err := q.Scan(&sum.Documents, &sum.Segments, &sum.Memos); err != nil {
		cp.Close()
		return sum, err
	}
	if err := cp.Close(); err != nil {
		return sum, fmt.Errorf("copy to %s: %w", out, err)
	}
	for _, s := range []string{"-wal", "-shm"} {
		os.Remove(tmp + s)
	}
	// A hard link puts the copy in place only if nothing is there (a rename
	// would replace a file made since the check above); where the file system
	// has no hard links, check again and rename.
	if err := os.Link(tmp, out); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return sum, fmt.Errorf("%s: %w", out, ErrExists)
		}
		if _, err := os.Lstat(out); err == nil {
			return sum, fmt.Errorf("%s: %w", out, ErrExists)
		}
		if err := os.Rename(tmp, out); err != nil {
			return sum, err
		}
	} else {
		os.Remove(tmp)
	}
	done = true
	return sum, nil
}

// vacuumInto writes only the live pages of a consistent snapshot of the
// project (the write-ahead log included) into the empty file at path. It
// writes nothing to the project, so a project opened read-only (the CLI while
// the app has it open) may be copied too: query_only, which would refuse
// VACUUM INTO, is lifted for that one statement on the project's one
// connection.
func (p *Project) vacuumInto(path string) error {
	ctx := context.Background()
	conn, err := p.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if p.readOnly {
		if _, err := conn.ExecContext(ctx, `PRAGMA query_only = 0`); err != nil {
			return err
		}
		defer conn.ExecContext(ctx, `PRAGMA query_only = 1`)
	}
	_, err = conn.ExecContext(ctx, `VACUUM INTO ?`, path)
	return err
}

// keepOnly deletes from the project everything that is not coder's layer or
// shared guidance, in one transaction (see CopyForCoder).
func (p *Project) keepOnly(coder int64, from string, actor int64) error {
	lead, err := p.Lead()
	if err != nil {
		return err
	}
	var name string
	if err := p.db.QueryRow(`SELECT name FROM coders WHERE id = ?`, coder).Scan(&name); err != nil {
		return err
	}
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		now := p.stamp()
		steps := []struct {
			sql  string
			args []any
		}{
			// Memos first: a segment memo cascades with its segment, but a
			// memo by someone else on the coder's own segment does not.
			{`DELETE FROM memos WHERE author_id != ?1
				AND NOT (author_id = ?2 AND kind IN ('project', 'document', 'code'))`, []any{coder, lead.ID}},
			// Stars mark someone's passage; the coder's own stars on their own
			// segments stay.
			{`DELETE FROM exemplars WHERE starred_by IS NOT ?1 OR NOT EXISTS (SELECT 1 FROM segments s
				WHERE s.coder_id = ?1 AND s.document_id = exemplars.document_id AND s.code_id = exemplars.code_id
				AND s.start = exemplars.start AND s.stop = exemplars.stop)`, []any{coder}},
			{`DELETE FROM segments WHERE coder_id != ?`, []any{coder}},
			// A finding dismissed in a memo the copy drops keeps the memo's
			// words (settingMemoDismissal): it goes with the memo.
			{`DELETE FROM settings WHERE substr(key, 1, ?1) = ?2
				AND json_extract(value, '$.memo') NOT IN (SELECT id FROM memos)`, []any{len(settingMemoDismissal), settingMemoDismissal}},
			{`DELETE FROM adjudications`, nil},
			{`DELETE FROM consensus_layers`, nil},
			{`DELETE FROM done_marks WHERE coder_id != ?`, []any{coder}},
			{`DELETE FROM settings WHERE key = ?`, []any{settingAdjudicator}},
			// The journal keeps the coder's own work only: entries of other
			// actions by the coder (a codebook merge, an adjudication) can name
			// other coders' segments.
			{`DELETE FROM journal WHERE coder_id IS NOT ?1
				OR action NOT IN ('segment.add', 'segment.remove', 'memo.add', 'memo.edit', 'memo.delete',
					'memo.revert', 'plan.done', 'plan.undone')
				OR (action IN ('segment.add', 'segment.remove') AND json_extract(detail, '$.Coder') IS NOT ?1)`, []any{coder}},
			// The removal or restore of a segment names every memo that went or
			// came back with it, and a memo brought back onto a segment that was
			// there is a memo.add by whoever undid: others' memos leave with
			// their text.
			{`UPDATE journal SET detail = json_set(detail, '$.memos', (SELECT json_group_array(json(m.value))
				FROM json_each(journal.detail, '$.memos') m WHERE json_extract(m.value, '$.author') = ?1))
				WHERE action IN ('segment.add', 'segment.remove') AND json_type(detail, '$.memos') = 'array'`, []any{coder}},
			{`DELETE FROM journal WHERE action LIKE 'memo.%'
				AND COALESCE(json_extract(detail, '$.after.author'), json_extract(detail, '$.before.author')) IS NOT ?1`, []any{coder}},
			// The codebook history's rows hold segments and memos as each change
			// found them: one revision, at the number the framework had, stands
			// for all of it.
			{`CREATE TEMP TABLE sent_revisions AS SELECT framework_id, MAX(revision) AS revision
				FROM codebook_changes GROUP BY framework_id`, nil},
			{`UPDATE codebook_changes SET target = NULL`, nil},
			{`DELETE FROM codebook_changes`, nil},
			{`INSERT INTO codebook_changes(framework_id, revision, at, action, summary)
				SELECT f.id, COALESCE(r.revision, 0), ?, 'create', 'The codebook as it stood when this copy was sent'
				FROM frameworks f LEFT JOIN sent_revisions r ON r.framework_id = f.id`, []any{now}},
			{`DROP TABLE sent_revisions`, nil},
			// Consensus layers are other coders' work too; nothing left names them.
			{`UPDATE scan_dismissals SET coder_id = NULL WHERE coder_id IN (SELECT id FROM coders WHERE kind != 'coder')`, nil},
			{`UPDATE codebook_tags SET coder_id = NULL WHERE coder_id IN (SELECT id FROM coders WHERE kind != 'coder')`, nil},
			// Who else codes which document is not the coder's to know in
			// blind mode (the app does not tell them); the sample stays.
			{`DELETE FROM plan_assignments WHERE coder_id != ?`, []any{coder}},
			{`UPDATE plan SET drawn_by = NULL WHERE drawn_by IN (SELECT id FROM coders WHERE kind != 'coder')`, nil},
			{`DELETE FROM coders WHERE kind != 'coder'`, nil},
		}
		for _, s := range steps {
			if _, err := tx.Exec(s.sql, s.args...); err != nil {
				return fmt.Errorf("%s: %w", firstLine(s.sql), err)
			}
		}
		return journal(tx, now, actor, "project.send", map[string]any{"from": filepath.Base(from), "coder": name})
	})
}

func firstLine(s string) string {
	for i, r := range s {
		if r == '\n' {
			return s[:i]
		}
	}
	return s
}
