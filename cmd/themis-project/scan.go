package main

import (
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"themis/project"
	"themis/store"
)

type scanJSON struct {
	Document   string  `json:"document"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Kind       string  `json:"kind"`
	Text       string  `json:"text"`
	Confidence float64 `json:"confidence"`
}

func cmdScan(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON: document, start, end (code points), kind, text, confidence")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return withProject(pos[0], false, func(p *store.Project) error {
		res, err := project.Scan(p, nil, nil)
		if err != nil {
			return err
		}
		list := make([]scanJSON, 0, len(res.Findings))
		for _, f := range res.Findings {
			list = append(list, scanJSON{f.DocumentName, f.Start, f.End, f.Kind, f.Text, f.Confidence})
		}
		if *asJSON {
			return writeJSON(out, list)
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "document\tstart\tend\tkind\tconfidence\ttext")
		for _, f := range list {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%.2f\t%s\n", f.Document, f.Start, f.End, f.Kind, f.Confidence, f.Text)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(out, "%s in %s", plural(len(list), "finding"), plural(res.Documents, "document"))
		if res.Dismissed > 0 {
			fmt.Fprintf(out, " (%d dismissed, not shown)", res.Dismissed)
		}
		fmt.Fprintln(out)
		return nil
	})
}
