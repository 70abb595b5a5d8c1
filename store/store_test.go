package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"themis/frameworks"
)

// newProject creates a Keyes project with one document and a second coder.
func newProject(t *testing.T) (p *Project, doc int64, lead, other Coder) {
	t.Helper()
	p, err := Create(filepath.Join(t.TempDir(), "study.themis"), frameworks.Keyes(), "Aisha")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	lead, err = p.Lead()
	if err != nil {
		t.Fatal(err)
	}
	other, err = p.AddCoder("Ben", lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.ImportDocuments([]NewDocument{{
		Name: "P001", SourceName: "P001.txt", Text: "Interviewer: Hello 😀 café\nP001: I feel calmer now.", Hash: "h1", Words: 8,
		Turns: []Turn{{Speaker: "Interviewer", Start: 0, ContentStart: 13, End: 25}, {Speaker: "P001", Start: 26, ContentStart: 32, End: 50}},
	}}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	return p, got[0].ID, lead, other
}

func codeID(t *testing.T, p *Project, name string) int64 {
	t.Helper()
	c, err := p.CodeByName(name)
	if err != nil {
		t.Fatal(err)
	}
	return c.ID
}

func TestCreateStartsWithKeyesBlindModeAndLead(t *testing.T) {
	p, _, lead, _ := newProject(t)
	if lead.Name != "Aisha" {
		t.Errorf("lead = %q", lead.Name)
	}
	blind, err := p.BlindMode()
	if err != nil || !blind {
		t.Errorf("BlindMode() = %v, %v; new projects start blind", blind, err)
	}
	codes, err := p.Codes()
	if err != nil {
		t.Fatal(err)
	}
	codable := 0
	for _, c := range codes {
		if c.Codable {
			codable++
		}
	}
	if len(codes) != 16 || codable != 13 {
		t.Errorf("codes = %d (codable %d), want 16 (13)", len(codes), codable)
	}
	var mode string
	p.db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	var fk int
	p.db.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	if mode != "wal" || fk != 1 {
		t.Errorf("journal_mode=%s foreign_keys=%d, want wal and 1", mode, fk)
	}
}

func TestCreateRefusesToOverwrite(t *testing.T) {
	p, _, _, _ := newProject(t)
	_, err := Create(p.Path(), frameworks.Keyes(), "X")
	if !errors.Is(err, ErrExists) {
		t.Fatalf("Create over an existing file: %v, want ErrExists", err)
	}
}

func TestSecondWriterIsToldTheProjectIsOpen(t *testing.T) {
	p, _, _, _ := newProject(t)
	_, err := Open(p.Path())
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "open in another window") {
		t.Fatalf("second Open: %v, want ErrLocked", err)
	}
	ro, err := OpenReadOnly(p.Path())
	if err != nil {
		t.Fatalf("read-only open while locked: %v", err)
	}
	defer ro.Close()
	if _, err := ro.AddCoder("Zed", 0); !errors.Is(err, ErrReadOnly) {
		t.Errorf("write on read-only project: %v, want ErrReadOnly", err)
	}
	p.Close()
	again, err := Open(p.Path())
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	again.Close()
}

func TestOpenRejectsWhatIsNotAProject(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "notes.themis")
	writeFile(t, bad, "just some text, not SQLite")
	if _, err := Open(bad); err == nil || !strings.Contains(err.Error(), "not a Themis project") {
		t.Errorf("Open(text file) = %v", err)
	}
	if _, err := Open(filepath.Join(dir, "missing.themis")); err == nil {
		t.Error("Open(missing) succeeded")
	}
}

