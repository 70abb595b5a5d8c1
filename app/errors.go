package app

import (
	"encoding/json"
	"errors"
	"strings"

	"themis/corpus"
	"themis/errs"
	"themis/project"
	"themis/store"
)

// UIError is what a rejected promise carries, as JSON, so the UI can show the
// message and react to the kind.
type UIError struct {
	// Kind is the sort of failure, errs.Kind's name ("invalid", "not_found",
	// "forbidden", "locked" …); the UI branches on it.
	Kind string `json:"kind"`
	// Code names a few failures more finely where the UI words them apart
	// ("no_project", "import", "csv", "newer"); otherwise it follows the kind.
	Code    string `json:"code"`
	Message string `json:"message"`
}

// FormatError is the Wails ErrorFormatter: it classifies an error by its
// errs.Kind and returns its JSON form.
func FormatError(err error) any {
	kind := errs.KindOf(err)
	var fileErr *corpus.FileError
	var rowErr *project.RowError
	code := "error"
	switch {
	case errors.Is(err, errNoProject):
		code = "no_project"
	case errors.Is(err, errNoCoder):
		code = "no_coder"
	case errors.As(err, &fileErr):
		code = "import"
	case errors.As(err, &rowErr):
		code = "csv"
	case kind == errs.Locked:
		code = "locked"
	case kind == errs.Unsupported && errors.Is(err, store.ErrNewerSchema):
		code = "newer"
	case kind == errs.NotFound:
		code = "not_found"
	case kind == errs.Invalid, kind == errs.Conflict, kind == errs.Forbidden:
		code = "invalid"
	}
	// "invalid: " is for programs; a person reads the sentence after it.
	msg := strings.TrimPrefix(err.Error(), store.ErrInvalid.Error()+": ")
	b, _ := json.Marshal(UIError{Kind: kind.String(), Code: code, Message: msg})
	return string(b)
}

var (
	errNoProject = errs.New(errs.Precondition, "no project is open")
	errNoCoder   = errs.New(errs.Precondition, "choose who is coding first")
)
