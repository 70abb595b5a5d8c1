package project

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"themis/coding"
	"themis/interop"
	"themis/store"
)

// addDocs stores documents of one turn each (or the turns given) without parsing.
func addDocs(t *testing.T, p *store.Project, actor int64, docs ...store.NewDocument) []int64 {
	t.Helper()
	for i := range docs {
		d := &docs[i]
		if d.Hash == "" {
			d.Hash = d.Name
		}
		d.SourceName = d.Name + ".txt"
		if d.Turns == nil {
			d.Turns = []store.Turn{{Speaker: "", End: len([]rune(d.Text))}}
		}
	}
	res, err := p.ImportDocuments(docs, actor)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, r := range res {
		ids = append(ids, r.ID)
	}
	return ids
}

func TestImportCaseSheetMatchesDocuments(t *testing.T) {
	p, lead, _ := newStudy(t)
	addDocs(t, p, lead.ID,
		store.NewDocument{Name: "qualcoder-ID1", Text: "one"},
		store.NewDocument{Name: "qualcoder-ID2", Text: "two"},
		store.NewDocument{Name: "id3", Text: "three"},
		store.NewDocument{Name: "ID10 notes", Text: "four"}, // ID1 is not a word of it,
	)
	res, err := ImportCaseSheet(p, filepath.Join("testdata", "qualcoder-cases123.csv"), interop.Options{}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []CaseMatch{
		{"ID3", "id3", "same name"},
		{"ID1", "qualcoder-ID1", "name within"},
		{"ID2", "qualcoder-ID2", "name within"},
	}
	if !reflect.DeepEqual(res.Matches, want) {
		t.Errorf("matches %+v, want %+v", res.Matches, want)
	}
	if res.Added != 3 || res.Linked != 3 || res.CaseImport.Attributes != 3 || len(res.Unmatched) != 0 {
		t.Errorf("result %+v", res)
	}
	docs, _ := p.Documents()
	var cases []string
	for _, d := range docs {
		cases = append(cases, d.Case)
	}
	if !reflect.DeepEqual(cases, []string{"ID1", "ID2", "ID3", ""}) {
		t.Errorf("document cases %q", cases)
	}
	attrs, _ := p.Attributes()
	if len(attrs) != 3 || attrs[0].Name != "Age" || attrs[0].Type != store.AttrNumber || attrs[1].Type != store.AttrCategory {
		t.Errorf("attributes %+v", attrs)
	}
	summary := strings.Join(CaseSheetSummary(res), "\n")
	for _, s := range []string{"3 cases (3 new, 0 updated)", `attribute "gender": category (inferred): f, m`, "qualcoder-ID1 → ID1 (name within)"} {
		if !strings.Contains(summary, s) {
			t.Errorf("summary lacks %q:\n%s", s, summary)
		}
	}
}

func TestImportCaseSheetWithDocumentColumn(t *testing.T) {
	p, lead, _ := newStudy(t)
	addDocs(t, p, lead.ID, store.NewDocument{Name: "focus group 1", Text: "fg"}, store.NewDocument{Name: "patient-001", Text: "p"})
	sheet := "case,transcript,role,interviewed\nPatient 001,patient-001.docx,patient,07/03/2024\nSite North,focus group 1; missing one,site,\n"
	res, err := ImportCaseSheetData(p, "sites.csv", []byte(sheet), interop.Options{Types: map[string]string{"role": "category"}}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.DocumentColumn != "transcript" || res.Linked != 2 || !reflect.DeepEqual(res.UnknownDocuments, []string{"missing one"}) {
		t.Errorf("result %+v", res)
	}
	cs, _ := p.Cases()
	if cs[0].Name != "Patient 001" || cs[0].Attributes["interviewed"] != "2024-03-07" || cs[0].Attributes["role"] != "patient" {
		t.Errorf("cases %+v", cs)
	}
}

func TestBadCaseSheetLeavesProjectUnchanged(t *testing.T) {
	p, lead, _ := newStudy(t)
	addDocs(t, p, lead.ID, store.NewDocument{Name: "ID1", Text: "one"})
	dir := t.TempDir()
	for name, data := range map[string]string{
		"noname.csv": "role,age\npatient,3\n",
		"binary.csv": "\x00\x01PK",
		"empty.xlsx": "",
		"typed.csv":  "case,age\nID1,20\nID2,twenty\n",
	} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(data), 0o644)
		before, _ := p.Journal(0)
		_, err := ImportCaseSheet(p, path, interop.Options{Types: map[string]string{"age": "number"}}, lead.ID)
		var se *interop.SheetError
		if !errors.As(err, &se) || !strings.HasPrefix(err.Error(), name+": ") {
			t.Errorf("%s: %v, want a SheetError naming the file", name, err)
		}
		after, _ := p.Journal(0)
		cs, _ := p.Cases()
		if len(after) != len(before) || len(cs) != 0 {
			t.Errorf("%s changed the project", name)
		}
	}
}

