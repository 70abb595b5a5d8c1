package project

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"themis/corpus"
	"themis/frameworks"
	"themis/internal/synth"
	"themis/search"
	"themis/store"
)

// The corpus budgets (scripts/bench.sh), measured on synth.Budget (200 generated
// transcripts of 8,000 words) written to disk as .txt files:
//
//	BenchmarkCorpus/Read         reading the files, as cat does: the floor import is judged against
//	BenchmarkCorpus/ImportIndex  project.ImportFiles into a new project, then the search index
//	                             (budget: < 20 s, peak memory < 500 MB)
//	BenchmarkCorpus/Scan         the anonymisation scan of every document (budget: < 10 s)
//
// Peak memory is the peak resident set of a child process (this test binary
// run again, see TestCorpusImportChild) that does nothing but the import and
// the indexing, so no other benchmark's garbage counts. The sub-benchmarks
// share one corpus on disk; Scan uses the project the import made, or makes
// one in this process when run alone.
func BenchmarkCorpus(b *testing.B) {
	dir := b.TempDir()
	files := filepath.Join(dir, "files")
	if err := os.Mkdir(files, 0o755); err != nil {
		b.Fatal(err)
	}
	paths, err := synth.Budget.Write(files)
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			b.Fatal(err)
		}
		size += fi.Size()
	}
	var readSeconds float64 // best time to read the corpus, for the import's ratio
	b.Run("Read", func(b *testing.B) {
		buf := make([]byte, 128<<10)
		b.SetBytes(size)
		// The files were just written, so the page cache holds them, as it
		// would for cat run twice; a few untimed reads settle it.
		for range 3 {
			if err := readAll(paths, buf); err != nil {
				b.Fatal(err)
			}
		}
		for b.Loop() {
			start := time.Now()
			if err := readAll(paths, buf); err != nil {
				b.Fatal(err)
			}
			if s := time.Since(start).Seconds(); readSeconds == 0 || s < readSeconds {
				readSeconds = s
			}
		}
		b.ReportMetric(float64(size)/(1<<20), "MB-corpus")
	})

	projectPath := filepath.Join(dir, "bench.themis")
	b.Run("ImportIndex", func(b *testing.B) {
		b.SetBytes(size)
		var sum childResult
		for i := 0; i < b.N; i++ {
			os.Remove(projectPath)
			r, err := runImportChild(files, projectPath, filepath.Join(dir, "index"))
			if err != nil {
				b.Fatal(err)
			}
			sum.importSeconds += r.importSeconds
			sum.indexSeconds += r.indexSeconds
			sum.allocBytes += r.allocBytes
			sum.allocs += r.allocs
			sum.importCPU += r.importCPU
			sum.indexCPU += r.indexCPU
			sum.peakMB = max(sum.peakMB, r.peakMB)
		}
		// The child's figures replace the parent's, which only waited: time
		// per operation is the import and the index, without starting the
		// process.
		n := float64(b.N)
		b.ReportMetric((sum.importSeconds+sum.indexSeconds)/n*1e9, "ns/op")
		b.ReportMetric(sum.allocBytes/n, "B/op")
		b.ReportMetric(sum.allocs/n, "allocs/op")
		b.ReportMetric(sum.importSeconds/n, "s-import")
		b.ReportMetric(sum.indexSeconds/n, "s-index")
		if sum.importCPU > 0 {
			b.ReportMetric(sum.importCPU/n, "s-import-cpu")
			b.ReportMetric(sum.indexCPU/n, "s-index-cpu")
		}
		if sum.peakMB > 0 {
			b.ReportMetric(sum.peakMB, "MB-peak-RSS")
		}
		if readSeconds > 0 {
			b.ReportMetric((sum.importSeconds+sum.indexSeconds)/n/readSeconds, "x-slower-than-read")
		}
	})

	b.Run("Query", func(b *testing.B) {
		p := budgetProject(b, projectPath, paths)
		ix, err := OpenSearchIn([]string{filepath.Join(dir, "index")}, p, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { ix.Close() })
		queries := budgetQueries()
		for _, q := range queries { // every query is valid, and most find something
			if _, err := ix.Query(q, search.Options{Limit: 1}); err != nil {
				b.Fatalf("%s: %v", q, err)
			}
		}
		var all, page []time.Duration
		hits, empty := 0, 0
		var before, after runtime.MemStats
		var allocBytes, allocs uint64
		for b.Loop() {
			for _, q := range queries {
				runtime.ReadMemStats(&before)
				start := time.Now()
				r, err := ix.Query(q, search.Options{})
				all = append(all, time.Since(start))
				runtime.ReadMemStats(&after)
				allocBytes += after.TotalAlloc - before.TotalAlloc
				allocs += after.Mallocs - before.Mallocs
				if err != nil {
					b.Fatal(err)
				}
				hits += len(r.Hits)
				if r.Turns == 0 {
					empty++
				}
				start = time.Now()
				if _, err := ix.Query(q, search.Options{Limit: screenTurns}); err != nil {
					b.Fatal(err)
				}
				page = append(page, time.Since(start))
			}
		}
		// Per operation is per query (every matching turn), not per pass
		// over the 200 queries with their paged repeats.
		n := float64(len(all))
		b.ReportMetric(float64(sum(all))/n, "ns/op")
		b.ReportMetric(float64(allocBytes)/n, "B/op")
		b.ReportMetric(float64(allocs)/n, "allocs/op")
		b.ReportMetric(percentile(all, 50), "ms-p50")
		b.ReportMetric(percentile(all, 95), "ms-p95")
		b.ReportMetric(percentile(all, 99), "ms-p99")
		b.ReportMetric(percentile(page, 95), "ms-p95-screen")
		b.ReportMetric(float64(hits)/n, "hits/query")
		b.ReportMetric(float64(empty)/n*100, "pct-no-hit")
	})

	b.Run("Scan", func(b *testing.B) {
		p := budgetProject(b, projectPath, paths)
		findings := 0
		cpu := cpuSeconds()
		for b.Loop() {
			// The whole project, as the scan screen and `themis scan` do it.
			res, err := Scan(p, nil, nil)
			if err != nil {
				b.Fatal(err)
			}
			findings = len(res.Findings)
		}
		if cpu > 0 {
			b.ReportMetric((cpuSeconds()-cpu)/float64(b.N), "s-cpu")
		}
		b.ReportMetric(float64(findings), "findings")
	})
}

