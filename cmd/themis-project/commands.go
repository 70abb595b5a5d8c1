package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"text/tabwriter"

	"themis/coding"
	"themis/corpus"
	"themis/internal/prose"
	"themis/project"
	"themis/report"
	"themis/store"
)

func cmdNew(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	lead := fs.String("lead", defaultLead(), "name of the project lead, the first coder")
	framework := fs.String("framework", "keyes", "the built-in framework to start from (keyes, themes, outcomes-star) or empty")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	fw, err := newFramework(*framework)
	if err != nil {
		return err
	}
	p, err := store.Create(pos[0], fw, *lead)
	if err != nil {
		return err
	}
	if err := p.Close(); err != nil {
		return fmt.Errorf("close %s: %w", pos[0], err)
	}
	fmt.Fprintf(out, "created %s with %q (lead: %s, blind mode on)\n", pos[0], fw.Name, *lead)
	return nil
}

func defaultLead() string {
	if actingAs != "" {
		return actingAs
	}
	for _, v := range []string{"THEMIS_CODER", "USER", "USERNAME"} {
		if s := os.Getenv(v); s != "" {
			return s
		}
	}
	return "Lead"
}

func cmdDemo(args []string, out io.Writer) error {
	pos, err := parse(flag.NewFlagSet("demo", flag.ContinueOnError), args, 1, 1)
	if err != nil {
		return err
	}
	p, err := project.CreateDemo(pos[0])
	if err != nil {
		return err
	}
	docs, err := p.Documents()
	if err != nil {
		p.Close()
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	if err := p.Close(); err != nil {
		return fmt.Errorf("close %s: %w", pos[0], err)
	}
	fmt.Fprintf(out, "created %s: %d documents coded by %s and %s\n", pos[0], len(docs), project.DemoLead, project.DemoSecondCoder)
	return nil
}

func cmdImport(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	encoding := fs.String("encoding", "", "force the encoding of plain-text files (default: detect)")
	pattern := fs.String("speaker-pattern", "", `speaker labels: a regular expression with a group named "speaker" (and optionally "time") (default: detect)`)
	preview := fs.Bool("preview", false, "show what each file would give; write nothing")
	skipErrors := fs.Bool("skip-errors", false, "leave out files that cannot be read and import the rest")
	leaveOut := fs.String("leave-out", "", "speakers (comma-separated, e.g. Interviewer) whose turns are left out of coding and analysis, in every file where they speak")
	pos, err := parse(fs, args, 2, -1)
	if err != nil {
		return err
	}
	switch *encoding {
	case "", "utf-8", "utf-16le", "utf-16be", "windows-1252":
	default:
		return usageError{fmt.Sprintf("unknown encoding %q; say utf-8, utf-16le, utf-16be or windows-1252", *encoding)}
	}
	if err := project.CheckSpeakerPattern(*pattern); err != nil {
		return usageError{err.Error()}
	}
	opt := corpus.Options{Encoding: *encoding, SpeakerPattern: *pattern}
	files, skipped, err := project.CollectFiles(pos[1:])
	if err != nil {
		return err
	}
	for _, s := range skipped {
		fmt.Fprintf(out, "%s: skipped, %s\n", s.Path, s.Reason)
	}
	if len(files) == 0 {
		return errors.New("no transcripts to import")
	}
	// Ctrl-C stops the import and rolls it back.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	if *preview || *skipErrors {
		var good []string
		var bad []error
		for _, f := range files {
			pv := project.PreviewFile(ctx, f, opt, 3)
			if pv.Err != nil {
				bad = append(bad, pv.Err)
				if *preview {
					fmt.Fprintf(out, "%s: cannot be imported: %v\n", pv.File, errors.Unwrap(pv.Err))
				} else {
					fmt.Fprintf(out, "%s: left out: %v\n", pv.File, errors.Unwrap(pv.Err))
				}
				continue
			}
			good = append(good, f)
			if *preview {
				printPreview(out, pv)
			}
		}
		if *preview {
			fmt.Fprintln(out, "nothing was written (preview)")
			if len(bad) > 0 {
				return fmt.Errorf("%d of %d files cannot be imported", len(bad), len(files))
			}
			return nil
		}
		if len(good) == 0 {
			return errors.New("no file could be read; nothing was imported")
		}
		files = good
	}
	return withProject(pos[0], true, func(p *store.Project) error {
		who, err := actor(p)
		if err != nil {
			return err
		}
		var exclude []string
		for _, n := range strings.Split(*leaveOut, ",") {
			if n = strings.TrimSpace(n); n != "" {
				exclude = append(exclude, n)
			}
		}
		res, err := project.ImportExcluding(ctx, p, files, opt, exclude, who, nil)
		if err != nil {
			return fmt.Errorf("%w\nnothing was imported", err)
		}
		for _, r := range res {
			printReport(out, r)
		}
		return nil
	})
}

