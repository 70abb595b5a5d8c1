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
