package corpus

import (
	"fmt"

	"themis/errs"
)

// The sentinel errors below are wrapped in a *FileError; test them with
// errors.Is. Each carries an errs.Kind: too large, unsupported, or else
// invalid input. Some are wrapped once more with detail, e.g. the byte offset of
// invalid UTF-8 or the reason a Word file cannot be read.
var (
	// ErrEmpty: the file has no text, or only whitespace.
	ErrEmpty = errs.New(errs.Invalid, "the file is empty")
	// ErrBinary: NUL bytes or many control characters; not a transcript.
	ErrBinary = errs.New(errs.Invalid, "looks like a binary file, not a transcript")
	// ErrInvalidUTF8: the text is not valid UTF-8 (or UTF-16 with a BOM);
	// the wrapping error gives the byte offset of the first bad byte.
	ErrInvalidUTF8 = errs.New(errs.Invalid, "is not valid UTF-8 text")
	// ErrCorrupt: a .docx, .odt or .xlsx that is not a zip, lacks its main
	// part or holds malformed XML (or XML nested more than 512 deep); an
	// .rtf that is not RTF; a .vtt or .srt with no cue; a .csv with a quote
	// that is never closed (naming its line). The wrapping error names the
	// format and says which.
	ErrCorrupt = errs.New(errs.Invalid, "is not a readable document")
	// ErrUnsupported: the file's extension is not one Themis imports.
	ErrUnsupported = errs.New(errs.Unsupported, "unsupported file type")
	// ErrTooLarge: the file, or the text inside a .docx, .odt or .xlsx,
	// exceeds MaxFileSize, or an archive expands suspiciously (a zip bomb),
	// or a .docx or .odt has more than 250,000 paragraphs and table cells,
	// or the rows of an .xlsx would spread over more than 4,000,000 cells.
	ErrTooLarge = errs.New(errs.TooLarge, "is too large to import (the limit is 64 MiB)")
	// ErrUnknownEncoding: Options.Encoding names no encoding Themis knows.
	ErrUnknownEncoding = errs.New(errs.Invalid, "names an unknown text encoding")
	// ErrBadPattern: Options.SpeakerPattern is not a valid Go regular
	// expression, or has no capture group named "speaker".
	ErrBadPattern = errs.New(errs.Invalid, "has an invalid speaker pattern")
	// ErrMissingColumn: a .csv or .xlsx turns table has no column of text;
	// the wrapping error lists the headers found.
	ErrMissingColumn = errs.New(errs.Invalid, "has no column of text")
)

// FileError reports a file that could not be imported. Error() reads
// "<file>: <message>", e.g. "interview 3.txt: the file is empty".
type FileError struct {
	File string // base name of the file, as the user knows it
	Err  error
}

func (e *FileError) Error() string {
	if e.File == "" {
		return e.Err.Error()
	}
	return e.File + ": " + e.Err.Error()
}

func (e *FileError) Unwrap() error { return e.Err }

// detailError gives a sentinel a more specific message while keeping
// errors.Is working.
type detailError struct {
	msg string
	err error
}

func (e *detailError) Error() string { return e.msg }
func (e *detailError) Unwrap() error { return e.err }

// detail wraps sentinel with a message of its own.
func detail(sentinel error, format string, args ...any) error {
	return &detailError{msg: fmt.Sprintf(format, args...), err: sentinel}
}

// corruptIn reports an unreadable file of a named format, e.g.
// corruptIn("Word document", "not a zip archive") reads "is not a readable
// Word document (not a zip archive)".
func corruptIn(what, reason string) error {
	return detail(ErrCorrupt, "is not a readable %s (%s)", what, reason)
}
