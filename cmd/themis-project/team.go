package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"themis/interop/qdpx"
	"themis/project"
	"themis/store"
)

// Working as a team: the lead sends each coder a copy (send), merges the
// copies back (merge, undo-merge), and exchanges projects with other tools
// as REFI-QDA archives (qdpx export, qdpx import).

// mergeJSON is the --json of merge and qdpx import: the report, with each
// coder's segments added by name.
type mergeJSON struct {
	Documents   project.DocumentsMerge `json:"documents"`
	Codes       project.CodesMerge     `json:"codes"`
	Coders      map[string]int         `json:"coders"`
	NotImported map[string]int         `json:"not_imported"`
	Applied     bool                   `json:"applied"`
	Journal     int64                  `json:"journal"`
}

// cmdMerge is themis merge FILE.themis COPY.themis|COPY.qdpx.
func cmdMerge(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	preview := fs.Bool("preview", false, "print what the merge would do and write nothing")
	asJSON := fs.Bool("json", false, "print JSON")
	skip := fs.Bool("skip-missing", false, "merge a .qdpx whose text sources lack their file without those sources")
	pos, err := parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	in, err := readCopy(pos[1], *skip)
	if err != nil {
		return err
	}
	return mergeInto(out, pos[0], pos[1], in, project.MergeOptions{File: filepath.Base(pos[1])}, *preview, *asJSON)
}

// mergeInto merges (or, with preview, previews merging) the model read from
// the file named from into the project file, and prints the report.
func mergeInto(out io.Writer, file, from string, in *qdpx.Project, opt project.MergeOptions, preview, asJSON bool) error {
	return withProject(file, !preview, func(p *store.Project) error {
		var r project.MergeReport
		var err error
		if preview {
			r, err = project.PreviewMerge(p, in, opt)
		} else {
			var who int64
			if who, err = actor(p); err != nil {
				return err
			}
			r, err = project.Merge(p, in, opt, who)
		}
		if err != nil {
			return fileError(from, err)
		}
		return printMerge(out, r, file, false, asJSON)
	})
}

// cmdUndoMerge is themis undo-merge FILE.themis [JOURNAL_ID]: the latest
// merge not yet undone, or the one the journal entry names.
func cmdUndoMerge(args []string, out io.Writer) error {
	pos, err := parse(flag.NewFlagSet("undo-merge", flag.ContinueOnError), args, 1, 2)
	if err != nil {
		return err
	}
	var id int64
	if len(pos) == 2 {
		if id, err = strconv.ParseInt(pos[1], 10, 64); err != nil || id <= 0 {
			return usageError{fmt.Sprintf("%q is not a journal entry's number (themis journal lists them)", pos[1])}
		}
	}
	return withProject(pos[0], true, func(p *store.Project) error {
		who, err := actor(p)
		if err != nil {
			return err
		}
		if id == 0 {
			hist, err := project.MergeHistory(p)
			if err != nil {
				return err
			}
			for _, m := range hist {
				if !m.Undone {
					id = m.Journal
					break
				}
			}
			if id == 0 {
				return fmt.Errorf("%s has no merge to undo", filepath.Base(pos[0]))
			}
		}
		rec, err := project.UndoMerge(p, id, who)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "undid the merge of %s (journal entry %d, by %s on %s): %d segments taken out\n",
			rec.File, rec.Journal, rec.By, rec.At, rec.Segments)
		return nil
	})
}

// cmdQDPX is themis qdpx export|import.
func cmdQDPX(args []string, out io.Writer) error {
	if len(args) == 0 {
		return usageError{"say export or import"}
	}
	switch args[0] {
	case "export":
		return qdpxExport(args[1:], out)
	case "import":
		return qdpxImport(args[1:], out)
	}
	return usageError{fmt.Sprintf("unknown qdpx command %q: say export or import", args[0])}
}

