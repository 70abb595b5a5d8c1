package main

import (
	"strings"
	"testing"
)

// Agreement's bootstrap has the same cap; the flags are checked before the
// project is opened.
func TestAgreementBootstrapCap(t *testing.T) {
	_, errOut, code := themis(t, "agreement", "x.themis", "--coders", "A,B", "--bootstrap", "100000001")
	if code != 2 || !strings.Contains(errOut, "--bootstrap is a number of resamples from 0 to 100000") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
