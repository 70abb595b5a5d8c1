package project

import (
	"os"
	"path/filepath"
	"testing"

	"themis/internal/synth"
)

// BenchmarkWipe is what a replacement adds to make the original unreadable
// in the file: emptying the log, VACUUM and emptying it again, over the
// budget corpus (200 transcripts of 8,000 words, coded by two coders).
func BenchmarkWipe(b *testing.B) {
	dir := b.TempDir()
	files := filepath.Join(dir, "corpus")
	if err := os.MkdirAll(files, 0o755); err != nil {
		b.Fatal(err)
	}
	paths, err := synth.Budget.Write(files)
	if err != nil {
		b.Fatal(err)
	}
	p := budgetProject(b, filepath.Join(dir, "wipe.themis"), paths)
	for b.Loop() {
		if err := p.Wipe(); err != nil {
			b.Fatal(err)
		}
	}
	st, _ := os.Stat(p.Path())
	b.ReportMetric(float64(st.Size())/(1<<20), "file-MB")
}
