package project

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"themis/errs"
	"themis/frameworks"
	"themis/interop/qdpx"
	"themis/store"
)

// ReadCopy reads a copy to merge: a REFI-QDA project (.qdpx) with
// qdpx.ReadFile, or a Themis project (.themis) opened read-only and taken
// whole (every coder's layer) as the model, then closed.
func ReadCopy(path string, opt qdpx.ReadOptions) (*qdpx.Project, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".qdpx":
		return qdpx.ReadFile(path, opt)
	case store.Extension:
		p, err := store.OpenReadOnly(path)
		if err != nil {
			return nil, err
		}
		defer p.Close()
		in, err := Exchange(p, ExchangeOptions{})
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", filepath.Base(path), err)
		}
		return in, nil
	}
	return nil, errs.Errorf(errs.Unsupported, "%s: Themis merges a Themis project (.themis) or a REFI-QDA project (.qdpx), not a %q file",
		filepath.Base(path), filepath.Ext(path))
}

// ImportAsNew creates a new project at path (refusing if a file is there)
// from a REFI-QDA model: its codebook becomes the project's framework, named
// after the project (with several frameworks, the first; Merge adds the
// others), the lead is lead or, when "", the archive's creator or first user, and then
// everything is merged with AddDocuments. On any failure no file is left
// behind.
func ImportAsNew(in *qdpx.Project, opt MergeOptions, path, lead string) (MergeReport, error) {
	if in == nil {
		return MergeReport{}, errs.Errorf(errs.Invalid, "import %s: nothing to import", opt.File)
	}
	if _, err := os.Stat(path); err == nil {
		return MergeReport{}, fmt.Errorf("import %s: %s: %w", opt.File, filepath.Base(path), store.ErrExists)
	}
	fw, renamed, err := codebookFramework(in, opt.File)
	if err != nil {
		return MergeReport{}, err
	}
	lead = strings.TrimSpace(lead)
	if lead == "" {
		lead = firstUser(in)
	}
	p, err := store.Create(path, fw, lead)
	if err != nil {
		return MergeReport{}, fmt.Errorf("import %s: %w", opt.File, err)
	}
	removeAll := func() {
		for _, f := range []string{path, path + "-wal", path + "-shm", path + ".lock"} {
			os.Remove(f)
		}
	}
	l, err := p.Lead()
	if err != nil {
		p.Close()
		removeAll()
		return MergeReport{}, err
	}
	opt.AddDocuments = true
	r, err := mergeWith(p, in, opt, l.ID, renamed)
	if cerr := p.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		removeAll()
		return MergeReport{}, err
	}
	r.Lead = l.Name
	return r, nil
}

// PreviewImportAsNew says what ImportAsNew would bring in, writing nothing
// the caller sees: it plans against a project made and removed in a
// temporary folder, so that preview and import cannot disagree.
func PreviewImportAsNew(in *qdpx.Project, opt MergeOptions) (MergeReport, error) {
	if in == nil {
		return MergeReport{}, errs.Errorf(errs.Invalid, "import %s: nothing to import", opt.File)
	}
	fw, renamed, err := codebookFramework(in, opt.File)
	if err != nil {
		return MergeReport{}, err
	}
	dir, err := os.MkdirTemp("", "themis-preview-*")
	if err != nil {
		return MergeReport{}, err
	}
	defer os.RemoveAll(dir)
	lead := firstUser(in)
	p, err := store.Create(filepath.Join(dir, "preview"+store.Extension), fw, lead)
	if err != nil {
		return MergeReport{}, fmt.Errorf("import %s: %w", opt.File, err)
	}
	defer p.Close()
	opt.AddDocuments = true
	r, err := previewWith(p, in, opt, renamed)
	r.Lead = lead
	return r, err
}

// firstUser is the name of the user who made the archive's project, else of
// its first user Themis can take as a coder, else "Project lead". The
// creator comes first because tools list themselves among the users (ATLAS.ti
// names a user "ATLAS.ti"), and a program is nobody's lead.
func firstUser(in *qdpx.Project) string {
	usable := func(u qdpx.User) (string, bool) {
		n := cleanName(u.Name)
		return n, n != "" && store.CheckName("a coder", n) == nil
	}
	for _, u := range in.Users {
		if n, ok := usable(u); ok && in.CreatingUser != "" && strings.EqualFold(u.GUID, in.CreatingUser) {
			return n
		}
	}
	for _, u := range in.Users {
		if n, ok := usable(u); ok {
			return n
		}
	}
	return "Project lead"
}

// codebookFramework is the framework a new project gets from an archive's
// codebook: its top-level codes (or, when every one stands for a framework
// of a Themis project, the first of those) with their hierarchy, guids,
// colours and descriptions split as ParseQDC splits them. Names are made
// unique as ParseQDC makes them; renamed maps the guid of each code renamed
// so to its new name.
func codebookFramework(in *qdpx.Project, file string) (frameworks.Framework, map[string]string, error) {
	name := cleanName(in.Name)
	if name == "" {
		name = cleanName(strings.TrimSuffix(file, filepath.Ext(file)))
	}
	if name == "" || store.CheckName("a framework", name) != nil {
		name = "Imported codebook"
	}
	var top []qdpx.Code
	wrappers := 0
	for _, c := range in.Codes {
		if isFrameworkWrapper(c) {
			wrappers++
			continue
		}
		top = append(top, c)
	}
	if len(top) == 0 && wrappers > 0 {
		w := in.Codes[0]
		top = w.Children
		if n := cleanName(w.Name); n != "" && store.CheckName("a framework", n) == nil {
			name = n
		}
	}
	f := frameworks.Framework{Name: name}
	renamed := map[string]string{}
	names := map[string]bool{}
	refs := map[string]bool{}
	guids := map[string]bool{}
	var add func(c qdpx.Code, parent, parentName string)
	add = func(c qdpx.Code, parent, parentName string) {
		n := cleanName(c.Name)
		if n == "" || store.CheckName("a code", n) != nil {
			return // Merge reports it among the codes Themis cannot hold
		}
		base := n
		if names[strings.ToLower(n)] && parentName != "" {
			base = fmt.Sprintf("%s (%s)", n, parentName)
		}
		n = base
		for i := 2; names[strings.ToLower(n)]; i++ {
			n = fmt.Sprintf("%s (%d)", base, i)
		}
		names[strings.ToLower(n)] = true
		def, when, whenNot, examples, _ := frameworks.SplitCodeDescription(c.Description)
		g := normalGUID(c.GUID)
		if !guidPattern.MatchString(g) || guids[g] {
			g = ""
		}
		guids[g] = g != ""
		ref := frameworks.RefFor(n, refs)
		fc, err := frameworks.CleanCode(frameworks.Code{Ref: ref, Parent: parent, Name: n,
			Definition: def, WhenToUse: when, WhenNotToUse: whenNot, Examples: examples, Color: c.Color, Codable: c.Codable, GUID: g})
		if err != nil {
			fc.Color = "" // the one field CleanCode refuses that a code can do without
			if fc, err = frameworks.CleanCode(fc); err != nil {
				return
			}
		}
		fc.Ref, fc.Parent, fc.GUID = ref, parent, g
		if n != cleanName(c.Name) && g != "" {
			renamed[g] = n
		}
		f.Codes = append(f.Codes, fc)
		for _, k := range c.Children {
			add(k, fc.Ref, n)
		}
	}
	for _, c := range top {
		add(c, "", "")
	}
	if err := f.Validate(); err != nil {
		return frameworks.Framework{}, nil, errs.Errorf(errs.Invalid, "import %s: the codebook: %v", file, err)
	}
	return f, renamed, nil
}
