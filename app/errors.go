package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"themis/corpus"
	"themis/project"
	"themis/store"
)

// UIError is what a rejected promise carries, as JSON, so the UI can show the
// message and react to the code.
type UIError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// FormatError is the Wails ErrorFormatter: it classifies an error and returns
// its JSON form.
func FormatError(err error) any {
	code := "error"
	var fileErr *corpus.FileError
	var rowErr *project.RowError
	var codebookErr *project.CodebookError
	switch {
	case errors.Is(err, store.ErrLocked):
		code = "locked"
	case errors.Is(err, store.ErrNewerSchema):
		code = "newer"
	case errors.Is(err, store.ErrNotFound):
		code = "not_found"
	case errors.Is(err, errNoProject):
		code = "no_project"
	case errors.Is(err, errNoCoder):
		code = "no_coder"
	case errors.As(err, &fileErr):
		code = "import"
	case errors.As(err, &rowErr):
		code = "csv"
	case errors.Is(err, store.ErrInvalid), errors.Is(err, store.ErrExists), errors.Is(err, store.ErrNothingToUndo),
		errors.As(err, &codebookErr):
		code = "invalid"
	}
	// "invalid: " is for programs; a person reads the sentence after it.
	msg := strings.TrimPrefix(err.Error(), store.ErrInvalid.Error()+": ")
	b, _ := json.Marshal(UIError{Code: code, Message: msg})
	return string(b)
}

var (
	errNoProject = errors.New("no project is open")
	errNoCoder   = errors.New("choose who is coding first")
)

func errBlindCompare(v project.Viewer) error {
	return fmt.Errorf("%w: blind mode is on; the agreement view opens for %s once the project lead turns blind mode off", store.ErrInvalid, v.Coder.Name)
}
