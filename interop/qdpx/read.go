package qdpx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"themis/errs"
)

// ReadOptions says how to read an archive.
type ReadOptions struct {
	// SkipMissingSources imports an archive whose text sources lack their
	// file by leaving those sources out (counted in NotImported as
	// "text sources without their file"); without it such an archive is
	// refused with ErrMissingSources.
	SkipMissingSources bool
}

// ErrMissingSources: text sources of the archive lack their text (their
// file is not in the archive, or lies outside it). The *Error that wraps it
// lists the sources by name. errors.Is-able; its kind is errs.Invalid.
var ErrMissingSources = errs.New(errs.Invalid, "text sources without their file")

// Error is an archive that cannot be read. Error() reads "FILE: reason",
// FILE being the archive's base name.
type Error struct {
	File string
	Err  error
}

func (e *Error) Error() string { return e.File + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Limits on what an archive may make the reader do. An archive is untrusted
// input: a few kilobytes must not take gigabytes of memory or minutes of
// work, and a name in it must never reach the file system.
const (
	// maxEntries bounds the entries of the archive's central directory; a
	// project with 5,000 sources, each a .txt and a .docx, has 10,001.
	maxEntries = 20_000
	// maxQDE bounds project.qde, read as a stream: the NVivo fixture holds
	// 297 selections in 186 kB, so 64 MiB is some 100,000 selections.
	maxQDE = 64 << 20
	// maxSourcePart bounds one source's text file, and maxTextTotal every
	// text file read together (sources and notes kept in files): a
	// source's text is held in memory two or three times while its
	// positions are converted.
	maxSourcePart = 32 << 20
	maxTextTotal  = 64 << 20
	// bombRatio and bombMin: a part over bombMin bytes that expands more
	// than bombRatio times is a zip bomb (text compresses 3–10 times).
	bombRatio = 200
	bombMin   = 1 << 20
	// maxXMLDepth bounds how deeply the XML nests: REFI-QDA nests a code
	// hierarchy inside five levels of structure, and a real codebook is a
	// dozen levels deep.
	maxXMLDepth = 256
)

// ReadFile reads the .qdpx archive at path. Nothing but that file is read:
// a source's path that points outside the archive (absolute://,
// relative:// beyond it) is a missing source, never opened.
func ReadFile(p string, opt ReadOptions) (*Project, error) {
	name := filepath.Base(p)
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &Error{File: name, Err: errs.E(errs.NotFound, "", err)}
	}
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	if st.IsDir() {
		return nil, &Error{File: name, Err: errs.Errorf(errs.Invalid, "is a folder, not a .qdpx archive")}
	}
	return readArchive(name, f, st.Size(), opt)
}

// Read reads a .qdpx archive held in data; name is its base name, used in
// messages.
func Read(name string, data []byte, opt ReadOptions) (*Project, error) {
	return readArchive(filepath.Base(name), bytes.NewReader(data), int64(len(data)), opt)
}

func readArchive(name string, ra io.ReaderAt, size int64, opt ReadOptions) (*Project, error) {
	p, err := readZip(ra, size, opt)
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	return p, nil
}

// archive is an open .qdpx: its entries by cleaned name, and how much text
// has been read from it so far.
type archive struct {
	zr    *zip.Reader
	files map[string][]*zip.File // lower-cased name -> entries
	read  int64                  // uncompressed bytes of text parts read
}

func readZip(ra io.ReaderAt, size int64, opt ReadOptions) (*Project, error) {
	if size == 0 {
		return nil, errs.Errorf(errs.Unsupported, "the file is empty, not a REFI-QDA project (.qdpx)")
	}
	if err := checkDirectory(ra, size); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		return nil, errs.Errorf(errs.Unsupported, "not a REFI-QDA project: a .qdpx is a zip archive, and this is not one (%v)", err)
	}
	if len(zr.File) > maxEntries {
		return nil, errs.Errorf(errs.TooLarge, "the archive holds %d entries (the limit is %d)", len(zr.File), maxEntries)
	}
	a := &archive{zr: zr, files: make(map[string][]*zip.File, len(zr.File))}
	var qdes []*zip.File
	for _, f := range zr.File {
		if reason := unsafeName(f.Name); reason != "" {
			return nil, errs.Errorf(errs.Invalid, "the archive holds an entry named %q, which %s; a REFI-QDA archive never does, so it is refused", f.Name, reason)
		}
		if strings.HasSuffix(f.Name, "/") {
			continue // a folder
		}
		key := strings.ToLower(path.Clean(f.Name)) // "./sources/a.txt" is sources/a.txt
		a.files[key] = append(a.files[key], f)
		if !strings.Contains(key, "/") && strings.HasSuffix(key, ".qde") {
			qdes = append(qdes, f)
		}
	}
	switch len(qdes) {
	case 0:
		return nil, errs.Errorf(errs.Unsupported, "not a REFI-QDA project: the archive holds no project.qde")
	case 1:
	default:
		names := make([]string, len(qdes))
		for i, f := range qdes {
			names[i] = f.Name
		}
		sort.Strings(names)
		return nil, errs.Errorf(errs.Invalid, "the archive holds several projects (%s); a .qdpx holds one", strings.Join(names, ", "))
	}
	qde := qdes[0]
	rc, err := openPart(qde, maxQDE)
	if err != nil {
		return nil, err
	}
	lr := &limitedReader{r: rc, n: maxQDE}
	raw, err := parseQDE(lr, qde.Name)
	rc.Close()
	if lr.exceeded {
		return nil, errs.Errorf(errs.TooLarge, "%s is larger than %d MiB", qde.Name, maxQDE>>20)
	}
	if err != nil {
		return nil, err
	}
	return build(raw, a, opt)
}

