package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"themis/project"
	"themis/store"
)

// planJSON is themis plan --json: how the sample was drawn, the sample and
// every document's coders.
type planJSON struct {
	Share     float64        `json:"share"`
	By        string         `json:"by"`
	Seed      int64          `json:"seed"`
	Coders    []string       `json:"coders"`
	DrawnAt   string         `json:"drawnAt"`
	DrawnBy   string         `json:"drawnBy"`
	Documents int            `json:"documents"`
	Strata    []stratumJSON  `json:"strata"`
	Sample    []planDocJSON  `json:"sample"`
	Rest      []planDocJSON  `json:"rest"`
	Words     map[string]int `json:"words"`
	Sentence  string         `json:"sentence"`
}

type stratumJSON struct {
	Value     string `json:"value"`
	Documents int    `json:"documents"`
	Sampled   int    `json:"sampled"`
}

type planDocJSON struct {
	Document string   `json:"document"`
	Case     string   `json:"case"`
	Stratum  string   `json:"stratum"`
	Words    int      `json:"words"`
	Coders   []string `json:"coders"`
}

// cmdPlan is themis plan: the lead draws the double-coding plan.
func cmdPlan(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("plan", flag.ContinueOnError)
	share := finiteFloat(fs, "sample", -1, "per cent of the documents every coder codes")
	by := fs.String("by", "", "case attribute to stratify the sample by")
	coders := fs.String("coders", "", "the coders, comma-separated")
	seed := fs.Int64("seed", 1, "seed of the draw")
	force := fs.Bool("force", false, "redraw even when coders have marked documents done")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *share < 0 {
		return usageError{"--sample P is required: the per cent of the documents to double-code, 0–100"}
	}
	if *coders == "" {
		return usageError{"--coders A,B is required"}
	}
	return withProject(pos[0], true, func(p *store.Project) error {
		who, err := actor(p)
		if err != nil {
			return err
		}
		v, err := project.ViewerFor(p, who)
		if err != nil {
			return err
		}
		pv, err := project.DrawPlan(p, v, project.PlanOptions{Share: *share, By: *by, Coders: splitList(*coders), Seed: *seed, Force: *force})
		if err != nil {
			return err
		}
		return printPlan(out, pv, *asJSON)
	})
}

func printPlan(out io.Writer, pv project.PlanView, asJSON bool) error {
	docs := func(list []project.PlanDocument) []planDocJSON {
		o := make([]planDocJSON, 0, len(list))
		for _, d := range list {
			o = append(o, planDocJSON{d.Name, d.Case, d.Stratum, d.Words, d.Coders})
		}
		return o
	}
	j := planJSON{Share: pv.Share, By: pv.By, Seed: pv.Seed, Coders: pv.Coders, DrawnAt: pv.DrawnAt, DrawnBy: pv.DrawnBy,
		Documents: pv.Total, Strata: []stratumJSON{}, Sample: docs(pv.Sample), Rest: docs(pv.Rest), Words: pv.Coverage,
		Sentence: pv.Draw().Sentence()}
	for _, s := range pv.Strata {
		j.Strata = append(j.Strata, stratumJSON{s.Value, s.Documents, s.Sampled})
	}
	if asJSON {
		return writeJSON(out, j)
	}
	fmt.Fprintln(out, j.Sentence)
	if len(j.Strata) > 0 {
		var parts []string
		for _, s := range j.Strata {
			v := s.Value
			if v == "" {
				v = "(no " + j.By + ")"
			}
			parts = append(parts, fmt.Sprintf("%s %d of %d", v, s.Sampled, s.Documents))
		}
		fmt.Fprintf(out, "Strata: %s.\n", strings.Join(parts, "; "))
	}
	fmt.Fprintln(out)
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "document\tcase\twords\tcoded by\t")
	for _, d := range j.Sample {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s (sample)\t\n", d.Document, d.Case, d.Words, strings.Join(d.Coders, ", "))
	}
	for _, d := range j.Rest {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t\n", d.Document, d.Case, d.Words, strings.Join(d.Coders, ", "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var words []string
	for _, c := range j.Coders {
		words = append(words, fmt.Sprintf("%s %d", c, j.Words[c]))
	}
	_, err := fmt.Fprintf(out, "\nWords to code: %s.\n", strings.Join(words, ", "))
	return err
}

// progressJSON is themis progress --json.
type progressJSON struct {
	Coders         []coderProgressJSON `json:"coders"`
	Sample         int                 `json:"sample"`
	SampleComplete int                 `json:"sampleComplete"`
}

type coderProgressJSON struct {
	Coder      string `json:"coder"`
	Assigned   int    `json:"assigned"`
	Done       int    `json:"done"`
	Coded      int    `json:"coded"`
	Sample     int    `json:"sample"`
	SampleDone int    `json:"sampleDone"`
}

// cmdProgress is themis progress: every coder's progress through the plan,
// and with --done DOCUMENT (or --undone) the acting coder (--as) marks a
// document of theirs.
func cmdProgress(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("progress", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	done := fs.String("done", "", "mark this document done for the acting coder")
	undone := fs.String("undone", "", "mark this document not done for the acting coder")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *done != "" && *undone != "" {
		return usageError{"--done and --undone cannot be used together"}
	}
	write := *done != "" || *undone != ""
	return withProject(pos[0], write, func(p *store.Project) error {
		if write {
			who, err := actor(p)
			if err != nil {
				return err
			}
			v, err := project.ViewerFor(p, who)
			if err != nil {
				return err
			}
			name := *done + *undone
			d, err := p.DocumentByName(name)
			if err != nil {
				return fmt.Errorf("document %q: %w", name, err)
			}
			if err := project.MarkDone(p, v, d.ID, *done != ""); err != nil {
				return err
			}
		}
		v, err := project.CommandLineViewer(p)
		if err != nil {
			return err
		}
		r, err := project.PlanProgress(p, v)
		if err != nil {
			return err
		}
		j := progressJSON{Coders: []coderProgressJSON{}, Sample: r.Sample, SampleComplete: r.SampleComplete}
		for _, c := range r.Coders {
			j.Coders = append(j.Coders, coderProgressJSON(c))
		}
		if *asJSON {
			return writeJSON(out, j)
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "coder\tassigned\tcoded\tdone\tsample done\t")
		for _, c := range j.Coders {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d of %d\t\n", c.Coder, c.Assigned, c.Coded, c.Done, c.SampleDone, c.Sample)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		_, err = fmt.Fprintf(out, "\nThe double-coded sample: %d of %d documents done by every coder.\n", j.SampleComplete, j.Sample)
		return err
	})
}
