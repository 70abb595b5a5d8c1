package project

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"themis/frameworks"
	benchfx "themis/internal/fixtures"
	"themis/internal/synth"
	"themis/store"
)

// BenchmarkThemes measures the theme views on the budget corpus (synth.Budget:
// 200 transcripts of 8,000 words) with 40,000 segments of two coders, every
// document a case with a role, a nested case and an interview date, and the
// interviewer excluded (budget: each view < 100 ms). The project is built
// once, untimed; each sub-benchmark is one call as the Themes tab makes it,
// FirstRead the first call after the project changed (no budget: it reads
// the project, once per change).
func BenchmarkThemes(b *testing.B) {
	p := themesBenchProject(b)
	v := leadViewer(b, p)
	si, err := p.CodeByName("Social integration")
	if err != nil {
		b.Fatal(err)
	}
	patients := ThemeFilter{Attributes: map[string][]string{"role": {"patient"}}}
	views := []struct {
		name string
		run  func() (int, error)
	}{
		// The first view after a change reads the project again (the
		// snapshot of themes_snapshot.go); the others reuse it.
		{"FirstRead", func() (int, error) {
			p.ForgetDerived()
			s, err := Summarise(p, v, 0, Layer{}, ThemeFilter{})
			return s.Rows[len(s.Rows)-1].Segments, err
		}},
		{"Summary", func() (int, error) {
			s, err := Summarise(p, v, 0, Layer{}, ThemeFilter{})
			return s.Rows[len(s.Rows)-1].Segments, err
		}},
		{"SummaryOneCoder", func() (int, error) {
			s, err := Summarise(p, v, 0, Layer{Coder: v.Coder.ID}, ThemeFilter{})
			return s.Rows[len(s.Rows)-1].Segments, err
		}},
		{"SummaryPatients", func() (int, error) {
			s, err := Summarise(p, v, 0, Layer{}, patients)
			return s.Rows[len(s.Rows)-1].Segments, err
		}},
		{"ByAttribute", func() (int, error) {
			m, err := ByAttribute(p, v, 0, Layer{}, ThemeFilter{}, "role")
			return len(m.Columns), err
		}},
		{"CaseCode", func() (int, error) {
			m, err := CaseCodeMatrix(p, v, 0, Layer{}, ThemeFilter{})
			return len(m.Cases), err
		}},
		{"Cooccurrence", func() (int, error) {
			m, err := Cooccurrence(p, v, 0, 0, Layer{}, ThemeFilter{})
			return len(CoPairs(m)), err
		}},
		{"CellPassages", func() (int, error) {
			ps, err := CellPassages(p, v, CellQuery{Code: si.ID, Attribute: "role", Value: "patient"})
			return len(ps), err
		}},
	}
	for _, view := range views {
		b.Run(view.name, func(b *testing.B) {
			n := 0
			cpu := benchfx.CPUSeconds()
			for b.Loop() {
				var err error
				if n, err = view.run(); err != nil {
					b.Fatal(err)
				}
			}
			benchfx.ReportCPU(b, cpu)
			if n == 0 {
				b.Fatal("the view found nothing")
			}
		})
	}
}

// themesBenchProject imports the budget corpus, links each document to its
// participant's case with three attributes, codes 100 segments per coder
// and document in the participants' turns, then excludes the interviewer.
func themesBenchProject(b *testing.B) *store.Project {
	b.Helper()
	p, err := store.Create(filepath.Join(b.TempDir(), "themes.themis"), frameworks.Keyes(), "Aisha")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { p.Close() })
	var files []NamedData
	for _, f := range synth.Budget.Files() {
		files = append(files, NamedData{Name: f.Name, Data: f.Data})
	}
	docs, err := ImportData(p, files, 0)
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range []struct{ name, typ string }{{"role", store.AttrCategory}, {"nested", store.AttrNumber}, {"interviewed", store.AttrDate}} {
		if err := p.AddAttribute(a.name, a.typ, 0); err != nil {
			b.Fatal(err)
		}
	}
	codes, err := AgreementCodes(p, 0)
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(10, 11))
	var segs []store.NewSegment
	for i, d := range docs {
		part := synth.ParticipantOf(i)
		attrs := map[string]string{"role": part.Role, "nested": fmt.Sprint(i%3 + 1), "interviewed": fmt.Sprintf("%d-%02d-15", 2023+i%2, i%12+1)}
		if err := p.LinkCase(d.ID, part.ID, attrs, 0); err != nil {
			b.Fatal(err)
		}
		doc, err := p.Document(d.ID)
		if err != nil {
			b.Fatal(err)
		}
		var answers []store.Turn
		for _, t := range doc.TurnSpans {
			if t.Speaker != "Interviewer" && t.End-t.ContentStart > 30 {
				answers = append(answers, t)
			}
		}
		for j := range 200 {
			t := answers[r.IntN(len(answers))]
			start := t.ContentStart + r.IntN(t.End-t.ContentStart-20)
			end := min(doc.Chars, start+20+r.IntN(380))
			segs = append(segs, store.NewSegment{Document: d.ID, Code: codes[r.IntN(len(codes))].ID,
				CoderName: []string{"Aisha", "Ben"}[j%2], Start: start, End: end})
		}
	}
	if _, err := p.ImportSegments(segs, 0); err != nil {
		b.Fatal(err)
	}
	if _, err := p.ExcludeSpeaker("Interviewer", 0); err != nil {
		b.Fatal(err)
	}
	return p
}
