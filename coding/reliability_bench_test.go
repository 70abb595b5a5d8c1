package coding

import (
	"bytes"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"
)

// benchReliabilityUnits is the calculator's budget workload: 4 coders ×
// 100,000 units, five nominal categories, each coder agreeing with a unit's
// "true" category 70 % of the time and leaving about 5 % of the cells empty.
func benchReliabilityUnits() ([]string, [][]string) {
	rng := rand.New(rand.NewSource(1))
	labels := []string{"praise", "complaint", "question", "suggestion", "other"}
	units := make([][]string, 100_000)
	for i := range units {
		truth := rng.Intn(len(labels))
		row := make([]string, 4)
		for j := range row {
			if rng.Float64() < 0.05 {
				continue
			}
			v := truth
			if rng.Float64() < 0.3 {
				v = rng.Intn(len(labels))
			}
			row[j] = labels[v]
		}
		units[i] = row
	}
	return []string{"A", "B", "C", "D"}, units
}

// BenchmarkReliabilityNominal4x100000 is every statistic of the workload,
// from the parsed cells (the CSV parse is in cmd/themis's
// BenchmarkReliabilityCLI).
func BenchmarkReliabilityNominal4x100000(b *testing.B) {
	coders, units := benchReliabilityUnits()
	b.ReportAllocs()
	cpu := benchCPUSeconds()
	for b.Loop() {
		if _, err := Reliability(coders, units, Nominal, 0, 0, 0); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

// BenchmarkReliabilityBootstrap1000 is the same with 95 % intervals from
// 1,000 resamples of the 100,000 units (budget: under 2 s).
func BenchmarkReliabilityBootstrap1000(b *testing.B) {
	coders, units := benchReliabilityUnits()
	b.ReportAllocs()
	cpu := benchCPUSeconds()
	for b.Loop() {
		r, err := Reliability(coders, units, Nominal, 0, 1000, 1)
		if err != nil {
			b.Fatal(err)
		}
		if r.KrippendorffAlpha.CI == nil {
			b.Fatal("no interval")
		}
	}
	reportCPU(b, cpu)
}

// benchCPUSeconds is the CPU time (user and system, every thread, so the
// garbage collector's too) the process has used, from /proc/self/stat; 0
// where /proc does not tell. The budgets are CPU budgets, and on a shared
// machine wall time mostly measures the wait for a core.
func benchCPUSeconds() float64 {
	data, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(data[i+1:])) // utime and stime are fields 14 and 15 of the line
	if len(f) < 13 {
		return 0
	}
	u, err1 := strconv.ParseFloat(f[11], 64)
	s, err2 := strconv.ParseFloat(f[12], 64)
	if err1 != nil || err2 != nil {
		return 0
	}
	return (u + s) / 100 // USER_HZ, 100 on every Linux Go supports
}

// reportCPU reports the CPU milliseconds per operation since start (taken
// with benchCPUSeconds before the loop) as "ms-cpu".
func reportCPU(b *testing.B, start float64) {
	if end := benchCPUSeconds(); start > 0 && end > 0 {
		b.ReportMetric((end-start)*1000/float64(b.N), "ms-cpu")
	}
}
