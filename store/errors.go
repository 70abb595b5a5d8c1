package store

// The sentinels carry an errs.Kind, so errors.Is(err, errs.NotFound) holds
// for store.ErrNotFound too and app/ can tell the UI what sort of failure it
// was without knowing the store.

import "themis/errs"

var (
	// ErrLocked means another window or process has the project open for writing.
	ErrLocked = errs.New(errs.Locked, "project is open in another window")
	// ErrNewerSchema means the file was written by a newer version of Themis.
	ErrNewerSchema = errs.New(errs.Unsupported, "project was saved by a newer version of Themis")
	// ErrReadOnly is returned by writes on a project opened with OpenReadOnly.
	ErrReadOnly = errs.New(errs.Forbidden, "project is open read-only")
	// ErrNotFound is returned when a document, code, coder or segment does not exist.
	ErrNotFound = errs.New(errs.NotFound, "not found")
	// ErrInvalid is wrapped by errors about values that break the model
	// (offsets out of range, a factor that is not codable, a blank name).
	ErrInvalid = errs.New(errs.Invalid, "invalid")
	// ErrExists is returned when a project file already exists at a path given to Create.
	ErrExists = errs.New(errs.Conflict, "a file already exists there")
)

// ErrNotProject is wrapped by the refusal of a file that is not a Themis
// project (empty, not SQLite, or SQLite without Themis' tables); the file is
// left untouched.
var ErrNotProject = errs.New(errs.Invalid, "not a Themis project")
