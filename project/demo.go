package project

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"

	"themis/demo"
	"themis/frameworks"
	"themis/store"
)

// DemoLead and DemoSecondCoder are the two coders of the bundled demo study.
const (
	DemoLead        = "Aisha"
	DemoSecondCoder = "Ben"
)

// CreateDemo writes the bundled demo study to path: nine synthetic
// transcripts of a social prescribing evaluation, their cases, and two
// coders' Keyes coding with realistic partial agreement, written to file. Blind mode is off,
// as it is once a team has finished coding and compares. If anything fails
// the file is removed, so there is never half a demo.
func CreateDemo(file string) (p *store.Project, err error) {
	p, err = store.Create(file, frameworks.Keyes(), DemoLead)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			p.Close()
			for _, suffix := range []string{"", "-wal", "-shm", ".lock"} {
				os.Remove(file + suffix)
			}
			p = nil
			err = fmt.Errorf("create demo project: %w", err)
		}
	}()
	lead, err := p.Lead()
	if err != nil {
		return p, err
	}
	if _, err = p.AddCoder(DemoSecondCoder, lead.ID); err != nil {
		return p, err
	}
	names, err := fs.Glob(demo.Files, "transcripts/*.txt")
	if err != nil {
		return p, err
	}
	var files []NamedData
	for _, n := range names {
		b, err := demo.Files.ReadFile(n)
		if err != nil {
			return p, err
		}
		files = append(files, NamedData{Name: path.Base(n), Data: b})
	}
	if _, err = ImportData(p, files, lead.ID); err != nil {
		return p, err
	}
	if err = linkDemoCases(p, lead.ID); err != nil {
		return p, err
	}
	codings, err := demo.Files.ReadFile("codings.csv")
	if err != nil {
		return p, err
	}
	if _, err = ImportSegmentsCSV(p, bytes.NewReader(codings), lead.ID); err != nil {
		return p, err
	}
	err = p.SetBlindMode(false, lead.ID)
	return p, err
}

// linkDemoCases reads cases.csv: document, case, then one column per attribute.
func linkDemoCases(p *store.Project, actor int64) error {
	b, err := demo.Files.ReadFile("cases.csv")
	if err != nil {
		return err
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return fmt.Errorf("cases.csv: %w", err)
	}
	docs, err := documentsByName(p)
	if err != nil {
		return err
	}
	header := rows[0]
	// The attributes in the sheet's order, each with what it is, so the
	// Cases tab offers a choice of roles and filters can compare numbers.
	types := map[string]string{"role": "category", "nested_case": "number", "age_group": "category", "referral_route": "category"}
	for _, name := range header[2:] {
		typ := types[name]
		if typ == "" {
			typ = "text"
		}
		if err := p.AddAttribute(name, typ, actor); err != nil {
			return fmt.Errorf("cases.csv: %s: %w", name, err)
		}
	}
	for _, r := range rows[1:] {
		d, ok := docs[r[0]]
		if !ok {
			return fmt.Errorf("cases.csv: unknown document %q", r[0])
		}
		attrs := map[string]string{}
		for i := 2; i < len(header) && i < len(r); i++ {
			if v := strings.TrimSpace(r[i]); v != "" {
				attrs[header[i]] = v
			}
		}
		if err := p.LinkCase(d.ID, r[1], attrs, actor); err != nil {
			return err
		}
	}
	return nil
}
