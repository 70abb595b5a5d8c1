package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// MaxFileSize is the largest file Parse and ReadFile accept, and the largest
// text a .docx may expand to: 64 MiB.
const MaxFileSize = 64 << 20

// Turn is one speaker turn. Offsets are Unicode code points into
// Document.Text, 0-based, end exclusive; Start <= ContentStart <= End.
type Turn struct {
	Speaker      string // label as written, trimmed (inner runs of spaces collapsed), e.g. "Interviewer", "P003", "id1"; "" when the document has no labels
	Timestamp    string // e.g. "00:01:23" when the label carried one, else ""
	Start        int    // start of the turn including its label
	ContentStart int    // first code point of what was said (after the label, colon and spaces)
	End          int    // end of what was said (exclusive), trailing whitespace/newlines excluded
}

// Document is one imported transcript.
type Document struct {
	Name  string // file base name without extension
	Text  string // NFC-normalised, "\n" line endings, no BOM — exactly what offsets count
	Hash  string // hex sha256 of Text
	Turns []Turn
	Words int // word count of Text (see CountWords)
}

// Speakers returns the distinct non-empty speaker labels of d's turns in the
// order they first speak.
func (d Document) Speakers() []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range d.Turns {
		if t.Speaker != "" && !seen[t.Speaker] {
			seen[t.Speaker] = true
			out = append(out, t.Speaker)
		}
	}
	return out
}

// SupportedExtensions lists the file extensions Parse accepts, lower case
// with the dot, for file dialogs.
func SupportedExtensions() []string { return []string{".txt", ".text", ".md", ".docx"} }

// Supported reports whether Parse accepts files with name's extension.
func Supported(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range SupportedExtensions() {
		if ext == e {
			return true
		}
	}
	return false
}

// Parse turns a file's bytes into a Document, choosing the format by the
// extension of name (.txt, .text, .md -> plain text; .docx -> Word; case does
// not matter). name may be a path; only its base name is used. Errors are
// *FileError naming the file.
func Parse(name string, data []byte) (Document, error) {
	base := filepath.Base(name)
	ext := filepath.Ext(base)
	fail := func(err error) (Document, error) { return Document{}, &FileError{File: base, Err: err} }
	if len(data) > MaxFileSize {
		return fail(ErrTooLarge)
	}
	var (
		text string
		err  error
	)
	switch strings.ToLower(ext) {
	case ".txt", ".text", ".md":
		text, err = plainText(data)
	case ".docx":
		text, err = docxText(data)
	default:
		return fail(unsupported(ext))
	}
	if err != nil {
		return fail(err)
	}
	return newDocument(strings.TrimSuffix(base, ext), text), nil
}

func unsupported(ext string) error {
	switch e := strings.ToLower(ext); e {
	case "":
		return fmt.Errorf("%w: the name has no extension (Themis imports .txt and .docx)", ErrUnsupported)
	case ".doc":
		return fmt.Errorf("%w %s (Themis imports .txt and .docx; save the file as .docx in Word)", ErrUnsupported, e)
	default:
		return fmt.Errorf("%w %s (Themis imports .txt and .docx)", ErrUnsupported, e)
	}
}

func newDocument(name, text string) Document {
	sum := sha256.Sum256([]byte(text))
	return Document{
		Name:  name,
		Text:  text,
		Hash:  hex.EncodeToString(sum[:]),
		Turns: DetectTurns(text),
		Words: CountWords(text),
	}
}

// ReadFile reads and parses a file from disk. Files over MaxFileSize are
// refused with ErrTooLarge before they are read. Errors are *FileError naming
// the file; operating-system errors keep their identity (errors.Is(err,
// fs.ErrNotExist) works).
func ReadFile(path string) (Document, error) {
	base := filepath.Base(path)
	fail := func(err error) (Document, error) {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the FileError already names the file
		}
		return Document{}, &FileError{File: base, Err: err}
	}
	if !Supported(path) {
		return fail(unsupported(filepath.Ext(base)))
	}
	f, err := os.Open(path)
	if err != nil {
		return fail(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fail(err)
	}
	if info.IsDir() {
		return fail(errors.New("is a folder, not a file"))
	}
	if info.Size() > MaxFileSize {
		return fail(ErrTooLarge)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return fail(err)
	}
	if len(data) > MaxFileSize { // grew while we read it
		return fail(ErrTooLarge)
	}
	return Parse(path, data)
}
