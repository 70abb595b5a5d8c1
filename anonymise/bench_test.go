package anonymise

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// evalScore is how a scan did on the evaluation set.
type evalScore struct {
	planted, found map[string]int // per kind
	findings       int
	falsePos       int // findings that overlap no planted identifier
	words          int
	misses         []planted
	fps            []Finding
}

func (s evalScore) recall(kind string) float64 {
	if s.planted[kind] == 0 {
		return 0
	}
	return float64(s.found[kind]) / float64(s.planted[kind])
}

// scoreEval scans each document and matches findings to planted spans: a
// planted identifier counts as found when a finding of the same kind covers
// at least half of it.
func scoreEval(docs []evalDoc) evalScore {
	s := evalScore{planted: map[string]int{}, found: map[string]int{}}
	for _, d := range docs {
		fs := Scan(d.Text, Options{Names: d.Speakers})
		s.findings += len(fs)
		s.words += d.Words
		for _, p := range d.Planted {
			s.planted[p.Kind]++
			hit := false
			for _, f := range fs {
				ov := min(f.End, p.End) - max(f.Start, p.Start)
				if f.Kind == p.Kind && ov*2 >= p.End-p.Start {
					hit = true
					break
				}
			}
			if !p.Label && p.Kind == KindName {
				s.planted["name_in_talk"]++
				if hit {
					s.found["name_in_talk"]++
				}
			}
			if hit {
				s.found[p.Kind]++
			} else {
				s.misses = append(s.misses, p)
			}
		}
		for _, f := range fs {
			overlaps := false
			for _, p := range d.Planted {
				if f.Start < p.End && p.Start < f.End {
					overlaps = true
					break
				}
			}
			if !overlaps {
				s.falsePos++
				s.fps = append(s.fps, f)
			}
		}
	}
	return s
}

// BenchmarkRecall scans the labelled evaluation set and reports recall per
// kind, the false-positive rate (findings that are no planted identifier, as
// a share of all findings) and false positives per 1,000 words. Run with
// -v to see the misses and false positives:
//
//	go test ./anonymise -run '^$' -bench Recall -benchtime 1x -v
func BenchmarkRecall(b *testing.B) {
	docs := buildEvalSet(4, 60)
	var s evalScore
	for b.Loop() {
		s = scoreEval(docs)
	}
	total := 0
	for _, k := range Kinds {
		b.ReportMetric(s.recall(k), "recall_"+k)
		total += s.planted[k]
	}
	b.ReportMetric(s.recall("name_in_talk"), "recall_name_in_talk")
	b.ReportMetric(float64(s.falsePos)/float64(max(1, s.findings)), "fp_rate")
	b.ReportMetric(float64(s.falsePos)*1000/float64(max(1, s.words)), "fp/1kwords")
	b.Logf("%d documents, %d words, %d planted identifiers, %d findings, %d false positives", len(docs), s.words, total, s.findings, s.falsePos)
	for _, k := range Kinds {
		b.Logf("  %-11s planted %4d  found %4d  recall %.3f", k, s.planted[k], s.found[k], s.recall(k))
	}
	b.Logf("  %-11s planted %4d  found %4d  recall %.3f (names in what was said, not speaker labels)", "name", s.planted["name_in_talk"], s.found["name_in_talk"], s.recall("name_in_talk"))
	if testing.Verbose() {
		sort.Slice(s.misses, func(i, j int) bool { return s.misses[i].Kind < s.misses[j].Kind })
		for _, m := range s.misses {
			b.Logf("  missed %-11s %q", m.Kind, m.Text)
		}
		seen := map[string]bool{}
		for _, f := range s.fps {
			k := fmt.Sprintf("%s %q", f.Kind, f.Text)
			if !seen[k] {
				seen[k] = true
				b.Logf("  false positive %s (%.2f)", k, f.Confidence)
			}
		}
	}
}

// BenchmarkScan is the speed of a scan over the evaluation text.
func BenchmarkScan(b *testing.B) {
	docs := buildEvalSet(7, 20)
	bytes := 0
	for _, d := range docs {
		bytes += len(d.Text)
	}
	b.SetBytes(int64(bytes))
	buildTables()
	for b.Loop() {
		for _, d := range docs {
			Scan(d.Text, Options{Names: d.Speakers})
		}
	}
}

// BenchmarkScanClean is the speed of a scan over ordinary interview talk
// (few identifiers, few digits), about 8,000 words: a typical transcript.
func BenchmarkScanClean(b *testing.B) {
	var sb strings.Builder
	for i := 0; sb.Len() < 48000; i++ {
		label := "Interviewer: "
		if i%2 == 1 {
			label = "P012: "
		}
		sb.WriteString(label + evalClean[i%len(evalClean)] + " " + evalClean[(i*7+3)%len(evalClean)] + "\n")
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	buildTables()
	for b.Loop() {
		Scan(text, Options{Names: []string{"Interviewer", "P012"}})
	}
}
