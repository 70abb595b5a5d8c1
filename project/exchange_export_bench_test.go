package project

import (
	"os"
	"path/filepath"
	"testing"

	benchfx "themis/internal/fixtures"
	"themis/store"
)

// BenchmarkExportQDPX exports the budget corpus (synth.Budget: 200
// transcripts of 8,000 words, about 9 MB of text) with 40,000 segments (one pair drawn twice) of
// two coders, 200 cases with three typed attributes and every turn, as a
// REFI-QDA archive: the model from the store, the checks, project.qde and
// the sources, compressed and written atomically. The project is built once,
// untimed.
func BenchmarkExportQDPX(b *testing.B) {
	p := themesBenchProject(b)
	lead, err := p.Lead()
	if err != nil {
		b.Fatal(err)
	}
	segs, err := p.Segments(store.SegmentFilter{})
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "budget.qdpx")
	var sum ExportSummary
	cpu := benchfx.CPUSeconds()
	for b.Loop() {
		if sum, err = ExportQDPX(p, ExchangeOptions{}, lead.ID, out); err != nil {
			b.Fatal(err)
		}
	}
	benchfx.ReportCPU(b, cpu)
	if sum.Documents != 200 || sum.Segments != len(segs) || len(segs) < 39900 || sum.Cases != 200 {
		b.Fatalf("exported %+v", sum)
	}
	if info, err := os.Stat(out); err == nil {
		b.ReportMetric(float64(info.Size())/(1<<20), "archive-MB")
	}
}