func TestImportIsAllOrNothingAndDetectsDuplicates(t *testing.T) {
	p, _, lead, _ := newProject(t)
	good := NewDocument{Name: "P002", SourceName: "P002.txt", Text: "P002: fine", Hash: "h2", Words: 2,
		Turns: []Turn{{Speaker: "P002", Start: 0, ContentStart: 6, End: 10}}}
	bad := NewDocument{Name: "broken", SourceName: "broken.txt", Text: "short", Hash: "h3",
		Turns: []Turn{{Start: 0, ContentStart: 0, End: 99}}}
	if _, err := p.ImportDocuments([]NewDocument{good, bad}, lead.ID); err == nil || !strings.Contains(err.Error(), "broken.txt") {
		t.Fatalf("import with a bad document: %v, want an error naming broken.txt", err)
	}
	docs, _ := p.Documents()
	if len(docs) != 1 {
		t.Fatalf("after failed import: %d documents, want 1 (unchanged)", len(docs))
	}
	again := good
	again.Name = "P002 again"
	res, err := p.ImportDocuments([]NewDocument{good, again}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res[0].ID == 0 || res[1].ID != 0 || res[1].DuplicateOf != "P002" {
		t.Errorf("import results = %+v, want second reported as duplicate of P002", res)
	}
	same := NewDocument{Name: "P002", SourceName: "x.txt", Text: "other", Hash: "h4", Words: 1}
	res, _ = p.ImportDocuments([]NewDocument{same}, lead.ID)
	if res[0].Name != "P002 (2)" {
		t.Errorf("name clash gave %q, want P002 (2)", res[0].Name)
	}
}

func TestSegmentsAreLayersPerCoder(t *testing.T) {
	p, doc, a, b := newProject(t)
	calm := codeID(t, p, "Positive affect")
	tests := []struct {
		name    string
		seg     NewSegment
		wantErr string
	}{
		{"ok", NewSegment{doc, calm, a.ID, 32, 50, ""}, ""},
		{"other coder same span", NewSegment{doc, calm, b.ID, 32, 50, ""}, ""},
		{"overlapping other code", NewSegment{doc, codeID(t, p, "Autonomy"), a.ID, 40, 50, ""}, ""},
		{"past the end", NewSegment{doc, calm, a.ID, 40, 51, ""}, "outside the document"},
		{"empty", NewSegment{doc, calm, a.ID, 5, 5, ""}, "empty"},
		{"negative", NewSegment{doc, calm, a.ID, -1, 5, ""}, "outside"},
		{"factor", NewSegment{doc, codeID(t, p, "Social well-being"), a.ID, 0, 5, ""}, "not codable"},
		{"unknown document", NewSegment{999, calm, a.ID, 0, 5, ""}, "not found"},
		{"unknown coder", NewSegment{doc, calm, 999, 0, 5, ""}, "not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.AddSegment(tt.seg, tt.seg.Coder)
			if tt.wantErr == "" && err != nil {
				t.Fatal(err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
	segs, _ := p.Segments(SegmentFilter{Document: doc})
	if len(segs) != 3 {
		t.Fatalf("%d segments, want 3", len(segs))
	}
	if _, err := p.RemoveSegment(segs[0].ID, otherThan(segs[0].Coder, a, b)); err == nil {
		t.Error("a coder removed another coder's segment")
	}
	if _, err := p.RemoveSegment(segs[0].ID, segs[0].Coder); err != nil {
		t.Fatal(err)
	}
	if segs, _ := p.Segments(SegmentFilter{Coder: b.ID}); len(segs)+1 < 1 {
		t.Error("unreachable")
	}
	j, _ := p.Journal(0)
	if j[0].Action != "segment.remove" || j[0].Coder != segs[0].Coder {
		t.Errorf("latest journal entry = %+v, want segment.remove by the coder", j[0])
	}
}

func otherThan(id int64, a, b Coder) int64 {
	if id == a.ID {
		return b.ID
	}
	return a.ID
}

func TestImportSegmentsIsAllOrNothing(t *testing.T) {
	p, doc, a, _ := newProject(t)
	calm := codeID(t, p, "Positive affect")
	_, err := p.ImportSegments([]NewSegment{{doc, calm, a.ID, 0, 5, ""}, {doc, calm, a.ID, 0, 500, ""}}, a.ID)
	if err == nil || !strings.Contains(err.Error(), "segment 2") {
		t.Fatalf("ImportSegments with a bad row: %v", err)
	}
	if segs, _ := p.Segments(SegmentFilter{}); len(segs) != 0 {
		t.Fatalf("%d segments after a failed import, want 0", len(segs))
	}
	n, err := p.ImportSegments([]NewSegment{{doc, calm, a.ID, 0, 5, ""}, {doc, calm, a.ID, 0, 5, ""}}, a.ID)
	if err != nil || n != 1 {
		t.Fatalf("ImportSegments = %d, %v; want 1 added (duplicate skipped)", n, err)
	}
}

func TestOnlyTheLeadChangesBlindMode(t *testing.T) {
	p, _, lead, other := newProject(t)
	if err := p.SetBlindMode(false, other.ID); err == nil || !strings.Contains(err.Error(), "only the project lead (Aisha)") {
		t.Fatalf("non-lead turned blind mode off: %v", err)
	}
	if err := p.SetBlindMode(false, lead.ID); err != nil {
		t.Fatal(err)
	}
	if blind, _ := p.BlindMode(); blind {
		t.Error("blind mode still on")
	}
	// Turning blind mode off changes who sees whose coding: the journal says who did it.
	j, err := p.Journal(1)
	if err != nil || len(j) != 1 || j[0].Action != "settings.blind" || j[0].Coder != lead.ID || j[0].Detail != `{"on":false}` {
		t.Errorf("journal after turning blind mode off = %+v, %v", j, err)
	}
}

func TestOnlyTheLeadNamesTheAdjudicator(t *testing.T) {
	p, _, lead, other := newProject(t)
	if _, ok, err := p.Adjudicator(); ok || err != nil {
		t.Fatalf("a new project has an adjudicator: %v, %v", ok, err)
	}
	if err := p.SetAdjudicator(other.ID, other.ID); err == nil || !strings.Contains(err.Error(), "only the project lead (Aisha)") {
		t.Fatalf("a coder named themself adjudicator: %v", err)
	}
	if err := p.SetAdjudicator(999, lead.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("SetAdjudicator(unknown coder) = %v, want ErrNotFound", err)
	}
	if err := p.SetAdjudicator(other.ID, lead.ID); err != nil {
		t.Fatal(err)
	}
	if c, ok, err := p.Adjudicator(); !ok || err != nil || c.ID != other.ID {
		t.Fatalf("Adjudicator() = %+v, %v, %v; want %s", c, ok, err, other.Name)
	}
	j, err := p.Journal(1)
	if err != nil || len(j) != 1 || j[0].Action != "settings.adjudicator" || j[0].Coder != lead.ID {
		t.Errorf("journal after naming the adjudicator = %+v, %v", j, err)
	}
	if err := p.SetAdjudicator(0, lead.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := p.Adjudicator(); ok || err != nil {
		t.Fatalf("adjudicator still named after clearing: %v, %v", ok, err)
	}
}

func TestCasesAndRename(t *testing.T) {
	p, doc, a, _ := newProject(t)
	if err := p.LinkCase(doc, "Patient 001", map[string]string{"role": "patient", "nested_case": "2"}, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.RenameDocument(doc, "Interview one", a.ID); err != nil {
		t.Fatal(err)
	}
	d, err := p.DocumentByName("Interview one")
	if err != nil || d.Case != "Patient 001" || d.Turns != 2 || d.Chars != 50 {
		t.Fatalf("DocumentByName = %+v, %v", d, err)
	}
	cs, _ := p.Cases()
	if len(cs) != 1 || cs[0].Attributes["nested_case"] != "2" {
		t.Errorf("Cases() = %+v", cs)
	}
	full, err := p.Document(doc)
	if err != nil || full.TurnSpans[1].Speaker != "P001" || !strings.Contains(full.Text, "😀") {
		t.Errorf("Document() = %+v, %v", full, err)
	}
}

func TestGenerationChangesWithEveryWrite(t *testing.T) {
	p, doc, lead, _ := newProject(t)
	g := p.Generation()
	if _, err := p.Segments(SegmentFilter{}); err != nil {
		t.Fatal(err)
	}
	if p.Generation() != g {
		t.Error("a read changed the generation")
	}
	if _, err := p.AddSegment(NewSegment{Document: doc, Code: codeID(t, p, "Autonomy"), Coder: lead.ID, Start: 32, End: 38}, lead.ID); err != nil {
		t.Fatal(err)
	}
	if p.Generation() == g {
		t.Error("coding left the generation as it was")
	}
}
