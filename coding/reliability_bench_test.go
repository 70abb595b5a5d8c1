package coding

import (
	"testing"
	"themis/internal/fixtures"
)

// BenchmarkReliabilityNominal4x100000 is every statistic of the workload,
// from the parsed cells (the CSV parse is in cmd/themis's
// BenchmarkReliabilityCLI).
func BenchmarkReliabilityNominal4x100000(b *testing.B) {
	coders, units := fixtures.ReliabilityUnits(4, 100_000)
	b.ReportAllocs()
	cpu := fixtures.CPUSeconds()
	for b.Loop() {
		if _, err := Reliability(coders, units, Nominal, 0, 0, 0); err != nil {
			b.Fatal(err)
		}
	}
	fixtures.ReportCPU(b, cpu)
}

// BenchmarkReliabilityBootstrap1000 is the same with 95 % intervals from
// 1,000 resamples of the 100,000 units (budget: under 2 s).
func BenchmarkReliabilityBootstrap1000(b *testing.B) {
	coders, units := fixtures.ReliabilityUnits(4, 100_000)
	b.ReportAllocs()
	cpu := fixtures.CPUSeconds()
	for b.Loop() {
		r, err := Reliability(coders, units, Nominal, 0, 1000, 1)
		if err != nil {
			b.Fatal(err)
		}
		if r.KrippendorffAlpha.CI == nil {
			b.Fatal("no interval")
		}
	}
	fixtures.ReportCPU(b, cpu)
}