// maxDirectory bounds the bytes archive/zip would read as the central
// directory: 20,000 entries with long names take some 3 MB.
const maxDirectory = 8 << 20

// checkDirectory refuses an archive whose central directory is too large
// before archive/zip reads it. zip.NewReader keeps every entry it finds, and
// it reads entries until one does not parse — whatever count the directory's
// end record states, which it checks only modulo 65,536 — so a file of
// nothing but directory records would take memory in proportion to its
// size before the count of entries could be checked. This reads the end
// record as archive/zip does and bounds both the stated count and the
// bytes from where the directory starts to the end of the file. An archive
// it cannot make sense of is left to zip.NewReader to refuse.
func checkDirectory(ra io.ReaderAt, size int64) error {
	n := min(size, 65*1024)
	buf := make([]byte, n)
	if _, err := ra.ReadAt(buf, size-n); err != nil && err != io.EOF {
		return nil
	}
	at := -1
	for i := len(buf) - 22; i >= 0; i-- {
		if buf[i] == 'P' && buf[i+1] == 'K' && buf[i+2] == 5 && buf[i+3] == 6 {
			if i+22+int(binary.LittleEndian.Uint16(buf[i+20:])) <= len(buf) {
				at = i
			}
			break
		}
	}
	if at < 0 {
		return nil
	}
	end := size - n + int64(at)
	e := buf[at:]
	records := uint64(binary.LittleEndian.Uint16(e[10:]))
	dirSize := uint64(binary.LittleEndian.Uint32(e[12:]))
	dirOff := uint64(binary.LittleEndian.Uint32(e[16:]))
	if records == 0xffff || dirSize == 0xffff || dirOff == 0xffffffff {
		// Zip64: a locator just before the end record points to the
		// zip64 end record, which holds the real figures.
		var loc [20]byte
		if end < 20 {
			return nil
		}
		if _, err := ra.ReadAt(loc[:], end-20); err != nil || string(loc[:4]) != "PK\x06\x07" {
			return nil
		}
		off := binary.LittleEndian.Uint64(loc[8:])
		var rec [56]byte
		if off > uint64(size) {
			return nil
		}
		if _, err := ra.ReadAt(rec[:], int64(off)); err != nil || string(rec[:4]) != "PK\x06\x06" {
			return nil
		}
		end = int64(off)
		records = binary.LittleEndian.Uint64(rec[32:])
		dirSize = binary.LittleEndian.Uint64(rec[40:])
		dirOff = binary.LittleEndian.Uint64(rec[48:])
	}
	if records > maxEntries {
		return errs.Errorf(errs.TooLarge, "the archive holds %d entries (the limit is %d)", records, maxEntries)
	}
	if dirSize > 1<<62 || dirOff > 1<<62 {
		return nil
	}
	// archive/zip starts reading the directory where the end record puts
	// it, or at its stated offset when an entry is found there.
	start := min(end-int64(dirSize), int64(dirOff))
	if start < 0 {
		start = 0
	}
	if size-start > maxDirectory {
		return errs.Errorf(errs.TooLarge, "the archive's directory of entries takes %d MiB (the limit is %d MiB)", (size-start)>>20, maxDirectory>>20)
	}
	return nil
}

// unsafeName says why an entry's name is refused ("" when it is safe): a
// name that would escape a folder it were extracted into, or that means
// different files on different systems. The reader never extracts, but an
// archive that holds such a name was made to attack someone.
func unsafeName(n string) string {
	switch {
	case n == "":
		return "is empty"
	case strings.ContainsRune(n, '\\'):
		return "holds a backslash"
	case strings.HasPrefix(n, "/"):
		return "is an absolute path"
	case len(n) >= 2 && n[1] == ':':
		return "names a drive"
	case strings.ContainsRune(n, 0):
		return "holds a NUL character"
	}
	for _, seg := range strings.Split(n, "/") {
		if seg == ".." {
			return "climbs out of the archive (..)"
		}
	}
	return ""
}

