package report

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"themis/coding"
	"themis/internal/csvsafe"
	"themis/internal/prose"
)

// AgreementTable is an agreement report ready to export, with what a methods
// section needs to say about it.
type AgreementTable struct {
	Report         coding.Report
	Title          string
	CoderA, CoderB string
	Words          int    // words in the compared documents
	Framework      string // e.g. "Keyes: flourishing"
	// Codebook is the framework's version the codes were applied under,
	// e.g. "v1 agreed, revision 11" (see store.CodebookVersion.Label).
	Codebook string
	Factors  int // number of factors the codes sit under
	// FrameworkCodes is the number of codable codes in the framework; when
	// more than the codes compared, the methods say only some were compared.
	FrameworkCodes int
	// Consensus names the coder that is a consensus layer, if either is,
	// and Settles the two coders whose disagreements it settled ("Aisha
	// and Ben"): the methods then describe a comparison with the consensus
	// rather than two independent coders.
	Consensus, Settles string
	// Statistic chooses the coefficient of the Markdown and HTML tables and
	// of the methods paragraph: a key of coding.Statistics ("kappa", the
	// default, "scottPi" …). CSV has them all.
	Statistic string
	// Sample, when the documents compared are a plan's double-coded
	// sample, says how it was drawn; the methods paragraph then says so.
	Sample *SampleDraw
}

// SampleDraw is how a reliability sample was drawn: Share per cent of the
// Total documents (Sampled of them), stratified by the case attribute By
// ("" for none), with Seed, for Coders to code independently.
type SampleDraw struct {
	Share          float64
	Sampled, Total int
	By             string
	Seed           int64
	Coders         []string
}

// Sentence says how the sample was drawn, for a methods section: "The
// reliability sample was 20 % of the documents (4 of 20), stratified by
// role, drawn with seed 1; coded independently by Aisha and Ben."
func (s SampleDraw) Sentence() string {
	var b strings.Builder
	share := strings.TrimSuffix(strings.TrimRight(strconv.FormatFloat(s.Share, 'f', 2, 64), "0"), ".")
	fmt.Fprintf(&b, "The reliability sample was %s %% of the documents (%d of %d)", share, s.Sampled, s.Total)
	if s.By != "" {
		fmt.Fprintf(&b, ", stratified by %s", s.By)
	}
	fmt.Fprintf(&b, ", drawn with seed %d", s.Seed)
	if len(s.Coders) > 0 {
		fmt.Fprintf(&b, "; coded independently by %s", JoinNames(s.Coders))
	}
	b.WriteString(".")
	return b.String()
}

// statistic is a coefficient of coding.Statistics with the way to read it
// from a row.
type statistic struct {
	coding.StatisticInfo
	value func(coding.Result) *float64
	ci    func(coding.Result) *[2]float64
}

// readers reads each of coding.Statistics' coefficients from a row.
var readers = map[string]struct {
	value func(coding.Result) *float64
	ci    func(coding.Result) *[2]float64
}{
	"kappa":             {func(r coding.Result) *float64 { return r.Kappa }, func(r coding.Result) *[2]float64 { return r.CI.Kappa }},
	"scottPi":           {func(r coding.Result) *float64 { return r.ScottPi }, func(r coding.Result) *[2]float64 { return r.CI.ScottPi }},
	"krippendorffAlpha": {func(r coding.Result) *float64 { return r.KrippendorffAlpha }, func(r coding.Result) *[2]float64 { return r.CI.KrippendorffAlpha }},
	"gwetAC1":           {func(r coding.Result) *float64 { return r.GwetAC1 }, func(r coding.Result) *[2]float64 { return r.CI.GwetAC1 }},
	"brennanPrediger":   {func(r coding.Result) *float64 { return r.BrennanPrediger }, func(r coding.Result) *[2]float64 { return r.CI.BrennanPrediger }},
}

// statistics are coding.Statistics, each with its reader.
var statistics = func() []statistic {
	out := make([]statistic, len(coding.Statistics))
	for i, info := range coding.Statistics {
		rd, ok := readers[info.Key]
		if !ok {
			panic("report: no reader for the statistic " + info.Key)
		}
		out[i] = statistic{info, rd.value, rd.ci}
	}
	return out
}()

func chosen(key string) statistic {
	for _, s := range statistics {
		if s.Key == key {
			return s
		}
	}
	return statistics[0]
}

