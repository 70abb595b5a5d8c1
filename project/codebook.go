package project

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"themis/errs"
	"themis/frameworks"
	"themis/store"
)

// CodebookFormats are the formats a codebook exports to, with their file
// extensions: the first three load back in.
var CodebookFormats = []struct{ Name, Ext, Label string }{
	{"yaml", ".yaml", "YAML codebook"},
	{"json", ".json", "JSON codebook"},
	{"qdc", ".qdc", "REFI-QDA codebook"},
	{"md", ".md", "Markdown"},
	{"html", ".html", "HTML"},
	{"csv", ".csv", "CSV"},
}

// CodebookExtension is the file extension of an export format, "" when the
// format is unknown.
func CodebookExtension(format string) string {
	for _, f := range CodebookFormats {
		if f.Name == format {
			return f.Ext
		}
	}
	return ""
}

// ExportCodebook renders a framework of the project (0: the active one) in
// format: yaml, json, qdc, md, html or csv.
func ExportCodebook(p *store.Project, framework int64, format string) ([]byte, error) {
	fw, err := p.ExportFramework(framework)
	if err != nil {
		return nil, err
	}
	if err := withCodeMemos(p, framework, &fw); err != nil {
		return nil, err
	}
	switch format {
	case "yaml", "yml", "":
		return frameworks.EncodeYAML(fw)
	case "json":
		return frameworks.EncodeJSON(fw)
	case "qdc":
		return frameworks.EncodeQDC(fw)
	case "md", "markdown":
		return frameworks.RenderMarkdown(fw), nil
	case "html":
		return frameworks.RenderHTML(fw)
	case "csv":
		return frameworks.EncodeCSV(fw)
	}
	return nil, fmt.Errorf("%w: codebook format %q: expected yaml, json, qdc, md, html or csv", store.ErrInvalid, format)
}

// maxCodebookFile bounds what ImportCodebookFile reads; a codebook of
// thousands of codes is well under it.
const maxCodebookFile = 8 << 20

// ImportCodebookFile reads a codebook file (.yaml, .yml, .json or .qdc) and
// adds it to the project as a new, active framework. A file that does not
// parse changes nothing; the error names the file and line.
func ImportCodebookFile(p *store.Project, path string, actor int64) (store.Framework, error) {
	info, err := os.Stat(path)
	if err != nil {
		return store.Framework{}, fmt.Errorf("import codebook: %w", err)
	}
	if info.Size() > maxCodebookFile {
		return store.Framework{}, fmt.Errorf("%w: %s is %d MB; a codebook file is at most %d MB", store.ErrInvalid,
			filepath.Base(path), info.Size()>>20, maxCodebookFile>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return store.Framework{}, fmt.Errorf("import codebook: %w", err)
	}
	return ImportCodebook(p, filepath.Base(path), data, actor)
}

// ImportCodebook adds the codebook in data, named by filename, as a new,
// active framework.
func ImportCodebook(p *store.Project, filename string, data []byte, actor int64) (store.Framework, error) {
	fw, err := frameworks.Parse(filename, data)
	if err != nil {
		return store.Framework{}, &CodebookError{Err: err}
	}
	return p.CreateFramework(fw, filename, actor)
}

// CodebookError is a codebook file that could not be read; its message
// names the file, line and what was expected.
type CodebookError struct{ Err error }

func (e *CodebookError) Error() string { return e.Err.Error() }
func (e *CodebookError) Unwrap() error { return e.Err }

// Kind is errs.Invalid: the file is what is wrong.
func (e *CodebookError) Kind() errs.Kind { return errs.Invalid }

// NewFramework is the framework a new project or a new framework starts
// from: the built-in with that id, or an empty codebook called name; origin
// says which, for the framework's history.
func NewFramework(builtin, name string) (fw frameworks.Framework, origin string, err error) {
	name = strings.TrimSpace(name)
	if builtin == "" {
		if name == "" {
			name = "Codebook"
		}
		return frameworks.Framework{Name: name}, "an empty codebook", nil
	}
	fw, err = frameworks.BuiltinFramework(builtin)
	if err != nil {
		return fw, "", fmt.Errorf("%w: %v", store.ErrInvalid, err)
	}
	origin = "the built-in “" + fw.Name + "”"
	if name != "" {
		fw.Name = name
	}
	return fw, origin, nil
}

// withCodeMemos puts the memos on each code of the framework (0: the active
// one) into fw, oldest first, so the codebook files carry them. Code memos
// are shared in blind mode, so every exporter sees them all.
func withCodeMemos(p *store.Project, framework int64, fw *frameworks.Framework) error {
	codes, err := p.CodesOf(framework)
	if err != nil {
		return err
	}
	memos, err := Memos(p, Viewer{}, store.MemoFilter{Kind: store.MemoCode})
	if err != nil {
		return err
	}
	refs := map[int64]string{}
	for _, c := range codes {
		refs[c.ID] = c.Ref
	}
	byRef := map[string][]frameworks.Memo{}
	for _, m := range memos {
		if ref, ok := refs[m.Target]; ok {
			byRef[ref] = append(byRef[ref], frameworks.Memo{Author: m.AuthorName, Created: m.CreatedAt, Text: m.Text})
		}
	}
	for i := range fw.Codes {
		fw.Codes[i].Memos = byRef[fw.Codes[i].Ref]
	}
	return nil
}