// TestExcludedTurnsLeaveAgreement: the interviewer's turn is 40 of the 100
// characters. With it, coder A's 27 coded characters in it count against B:
// p_o = 63/100, p_e = .47·.30 + .53·.70 = .512, κ = .118/.488 = 0.2418.
// Without it the 60 characters left give p_o = 50/60, p_e = 1/3·1/2 +
// 2/3·1/2 = .5, κ = 2/3.
func TestExcludedTurnsLeaveAgreement(t *testing.T) {
	p, a, b := newStudy(t)
	text := "Interviewer: " + strings.Repeat("x", 27) + "\n" + "P001: " + strings.Repeat("y", 53)
	doc := addDocs(t, p, a.ID, store.NewDocument{Name: "P001", Text: text, Turns: []store.Turn{
		{Speaker: "Interviewer", Start: 0, ContentStart: 13, End: 40}, {Speaker: "P001", Start: 41, ContentStart: 47, End: 100}}})[0]
	code, _ := p.CodeByName("Social integration")
	for _, s := range []store.NewSegment{
		{Document: doc, Code: code.ID, Coder: a.ID, Start: 13, End: 40},
		{Document: doc, Code: code.ID, Coder: a.ID, Start: 47, End: 67},
		{Document: doc, Code: code.ID, Coder: b.ID, Start: 47, End: 77},
	} {
		if _, err := p.AddSegment(s, s.Coder); err != nil {
			t.Fatal(err)
		}
	}
	kappa := func(unit string) (float64, coding.Counts) {
		t.Helper()
		rep, err := Agreement(p, AgreementRequest{CoderA: a.ID, CoderB: b.ID, Codes: []int64{code.ID}, Unit: unit})
		if err != nil {
			t.Fatal(err)
		}
		r := rep.PerCode[0]
		if r.Kappa == nil {
			return math.NaN(), r.Counts
		}
		return *r.Kappa, r.Counts
	}
	k, c := kappa("character")
	if math.Abs(k-0.118/0.488) > 1e-9 || c.Both != 20 || c.OnlyA != 27 || c.OnlyB != 10 || c.Neither != 43 {
		t.Errorf("with the interviewer: κ = %v, %+v", k, c)
	}
	if k, c := kappa("turn"); c.Both+c.OnlyA+c.OnlyB+c.Neither != 2 {
		t.Errorf("turn units with the interviewer: %v %+v", k, c)
	}
	if _, err := p.ExcludeSpeaker("Interviewer", a.ID); err != nil {
		t.Fatal(err)
	}
	k, c = kappa("character")
	if math.Abs(k-2.0/3) > 1e-9 || c.Both != 20 || c.OnlyA != 0 || c.OnlyB != 10 || c.Neither != 30 {
		t.Errorf("without the interviewer: κ = %v, %+v; want 2/3 from 20/0/10/30", k, c)
	}
	if _, c := kappa("turn"); c.Both != 1 || c.Both+c.OnlyA+c.OnlyB+c.Neither != 1 {
		t.Errorf("turn units without the interviewer: %+v, want the one turn of P001", c)
	}
	multi, err := MultiAgreement(p, leadViewer(t, p), MultiAgreementRequest{Coders: []int64{a.ID, b.ID}, Codes: []int64{code.ID}, Unit: "character"})
	if err != nil {
		t.Fatal(err)
	}
	if got := multi.PerCode[0]; got.Units != 60 {
		t.Errorf("multi-coder units %d, want 60", got.Units)
	}

	// Quotes skip the segment inside the interviewer's turn.
	v, _ := ViewerFor(p, a.ID)
	_, quotes, err := Quotes(p, v, code.ID, a.ID)
	if err != nil || len(quotes) != 1 || quotes[0].Start != 47 {
		t.Errorf("quotes %+v, %v; want only P001's", quotes, err)
	}
}

