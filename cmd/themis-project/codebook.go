package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"themis/frameworks"
	"themis/project"
	"themis/store"
)

// cmdCodebook lists, exports, imports and versions a project's codebooks.
func cmdCodebook(args []string, out io.Writer) error {
	if len(args) == 0 {
		return usageError{"say list, export, import, history or tag"}
	}
	switch args[0] {
	case "list":
		pos, err := parse(flag.NewFlagSet("codebook list", flag.ContinueOnError), args[1:], 1, 1)
		if err != nil {
			return err
		}
		return withProject(pos[0], false, func(p *store.Project) error { return listFrameworks(p, out) })
	case "export":
		fs := flag.NewFlagSet("codebook export", flag.ContinueOnError)
		format := fs.String("format", "yaml", "yaml, json, qdc (REFI-QDA), md, html or csv")
		name := fs.String("framework", "", "the framework to export (default: the active one)")
		pos, err := parse(fs, args[1:], 1, 1)
		if err != nil {
			return err
		}
		if project.CodebookExtension(*format) == "" {
			return usageError{fmt.Sprintf("--format %q: expected yaml, json, qdc, md, html or csv", *format)}
		}
		return withProject(pos[0], false, func(p *store.Project) error {
			fw, err := frameworkNamed(p, *name)
			if err != nil {
				return err
			}
			b, err := project.ExportCodebook(p, fw, *format)
			if err != nil {
				return err
			}
			_, err = dataOut(out).Write(b)
			return err
		})
	case "import":
		pos, err := parse(flag.NewFlagSet("codebook import", flag.ContinueOnError), args[1:], 2, 2)
		if err != nil {
			return err
		}
		return withProject(pos[0], true, func(p *store.Project) error {
			who, err := actor(p)
			if err != nil {
				return err
			}
			f, err := project.ImportCodebookFile(p, pos[1], who)
			if err != nil {
				return fmt.Errorf("%w\nthe project is unchanged", err)
			}
			codes, err := p.CodesOf(f.ID)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "imported %q with %d codes from %s; it is now the active framework\n", f.Name, len(codes), pos[1])
			return nil
		})
	case "history":
		fs := flag.NewFlagSet("codebook history", flag.ContinueOnError)
		name := fs.String("framework", "", "the framework (default: the active one)")
		pos, err := parse(fs, args[1:], 1, 1)
		if err != nil {
			return err
		}
		return withProject(pos[0], false, func(p *store.Project) error { return printHistory(p, *name, out) })
	case "tag":
		fs := flag.NewFlagSet("codebook tag", flag.ContinueOnError)
		name := fs.String("framework", "", "the framework (default: the active one)")
		note := fs.String("note", "", "why this version matters")
		pos, err := parse(fs, args[1:], 2, 2)
		if err != nil {
			return err
		}
		return withProject(pos[0], true, func(p *store.Project) error {
			fw, err := frameworkNamed(p, *name)
			if err != nil {
				return err
			}
			who, err := actor(p)
			if err != nil {
				return err
			}
			t, err := p.TagCodebook(fw, pos[1], *note, who)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "tagged revision %d as %q\n", t.Revision, t.Name)
			return nil
		})
	}
	return usageError{fmt.Sprintf("unknown codebook command %q: say list, export, import, history or tag", args[0])}
}

// frameworkNamed finds a framework by name, ignoring case; "" is the active one.
func frameworkNamed(p *store.Project, name string) (int64, error) {
	if name == "" {
		return 0, nil
	}
	fws, err := p.Frameworks()
	if err != nil {
		return 0, err
	}
	var names []string
	for _, f := range fws {
		if strings.EqualFold(f.Name, strings.TrimSpace(name)) {
			return f.ID, nil
		}
		names = append(names, fmt.Sprintf("%q", f.Name))
	}
	return 0, fmt.Errorf("framework %q: %w; the project has %s", name, store.ErrNotFound, strings.Join(names, ", "))
}

func listFrameworks(p *store.Project, out io.Writer) error {
	fws, err := p.Frameworks()
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "\tframework\tcodes\tversion")
	for _, f := range fws {
		codes, err := p.CodesOf(f.ID)
		if err != nil {
			return err
		}
		v, err := p.CodebookVersion(f.ID)
		if err != nil {
			return err
		}
		mark := ""
		if f.Active {
			mark = "*"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", mark, f.Name, len(codes), v.Label())
	}
	fmt.Fprintln(tw, "\n* the active framework")
	return tw.Flush()
}

func printHistory(p *store.Project, name string, out io.Writer) error {
	fw, err := frameworkNamed(p, name)
	if err != nil {
		return err
	}
	changes, err := p.CodebookHistory(fw)
	if err != nil {
		return err
	}
	tags, err := p.CodebookTags(fw)
	if err != nil {
		return err
	}
	coders, err := p.Coders()
	if err != nil {
		return err
	}
	who := map[int64]string{0: "-"}
	for _, c := range coders {
		who[c.ID] = c.Name
	}
	tagged := map[int][]string{}
	for _, t := range tags {
		tagged[t.Revision] = append(tagged[t.Revision], fmt.Sprintf("[%s]", t.Name))
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "revision\twhen\twho\tchange")
	for i := len(changes) - 1; i >= 0; i-- {
		c := changes[i]
		summary := c.Summary
		if c.Undone {
			summary += " (undone)"
		}
		if t := tagged[c.Revision]; len(t) > 0 {
			summary += " " + strings.Join(t, " ")
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", c.Revision, shortTime(c.At), who[c.Coder], summary)
	}
	return tw.Flush()
}

// shortTime keeps an RFC 3339 stamp to the minute.
func shortTime(at string) string {
	if len(at) >= 16 {
		return strings.Replace(at[:16], "T", " ", 1)
	}
	return at
}

// newFramework is the framework `themis new --framework` names.
func newFramework(id string) (frameworks.Framework, error) {
	if id == "empty" {
		id = ""
	}
	fw, _, err := project.NewFramework(id, "")
	if err != nil {
		var ids []string
		for _, b := range frameworks.Builtins() {
			ids = append(ids, b.ID)
		}
		return fw, usageError{fmt.Sprintf("--framework %q: expected %s or empty", id, strings.Join(ids, ", "))}
	}
	return fw, nil
}
