package corpus

import (
	"errors"
	"fmt"
	"testing"
)

func TestFileError(t *testing.T) {
	err := error(&FileError{File: "notes.txt", Err: fmt.Errorf("%w (byte offset 12)", ErrInvalidUTF8)})
	if got, want := err.Error(), "notes.txt: is not valid UTF-8 text (byte offset 12)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(err, ErrInvalidUTF8) {
		t.Error("errors.Is(ErrInvalidUTF8) = false")
	}
	var fe *FileError
	if !errors.As(err, &fe) || fe.File != "notes.txt" {
		t.Errorf("errors.As: %v", fe)
	}
	if got := (&FileError{Err: ErrEmpty}).Error(); got != "the file is empty" {
		t.Errorf("no file name: %q", got)
	}
}
