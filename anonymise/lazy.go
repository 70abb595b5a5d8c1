package anonymise

import (
	"regexp"
	"sync"
)

// The detectors' tables are built at first use, not at package
// initialisation: every program that links this package (the desktop app,
// the CLI) would otherwise spend about 5 ms compiling expressions and
// filling maps at start-up, whether it scans or not.

// lazyRegexp is a regular expression compiled the first time it is used,
// as the standard library's internal/lazyregexp does.
type lazyRegexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

// lazyRegexps lists every expression, so that tests can compile them all
// (an invalid one would otherwise panic only when first reached).
var lazyRegexps []*lazyRegexp

func newLazyRegexp(expr string) *lazyRegexp {
	l := &lazyRegexp{expr: expr}
	lazyRegexps = append(lazyRegexps, l)
	return l
}

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.expr) })
	return l.re
}

func (l *lazyRegexp) MatchString(s string) bool { return l.get().MatchString(s) }

func (l *lazyRegexp) FindAllStringIndex(s string, n int) [][]int {
	return l.get().FindAllStringIndex(s, n)
}

func (l *lazyRegexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.get().FindAllStringSubmatchIndex(s, n)
}
