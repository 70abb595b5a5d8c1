package project

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"themis/coding"
	"themis/interop"
	"themis/store"
)

// CaseMatch is a document linked to a case by a case sheet, and how.
type CaseMatch struct {
	Case     string
	Document string
	// How: "document column" (the sheet names the document), "same name"
	// (the case is called as the document is) or "name within" (the case's
	// name is a whole part of exactly one document's name, as ID1 in
	// "qualcoder-ID1").
	How string
}

// CaseSheetResult reports what importing a case sheet did.
type CaseSheetResult struct {
	File           string
	NameColumn     string
	DocumentColumn string
	Attributes     []interop.SheetAttribute
	Cases          int // rows of the sheet
	store.CaseImport
	Matches          []CaseMatch
	UnknownDocuments []string // named in the document column but not in the project
	Unmatched        []string // cases no document was linked to
}

// ImportCaseSheet reads a CSV or XLSX case sheet and stores its cases,
// typed attributes and document links in one transaction (see
// interop.ParseCaseSheet and store.ImportCases). A sheet that cannot be used
// leaves the project unchanged and the error names the file, row and column.
func ImportCaseSheet(p *store.Project, path string, opt interop.Options, actor int64) (CaseSheetResult, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return CaseSheetResult{}, err
	}
	return ImportCaseSheetData(p, filepath.Base(path), data, opt, actor)
}

// ImportCaseSheetData is ImportCaseSheet for a sheet already in memory.
func ImportCaseSheetData(p *store.Project, name string, data []byte, opt interop.Options, actor int64) (CaseSheetResult, error) {
	sheet, err := interop.ParseCaseSheet(name, data, opt)
	if err != nil {
		return CaseSheetResult{}, err
	}
	res := CaseSheetResult{File: name, NameColumn: sheet.NameColumn, DocumentColumn: sheet.DocumentColumn,
		Attributes: sheet.Attributes, Cases: len(sheet.Rows)}
	docs, err := p.Documents()
	if err != nil {
		return res, err
	}
	links := matchDocuments(sheet, docs, &res)
	in := store.CaseSheet{Source: name}
	for _, a := range sheet.Attributes {
		in.Attributes = append(in.Attributes, store.Attribute{Name: a.Name, Type: a.Type})
	}
	linked := map[string]bool{}
	for _, m := range res.Matches {
		linked[strings.ToLower(m.Case)] = true
	}
	for _, r := range sheet.Rows {
		in.Cases = append(in.Cases, store.SheetCase{Name: r.Name, Row: r.Row, Values: r.Values, Documents: links[r.Name]})
		if !linked[strings.ToLower(r.Name)] {
			res.Unmatched = append(res.Unmatched, r.Name)
		}
	}
	imp, err := p.ImportCases(in, actor)
	if err != nil {
		return res, err
	}
	res.CaseImport = imp
	return res, nil
}

// matchDocuments finds the documents of each case: those its row names in
// the document column; without one, the document called as the case, else
// the one document whose name holds the case's name as whole words.
func matchDocuments(sheet interop.CaseSheet, docs []store.DocumentInfo, res *CaseSheetResult) map[string][]int64 {
	links := map[string][]int64{}
	byName := map[string]store.DocumentInfo{}
	for _, d := range docs {
		byName[docKey(d.Name)] = d
	}
	if sheet.DocumentColumn != "" {
		for _, r := range sheet.Rows {
			for _, n := range r.Documents {
				d, ok := byName[docKey(n)]
				if !ok {
					res.UnknownDocuments = append(res.UnknownDocuments, n)
					continue
				}
				links[r.Name] = append(links[r.Name], d.ID)
				res.Matches = append(res.Matches, CaseMatch{r.Name, d.Name, "document column"})
			}
		}
		return links
	}
	taken := map[int64]bool{}
	for _, r := range sheet.Rows {
		if d, ok := byName[docKey(r.Name)]; ok {
			links[r.Name] = []int64{d.ID}
			taken[d.ID] = true
			res.Matches = append(res.Matches, CaseMatch{r.Name, d.Name, "same name"})
		}
	}
	// A document whose name holds two cases' names is claimed by neither.
	claims := map[int64][]string{}
	for _, r := range sheet.Rows {
		if _, ok := links[r.Name]; ok {
			continue
		}
		var found []store.DocumentInfo
		for _, d := range docs {
			if !taken[d.ID] && containsWords(d.Name, r.Name) {
				found = append(found, d)
			}
		}
		if len(found) == 1 {
			claims[found[0].ID] = append(claims[found[0].ID], r.Name)
		}
	}
	for _, d := range docs {
		if cs := claims[d.ID]; len(cs) == 1 {
			links[cs[0]] = []int64{d.ID}
			res.Matches = append(res.Matches, CaseMatch{cs[0], d.Name, "name within"})
		}
	}
	sort.SliceStable(res.Matches, func(i, j int) bool { return res.Matches[i].Document < res.Matches[j].Document })
	return links
}