// find returns the entry at the archive path p (cleaned, compared without
// regard to case), nil when there is none. Two entries that differ only in
// case are ambiguous and refused.
func (a *archive) find(p string) (*zip.File, error) {
	fs := a.files[strings.ToLower(p)]
	switch len(fs) {
	case 0:
		return nil, nil
	case 1:
		return fs[0], nil
	}
	return nil, errs.Errorf(errs.Invalid, "the archive holds %d entries named %q", len(fs), fs[0].Name)
}

// locate finds the file a source's path names inside the archive:
// internal://NAME in sources/ (any case), relative:// and plain relative
// paths from the archive's root or its sources/ folder. absolute:// paths,
// and relative ones that climb out of the archive, are never followed: the
// archive is all the reader reads. ok is false when the path names no entry.
func (a *archive) locate(ref string) (f *zip.File, err error) {
	var rel string
	lower := strings.ToLower(ref)
	switch {
	case strings.HasPrefix(lower, "internal://"):
		rel = ref[len("internal://"):]
	case strings.HasPrefix(lower, "relative://"):
		rel = ref[len("relative://"):]
	case strings.Contains(ref, "://"):
		return nil, nil // absolute:// or some URL: outside the archive
	default:
		rel = ref
	}
	rel = strings.TrimLeft(strings.ReplaceAll(rel, "\\", "/"), "/")
	if rel == "" || unsafeName(rel) != "" {
		return nil, nil
	}
	clean := path.Clean(rel)
	if clean == "." || strings.HasPrefix(clean, "../") {
		return nil, nil
	}
	for _, cand := range []string{"sources/" + clean, clean} {
		f, err := a.find(cand)
		if f != nil || err != nil {
			return f, err
		}
	}
	return nil, nil
}

// readText reads a text part whole, within the per-part and total limits,
// into a string without a second copy: the stored text of a source that is
// already in stored form is this very string.
func (a *archive) readText(f *zip.File) (string, error) {
	rc, err := openPart(f, maxSourcePart)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	if a.read+int64(f.UncompressedSize64) > maxTextTotal {
		return "", errs.Errorf(errs.TooLarge, "the text files of the archive come to more than %d MiB", maxTextTotal>>20)
	}
	lr := &limitedReader{r: rc, n: maxSourcePart}
	var b strings.Builder
	b.Grow(int(f.UncompressedSize64)) // at most maxSourcePart, checked by openPart
	_, err = io.Copy(&b, lr)
	if lr.exceeded {
		return "", errs.Errorf(errs.TooLarge, "%s is larger than %d MiB", f.Name, maxSourcePart>>20)
	}
	if err != nil {
		return "", errs.Errorf(errs.Invalid, "cannot read %s: %v", f.Name, err)
	}
	a.read += int64(b.Len())
	if a.read > maxTextTotal {
		return "", errs.Errorf(errs.TooLarge, "the text files of the archive come to more than %d MiB", maxTextTotal>>20)
	}
	return b.String(), nil
}

// openPart opens one entry for reading at most max bytes, refusing an entry
// that declares more, or expands suspiciously (a zip bomb). What it
// declares may be a lie: readers go through a limitedReader as well, and
// archive/zip refuses data beyond the declared size.
func openPart(f *zip.File, max int64) (io.ReadCloser, error) {
	if f.UncompressedSize64 > uint64(max) {
		return nil, errs.Errorf(errs.TooLarge, "%s would expand to %d MiB (the limit is %d MiB)", f.Name, f.UncompressedSize64>>20, max>>20)
	}
	comp := f.CompressedSize64
	if comp == 0 {
		comp = 1
	}
	if f.UncompressedSize64 > bombMin && f.UncompressedSize64/comp > bombRatio {
		return nil, errs.Errorf(errs.TooLarge, "%s expands %d times; it may be a zip bomb", f.Name, f.UncompressedSize64/comp)
	}
	rc, err := f.Open()
	if errors.Is(err, zip.ErrAlgorithm) {
		return nil, errs.Errorf(errs.Unsupported, "%s is compressed with a method Themis cannot read (method %d); a .qdpx is compressed with Deflate", f.Name, f.Method)
	}
	if err != nil {
		return nil, errs.Errorf(errs.Invalid, "cannot open %s: %v", f.Name, err)
	}
	return rc, nil
}

// limitedReader reads at most n bytes and notes when there was more.
type limitedReader struct {
	r        io.Reader
	n        int64
	exceeded bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		// One byte more tells a part of exactly n bytes from a longer one.
		var one [1]byte
		k, err := l.r.Read(one[:])
		if k > 0 {
			l.exceeded = true
			return 0, fmt.Errorf("over the limit")
		}
		return 0, err
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	return k, err
}
