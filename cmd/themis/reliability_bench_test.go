package main

import (
	"bytes"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// reliabilityBenchCSV writes the budget's file: 4 coders × 100,000 units,
// five nominal categories, each coder agreeing with a unit's "true" category
// 70 % of the time and leaving about 5 % of the cells empty.
func reliabilityBenchCSV(tb testing.TB) string {
	rng := rand.New(rand.NewSource(1))
	var b strings.Builder
	b.WriteString("A,B,C,D\n")
	labels := []string{"praise", "complaint", "question", "suggestion", "other"}
	for range 100_000 {
		truth := rng.Intn(len(labels))
		for j := range 4 {
			if j > 0 {
				b.WriteByte(',')
			}
			if rng.Float64() < 0.05 {
				continue
			}
			v := truth
			if rng.Float64() < 0.3 {
				v = rng.Intn(len(labels))
			}
			b.WriteString(labels[v])
		}
		b.WriteByte('\n')
	}
	path := filepath.Join(tb.TempDir(), "4x100000.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
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
	cpu := benchCPUSeconds()
	for b.Loop() {
		if code := run([]string{"reliability", path, "--header", "--json"}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
	reportCPU(b, cpu)
}

// BenchmarkReliabilityCLIBootstrap1000 adds 1,000 bootstrap resamples of the
// 100,000 units.
func BenchmarkReliabilityCLIBootstrap1000(b *testing.B) {
	path := reliabilityBenchCSV(b)
	b.ReportAllocs()
	cpu := benchCPUSeconds()
	for b.Loop() {
		if code := run([]string{"reliability", path, "--header", "--json", "--bootstrap", "1000", "--seed", strconv.Itoa(1)}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
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
