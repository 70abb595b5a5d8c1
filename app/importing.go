package app

import (
	"themis/project"
	"themis/store"
)

// ImportedDTO reports one file of an import.
type ImportedDTO struct {
	Name        string `json:"name"`
	ID          int64  `json:"id"`
	DuplicateOf string `json:"duplicateOf"`
	Turns       int    `json:"turns"`
	Words       int    `json:"words"`
}

// ImportProgress is sent as the "import:progress" event.
type ImportProgress struct {
	Done  int    `json:"done"`
	Total int    `json:"total"`
	Name  string `json:"name"`
}

// ChooseAndImport asks for transcript files and imports them; an empty list
// when the user cancelled.
func (ds *DocumentService) ChooseAndImport() ([]ImportedDTO, error) {
	paths, err := ds.s.dialogs.OpenFiles("Import transcripts", []Filter{{"Transcripts (*.txt, *.docx)", "*.txt;*.text;*.md;*.docx"}})
	if err != nil || len(paths) == 0 {
		return []ImportedDTO{}, err
	}
	return ds.Import(paths)
}

// Import imports transcript files in one transaction: if any file cannot be
// read, nothing is imported and the error names the file.
func (ds *DocumentService) Import(paths []string) ([]ImportedDTO, error) {
	out := []ImportedDTO{}
	err := ds.s.withProject(func(p *store.Project) error {
		res, err := project.ImportFiles(p, paths, ds.s.coder, func(done, total int, name string) {
			ds.s.emit("import:progress", ImportProgress{done, total, name})
		})
		for _, r := range res {
			out = append(out, ImportedDTO{r.Name, r.ID, r.DuplicateOf, r.Turns, r.Words})
		}
		return err
	})
	return out, err
}
