package demo

import (
	"bytes"
	"encoding/csv"
	"io/fs"
	"math"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var wantDocs = map[string]string{ // document -> participant label
	"patient-001":     "P001",
	"patient-002":     "P002",
	"patient-003":     "P003",
	"patient-004":     "P004",
	"patient-005":     "P005",
	"linkworker-01":   "LW01",
	"linkworker-02":   "LW02",
	"provider-01":     "PR01",
	"commissioner-01": "C01",
}

var codeNames = []string{
	"Positive affect",
	"Avowed quality of life",
	"Self-acceptance",
	"Personal growth",
	"Purpose in life",
	"Environmental mastery",
	"Autonomy",
	"Positive relations with others",
	"Social acceptance",
	"Social actualisation",
	"Social contribution",
	"Social coherence",
	"Social integration",
}

var coders = []string{"Aisha", "Ben"}

func sortedDocs() []string {
	names := make([]string, 0, len(wantDocs))
	for d := range wantDocs {
		names = append(names, d)
	}
	sort.Strings(names)
	return names
}

// transcripts returns document name -> text (as code points).
func transcripts(t *testing.T) map[string][]rune {
	t.Helper()
	names, err := fs.Glob(Files, "transcripts/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string][]rune{}
	for _, n := range names {
		b, err := fs.ReadFile(Files, n)
		if err != nil {
			t.Fatal(err)
		}
		docs[strings.TrimSuffix(path.Base(n), ".txt")] = []rune(string(b))
	}
	return docs
}

func readCSV(t *testing.T, name string) [][]string {
	t.Helper()
	b, err := fs.ReadFile(Files, name)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(recs) < 2 {
		t.Fatalf("%s: no data rows", name)
	}
	return recs
}

func TestFilesEncoding(t *testing.T) {
	names, err := fs.Glob(Files, "transcripts/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	names = append(names, "cases.csv", "codings.csv")
	for _, n := range names {
		b, err := fs.ReadFile(Files, n)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(b) {
			t.Errorf("%s: not valid UTF-8", n)
		}
		if !norm.NFC.IsNormal(b) {
			t.Errorf("%s: not NFC", n)
		}
		if bytes.ContainsRune(b, '\r') {
			t.Errorf("%s: contains CR", n)
		}
		if bytes.HasPrefix(b, []byte("\uFEFF")) {
			t.Errorf("%s: starts with a BOM", n)
		}
	}
}

var labelRe = regexp.MustCompile(`^([A-Za-z0-9]+): \S`)

func TestTranscripts(t *testing.T) {
	docs := transcripts(t)
	if len(docs) != len(wantDocs) {
		t.Errorf("got %d transcripts, want %d", len(docs), len(wantDocs))
	}
	digits := regexp.MustCompile(`[0-9][0-9 ]{5,}[0-9]`)
	for _, name := range sortedDocs() {
		label := wantDocs[name]
		rs, ok := docs[name]
		if !ok {
			t.Errorf("missing transcript %s.txt", name)
			continue
		}
		text := string(rs)
		words := len(strings.Fields(text))
		t.Logf("%-16s %5d words", name, words)
		if words < 1000 || words > 3000 {
			t.Errorf("%s: %d words, want 1000-3000", name, words)
		}
		if strings.TrimRightFunc(text, unicode.IsSpace) != text || strings.TrimLeftFunc(text, unicode.IsSpace) != text {
			t.Errorf("%s: leading or trailing whitespace", name)
		}
		if digits.MatchString(text) {
			t.Errorf("%s: contains a long digit run (phone number?)", name)
		}
		for i, para := range strings.Split(text, "\n\n") {
			m := labelRe.FindStringSubmatch(para)
			if m == nil || (m[1] != "Interviewer" && m[1] != label) {
				t.Errorf("%s: turn %d does not start with Interviewer: or %s: (%.30q)", name, i+1, label, para)
			}
			if strings.Contains(para, "\n") {
				t.Errorf("%s: turn %d spans several lines", name, i+1)
			}
			if strings.TrimSpace(para) != para {
				t.Errorf("%s: turn %d has surrounding whitespace", name, i+1)
			}
		}
		if strings.Contains(text, " \n") {
			t.Errorf("%s: trailing spaces on a line", name)
		}
	}
	astral := false
	for _, r := range docs["patient-004"] {
		if r > 0xFFFF {
			astral = true
		}
	}
	if !astral {
		t.Errorf("patient-004 should contain an emoji outside the BMP")
	}
}

func TestCases(t *testing.T) {
	recs := readCSV(t, "cases.csv")
	if got := strings.Join(recs[0], ","); got != "document,case,role,nested_case,age_group,referral_route" {
		t.Fatalf("cases.csv header = %q", got)
	}
	roles := map[string]bool{"patient": true, "link worker": true, "provider": true, "commissioner": true}
	seen := map[string]bool{}
	for _, r := range recs[1:] {
		doc := r[0]
		if _, ok := wantDocs[doc]; !ok {
			t.Errorf("cases.csv: unknown document %q", doc)
		}
		if seen[doc] {
			t.Errorf("cases.csv: duplicate document %q", doc)
		}
		seen[doc] = true
		if r[1] == "" {
			t.Errorf("cases.csv: %s has no case name", doc)
		}
		if !roles[r[2]] {
			t.Errorf("cases.csv: %s has bad role %q", doc, r[2])
		}
		switch r[3] {
		case "1", "2", "3":
		case "":
			if r[2] != "commissioner" {
				t.Errorf("cases.csv: %s has no nested case", doc)
			}
		default:
			t.Errorf("cases.csv: %s has bad nested case %q", doc, r[3])
		}
		if (r[2] == "patient") != (r[5] != "") {
			t.Errorf("cases.csv: %s: referral route %q does not fit role %q", doc, r[5], r[2])
		}
	}
	for doc := range wantDocs {
		if !seen[doc] {
			t.Errorf("cases.csv: no row for %s", doc)
		}
	}
}

type coding struct {
	doc, coder, code string
	start, end       int
}

func isLetter(r rune) bool { return unicode.IsLetter(r) }

func readCodings(t *testing.T, docs map[string][]rune) []coding {
	t.Helper()
	recs := readCSV(t, "codings.csv")
	if got := strings.Join(recs[0], ","); got != "document,coder,code,start,end,text" {
		t.Fatalf("codings.csv header = %q", got)
	}
	validCode := map[string]bool{}
	for _, c := range codeNames {
		validCode[c] = true
	}
	var out []coding
	for i, r := range recs[1:] {
		line := i + 2
		doc, coder, code := r[0], r[1], r[2]
		text, ok := docs[doc]
		if !ok {
			t.Errorf("codings.csv:%d: unknown document %q", line, doc)
			continue
		}
		if coder != "Aisha" && coder != "Ben" {
			t.Errorf("codings.csv:%d: unknown coder %q", line, coder)
		}
		if !validCode[code] {
			t.Errorf("codings.csv:%d: unknown code %q", line, code)
		}
		start, err1 := strconv.Atoi(r[3])
		end, err2 := strconv.Atoi(r[4])
		if err1 != nil || err2 != nil || start < 0 || start >= end || end > len(text) {
			t.Errorf("codings.csv:%d: bad range %q-%q (document has %d code points)", line, r[3], r[4], len(text))
			continue
		}
		if got := string(text[start:end]); got != r[5] {
			t.Errorf("codings.csv:%d: text %q does not match [%d,%d) = %q", line, r[5], start, end, got)
		}
		if start > 0 && isLetter(text[start-1]) && isLetter(text[start]) {
			t.Errorf("codings.csv:%d: starts mid-word", line)
		}
		if end < len(text) && isLetter(text[end-1]) && isLetter(text[end]) {
			t.Errorf("codings.csv:%d: ends mid-word", line)
		}
		seg := string(text[start:end])
		if strings.Contains(seg, "\n") {
			t.Errorf("codings.csv:%d: segment crosses a turn", line)
		}
		ls := start
		for ls > 0 && text[ls-1] != '\n' {
			ls--
		}
		if m := labelRe.FindStringSubmatch(string(text[ls:min(len(text), ls+20)])); m == nil || start < ls+len(m[1])+2 {
			t.Errorf("codings.csv:%d: segment overlaps the speaker label", line)
		} else if m[1] == "Interviewer" {
			t.Errorf("codings.csv:%d: segment codes an interviewer turn", line)
		}
		out = append(out, coding{doc, coder, code, start, end})
	}
	return out
}

func TestCodings(t *testing.T) {
	docs := transcripts(t)
	cs := readCodings(t, docs)

	if !sort.SliceIsSorted(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.doc != b.doc {
			return a.doc < b.doc
		}
		if a.coder != b.coder {
			return a.coder < b.coder
		}
		return a.start < b.start
	}) {
		t.Errorf("codings.csv is not sorted by document, coder, start")
	}

	used := map[string]map[string]int{}
	perDoc := map[string]map[string]int{}
	for _, c := range cs {
		if used[c.coder] == nil {
			used[c.coder] = map[string]int{}
		}
		used[c.coder][c.code]++
		if perDoc[c.doc] == nil {
			perDoc[c.doc] = map[string]int{}
		}
		perDoc[c.doc][c.coder]++
	}
	for _, coder := range coders {
		for _, code := range codeNames {
			if used[coder][code] == 0 {
				t.Errorf("%s never uses code %q", coder, code)
			}
		}
	}
	for _, doc := range sortedDocs() {
		for _, coder := range coders {
			n := perDoc[doc][coder]
			t.Logf("%-16s %-6s %3d segments", doc, coder, n)
			if n < 10 || n > 40 {
				t.Errorf("%s: %s has %d segments, want roughly 15-30", doc, coder, n)
			}
		}
	}
}

// kappa is Cohen's kappa for two boolean ratings of the same units.
func kappa(a, b []bool) float64 {
	var n11, n10, n01, n00 float64
	for i := range a {
		switch {
		case a[i] && b[i]:
			n11++
		case a[i]:
			n10++
		case b[i]:
			n01++
		default:
			n00++
		}
	}
	n := n11 + n10 + n01 + n00
	po := (n11 + n00) / n
	pa, pb := (n11+n10)/n, (n11+n01)/n
	pe := pa*pb + (1-pa)*(1-pb)
	if pe == 1 {
		return math.NaN()
	}
	return (po - pe) / (1 - pe)
}

func TestKappa(t *testing.T) {
	if got := kappa([]bool{true, true, false, false}, []bool{true, true, false, false}); got != 1 {
		t.Fatalf("kappa of identical ratings = %v, want 1", got)
	}
	if got := kappa([]bool{true, false, true, false}, []bool{true, true, false, false}); got != 0 {
		t.Fatalf("kappa of independent ratings = %v, want 0", got)
	}

	docs := transcripts(t)
	cs := readCodings(t, docs)
	names := make([]string, 0, len(docs))
	for d := range docs {
		names = append(names, d)
	}
	sort.Strings(names)
	offset := map[string]int{}
	total := 0
	for _, d := range names {
		offset[d] = total
		total += len(docs[d])
	}

	inRange := 0
	t.Logf("%-32s %7s", "code", "kappa")
	for _, code := range codeNames {
		marks := map[string][]bool{"Aisha": make([]bool, total), "Ben": make([]bool, total)}
		for _, c := range cs {
			if c.code != code {
				continue
			}
			m := marks[c.coder]
			for i := c.start; i < c.end; i++ {
				m[offset[c.doc]+i] = true
			}
		}
		k := kappa(marks["Aisha"], marks["Ben"])
		t.Logf("%-32s %7.3f", code, k)
		if k >= 0.3 && k <= 0.9 {
			inRange++
		}
		if !(k <= 0.97) {
			t.Errorf("%s: kappa %.3f is implausibly high (or NaN)", code, k)
		}
	}
	if inRange < 10 {
		t.Errorf("only %d of %d codes have kappa in [0.3, 0.9], want at least 10", inRange, len(codeNames))
	}
}
