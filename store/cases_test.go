package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestNormalizeValue(t *testing.T) {
	for _, tc := range []struct {
		typ, in, want string
		bad           bool
	}{
		{AttrText, "  patient ", "patient", false},
		{AttrText, "", "", false},
		{AttrNumber, " 45 ", "45", false},
		{AttrNumber, "4.5e1", "4.5e1", false},
		{AttrNumber, "forty", "", true},
		{AttrNumber, "NaN", "", true},
		{AttrDate, "2024-03-07", "2024-03-07", false},
		{AttrDate, "07/03/2024", "", true},
		{AttrDate, "2024-02-30", "", true},
		{AttrCategory, "link worker", "link worker", false},
		{AttrNumber, "   ", "", false},
		{"colour", "red", "", true},
	} {
		got, err := NormalizeValue(tc.typ, tc.in)
		if (err != nil) != tc.bad || got != tc.want {
			t.Errorf("NormalizeValue(%q, %q) = %q, %v; want %q, error %v", tc.typ, tc.in, got, err, tc.want, tc.bad)
		}
		if tc.bad && !errors.Is(err, ErrInvalid) {
			t.Errorf("NormalizeValue(%q, %q): %v is not ErrInvalid", tc.typ, tc.in, err)
		}
	}
}

func lastAction(t *testing.T, p *Project) string {
	t.Helper()
	j, err := p.Journal(1)
	if err != nil || len(j) == 0 {
		t.Fatalf("Journal: %v, %v", j, err)
	}
	return j[0].Action
}

