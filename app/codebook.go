package app

import "errors"

var errTODO = errors.New("not built yet")

// CodebookService reads and edits the project's frameworks: the codes, their
// definitions and rules, the history of changes and its tagged versions, and
// codebook files in and out.
type CodebookService struct{ s *Session }

// NewCodebookService binds the codebook service to a session.
func NewCodebookService(s *Session) *CodebookService { return &CodebookService{s} }

// Builtins lists the frameworks shipped with Themis; it needs no project.
func (cs *CodebookService) Builtins() ([]BuiltinDTO, error) { return nil, errTODO }

// Frameworks lists the project's frameworks, the active one marked.
func (cs *CodebookService) Frameworks() ([]FrameworkDTO, error) { return nil, errTODO }

// SetActive makes a framework the one the reader codes with.
func (cs *CodebookService) SetActive(framework int64) error { return errTODO }

// CreateFramework adds a framework: a copy of the built-in with that id, or
// an empty one when builtin is "". name overrides the built-in's name when
// not empty. The new framework becomes the active one.
func (cs *CodebookService) CreateFramework(builtin, name string) (*FrameworkDTO, error) {
	return nil, errTODO
}

// RenameFramework changes a framework's name and description.
func (cs *CodebookService) RenameFramework(framework int64, name, description string) error {
	return errTODO
}

// Codes lists a framework's codes in tree order (0: the active framework),
// with segment counts per coder.
func (cs *CodebookService) Codes(framework int64) ([]CodeDTO, error) { return nil, errTODO }

// AddCode adds a code at the end of its parent's children.
func (cs *CodebookService) AddCode(framework int64, in CodeInput) (*CodeDTO, error) {
	return nil, errTODO
}

// UpdateCode changes a code's name, definition, rules, examples, colour,
// key, codability and scale value.
func (cs *CodebookService) UpdateCode(id int64, in CodeInput) (*CodeDTO, error) {
	return nil, errTODO
}

// MoveCode puts a code under parent (0: top level) at index among its new
// siblings.
func (cs *CodebookService) MoveCode(id, parent int64, index int) error { return errTODO }

// MergeCodes recodes every segment of from as into, moves from's children
// under into, and deletes from. It returns a sentence saying what happened.
func (cs *CodebookService) MergeCodes(from, into int64) (string, error) { return "", errTODO }

// SplitCode creates a new code from in and moves the listed segments of id
// to it.
func (cs *CodebookService) SplitCode(id int64, in CodeInput, segments []int64) (*CodeDTO, error) {
	return nil, errTODO
}

// CodeSegments lists a code's segments that the current user may see.
func (cs *CodebookService) CodeSegments(id int64) ([]CodeSegmentDTO, error) { return nil, errTODO }

// DeleteImpact says what deleting a code would remove.
func (cs *CodebookService) DeleteImpact(id int64) (*DeleteImpactDTO, error) { return nil, errTODO }

// DeleteCode deletes a code, its descendants and their segments of every
// coder. It can be undone.
func (cs *CodebookService) DeleteCode(id int64) (string, error) { return "", errTODO }

// History lists a framework's changes and tags, newest first.
func (cs *CodebookService) History(framework int64) (*CodebookHistoryDTO, error) {
	return nil, errTODO
}

// Undo reverses the framework's latest change; it returns what was undone.
func (cs *CodebookService) Undo(framework int64) (string, error) { return "", errTODO }

// Redo repeats the latest undone change.
func (cs *CodebookService) Redo(framework int64) (string, error) { return "", errTODO }

// Tag names the framework's current revision ("v1 agreed before second-round coding").
func (cs *CodebookService) Tag(framework int64, name, note string) error { return errTODO }

// Import asks for a codebook file (.yaml, .yml, .json or .qdc) and adds it
// as a new, active framework; nil when the user cancels.
func (cs *CodebookService) Import() (*FrameworkDTO, error) { return nil, errTODO }

// Export asks where to save the framework in format (yaml, json, qdc, md,
// html or csv) and writes it; it returns the path, "" when cancelled.
func (cs *CodebookService) Export(framework int64, format string) (string, error) {
	return "", errTODO
}
