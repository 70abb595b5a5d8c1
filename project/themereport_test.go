package project

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"themis/errs"
	"themis/frameworks"
	"themis/report"
	"themis/store"
)

// reportStudy is a small study counted by hand (demo material, no real
// participants):
//
//   - Interview 01, Patient 001 (patient, nested case 1): the interviewer
//     (excluded) and P1. Aisha and Ben both code P1's answer Positive
//     affect with overlapping spans (one passage in "all"); Aisha coded the
//     interviewer's question Autonomy before the interviewer was excluded.
//   - Interview 02, Link worker 01 (link worker): Ben codes it Positive
//     affect.
//   - Interview 03, Patient 002 (patient, nested case 2): Aisha codes it
//     Social integration.
//
// Cases in scope: 3. Positive affect: Patient 001 and Link worker 01.
type reportFixture struct {
	p           *store.Project
	aisha, ben  store.Coder
	docs        []int64
	benDoc2     store.Segment
	path        string
	affect, soc store.Code
}

const (
	reportQ1     = "Interviewer: How is the group going for you?"
	reportA1     = "P1: The walking group is the best bit of my week, honestly."
	reportText2  = "LW: People come back every week & bring <friends>."
	reportText3  = "P2: I feel I belong in the café now 😊."
	reportAffect = "The walking group is the best bit of my week, honestly."
)

func runeAt(s, sub string) int { return len([]rune(s[:strings.Index(s, sub)])) }

