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

	"themis/anonymise"
	"themis/corpus"
	"themis/internal/csvsafe"
	"themis/store"
)

// ScanFinding is one likely identifier in the project: in a document's
// text (Place store.PlaceText, or store.PlaceSpeakerLabel when it is in a
// turn's speaker label), or in a name — store.PlaceDocumentName (Document),
// store.PlaceCaseName or store.PlaceAttributeValue (Case, and Attribute);
// or in a memo's text — store.PlaceMemo (Memo; Document is the document a
// document or segment memo is on). Start and End count code points of the
// text, of the name or of the memo.
type ScanFinding struct {
	Place        string
	Document     int64
	DocumentName string
	Case         int64
	CaseName     string
	Attribute    string
	Name         string // the whole name a finding in a name is in
	Memo         ScanMemo
	anonymise.Finding
}

// ScanMemo is the memo a finding is in: what it is on (MemoView.On, e.g.
// `code “Trust”`), who wrote it and its whole text.
type ScanMemo struct {
	ID     int64
	Kind   string
	On     string
	Author string
	Text   string
}

// InName says the finding is in a name rather than a document's text.
func (f ScanFinding) InName() bool {
	return f.Place == store.PlaceDocumentName || f.Place == store.PlaceCaseName || f.Place == store.PlaceAttributeValue
}

// InText says the finding is in a document's text (a speaker label too).
func (f ScanFinding) InText() bool {
	return f.Place == "" || f.Place == store.PlaceText || f.Place == store.PlaceSpeakerLabel
}

// ScanGroup is every occurrence of the same text (compared without regard to
// case) found as the same kind: what "replace everywhere" replaces at once.
type ScanGroup struct {
	Kind        string
	Text        string // as first found
	Confidence  float64
	Suggested   string // the pseudonym this text gets, consistent within the project
	Findings    []ScanFinding
	DocumentIDs []int64 // the documents whose text holds it
	Memos       int     // how many of its findings are in memos
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

// Scan is ScanAs for a viewer who sees every memo, as the command line does.
func Scan(p *store.Project, ps *Pseudonyms, progress Progress) (ScanResult, error) {
	return ScanAs(p, Viewer{}, ps, progress)
}

// ScanAs checks every document of the project for likely identifiers: the
// text (speaker labels included), and the names that may carry one too —
// each document's name, each case's name and its text and category
// attribute values — and the memos the viewer may read (in blind mode not
// another coder's segment memos, nor memos on another coder's segments).
// Speaker names from every document's turns are looked for
// everywhere, a text found anywhere is also looked for in every name (and a
// text found only in names in every transcript), and findings the user
// dismissed are left out. Suggested pseudonyms come from ps (nil: a fresh
// count), skipping pseudonyms already in the project, so that a session that
// keeps ps gives an original the same pseudonym every time. Documents are
// scanned in parallel; progress (if not nil) is told as each is done.
func ScanAs(p *store.Project, v Viewer, ps *Pseudonyms, progress Progress) (ScanResult, error) {
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
	dismissed := map[dismissKey]bool{}
	for _, d := range dismissals {
		if d.Memo != 0 {
			dismissed[dismissKey{memo: d.Memo, start: d.Start, end: d.End, kind: d.Kind, text: d.Text}] = true
			continue
		}
		dismissed[dismissKey{doc: d.Document, start: d.Start, end: d.End, kind: d.Kind}] = true
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
			if dismissed[dismissKey{doc: d.ID, start: f.Start, end: f.End, kind: f.Kind}] {
				res.Dismissed++
				continue
			}
			res.Findings = append(res.Findings, ScanFinding{Place: textPlace(d, f), Document: d.ID, DocumentName: d.Name, Finding: f})
		}
	}
	fields, err := nameFields(p, docs)
	if err != nil {
		return ScanResult{}, err
	}
	for _, nf := range fields {
		for _, m := range rePseudonym.FindAllString(nf.value, -1) {
			ps.taken[m] = true
		}
		for _, f := range anonymise.Scan(nf.value, anonymise.Options{Names: names}) {
			sf := nf.ScanFinding
			sf.Finding = f
			res.Findings = append(res.Findings, sf)
		}
	}
	memos, err := readableMemos(p, v)
	if err != nil {
		return ScanResult{}, err
	}
	for _, m := range memos {
		for _, r := range rePseudonym.FindAllString(m.Text, -1) {
			ps.taken[r] = true
		}
		for _, f := range anonymise.Scan(m.Text, anonymise.Options{Names: names}) {
			// the text too: an edit moves a memo's words, and a dismissal
			// must not then hide different words at the same place
			if dismissed[dismissKey{memo: m.ID, start: f.Start, end: f.End, kind: f.Kind, text: f.Text}] {
				res.Dismissed++
				continue
			}
			res.Findings = append(res.Findings, ScanFinding{Place: store.PlaceMemo, Document: m.Document, DocumentName: m.DocumentName,
				Memo: ScanMemo{ID: m.ID, Kind: m.Kind, On: m.On(), Author: m.AuthorName, Text: m.Text}, Finding: f})
		}
	}
	extra, skipped := sameWordsElsewhere(docs, fields, res.Findings, dismissed)
	res.Findings = append(res.Findings, extra...)
	res.Dismissed += skipped
	sortFindings(res.Findings)
	res.Groups = GroupFindings(res.Findings, ps)
	return res, nil
}

