package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"themis/project"
	"themis/store"
)

// memoJSON is one memo as themis memos --json prints it. Target names what
// it is on: "" for the project, the document or the code's name, or for a
// segment "segment ID in DOCUMENT".
type memoJSON struct {
	ID       int64  `json:"id"`
	Kind     string `json:"kind"`
	Target   string `json:"target"`
	Segment  int64  `json:"segment,omitempty"`
	Document string `json:"document,omitempty"`
	Code     string `json:"code,omitempty"`
	Start    *int   `json:"start,omitempty"`
	End      *int   `json:"end,omitempty"`
	Author   string `json:"author"`
	Text     string `json:"text"`
	Created  string `json:"created"`
	Updated  string `json:"updated"`
}

func memoTarget(m project.MemoView) string {
	switch m.Kind {
	case store.MemoDocument:
		return m.DocumentName
	case store.MemoCode:
		return m.CodeName
	case store.MemoSegment:
		return fmt.Sprintf("segment %d in %s", m.Target, m.DocumentName)
	}
	return ""
}

// cmdMemos is themis memos FILE [--json]: every memo, read as the command
// line reads a project (every layer).
func cmdMemos(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("memos", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return withProject(pos[0], false, func(p *store.Project) error {
		v, err := project.CommandLineViewer(p)
		if err != nil {
			return err
		}
		memos, err := project.Memos(p, v, store.MemoFilter{})
		if err != nil {
			return err
		}
		list := make([]memoJSON, 0, len(memos))
		for _, m := range memos {
			j := memoJSON{ID: m.ID, Kind: m.Kind, Target: memoTarget(m), Document: m.DocumentName, Code: m.CodeName,
				Author: m.AuthorName, Text: m.Text, Created: m.CreatedAt, Updated: m.UpdatedAt}
			if m.Kind == store.MemoSegment {
				start, end := m.Start, m.End
				j.Segment, j.Start, j.End = m.Target, &start, &end
			}
			list = append(list, j)
		}
		if *asJSON {
			return writeJSON(out, list)
		}
		if len(list) == 0 {
			fmt.Fprintf(out, "%s has no memos; write one with themis memo add\n", pos[0])
			return nil
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "id\tkind\ttarget\tauthor\tcreated\ttext")
		for _, m := range list {
			target := m.Target
			if target == "" {
				target = "-"
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", m.ID, m.Kind, target, m.Author, m.Created, oneLine(m.Text, 60))
		}
		return tw.Flush()
	})
}

// oneLine is text on one line, cut to about n characters.
func oneLine(text string, n int) string {
	s := strings.Join(strings.Fields(text), " ")
	if r := []rune(s); len(r) > n {
		s = string(r[:n-1]) + "…"
	}
	return s
}

// cmdMemo is themis memo add FILE (--project | --document NAME | --code NAME
// | --segment ID) --text TEXT, written as --as (or the lead).
func cmdMemo(args []string, out io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		return usageError{"memo: the subcommand is add: themis memo add FILE.themis (--project | --document NAME | --code NAME | --segment ID) --as NAME --text TEXT"}
	}
	fs := flag.NewFlagSet("memo add", flag.ContinueOnError)
	onProject := fs.Bool("project", false, "a memo on the project")
	doc := fs.String("document", "", "a memo on the document so named")
	code := fs.String("code", "", "a memo on the code so named")
	seg := fs.String("segment", "", "a memo on the segment with this id (themis journal records it as the id of its segment.add)")
	text := fs.String("text", "", "the memo's text (Markdown)")
	pos, err := parse(fs, args[1:], 1, 1)
	if err != nil {
		return err
	}
	n := 0
	for _, set := range []bool{*onProject, *doc != "", *code != "", *seg != ""} {
		if set {
			n++
		}
	}
	if n != 1 {
		return usageError{"memo add: say what the memo is on with exactly one of --project, --document NAME, --code NAME, --segment ID"}
	}
	if strings.TrimSpace(*text) == "" {
		return usageError{"memo add: --text TEXT is needed"}
	}
	return withProject(pos[0], true, func(p *store.Project) error {
		who, err := actor(p)
		if err != nil {
			return err
		}
		kind, target := store.MemoProject, int64(0)
		switch {
		case *doc != "":
			d, err := p.DocumentByName(*doc)
			if err != nil {
				return fmt.Errorf("--document %q: %w", *doc, err)
			}
			kind, target = store.MemoDocument, d.ID
		case *code != "":
			c, err := p.CodeByName(*code)
			if err != nil {
				return fmt.Errorf("--code %q: %w", *code, err)
			}
			kind, target = store.MemoCode, c.ID
		case *seg != "":
			id, err := strconv.ParseInt(*seg, 10, 64)
			if err != nil || id <= 0 {
				return usageError{fmt.Sprintf("memo add: --segment takes a segment id (a whole number), not %q", *seg)}
			}
			kind, target = store.MemoSegment, id
		}
		m, err := p.AddMemo(kind, target, *text, who)
		if err != nil {
			return fmt.Errorf("memo on %s: %w", describeTarget(kind, *doc, *code, *seg), err)
		}
		fmt.Fprintf(out, "memo %d added on %s\n", m.ID, describeTarget(kind, *doc, *code, *seg))
		return nil
	})
}

func describeTarget(kind, doc, code, seg string) string {
	switch kind {
	case store.MemoDocument:
		return "document “" + doc + "”"
	case store.MemoCode:
		return "code “" + code + "”"
	case store.MemoSegment:
		return "segment " + seg
	}
	return "the project"
}