func TestCasesTableEditing(t *testing.T) {
	p, doc, lead, _ := newProject(t)
	if err := p.AddAttribute("role", AttrCategory, lead.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.AddAttribute("age", AttrNumber, lead.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.AddAttribute("age", AttrText, lead.ID); !errors.Is(err, ErrInvalid) {
		t.Errorf("a second attribute called age: %v, want ErrInvalid", err)
	}
	if err := p.AddAttribute("colour", "colour", lead.ID); !errors.Is(err, ErrInvalid) {
		t.Errorf("an unknown type: %v, want ErrInvalid", err)
	}
	a, err := p.AddCase("Patient 10", lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	b, err := p.AddCase("Patient 2", lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddCase(" Patient 2 ", lead.ID); !errors.Is(err, ErrInvalid) {
		t.Errorf("a duplicate case: %v, want ErrInvalid", err)
	}
	if lastAction(t, p) != "case.add" {
		t.Errorf("last journal entry %q, want case.add", lastAction(t, p))
	}
	for _, v := range []struct {
		id         int64
		attr, val  string
		wantErr    error
		wantAction string
	}{
		{a.ID, "role", "patient", nil, "case.value"},
		{b.ID, "role", "link worker", nil, "case.value"},
		{a.ID, "age", "54", nil, "case.value"},
		{b.ID, "age", "fifty", ErrInvalid, ""},
		{b.ID, "height", "2", ErrNotFound, ""},
		{999, "age", "2", ErrNotFound, ""},
	} {
		err := p.SetCaseValue(v.id, v.attr, v.val, lead.ID)
		if v.wantErr == nil && err != nil || v.wantErr != nil && !errors.Is(err, v.wantErr) {
			t.Errorf("SetCaseValue(%d, %s, %q) = %v, want %v", v.id, v.attr, v.val, err, v.wantErr)
		}
	}
	cases, err := p.Cases()
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2 || cases[0].Name != "Patient 2" || cases[1].Name != "Patient 10" {
		t.Fatalf("Cases() = %+v, want Patient 2 before Patient 10", cases)
	}
	if !reflect.DeepEqual(cases[1].Attributes, map[string]string{"role": "patient", "age": "54"}) {
		t.Errorf("Patient 10's attributes = %v", cases[1].Attributes)
	}
	attrs, err := p.Attributes()
	if err != nil {
		t.Fatal(err)
	}
	if len(attrs) != 2 || attrs[0].Name != "role" || attrs[0].Type != AttrCategory ||
		!reflect.DeepEqual(attrs[0].Values, []string{"link worker", "patient"}) || attrs[1].Name != "age" {
		t.Errorf("Attributes() = %+v", attrs)
	}

	// A type change that some value does not fit changes nothing.
	if err := p.SetAttributeType("role", AttrNumber, lead.ID); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "Patient") {
		t.Errorf("role → number: %v, want ErrInvalid naming the case", err)
	}
	if attrs, _ := p.Attributes(); attrs[0].Type != AttrCategory {
		t.Errorf("role is %s after a refused type change", attrs[0].Type)
	}
	if err := p.SetAttributeType("age", AttrText, lead.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.SetCaseValue(b.ID, "age", "fifty", lead.ID); err != nil {
		t.Errorf("a text age takes words: %v", err)
	}
	if err := p.RenameAttribute("age", "age group", lead.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.RenameCase(a.ID, "Patient 003", lead.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.RenameCase(a.ID, "Patient 2", lead.ID); !errors.Is(err, ErrInvalid) {
		t.Errorf("renaming onto another case: %v", err)
	}
	cases, _ = p.Cases()
	// Natural order: Patient 2 before Patient 003.
	if cases[1].Name != "Patient 003" || cases[1].Attributes["age group"] != "54" || cases[0].Attributes["age group"] != "fifty" {
		t.Errorf("after renames: %+v", cases)
	}
	// Empty values unset.
	if err := p.SetCaseValue(b.ID, "age group", "", lead.ID); err != nil {
		t.Fatal(err)
	}
	cases, _ = p.Cases()
	if _, ok := cases[0].Attributes["age group"]; ok {
		t.Errorf("an emptied value stays: %v", cases[1].Attributes)
	}

	if err := p.SetDocumentCase(doc, a.ID, lead.ID); err != nil {
		t.Fatal(err)
	}
	if d, _ := p.Document(doc); d.Case != "Patient 003" {
		t.Errorf("document case = %q", d.Case)
	}
	if err := p.DeleteCase(a.ID, lead.ID); err != nil {
		t.Fatal(err)
	}
	if d, _ := p.Document(doc); d.Case != "" {
		t.Errorf("a deleted case stays on its document: %q", d.Case)
	}
	if err := p.DeleteAttribute("role", lead.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.DeleteAttribute("role", lead.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}
	cases, _ = p.Cases()
	if len(cases) != 1 || len(cases[0].Attributes) != 0 {
		t.Errorf("after deletes: %+v", cases)
	}
	want := []string{"attribute.delete", "case.delete", "document.case", "case.value", "case.rename", "attribute.rename", "case.value", "attribute.type"}
	j, _ := p.Journal(len(want))
	for i, e := range j {
		if e.Action != want[i] || e.Coder != lead.ID {
			t.Errorf("journal[%d] = %s by %d, want %s by %d", i, e.Action, e.Coder, want[i], lead.ID)
		}
	}
}

func TestSpeakersCasesAndExclusion(t *testing.T) {
	p, doc, lead, _ := newProject(t)
	if err := p.LinkCase(doc, "Focus group 1", map[string]string{"site": "north"}, lead.ID); err != nil {
		t.Fatal(err)
	}
	voice, err := p.AddCase("Patient 005", lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SetSpeakerCase(doc, "P001", voice.ID, lead.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.SetSpeakerCase(doc, "Nobody", voice.ID, lead.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("an unknown speaker: %v", err)
	}
	changed, err := p.ExcludeSpeaker("interviewer", lead.ID)
	if err != nil || !reflect.DeepEqual(changed, []string{"P001"}) {
		t.Fatalf("ExcludeSpeaker = %v, %v", changed, err)
	}
	if changed, _ := p.ExcludeSpeaker("Interviewer", lead.ID); len(changed) != 0 {
		t.Errorf("excluding again changed %v", changed)
	}
	tcs, err := p.TurnCases(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(tcs) != 2 || tcs[0].Case != "Focus group 1" || !tcs[0].Excluded || tcs[0].Attributes["site"] != "north" ||
		tcs[1].Case != "Patient 005" || tcs[1].Excluded {
		t.Errorf("TurnCases = %+v", tcs)
	}
	sp, err := p.Speakers()
	if err != nil {
		t.Fatal(err)
	}
	wantSp := []Speaker{{Name: "Interviewer", Turns: 1, Excluded: true}, {Name: "P001", Turns: 1, Case: voice.ID, CaseName: "Patient 005"}}
	if len(sp) != 1 || sp[0].CaseName != "Focus group 1" || !reflect.DeepEqual(sp[0].Speakers, wantSp) {
		t.Errorf("Speakers() = %+v", sp)
	}
	spans, err := p.ExcludedSpans(doc)
	if err != nil || !reflect.DeepEqual(spans, []Span{{Start: 0, End: 25}}) {
		t.Errorf("ExcludedSpans = %v, %v", spans, err)
	}

	code := codeID(t, p, "Positive affect")
	for _, tc := range []struct {
		start, end int
		refused    bool
	}{
		{13, 18, true},  // "Hello", inside the interviewer's turn
		{0, 25, true},   // the whole turn with its label
		{0, 26, true},   // and the line break after it, which is in no turn
		{20, 35, false}, // runs into P001's turn
		{40, 45, false}, // P001 only
	} {
		_, err := p.AddSegment(NewSegment{Document: doc, Code: code, Coder: lead.ID, Start: tc.start, End: tc.end}, lead.ID)
		var ex *ExcludedError
		if tc.refused != errors.As(err, &ex) {
			t.Errorf("AddSegment %d–%d: %v, refused %v", tc.start, tc.end, err, tc.refused)
		}
		if tc.refused && (!errors.Is(err, ErrExcluded) || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "Interviewer")) {
			t.Errorf("AddSegment %d–%d: %v should be ErrExcluded and ErrInvalid and name the speaker", tc.start, tc.end, err)
		}
	}

	// Taking the mark away, and unlinking the speaker, drops the row.
	if err := p.SetSpeakerExcluded(doc, "Interviewer", false, lead.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.SetSpeakerCase(doc, "P001", 0, lead.ID); err != nil {
		t.Fatal(err)
	}
	var n int
	p.db.QueryRow(`SELECT count(*) FROM document_speakers`).Scan(&n)
	if n != 0 {
		t.Errorf("%d speaker rows left that say nothing", n)
	}
	if _, err := p.AddSegment(NewSegment{Document: doc, Code: code, Coder: lead.ID, Start: 13, End: 18}, lead.ID); err != nil {
		t.Errorf("coding the interviewer once included again: %v", err)
	}
	if a := lastAction(t, p); a != "segment.add" {
		t.Errorf("last action %q", a)
	}
}

func TestImportCasesIsAllOrNothing(t *testing.T) {
	p, doc, lead, _ := newProject(t)
	if _, err := p.AddCase("ID1", lead.ID); err != nil {
		t.Fatal(err)
	}
	before, _ := p.Journal(0)
	bad := CaseSheet{Source: "cases.csv",
		Attributes: []Attribute{{Name: "age", Type: AttrNumber}},
		Cases: []SheetCase{
			{Name: "ID2", Row: 2, Values: map[string]string{"age": "20"}, Documents: []int64{doc}},
			{Name: "ID3", Row: 3, Values: map[string]string{"age": "old"}},
		}}
	_, err := p.ImportCases(bad, lead.ID)
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "cases.csv: row 3, column \"age\"") {
		t.Fatalf("ImportCases(bad) = %v", err)
	}
	cases, _ := p.Cases()
	attrs, _ := p.Attributes()
	after, _ := p.Journal(0)
	if d, _ := p.Document(doc); len(cases) != 1 || len(attrs) != 0 || len(after) != len(before) || d.Case != "" {
		t.Errorf("a refused sheet changed the project: %+v %+v, %d journal entries (was %d), doc case %q", cases, attrs, len(after), len(before), d.Case)
	}

	good := CaseSheet{Source: "cases.csv",
		Attributes: []Attribute{{Name: "age", Type: AttrNumber}, {Name: "gender", Type: AttrCategory}},
		Cases: []SheetCase{
			{Name: "ID1", Row: 2, Values: map[string]string{"age": "20", "gender": "f"}, Documents: []int64{doc}},
			{Name: "ID2", Row: 3, Values: map[string]string{"age": "22", "gender": ""}},
		}}
	res, err := p.ImportCases(good, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res != (CaseImport{Added: 1, Updated: 1, Attributes: 2, Linked: 1}) {
		t.Errorf("ImportCases = %+v", res)
	}
	if d, _ := p.Document(doc); d.Case != "ID1" {
		t.Errorf("document case %q", d.Case)
	}
	if lastAction(t, p) != "cases.import" {
		t.Errorf("journal: %s", lastAction(t, p))
	}
	// A second sheet that calls age a category converts it.
	res, err = p.ImportCases(CaseSheet{Source: "again.csv", Attributes: []Attribute{{Name: "age", Type: AttrCategory}},
		Cases: []SheetCase{{Name: "ID2", Row: 2, Values: map[string]string{"age": "22"}}}}, lead.ID)
	if err != nil || res.Updated != 1 {
		t.Fatalf("re-import = %+v, %v", res, err)
	}
	attrs, _ = p.Attributes()
	if attrs[0].Type != AttrCategory || !reflect.DeepEqual(attrs[0].Values, []string{"20", "22"}) {
		t.Errorf("after re-import: %+v", attrs)
	}
}

// TestAllTurnCases checks that the one-query read for every document says
// what TurnCases says for each, spans included, and that DocumentTexts
// returns each document's text.
func TestAllTurnCases(t *testing.T) {
	p, doc, lead, _ := newProject(t)
	more, err := p.ImportDocuments([]NewDocument{{Name: "b", Text: "no turns here", Hash: "b", Words: 3}}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	all, err := p.AllTurnCases()
	if err != nil {
		t.Fatal(err)
	}
	one, err := p.TurnCases(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 || !reflect.DeepEqual(all[doc], one) || len(one) != 2 || one[1].Start != 26 || one[1].End != 50 {
		t.Errorf("AllTurnCases = %+v, TurnCases = %+v", all, one)
	}
	texts, err := p.DocumentTexts([]int64{doc, more[0].ID, 999})
	if err != nil || len(texts) != 2 || texts[more[0].ID] != "no turns here" {
		t.Errorf("DocumentTexts = %v, %v", texts, err)
	}
}
