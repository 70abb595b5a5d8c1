package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"themis/interop"
	"themis/project"
	"themis/store"
)

// cmdCases lists, imports and links cases, and excludes speakers.
func cmdCases(args []string, out io.Writer) error {
	if len(args) == 0 {
		return usageError{"say list, import, link or exclude"}
	}
	switch args[0] {
	case "list":
		fs := flag.NewFlagSet("cases list", flag.ContinueOnError)
		asJSON := fs.Bool("json", false, "print JSON")
		pos, err := parse(fs, args[1:], 1, 1)
		if err != nil {
			return err
		}
		return withProject(pos[0], false, func(p *store.Project) error { return listCases(p, *asJSON, out) })
	case "import":
		fs := flag.NewFlagSet("cases import", flag.ContinueOnError)
		name := fs.String("name", "", "the column naming the cases (default: case, name, participant or id)")
		docs := fs.String("documents", "", "the column naming each case's documents, or - for none (default: document, transcript or file)")
		types := fs.String("type", "", "column=type pairs, comma-separated, overriding the inferred types")
		pos, err := parse(fs, args[1:], 2, 2)
		if err != nil {
			return err
		}
		opt := interop.Options{NameColumn: *name, DocumentColumn: *docs, Types: map[string]string{}}
		if *types != "" {
			for _, pair := range strings.Split(*types, ",") {
				col, typ, ok := strings.Cut(pair, "=")
				if !ok {
					return usageError{fmt.Sprintf("--type %q: write COLUMN=TYPE", pair)}
				}
				opt.Types[strings.TrimSpace(col)] = strings.TrimSpace(typ)
			}
		}
		return withProject(pos[0], true, func(p *store.Project) error {
			who, err := actor(p)
			if err != nil {
				return err
			}
			res, err := project.ImportCaseSheet(p, pos[1], opt, who)
			if err != nil {
				return fmt.Errorf("%w\nthe project is unchanged", err)
			}
			for _, l := range project.CaseSheetSummary(res) {
				fmt.Fprintln(out, l)
			}
			return nil
		})
	case "link":
		fs := flag.NewFlagSet("cases link", flag.ContinueOnError)
		speaker := fs.String("speaker", "", "link only this speaker's turns in the document (a voice of a focus group)")
		pos, err := parse(fs, args[1:], 3, 3)
		if err != nil {
			return err
		}
		return withProject(pos[0], true, func(p *store.Project) error { return linkCase(p, pos[1], pos[2], *speaker, out) })
	case "exclude":
		fs := flag.NewFlagSet("cases exclude", flag.ContinueOnError)
		doc := fs.String("doc", "", "only in this document (default: every document where the speaker speaks)")
		include := fs.Bool("include", false, "take the mark away: code and analyse the speaker again")
		pos, err := parse(fs, args[1:], 2, 2)
		if err != nil {
			return err
		}
		return withProject(pos[0], true, func(p *store.Project) error { return excludeSpeaker(p, pos[1], *doc, *include, out) })
	}
	return usageError{fmt.Sprintf("unknown subcommand %q: say list, import, link or exclude", args[0])}
}

type attributeJSON struct {
	Name   string   `json:"name"`
	Type   string   `json:"type"`
	Values []string `json:"values,omitempty"`
}

type caseJSON struct {
	Name       string            `json:"name"`
	Attributes map[string]string `json:"attributes"`
}

type speakerJSON struct {
	Name     string `json:"name"`
	Turns    int    `json:"turns"`
	Case     string `json:"case,omitempty"`
	Excluded bool   `json:"excluded"`
}

type documentCasesJSON struct {
	Name     string        `json:"name"`
	Case     string        `json:"case,omitempty"`
	Speakers []speakerJSON `json:"speakers"`
}

type casesJSON struct {
	Attributes []attributeJSON     `json:"attributes"`
	Cases      []caseJSON          `json:"cases"`
	Documents  []documentCasesJSON `json:"documents"`
}

