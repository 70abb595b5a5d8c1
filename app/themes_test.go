package app

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"themis/project"
	"themis/store"
)

// themesDemo opens the demo study as its lead with blind mode off.
func themesDemo(t *testing.T) (services, *ThemesService, *ProjectInfo) {
	t.Helper()
	sv := newServices(t)
	_, info := demoAs(t, sv, "Aisha")
	info, err := sv.projects.SetBlindMode(false)
	if err != nil {
		t.Fatal(err)
	}
	return sv, NewThemesService(sv.projects.s), info
}

func TestThemesLayersFollowBlindMode(t *testing.T) {
	sv, ts, info := themesDemo(t)
	ls, err := ts.Layers()
	if err != nil {
		t.Fatal(err)
	}
	// No consensus yet: all coders together is the default, then each coder.
	if len(ls) != 3 || ls[0].Kind != "all" || ls[0].Coder != 0 || !ls[0].Default || ls[0].Name != "All coders" {
		t.Fatalf("Layers = %+v", ls)
	}
	if !reflect.DeepEqual(ls[0].Coders, []string{"Aisha", "Ben"}) || ls[1].Name != "Aisha" || ls[2].Name != "Ben" || ls[1].Default || ls[2].Default {
		t.Errorf("Layers = %+v", ls)
	}

	// Blind mode: Ben is offered his own layer only, and asking for Aisha's is refused.
	if _, err := sv.projects.SetBlindMode(true); err != nil {
		t.Fatal(err)
	}
	var ben int64
	for _, c := range info.Coders {
		if c.Name == "Ben" {
			ben = c.ID
		}
	}
	if _, err := sv.projects.SelectCoder(ben); err != nil {
		t.Fatal(err)
	}
	ls, err = ts.Layers()
	if err != nil || len(ls) != 1 || ls[0].Coder != ben || ls[0].Kind != "coder" || !ls[0].Default {
		t.Fatalf("blind Layers = %+v, %v", ls, err)
	}
	opts, err := ts.Options()
	if err != nil || len(opts.Layers) != 1 {
		t.Fatalf("blind Options = %+v, %v", opts, err)
	}
	_, err = ts.Summary(SummaryInput{Layer: info.Coders[0].ID})
	if ue := decodeUIError(t, err); ue.Kind != "forbidden" {
		t.Errorf("Ben summarising Aisha's layer in blind mode: %+v", ue)
	}
}

