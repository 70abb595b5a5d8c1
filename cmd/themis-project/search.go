package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"themis/internal/prose"
	"themis/project"
	"themis/search"
	"themis/store"
)

// searchHitJSON is one hit of themis search --json.
type searchHitJSON struct {
	Document string `json:"document"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Speaker  string `json:"speaker"`
	Snippet  string `json:"snippet"`
}

// cmdSearch reads its own arguments: a query may start with "-" (-word is
// "not word"), which a flag parser would take for a flag. Only --json,
// --limit N and "--" (the rest is query) are flags.
func cmdSearch(args []string, out io.Writer) error {
	var pos []string
	asJSON, limit := false, 0
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--json" || a == "-json":
			asJSON = true
		case a == "--limit" || a == "-limit":
			if i+1 >= len(args) {
				return usageError{"--limit needs a number"}
			}
			n, err := strconv.Atoi(args[i+1])
			if err != nil || n < 0 {
				return usageError{fmt.Sprintf("--limit %q is not a number of turns", args[i+1])}
			}
			limit, i = n, i+1
		case a == "--":
			pos = append(pos, args[i+1:]...)
			i = len(args)
		default:
			pos = append(pos, a)
		}
	}
	if len(pos) < 2 {
		return usageError{"missing arguments: a project file and a query"}
	}
	query := strings.Join(pos[1:], " ")
	if _, err := search.ParseQuery(query); err != nil {
		return usageError{err.Error()}
	}
	return withProject(pos[0], false, func(p *store.Project) error {
		ix, err := project.OpenSearch(p, nil)
		if err != nil {
			return err
		}
		defer ix.Close()
		r, err := ix.Query(query, search.Options{Limit: limit})
		if search.IsQueryError(err) {
			return usageError{err.Error()}
		} else if err != nil {
			return err
		}
		if asJSON {
			list := make([]searchHitJSON, 0, len(r.Hits))
			for _, h := range r.Hits {
				list = append(list, searchHitJSON{h.Document, h.Start, h.End, h.Speaker, h.Snippet()})
			}
			return writeJSON(out, list)
		}
		return printSearch(out, r)
	})
}

// printSearch prints the hits grouped by document, the match in [brackets].
func printSearch(out io.Writer, r *search.Results) error {
	if len(r.Hits) == 0 {
		_, err := fmt.Fprintf(out, "No turns match %s.\n", r.Query)
		return err
	}
	shown := map[int64]bool{}
	for _, h := range r.Hits {
		shown[h.DocumentID] = true
	}
	fmt.Fprintf(out, "%s: %s in %s of %s\n", r.Query, prose.Count(len(r.Hits), "hit", "hits"), prose.Count(r.Turns, "turn", "turns"), prose.Count(len(r.Documents), "document", "documents"))
	if r.Truncated {
		fmt.Fprintf(out, "(the hits of the first %s; --limit 0 shows all)\n", prose.Count(countTurns(r.Hits), "turn", "turns"))
	}
	var tw *tabwriter.Writer
	doc := int64(-1)
	for _, h := range r.Hits {
		if h.DocumentID != doc {
			if tw != nil {
				tw.Flush()
			}
			tw = tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			doc = h.DocumentID
			for _, d := range r.Documents {
				if d.ID == doc {
					fmt.Fprintf(out, "\n%s — %s\n", d.Name, prose.Count(d.Turns, "turn", "turns"))
				}
			}
		}
		line := h.Before + "[" + h.Match + "]" + h.After
		if h.Whole {
			line = h.After
		}
		fmt.Fprintf(tw, "  %d–%d\t%s\t%s\n", h.Start, h.End, h.Speaker, line)
	}
	return tw.Flush()
}

func countTurns(hits []search.Hit) int {
	n, last := 0, ""
	for _, h := range hits {
		k := fmt.Sprint(h.DocumentID, "/", h.Turn)
		if k != last {
			n, last = n+1, k
		}
	}
	return n
}
