package main

import (
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"themis/coding"
)

// reliabilityJSON is the --json output: cohen_kappa and scott_pi appear only
// for two coders, pairwise_agreement only for three or more (with two it is
// percent_agreement).
type reliabilityJSON struct {
	Coders            []string          `json:"coders"`
	Units             int               `json:"units"`
	PairableUnits     int               `json:"pairable_units"`
	Level             coding.Level      `json:"level"`
	PercentAgreement  coding.Statistic  `json:"percent_agreement"`
	PairwiseAgreement *coding.Statistic `json:"pairwise_agreement,omitempty"`
	CohenKappa        *coding.Statistic `json:"cohen_kappa,omitempty"`
	ScottPi           *coding.Statistic `json:"scott_pi,omitempty"`
	FleissKappa       coding.Statistic  `json:"fleiss_kappa"`
	GwetAC1           coding.Statistic  `json:"gwet_ac1"`
	BrennanPrediger   coding.Statistic  `json:"brennan_prediger"`
	KrippendorffAlpha coding.Statistic  `json:"krippendorff_alpha"`
}

func cmdReliability(args []string, out io.Writer) error {
	if wantsUnitized(args) {
		return cmdUnitized(args, out)
	}
	fs := flag.NewFlagSet("reliability", flag.ContinueOnError)
	levelName := fs.String("level", "nominal", "level of measurement: nominal, ordinal, interval or ratio")
	categories := fs.Int("categories", 0, "number of possible categories for Gwet's AC1 and Brennan–Prediger (default: those observed)")
	header := fs.Bool("header", false, "the first row names the coders")
	order := fs.String("order", "", "the categories from lowest to highest, comma-separated (text labels at the ordinal, interval or ratio level)")
	boot := fs.Int("bootstrap", 0, "resamples of the units for 95% confidence intervals (at most 100000)")
	seed := fs.Int64("seed", 1, "random seed of the bootstrap")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	level, err := coding.ParseLevel(*levelName)
	if err != nil {
		return usageError{err.Error()}
	}
	if *categories < 0 {
		return usageError{"--categories must not be negative"}
	}
	if *boot < 0 || *boot > coding.MaxResamples {
		return usageError{fmt.Sprintf("--bootstrap is a number of resamples from 0 to %d, got %d", coding.MaxResamples, *boot)}
	}
	var orderLabels []string
	if *order != "" {
		seen := map[string]bool{}
		for _, l := range strings.Split(*order, ",") {
			l = strings.TrimSpace(l)
			if l == "" || seen[l] {
				return usageError{fmt.Sprintf("--order lists each category once, lowest first, separated by commas (e.g. --order low,medium,high); got %q", *order)}
			}
			seen[l] = true
			orderLabels = append(orderLabels, l)
		}
	}
	coders, units, err := readReliabilityCSV(pos[0], *header)
	if err != nil {
		return err
	}
	firstRow := 1
	if *header {
		firstRow = 2
	}
	r, err := coding.ReliabilityOf(coders, units, coding.ReliabilityOptions{
		Level: level, Order: orderLabels, Categories: *categories, Bootstrap: *boot, Seed: *seed})
	var ve *coding.ValueError
	var re *coding.RaggedError
	switch {
	case errors.As(err, &ve) && ve.NeedsOrder:
		return fmt.Errorf("%s: row %d, %s: %q %s; text labels have no order of their own, so give it lowest first, e.g. --order low,medium,high", pos[0], ve.Unit+firstRow, ve.CoderName, ve.Value, ve.Reason)
	case errors.As(err, &ve):
		return fmt.Errorf("%s: row %d, %s: %q %s", pos[0], ve.Unit+firstRow, ve.CoderName, ve.Value, ve.Reason)
	case errors.As(err, &re):
		return fmt.Errorf("%s: row %d has %d values, expected %d", pos[0], re.Unit+firstRow, re.Got, re.Want)
	case err != nil:
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	if *asJSON {
		j := reliabilityJSON{
			Coders: coders, Units: r.Units, PairableUnits: r.PairableUnits, Level: r.Level,
			PercentAgreement: r.PercentAgreement, FleissKappa: r.FleissKappa, GwetAC1: r.GwetAC1,
			BrennanPrediger: r.BrennanPrediger, KrippendorffAlpha: r.KrippendorffAlpha,
		}
		if len(coders) == 2 {
			j.CohenKappa, j.ScottPi = &r.CohenKappa, &r.ScottPi
		} else {
			j.PairwiseAgreement = &r.PairwiseAgreement
		}
		return writeJSON(out, j)
	}
	fmt.Fprintf(out, "%d coders (%s), %d units (%d pairable), level %s, categories: %s\n\n",
		r.Coders, strings.Join(coders, ", "), r.Units, r.PairableUnits, r.Level, strings.Join(r.Categories, ", "))
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "statistic\tvalue\t95% CI\tnote")
	rows := []struct {
		name string
		s    coding.Statistic
	}{
		{"percent agreement", r.PercentAgreement},
		{"pairwise agreement", r.PairwiseAgreement},
		{"Cohen's kappa", r.CohenKappa},
		{"Scott's pi", r.ScottPi},
		{"Fleiss' kappa", r.FleissKappa},
		{"Gwet's AC1", r.GwetAC1},
		{"Brennan-Prediger", r.BrennanPrediger},
		{"Krippendorff's alpha (" + string(r.Level) + ")", r.KrippendorffAlpha},
	}
	for _, row := range rows {
		if len(coders) != 2 && (row.name == "Cohen's kappa" || row.name == "Scott's pi") ||
			len(coders) == 2 && row.name == "pairwise agreement" {
			continue
		}
		value, ci, note := "-", "", ""
		if row.s.Value != nil {
			value = coding.FormatCoefficient(*row.s.Value)
		}
		if row.s.CI != nil {
			ci = interval(row.s.CI)
		}
		if row.s.Undefined != nil {
			note = "undefined: " + *row.s.Undefined
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", row.name, value, ci, note)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(coders) > 2 {
		fmt.Fprintln(out, "\npercent agreement: Gwet's p_a, the mean over units of the share of agreeing pairs (the p_a of Fleiss' kappa, AC1 and Brennan-Prediger); pairwise agreement: the mean over coder pairs (ReCal)")
	}
	if *boot > 0 {
		fmt.Fprintf(out, "\n95%% CI: percentile bootstrap, %d resamples of the units, seed %d\n", *boot, *seed)
	}
	return nil
}

// readReliabilityCSV reads a units × coders CSV file: rows are units,
// columns coders, an empty cell is missing. With header the first row names
// the coders, else they are "coder 1", "coder 2", …. The units are read one
// at a time as the calculator asks for them, as substrings of the file's
// text, so reading costs about the file's size in memory and no allocation
// per cell.
func readReliabilityCSV(path string, header bool) (coders []string, units iter.Seq[[]string], err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var text strings.Builder
	if fi, err := f.Stat(); err == nil && fi.Size() > 0 && fi.Size() < 1<<40 {
		text.Grow(int(fi.Size()))
	}
	if _, err := io.Copy(&text, f); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	records, err := newCSVRecords(text.String())
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	first, ok := records.next()
	if !ok {
		if header {
			return nil, nil, fmt.Errorf("%s: no header row", path)
		}
		return nil, nil, fmt.Errorf("%s: no units (rows are units, columns are coders)", path)
	}
	first = slices.Clone(first)                       // the records' buffer is reused
	first[0] = strings.TrimPrefix(first[0], "\ufeff") // spreadsheets' BOM
	rest := func(yield func([]string) bool) {
		for rec, ok := records.next(); ok; rec, ok = records.next() {
			if !yield(rec) {
				return
			}
		}
	}
	if header {
		for i, name := range first {
			if name = strings.TrimSpace(name); name == "" {
				name = fmt.Sprintf("coder %d", i+1)
			}
			coders = append(coders, name)
		}
		units = rest
	} else {
		for i := range first {
			coders = append(coders, fmt.Sprintf("coder %d", i+1))
		}
		units = func(yield func([]string) bool) {
			if yield(first) {
				rest(yield)
			}
		}
	}
	if len(coders) < 2 {
		return nil, nil, fmt.Errorf("%s: needs at least two coder columns, found %d", path, len(coders))
	}
	return coders, units, nil
}

// csvRecords reads the records of a CSV text exactly as encoding/csv does
// with a variable number of fields per record (a fuzz test compares the
// two). A text without a quote character — the usual export of codings —
// is cut into substrings as the records are asked for, with no copy and no
// allocation per field; a text with quotes is read by encoding/csv.
type csvRecords struct {
	text   string   // what is left to read
	fields []string // the current record; reused
	quoted bool     // read by encoding/csv into all
	all    [][]string
}

func newCSVRecords(text string) (*csvRecords, error) {
	if strings.IndexByte(text, '"') < 0 {
		return &csvRecords{text: text}, nil
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.FieldsPerRecord = -1
	all, err := cr.ReadAll()
	if err != nil {
		return nil, err
	}
	return &csvRecords{quoted: true, all: all}, nil
}

// next returns the next record, valid until the following call, or false
// after the last.
func (r *csvRecords) next() ([]string, bool) {
	if r.quoted {
		if len(r.all) == 0 {
			return nil, false
		}
		rec := r.all[0]
		r.all = r.all[1:]
		return rec, true
	}
	for len(r.text) > 0 {
		line := r.text
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line, r.text = line[:i], line[i+1:]
		} else {
			r.text = ""
		}
		// encoding/csv reads "\r\n" as "\n", drops a "\r" before the end of
		// the file, and skips empty lines.
		line = strings.TrimSuffix(line, "\r")
		if line == "" {
			continue
		}
		r.fields = r.fields[:0]
		for {
			j := strings.IndexByte(line, ',')
			if j < 0 {
				r.fields = append(r.fields, line)
				break
			}
			r.fields = append(r.fields, line[:j])
			line = line[j+1:]
		}
		return r.fields, true
	}
	return nil, false
}
