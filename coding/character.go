package coding

import (
	"fmt"
	"slices"
	"sort"
)

// Segment is one coder's application of one code to a span of one document;
// offsets are code points, end exclusive.
type Segment struct {
	Document, Code, Coder int64
	Start, End            int
}

// DocumentLength is a document's length in code points. Turns optionally
// lists where its speaker turns start, for [Report.BootstrapTurns].
type DocumentLength struct {
	ID     int64
	Length int
	Turns  []int
}

// Code is a code of the framework as the statistics need it. Factor is the
// parent factor's ID, 0 when the code has no parent factor.
type Code struct {
	ID         int64
	Name       string
	Factor     int64
	FactorName string
}

// FormulaCohenKappa identifies the formulas of a [Report]: Cohen's
// (1960) kappa per code and De Vries et al.'s (2008) pooled kappa for factor
// and overall rows. Bump the version whenever a formula changes, so that a
// recorded figure can always be traced to the formula that produced it.
const FormulaCohenKappa = "cohen-kappa/v1"

// UnitCharacter is the unit of analysis of [CharacterAgreement]; the units
// of [UnitAgreement] are named by its caller ("turn", "sentence", ...).
const UnitCharacter = "character"

// LabelAllCodes is the label of the overall row.
const LabelAllCodes = "All codes"

// CodebookVersion names the codebook a report's codes came from, so a figure
// can be traced to the definitions the coders worked with. The statistics do
// not read it; the caller sets it.
type CodebookVersion struct {
	Framework int64  `json:"framework"`
	Name      string `json:"name"`     // "Keyes: flourishing"
	Revision  int    `json:"revision"` // counts the codebook's changes
	Label     string `json:"label"`    // "v1 agreed, revision 11"
}

// Report is the result of [CharacterAgreement], with the inputs that
// produced it.
type Report struct {
	CoderA, CoderB int64
	Documents      []int64 // the documents compared, without duplicates, in the order given
	Unit           string  // UnitCharacter, or the unit given to UnitAgreement
	MinShare       float64 // UnitAgreement: share of a unit that counts as coding it (0: any overlap)
	Formula        string  // FormulaCohenKappa
	Codebook       CodebookVersion
	PerCode        []Result
	// PerFactor has one row per distinct non-zero factor, in first-seen order,
	// pooling its child codes (see [PooledKappa]).
	PerFactor []Result
	Overall   Result // all codes pooled

	// Set by [Report.Bootstrap]: the number of resamples, the seed, and what
	// was resampled ("document").
	Resamples  int
	Seed       int64
	Resampling string

	perDoc [][]Counts // [code][document] tables, for the bootstrap
	// perTurn[code][t] are the tables of the documents' turns, in document
	// order, when every document gave its turns (see [Report.BootstrapTurns]).
	perTurn [][]Counts
	codes   []Code // the codes of PerCode, in order
	nameA   string
	nameB   string
}

// CharacterAgreement treats every code point of every given document as a
// unit and compares two coders per code (NVivo's coding comparison).
//
// PerCode follows the order of codes (a code ID given twice is reported once,
// with its first entry). Segments of other coders, documents or codes are
// ignored; segments are clipped to their document; a coder's overlapping or
// adjacent segments of one code count each character once. A document ID
// given twice counts once, with its first length; negative lengths count as 0.
// nameA and nameB are the coders' display names, used in notes.
//
// It sorts the segments once and merges them: O(s log s) time and O(s) memory
// in the number of segments s, independent of the documents' lengths.
func CharacterAgreement(docs []DocumentLength, codes []Code, coderA, coderB int64, nameA, nameB string, segs []Segment) Report {
	rep := newReport(coderA, coderB, UnitCharacter)
	entries := make([]docEntry, len(docs))
	for i, d := range docs {
		entries[i] = docEntry{id: d.ID, length: d.Length, turns: d.Turns}
	}
	perCode, uniq := compare(&rep, entries, codes, coderA, coderB, segs, func(_ docEntry, ua, ub []Span) Counts {
		la, lb, both := CoveredLen(ua), CoveredLen(ub), IntersectLen(ua, ub)
		return Counts{Both: int64(both), OnlyA: int64(la - both), OnlyB: int64(lb - both)}
	})
	return rows(rep, perCode, uniq, nameA, nameB)
}

// newReport starts a report with its recorded inputs and empty rows.
func newReport(coderA, coderB int64, unit string) Report {
	return Report{CoderA: coderA, CoderB: coderB, Documents: []int64{}, Unit: unit, Formula: FormulaCohenKappa,
		PerCode: []Result{}, PerFactor: []Result{}}
}

