package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestReliabilityCSVIsTheSameEachTime(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")
	for _, p := range []string{a, b} {
		if err := writeReliabilityCSV(p, 4, 1000); err != nil {
			t.Fatal(err)
		}
	}
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	if !bytes.Equal(da, db) {
		t.Fatal("two files from the same seed differ")
	}
	lines := strings.Split(strings.TrimSuffix(string(da), "\n"), "\n")
	if len(lines) != 1001 || lines[0] != "A,B,C,D" {
		t.Fatalf("%d lines, header %q; want 1,001 and A,B,C,D", len(lines), lines[0])
	}
	for i, l := range lines[1:] {
		for _, v := range strings.Split(l, ",") {
			if len(v) != 1 || v[0] < '1' || v[0] > '5' {
				t.Fatalf("row %d: %q, want four categories 1-5", i+2, l)
			}
		}
	}
}

func TestMedian(t *testing.T) {
	if m := median([]time.Duration{5, 1, 3}); m != 3 {
		t.Errorf("median of 5,1,3 = %d", m)
	}
	if m := median([]time.Duration{4, 1, 3, 2}); m != 2 {
		t.Errorf("median of 4,1,3,2 = %d, want (2+3)/2 = 2", m)
	}
}