func listCases(p *store.Project, asJSON bool, out io.Writer) error {
	attrs, err := p.Attributes()
	if err != nil {
		return err
	}
	cases, err := p.Cases()
	if err != nil {
		return err
	}
	docs, err := p.Speakers()
	if err != nil {
		return err
	}
	v := casesJSON{Attributes: []attributeJSON{}, Cases: []caseJSON{}, Documents: []documentCasesJSON{}}
	for _, a := range attrs {
		v.Attributes = append(v.Attributes, attributeJSON{a.Name, a.Type, a.Values})
	}
	for _, c := range cases {
		v.Cases = append(v.Cases, caseJSON{c.Name, c.Attributes})
	}
	for _, d := range docs {
		dj := documentCasesJSON{Name: d.Name, Case: d.CaseName, Speakers: []speakerJSON{}}
		for _, s := range d.Speakers {
			dj.Speakers = append(dj.Speakers, speakerJSON{s.Name, s.Turns, s.CaseName, s.Excluded})
		}
		v.Documents = append(v.Documents, dj)
	}
	if asJSON {
		return writeJSON(out, v)
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprint(tw, "case\t")
	for _, a := range attrs {
		fmt.Fprintf(tw, "%s (%s)\t", a.Name, a.Type)
	}
	fmt.Fprintln(tw)
	for _, c := range cases {
		fmt.Fprintf(tw, "%s\t", c.Name)
		for _, a := range attrs {
			fmt.Fprintf(tw, "%s\t", c.Attributes[a.Name])
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(out, "\ndocuments:")
	for _, d := range v.Documents {
		c := d.Case
		if c == "" {
			c = "no case"
		}
		var sp []string
		for _, s := range d.Speakers {
			var notes []string
			if s.Case != "" {
				notes = append(notes, s.Case)
			}
			if s.Excluded {
				notes = append(notes, "not coded")
			}
			if len(notes) > 0 {
				sp = append(sp, fmt.Sprintf("%s (%s)", s.Name, strings.Join(notes, ", ")))
			} else {
				sp = append(sp, s.Name)
			}
		}
		fmt.Fprintf(out, "  %s: %s", d.Name, c)
		if len(sp) > 0 {
			fmt.Fprintf(out, "; speakers %s", strings.Join(sp, ", "))
		}
		fmt.Fprintln(out)
	}
	return nil
}

func caseNamed(p *store.Project, name string) (store.Case, error) {
	cases, err := p.Cases()
	if err != nil {
		return store.Case{}, err
	}
	for _, c := range cases {
		if c.Name == name {
			return c, nil
		}
	}
	var names []string
	for _, c := range cases {
		names = append(names, c.Name)
	}
	sort.Strings(names)
	return store.Case{}, fmt.Errorf("case %q: %w (cases: %s)", name, store.ErrNotFound, strings.Join(names, ", "))
}

// linkCase links a document, or one speaker of it, to a case ("-": none).
// A document links to a new case by naming it; a speaker to an existing one.
func linkCase(p *store.Project, document, caseName, speaker string, out io.Writer) error {
	d, err := p.DocumentByName(document)
	if err != nil {
		return err
	}
	who, err := actor(p)
	if err != nil {
		return err
	}
	var c store.Case
	if caseName != "-" {
		c, err = caseNamed(p, caseName)
		if errors.Is(err, store.ErrNotFound) {
			c, err = p.AddCase(caseName, who)
			if err == nil {
				fmt.Fprintf(out, "added case %q\n", c.Name)
			}
		}
		if err != nil {
			return err
		}
	}
	if speaker != "" {
		if err := p.SetSpeakerCase(d.ID, speaker, c.ID, who); err != nil {
			return err
		}
		if c.ID == 0 {
			fmt.Fprintf(out, "%s in %s: the document's case again\n", speaker, d.Name)
		} else {
			fmt.Fprintf(out, "%s in %s → %s\n", speaker, d.Name, c.Name)
		}
		return nil
	}
	if err := p.SetDocumentCase(d.ID, c.ID, who); err != nil {
		return err
	}
	if c.ID == 0 {
		fmt.Fprintf(out, "%s has no case now\n", d.Name)
	} else {
		fmt.Fprintf(out, "%s → %s\n", d.Name, c.Name)
	}
	return nil
}

func excludeSpeaker(p *store.Project, speaker, document string, include bool, out io.Writer) error {
	who, err := actor(p)
	if err != nil {
		return err
	}
	if document == "" && !include {
		changed, err := p.ExcludeSpeaker(speaker, who)
		if err != nil {
			return err
		}
		if len(changed) == 0 {
			fmt.Fprintf(out, "%s was already not coded, or does not speak, in any document\n", speaker)
			return nil
		}
		fmt.Fprintf(out, "%s is not coded in %d documents: %s\n", speaker, len(changed), strings.Join(changed, ", "))
		return nil
	}
	var docs []store.DocumentSpeakers
	all, err := p.Speakers()
	if err != nil {
		return err
	}
	for _, d := range all {
		if document == "" || d.Name == document {
			docs = append(docs, d)
		}
	}
	if document != "" && len(docs) == 0 {
		return fmt.Errorf("document %q: %w", document, store.ErrNotFound)
	}
	n := 0
	for _, d := range docs {
		for _, s := range d.Speakers {
			if !strings.EqualFold(s.Name, speaker) {
				continue
			}
			if err := p.SetSpeakerExcluded(d.Document, s.Name, !include, who); err != nil {
				return err
			}
			n++
			if include {
				fmt.Fprintf(out, "%s in %s: coded again\n", s.Name, d.Name)
			} else {
				fmt.Fprintf(out, "%s in %s: not coded\n", s.Name, d.Name)
			}
		}
	}
	if n == 0 {
		return fmt.Errorf("speaker %q: %w in %s", speaker, store.ErrNotFound, strings.Join(docNames(docs), ", "))
	}
	return nil
}

func docNames(docs []store.DocumentSpeakers) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.Name)
	}
	return out
}
