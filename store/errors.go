package store

import "errors"

var (
	// ErrLocked means another window or process has the project open for writing.
	ErrLocked = errors.New("project is open in another window")
	// ErrNewerSchema means the file was written by a newer version of Themis.
	ErrNewerSchema = errors.New("project was saved by a newer version of Themis")
	// ErrReadOnly is returned by writes on a project opened with OpenReadOnly.
	ErrReadOnly = errors.New("project is open read-only")
	// ErrNotFound is returned when a document, code, coder or segment does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid is wrapped by errors about values that break the model
	// (offsets out of range, a factor that is not codable, a blank name).
	ErrInvalid = errors.New("invalid")
	// ErrExists is returned when a project file already exists at a path given to Create.
	ErrExists = errors.New("a file already exists there")
)

// ErrNotProject is wrapped by the refusal of a file that is not a Themis
// project (empty, not SQLite, or SQLite without Themis' tables); the file is
// left untouched.
var ErrNotProject = errors.New("not a Themis project")