// rows fills in the report's per-code, per-factor and overall rows.
func rows(rep Report, perCode []Counts, uniq []Code, nameA, nameB string) Report {
	rep.nameA, rep.nameB = nameA, nameB
	for i, c := range uniq {
		rep.PerCode = append(rep.PerCode, newResult(c.Name, c.ID, c.Factor, perCode[i:i+1], codeRow, rep.Unit, nameA, nameB))
	}
	for _, g := range factorGroups(uniq) {
		tables := make([]Counts, len(g.codes))
		for x, i := range g.codes {
			tables[x] = perCode[i]
		}
		rep.PerFactor = append(rep.PerFactor, newResult(g.name, 0, g.id, tables, pooledRow, rep.Unit, nameA, nameB))
	}
	rep.Overall = newResult(LabelAllCodes, 0, 0, perCode, pooledRow, rep.Unit, nameA, nameB)
	return rep
}

// factorGroup is a factor and the indices of its codes in a code list.
type factorGroup struct {
	id    int64
	name  string
	codes []int
}

// factorGroups groups codes by factor, factors in first-seen order; codes
// without a factor belong to none. A factor without a name is "Factor N".
func factorGroups(codes []Code) []*factorGroup {
	var groups []*factorGroup
	index := map[int64]*factorGroup{}
	for i, c := range codes {
		if c.Factor == 0 {
			continue
		}
		g, ok := index[c.Factor]
		if !ok {
			name := c.FactorName
			if name == "" {
				name = fmt.Sprintf("Factor %d", c.Factor)
			}
			g = &factorGroup{id: c.Factor, name: name}
			index[c.Factor] = g
			groups = append(groups, g)
		}
		g.codes = append(g.codes, i)
	}
	return groups
}

// docEntry is a document as compare sees it: its length and, for units other
// than characters, its units (nil for characters).
type docEntry struct {
	id     int64
	length int
	units  []Span
	turns  []int // where turns start, for turn resampling; nil when not given
}

// unitCount is the number of units in the document: its characters, or its units.
func (d docEntry) unitCount() int64 {
	if d.units == nil {
		return int64(d.length)
	}
	return int64(len(d.units))
}

// compare does what every unit of analysis shares: it keeps each document and
// code once, collects each coder's clipped segments per (code, document),
// unions them, and lets count turn the two unions into a table. Neither is
// filled in from each document's number of units. It records the documents
// in rep, and keeps the per-document tables there for [Report.Bootstrap].
//
// It sorts the segments once and merges them: O(s log s) time and O(s)
// memory in the number of segments s, plus the units walked by count.
func compare(rep *Report, docs []docEntry, codes []Code, coderA, coderB int64, segs []Segment, count func(d docEntry, ua, ub []Span) Counts) ([]Counts, []Code) {
	kept, docIndex, ids := keepDocuments(docs)
	rep.Documents = append(rep.Documents, ids...)
	uniq, codeIndex := keepCodes(codes)

	// Collect the relevant, clipped, non-empty segments, tagged with the
	// coder's role (0 = A, 1 = B; a segment counts for both if A == B).
	entries := make([]taggedSpan, 0, len(segs))
	for _, s := range segs {
		isA, isB := s.Coder == coderA, s.Coder == coderB
		if !isA && !isB {
			continue
		}
		ci, ok := codeIndex[s.Code]
		if !ok {
			continue
		}
		di, ok := docIndex[s.Document]
		if !ok {
			continue
		}
		sp, ok := clip(Span{s.Start, s.End}, kept[di].length)
		if !ok {
			continue
		}
		if isA {
			entries = append(entries, taggedSpan{int32(ci), int32(di), 0, sp})
		}
		if isB {
			entries = append(entries, taggedSpan{int32(ci), int32(di), 1, sp})
		}
	}
	sortTagged(entries)

	// Walk each (code, document) group: union each coder's spans (already
	// sorted) into scratch buffers and intersect them.
	// perDoc[code][doc] is one code's table in one document, kept so that a
	// bootstrap can resample documents without comparing segments again.
	perDoc := make([][]Counts, len(uniq))
	for i := range perDoc {
		perDoc[i] = make([]Counts, len(kept))
	}
	// With every document's turns known (and a unit that can be split), each
	// document is also cut into its turns, and each code gets a table per
	// turn, for resampling turns instead of documents.
	var perTurn [][]Counts
	var parts [][]turnPart
	var firstTurn []int
	if rep.Unit != UnitSegment && rep.Unit != "document" && len(kept) > 0 && !slices.ContainsFunc(kept, func(d docEntry) bool { return d.turns == nil }) {
		parts = make([][]turnPart, len(kept))
		firstTurn = make([]int, len(kept))
		total := 0
		for d, doc := range kept {
			parts[d] = cutTurns(doc)
			firstTurn[d] = total
			total += len(parts[d])
		}
		perTurn = make([][]Counts, len(uniq))
		for i := range perTurn {
			perTurn[i] = make([]Counts, total)
		}
	}
	var ua, ub []Span
	for i := 0; i < len(entries); {
		code, doc := entries[i].code, entries[i].doc
		ua, ub = ua[:0], ub[:0]
		for ; i < len(entries) && entries[i].code == code && entries[i].doc == doc; i++ {
			if entries[i].coder == 0 {
				ua = append(ua, entries[i].span)
			} else {
				ub = append(ub, entries[i].span)
			}
		}
		ua, ub = mergeSorted(ua), mergeSorted(ub)
		perDoc[code][doc] = count(kept[doc], ua, ub)
		if perTurn != nil {
			for t, part := range parts[doc] {
				perTurn[code][firstTurn[doc]+t] = count(part.docEntry, within(ua, part.span), within(ub, part.span))
			}
		}
	}
	perCode := make([]Counts, len(uniq))
	for i := range perDoc {
		for d, doc := range kept {
			c := &perDoc[i][d]
			if rep.Unit != UnitSegment { // segment match has no "neither" units
				c.Neither = doc.unitCount() - c.Both - c.OnlyA - c.OnlyB
			}
			perCode[i] = perCode[i].Add(*c)
		}
	}
	for i := range perTurn {
		for d := range kept {
			for t, part := range parts[d] {
				c := &perTurn[i][firstTurn[d]+t]
				c.Neither = part.unitCount() - c.Both - c.OnlyA - c.OnlyB
			}
		}
	}
	rep.perDoc, rep.perTurn, rep.codes = perDoc, perTurn, uniq

	return perCode, uniq
}

