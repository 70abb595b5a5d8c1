package main

import (
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"themis/internal/prose"
	"themis/project"
	"themis/store"
)

// scanJSON is one finding. Place is "text", "speaker label" (both in the
// document's text), "document name", "case name", "attribute value" or
// "memo"; in a name, start and end count code points of the name, and in a
// memo of the memo's text (memo is its id, on what it is written on, author
// who wrote it).
type scanJSON struct {
	Place      string  `json:"place"`
	Document   string  `json:"document,omitempty"`
	Case       string  `json:"case,omitempty"`
	Attribute  string  `json:"attribute,omitempty"`
	Memo       int64   `json:"memo,omitempty"`
	On         string  `json:"on,omitempty"`
	Author     string  `json:"author,omitempty"`
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
			j := scanJSON{Place: f.Place, Document: f.DocumentName, Case: f.CaseName, Attribute: f.Attribute,
				Start: f.Start, End: f.End, Kind: f.Kind, Text: f.Text, Confidence: f.Confidence}
			if f.Place == store.PlaceMemo {
				// start and end are in the memo, not the document it is on
				j.Document, j.Memo, j.On, j.Author = "", f.Memo.ID, f.Memo.On, f.Memo.Author
			}
			list = append(list, j)
		}
		if *asJSON {
			return writeJSON(out, list)
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "document\tstart\tend\tkind\tconfidence\ttext")
		for _, f := range list {
			where := f.Document
			switch f.Place {
			case store.PlaceDocumentName:
				where = "(name of " + f.Document + ")"
			case store.PlaceCaseName:
				where = "(name of case " + f.Case + ")"
			case store.PlaceAttributeValue:
				where = "(" + f.Attribute + " of case " + f.Case + ")"
			case store.PlaceMemo:
				where = fmt.Sprintf("(memo %d by %s on %s)", f.Memo, f.Author, f.On)
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%.2f\t%s\n", where, f.Start, f.End, f.Kind, f.Confidence, f.Text)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(out, "%s in %s", prose.Count(len(list), "finding", "findings"), prose.Count(res.Documents, "document", "documents"))
		if res.Dismissed > 0 {
			fmt.Fprintf(out, " (%d dismissed, not shown)", res.Dismissed)
		}
		fmt.Fprintln(out)
		return nil
	})
}
