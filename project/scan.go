package project

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"encoding/csv"

	"themis/anonymise"
	"themis/corpus"
	"themis/store"
)

// ScanFinding is one likely identifier in a document of the project.
type ScanFinding struct {
	Document     int64
	DocumentName string
	anonymise.Finding
}

// ScanGroup is every occurrence of the same text (compared without regard to
// case) found as the same kind: what "replace everywhere" replaces at once.
type ScanGroup struct {
	Kind        string
	Text        string // as first found
	Confidence  float64
	Suggested   string // the pseudonym this text gets, consistent within the project
	Findings    []ScanFinding
	DocumentIDs []int64
}

// ScanResult is a scan of the whole project.
type ScanResult struct {
	Findings  []ScanFinding // every finding not dismissed, by document and start
	Groups    []ScanGroup   // findings grouped, most confident first
	Dismissed int           // findings left out because the user dismissed them
	Documents int
}

// SpeakerNames lists the distinct speaker labels of a document.
func SpeakerNames(d store.Document) []string {
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

// Scan checks every document of the project for likely identifiers. Speaker
// names from every document's turns are looked for in all documents, and
// findings the user dismissed are left out. Suggested pseudonyms come from
// ps (nil: a fresh count), skipping pseudonyms already in the text, so that
// a session that keeps ps gives an original the same pseudonym every time.
// Documents are scanned in parallel; progress (if not nil) is told as each
// is done.
func Scan(p *store.Project, ps *Pseudonyms, progress Progress) (ScanResult, error) {
	if ps == nil {
		ps = NewPseudonyms()
	}
	infos, err := p.Documents()
	if err != nil {
		return ScanResult{}, fmt.Errorf("scan: %w", err)
	}
	docs := make([]store.Document, len(infos))
	var names []string
	seen := map[string]bool{}
	for i, info := range infos {
		d, err := p.Document(info.ID)
		if err != nil {
			return ScanResult{}, fmt.Errorf("scan %s: %w", info.Name, err)
		}
		docs[i] = d
		for _, m := range rePseudonym.FindAllString(d.Text, -1) {
			ps.taken[m] = true
		}
		for _, n := range SpeakerNames(d) {
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	dismissals, err := p.Dismissals()
	if err != nil {
		return ScanResult{}, fmt.Errorf("scan: dismissals: %w", err)
	}
	type key struct {
		doc        int64
		start, end int
		kind       string
	}
	dismissed := map[key]bool{}
	for _, d := range dismissals {
		dismissed[key{d.Document, d.Start, d.End, d.Kind}] = true
	}

	found := make([][]anonymise.Finding, len(docs))
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	next := make(chan int)
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				found[i] = anonymise.Scan(docs[i].Text, anonymise.Options{Names: names})
				mu.Lock()
				done++
				if progress != nil {
					progress(done, len(docs), docs[i].Name)
				}
				mu.Unlock()
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()

	res := ScanResult{Documents: len(docs)}
	for i, d := range docs {
		for _, f := range found[i] {
			if dismissed[key{d.ID, f.Start, f.End, f.Kind}] {
				res.Dismissed++
				continue
			}
			res.Findings = append(res.Findings, ScanFinding{Document: d.ID, DocumentName: d.Name, Finding: f})
		}
	}
	res.Groups = GroupFindings(res.Findings, ps)
	return res, nil
}

var rePseudonym = regexp.MustCompile(`\[[A-Z][A-Za-z ]* \d+\]`)

// Pseudonyms hands out consistent pseudonyms: the same original (compared
// without regard to case) always gets the same one, and each kind counts on
// from the last: "[Name 1]", "[Name 2]", "[Place 1]", "[Phone 1]".
type Pseudonyms struct {
	given map[string]string
	next  map[string]int
	taken map[string]bool
}

// NewPseudonyms starts counting from 1 for every kind.
func NewPseudonyms() *Pseudonyms {
	return &Pseudonyms{given: map[string]string{}, next: map[string]int{}, taken: map[string]bool{}}
}

// PseudonymLabel is the word a kind's pseudonyms use.
func PseudonymLabel(kind string) string {
	switch kind {
	case anonymise.KindName:
		return "Name"
	case anonymise.KindAddress, anonymise.KindPostcode:
		return "Place"
	case anonymise.KindPhone:
		return "Phone"
	case anonymise.KindEmail:
		return "Email"
	case anonymise.KindNHSNumber:
		return "NHS number"
	case anonymise.KindNINumber:
		return "NI number"
	case anonymise.KindDate:
		return "Date"
	case anonymise.KindURL:
		return "Website"
	}
	return "Redacted"
}

func groupKey(kind, text string) string {
	return PseudonymLabel(kind) + "\x00" + strings.ToLower(strings.Join(strings.Fields(text), " "))
}

// For returns the pseudonym of an original of a kind, giving it the next
// free one the first time.
func (ps *Pseudonyms) For(kind, original string) string {
	k := groupKey(kind, original)
	if s, ok := ps.given[k]; ok {
		return s
	}
	label := PseudonymLabel(kind)
	for {
		ps.next[label]++
		s := fmt.Sprintf("[%s %d]", label, ps.next[label])
		if !ps.taken[s] {
			ps.given[k] = s
			ps.taken[s] = true
			return s
		}
	}
}

// Use records that the user gave an original a pseudonym of their own.
func (ps *Pseudonyms) Use(kind, original, pseudonym string) {
	ps.given[groupKey(kind, original)] = pseudonym
	ps.taken[pseudonym] = true
}

// GroupFindings groups findings by kind family and text (case-insensitive)
// and suggests each group its pseudonym. Groups come most confident first,
// then by text.
func GroupFindings(fs []ScanFinding, ps *Pseudonyms) []ScanGroup {
	index := map[string]int{}
	var groups []ScanGroup
	for _, f := range fs {
		k := groupKey(f.Kind, f.Text)
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, ScanGroup{Kind: f.Kind, Text: f.Text})
		}
		g := &groups[i]
		g.Findings = append(g.Findings, f)
		g.Confidence = max(g.Confidence, f.Confidence)
		if len(g.DocumentIDs) == 0 || g.DocumentIDs[len(g.DocumentIDs)-1] != f.Document {
			g.DocumentIDs = append(g.DocumentIDs, f.Document)
		}
	}
	// suggestions in reading order, so [Name 1] is the first name met
	for i := range groups {
		groups[i].Suggested = ps.For(groups[i].Kind, groups[i].Text)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if groups[i].Confidence != groups[j].Confidence {
			return groups[i].Confidence > groups[j].Confidence
		}
		return strings.ToLower(groups[i].Text) < strings.ToLower(groups[j].Text)
	})
	return groups
}

