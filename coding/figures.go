package coding

import (
	"math"
	"strconv"
)

// Krippendorff's (2004) thresholds: a coefficient of at least Reliable
// supports conclusions, one of at least Tentative only tentative ones. A
// value reaches a threshold when the unrounded value is at least the
// threshold; rounding never promotes it.
const (
	Reliable  = 0.800
	Tentative = 0.667
)

// thresholds are the values a printed coefficient must not appear to reach
// when it does not: Krippendorff's two, and perfect agreement.
var thresholds = [...]float64{Tentative, Reliable, 1}

// FormatCoefficient prints a coefficient for a reader: three decimals, or
// as many more as it takes for a value below a threshold not to print as
// reaching it (0.79989 is "0.7999", not "0.800", and 0.6669996 is
// "0.6669996"); 1 counts as a threshold, so 0.99996 is not "1.000". Readings ("reliable", "tentative"), chart lines and counts
// of codes reaching a threshold all compare the unrounded value, so with
// this rule the figure printed beside them never contradicts them. Every
// place Themis prints a coefficient or an interval bound for people (the
// CLI, the reports and methods paragraph; the frontend mirrors it in
// format.ts against the same table of cases, testdata/figures.json) uses
// this function. Machine formats (CSV, JSON) carry full precision instead.
func FormatCoefficient(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	for d := 3; d <= 17; d++ {
		s := strconv.FormatFloat(v, 'f', d, 64)
		if !promoted(v, s) {
			return s
		}
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// promoted reports whether s, v rounded, reaches a threshold v does not.
func promoted(v float64, s string) bool {
	r, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return false
	}
	for _, t := range thresholds {
		if v < t && r >= t {
			return true
		}
	}
	return false
}

// FormatPercent prints a share in [0, 1] as a percentage with one decimal,
// "85.0%", but never rounds to 100 % or 0 % a share that is not exactly
// that: 0.99996 is "> 99.9%" and 0.00004 "< 0.1%", so that a code one coder
// used in a few characters does not show "100.0%" agreement beside κ = 0.
// Like [FormatCoefficient], it is the one format for every output.
func FormatPercent(p float64) string {
	if math.IsNaN(p) || math.IsInf(p, 0) {
		return strconv.FormatFloat(p, 'f', -1, 64) + "%"
	}
	s := strconv.FormatFloat(p*100, 'f', 1, 64)
	switch {
	case p == 1 || p == 0:
		return s + "%"
	case s == "100.0":
		return "> 99.9%"
	case s == "0.0" || s == "-0.0":
		return "< 0.1%"
	}
	return s + "%"
}