// readAll reads every file to the end and throws the bytes away, as
// `cat files... >/dev/null` does.
func readAll(paths []string, buf []byte) error {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		for {
			_, err := f.Read(buf)
			if err == io.EOF {
				break
			}
			if err != nil {
				f.Close()
				return err
			}
		}
		f.Close()
	}
	return nil
}

func speakerNames(d store.Document) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range d.TurnSpans {
		if t.Speaker != "" && !seen[t.Speaker] {
			seen[t.Speaker] = true
			out = append(out, t.Speaker)
		}
	}
	return out
}

// budgetProject opens the project ImportIndex made at path, or imports and
// codes the corpus into a new one there when ImportIndex did not run.
func budgetProject(b *testing.B, path string, paths []string) *store.Project {
	b.Helper()
	var p *store.Project
	var err error
	if _, statErr := os.Stat(path); statErr == nil {
		p, err = store.Open(path)
	} else {
		p, err = store.Create(path, frameworks.Keyes(), "Bench")
		var res []store.Imported
		if err == nil {
			res, err = ImportFiles(p, paths, 0, nil)
		}
		if err == nil {
			err = codeBudgetCorpus(p, res)
		}
	}
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { p.Close() })
	return p
}

// childEnv carries the corpus folder, the project file and the index folder
// to the child process, separated by the OS's path list separator.
const childEnv = "THEMIS_BENCH_IMPORT"

type childResult struct {
	importSeconds, indexSeconds, peakMB float64
	allocBytes, allocs                  float64 // the child's heap allocations in all
	importCPU, indexCPU                 float64 // CPU seconds, all threads (0 where /proc does not tell)
}

// runImportChild runs TestCorpusImportChild in a fresh copy of this test
// binary and reads its figures.
func runImportChild(files, projectPath, indexDir string) (childResult, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestCorpusImportChild$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), childEnv+"="+strings.Join([]string{files, projectPath, indexDir}, string(os.PathListSeparator)))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return childResult{}, fmt.Errorf("import child: %v\n%s", err, out.String())
	}
	var r childResult
	found := false
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 8 && f[0] == "corpus-import-child" {
			vals := make([]float64, 7)
			for i := range vals {
				v, err := strconv.ParseFloat(f[i+1], 64)
				if err != nil {
					return r, fmt.Errorf("import child: %q: %v", sc.Text(), err)
				}
				vals[i] = v
			}
			r = childResult{vals[0], vals[1], vals[2], vals[3], vals[4], vals[5], vals[6]}
			found = true
		}
	}
	if !found {
		return r, errors.New("import child printed no figures:\n" + out.String())
	}
	return r, nil
}