func qdpxExport(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("qdpx export", flag.ContinueOnError)
	coders := fs.String("coders", "", "only these coders' layers, comma-separated")
	docs := fs.String("docs", "", "only these documents, comma-separated")
	pos, err := parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	if !strings.EqualFold(filepath.Ext(pos[1]), ".qdpx") {
		return usageError{fmt.Sprintf("%s: the archive's name ends in .qdpx", pos[1])}
	}
	return withProject(pos[0], false, func(p *store.Project) error {
		who, err := actor(p)
		if err != nil {
			return err
		}
		var opt project.ExchangeOptions
		for _, name := range splitList(*coders) {
			c, err := p.CoderByName(name)
			if err != nil {
				return fmt.Errorf("--coders: %q: %w", name, err)
			}
			opt.Coders = append(opt.Coders, c.ID)
		}
		if names := splitList(*docs); len(names) > 0 {
			all, err := p.Documents()
			if err != nil {
				return err
			}
			byName := map[string]int64{}
			for _, d := range all {
				byName[d.Name] = d.ID
			}
			for _, n := range names {
				id, ok := byName[n]
				if !ok {
					return fmt.Errorf("--docs: no document %q in %s", n, filepath.Base(pos[0]))
				}
				opt.Documents = append(opt.Documents, id)
			}
		}
		sum, err := project.ExportQDPX(p, opt, who, pos[1])
		if err != nil {
			return fileError(pos[1], err)
		}
		fmt.Fprintf(out, "wrote %s: %s, %s, %s, %s, %s, %s\n", pos[1],
			counted(sum.Documents, "document"), counted(sum.Codes, "code"), counted(sum.Coders, "coder"),
			counted(sum.Segments, "segment"), counted(sum.Cases, "case"), counted(sum.Memos, "memo"))
		return nil
	})
}

func qdpxImport(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("qdpx import", flag.ContinueOnError)
	preview := fs.Bool("preview", false, "print what the import would do and write nothing")
	asJSON := fs.Bool("json", false, "print JSON")
	skip := fs.Bool("skip-missing", false, "import without the text sources whose file the archive lacks")
	pos, err := parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	if !strings.EqualFold(filepath.Ext(pos[0]), ".qdpx") {
		return usageError{fmt.Sprintf("%s: a REFI-QDA project archive's name ends in .qdpx", pos[0])}
	}
	in, err := readCopy(pos[0], *skip)
	if err != nil {
		return err
	}
	opt := project.MergeOptions{File: filepath.Base(pos[0]), AddDocuments: true}
	if _, err := os.Stat(pos[1]); errors.Is(err, os.ErrNotExist) {
		var r project.MergeReport
		if *preview {
			r, err = project.PreviewImportAsNew(in, opt)
		} else {
			r, err = project.ImportAsNew(in, opt, pos[1], strings.TrimSpace(actingAs))
		}
		if err != nil {
			return fileError(pos[0], err)
		}
		return printMerge(out, r, pos[1], true, *asJSON)
	} else if err != nil {
		return err
	}
	return mergeInto(out, pos[1], pos[0], in, opt, *preview, *asJSON)
}

// readCopy reads a coder's copy or a REFI-QDA archive; an archive whose
// sources lack their files is refused with the way round it.
func readCopy(path string, skipMissing bool) (*qdpx.Project, error) {
	in, err := project.ReadCopy(path, qdpx.ReadOptions{SkipMissingSources: skipMissing})
	if errors.Is(err, qdpx.ErrMissingSources) {
		return nil, fmt.Errorf("%w\nnothing was written; run again with --skip-missing to go on without those sources", fileError(path, err))
	}
	if err != nil {
		return nil, fileError(path, err)
	}
	return in, nil
}

