package app

import (
	"themis/interop"
	"themis/project"
	"themis/store"
)

// CasesService is case sheets, the cases table, and which document or speaker belongs to which case.
type CasesService struct{ s *Session }

// NewCasesService binds the service to a session.
func NewCasesService(s *Session) *CasesService { return &CasesService{s} }

// CaseAttributeDTO is a column of the cases table.
type CaseAttributeDTO struct {
	Name   string   `json:"name"`
	Type   string   `json:"type"`   // text, number, date or category
	Values []string `json:"values"` // a category's values in use
}

// CaseDTO is a row of the cases table.
type CaseDTO struct {
	ID     int64             `json:"id"`
	Name   string            `json:"name"`
	Values map[string]string `json:"values"` // attribute → value; unset values are absent
}

// SpeakerDTO is one speaker of one document.
type SpeakerDTO struct {
	Name     string `json:"name"`
	Turns    int    `json:"turns"`
	Case     int64  `json:"case"` // 0: the document's case
	CaseName string `json:"caseName"`
	Excluded bool   `json:"excluded"`
}

// DocumentCasesDTO is a document with its case and speakers.
type DocumentCasesDTO struct {
	Document int64        `json:"document"`
	Name     string       `json:"name"`
	Case     int64        `json:"case"` // 0: none
	CaseName string       `json:"caseName"`
	Speakers []SpeakerDTO `json:"speakers"`
}

// CasesView is everything the Cases tab shows.
type CasesView struct {
	Types      []string           `json:"types"`
	Attributes []CaseAttributeDTO `json:"attributes"`
	Cases      []CaseDTO          `json:"cases"`
	Documents  []DocumentCasesDTO `json:"documents"`
}

// SheetAttributeDTO is a column of an imported case sheet.
type SheetAttributeDTO struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Inferred bool     `json:"inferred"`
	Values   []string `json:"values"`
}

// CaseMatchDTO is a document linked to a case by an import, and how.
type CaseMatchDTO struct {
	Case     string `json:"case"`
	Document string `json:"document"`
	How      string `json:"how"`
}

// CaseSheetDTO reports what importing a case sheet did.
type CaseSheetDTO struct {
	File             string              `json:"file"`
	NameColumn       string              `json:"nameColumn"`
	DocumentColumn   string              `json:"documentColumn"`
	Attributes       []SheetAttributeDTO `json:"attributes"`
	Cases            int                 `json:"cases"`
	Added            int                 `json:"added"`
	Updated          int                 `json:"updated"`
	NewAttributes    int                 `json:"newAttributes"`
	Linked           int                 `json:"linked"`
	Matches          []CaseMatchDTO      `json:"matches"`
	UnknownDocuments []string            `json:"unknownDocuments"`
	Unmatched        []string            `json:"unmatched"`
	Summary          []string            `json:"summary"`
}

func casesView(p *store.Project) (CasesView, error) {
	v := CasesView{Types: store.AttributeTypes, Attributes: []CaseAttributeDTO{}, Cases: []CaseDTO{}, Documents: []DocumentCasesDTO{}}
	attrs, err := p.Attributes()
	if err != nil {
		return v, err
	}
	for _, a := range attrs {
		vals := a.Values
		if vals == nil {
			vals = []string{}
		}
		v.Attributes = append(v.Attributes, CaseAttributeDTO{a.Name, a.Type, vals})
	}
	cases, err := p.Cases()
	if err != nil {
		return v, err
	}
	for _, c := range cases {
		v.Cases = append(v.Cases, CaseDTO{c.ID, c.Name, c.Attributes})
	}
	docs, err := p.Speakers()
	if err != nil {
		return v, err
	}
	for _, d := range docs {
		dd := DocumentCasesDTO{Document: d.Document, Name: d.Name, Case: d.Case, CaseName: d.CaseName, Speakers: []SpeakerDTO{}}
		for _, s := range d.Speakers {
			dd.Speakers = append(dd.Speakers, SpeakerDTO{s.Name, s.Turns, s.Case, s.CaseName, s.Excluded})
		}
		v.Documents = append(v.Documents, dd)
	}
	return v, nil
}

// change runs one change to the project as the current coder and returns
// the table as it now stands.
func (cs *CasesService) change(fn func(p *store.Project, actor int64) error) (CasesView, error) {
	var v CasesView
	err := cs.s.withProject(func(p *store.Project) error {
		if err := fn(p, cs.s.coder); err != nil {
			return err
		}
		var err error
		v, err = casesView(p)
		return err
	})
	if err == nil {
		cs.s.emit("cases:changed", nil)
	}
	return v, err
}

// View returns the cases table and the documents with their speakers.
func (cs *CasesService) View() (CasesView, error) {
	var v CasesView
	err := cs.s.withProject(func(p *store.Project) error {
		var err error
		v, err = casesView(p)
		return err
	})
	return v, err
}

// AddCase adds an empty case.
func (cs *CasesService) AddCase(name string) (CasesView, error) {
	return cs.change(func(p *store.Project, actor int64) error { _, err := p.AddCase(name, actor); return err })
}

// RenameCase renames a case.
func (cs *CasesService) RenameCase(id int64, name string) (CasesView, error) {
	return cs.change(func(p *store.Project, actor int64) error { return p.RenameCase(id, name, actor) })
}

