package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestFloatFlagsRefuseNonFiniteValues(t *testing.T) {
	project := filepath.Join(t.TempDir(), "demo.themis")
	mustRun(t, "demo", project)
	for _, v := range []string{"NaN", "nan", "Inf", "+Inf", "-Inf", "infinity", "1e400"} {
		_, errOut, code := themis(t, "agreement", project, "--coders", "Aisha,Ben", "--unit", "turn", "--threshold", v)
		if code != 2 || !strings.Contains(errOut, "--threshold") || !strings.Contains(errOut, "finite number") {
			t.Errorf("--threshold %s: exit %d, stderr %q; want a usage error saying it is not a finite number", v, code, errOut)
		}
	}
	if _, errOut, code := themis(t, "agreement", project, "--coders", "Aisha,Ben", "--unit", "turn", "--threshold", "fifty"); code != 2 || !strings.Contains(errOut, "--threshold") {
		t.Errorf("--threshold fifty: exit %d, stderr %q", code, errOut)
	}
	mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--unit", "turn", "--threshold", "50")
}

// --statistic and --unit are checked against coding.Statistics and
// project.Units, and a refusal lists what they take.
func TestAgreementRefusesUnknownStatisticAndUnit(t *testing.T) {
	project := filepath.Join(t.TempDir(), "demo.themis")
	mustRun(t, "demo", project)
	for _, tt := range []struct {
		flag, value, says, lists string
		code                     int
	}{
		{"--statistic", "cohen", "unknown --statistic", "kappa, scottPi, krippendorffAlpha, gwetAC1, brennanPrediger", 2},
		{"--unit", "word", "unknown unit", "character, turn, sentence, paragraph, segment, document, unitized", 1},
	} {
		_, errOut, code := themis(t, "agreement", project, "--coders", "Aisha,Ben", "--format", "md", tt.flag, tt.value)
		if code != tt.code || !strings.Contains(errOut, tt.says) || !strings.Contains(errOut, tt.lists) {
			t.Errorf("%s %s: exit %d, stderr %q; want exit %d saying %q and listing %s", tt.flag, tt.value, code, errOut, tt.code, tt.says, tt.lists)
		}
	}
}
