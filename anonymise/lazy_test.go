package anonymise

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

// TestInitBuildsNoTables keeps the detectors' tables (the compiled regular
// expressions, the given-name list and the word sets) out of package
// initialisation: every program that links anonymise — the desktop app, the
// CLI's project commands — would otherwise pay for them at start-up, scan or
// not. It reads the runtime's own init trace of this test binary, so it
// counts bytes allocated, not time.
func TestInitBuildsNoTables(t *testing.T) {
	if os.Getenv("ANONYMISE_INIT_CHILD") != "" {
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestInitBuildsNoTables$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1", "ANONYMISE_INIT_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	m := regexp.MustCompile(`(?m)^init themis/anonymise @.* ([0-9]+) bytes, ([0-9]+) allocs$`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no init trace for themis/anonymise in:\n%s", out)
	}
	// The test files' own fixtures are initialised here too; they are small.
	const limit = 64 << 10
	if bytes, _ := strconv.Atoi(string(m[1])); bytes > limit {
		t.Errorf("initialising package anonymise allocates %d bytes (%s allocations), want under %d: build the tables at first use", bytes, m[2], limit)
	}
}

// buildTables builds every table now, as package initialisation used to, so
// that a benchmark's timed loop does not include them.
func buildTables() {
	for _, l := range lazyRegexps {
		l.get()
	}
	for _, set := range []func() map[string]bool{firstNames, ambiguousNames, stopWords, roleWords, titles} {
		set()
	}
}

func TestEveryTableBuilds(t *testing.T) {
	buildTables() // panics on an expression that does not compile
	if len(lazyRegexps) < 20 {
		t.Errorf("%d lazy expressions registered; every detector's expression should be", len(lazyRegexps))
	}
	if n := FirstNameCount(); n < 2000 {
		t.Errorf("FirstNameCount() = %d, want the shipped list of about 2,400", n)
	}
}