// printMerge prints the report of a merge into file, or, when fresh, of an
// import as the new project file.
func printMerge(out io.Writer, r project.MergeReport, file string, fresh, asJSON bool) error {
	if asJSON {
		j := mergeJSON{Documents: r.Documents, Codes: r.Codes, Coders: map[string]int{}, NotImported: r.NotImported,
			Applied: r.Applied, Journal: r.Journal}
		for _, c := range r.Coders {
			j.Coders[c.Name] = c.Added
		}
		if j.NotImported == nil {
			j.NotImported = map[string]int{}
		}
		if j.Documents.Added == nil {
			j.Documents.Added = []string{}
		}
		if j.Documents.Missing == nil {
			j.Documents.Missing = []string{}
		}
		if j.Documents.Differs == nil {
			j.Documents.Differs = []string{}
		}
		if j.Codes.Added == nil {
			j.Codes.Added = []string{}
		}
		if j.Codes.Conflicts == nil {
			j.Codes.Conflicts = []project.CodeConflict{}
		}
		return writeJSON(out, j)
	}
	switch {
	case fresh && r.Applied:
		fmt.Fprintf(out, "Imported %s as the new project %s.\n", r.File, filepath.Base(file))
	case fresh:
		fmt.Fprintf(out, "Preview of importing %s as the new project %s — nothing was written.\n", r.File, filepath.Base(file))
	case r.Applied:
		fmt.Fprintf(out, "Merged %s into %s.\n", r.File, filepath.Base(file))
	default:
		fmt.Fprintf(out, "Preview of merging %s into %s — nothing was written.\n", r.File, filepath.Base(file))
	}
	if fresh && r.Lead != "" {
		fmt.Fprintf(out, "Its lead: %s (choose another with --as NAME).\n", r.Lead)
	}
	d := r.Documents
	fmt.Fprintf(out, "\nDocuments: %d matched by their text", d.Matched)
	if len(d.Added) > 0 {
		fmt.Fprintf(out, ", %d added", len(d.Added))
	}
	fmt.Fprintln(out, ".")
	list := func(title string, names []string) {
		if len(names) > 0 {
			fmt.Fprintf(out, "  %s: %s\n", title, strings.Join(names, ", "))
		}
	}
	list("added", d.Added)
	list("not in this project (not merged)", d.Missing)
	list("text differs from this project's (not merged)", d.Differs)

	c := r.Codes
	if fresh {
		// The new project's framework is made from the archive's codebook,
		// so every code "matches": say what that means instead.
		fmt.Fprintf(out, "\nCodes: %d, the new project's framework.\n", c.Matched+len(c.Added))
	} else {
		fmt.Fprintf(out, "\nCodes: %d matched, %d new, %d conflicting.\n", c.Matched, len(c.Added), len(c.Conflicts))
	}
	list("new", c.Added)
	if len(c.Conflicts) > 0 {
		fmt.Fprintln(out, "  conflicts (reported, not applied; this project's stands):")
		for _, k := range c.Conflicts {
			fmt.Fprintf(out, "    %s, %s: here %q, in the copy %q\n", k.Code, k.Field, k.Ours, k.Theirs)
		}
	}

	fmt.Fprintln(out, "\nCoders:")
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  coder\tsegments\tadded\tduplicates\tskipped\t")
	for _, k := range r.Coders {
		if k.Segments == 0 && k.Added == 0 && !k.New {
			continue // a coder the copy names but whose layer it does not hold (a sent copy keeps only one)
		}
		name := k.Name
		if k.New {
			name += " (new)"
		}
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\t%d\t\n", name, k.Segments, k.Added, k.Duplicates, k.Skipped)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if r.Cases > 0 || r.Memos > 0 {
		fmt.Fprintf(out, "\nCases added: %d. Memos added: %d.\n", r.Cases, r.Memos)
	}
	if len(r.NotImported) > 0 {
		kinds := make([]string, 0, len(r.NotImported))
		for k := range r.NotImported {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		fmt.Fprintln(out, "\nNot imported:")
		for _, k := range kinds {
			fmt.Fprintf(out, "  %s: %d\n", k, r.NotImported[k])
		}
	}
	if len(r.Notes) > 0 {
		fmt.Fprintln(out)
		for _, n := range r.Notes {
			fmt.Fprintln(out, n)
		}
	}
	if r.Applied && r.Journal != 0 {
		fmt.Fprintf(out, "\nJournal entry %d; to take the whole merge back: themis undo-merge %s %d\n", r.Journal, file, r.Journal)
	}
	return nil
}