// TestCorpusImportChild is the child process of BenchmarkCorpus/ImportIndex:
// it imports every file of a folder into a new project through ImportFiles,
// builds the search index from the project, and prints the seconds each
// took and the process's peak resident set. Run directly, without the
// benchmark's environment, it has nothing to do.
func TestCorpusImportChild(t *testing.T) {
	arg := os.Getenv(childEnv)
	if arg == "" {
		t.Skip("the child process of BenchmarkCorpus/ImportIndex; run go test -bench=Corpus/ImportIndex")
	}
	parts := filepath.SplitList(arg)
	if len(parts) != 3 {
		t.Fatalf("%s=%q: want files, project and index separated by %q", childEnv, arg, os.PathListSeparator)
	}
	files, projectPath, indexDir := parts[0], parts[1], parts[2]
	entries, err := os.ReadDir(files)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, e := range entries {
		if corpus.Supported(e.Name()) {
			paths = append(paths, filepath.Join(files, e.Name()))
		}
	}
	start, cpuStart := time.Now(), cpuSeconds()
	p, err := store.Create(projectPath, frameworks.Keyes(), "Bench")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	res, err := ImportFiles(p, paths, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	imported, cpuImported := time.Now(), cpuSeconds()
	for _, r := range res {
		if r.ID == 0 || r.Turns < 2 {
			t.Fatalf("%s: imported as %+v, want a new document with turns", r.Name, r)
		}
	}
	if len(res) != len(paths) || len(paths) == 0 {
		t.Fatalf("imported %d of %d files", len(res), len(paths))
	}
	if err := codeBudgetCorpus(p, res); err != nil {
		t.Fatal(err)
	}
	checked, cpuChecked := time.Now(), cpuSeconds()
	ix, err := OpenSearchIn([]string{indexDir}, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	indexed, cpuIndexed := time.Now(), cpuSeconds()
	if err := p.Close(); err != nil { // the import's share: the project file checkpointed
		t.Fatal(err)
	}
	closed, cpuClosed := time.Now(), cpuSeconds()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("corpus-import-child %.3f %.3f %.1f %d %d %.2f %.2f\n",
		imported.Sub(start).Seconds()+closed.Sub(indexed).Seconds(), indexed.Sub(checked).Seconds(),
		peakRSSMB(), ms.TotalAlloc, ms.Mallocs,
		cpuImported-cpuStart+cpuClosed-cpuIndexed, cpuIndexed-cpuChecked)
}

// cpuSeconds is the CPU time (user and system, every thread) the process
// has used, from /proc/self/stat; 0 where /proc does not tell. Beside wall
// time it shows how much of a figure is waiting: for the disk, or for a CPU
// that other processes hold.
func cpuSeconds() float64 {
	data, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(data[i+1:])) // state is f[0]; utime and stime are fields 14 and 15 of the line
	if len(f) < 13 {
		return 0
	}
	u, err1 := strconv.ParseFloat(f[11], 64)
	s, err2 := strconv.ParseFloat(f[12], 64)
	if err1 != nil || err2 != nil {
		return 0
	}
	return (u + s) / 100 // USER_HZ, 100 on every Linux Go supports
}

// peakRSSMB is the process's peak resident set in MB (VmHWM), or 0 where
// /proc does not tell it.
func peakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest) // "123456 kB"
			if len(f) == 2 && f[1] == "kB" {
				kb, err := strconv.ParseFloat(f[0], 64)
				if err == nil {
					return kb / 1024
				}
			}
		}
	}
	return 0
}

// codeBudgetCorpus makes the imported corpus look like a study under way,
// so that the index carries what real ones do: every document linked to
// its participant's case with a role attribute, and two coders' segments
// (20 per document each, codes of the Keyes framework). Not timed: the user
// does this between importing and searching.
func codeBudgetCorpus(p *store.Project, docs []store.Imported) error {
	codes, err := AgreementCodes(p, 0)
	if err != nil || len(codes) == 0 {
		return fmt.Errorf("codes: %v", err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	var segs []store.NewSegment
	for i, d := range docs {
		part := synth.ParticipantOf(i)
		if err := p.LinkCase(d.ID, part.ID, map[string]string{"role": part.Role}, 0); err != nil {
			return err
		}
		doc, err := p.Document(d.ID)
		if err != nil {
			return err
		}
		n := corpus.RuneLen(doc.Text)
		for j := range 40 {
			start := r.IntN(n - 400)
			segs = append(segs, store.NewSegment{Document: d.ID, Code: codes[r.IntN(len(codes))].ID,
				CoderName: []string{"Aisha", "Ben"}[j%2], Start: start, End: start + 20 + r.IntN(380)})
		}
	}
	_, err = p.ImportSegments(segs, 0)
	return err
}

// screenTurns is how many turns the search screen asks for at once
// (SHOWN_TURNS in frontend/src/lib/stores/search.svelte.ts).
const screenTurns = 500

// budgetQueries are 200 queries of every kind the search box takes: the
// generator's words, phrases, prefixes, fuzzy words and boolean queries, a
// third of them narrowed by a filter (speaker, document, case attribute,
// code, code by coder), and a few filters alone.
func budgetQueries() []string {
	filters := []string{
		"speaker:Interviewer", "-speaker:Interviewer", "role:patient", `role:"link worker"`, "document:P01*",
		`code:"Social integration"`, `code:"Social integration"@Aisha -code:"Social integration"@Ben`, "coder:Ben", "case:LW*",
	}
	var out []string
	for i, q := range synth.Queries(1, 190) {
		if i%3 == 0 {
			out = append(out, q.Text+" "+filters[i/3%len(filters)])
		} else {
			out = append(out, q.Text)
		}
	}
	for _, f := range filters {
		if len(out) < 200 {
			out = append(out, f)
		}
	}
	for len(out) < 200 {
		out = append(out, "speaker:Interviewer role:commissioner")
	}
	return out
}

func sum(ds []time.Duration) time.Duration {
	var t time.Duration
	for _, d := range ds {
		t += d
	}
	return t
}

// percentile is the p-th percentile of ds in milliseconds (nearest rank).
func percentile(ds []time.Duration, p int) float64 {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return float64(s[max(i-1, 0)]) / 1e6
}
