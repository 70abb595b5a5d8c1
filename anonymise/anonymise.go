package anonymise

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Finding is one likely identifier in a text. Start and End are Unicode code
// points, 0-based, end exclusive; Text is exactly the text between them.
type Finding struct {
	Start, End int
	Kind       string
	Text       string
	// Confidence in [0, 1]: how sure the detector is that the text is an
	// identifier of this kind.
	Confidence float64
}

// Options tune a scan.
type Options struct {
	// Names are speaker names found in the corpus (turn labels). Role
	// labels and participant IDs ("Interviewer", "P003", "Link worker 2")
	// are ignored; every word of a real name is looked for as a name.
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

// candidate is a finding in byte offsets, before overlaps are resolved.
type candidate struct {
	start, end int // bytes
	kind       string
	conf       float64
}

// Scan finds likely identifiers in text. The result is sorted by Start and
// its spans do not overlap: where two detectors claim overlapping text the
// longer, then the more confident, finding wins.
func Scan(text string, opt Options) []Finding {
	var cands []candidate
	cands = scanEmails(text, cands)
	cands = scanURLs(text, cands)
	// the detectors of things with digits in them only look at lines with digits
	cands = perLine(text, hasDigit, func(line string, out []candidate) []candidate {
		out = scanNHSNumbers(line, out)
		out = scanPhones(line, out)
		out = scanPostcodes(line, out)
		out = scanNINumbers(line, out)
		out = scanDates(line, out)
		return scanNumberedAddresses(line, out)
	}, cands)
	cands = scanNamedStreets(text, cands)
	cands = scanNames(text, newNameSet(opt.Names), cands)
	return resolve(text, cands)
}

// perLine runs scan over each line of text that need accepts, moving the
// candidates' offsets back into text.
func perLine(text string, need func(string) bool, scan func(string, []candidate) []candidate, out []candidate) []candidate {
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if line := text[start:end]; need(line) {
			n := len(out)
			out = scan(line, out)
			for i := n; i < len(out); i++ {
				out[i].start += start
				out[i].end += start
			}
		}
		start = end + 1
	}
	return out
}

// resolve turns byte-offset candidates into code-point findings, sorted and
// non-overlapping.
func resolve(text string, cands []candidate) []Finding {
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := cands[i].end-cands[i].start, cands[j].end-cands[j].start
		if li != lj {
			return li > lj
		}
		if cands[i].conf != cands[j].conf {
			return cands[i].conf > cands[j].conf
		}
		return cands[i].start < cands[j].start
	})
	var kept []candidate
	for _, c := range cands {
		if c.end <= c.start {
			continue
		}
		// kept is sorted by start; find the first kept candidate ending after c starts
		i := sort.Search(len(kept), func(i int) bool { return kept[i].end > c.start })
		if i < len(kept) && kept[i].start < c.end {
			continue
		}
		kept = append(kept, candidate{})
		copy(kept[i+1:], kept[i:])
		kept[i] = c
	}
	out := make([]Finding, 0, len(kept))
	pos, cp := 0, 0
	for _, k := range kept {
		cp += utf8.RuneCountInString(text[pos:k.start])
		s := cp
		cp += utf8.RuneCountInString(text[k.start:k.end])
		pos = k.end
		out = append(out, Finding{Start: s, End: cp, Kind: k.kind, Text: text[k.start:k.end], Confidence: k.conf})
	}
	return out
}
