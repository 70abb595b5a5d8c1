package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"themis/errs"
	"themis/project"
	"themis/report"
	"themis/store"
)

// The theme summaries (project/themes*.go): themis summary and themis
// cooccurrence print the same figures as the Themes tab, as text, CSV or
// JSON.

// themeOptions are the flags summary and cooccurrence share.
type themeOptions struct {
	coder     *string
	consensus *bool
	framework *string
	format    *string
}

func themeFlags(fs *flag.FlagSet, consensus bool) themeOptions {
	o := themeOptions{
		coder:     fs.String("coder", "", "one coder's (or consensus layer's) segments (default: all coders together)"),
		framework: fs.String("framework", "", "the framework whose codes to count (default: the active one)"),
		format:    fs.String("format", "text", "text, csv or json"),
	}
	if consensus {
		o.consensus = fs.Bool("consensus", false, "the consensus layer")
	}
	return o
}

func (o themeOptions) check() error {
	if o.consensus != nil && *o.consensus && *o.coder != "" {
		return usageError{"say --coder NAME or --consensus, not both"}
	}
	switch *o.format {
	case "text", "csv", "json":
		return nil
	}
	return usageError{fmt.Sprintf("--format must be text, csv or json, not %q", *o.format)}
}

// named turns a name nobody has (a coder, framework, code or attribute)
// into a usage error (exit status 2) that names it.
func named(err error) error {
	if errors.Is(err, errs.NotFound) {
		return usageError{err.Error()}
	}
	return err
}

// layer resolves --coder and --consensus.
func (o themeOptions) layer(p *store.Project) (project.Layer, error) {
	return layerNamed(p, *o.coder, o.consensus != nil && *o.consensus)
}

// layerNamed is the layer --coder or --consensus choose (summary,
// cooccurrence and report share it); neither is all coders together.
func layerNamed(p *store.Project, coder string, consensus bool) (project.Layer, error) {
	if coder != "" {
		c, err := p.CoderByName(coder)
		if err != nil {
			return project.Layer{}, usageError{fmt.Sprintf("unknown coder %q", coder)}
		}
		return project.Layer{Coder: c.ID}, nil
	}
	if !consensus {
		return project.Layer{}, nil
	}
	coders, err := p.Coders()
	if err != nil {
		return project.Layer{}, err
	}
	var layers []string
	var id int64
	for _, c := range coders {
		if c.Kind == store.KindConsensus {
			layers = append(layers, fmt.Sprintf("%q", c.Name))
			id = c.ID
		}
	}
	switch len(layers) {
	case 0:
		return project.Layer{}, usageError{"no consensus layer: adjudicate first"}
	case 1:
		return project.Layer{Coder: id}, nil
	}
	return project.Layer{}, usageError{fmt.Sprintf("the project has %d consensus layers (%s): say which with --coder NAME", len(layers), strings.Join(layers, ", "))}
}

// frameworkID resolves a framework's name (ignoring case); "" is the active one.
func frameworkID(p *store.Project, name string) (int64, error) {
	if name == "" {
		return 0, nil
	}
	fws, err := p.Frameworks()
	if err != nil {
		return 0, err
	}
	var names []string
	for _, f := range fws {
		if strings.EqualFold(strings.TrimSpace(name), f.Name) {
			return f.ID, nil
		}
		names = append(names, f.Name)
	}
	return 0, usageError{fmt.Sprintf("unknown framework %q (the project has %s)", name, strings.Join(names, "; "))}
}

// summaryJSON is one row of themis summary --format json (and csv).
type summaryJSON struct {
	Code      string  `json:"code"`
	Factor    *string `json:"factor"`
	Segments  int     `json:"segments"`
	Documents int     `json:"documents"`
	Cases     int     `json:"cases"`
	Words     int     `json:"words"`
}

// byValueJSON is one row of themis summary --by ATTRIBUTE --format json (and csv).
type byValueJSON struct {
	Code           string `json:"code"`
	Value          string `json:"value"`
	Segments       int    `json:"segments"`
	Cases          int    `json:"cases"`
	CasesWithValue int    `json:"cases_with_value"`
}

func cmdSummary(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("summary", flag.ContinueOnError)
	o := themeFlags(fs, true)
	by := fs.String("by", "", "a case attribute: one row per code and value")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if err := o.check(); err != nil {
		return err
	}
	return withProject(pos[0], false, func(p *store.Project) error {
		v, l, fw, err := themeRequest(p, o)
		if err != nil {
			return err
		}
		if *by != "" {
			m, err := project.ByAttribute(p, v, fw, l, project.ThemeFilter{}, *by)
			if err != nil {
				return named(err)
			}
			return printByValue(out, m, *o.format)
		}
		s, err := project.Summarise(p, v, fw, l, project.ThemeFilter{})
		if err != nil {
			return named(err)
		}
		return printSummary(out, s, *o.format)
	})
}