func reportStudy(t *testing.T) reportFixture {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "secret-folder-Qx7")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "hidden-study-name.themis")
	p, err := store.Create(path, frameworks.Keyes(), "Aisha")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	aisha, _ := p.Lead()
	ben, err := p.AddCoder("Ben", aisha.ID)
	if err != nil {
		t.Fatal(err)
	}
	text1 := reportQ1 + "\n" + reportA1
	q1 := len([]rune(reportQ1))
	docs := addDocs(t, p, aisha.ID,
		store.NewDocument{Name: "Interview 01", Text: text1, Turns: []store.Turn{
			{Speaker: "Interviewer", Start: 0, ContentStart: 13, End: q1},
			{Speaker: "P1", Start: q1 + 1, ContentStart: q1 + 5, End: len([]rune(text1))}}},
		store.NewDocument{Name: "Interview 02", Text: reportText2, Turns: []store.Turn{{Speaker: "LW", Start: 0, ContentStart: 4, End: len([]rune(reportText2))}}},
		store.NewDocument{Name: "Interview 03", Text: reportText3, Turns: []store.Turn{{Speaker: "P2", Start: 0, ContentStart: 4, End: len([]rune(reportText3))}}},
	)
	for _, a := range [][2]string{{"role", store.AttrCategory}, {"nested_case", store.AttrNumber}} {
		if err := p.AddAttribute(a[0], a[1], aisha.ID); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range []struct{ name, role, nested string }{{"Patient 001", "patient", "1"}, {"Link worker 01", "link worker", ""}, {"Patient 002", "patient", "2"}} {
		attrs := map[string]string{"role": c.role}
		if c.nested != "" {
			attrs["nested_case"] = c.nested
		}
		if err := p.LinkCase(docs[i], c.name, attrs, aisha.ID); err != nil {
			t.Fatal(err)
		}
	}
	code := func(name string) store.Code {
		c, err := p.CodeByName(name)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	affect, soc, autonomy := code("Positive affect"), code("Social integration"), code("Autonomy")
	add := func(doc int64, c store.Code, coder store.Coder, start, end int) store.Segment {
		s, err := p.AddSegment(store.NewSegment{Document: doc, Code: c.ID, Coder: coder.ID, Start: start, End: end}, coder.ID)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	a1 := q1 + 1 + runeAt(reportA1, "The walking")
	add(docs[0], affect, aisha, a1, a1+len([]rune("The walking group is the best bit")))
	w := q1 + 1 + runeAt(reportA1, "walking group")
	add(docs[0], affect, ben, w, q1+1+len([]rune(reportA1)))
	add(docs[0], autonomy, aisha, 13, q1)
	benDoc2 := add(docs[1], affect, ben, 4, len([]rune(reportText2)))
	add(docs[2], soc, aisha, 4, len([]rune(reportText3)))
	if err := p.SetSpeakerExcluded(docs[0], "Interviewer", true, aisha.ID); err != nil {
		t.Fatal(err)
	}
	return reportFixture{p: p, aisha: aisha, ben: ben, docs: docs, benDoc2: benDoc2, path: path, affect: affect, soc: soc}
}

func section(t *testing.T, r report.ThemeReport, name string) report.ThemeSection {
	t.Helper()
	for _, s := range r.Sections {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no section %q in %+v", name, r.Sections)
	return report.ThemeSection{}
}

func TestThemeReportAllCoders(t *testing.T) {
	f := reportStudy(t)
	v := leadViewer(t, f.p)
	r, err := ThemeReport(f.p, v, ReportOptions{Breakdown: "role", Attribution: ReportAttribution{Case: true, Attributes: []string{"role", "nested_case"}}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Themes: Keyes: flourishing" {
		t.Errorf("title %q", r.Title)
	}
	if !strings.Contains(r.Scope, "All coders together (Aisha and Ben)") || !strings.Contains(r.Scope, "3 documents, 3 participants") {
		t.Errorf("scope %q", r.Scope)
	}
	// 13 dimensions under 3 factors, in codebook order.
	if len(r.Sections) != 16 || r.Sections[0].Name != "Emotional well-being" || r.Sections[0].Depth != 0 || r.Sections[1].Depth != 1 {
		t.Fatalf("sections %d: %+v", len(r.Sections), r.Sections)
	}
	pa := section(t, r, "Positive affect")
	if !strings.HasPrefix(pa.Prevalence, "Evidenced by 2 of 3 participants: ") ||
		!strings.Contains(pa.Prevalence, "the link worker") || !strings.Contains(pa.Prevalence, "1 of 2 patients") {
		t.Errorf("Positive affect: %q", pa.Prevalence)
	}
	if pa.Definition == "" {
		t.Error("Positive affect has no definition")
	}
	// One passage per span of overlapping coding, quoted once with both coders.
	want := []report.ThemeQuote{
		{Text: reportAffect, Attribution: "Patient 001, patient, nested case 1", CodedBy: []string{"Aisha", "Ben"}},
		{Text: "People come back every week & bring <friends>.", Attribution: "Link worker 01, link worker", CodedBy: []string{"Ben"}},
	}
	if len(pa.Quotes) != len(want) {
		t.Fatalf("Positive affect quotes %q", pa.Quotes)
	}
	for i := range want {
		if pa.Quotes[i].Text != want[i].Text || pa.Quotes[i].Attribution != want[i].Attribution || strings.Join(pa.Quotes[i].CodedBy, ",") != strings.Join(want[i].CodedBy, ",") {
			t.Errorf("quote %d = %q, want %q", i, pa.Quotes[i], want[i])
		}
	}
	// The factor rolls its codes up and has no quotes of its own.
	ew := section(t, r, "Emotional well-being")
	if !strings.HasPrefix(ew.Prevalence, "Evidenced by 2 of 3 participants") || len(ew.Quotes) != 0 {
		t.Errorf("Emotional well-being: %q, %d quotes", ew.Prevalence, len(ew.Quotes))
	}
	// The interviewer's question was coded before they were excluded: it never counts.
	if au := section(t, r, "Autonomy"); au.Prevalence != "Not evidenced in the 3 participants." || len(au.Quotes) != 0 {
		t.Errorf("Autonomy: %q %q", au.Prevalence, au.Quotes)
	}
	if si := section(t, r, "Social integration"); !strings.HasPrefix(si.Prevalence, "Evidenced by 1 of 3 participants: ") || !strings.Contains(si.Prevalence, "1 of 2 patients") {
		t.Errorf("Social integration: %q", si.Prevalence)
	}
	if len(r.Tables) != 2 {
		t.Errorf("tables: %d", len(r.Tables))
	}
	if r.Methods != "" || pa.Agreement != "" {
		t.Error("agreement without asking")
	}
}

func TestThemeReportStarsAndTrims(t *testing.T) {
	f := reportStudy(t)
	v := leadViewer(t, f.p)
	e, err := Star(f.p, v, f.benDoc2.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Leave out "every week " (absolute code points).
	cut := [2]int{runeAt(reportText2, "every"), runeAt(reportText2, "& bring")}
	if _, err := Trim(f.p, v, e.ID, [][2]int{cut}); err != nil {
		t.Fatal(err)
	}
	r, err := ThemeReport(f.p, v, ReportOptions{Attribution: ReportAttribution{Case: true}})
	if err != nil {
		t.Fatal(err)
	}
	pa := section(t, r, "Positive affect")
	if len(pa.Quotes) != 1 {
		t.Fatalf("a starred code is quoted with its stars only: %q", pa.Quotes)
	}
	full := "People come back every week & bring <friends>."
	wantText := report.TrimmedText(full, 4, [][2]int{cut})
	if pa.Quotes[0].Text != wantText || !strings.Contains(wantText, "…") || pa.Quotes[0].Attribution != "Link worker 01" {
		t.Errorf("starred quote %q, want %q", pa.Quotes[0], wantText)
	}
	// Unstarred codes still quote every passage, unless starred only.
	if si := section(t, r, "Social integration"); len(si.Quotes) != 1 {
		t.Errorf("Social integration quotes %q", si.Quotes)
	}
	r, err = ThemeReport(f.p, v, ReportOptions{StarredOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if si := section(t, r, "Social integration"); len(si.Quotes) != 0 {
		t.Errorf("starred only quoted %q", si.Quotes)
	}
	if pa := section(t, r, "Positive affect"); len(pa.Quotes) != 1 {
		t.Errorf("starred only lost the star: %q", pa.Quotes)
	}
	// A star outside the layer is not quoted: Aisha never coded Interview 02.
	r, err = ThemeReport(f.p, v, ReportOptions{Layer: Layer{Coder: f.aisha.ID}, StarredOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if pa := section(t, r, "Positive affect"); len(pa.Quotes) != 0 {
		t.Errorf("a star outside Aisha's layer was quoted: %q", pa.Quotes)
	}
	// A star reaching past the layer's passage is quoted whole, from the
	// document: Ben's span in Interview 01 runs past Aisha's.
	bens, err := f.p.Segments(store.SegmentFilter{Document: f.docs[0], Coder: f.ben.ID})
	if err != nil || len(bens) != 1 {
		t.Fatalf("Ben's segments in Interview 01: %v %v", bens, err)
	}
	if _, err := Star(f.p, v, bens[0].ID); err != nil {
		t.Fatal(err)
	}
	r, err = ThemeReport(f.p, v, ReportOptions{Layer: Layer{Coder: f.aisha.ID}, StarredOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if pa := section(t, r, "Positive affect"); len(pa.Quotes) != 1 || pa.Quotes[0].Text != "walking group is the best bit of my week, honestly." {
		t.Errorf("Ben's star in Aisha's layer: %q", pa.Quotes)
	}
}

func TestThemeReportOneLayerCodesAndOrder(t *testing.T) {
	f := reportStudy(t)
	v := leadViewer(t, f.p)
	r, err := ThemeReport(f.p, v, ReportOptions{Layer: Layer{Coder: f.ben.ID}, Codes: []int64{f.affect.ID}, Attribution: ReportAttribution{Speaker: true, Document: true}})
	if err != nil {
		t.Fatal(err)
	}
	// The chosen code keeps its factor as its heading.
	if len(r.Sections) != 2 || r.Sections[0].Name != "Emotional well-being" || r.Sections[1].Name != "Positive affect" {
		t.Fatalf("sections %+v", r.Sections)
	}
	qs := r.Sections[1].Quotes
	if len(qs) != 2 || qs[0].Text != "walking group is the best bit of my week, honestly." || qs[0].Attribution != "P1, Interview 01" || qs[0].CodedBy != nil {
		t.Errorf("Ben's quotes %q", qs)
	}
	if !strings.HasPrefix(r.Scope, "Framework Keyes: flourishing. Coded by Ben;") {
		t.Errorf("scope %q", r.Scope)
	}
	// By prevalence: under Social well-being, Social integration (1 case) comes first.
	r, err = ThemeReport(f.p, v, ReportOptions{Order: "prevalence", Breakdown: "role"})
	if err != nil {
		t.Fatal(err)
	}
	// Both matrices follow the report's order.
	for _, tbl := range r.Tables {
		for i, row := range tbl.Rows {
			if strings.TrimSpace(row[0]) != r.Sections[i].Name {
				t.Errorf("%s: row %d is %q, section %q", tbl.Title, i, row[0], r.Sections[i].Name)
			}
		}
	}
	var order []string
	for _, s := range r.Sections {
		if s.Depth == 0 {
			order = append(order, s.Name)
		}
	}
	if strings.Join(order, "|") != "Emotional well-being|Social well-being|Psychological well-being" {
		t.Errorf("factor order %q", order)
	}
	if s := section(t, r, "Social well-being"); r.Sections[len(r.Sections)-1].Name == "Social integration" || s.Depth != 0 {
		t.Error("order broke the tree")
	}
	for i, s := range r.Sections {
		if s.Name == "Social well-being" && r.Sections[i+1].Name != "Social integration" {
			t.Errorf("after Social well-being comes %q", r.Sections[i+1].Name)
		}
	}
}

func TestThemeReportErrors(t *testing.T) {
	f := reportStudy(t)
	v := leadViewer(t, f.p)
	for name, o := range map[string]ReportOptions{
		"unknown code":      {Codes: []int64{99999}},
		"unknown attribute": {Breakdown: "height"},
		"unknown framework": {Framework: 99999},
	} {
		if _, err := ThemeReport(f.p, v, o); !errors.Is(err, errs.NotFound) {
			t.Errorf("%s: %v, want not found", name, err)
		}
	}
	if _, err := ThemeReport(f.p, v, ReportOptions{Order: "alphabetical"}); !errors.Is(err, errs.Invalid) {
		t.Errorf("unknown order: %v", err)
	}
	// Agreement needs the two coders together.
	if _, err := ThemeReport(f.p, v, ReportOptions{Layer: Layer{Coder: f.ben.ID}, Agreement: true}); !errors.Is(err, errs.Precondition) {
		t.Errorf("agreement on one layer: %v", err)
	}
}

func TestThemeReportAgreement(t *testing.T) {
	f := reportStudy(t)
	r, err := ThemeReport(f.p, leadViewer(t, f.p), ReportOptions{Agreement: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(r.Methods, "Two coders (Aisha and Ben) independently coded 3 transcripts") {
		t.Errorf("methods %q", r.Methods)
	}
	if pa := section(t, r, "Positive affect"); !strings.HasPrefix(pa.Agreement, "Agreement between Aisha and Ben: κ = ") {
		t.Errorf("agreement line %q", pa.Agreement)
	}
}

func TestThemeReportBlind(t *testing.T) {
	f := reportStudy(t)
	if err := f.p.SetBlindMode(true, f.aisha.ID); err != nil {
		t.Fatal(err)
	}
	v, err := ViewerFor(f.p, f.ben.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ThemeReport(f.p, v, ReportOptions{Layer: Layer{Coder: f.aisha.ID}}); !errors.Is(err, errs.Forbidden) {
		t.Errorf("Ben read Aisha's layer: %v", err)
	}
	if _, err := ThemeReport(f.p, v, ReportOptions{Agreement: true}); !errors.Is(err, errs.Forbidden) {
		t.Errorf("Ben compared while blind: %v", err)
	}
	r, err := ThemeReport(f.p, v, ReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// All coders, for a blind coder, is their own coding only.
	if si := section(t, r, "Social integration"); si.Prevalence != "Not evidenced in the 3 participants." || len(si.Quotes) != 0 {
		t.Errorf("Ben sees Aisha's Social integration: %q %q", si.Prevalence, si.Quotes)
	}
	for _, q := range section(t, r, "Positive affect").Quotes {
		if strings.Contains(strings.Join(q.CodedBy, ","), "Aisha") {
			t.Errorf("Ben sees Aisha named: %q", q)
		}
	}
}

// TestThemeReportCarriesNoPath: no export names the project's file or
// folder, in any format.
func TestThemeReportCarriesNoPath(t *testing.T) {
	f := reportStudy(t)
	r, err := ThemeReport(f.p, leadViewer(t, f.p), ReportOptions{Breakdown: "role", Attribution: ReportAttribution{Case: true, Speaker: true, Document: true, Attributes: []string{"role"}}})
	if err != nil {
		t.Fatal(err)
	}
	outs := map[string]string{}
	for _, format := range []string{"md", "html"} {
		if outs[format], err = RenderThemeReport(r, format); err != nil {
			t.Fatal(err)
		}
	}
	var docx bytes.Buffer
	if err := report.ThemeDocx(r, &docx); err != nil {
		t.Fatal(err)
	}
	outs["docx"] = docxText(t, docx.Bytes())
	if _, err := RenderThemeReport(r, "pdf"); !errors.Is(err, errs.Invalid) {
		t.Errorf("pdf: %v", err)
	}
	for format, out := range outs {
		for _, secret := range []string{f.path, filepath.Dir(f.path), "secret-folder-Qx7", "hidden-study-name"} {
			if strings.Contains(out, secret) {
				t.Errorf("%s export contains %q", format, secret)
			}
		}
		if !strings.Contains(out, "Patient 001") || !strings.Contains(out, "bring") {
			t.Errorf("%s export lacks its quotes", format)
		}
	}
}

// docxText is every part of a .docx unzipped and joined, to search.
func docxText(t *testing.T, data []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range z.File {
		b.WriteString(f.Name + "\n")
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(&b, rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
	}
	return b.String()
}
