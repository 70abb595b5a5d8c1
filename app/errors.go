package app

import (
	"encoding/json"
	"errors"
	"fmt"

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
	case errors.Is(err, store.ErrInvalid), errors.Is(err, store.ErrExists):
		code = "invalid"
	}
	b, _ := json.Marshal(UIError{Code: code, Message: err.Error()})
	return string(b)
}

var (
	errNoProject = errors.New("no project is open")
	errNoCoder   = errors.New("choose who is coding first")
)

func errBlindCompare(v project.Viewer) error {
	return fmt.Errorf("%w: blind mode is on; the agreement view opens for %s once the project lead turns blind mode off", store.ErrInvalid, v.Coder.Name)
}