// keepDocuments drops repeated documents (the first entry wins), clips
// lengths at 0 and units to their document, and indexes what is kept.
func keepDocuments(docs []docEntry) (kept []docEntry, index map[int64]int, ids []int64) {
	index = make(map[int64]int, len(docs))
	for _, d := range docs {
		if _, dup := index[d.id]; dup {
			continue
		}
		index[d.id] = len(kept)
		d.length = max(d.length, 0)
		if d.units != nil {
			d.units = clipUnits(d.units, d.length)
		}
		kept = append(kept, d)
		ids = append(ids, d.id)
	}
	return kept, index, ids
}

// keepCodes drops repeated codes (the first entry wins) and indexes the rest.
func keepCodes(codes []Code) (kept []Code, index map[int64]int) {
	index = make(map[int64]int, len(codes))
	for _, c := range codes {
		if _, dup := index[c.ID]; dup {
			continue
		}
		index[c.ID] = len(kept)
		kept = append(kept, c)
	}
	return kept, index
}

// turnPart is one turn of a document as compare counts it: the document
// entry restricted to the turn.
type turnPart struct {
	docEntry
	span Span
}

// cutTurns cuts a document at its turns' starts into parts that cover it
// exactly (the first part starts at 0, the last ends at the document's end),
// so that the turns' tables sum to the document's table. Units go to the
// part they start in.
func cutTurns(d docEntry) []turnPart {
	cuts := []int{0}
	for _, t := range slices.Sorted(slices.Values(d.turns)) {
		if t > cuts[len(cuts)-1] && t < d.length {
			cuts = append(cuts, t)
		}
	}
	out := make([]turnPart, 0, len(cuts))
	u := 0
	for i, from := range cuts {
		to := d.length
		if i+1 < len(cuts) {
			to = cuts[i+1]
		}
		part := turnPart{docEntry: docEntry{id: d.id, length: to - from}, span: Span{from, to}}
		if d.units != nil {
			start := u
			for u < len(d.units) && d.units[u].Start < to {
				u++
			}
			part.units = d.units[start:u]
		}
		out = append(out, part)
	}
	return out
}

// within clips a sorted, merged span list to s.
func within(spans []Span, s Span) []Span {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > s.Start })
	var out []Span
	for ; i < len(spans) && spans[i].Start < s.End; i++ {
		out = append(out, Span{max(spans[i].Start, s.Start), min(spans[i].End, s.End)})
	}
	return out
}
