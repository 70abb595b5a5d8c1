package corpus

import (
	"context"
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

// MaxSubtitleSize is the largest WebVTT or SubRip file accepted: 16 MiB. A
// subtitle file keeps a timestamp and a line break per cue, so its turns
// cost several times the file in memory; a 60 MiB .srt peaked near 400 MB.
// Ten hours of speech is under 2 MiB of subtitles.
const MaxSubtitleSize = 16 << 20

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
	Name     string // file base name without extension
	Format   string // "text", "markdown", "docx", "odt", "rtf", "vtt", "srt", "csv" or "xlsx"
	Encoding string // text-based files (.txt, .md, .vtt, .srt, .csv): the encoding read, e.g. "utf-8", "utf-16le", "windows-1252"; else ""
	Text     string // NFC-normalised, "\n" line endings, no BOM — exactly what offsets count
	Hash     string // hex sha256 of Text
	Turns    []Turn
	Words    int      // word count of Text (see CountWords)
	Warnings []string // things the researcher should know about how the file was read, as sentences
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

// formats maps each supported extension to its Format name.
var formats = map[string]string{
	".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
	".docx": "docx", ".odt": "odt", ".rtf": "rtf", ".vtt": "vtt", ".srt": "srt",
	".csv": "csv", ".tsv": "csv", ".xlsx": "xlsx",
}

// SupportedExtensions lists the file extensions Parse accepts, lower case
// with the dot, for file dialogs.
func SupportedExtensions() []string {
	return []string{".txt", ".text", ".md", ".markdown", ".docx", ".odt", ".rtf", ".vtt", ".srt", ".csv", ".tsv", ".xlsx"}
}

// Supported reports whether Parse accepts files with name's extension.
func Supported(name string) bool {
	_, ok := formats[strings.ToLower(filepath.Ext(name))]
	return ok
}

// Parse turns a file's bytes into a Document, choosing the format by the
// extension of name (case does not matter; see SupportedExtensions). name
// may be a path; only its base name is used. Errors are *FileError naming
// the file. Parse is ParseWith with the zero Options.
func Parse(name string, data []byte) (Document, error) {
	return ParseWith(name, data, Options{})
}

// ParseWith is Parse with options: a forced text encoding and a speaker
// pattern (see Options).
func ParseWith(name string, data []byte, opt Options) (Document, error) {
	base := filepath.Base(name)
	ext := filepath.Ext(base)
	fail := func(err error) (Document, error) { return Document{}, &FileError{File: base, Err: err} }
	format, ok := formats[strings.ToLower(ext)]
	if !ok {
		return fail(unsupported(ext))
	}
	if len(data) > MaxFileSize || (format == "vtt" || format == "srt") && len(data) > MaxSubtitleSize {
		return fail(ErrTooLarge)
	}
	po, err := opt.compile()
	if err != nil {
		return fail(err)
	}
	p, err := parseFormat(format, strings.ToLower(ext), data, po)
	if err != nil {
		return fail(err)
	}
	sum := sha256.Sum256([]byte(p.text))
	return Document{
		Name:     strings.TrimSuffix(base, ext),
		Format:   format,
		Encoding: p.encoding,
		Text:     p.text,
		Hash:     hex.EncodeToString(sum[:]),
		Turns:    p.turns,
		Words:    CountWords(p.text),
		Warnings: p.warnings,
	}, nil
}

// parsed is what a format's reader returns: the stored text (already
// normalised and trimmed) and its turns.
type parsed struct {
	text     string
	turns    []Turn
	encoding string
	warnings []string
}

func parseFormat(format, ext string, data []byte, po parseOpts) (parsed, error) {
	switch format {
	case "text":
		d, err := decodeText(data, po.encoding)
		if err != nil {
			return parsed{}, err
		}
		p, err := textTurns(d.text, po)
		p.encoding, p.warnings = d.encoding, append(d.warnings, p.warnings...)
		return p, err
	case "markdown":
		d, err := decodeText(data, po.encoding)
		if err != nil {
			return parsed{}, err
		}
		md, ok := markdownText(d.text)
		p, err := textTurns(md, po)
		p.encoding, p.warnings = d.encoding, append(d.warnings, p.warnings...)
		if !ok {
			p.warnings = append(p.warnings, "read as plain text: its Markdown is nested too deeply to render")
		}
		return p, err
	case "docx":
		return docxParse(data, po)
	case "odt":
		return odtParse(data, po)
	case "rtf":
		return rtfParse(data, po)
	case "vtt", "srt":
		d, err := decodeText(data, po.encoding)
		if err != nil {
			return parsed{}, err
		}
		p, err := cueParse(d.text, format, po)
		p.encoding, p.warnings = d.encoding, append(d.warnings, p.warnings...)
		return p, err
	case "csv":
		d, err := decodeText(data, po.encoding)
		if err != nil {
			return parsed{}, err
		}
		p, err := csvParse(d.text, ext == ".tsv", po)
		p.encoding, p.warnings = d.encoding, append(d.warnings, p.warnings...)
		return p, err
	case "xlsx":
		return xlsxParse(data, po)
	}
	return parsed{}, unsupported(ext)
}

// textTurns finishes extracted text and finds its turns, with the speaker
// pattern when there is one.
func textTurns(raw string, po parseOpts) (parsed, error) {
	text, err := finishText(raw)
	if err != nil {
		return parsed{}, err
	}
	if po.pattern != nil {
		turns, warnings := patternTurns(text, po.pattern)
		return parsed{text: text, turns: turns, warnings: warnings}, nil
	}
	return parsed{text: text, turns: DetectTurns(text)}, nil
}

const importsList = "Themis imports .txt, .md, .docx, .odt, .rtf, .vtt, .srt, .csv and .xlsx"

func unsupported(ext string) error {
	switch e := strings.ToLower(ext); e {
	case "":
		return fmt.Errorf("%w: the name has no extension (%s)", ErrUnsupported, importsList)
	case ".doc":
		return fmt.Errorf("%w %s (%s; save the file as .docx in Word)", ErrUnsupported, e, importsList)
	case ".xls":
		return fmt.Errorf("%w %s (%s; save the sheet as .xlsx or .csv)", ErrUnsupported, e, importsList)
	default:
		return fmt.Errorf("%w %s (%s)", ErrUnsupported, e, importsList)
	}
}

// ReadFile reads and parses a file from disk; it is ReadFileWith with the
// zero Options and no progress.
func ReadFile(path string) (Document, error) { return ReadFileWith(path, Options{}, nil) }

// readChunk is how much ReadFileWith reads between progress reports.
const readChunk = 1 << 20

// ReadFileWith reads a file from disk in chunks, calling progress (when not
// nil) with the bytes read so far and the file's size after each chunk, then
// parses it with opt. Files over MaxFileSize are refused with ErrTooLarge
// before they are read. Errors are *FileError naming the file;
// operating-system errors keep their identity (errors.Is(err,
// fs.ErrNotExist) works).
func ReadFileWith(path string, opt Options, progress func(read, total int64)) (Document, error) {
	return ReadFileContext(context.Background(), path, opt, progress)
}

// ReadFileContext is ReadFileWith that gives up when ctx is done: it is
// checked between chunks and before parsing, and its error is returned as
// it is (not as a FileError), so a cancelled import can tell.
func ReadFileContext(ctx context.Context, path string, opt Options, progress func(read, total int64)) (Document, error) {
	if err := ctx.Err(); err != nil {
		return Document{}, err
	}
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
	total := info.Size()
	if total > MaxFileSize {
		return fail(ErrTooLarge)
	}
	data := make([]byte, 0, total+1)
	if progress != nil {
		progress(0, total)
	}
	for {
		if err := ctx.Err(); err != nil {
			return Document{}, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // grew while we read it
		}
		n, err := f.Read(data[len(data):min(cap(data), len(data)+readChunk)])
		data = data[:len(data)+n]
		if len(data) > MaxFileSize {
			return fail(ErrTooLarge)
		}
		if progress != nil && n > 0 {
			progress(int64(len(data)), max(total, int64(len(data))))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(err)
		}
	}
	if err := ctx.Err(); err != nil {
		return Document{}, err
	}
	return ParseWith(path, data, opt)
}