// printPreview prints what a file would give: the summary line, then its
// warnings and first turns indented.
func printPreview(out io.Writer, pv project.FilePreview) {
	fmt.Fprintf(out, "%s: %s, %s, %d speakers%s, %d words\n", pv.File, formatOf(pv.Format, pv.Encoding),
		prose.Count(pv.Turns, "turn", "turns"), len(pv.Speakers), listed(pv.Speakers), pv.Words)
	for _, w := range pv.Warnings {
		fmt.Fprintf(out, "  warning: %s\n", w)
	}
	if len(pv.Interviewers) > 0 {
		fmt.Fprintf(out, "  looks like the interviewer: %s (leave out of coding with --leave-out %s)\n",
			strings.Join(pv.Interviewers, ", "), strings.Join(pv.Interviewers, ","))
	}
	for _, t := range pv.FirstTurns {
		label := t.Speaker
		if label == "" {
			label = "(no speaker)"
		}
		if t.Timestamp != "" {
			label += " [" + t.Timestamp + "]"
		}
		fmt.Fprintf(out, "  %s: %s\n", label, t.Text)
	}
}

// printReport prints what an import did with a file: the summary line (as
// project.Summary), then where it came from, its warnings and the possible
// identifiers the anonymisation check found, indented.
func printReport(out io.Writer, r project.FileReport) {
	fmt.Fprintln(out, project.ImportLine(store.Imported{Name: r.Name, ID: r.ID, DuplicateOf: r.DuplicateOf, Turns: r.Turns, Words: r.Words}))
	if r.ID == 0 {
		return
	}
	fmt.Fprintf(out, "  from %s (%s), %d speakers%s\n", r.File, formatOf(r.Format, r.Encoding), len(r.Speakers), listed(r.Speakers))
	if len(r.Excluded) > 0 {
		fmt.Fprintf(out, "  left out of coding: %s\n", strings.Join(r.Excluded, ", "))
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(out, "  warning: %s\n", w)
	}
	if n := r.IdentifierCount(); n > 0 {
		kinds := make([]string, len(r.Identifiers))
		for i, k := range r.Identifiers {
			kinds[i] = fmt.Sprintf("%d %s", k.N, strings.ReplaceAll(k.Kind, "_", " "))
		}
		fmt.Fprintf(out, "  %s (%s): review them with themis scan or in the Anonymise tab\n",
			prose.Count(n, "possible identifier", "possible identifiers"), strings.Join(kinds, ", "))
	}
}

func formatOf(format, encoding string) string {
	if encoding == "" {
		return format
	}
	return format + ", " + encoding
}

func listed(names []string) string {
	if len(names) == 0 {
		return ""
	}
	const most = 6
	if len(names) > most {
		return " (" + strings.Join(names[:most], ", ") + ", …)"
	}
	return " (" + strings.Join(names, ", ") + ")"
}

