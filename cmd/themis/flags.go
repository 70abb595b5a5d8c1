package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// finiteFloat defines a float flag that refuses NaN and ±Inf (and values too
// large for a float64) when it is parsed: flag.Float64 accepts them, and NaN
// slips through every range check because each comparison with it is false.
// Every float flag of the command line is made with it.
func finiteFloat(fs *flag.FlagSet, name string, value float64, usage string) *float64 {
	f := &finiteValue{name: name, v: value}
	fs.Var(f, name, usage)
	return &f.v
}

type finiteValue struct {
	name string
	v    float64
}

func (f *finiteValue) String() string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(f.v, 'g', -1, 64)
}

func (f *finiteValue) Set(s string) error {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil && !errorsIsRange(err) {
		return fmt.Errorf("--%s takes a number", f.name)
	}
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("--%s must be a finite number", f.name)
	}
	f.v = v
	return nil
}

func errorsIsRange(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// parse parses flags that may appear before, between or after positional
// arguments (themis docs FILE --json), and checks the positional count.
func parse(fs *flag.FlagSet, args []string, minPos, maxPos int) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError{err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	switch {
	case len(pos) < minPos:
		return nil, usageError{"missing arguments"}
	case maxPos >= 0 && len(pos) > maxPos:
		return nil, usageError{"unexpected argument " + pos[maxPos]}
	}
	return pos, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