type dismissKey struct {
	doc, memo  int64
	start, end int
	kind       string
	text       string // of a finding in a memo
}

// readableMemos lists the memos the viewer may read, with what each is on.
func readableMemos(p *store.Project, v Viewer) ([]MemoView, error) {
	memos, err := p.Memos(store.MemoFilter{})
	if err != nil {
		return nil, fmt.Errorf("scan: memos: %w", err)
	}
	if len(memos) == 0 {
		return nil, nil
	}
	names, err := newMemoNames(p)
	if err != nil {
		return nil, fmt.Errorf("scan: memos: %w", err)
	}
	var out []MemoView
	for _, m := range memos {
		mv, layer, err := names.view(m)
		if err != nil {
			return nil, fmt.Errorf("scan: memo %d: %w", m.ID, err)
		}
		if v.mayRead(m, layer) {
			out = append(out, mv)
		}
	}
	return out, nil
}

// textPlace is PlaceSpeakerLabel for a finding inside a turn's label.
func textPlace(d store.Document, f anonymise.Finding) string {
	for _, t := range d.TurnSpans {
		if f.Start >= t.Start && f.End <= t.ContentStart && t.ContentStart > t.Start {
			return store.PlaceSpeakerLabel
		}
	}
	return store.PlaceText
}

// nameField is a name that may carry an identifier: a document's, a
// case's, or a case's attribute value.
type nameField struct {
	ScanFinding // where: Place, Document or Case, Attribute
	value       string
}

// nameFields lists the names of the project that are scanned: documents'
// and cases' names, and the values of text and category attributes
// (numbers and dates cannot hold a pseudonym in their place).
func nameFields(p *store.Project, docs []store.Document) ([]nameField, error) {
	var out []nameField
	for _, d := range docs {
		out = append(out, nameField{ScanFinding{Place: store.PlaceDocumentName, Document: d.ID, DocumentName: d.Name, Name: d.Name}, d.Name})
	}
	cases, err := p.Cases()
	if err != nil {
		return nil, fmt.Errorf("scan: cases: %w", err)
	}
	attrs, err := p.Attributes()
	if err != nil {
		return nil, fmt.Errorf("scan: attributes: %w", err)
	}
	for _, c := range cases {
		out = append(out, nameField{ScanFinding{Place: store.PlaceCaseName, Case: c.ID, CaseName: c.Name, Name: c.Name}, c.Name})
		for _, a := range attrs {
			v, ok := c.Attributes[a.Name]
			if !ok || (a.Type != store.AttrText && a.Type != store.AttrCategory) {
				continue
			}
			out = append(out, nameField{ScanFinding{Place: store.PlaceAttributeValue, Case: c.ID, CaseName: c.Name, Attribute: a.Name, Name: v}, v})
		}
	}
	return out, nil
}

// sameWordsElsewhere finds, for every text found as an identifier, its
// other occurrences (whole words, in any case) that the detectors did not
// report: in every name for what was found anywhere, and in every
// transcript for what was found only in names. So "replace everywhere" on a
// name found in a transcript also takes it out of the document's name, the
// case's name and attribute values ("Jenny Holt interview"), and a name
// seen only in a case sheet is looked for in the transcripts. It returns
// those findings and how many were left out as dismissed.
func sameWordsElsewhere(docs []store.Document, fields []nameField, found []ScanFinding, dismissed map[dismissKey]bool) ([]ScanFinding, int) {
	type texts struct {
		kind       string
		confidence float64
		inText     bool
	}
	byText := map[string]*texts{}
	var order []string
	covered := map[string][][2]int{} // place key → spans already found
	for _, f := range found {
		k := strings.ToLower(strings.Join(strings.Fields(f.Text), " "))
		t, ok := byText[k]
		if !ok {
			t = &texts{kind: f.Kind}
			byText[k] = t
			order = append(order, f.Text)
		}
		t.confidence = max(t.confidence, f.Confidence)
		t.inText = t.inText || f.InText()
		covered[placeKey(f)] = append(covered[placeKey(f)], [2]int{f.Start, f.End})
	}
	overlaps := func(spans [][2]int, s [2]int) bool {
		for _, c := range spans {
			if s[0] < c[1] && c[0] < s[1] {
				return true
			}
		}
		return false
	}
	// lower-cased copies rule most places out with one strings.Contains
	// (Occurrences folds case rune by rune, as strings.ToLower does)
	fieldLower := make([]string, len(fields))
	for i, nf := range fields {
		fieldLower[i] = strings.ToLower(nf.value)
	}
	var docLower []string
	var out []ScanFinding
	skipped := 0
	for _, text := range order {
		lower := strings.ToLower(text)
		t := byText[strings.Join(strings.Fields(lower), " ")]
		for i, nf := range fields {
			if !strings.Contains(fieldLower[i], lower) {
				continue
			}
			k := placeKey(nf.ScanFinding)
			for _, s := range anonymise.Occurrences(nf.value, text) {
				if overlaps(covered[k], s) {
					continue
				}
				covered[k] = append(covered[k], s)
				f := nf.ScanFinding
				f.Finding = anonymise.Finding{Start: s[0], End: s[1], Kind: t.kind, Text: string([]rune(nf.value)[s[0]:s[1]]), Confidence: t.confidence}
				out = append(out, f)
			}
		}
		if t.inText {
			continue
		}
		if docLower == nil {
			docLower = make([]string, len(docs))
			for i, d := range docs {
				docLower[i] = strings.ToLower(d.Text)
			}
		}
		for i, d := range docs {
			if !strings.Contains(docLower[i], lower) {
				continue
			}
			k := placeKey(ScanFinding{Place: store.PlaceText, Document: d.ID})
			runes := []rune(d.Text)
			for _, s := range anonymise.Occurrences(d.Text, text) {
				if overlaps(covered[k], s) {
					continue
				}
				covered[k] = append(covered[k], s)
				if dismissed[dismissKey{doc: d.ID, start: s[0], end: s[1], kind: t.kind}] {
					skipped++
					continue
				}
				af := anonymise.Finding{Start: s[0], End: s[1], Kind: t.kind, Text: string(runes[s[0]:s[1]]), Confidence: t.confidence}
				out = append(out, ScanFinding{Place: textPlace(d, af), Document: d.ID, DocumentName: d.Name, Finding: af})
			}
		}
	}
	return out, skipped
}

