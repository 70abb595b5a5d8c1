package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations[i] brings a database from user_version i to i+1. Never edit a
// migration that has shipped: add a new one.
var migrations = []string{
	// 1: documents, turns, framework, coders, segments, settings.
	`
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
CREATE TABLE coders (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
	created_at TEXT NOT NULL
);
CREATE TABLE frameworks (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE codes (
	id           INTEGER PRIMARY KEY,
	framework_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
	parent_id    INTEGER REFERENCES codes(id),
	ref          TEXT NOT NULL,
	name         TEXT NOT NULL,
	definition   TEXT NOT NULL DEFAULT '',
	color        TEXT NOT NULL DEFAULT '#888888',
	key          TEXT NOT NULL DEFAULT '',
	codable      INTEGER NOT NULL DEFAULT 1,
	position     INTEGER NOT NULL,
	UNIQUE (framework_id, ref)
);
CREATE TABLE documents (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL,
	source_name TEXT NOT NULL,
	text        TEXT NOT NULL,
	hash        TEXT NOT NULL UNIQUE,
	words       INTEGER NOT NULL,
	chars       INTEGER NOT NULL,
	imported_at TEXT NOT NULL
);
CREATE TABLE turns (
	document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx           INTEGER NOT NULL,
	speaker       TEXT NOT NULL,
	stamp         TEXT NOT NULL DEFAULT '',
	start         INTEGER NOT NULL,
	content_start INTEGER NOT NULL,
	stop          INTEGER NOT NULL,
	PRIMARY KEY (document_id, idx)
);
CREATE TABLE segments (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	code_id     INTEGER NOT NULL REFERENCES codes(id),
	coder_id    INTEGER NOT NULL REFERENCES coders(id),
	start       INTEGER NOT NULL CHECK (start >= 0),
	stop        INTEGER NOT NULL CHECK (stop > start),
	created_at  TEXT NOT NULL,
	UNIQUE (document_id, code_id, coder_id, start, stop)
);
CREATE INDEX segments_by_document ON segments (document_id, coder_id);
CREATE INDEX segments_by_code ON segments (code_id, coder_id);
`,
	// 2: the journal of changes, and cases with attributes linked to documents.
	`
CREATE TABLE journal (
	id       INTEGER PRIMARY KEY,
	at       TEXT NOT NULL,
	coder_id INTEGER REFERENCES coders(id),
	action   TEXT NOT NULL,
	detail   TEXT NOT NULL
);
CREATE TABLE cases (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE
);
CREATE TABLE case_attributes (
	case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	name    TEXT NOT NULL,
	value   TEXT NOT NULL,
	PRIMARY KEY (case_id, name)
);
ALTER TABLE documents ADD COLUMN case_id INTEGER REFERENCES cases(id);
`,
	// 3: consensus layers made by adjudicating two coders' disagreements.
	`
ALTER TABLE coders ADD COLUMN kind TEXT NOT NULL DEFAULT 'coder';
CREATE TABLE consensus_layers (
	coder_id INTEGER PRIMARY KEY REFERENCES coders(id),
	coder_a  INTEGER NOT NULL REFERENCES coders(id),
	coder_b  INTEGER NOT NULL REFERENCES coders(id),
	UNIQUE (coder_a, coder_b)
);
CREATE TABLE adjudications (
	id           INTEGER PRIMARY KEY,
	consensus_id INTEGER NOT NULL REFERENCES consensus_layers(coder_id),
	document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	item         TEXT NOT NULL,
	kind         TEXT NOT NULL,
	action       TEXT NOT NULL,
	rationale    TEXT NOT NULL DEFAULT '',
	decided_by   INTEGER REFERENCES coders(id),
	decided_at   TEXT NOT NULL,
	UNIQUE (consensus_id, item)
);
ALTER TABLE segments ADD COLUMN adjudication_id INTEGER REFERENCES adjudications(id) ON DELETE CASCADE;
CREATE INDEX segments_by_adjudication ON segments (adjudication_id);
`,
	// 4: codebooks that evolve: rules and examples on codes, several
	// frameworks with one active, the history of changes with the rows each
	// change touched (so any change can be undone), and tagged versions.
	`
ALTER TABLE codes ADD COLUMN when_to_use TEXT NOT NULL DEFAULT '';
ALTER TABLE codes ADD COLUMN when_not_to_use TEXT NOT NULL DEFAULT '';
ALTER TABLE codes ADD COLUMN examples TEXT NOT NULL DEFAULT '[]';
ALTER TABLE codes ADD COLUMN scale REAL;
ALTER TABLE codes ADD COLUMN guid TEXT NOT NULL DEFAULT '';
ALTER TABLE frameworks ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
CREATE INDEX codes_by_parent ON codes (framework_id, parent_id);
CREATE TABLE codebook_changes (
	id           INTEGER PRIMARY KEY,
	framework_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
	revision     INTEGER NOT NULL,
	at           TEXT NOT NULL,
	coder_id     INTEGER REFERENCES coders(id),
	action       TEXT NOT NULL,
	summary      TEXT NOT NULL,
	target       INTEGER REFERENCES codebook_changes(id),
	before       TEXT NOT NULL DEFAULT '',
	after        TEXT NOT NULL DEFAULT '',
	UNIQUE (framework_id, revision)
);
CREATE TABLE codebook_tags (
	id           INTEGER PRIMARY KEY,
	framework_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
	revision     INTEGER NOT NULL,
	name         TEXT NOT NULL,
	note         TEXT NOT NULL DEFAULT '',
	at           TEXT NOT NULL,
	coder_id     INTEGER REFERENCES coders(id),
	UNIQUE (framework_id, name)
);
INSERT INTO codebook_changes(framework_id, revision, at, action, summary)
	SELECT id, 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'create', 'The codebook as it stood when Themis began keeping its history'
	FROM frameworks;
`,
	// 5: the corpus: typed case attributes; speakers within a document
	// linked to a case (one voice of a focus group) or left out of coding and
	// analysis (the interviewer); identifiers the anonymisation check was told
	// to ignore. Speaker rows hold the label as the turns spell it.
	`
CREATE TABLE case_attribute_types (
	name     TEXT PRIMARY KEY,
	type     TEXT NOT NULL DEFAULT 'text' CHECK (type IN ('text', 'number', 'date', 'category')),
	position INTEGER NOT NULL DEFAULT 0
);
INSERT INTO case_attribute_types(name, type, position)
	SELECT name, 'text', row_number() OVER (ORDER BY name) FROM (SELECT DISTINCT name FROM case_attributes);
CREATE TABLE document_speakers (
	document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	speaker     TEXT NOT NULL,
	case_id     INTEGER REFERENCES cases(id) ON DELETE SET NULL,
	excluded    INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (document_id, speaker)
);
CREATE TABLE scan_dismissals (
	document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	start       INTEGER NOT NULL,
	stop        INTEGER NOT NULL,
	kind        TEXT NOT NULL,
	text        TEXT NOT NULL,
	dismissed_at TEXT NOT NULL,
	coder_id    INTEGER REFERENCES coders(id),
	PRIMARY KEY (document_id, start, stop, kind)
);
`,
	// 6: exemplars, the passages starred for the report. An exemplar is a
	// code's span of a document, not one coder's segment, so it survives
	// adjudication into the consensus layer; cuts are the ranges a trimmed
	// quote leaves out, in absolute code points, so the full passage can
	// always be traced back. AUTOINCREMENT: the id of an exemplar a code
	// deletion took must stay free for the deletion's undo to put it back.
	`
CREATE TABLE exemplars (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	code_id     INTEGER NOT NULL REFERENCES codes(id),
	start       INTEGER NOT NULL CHECK (start >= 0),
	stop        INTEGER NOT NULL CHECK (stop > start),
	cuts        TEXT NOT NULL DEFAULT '[]',
	starred_by  INTEGER REFERENCES coders(id),
	starred_at  TEXT NOT NULL DEFAULT '',
	UNIQUE (document_id, code_id, start, stop)
);
CREATE INDEX exemplars_by_code ON exemplars (code_id);
`,
	// 7: memos — notes on the project, a document, a code or a segment, by
	// one author. A segment memo also names its segment's document, so a
	// document's memos are one lookup; both cascade with their target. A code
	// memo does not cascade: deleting or merging a code carries its memos
	// in the codebook change, so the undo brings them back. AUTOINCREMENT:
	// a deleted memo's undo puts it back under its own id.
	`
CREATE TABLE memos (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	kind        TEXT NOT NULL CHECK (kind IN ('project', 'document', 'code', 'segment')),
	document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
	code_id     INTEGER REFERENCES codes(id),
	segment_id  INTEGER REFERENCES segments(id) ON DELETE CASCADE,
	author_id   INTEGER NOT NULL REFERENCES coders(id),
	text        TEXT NOT NULL,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);
CREATE INDEX memos_by_document ON memos (document_id);
CREATE INDEX memos_by_code ON memos (code_id);
CREATE INDEX memos_by_segment ON memos (segment_id);
`,
	// 8: the double-coding plan. One plan per project: how the
	// reliability sample was drawn, which documents are in it (coded by every
	// planned coder) and who codes each document. Done marks are the coders'
	// own and outlive a redrawn plan, because they record work done.
	`
CREATE TABLE plan (
	id       INTEGER PRIMARY KEY CHECK (id = 1),
	share    REAL NOT NULL CHECK (share >= 0 AND share <= 100),
	stratify TEXT NOT NULL DEFAULT '',
	seed     INTEGER NOT NULL,
	coders   TEXT NOT NULL,
	drawn_at TEXT NOT NULL,
	drawn_by INTEGER REFERENCES coders(id)
);
CREATE TABLE plan_sample (
	document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
);
CREATE TABLE plan_assignments (
	document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	coder_id    INTEGER NOT NULL REFERENCES coders(id),
	PRIMARY KEY (document_id, coder_id)
);
CREATE INDEX plan_assignments_by_coder ON plan_assignments (coder_id);
CREATE TABLE done_marks (
	document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	coder_id    INTEGER NOT NULL REFERENCES coders(id),
	at          TEXT NOT NULL,
	PRIMARY KEY (document_id, coder_id)
);
`,
}

// SchemaVersion is the schema this build writes.
var SchemaVersion = len(migrations)

// migrate applies the migrations from the file's version up to target in one
// transaction, so a failed migration leaves the file as it was.
func migrate(ctx context.Context, db *sql.DB, target int) error {
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("%w (schema %d; this build reads up to %d)", ErrNewerSchema, version, len(migrations))
	}
	if version >= target {
		return nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for v := version; v < target; v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("migrate schema %d to %d: %w", v, v+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", target)); err != nil {
		return err
	}
	return tx.Commit()
}
