package store

import (
	"database/sql"
	"encoding/json"
)

// JournalEntry records one change: who, when, what.
type JournalEntry struct {
	ID     int64
	At     string // RFC 3339, UTC
	Coder  int64  // 0 when no coder was acting (e.g. a CLI import)
	Action string // e.g. "segment.add", "documents.import"
	Detail string // JSON
}

// journal writes an entry inside the transaction of the change it records, so
// the journal never disagrees with the data.
func journal(tx *sql.Tx, at string, coder any, action string, detail any) error {
	b, err := json.Marshal(detail)
	if err != nil {
		return err
	}
	if id, ok := coder.(int64); ok && id == 0 {
		coder = nil
	}
	_, err = tx.Exec(`INSERT INTO journal(at, coder_id, action, detail) VALUES(?, ?, ?, ?)`, at, coder, action, string(b))
	return err
}

// Journal returns the most recent entries, newest first; limit <= 0 means all.
func (p *Project) Journal(limit int) ([]JournalEntry, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := p.db.Query(`SELECT id, at, COALESCE(coder_id, 0), action, detail FROM journal ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []JournalEntry
	for rows.Next() {
		var e JournalEntry
		if err := rows.Scan(&e.ID, &e.At, &e.Coder, &e.Action, &e.Detail); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