// placeKey names the text or name a finding is in; a speaker label is in
// its document's text.
func placeKey(f ScanFinding) string {
	switch f.Place {
	case store.PlaceDocumentName:
		return fmt.Sprintf("d%d", f.Document)
	case store.PlaceCaseName:
		return fmt.Sprintf("c%d", f.Case)
	case store.PlaceAttributeValue:
		return fmt.Sprintf("a%d\x00%s", f.Case, f.Attribute)
	case store.PlaceMemo:
		return fmt.Sprintf("m%d", f.Memo.ID)
	}
	return fmt.Sprintf("t%d", f.Document)
}

// sortFindings puts text findings by document and start, then the names:
// documents', cases' and attribute values, then the memos, oldest first.
func sortFindings(fs []ScanFinding) {
	rank := func(f ScanFinding) int {
		switch f.Place {
		case store.PlaceDocumentName:
			return 1
		case store.PlaceCaseName:
			return 2
		case store.PlaceAttributeValue:
			return 3
		case store.PlaceMemo:
			return 4
		}
		return 0
	}
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		if a.Memo.ID != b.Memo.ID {
			return a.Memo.ID < b.Memo.ID
		}
		if a.Document != b.Document {
			return a.Document < b.Document
		}
		if a.Case != b.Case {
			return a.Case < b.Case
		}
		if a.Attribute != b.Attribute {
			return a.Attribute < b.Attribute
		}
		return a.Start < b.Start
	})
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
	case KindOrganisation:
		return "Organisation"
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
		if f.Place == store.PlaceMemo {
			g.Memos++
		}
		if f.InText() && (len(g.DocumentIDs) == 0 || g.DocumentIDs[len(g.DocumentIDs)-1] != f.Document) {
			g.DocumentIDs = append(g.DocumentIDs, f.Document)
		}
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if groups[i].Confidence != groups[j].Confidence {
			return groups[i].Confidence > groups[j].Confidence
		}
		return strings.ToLower(groups[i].Text) < strings.ToLower(groups[j].Text)
	})
	// suggestions in the order the groups are listed, so the Anonymise tab
	// reads [Name 1], [Name 2], … down the page
	for i := range groups {
		groups[i].Suggested = ps.For(groups[i].Kind, groups[i].Text)
	}
	return groups
}

// Occurrence is one place a pseudonym replaces an original: in a document's
// text, in a name (Place, Case and Attribute as in ScanFinding) or in memo
// Memo (Place store.PlaceMemo).
type Occurrence struct {
	Place      string
	Document   int64
	Case       int64
	Attribute  string
	Memo       int64
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
			if len(anonymise.Occurrences(with, o.Text)) > 0 {
				return ReplaceResult{}, fmt.Errorf("replace: %w: the pseudonym %q still holds the original %q", store.ErrInvalid, with, o.Text)
			}
			reps = append(reps, store.Replacement{Document: o.Document, Start: o.Start, End: o.End, With: with, Expect: o.Text,
				Place: o.Place, Case: o.Case, Attribute: o.Attribute, Memo: o.Memo})
			if o.Place == "" || o.Place == store.PlaceText || o.Place == store.PlaceSpeakerLabel {
				docs[o.Document] = true
			}
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
	w := csvsafe.NewWriter(f, 3, 4) // originals such as +44 phone numbers must not run as formulas
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
	return Occurrence{Place: f.Place, Document: f.Document, Case: f.Case, Attribute: f.Attribute, Memo: f.Memo.ID, Start: f.Start, End: f.End, Text: f.Text}
}
