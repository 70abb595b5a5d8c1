package main

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"themis/internal/fixtures"
)

// reliabilityBenchCSV writes the budget's file (fixtures.ReliabilityCSV:
// 4 coders × 100,000 units).
func reliabilityBenchCSV(tb testing.TB) string {
	path := filepath.Join(tb.TempDir(), "4x100000.csv")
	if err := os.WriteFile(path, fixtures.ReliabilityCSV(4, 100_000), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkReliabilityCLI is `themis reliability` on the budget's file,
// in-process: reading and parsing the CSV, every statistic, the JSON output.
// Process start is not included (scripts/bench.sh times the whole process).
func BenchmarkReliabilityCLI(b *testing.B) {
	path := reliabilityBenchCSV(b)
	b.ReportAllocs()
	cpu := fixtures.CPUSeconds()
	for b.Loop() {
		if code := run([]string{"reliability", path, "--header", "--json"}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
	fixtures.ReportCPU(b, cpu)
}

// BenchmarkReliabilityCLIBootstrap1000 adds 1,000 bootstrap resamples of the
// 100,000 units.
func BenchmarkReliabilityCLIBootstrap1000(b *testing.B) {
	path := reliabilityBenchCSV(b)
	b.ReportAllocs()
	cpu := fixtures.CPUSeconds()
	for b.Loop() {
		if code := run([]string{"reliability", path, "--header", "--json", "--bootstrap", "1000", "--seed", strconv.Itoa(1)}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
	fixtures.ReportCPU(b, cpu)
}