// docKey compares document names without regard to case, extension or the
// separators file names use for spaces.
func docKey(name string) string {
	name = strings.TrimSpace(name)
	if ext := filepath.Ext(name); ext != "" && len(ext) <= 5 && !strings.ContainsAny(ext, " ") {
		name = strings.TrimSuffix(name, ext)
	}
	return strings.Join(words(name), " ")
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// containsWords: the words of name appear together, in order, in doc.
func containsWords(doc, name string) bool {
	d, n := words(doc), words(name)
	if len(n) == 0 {
		return false
	}
	for i := 0; i+len(n) <= len(d); i++ {
		match := true
		for j := range n {
			if d[i+j] != n[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// Leaving excluded turns out of analysis. A turn whose speaker is marked
// not to be coded (an interviewer) is not part of any unit: its characters
// are taken out of the character continuum, its turns, sentences and
// paragraphs are not units, and a segment lying entirely inside such turns
// is neither compared nor quoted.

// dropExcludedSegments keeps the segments that do not lie entirely inside
// excluded turns.
func dropExcludedSegments(segs []coding.Segment, ex map[int64]store.Exclusion) []coding.Segment {
	if len(ex) == 0 {
		return segs
	}
	kept := segs[:0]
	for _, s := range segs {
		if e, ok := ex[s.Document]; ok && e.Contains(s.Start, s.End) {
			continue
		}
		kept = append(kept, s)
	}
	return kept
}

// withoutExcluded cuts the excluded turns out of the documents for
// character units: each document is shortened by their characters, and
// offsets after them move back, so every remaining character is one unit,
// exactly once. Segments are cut where they cross an excluded turn.
func withoutExcluded(docs []coding.DocumentLength, segs []coding.Segment, ex map[int64]store.Exclusion) ([]coding.DocumentLength, []coding.Segment) {
	if len(ex) == 0 {
		return docs, segs
	}
	outDocs := make([]coding.DocumentLength, len(docs))
	for i, d := range docs {
		e := ex[d.ID].Excluded
		outDocs[i] = d
		for _, s := range e {
			outDocs[i].Length -= min(s.End, d.Length) - min(s.Start, d.Length)
		}
		if d.Turns != nil {
			var turns []int
			for _, t := range d.Turns {
				m := mapOffset(e, t)
				if n := len(turns); n == 0 || turns[n-1] != m {
					turns = append(turns, m)
				}
			}
			outDocs[i].Turns = turns
		}
	}
	outSegs := make([]coding.Segment, 0, len(segs))
	for _, s := range segs {
		e := ex[s.Document].Excluded
		if len(e) == 0 {
			outSegs = append(outSegs, s)
			continue
		}
		start := s.Start
		for _, x := range e {
			if x.End <= start || x.Start >= s.End {
				continue
			}
			if x.Start > start {
				p := s
				p.Start, p.End = mapOffset(e, start), mapOffset(e, x.Start)
				outSegs = append(outSegs, p)
			}
			start = max(start, x.End)
		}
		if start < s.End {
			p := s
			p.Start, p.End = mapOffset(e, start), mapOffset(e, s.End)
			outSegs = append(outSegs, p)
		}
	}
	return outDocs, outSegs
}

// mapOffset moves an offset back by the excluded characters before it; an
// offset inside an excluded span goes to where the span was.
func mapOffset(ex []store.Span, x int) int {
	shift := 0
	for _, s := range ex {
		if s.Start >= x {
			break
		}
		shift += min(s.End, x) - s.Start
	}
	return x - shift
}

// excludedUnits drops the units lying entirely inside excluded turns.
func excludedUnits(u coding.DocumentUnits, e store.Exclusion) coding.DocumentUnits {
	kept := u.Units[:0]
	for _, s := range u.Units {
		if !e.Contains(s.Start, s.End) {
			kept = append(kept, s)
		}
	}
	u.Units = kept
	return u
}

// describeSheet is the one-line summary of an import for people.
func describeSheet(r CaseSheetResult) string {
	return fmt.Sprintf("%s: %d cases (%d new, %d updated), %d attributes (%d new), %d documents linked",
		r.File, r.Cases, r.Added, r.Updated, len(r.Attributes), r.CaseImport.Attributes, r.Linked)
}

// CaseSheetSummary describes an import in lines for the CLI and the UI:
// the totals, each attribute's type, each document matched, and what did not
// match.
func CaseSheetSummary(r CaseSheetResult) []string {
	lines := []string{describeSheet(r)}
	for _, a := range r.Attributes {
		how := "given"
		if a.Inferred {
			how = "inferred"
		}
		line := fmt.Sprintf("  attribute %q: %s (%s)", a.Name, a.Type, how)
		if a.Type == interop.TypeCategory {
			line += ": " + strings.Join(a.Values, ", ")
		}
		lines = append(lines, line)
	}
	for _, m := range r.Matches {
		lines = append(lines, fmt.Sprintf("  %s → %s (%s)", m.Document, m.Case, m.How))
	}
	if len(r.UnknownDocuments) > 0 {
		lines = append(lines, "  not in the project: "+strings.Join(r.UnknownDocuments, ", "))
	}
	if len(r.Unmatched) > 0 {
		lines = append(lines, "  cases without a document: "+strings.Join(r.Unmatched, ", "))
	}
	return lines
}

// caseAt is the case a passage starting at offset is attributed to: the
// case of its turn's speaker when that speaker is linked to one (a voice of
// a focus group), else the document's case.
func (a *attributor) caseAt(d store.Document, offset int) (string, error) {
	tcs, ok := a.turnCases[d.ID]
	if !ok {
		var err error
		if tcs, err = a.p.TurnCases(d.ID); err != nil {
			return "", err
		}
		a.turnCases[d.ID] = tcs
	}
	for i, t := range d.TurnSpans {
		if offset >= t.Start && offset < t.End && i < len(tcs) {
			return tcs[i].Case, nil
		}
	}
	return d.Case, nil
}
