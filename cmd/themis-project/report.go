package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"themis/project"
	"themis/report"
	"themis/store"
)

// cmdReport writes the themes report of a framework (issue 10) as Markdown,
// HTML or Word to -o OUT ("-" prints md or html).
func cmdReport(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	frameworkName := fs.String("framework", "", "the framework to report (default: the active one)")
	coderName := fs.String("coder", "", "one coder's (or consensus layer's) coding")
	consensus := fs.Bool("consensus", false, "the project's consensus layer")
	starredOnly := fs.Bool("starred-only", false, "quote starred exemplars only")
	memos := fs.Bool("memos", false, "put each code's memos under its definition")
	by := fs.String("by", "", "the case attribute of the prevalence breakdown (default: role when there is one; - for none)")
	format := fs.String("format", "", "md, html or docx")
	output := fs.String("o", "", "the file to write (- prints md or html)")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	switch {
	case *format != "md" && *format != "html" && *format != "docx":
		return usageError{fmt.Sprintf("--format must be md, html or docx, not %q", *format)}
	case *output == "":
		return usageError{"-o OUT is required: the file to write"}
	case *output == "-" && *format == "docx":
		return usageError{"a .docx cannot be printed; give -o FILE.docx"}
	case *coderName != "" && *consensus:
		return usageError{"say --coder NAME or --consensus, not both"}
	}
	var data []byte
	err = withProject(pos[0], false, func(p *store.Project) error {
		viewer, err := project.CommandLineViewer(p)
		if err != nil {
			return err
		}
		o := project.ReportOptions{StarredOnly: *starredOnly, Memos: *memos}
		if o.Framework, err = frameworkNamed(p, *frameworkName); err != nil {
			return named(err)
		}
		if o.Layer, err = layerNamed(p, *coderName, *consensus); err != nil {
			return err
		}
		if o.Breakdown, err = breakdownNamed(p, *by); err != nil {
			return err
		}
		if o.Attribution, err = project.DefaultAttribution(p); err != nil {
			return err
		}
		r, err := project.ThemeReport(p, viewer, o)
		if err != nil {
			return named(err)
		}
		if *format == "docx" {
			var b bytes.Buffer
			if err := report.ThemeDocx(r, &b); err != nil {
				return err
			}
			data = b.Bytes()
			return nil
		}
		text, err := project.RenderThemeReport(r, *format)
		data = []byte(text)
		return err
	})
	if err != nil {
		return err
	}
	if *output == "-" {
		_, err = dataOut(out).Write(data)
		return err
	}
	// Written only once the whole report is made, so a failure leaves no
	// half-written file behind.
	if err := os.WriteFile(*output, data, 0o644); err != nil {
		return fmt.Errorf("write the report to %s: %w", *output, err)
	}
	return nil
}

// breakdownNamed is the attribute --by names ("-" for none), or by default
// role when the project has it.
func breakdownNamed(p *store.Project, by string) (string, error) {
	switch strings.TrimSpace(by) {
	case "":
		return project.DefaultBreakdown(p)
	case "-":
		return "", nil
	}
	attrs, err := p.Attributes()
	if err != nil {
		return "", err
	}
	var names []string
	for _, a := range attrs {
		if strings.EqualFold(a.Name, strings.TrimSpace(by)) {
			return a.Name, nil
		}
		names = append(names, fmt.Sprintf("%q", a.Name))
	}
	has := "no case attributes"
	if len(names) > 0 {
		has = strings.Join(names, ", ")
	}
	return "", usageError{fmt.Sprintf("unknown attribute %q: the project has %s", by, has)}
}