// Occurrence is one place a pseudonym replaces an original.
type Occurrence struct {
	Document   int64
	Start, End int
	Text       string // the original, checked before it is replaced
}

// PseudonymChoice replaces every occurrence with Pseudonym.
type PseudonymChoice struct {
	Kind        string
	Pseudonym   string
	Occurrences []Occurrence
}

// KeyEntry links a pseudonym to the original it replaced. Keys live only in
// memory and in files the user saves; never in the project.
type KeyEntry struct {
	Pseudonym   string
	Original    string
	Kind        string
	Occurrences int
	Documents   int
}

// ReplaceResult says what Replace did, with the key for the user to keep.
type ReplaceResult struct {
	store.ReplaceSummary
	Key []KeyEntry
	// Warnings name places the originals could not yet be wiped from: the
	// file while another process reads it (wiped when the project closes),
	// a search index another Themis has open (purged or rebuilt when next
	// opened).
	Warnings []string
}

// Replace puts the pseudonyms in place of their originals in one
// transaction (see store.ReplaceEverywhere): segments keep their words.
func Replace(p *store.Project, choices []PseudonymChoice, actor int64) (ReplaceResult, error) {
	var reps []store.Replacement
	var key []KeyEntry
	for _, c := range choices {
		with := strings.TrimSpace(c.Pseudonym)
		if with == "" {
			return ReplaceResult{}, fmt.Errorf("replace: %w: a pseudonym is empty", store.ErrInvalid)
		}
		originals := map[string]bool{}
		docs := map[int64]bool{}
		for _, o := range c.Occurrences {
			if o.Text == "" || utf8.RuneCountInString(o.Text) != o.End-o.Start {
				return ReplaceResult{}, fmt.Errorf("replace: %w: occurrence %d-%d in document %d does not match its text", store.ErrInvalid, o.Start, o.End, o.Document)
			}
			reps = append(reps, store.Replacement{Document: o.Document, Start: o.Start, End: o.End, With: with, Expect: o.Text})
			docs[o.Document] = true
			if !originals[o.Text] {
				originals[o.Text] = true
				key = append(key, KeyEntry{Pseudonym: with, Original: o.Text, Kind: c.Kind})
			}
		}
		for i := range key {
			if key[i].Pseudonym == with && key[i].Kind == c.Kind {
				n := 0
				for _, o := range c.Occurrences {
					if o.Text == key[i].Original {
						n++
					}
				}
				key[i].Occurrences, key[i].Documents = n, len(docs)
			}
		}
	}
	sum, err := p.ReplaceEverywhere(reps, corpus.CountWords, actor)
	if err != nil {
		return ReplaceResult{}, fmt.Errorf("replace: %w", err)
	}
	res := ReplaceResult{ReplaceSummary: sum, Key: key}
	if sum.Replacements > 0 && !sum.Wiped {
		res.Warnings = append(res.Warnings, "another process is reading the project, so the replaced text could not yet be wiped from its file; it will be when the project is closed")
	}
	// The search index holds the turns' text: it goes, and is built again
	// from the replaced text by the next search.
	if err := PurgeSearch(p.Path()); err != nil {
		res.Warnings = append(res.Warnings, fmt.Sprintf("the search index still holds the replaced text until it is next opened: %v", err))
	}
	return res, nil
}

// WriteKeyFile saves the key linking pseudonyms to originals as CSV
// (pseudonym, original, kind, occurrences, documents). It refuses a path
// inside a .themis project file name, so the key never lands in a project.
func WriteKeyFile(path string, key []KeyEntry) error {
	if strings.EqualFold(filepath.Ext(path), ".themis") {
		return fmt.Errorf("key file %s: %w: the key must be kept outside the project; choose a .csv file", path, store.ErrInvalid)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("key file %s: %w", path, err)
	}
	w := csv.NewWriter(f)
	w.Write([]string{"pseudonym", "original", "kind", "occurrences", "documents"})
	for _, k := range key {
		w.Write([]string{k.Pseudonym, k.Original, k.Kind, fmt.Sprint(k.Occurrences), fmt.Sprint(k.Documents)})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return fmt.Errorf("key file %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("key file %s: %w", path, err)
	}
	return nil
}

// OccurrenceOf is the place a finding asks to replace.
func OccurrenceOf(f ScanFinding) Occurrence {
	return Occurrence{Document: f.Document, Start: f.Start, End: f.End, Text: f.Text}
}