type docJSON struct {
	Name  string `json:"name"`
	Turns int    `json:"turns"`
	Words int    `json:"words"`
	Chars int    `json:"chars"`
	Case  string `json:"case,omitempty"`
}

func cmdDocs(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("docs", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return withProject(pos[0], false, func(p *store.Project) error {
		docs, err := p.Documents()
		if err != nil {
			return err
		}
		list := make([]docJSON, 0, len(docs))
		for _, d := range docs {
			list = append(list, docJSON{d.Name, d.Turns, d.Words, d.Chars, d.Case})
		}
		if *asJSON {
			return writeJSON(out, list)
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "document\tturns\twords\tchars\tcase\t")
		for _, d := range list {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t\n", d.Name, d.Turns, d.Words, d.Chars, d.Case)
		}
		return tw.Flush()
	})
}

func cmdText(args []string, out io.Writer) error {
	pos, err := parse(flag.NewFlagSet("text", flag.ContinueOnError), args, 2, 2)
	if err != nil {
		return err
	}
	return withProject(pos[0], false, func(p *store.Project) error {
		info, err := p.DocumentByName(pos[1])
		if err != nil {
			return err
		}
		d, err := p.Document(info.ID)
		if err != nil {
			return err
		}
		_, err = io.WriteString(dataOut(out), d.Text)
		return err
	})
}

func cmdCoders(args []string, out io.Writer) error {
	if len(args) > 0 && args[0] == "add" {
		pos, err := parse(flag.NewFlagSet("coders add", flag.ContinueOnError), args[1:], 2, 2)
		if err != nil {
			return err
		}
		return addCoder(pos[0], pos[1], out)
	}
	if len(args) > 0 && args[0] == "adjudicator" {
		fs := flag.NewFlagSet("coders adjudicator", flag.ContinueOnError)
		none := fs.Bool("none", false, "name nobody: only the lead adjudicates")
		pos, err := parse(fs, args[1:], 1, 2)
		if err != nil {
			return err
		}
		if *none == (len(pos) == 2) {
			return usageError{"coders adjudicator takes a coder's NAME or --none"}
		}
		return setAdjudicator(pos[0], pos[1:], out)
	}
	fs := flag.NewFlagSet("coders", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return withProject(pos[0], false, func(p *store.Project) error {
		coders, err := p.Coders()
		if err != nil {
			return err
		}
		lead, err := p.Lead()
		if err != nil && !errors.Is(err, store.ErrNotFound) { // a project may have no lead yet
			return err
		}
		adj, _, err := p.Adjudicator()
		if err != nil {
			return err
		}
		type coderJSON struct {
			Name        string `json:"name"`
			Lead        bool   `json:"lead"`
			Adjudicator bool   `json:"adjudicator"`
		}
		list := []coderJSON{}
		for _, c := range coders {
			list = append(list, coderJSON{c.Name, c.ID == lead.ID, adj.ID != 0 && c.ID == adj.ID})
		}
		if *asJSON {
			return writeJSON(out, list)
		}
		for _, c := range list {
			var roles []string
			if c.Lead {
				roles = append(roles, "lead")
			}
			if c.Adjudicator {
				roles = append(roles, "adjudicator")
			}
			if len(roles) > 0 {
				fmt.Fprintf(out, "%s (%s)\n", c.Name, strings.Join(roles, ", "))
			} else {
				fmt.Fprintln(out, c.Name)
			}
		}
		return nil
	})
}

func cmdSegments(args []string, out io.Writer) error {
	if len(args) == 0 {
		return usageError{"say import or export"}
	}
	switch args[0] {
	case "import":
		pos, err := parse(flag.NewFlagSet("segments import", flag.ContinueOnError), args[1:], 2, 2)
		if err != nil {
			return err
		}
		f, err := os.Open(pos[1])
		if err != nil {
			return err
		}
		defer f.Close()
		return withProject(pos[0], true, func(p *store.Project) error {
			who, err := actor(p)
			if err != nil {
				return err
			}
			n, err := project.ImportSegmentsCSV(p, f, who)
			if err != nil {
				return fmt.Errorf("%s: %w\nnothing from this file was imported", pos[1], err)
			}
			fmt.Fprintf(out, "imported %d segments from %s\n", n, pos[1])
			return nil
		})
	case "export":
		fs := flag.NewFlagSet("segments export", flag.ContinueOnError)
		coderName := fs.String("coder", "", "only this coder's segments")
		pos, err := parse(fs, args[1:], 1, 1)
		if err != nil {
			return err
		}
		return withProject(pos[0], false, func(p *store.Project) error {
			var coder int64
			if *coderName != "" {
				c, err := p.CoderByName(*coderName)
				if err != nil {
					return err
				}
				coder = c.ID
			}
			return project.ExportSegmentsCSV(p, dataOut(out), coder)
		})
	}
	return usageError{fmt.Sprintf("unknown segments command %q; say import or export", args[0])}
}

// ciJSON holds a row's bootstrap intervals, present with --bootstrap.
type ciJSON struct {
	Kappa   *[2]float64 `json:"kappa"`
	ScottPi *[2]float64 `json:"scott_pi"`
	Alpha   *[2]float64 `json:"krippendorff_alpha"`
	AC1     *[2]float64 `json:"gwet_ac1"`
	BP      *[2]float64 `json:"brennan_prediger"`
}

// rowJSON is what every agreement row prints, per code or per document.
type rowJSON struct {
	Agreement float64  `json:"agreement"`
	Kappa     *float64 `json:"kappa"`
	ScottPi   *float64 `json:"scott_pi"`
	Alpha     *float64 `json:"krippendorff_alpha"`
	AC1       *float64 `json:"gwet_ac1"`
	BP        *float64 `json:"brennan_prediger"`
	Note      string   `json:"note"`
	Status    string   `json:"status"`
	Both      int64    `json:"both"`
	OnlyA     int64    `json:"only_a"`
	OnlyB     int64    `json:"only_b"`
	Neither   int64    `json:"neither"`
}

func newRowJSON(r coding.Result) rowJSON {
	return rowJSON{Agreement: r.Agreement, Kappa: r.Kappa, ScottPi: r.ScottPi, Alpha: r.KrippendorffAlpha, AC1: r.GwetAC1,
		BP: r.BrennanPrediger, Note: r.Note, Status: string(r.Status),
		Both: r.Counts.Both, OnlyA: r.Counts.OnlyA, OnlyB: r.Counts.OnlyB, Neither: r.Counts.Neither}
}

type agreementJSON struct {
	Code   string `json:"code"`
	Factor string `json:"factor,omitempty"`
	rowJSON
	CI *ciJSON `json:"ci,omitempty"`
}

// factorJSON is a row of --by factor: a factor's pooled row (kind "factor",
// its name in factor) or the overall row (kind "overall", "All codes" in code).
type factorJSON struct {
	Kind string `json:"kind"`
	agreementJSON
}

func cmdAgreement(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("agreement", flag.ContinueOnError)
	coders := fs.String("coders", "", "the coders to compare: A,B for two, A,B,C,... for Fleiss' kappa and Krippendorff's alpha among more")
	docs := fs.String("docs", "", "documents to include (default all), NAME,NAME")
	sample := fs.Bool("sample", false, "compare the double-coded sample of the plan (themis plan) instead of --docs")
	codeNames := fs.String("codes", "", "codes to compare (default every codable code), NAME,NAME")
	unit := fs.String("unit", "character", "unit of analysis: character, turn, sentence, paragraph, segment, document, or unitized (Krippendorff's unitizing alphas)")
	threshold := finiteFloat(fs, "threshold", 0, "percent of a turn, sentence or paragraph a coder must cover for it to count as coded (default: any overlap); for --unit segment, of a segment the other coder must cover with the same code (default 90)")
	bootstrap := fs.Int("bootstrap", 0, "add 95% intervals from N resamples, at most 100000 (see --resample)")
	resample := fs.String("resample", "document", "what the bootstrap resamples: document, or turn (speaker turns, for studies with few documents)")
	format := fs.String("format", "text", "text, csv, md or html (md and html include a methods paragraph)")
	by := fs.String("by", "code", "rows per code (with factors and overall), per factor (with overall) or per document")
	byCode := fs.String("code", "", "with --by document: only this code (the code × document breakdown)")
	statistic := fs.String("statistic", coding.Statistics[0].Key, "coefficient of the md and html tables: "+strings.Join(coding.StatisticKeys(coding.Statistics), ", "))
	seed := fs.Int64("seed", 1, "seed of the bootstrap, for reproducible intervals")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *bootstrap < 0 || *bootstrap > coding.MaxResamples {
		return usageError{fmt.Sprintf("--bootstrap is a number of resamples from 0 to %d, got %d", coding.MaxResamples, *bootstrap)}
	}
	if *by != "code" && *by != "factor" && *by != "document" {
		return usageError{fmt.Sprintf("--by must be code, factor or document, not %q", *by)}
	}
	if *byCode != "" && *by != "document" {
		return usageError{"--code goes with --by document"}
	}
	if *by != "code" && *format != "text" {
		return usageError{fmt.Sprintf("--by %s prints text or --json; --format exports the per-code table", *by)}
	}
	switch *format {
	case "text", "csv", "md", "html":
	default:
		return usageError{fmt.Sprintf("--format must be text, csv, md or html, not %q", *format)}
	}
	if units := unitNames(); !slices.Contains(units, *unit) {
		// Not a usage error: which units there are is the project's to say, as
		// it says when a request names an unknown one.
		return fmt.Errorf("unknown unit %q (one of %s)", *unit, strings.Join(units, ", "))
	}
	if _, ok := coding.LookupStatistic(coding.Statistics, *statistic); !ok {
		return usageError{fmt.Sprintf("unknown --statistic %q (one of %s)", *statistic, strings.Join(coding.StatisticKeys(coding.Statistics), ", "))}
	}
	names := splitList(*coders)
	if len(names) < 2 {
		return usageError{"--coders needs two coder names, e.g. --coders Aisha,Ben (or more, e.g. --coders Aisha,Ben,Chen)"}
	}
	if *threshold < 0 || *threshold > 100 {
		return usageError{fmt.Sprintf("--threshold is a percentage from 0 to 100, not %v", *threshold)}
	}
	if *sample && (*docs != "" || len(names) > 2 || *unit == "unitized") {
		return usageError{"--sample compares two coders on the plan's double-coded sample, without --docs or --unit unitized"}
	}
	if *unit == "unitized" {
		if *bootstrap > 0 || *by != "code" || *format != "text" || *threshold != 0 {
			return usageError{"--unit unitized prints the unitizing alphas as text or --json; it takes no --bootstrap, --by, --format or --threshold"}
		}
		return unitizedAgreement(pos[0], names, *docs, *asJSON, out)
	}
	if *resample != "document" && *resample != "turn" {
		return usageError{fmt.Sprintf("--resample must be document or turn, not %q", *resample)}
	}
	if len(names) > 2 {
		if *resample != "document" {
			return usageError{"--resample turn compares two coders; with three or more, the bootstrap resamples documents"}
		}
		if *format != "text" && !*asJSON {
			return usageError{"--format exports two coders' table; with three or more coders, print text or --json"}
		}
		req := project.MultiAgreementRequest{Unit: *unit, MinShare: *threshold / 100, Bootstrap: *bootstrap, Seed: *seed}
		return multiAgreement(pos[0], names, *docs, *codeNames, req, *by, *byCode, *asJSON, out)
	}
	return withProject(pos[0], false, func(p *store.Project) error {
		req := project.AgreementRequest{Unit: *unit, MinShare: *threshold / 100, Bootstrap: *bootstrap, Seed: *seed, Resample: *resample, Sample: *sample}
		for i, n := range names {
			c, err := p.CoderByName(n)
			if err != nil {
				return err
			}
			if i == 0 {
				req.CoderA = c.ID
			} else {
				req.CoderB = c.ID
			}
		}
		for _, n := range splitList(*docs) {
			d, err := p.DocumentByName(n)
			if err != nil {
				return err
			}
			req.Documents = append(req.Documents, d.ID)
		}
		if req.Codes, err = codeIDs(p, *codeNames); err != nil {
			return err
		}
		if *format != "text" && !*asJSON {
			viewer, err := project.CommandLineViewer(p)
			if err != nil {
				return err
			}
			text, err := project.ExportAgreement(p, viewer, req, *statistic, *format)
			if err != nil {
				return err
			}
			_, err = io.WriteString(dataOut(out), text)
			return err
		}
		r, err := project.Agreement(p, req)
		if err != nil {
			return err
		}
		if *by == "document" {
			return printByDocument(p, out, r, *byCode, *asJSON)
		}
		if *by == "factor" && *asJSON {
			list := make([]factorJSON, 0, len(r.PerFactor)+1)
			for _, row := range append(r.PerFactor, r.Overall) {
				j := factorJSON{Kind: "factor", agreementJSON: agreementJSON{Factor: row.Label, rowJSON: newRowJSON(row)}}
				if row.Factor == 0 {
					j.Kind, j.Code, j.Factor = "overall", row.Label, ""
				}
				if r.Resamples > 0 {
					j.CI = &ciJSON{row.CI.Kappa, row.CI.ScottPi, row.CI.KrippendorffAlpha, row.CI.GwetAC1, row.CI.BrennanPrediger}
				}
				list = append(list, j)
			}
			return writeJSON(out, list)
		}
		if *asJSON {
			list := make([]agreementJSON, 0, len(r.PerCode))
			codes, err := project.AgreementCodes(p, r.Codebook.Framework)
			if err != nil {
				return err
			}
			factor := map[int64]string{}
			for _, c := range codes {
				factor[c.ID] = c.FactorName
			}
			for _, row := range r.PerCode {
				j := agreementJSON{Code: row.Label, Factor: factor[row.Code], rowJSON: newRowJSON(row)}
				if r.Resamples > 0 {
					j.CI = &ciJSON{row.CI.Kappa, row.CI.ScottPi, row.CI.KrippendorffAlpha, row.CI.GwetAC1, row.CI.BrennanPrediger}
				}
				list = append(list, j)
			}
			return writeJSON(out, list)
		}
		text, err := report.AgreementText(report.AgreementTable{Report: r, CoderA: names[0], CoderB: names[1], Statistic: *statistic}, *by == "factor")
		if err != nil {
			return err
		}
		_, err = io.WriteString(out, text)
		return err
	})
}

// breakdownCode is the code of --by document --code NAME: none for "", all
// codes pooled.
func breakdownCode(p *store.Project, name string) ([]int64, error) {
	if name == "" {
		return nil, nil
	}
	c, err := p.CodeByName(name)
	if err != nil {
		return nil, err
	}
	return []int64{c.ID}, nil
}

// codeIDs finds the codes named in a comma-separated list; "" gives none.
func codeIDs(p *store.Project, names string) ([]int64, error) {
	var ids []int64
	for _, n := range splitList(names) {
		c, err := p.CodeByName(n)
		if err != nil {
			return nil, err
		}
		ids = append(ids, c.ID)
	}
	return ids, nil
}

// documents is "the document" or "the N documents".
func documents(n int) string {
	if n == 1 {
		return "the document"
	}
	return fmt.Sprintf("the %d documents", n)
}

func cmdQuotes(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("quotes", flag.ContinueOnError)
	codeName := fs.String("code", "", "the code whose quotes to export")
	coderName := fs.String("coder", "", "only this coder's segments (default: every coder)")
	format := fs.String("format", "md", "md or html")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *codeName == "" {
		return usageError{"--code is required"}
	}
	if *format != "md" && *format != "html" {
		return usageError{fmt.Sprintf("--format must be md or html, not %q", *format)}
	}
	return withProject(pos[0], false, func(p *store.Project) error {
		code, err := p.CodeByName(*codeName)
		if err != nil {
			return err
		}
		viewer, err := project.CommandLineViewer(p)
		if err != nil {
			return err
		}
		var coder int64
		if *coderName != "" {
			c, err := p.CoderByName(*coderName)
			if err != nil {
				return err
			}
			coder = c.ID
		}
		c, quotes, err := project.Quotes(p, viewer, code.ID, coder)
		if err != nil {
			return err
		}
		text, err := project.RenderQuotes(c, quotes, *format, fmt.Sprintf("Quotes for %s", c.Name))
		if err != nil {
			return err
		}
		_, err = io.WriteString(dataOut(out), text)
		return err
	})
}

func writeJSON(out io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := dataOut(out).Write(jsonEscapes(b.Bytes()))
	return err
}

type journalJSON struct {
	At     string          `json:"at"`
	Coder  string          `json:"coder"`
	Action string          `json:"action"`
	Detail json.RawMessage `json:"detail"`
}

func cmdJournal(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("journal", flag.ContinueOnError)
	limit := fs.Int("limit", 0, "only the N most recent changes (0: all)")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return withProject(pos[0], false, func(p *store.Project) error {
		entries, err := p.Journal(*limit)
		if err != nil {
			return err
		}
		coders, err := p.Coders()
		if err != nil {
			return err
		}
		names := map[int64]string{}
		for _, c := range coders {
			names[c.ID] = c.Name
		}
		list := make([]journalJSON, 0, len(entries))
		for _, e := range entries {
			list = append(list, journalJSON{e.At, names[e.Coder], e.Action, json.RawMessage(e.Detail)})
		}
		if *asJSON {
			return writeJSON(out, list)
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "when\twho\twhat\tdetail")
		for _, e := range list {
			who := e.Coder
			if who == "" {
				who = "-"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.At, who, e.Action, e.Detail)
		}
		return tw.Flush()
	})
}

// withProject opens the project at path — for writing, taking its lock, when
// write is true; read-only otherwise, so it works beside an open app — runs
// fn and closes it.
// A project that fails to close (its last changes not checkpointed) is an
// error too, unless fn failed first.
func withProject(path string, write bool, fn func(*store.Project) error) (err error) {
	open := store.OpenReadOnly
	if write {
		open = store.Open
	}
	p, err := open(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := p.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close %s: %w", path, cerr)
		}
	}()
	return fn(p)
}

// unitNames are the units --unit takes: project.Units, then unitized.
func unitNames() []string {
	names := make([]string, 0, len(project.Units)+1)
	for _, u := range project.Units {
		names = append(names, u.Name)
	}
	return append(names, "unitized")
}

// printByDocument prints the agreement per document, pooling every code or
// only the one named.
func printByDocument(p *store.Project, out io.Writer, r coding.Report, codeName string, asJSON bool) error {
	codes, err := breakdownCode(p, codeName)
	if err != nil {
		return err
	}
	rows, err := project.DocumentRows(p, r, codes...)
	if err != nil {
		return err
	}
	if asJSON {
		type docRow struct {
			Document string `json:"document"`
			rowJSON
		}
		list := make([]docRow, 0, len(rows))
		for _, row := range rows {
			list = append(list, docRow{row.Label, newRowJSON(row)})
		}
		return writeJSON(out, list)
	}
	text, err := report.DocumentText(r, rows, codeName)
	if err != nil {
		return err
	}
	_, err = io.WriteString(out, text)
	return err
}
