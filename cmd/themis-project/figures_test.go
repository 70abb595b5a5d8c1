package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The agreement table prints figures as the reports do
// (coding.FormatCoefficient, coding.FormatPercent): on a transcript of
// 40,000 characters, a κ in [0.7995, 0.8) of a code whose 3-decimal rounding would
// be 0.800 prints as 0.7998, and a code only Aisha used, in 3 characters,
// shows "> 99.9%" agreement beside κ = 0, not "100.0%".
func TestAgreementFiguresNearThresholds(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "study.themis")
	mustRun(t, "new", project, "--lead", "Aisha")
	mustRun(t, "import", project, writeFile(t, dir, "long.txt", "P1: "+strings.Repeat("word ", 8000)))
	n := len([]rune(mustRun(t, "text", project, "long")))
	if n < 30000 {
		t.Fatalf("the transcript has %d characters", n)
	}
	// Both a, only A b, only B b characters, with κ in [0.7995, 0.8).
	a, b := nearEight(n)
	csv := "document,coder,code,start,end\n" +
		"long,Aisha,Positive affect,0," + itoa(a+b) + "\nlong,Ben,Positive affect," + itoa(b) + "," + itoa(a+2*b) + "\n" +
		"long,Aisha,Autonomy,20000,20003\n"
	mustRun(t, "segments", "import", project, writeFile(t, dir, "codings.csv", csv))
	out := mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--codes", "Positive affect,Autonomy")
	pa, au := lineWith(out, "Positive affect"), lineWith(out, "Autonomy")
	if !strings.Contains(pa, " 0.799") || strings.Contains(pa, " 0.800 ") {
		t.Errorf("Positive affect: %q", pa)
	}
	if !strings.Contains(au, "> 99.9%") || strings.Contains(au, "100.0%") {
		t.Errorf("Autonomy: %q", au)
	}
}

func lineWith(text, sub string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}

// nearEight finds a, b so that a coder pair with a characters both coded,
// b coded only by each, of n, has κ in [0.7995, 0.8).
func nearEight(n int) (a, b int) {
	for a = 100; a < 3000; a++ {
		for b = 0; b < 400; b++ {
			d := float64(n - a - 2*b)
			A, B, N := float64(a), float64(b), float64(n)
			po := (A + d) / N
			pe := ((A+B)*(A+B) + (B+d)*(B+d)) / (N * N)
			if k := (po - pe) / (1 - pe); k >= 0.7995 && k < 0.8 {
				return a, b
			}
		}
	}
	panic("no such a, b")
}
