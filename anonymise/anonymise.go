package anonymise

import (
	"regexp"
	"sort"
	"unicode/utf8"
)

// Finding is one likely identifier in a text. Start and End are Unicode code
// points, 0-based, end exclusive; Text is exactly the text between them.
type Finding struct {
	Start, End int
	Kind       string
	Text       string
	Confidence float64
}

// Options tune a scan.
type Options struct {
	// Names are speaker names found in the corpus; each occurrence is a name.
	Names []string
}

// The kinds of finding.
const (
	KindEmail     = "email"
	KindPhone     = "phone"
	KindPostcode  = "postcode"
	KindNHSNumber = "nhs_number"
	KindNINumber  = "ni_number"
	KindDate      = "date"
	KindAddress   = "address"
	KindURL       = "url"
	KindName      = "name"
)

// Kinds lists every kind, in the order the review screen shows them.
var Kinds = []string{KindName, KindEmail, KindPhone, KindPostcode, KindAddress, KindNHSNumber, KindNINumber, KindDate, KindURL}

var (
	reEmail = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
)

// Scan finds likely identifiers in text. The result is sorted by Start and
// its spans do not overlap: where two detectors claim overlapping text the
// longer, then more confident, finding wins.
func Scan(text string, opt Options) []Finding {
	var cands []Finding
	for _, m := range reEmail.FindAllStringIndex(text, -1) {
		cands = append(cands, Finding{Start: m[0], End: m[1], Kind: KindEmail, Confidence: 0.99})
	}
	return resolve(text, cands)
}

// resolve turns byte-offset candidates into code-point findings, sorted and
// non-overlapping.
func resolve(text string, cands []Finding) []Finding {
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := cands[i].End-cands[i].Start, cands[j].End-cands[j].Start
		if li != lj {
			return li > lj
		}
		return cands[i].Confidence > cands[j].Confidence
	})
	var kept []Finding
	for _, c := range cands {
		overlap := false
		for _, k := range kept {
			if c.Start < k.End && k.Start < c.End {
				overlap = true
				break
			}
		}
		if !overlap {
			kept = append(kept, c)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].Start < kept[j].Start })
	out := make([]Finding, 0, len(kept))
	pos, cp := 0, 0
	for _, k := range kept {
		cp += utf8.RuneCountInString(text[pos:k.Start])
		s := cp
		cp += utf8.RuneCountInString(text[k.Start:k.End])
		pos = k.End
		out = append(out, Finding{Start: s, End: cp, Kind: k.Kind, Text: text[k.Start:k.End], Confidence: k.Confidence})
	}
	return out
}