// themeRequest is who reads (the lead, as every command), the layer and the framework.
func themeRequest(p *store.Project, o themeOptions) (project.Viewer, project.Layer, int64, error) {
	v, err := project.CommandLineViewer(p)
	if err != nil {
		return v, project.Layer{}, 0, err
	}
	l, err := o.layer(p)
	if err != nil {
		return v, l, 0, err
	}
	fw, err := frameworkID(p, *o.framework)
	return v, l, fw, err
}

func printSummary(out io.Writer, s project.Summary, format string) error {
	rows := make([]summaryJSON, len(s.Rows))
	for i, r := range s.Rows {
		rows[i] = summaryJSON{Code: r.Name, Segments: r.Segments, Documents: r.Documents, Cases: r.Cases, Words: r.Words}
		if r.Factor != "" {
			f := r.Factor
			rows[i].Factor = &f
		}
	}
	switch format {
	case "json":
		return writeJSON(out, rows)
	case "csv":
		t := report.Table{Header: []string{"code", "factor", "segments", "documents", "cases", "words"}}
		for _, r := range rows {
			factor := ""
			if r.Factor != nil {
				factor = *r.Factor
			}
			t.Rows = append(t.Rows, []string{r.Code, factor, strconv.Itoa(r.Segments), strconv.Itoa(r.Documents), strconv.Itoa(r.Cases), strconv.Itoa(r.Words)})
		}
		return report.WriteTableCSV(dataOut(out), t)
	}
	_, err := io.WriteString(out, report.TableText(project.SummaryTable(s)))
	return err
}

func printByValue(out io.Writer, m project.AttributeMatrix, format string) error {
	var rows []byValueJSON
	for _, r := range m.Rows {
		for k, c := range r.Cells {
			rows = append(rows, byValueJSON{Code: r.Name, Value: m.Columns[k].Value, Segments: c.Segments, Cases: c.Cases, CasesWithValue: m.Columns[k].Cases})
		}
	}
	if rows == nil {
		rows = []byValueJSON{}
	}
	switch format {
	case "json":
		return writeJSON(out, rows)
	case "csv":
		t := report.Table{Header: []string{"code", "value", "segments", "cases", "cases_with_value"}}
		for _, r := range rows {
			t.Rows = append(t.Rows, []string{r.Code, r.Value, strconv.Itoa(r.Segments), strconv.Itoa(r.Cases), strconv.Itoa(r.CasesWithValue)})
		}
		return report.WriteTableCSV(dataOut(out), t)
	}
	_, err := io.WriteString(out, report.TableText(project.AttributeTable(m)))
	return err
}

// coJSON is one row of themis cooccurrence --format json (and csv).
type coJSON struct {
	CodeA   string   `json:"code_a"`
	CodeB   string   `json:"code_b"`
	Count   int      `json:"count"`
	Jaccard *float64 `json:"jaccard,omitempty"`
}

func cmdCooccurrence(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("cooccurrence", flag.ContinueOnError)
	o := themeFlags(fs, false)
	with := fs.String("with", "", "pair the codes of --framework with those of this framework")
	jaccard := fs.Bool("jaccard", false, "add the Jaccard index of the coded characters")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if err := o.check(); err != nil {
		return err
	}
	if *with != "" && *o.framework == "" {
		return usageError{"--with pairs --framework NAME with another framework: say --framework too"}
	}
	return withProject(pos[0], false, func(p *store.Project) error {
		v, l, fw, err := themeRequest(p, o)
		if err != nil {
			return err
		}
		w, err := frameworkID(p, *with)
		if err != nil {
			return err
		}
		m, err := project.Cooccurrence(p, v, fw, w, l, project.ThemeFilter{})
		if err != nil {
			return named(err)
		}
		rows := []coJSON{}
		for _, pr := range project.CoPairs(m) {
			r := coJSON{CodeA: pr.A.Name, CodeB: pr.B.Name, Count: pr.Count}
			if *jaccard {
				j := pr.Jaccard
				r.Jaccard = &j
			}
			rows = append(rows, r)
		}
		switch *o.format {
		case "json":
			return writeJSON(out, rows)
		case "csv":
			t := report.Table{Header: []string{"code_a", "code_b", "count"}}
			if *jaccard {
				t.Header = append(t.Header, "jaccard")
			}
			for _, r := range rows {
				row := []string{r.CodeA, r.CodeB, strconv.Itoa(r.Count)}
				if r.Jaccard != nil {
					row = append(row, fmt.Sprint(*r.Jaccard))
				}
				t.Rows = append(t.Rows, row)
			}
			return report.WriteTableCSV(dataOut(out), t)
		}
		_, err = io.WriteString(out, report.TableText(project.CoPairTable(m, *jaccard)))
		return err
	})
}
