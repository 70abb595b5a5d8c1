// Command clibench measures the command line as whole processes, the way a
// person or a script meets it: start-up included. It runs each case of the
// built binaries several times and prints, in the format of go test -bench,
// the median CPU time (user + system, from the child's resource usage) per
// run as ns/op, the median wall time and the fastest run's CPU time.
// scripts/bench.sh runs it for the "CLI" rows of make bench.
//
//	go build -o /tmp/b/themis ./cmd/themis && go build -o /tmp/b/themis-project ./cmd/themis-project
//	go run ./scripts/clibench -bin /tmp/b [-runs 20]
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	bin := flag.String("bin", "build/bin", "directory holding the built themis (and themis-project)")
	runs := flag.Int("runs", 20, "runs of each case")
	flag.Parse()
	dir, err := os.MkdirTemp("", "themis-clibench-")
	if err != nil {
		fail("%v", err)
	}
	defer os.RemoveAll(dir)
	data := filepath.Join(dir, "reliability-4x100000.csv")
	if err := writeReliabilityCSV(data, 4, 100000); err != nil {
		fail("%v", err)
	}
	themis := filepath.Join(*bin, "themis")
	cases := []struct {
		name string
		args []string
		want string // in the standard output of a correct run
	}{
		{"BenchmarkCLIStart", []string{"help"}, "themis reliability"},
		{"BenchmarkCLIReliability4x100000", []string{"reliability", "--header", "--level", "ordinal", data}, "Krippendorff's alpha (ordinal)"},
	}
	fmt.Println("pkg: themis/cmd/themis")
	for _, c := range cases {
		cpu, wall, err := measure(themis, c.args, c.want, *runs)
		if err != nil {
			fmt.Printf("--- FAIL: %s\n    %v\n", c.name, err)
			continue
		}
		fmt.Printf("%s\t%d\t%d ns/op\t%.3f ms-wall\t%.3f ms-cpu-fastest\n", c.name, *runs,
			median(cpu).Nanoseconds(), ms(median(wall)), ms(slices.Min(cpu)))
	}
}

// measure runs themis args runs times, after one run that warms the page
// cache, and returns each run's CPU time (user + system) and wall time.
func measure(themis string, args []string, want string, runs int) (cpu, wall []time.Duration, err error) {
	for i := -1; i < runs; i++ {
		var out, errOut bytes.Buffer
		cmd := exec.Command(themis, args...)
		cmd.Stdout, cmd.Stderr = &out, &errOut
		start := time.Now()
		err := cmd.Run()
		elapsed := time.Since(start)
		if err != nil {
			return nil, nil, fmt.Errorf("%s %s: %v\n%s", themis, strings.Join(args, " "), err, errOut.String())
		}
		if !strings.Contains(out.String(), want) {
			return nil, nil, fmt.Errorf("%s %s printed no %q:\n%s", themis, strings.Join(args, " "), want, out.String())
		}
		if i >= 0 {
			cpu = append(cpu, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
			wall = append(wall, elapsed)
		}
	}
	return cpu, wall, nil
}

// writeReliabilityCSV writes a units × coders file of numeric categories
// 1–5 with no empty cells (so the ordinal coefficients have numbers to order,
// unlike the text labels of fixtures.ReliabilityUnits that the in-process
// benchmarks use): a true category per unit that each coder reports, or with
// probability 0.3 a random one, seeded; the first row names the coders A, B, C, ….
func writeReliabilityCSV(path string, coders, units int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for j := range coders {
		if j > 0 {
			w.WriteByte(',')
		}
		w.WriteByte(byte('A' + j))
	}
	w.WriteByte('\n')
	rng := rand.New(rand.NewSource(1))
	for range units {
		truth := rng.Intn(5)
		for j := range coders {
			v := truth
			if rng.Float64() < 0.3 {
				v = rng.Intn(5)
			}
			if j > 0 {
				w.WriteByte(',')
			}
			w.WriteString(strconv.Itoa(v + 1))
		}
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "clibench: "+format+"\n", args...)
	os.Exit(1)
}