func TestWithoutExcludedCutsSegments(t *testing.T) {
	ex := map[int64]store.Exclusion{1: {Excluded: []store.Span{{Start: 10, End: 20}, {Start: 30, End: 35}}}}
	docs, segs := withoutExcluded(
		[]coding.DocumentLength{{ID: 1, Length: 50, Turns: []int{0, 10, 20, 30, 35}}, {ID: 2, Length: 5}},
		[]coding.Segment{{Document: 1, Start: 5, End: 40}, {Document: 1, Start: 12, End: 18}, {Document: 2, Start: 1, End: 3}}, ex)
	if docs[0].Length != 35 || docs[1].Length != 5 || !reflect.DeepEqual(docs[0].Turns, []int{0, 10, 20}) {
		t.Errorf("docs %+v", docs)
	}
	want := []coding.Segment{{Document: 1, Start: 5, End: 10}, {Document: 1, Start: 10, End: 20}, {Document: 1, Start: 20, End: 25}, {Document: 2, Start: 1, End: 3}}
	if !reflect.DeepEqual(segs, want) {
		t.Errorf("segments %+v, want %+v", segs, want)
	}
}

func TestQuotesUseTheSpeakersCase(t *testing.T) {
	p, a, _ := newStudy(t)
	text := "Facilitator: Welcome\nP1: I go out now\nP2: Me too"
	doc := addDocs(t, p, a.ID, store.NewDocument{Name: "focus group", Text: text, Turns: []store.Turn{
		{Speaker: "Facilitator", Start: 0, ContentStart: 13, End: 20}, {Speaker: "P1", Start: 21, ContentStart: 25, End: 37}, {Speaker: "P2", Start: 38, ContentStart: 42, End: 48}}})[0]
	if err := p.LinkCase(doc, "Focus group North", nil, a.ID); err != nil {
		t.Fatal(err)
	}
	voice, _ := p.AddCase("Patient 007", a.ID)
	p.AddAttribute("nested_case", store.AttrNumber, a.ID)
	p.SetCaseValue(voice.ID, "nested_case", "2", a.ID)
	if err := p.SetSpeakerCase(doc, "P1", voice.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	code, _ := p.CodeByName("Social integration")
	for _, s := range [][2]int{{25, 37}, {42, 48}} {
		if _, err := p.AddSegment(store.NewSegment{Document: doc, Code: code.ID, Coder: a.ID, Start: s[0], End: s[1]}, a.ID); err != nil {
			t.Fatal(err)
		}
	}
	v, _ := ViewerFor(p, a.ID)
	_, quotes, err := Quotes(p, v, code.ID, 0)
	if err != nil || len(quotes) != 2 {
		t.Fatalf("%v %v", quotes, err)
	}
	if quotes[0].Case != "Patient 007, nested case 2" || quotes[0].Speaker != "P1" || quotes[1].Case != "Focus group North" {
		t.Errorf("attribution %q / %q", quotes[0].Case, quotes[1].Case)
	}
}
