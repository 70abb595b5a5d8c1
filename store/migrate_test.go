package store

import (
	"database/sql"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata files")

// testdata/v1.themis was written by schema 1 (before the journal and cases
// existed); run with -update to regenerate it from migrations[0].
func TestOpenMigratesAFileFromSchema1(t *testing.T) {
	fixture := filepath.Join("testdata", "v1.themis")
	if *update {
		makeV1Fixture(t, fixture)
	}
	path := filepath.Join(t.TempDir(), "old.themis")
	copyFile(t, fixture, path)

	p, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var v int
	p.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != SchemaVersion {
		t.Errorf("user_version = %d after open, want %d", v, SchemaVersion)
	}
	docs, err := p.Documents()
	if err != nil || len(docs) != 1 || docs[0].Name != "old interview" || docs[0].Case != "" {
		t.Fatalf("documents after migration = %+v, %v", docs, err)
	}
	segs, _ := p.Segments(SegmentFilter{})
	if len(segs) != 1 || segs[0].End != 9 {
		t.Fatalf("segments after migration = %+v", segs)
	}
	lead, err := p.Lead()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.LinkCase(docs[0].ID, "Patient 009", nil, lead.ID); err != nil {
		t.Errorf("schema 2 feature on a migrated file: %v", err)
	}
	// Schema 4: the old framework is the active one, its codes keep their
	// order, and it can be edited, versioned and undone from revision 0.
	if f, err := p.Framework(); err != nil || f.Name != "Keyes: flourishing" || !f.Active {
		t.Fatalf("active framework after migration = %+v, %v", f, err)
	}
	codes, _ := p.CodesOf(0)
	if len(codes) != 2 || codes[1].Parent != codes[0].ID || codes[1].Examples != nil {
		t.Fatalf("codes after migration = %+v", codes)
	}
	if _, err := p.UpdateCode(codes[1].ID, CodeFields{Name: "Positive affect", Key: "1", Codable: true, WhenToUse: "Good moods."}, lead.ID); err != nil {
		t.Fatal(err)
	}
	if v, _ := p.CodebookVersion(0); v.Label() != "revision 1" {
		t.Errorf("version after one edit of a migrated file = %q", v.Label())
	}
	if _, err := p.UndoCodebook(0, lead.ID); err != nil {
		t.Errorf("undo on a migrated file: %v", err)
	}
	// Schema 6: the old segment can be starred and trimmed.
	e, err := p.StarSegment(segs[0].ID, lead.ID)
	if err != nil || e.Start != 4 || e.End != 9 {
		t.Fatalf("star on a migrated file = %+v, %v", e, err)
	}
	if _, err := p.TrimExemplar(e.ID, [][2]int{{4, 5}}, lead.ID); err != nil {
		t.Errorf("trim on a migrated file: %v", err)
	}
	// Schema 7: the old segment takes a memo.
	if m, err := p.AddMemo(MemoSegment, segs[0].ID, "kept", lead.ID); err != nil || m.Document != docs[0].ID {
		t.Errorf("memo on a migrated file = %+v, %v", m, err)
	}
}

func TestOpenRefusesANewerSchema(t *testing.T) {
	p, _, _, _ := newProject(t)
	p.db.Exec("PRAGMA user_version = 99")
	p.Close()
	if _, err := Open(p.Path()); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Open(newer) = %v, want ErrNewerSchema", err)
	}
}

func makeV1Fixture(t *testing.T, path string) {
	os.Remove(path)
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		migrations[0],
		"PRAGMA user_version = 1",
		`INSERT INTO settings VALUES ('blind_mode','1'), ('lead_coder','1'), ('created_at','2026-01-05T10:00:00Z')`,
		`INSERT INTO coders VALUES (1, 'Aisha', '2026-01-05T10:00:00Z')`,
		`INSERT INTO frameworks VALUES (1, 'Keyes: flourishing', '')`,
		`INSERT INTO codes VALUES (1, 1, NULL, 'emotional', 'Emotional well-being', '', '#c2410c', '', 0, 0),
			(2, 1, 1, 'positive-affect', 'Positive affect', '', '#f97316', '1', 1, 1)`,
		`INSERT INTO documents VALUES (1, 'old interview', 'old.txt', 'P1: happy days', 'abc', 3, 14, '2026-01-05T10:00:00Z')`,
		`INSERT INTO turns VALUES (1, 0, 'P1', '', 0, 4, 14)`,
		`INSERT INTO segments VALUES (1, 1, 2, 1, 4, 9, '2026-01-05T10:01:00Z')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(b))
}

func writeFile(t *testing.T, path, s string) {
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
