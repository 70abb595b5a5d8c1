package corpus

import (
	"bytes"
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

// A subtitle file over MaxSubtitleSize is refused before it is read into
// cues: its turns would cost several times the file.
func TestSubtitleSizeLimit(t *testing.T) {
	cue := []byte("1\n00:00:01,000 --> 00:00:02,000\nAna: hello there\n\n")
	big := bytes.Repeat(cue, MaxSubtitleSize/len(cue)+1)
	for _, name := range []string{"big.srt", "big.vtt"} {
		data := big
		if name == "big.vtt" {
			data = append([]byte("WEBVTT\n\n"), big...)
		}
		if _, err := Parse(name, data); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s of %d bytes: err %v, want ErrTooLarge", name, len(data), err)
		}
	}
	if _, err := Parse("ok.srt", bytes.Repeat(cue, 1000)); err != nil {
		t.Errorf("a small .srt: %v", err)
	}
}