// DeleteCase deletes a case; its documents and speakers are left without one.
func (cs *CasesService) DeleteCase(id int64) (CasesView, error) {
	return cs.change(func(p *store.Project, actor int64) error { return p.DeleteCase(id, actor) })
}

// SetValue sets one attribute of a case ("" unsets it), checked against its type.
func (cs *CasesService) SetValue(id int64, attribute, value string) (CasesView, error) {
	return cs.change(func(p *store.Project, actor int64) error { return p.SetCaseValue(id, attribute, value, actor) })
}

// AddAttribute adds a column of the given type.
func (cs *CasesService) AddAttribute(name, typ string) (CasesView, error) {
	return cs.change(func(p *store.Project, actor int64) error { return p.AddAttribute(name, typ, actor) })
}

// RenameAttribute renames a column.
func (cs *CasesService) RenameAttribute(old, name string) (CasesView, error) {
	return cs.change(func(p *store.Project, actor int64) error { return p.RenameAttribute(old, name, actor) })
}

// SetAttributeType changes a column's type; refused when a value does not fit.
func (cs *CasesService) SetAttributeType(name, typ string) (CasesView, error) {
	return cs.change(func(p *store.Project, actor int64) error { return p.SetAttributeType(name, typ, actor) })
}

// DeleteAttribute removes a column and its values.
func (cs *CasesService) DeleteAttribute(name string) (CasesView, error) {
	return cs.change(func(p *store.Project, actor int64) error { return p.DeleteAttribute(name, actor) })
}

// SetDocumentCase links a document to a case (0: none).
func (cs *CasesService) SetDocumentCase(document, caseID int64) (CasesView, error) {
	return cs.change(func(p *store.Project, actor int64) error { return p.SetDocumentCase(document, caseID, actor) })
}

// SetSpeakerCase links one speaker of a document to a case (0: the document's).
func (cs *CasesService) SetSpeakerCase(document int64, speaker string, caseID int64) (CasesView, error) {
	return cs.change(func(p *store.Project, actor int64) error { return p.SetSpeakerCase(document, speaker, caseID, actor) })
}

// SetSpeakerExcluded leaves one speaker of a document out of coding and analysis, or brings them back.
func (cs *CasesService) SetSpeakerExcluded(document int64, speaker string, excluded bool) (CasesView, error) {
	return cs.change(func(p *store.Project, actor int64) error {
		return p.SetSpeakerExcluded(document, speaker, excluded, actor)
	})
}

// ExcludeEverywhereResult is the documents an exclusion changed and the table after it.
type ExcludeEverywhereResult struct {
	Documents []string  `json:"documents"`
	View      CasesView `json:"view"`
}

// ExcludeEverywhere leaves a speaker (e.g. "Interviewer") out in every document, in one step.
func (cs *CasesService) ExcludeEverywhere(speaker string) (ExcludeEverywhereResult, error) {
	res := ExcludeEverywhereResult{Documents: []string{}}
	v, err := cs.change(func(p *store.Project, actor int64) error {
		docs, err := p.ExcludeSpeaker(speaker, actor)
		res.Documents = append(res.Documents, docs...)
		return err
	})
	res.View = v
	return res, err
}

// ChooseAndImport asks for a case sheet and imports it; nil when the user cancelled.
func (cs *CasesService) ChooseAndImport() (*CaseSheetDTO, error) {
	path, err := cs.s.dialogs.OpenFile("Import a case sheet", []Filter{{"Case sheets (*.csv, *.xlsx)", "*.csv;*.xlsx;*.tsv"}})
	if err != nil || path == "" {
		return nil, err
	}
	return cs.Import(path)
}

// Import imports a CSV or XLSX case sheet in one transaction.
func (cs *CasesService) Import(path string) (*CaseSheetDTO, error) {
	var out *CaseSheetDTO
	err := cs.s.withProject(func(p *store.Project) error {
		r, err := project.ImportCaseSheet(p, path, interop.Options{}, cs.s.coder)
		if err != nil {
			return err
		}
		out = caseSheetDTO(r)
		return nil
	})
	if err == nil {
		cs.s.emit("cases:changed", nil)
	}
	return out, err
}

func caseSheetDTO(r project.CaseSheetResult) *CaseSheetDTO {
	d := &CaseSheetDTO{File: r.File, NameColumn: r.NameColumn, DocumentColumn: r.DocumentColumn, Cases: r.Cases,
		Added: r.Added, Updated: r.Updated, NewAttributes: r.CaseImport.Attributes, Linked: r.Linked,
		Attributes: []SheetAttributeDTO{}, Matches: []CaseMatchDTO{}, UnknownDocuments: []string{}, Unmatched: []string{},
		Summary: project.CaseSheetSummary(r)}
	for _, a := range r.Attributes {
		vals := a.Values
		if vals == nil {
			vals = []string{}
		}
		d.Attributes = append(d.Attributes, SheetAttributeDTO{a.Name, a.Type, a.Inferred, vals})
	}
	for _, m := range r.Matches {
		d.Matches = append(d.Matches, CaseMatchDTO{m.Case, m.Document, m.How})
	}
	d.UnknownDocuments = append(d.UnknownDocuments, r.UnknownDocuments...)
	d.Unmatched = append(d.Unmatched, r.Unmatched...)
	return d
}