// Once adjudication has made a consensus layer, it is the default, listed
// first among the single layers, and never part of all coders together.
func TestThemesDefaultToTheConsensus(t *testing.T) {
	sv, ts, info := themesDemo(t)
	var aisha, ben int64
	for _, c := range info.Coders {
		switch c.Name {
		case "Aisha":
			aisha = c.ID
		case "Ben":
			ben = c.ID
		}
	}
	// Aisha, the lead, coded one layer: Chen, whom she names, adjudicates.
	chen, err := sv.projects.AddCoder("Chen")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sv.projects.SelectCoder(aisha); err != nil {
		t.Fatal(err)
	}
	if _, err := sv.projects.SetAdjudicator(chen.Current.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := sv.projects.SelectCoder(chen.Current.ID); err != nil {
		t.Fatal(err)
	}
	rv, err := NewAdjudicationService(sv.projects.s).Start(ReviewInput{CoderA: aisha, CoderB: ben})
	if err != nil || rv.Consensus == nil {
		t.Fatalf("Start adjudication: %v", err)
	}
	if _, err := sv.projects.SelectCoder(aisha); err != nil {
		t.Fatal(err)
	}
	ls, err := ts.Layers()
	if err != nil {
		t.Fatal(err)
	}
	// all, the consensus, Aisha, Ben and Chen (who coded nothing)
	if len(ls) != 5 || ls[0].Kind != "all" || ls[0].Default || ls[1].Coder != rv.Consensus.ID || ls[1].Kind != "consensus" || !ls[1].Default {
		t.Fatalf("Layers = %+v", ls)
	}
	if !reflect.DeepEqual(ls[0].Coders, []string{"Aisha", "Ben", "Chen"}) {
		t.Errorf("all coders reads %v, want the three coders only", ls[0].Coders)
	}
	sum, err := ts.Summary(SummaryInput{Layer: ls[1].Coder})
	if err != nil || sum.Scope.Layer.Kind != "consensus" || uncodedRows(sum.Rows) {
		t.Errorf("consensus summary: %+v, %v", sum.Scope.Layer, err)
	}
}

func uncodedRows(rows []PrevalenceRowDTO) bool {
	for _, r := range rows {
		if r.Segments > 0 {
			return false
		}
	}
	return true
}

func TestThemesOptionsListWhatTheFiltersOffer(t *testing.T) {
	_, ts, info := themesDemo(t)
	opts, err := ts.Options()
	if err != nil {
		t.Fatal(err)
	}
	if len(opts.Documents) != info.Documents || len(opts.Cases) == 0 || len(opts.Frameworks) == 0 {
		t.Fatalf("Options = %+v", opts)
	}
	var role *ThemeAttributeDTO
	for i, a := range opts.Attributes {
		if a.Name == "role" {
			role = &opts.Attributes[i]
		}
	}
	if role == nil || !reflect.DeepEqual(role.Values, []string{"commissioner", "link worker", "patient", "provider"}) {
		t.Errorf("role attribute = %+v", role)
	}
	active := 0
	for _, f := range opts.Frameworks {
		if f.Active {
			active++
		}
	}
	if active != 1 {
		t.Errorf("frameworks = %+v, want one active", opts.Frameworks)
	}
}

// The app shows project's figures unchanged: the DTOs carry what
// project.Summarise and the matrices computed, for the same input.
func TestThemesViewsCarryProjectFigures(t *testing.T) {
	sv, ts, _ := themesDemo(t)
	in := SummaryInput{Filter: ThemeFilterDTO{Attributes: map[string][]string{"role": {"patient"}}}}
	sum, err := ts.Summary(in)
	if err != nil {
		t.Fatal(err)
	}
	var want project.Summary
	err = sv.projects.s.withViewer(func(p *store.Project, v project.Viewer) error {
		want, err = project.Summarise(p, v, 0, project.Layer{}, themeFilter(in.Filter))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Rows) != len(want.Rows) || len(sum.Rows) == 0 || sum.Scope.Cases != want.Scope.Cases || sum.Scope.Layer.Kind != "all" {
		t.Fatalf("Summary scope %+v, %d rows; project: %+v, %d rows", sum.Scope, len(sum.Rows), want.Scope, len(want.Rows))
	}
	var coded PrevalenceRowDTO
	for i, r := range want.Rows {
		if got := sum.Rows[i]; got != prevalenceDTO(r) {
			t.Errorf("row %d = %+v, project %+v", i, got, r)
		}
		if !r.IsFactor && r.Segments > 0 && coded.Code == 0 {
			coded = sum.Rows[i]
		}
	}
	if coded.Code == 0 {
		t.Fatal("no code has passages among the patients")
	}

	byRole, err := ts.ByAttribute(SummaryInput{}, "role")
	if err != nil || byRole.Attribute != "role" || len(byRole.Columns) < 2 || len(byRole.Rows) != len(sum.Rows) {
		t.Fatalf("ByAttribute = %+v, %v", byRole, err)
	}
	for _, r := range byRole.Rows {
		if len(r.Cells) != len(byRole.Columns) {
			t.Fatalf("row %s has %d cells for %d columns", r.Name, len(r.Cells), len(byRole.Columns))
		}
	}
	cases, err := ts.Cases(in)
	if err != nil || len(cases.Cases) != sum.Scope.Cases {
		t.Fatalf("Cases: %d columns for %d cases in scope, %v", len(cases.Cases), sum.Scope.Cases, err)
	}
	co, err := ts.Cooccurrence(CoInput{})
	if err != nil || len(co.Rows) == 0 || len(co.Cells) != len(co.Rows) || len(co.Cells[0]) != len(co.Columns) {
		t.Fatalf("Cooccurrence = %d rows, %v", len(co.Rows), err)
	}

	ps, err := ts.Passages(CellInput{Filter: in.Filter, Code: coded.Code})
	if err != nil || len(ps) != coded.Segments {
		t.Fatalf("Passages of %s: %d, want its %d segments; %v", coded.Name, len(ps), coded.Segments, err)
	}
	for _, x := range ps {
		if x.Text == "" || len(x.SegmentIDs) == 0 || len(x.Coders) == 0 || x.End <= x.Start {
			t.Errorf("passage %+v", x)
		}
	}
	if _, err := ts.Passages(CellInput{Code: 999999}); decodeUIError(t, err).Kind != "not_found" {
		t.Errorf("an unknown code: %v", err)
	}
}

func TestThemesExportTableAndSaveChart(t *testing.T) {
	sv, ts, _ := themesDemo(t)
	path, err := ts.ExportTable(TableInput{View: "prevalence", Format: "csv"})
	if err != nil || filepath.Dir(path) != sv.dialogs || !strings.HasSuffix(path, " prevalence.csv") {
		t.Fatalf("ExportTable csv = %q, %v", path, err)
	}
	b, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	sum, _ := ts.Summary(SummaryInput{})
	if len(lines) != len(sum.Rows)+1 || !strings.Contains(lines[1], sum.Rows[0].Name) {
		t.Errorf("CSV has %d lines for %d rows:\n%s", len(lines), len(sum.Rows), b)
	}

	path, err = ts.ExportTable(TableInput{View: "attribute", Attribute: "role", Format: "xlsx"})
	if err != nil || !strings.HasSuffix(path, " by role.xlsx") {
		t.Fatalf("ExportTable xlsx = %q, %v", path, err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil || len(rows) < 2 {
		t.Errorf("workbook rows = %v, %v", rows, err)
	}

	for _, in := range []TableInput{{View: "chart", Format: "csv"}, {View: "prevalence", Format: "pdf"}} {
		if _, err := ts.ExportTable(in); decodeUIError(t, err).Kind != "invalid" {
			t.Errorf("ExportTable(%+v): %v", in, err)
		}
	}

	svg := `<svg xmlns="http://www.w3.org/2000/svg"></svg>`
	path, err = ts.SaveChart("Keyes: prevalence", "svg", base64.StdEncoding.EncodeToString([]byte(svg)))
	if err != nil || filepath.Base(path) != "Keyes- prevalence.svg" {
		t.Fatalf("SaveChart = %q, %v", path, err)
	}
	if b, _ := os.ReadFile(path); string(b) != svg {
		t.Errorf("saved %q", b)
	}
	if _, err := ts.SaveChart("x", "png", "not base64!"); decodeUIError(t, err).Kind != "invalid" {
		t.Errorf("bad base64: %v", err)
	}
	if _, err := ts.SaveChart("x", "gif", ""); decodeUIError(t, err).Kind != "invalid" {
		t.Errorf("gif: %v", err)
	}
}

func TestThemesResultsCarryNoNilSlices(t *testing.T) {
	_, ts, _ := themesDemo(t)
	check := func(name string, v any, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, p := range nilSlices(reflect.ValueOf(v), name) {
			t.Errorf("%s is nil: the UI gets null, not []", p)
		}
	}
	// A filter nothing passes: every list is empty, none is null.
	none := SummaryInput{Filter: ThemeFilterDTO{Attributes: map[string][]string{"role": {"astronaut"}}}}
	ls, err := ts.Layers()
	check("Layers", ls, err)
	o, err := ts.Options()
	check("Options", o, err)
	s, err := ts.Summary(none)
	check("Summary", s, err)
	a, err := ts.ByAttribute(none, "role")
	check("ByAttribute", a, err)
	c, err := ts.Cases(none)
	check("Cases", c, err)
	co, err := ts.Cooccurrence(CoInput{Filter: none.Filter})
	check("Cooccurrence", co, err)
	if len(s.Rows) > 0 {
		ps, err := ts.Passages(CellInput{Filter: none.Filter, Code: s.Rows[0].Code})
		check("Passages", ps, err)
	}
}

func TestNaturalOrderAndAxisDepth(t *testing.T) {
	names := []string{"Patient 10", "patient 9", "Patient 2", "Link worker 1", "Patient 02b"}
	sortNatural(names)
	if want := []string{"Link worker 1", "Patient 2", "Patient 02b", "patient 9", "Patient 10"}; !reflect.DeepEqual(names, want) {
		t.Errorf("sortNatural = %q, want %q", names, want)
	}
	codes := themeCodes([]store.Code{{ID: 1}, {ID: 2, Parent: 1}, {ID: 3, Parent: 2}, {ID: 4, Parent: 99}})
	var depths []int
	for _, c := range codes {
		depths = append(depths, c.Depth)
	}
	if !reflect.DeepEqual(depths, []int{0, 1, 2, 0}) {
		t.Errorf("depths = %v", depths)
	}
	if attributeValue(store.AttrDate, "2024-03-01") != "2024" || attributeValue(store.AttrText, "2024-03-01") != "2024-03-01" {
		t.Error("a date groups by its year, text as it is")
	}
}

// In All coders a drill-down passage may merge overlapping segments of
// several coders; starring it stars the span the user sees.
func TestThemesStarringAMergedPassageCoversIt(t *testing.T) {
	sv, ts, _ := themesDemo(t)
	sum, err := ts.Summary(SummaryInput{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range sum.Rows {
		if r.IsFactor || r.Segments == 0 {
			continue
		}
		ps, err := ts.Passages(CellInput{Code: r.Code})
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range ps {
			if len(x.SegmentIDs) < 2 {
				continue
			}
			// starring the first segment alone, as the drill-down did,
			// quotes fewer words than the passage shows
			first, err := sv.quotes.Star(x.SegmentIDs[0])
			if err != nil {
				t.Fatal(err)
			}
			if err := sv.quotes.Unstar(first.ID); err != nil {
				t.Fatal(err)
			}
			if first.Start == x.Start && first.End == x.End {
				continue
			}
			e, err := sv.quotes.StarPassage(x.SegmentIDs)
			if err != nil {
				t.Fatal(err)
			}
			if e.DocumentID != x.Document || e.CodeID != r.Code || e.Start != x.Start || e.End != x.End || e.Text != x.Text {
				t.Fatalf("starred %+v for the passage %d–%d %q", e, x.Start, x.End, x.Text)
			}
			return
		}
	}
	t.Fatal("the demo has no passage merged from several segments")
}