// Reading puts a coefficient in words with Krippendorff's (2004)
// conventions: at least 0.800 reliable, at least 0.667 enough for tentative
// conclusions only, below that not reliable. It reads the unrounded value,
// as coding.FormatCoefficient prints it.
func Reading(v *float64) string {
	switch {
	case v == nil:
		return "undefined"
	case *v >= coding.Reliable:
		return "reliable (≥ 0.800)"
	case *v >= coding.Tentative:
		return "tentative (≥ 0.667)"
	}
	return "below 0.667"
}

// rows lists the report's rows grouped as people read them: each factor
// followed by its codes, then codes without a factor, then the overall row.
func rows(r coding.Report) []coding.Result {
	var out []coding.Result
	for _, f := range r.PerFactor {
		out = append(out, f)
		for _, c := range r.PerCode {
			if c.Factor == f.Factor {
				out = append(out, c)
			}
		}
	}
	for _, c := range r.PerCode {
		if c.Factor == 0 {
			out = append(out, c)
		}
	}
	return append(out, r.Overall)
}

func kind(r coding.Result) string {
	switch {
	case r.Code != 0:
		return "code"
	case r.Factor != 0:
		return "factor"
	}
	return "overall"
}

func num(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// three prints a coefficient for people: three decimals, or more when
// three would show it reaching a threshold it misses
// (coding.FormatCoefficient).
func three(v *float64) string { return coefficientOr(v, "undefined") }

// coefficientOr prints a coefficient as three does, or none when undefined.
func coefficientOr(v *float64, none string) string {
	if v == nil {
		return none
	}
	return coding.FormatCoefficient(*v)
}

func span(ci *[2]float64) string {
	if ci == nil {
		return ""
	}
	return coding.FormatCoefficient(ci[0]) + "–" + coding.FormatCoefficient(ci[1])
}

// AgreementCSV writes every row with every coefficient and interval, for
// spreadsheets and other statistics software: full precision, empty cells
// for undefined values.
func AgreementCSV(t AgreementTable) (string, error) {
	var b bytes.Buffer
	header := []string{"row", "label", "unit", "both", "only_a", "only_b", "neither", "agreement"}
	for _, s := range statistics {
		header = append(header, s.Key, s.Key+"_ci_low", s.Key+"_ci_high")
	}
	// The counts, agreement and coefficients are numbers (a κ of -0.12 must
	// stay one); labels, readings, notes and the codebook are text, which
	// csvsafe keeps from running as formulas.
	numbers := make([]int, 0, len(header))
	for i := 3; i < len(header); i++ {
		numbers = append(numbers, i)
	}
	w := csvsafe.NewWriter(&b, numbers...)
	header = append(header, "reading", "note", "codebook")
	w.Write(header)
	st := chosen(t.Statistic)
	for _, r := range rows(t.Report) {
		rec := []string{kind(r), r.Label, t.Report.Unit, strconv.FormatInt(r.Counts.Both, 10), strconv.FormatInt(r.Counts.OnlyA, 10),
			strconv.FormatInt(r.Counts.OnlyB, 10), strconv.FormatInt(r.Counts.Neither, 10), strconv.FormatFloat(r.Agreement, 'f', -1, 64)}
		for _, s := range statistics {
			lo, hi := "", ""
			if ci := s.ci(r); ci != nil {
				lo, hi = strconv.FormatFloat(ci[0], 'f', -1, 64), strconv.FormatFloat(ci[1], 'f', -1, 64)
			}
			rec = append(rec, num(s.value(r)), lo, hi)
		}
		rec = append(rec, Reading(st.value(r)), r.Note, codebookCell(t))
		w.Write(rec)
	}
	w.Flush()
	return b.String(), w.Error()
}

// codebookCell names the framework and its version in one CSV cell.
func codebookCell(t AgreementTable) string {
	if t.Codebook == "" {
		return t.Framework
	}
	return t.Framework + ", " + t.Codebook
}

// MethodsParagraph describes the comparison in the words of a methods
// section, from the report's own recorded inputs, so that the paragraph and
// the table can never disagree.
func MethodsParagraph(t AgreementTable) string {
	r := t.Report
	st := chosen(t.Statistic)
	codes := len(r.PerCode)
	var b strings.Builder
	if t.Consensus != "" {
		other := t.CoderA
		if other == t.Consensus {
			other = t.CoderB
		}
		fmt.Fprintf(&b, "The consensus coding (%s)", t.Consensus)
		if t.Settles != "" {
			fmt.Fprintf(&b, ", reached by adjudicating the disagreements between %s,", t.Settles)
		}
		fmt.Fprintf(&b, " was compared with %s's coding of %s (%s words)", other,
			prose.Count(len(r.Documents), "transcript", "transcripts"), thousands(t.Words))
	} else {
		fmt.Fprintf(&b, "Two coders (%s and %s) independently coded %s (%s words)", t.CoderA, t.CoderB,
			prose.Count(len(r.Documents), "transcript", "transcripts"), thousands(t.Words))
	}
	if t.Framework != "" {
		version := ""
		if t.Codebook != "" {
			version = "codebook " + t.Codebook + "; "
		}
		if t.FrameworkCodes > codes {
			if version != "" {
				version = " (" + strings.TrimSuffix(version, "; ") + ")"
			}
			fmt.Fprintf(&b, " against the framework “%s”%s; agreement is reported for %d of its %d codes (in %s)", t.Framework, version, codes, t.FrameworkCodes, prose.Count(t.Factors, "factor", "factors"))
		} else {
			fmt.Fprintf(&b, " against the framework “%s” (%s%d codes in %s)", t.Framework, version, codes, prose.Count(t.Factors, "factor", "factors"))
		}
	}
	if r.Unit == coding.UnitSegment {
		segmentMethods(&b, r, t.Sample)
		return b.String()
	}
	fmt.Fprintf(&b, ". Agreement was assessed per code with %s. %s was computed per code (%s)", unitPhrase(r), st.Label, st.Citation)
	if !st.Pooled {
		b.WriteString("; it is not pooled across codes.")
	} else {
		b.WriteString("; factor and overall figures pool their codes' mean observed and mean expected agreement (De Vries et al., 2008).")
	}
	if v := st.value(r.Overall); v != nil {
		fmt.Fprintf(&b, " Overall %s was %s", st.Symbol, three(v))
		if ci := st.ci(r.Overall); ci != nil {
			fmt.Fprintf(&b, " (95%% CI %s)", span(ci))
		}
		b.WriteString(".")
	}
	lo, hi, reliable, tentative, undefined := -1, -1, 0, 0, 0
	for i, c := range r.PerCode {
		v := st.value(c)
		if v == nil {
			undefined++
			continue
		}
		if lo < 0 || *v < *st.value(r.PerCode[lo]) {
			lo = i
		}
		if hi < 0 || *v > *st.value(r.PerCode[hi]) {
			hi = i
		}
		if *v >= coding.Reliable {
			reliable++
		} else if *v >= coding.Tentative {
			tentative++
		}
	}
	if lo >= 0 {
		fmt.Fprintf(&b, " Per code, %s ranged from %s (%s) to %s (%s); %d of %d codes reached 0.800 and a further %d reached 0.667 (Krippendorff's (2004) thresholds for reliable and for tentative conclusions).",
			st.Symbol, three(st.value(r.PerCode[lo])), r.PerCode[lo].Label, three(st.value(r.PerCode[hi])), r.PerCode[hi].Label, reliable, codes, tentative)
	}
	if undefined > 0 {
		fmt.Fprintf(&b, " For %s %s is undefined because there was no variation (neither coder used the code).",
			prose.Count(undefined, "code", "codes"), st.Symbol)
	}
	if r.Resamples > 0 {
		b.WriteString(intervalSentence(r))
	}
	b.WriteString(sampleSentence(t.Sample))
	fmt.Fprintf(&b, " Figures were computed with Themis (formula %s).", r.Formula)
	return b.String()
}

// segmentMethods ends the methods paragraph of a segment-match comparison,
// which has percent agreement per code and MAXQDA's kappa overall only.
func segmentMethods(b *strings.Builder, r coding.Report, sample *SampleDraw) {
	fmt.Fprintf(b, ". Agreement was assessed per code with %s. Percent agreement was computed per code: every unit is a coded segment, so no unit is left uncoded by both coders and chance-corrected coefficients are undefined per code", unitPhrase(r))
	o := r.Overall
	if o.Kappa != nil {
		fmt.Fprintf(b, ". Overall, %s of %s segments agreed; κ, computed as Brennan and Prediger's (1981) coefficient with chance agreement one over the number of codes (%d), as MAXQDA reports it, was %s",
			coding.FormatPercent(o.Agreement), thousands(int(o.Counts.Units())), len(r.PerCode), three(o.Kappa))
		if o.CI.Kappa != nil {
			fmt.Fprintf(b, " (95%% CI %s)", span(o.CI.Kappa))
		}
	}
	b.WriteString(".")
	if r.Resamples > 0 {
		b.WriteString(intervalSentence(r))
	}
	b.WriteString(sampleSentence(sample))
	fmt.Fprintf(b, " Figures were computed with Themis (formula %s).", r.Formula)
}

// sampleSentence says how the transcripts compared were drawn, when they
// are a plan's reliability sample; "" otherwise.
func sampleSentence(s *SampleDraw) string {
	if s == nil {
		return ""
	}
	return " " + s.Sentence()
}

// intervalSentence says how the intervals were made: what was resampled
// (documents, or speaker turns within them), how often, with which seed.
func intervalSentence(r coding.Report) string {
	what := "the documents"
	if r.Resampling == coding.ResampleTurns {
		what = "the speaker turns (turns are closer to independent than characters, but less so than documents, so these intervals may be narrow)"
	}
	return fmt.Sprintf(" Confidence intervals are percentile bootstrap intervals from %s resamples of %s (seed %d).", thousands(r.Resamples), what, r.Seed)
}

func unitPhrase(r coding.Report) string {
	switch r.Unit {
	case coding.UnitSegment:
		return fmt.Sprintf("each coded segment as the unit, as in MAXQDA: a coder's segment agreed when the other coder applied the same code to at least %g%% of it",
			math.Round(r.MinShare*1000)/10)
	case coding.UnitCharacter:
		return "each character as the unit of analysis, as in NVivo's coding comparison"
	case "document":
		return "document presence as the unit: whether each coder used the code in a transcript"
	}
	cover := "any part of it"
	if r.MinShare > 0 {
		cover = fmt.Sprintf("at least %g%% of it", math.Round(r.MinShare*1000)/10)
	}
	return fmt.Sprintf("each %s as the unit, counted as coded when a coder's segments covered %s", r.Unit, cover)
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// AgreementMarkdown renders a heading, the methods paragraph and a table of
// the chosen coefficient with its interval, reading and note. Labels are
// escaped so that a code name renders as written.
func AgreementMarkdown(t AgreementTable) string {
	st := chosen(t.Statistic)
	var b strings.Builder
	title := t.Title
	if title == "" {
		title = "Inter-coder agreement"
	}
	b.WriteString("# " + prose.MarkdownInline(collapseSpace(title)) + "\n\n")
	b.WriteString(prose.MarkdownInline(MethodsParagraph(t)) + "\n\n")
	unit := t.Report.Unit + "s"
	fmt.Fprintf(&b, "| Code | Both | Only A | Only B | Neither | Agreement | %s | 95%% CI | Reading | Note |\n", st.Symbol)
	b.WriteString("|:--|--:|--:|--:|--:|--:|--:|--:|:--|:--|\n")
	for _, r := range rows(t.Report) {
		label := cell(r.Label)
		if kind(r) != "code" {
			label = "**" + label + "**"
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %s | %s | %s | %s | %s |\n", label, r.Counts.Both, r.Counts.OnlyA,
			r.Counts.OnlyB, r.Counts.Neither, prose.MarkdownInline(coding.FormatPercent(r.Agreement)), three(st.value(r)), span(st.ci(r)), Reading(st.value(r)), cell(r.Note))
	}
	fmt.Fprintf(&b, "\nCounts are %s; A is %s and B is %s.\n", unit, prose.MarkdownInline(t.CoderA), prose.MarkdownInline(t.CoderB))
	return b.String()
}

// cell escapes text for a Markdown table cell.
func cell(s string) string {
	return strings.ReplaceAll(prose.MarkdownInline(collapseSpace(s)), "|", `\|`)
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(prose.CleanText(s)), " ") }

var tableRenderer = goldmark.New(goldmark.WithExtensions(extension.Table))

// AgreementHTML renders [AgreementMarkdown] as a standalone page (goldmark,
// raw HTML never passed through).
func AgreementHTML(t AgreementTable) (string, error) {
	var body bytes.Buffer
	if err := tableRenderer.Convert([]byte(AgreementMarkdown(t)), &body); err != nil {
		return "", err
	}
	title := t.Title
	if title == "" {
		title = "Inter-coder agreement"
	}
	return page(title, body.Bytes(), tableStyle), nil
}

const tableStyle = `main { max-width: 64rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: 1.5rem 0; }
th, td { padding: .3rem .5rem; border-bottom: 1px solid #ddd; }
th { border-bottom: 2px solid #888; }
`
