package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// Defences against hostile archives (.docx, .odt, .xlsx): the number of
// entries is bounded, a part is refused when it declares more than the
// limit or expands suspiciously, and every part is read through a limit so
// that a part lying about its size cannot exhaust memory (archive/zip also
// refuses data beyond the declared size).

// bombRatio and bombMin: a part over bombMin bytes that expands more than
// bombRatio times is refused as a zip bomb. Real documents compress about
// 5–20 times.
const (
	bombRatio = 500
	bombMin   = 8 << 20
)

var tooLargeText = detail(ErrTooLarge, "%s (the document text is too large)", ErrTooLarge)

// maxXMLDepth bounds how deeply the XML of a Word or OpenDocument file may
// nest. A real document nests a few dozen elements (a text box in a table
// cell in a table); encoding/xml keeps every open element, and the readers
// keep every open paragraph, so a file of nothing but start tags would cost
// many times its size.
const maxXMLDepth = 512

// maxParagraphs bounds the paragraphs and table cells of a Word or
// OpenDocument file. Each costs a few hundred bytes on its way to the text
// however little it holds, so 64 MiB of empty paragraphs would take
// gigabytes; a transcript has a few thousand.
const maxParagraphs = 250_000

// xmlTooDeep is the error for XML nested more than maxXMLDepth deep in a
// named kind of document.
func xmlTooDeep(what string) error {
	return corruptIn(what, fmt.Sprintf("XML nested more than %d elements deep", maxXMLDepth))
}

// xmlToken is dec.Token for a named kind of document: the end (io.EOF) and
// the size limit (ErrTooLarge) come back as they are, any other failure as
// malformed XML (in where, when not "") of that document.
func xmlToken(dec *xml.Decoder, what, where string) (xml.Token, error) {
	tok, err := dec.Token()
	if err == nil || err == io.EOF || errors.Is(err, ErrTooLarge) {
		return tok, err
	}
	if where != "" {
		where = " in " + where
	}
	return nil, corruptIn(what, "malformed XML"+where+": "+err.Error())
}

var tooManyParagraphs = detail(ErrTooLarge, "%s (more than %d paragraphs and table cells)", ErrTooLarge, maxParagraphs)

// openZip opens data as a zip archive of the named kind of document.
func openZip(data []byte, what string, maxEntries int) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
			if what == "Word document" {
				return nil, corruptIn(what, "it looks like an old .doc file or a password-protected document; save it as .docx")
			}
			return nil, corruptIn(what, "it looks like an old binary Office file or a password-protected document; save it again in the current format")
		}
		if len(bytes.TrimSpace(data)) == 0 {
			return nil, ErrEmpty
		}
		return nil, corruptIn(what, "not a zip archive")
	}
	if len(zr.File) > maxEntries {
		return nil, corruptIn(what, fmt.Sprintf("too many entries in the archive: %d", len(zr.File)))
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
	}
	if total > 4*MaxFileSize {
		return nil, detail(ErrTooLarge, "%s (the archive would expand to %d MiB; it may be a zip bomb)", ErrTooLarge, total>>20)
	}
	return zr, nil
}

// openPart opens one part of an archive for reading at most max bytes.
func openPart(f *zip.File, max int64) (io.ReadCloser, error) {
	if f.UncompressedSize64 > uint64(max) {
		return nil, tooLargeText
	}
	if f.UncompressedSize64 > bombMin && f.UncompressedSize64 > bombRatio*max64(f.CompressedSize64, 1) {
		return nil, detail(ErrTooLarge, "%s (%s expands %d times; it may be a zip bomb)", ErrTooLarge, f.Name, f.UncompressedSize64/max64(f.CompressedSize64, 1))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, detail(ErrCorrupt, "%s (cannot open %s: %v)", ErrCorrupt, f.Name, err)
	}
	return rc, nil
}

func max64(a, b uint64) uint64 {
	if a > b {
		return a
	}
	return b
}

// readPart reads a whole part, at most max bytes.
func readPart(f *zip.File, max int64) ([]byte, error) {
	rc, err := openPart(f, max)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	lr := &limitedReader{r: rc, n: max}
	data, err := io.ReadAll(lr)
	if lr.exceeded {
		return nil, tooLargeText
	}
	if err != nil {
		return nil, detail(ErrCorrupt, "%s (cannot read %s: %v)", ErrCorrupt, f.Name, err)
	}
	return data, nil
}

// findPart returns the entry named name (case-insensitively), or nil.
func findPart(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if equalFoldASCII(f.Name, name) {
			return f
		}
	}
	return nil
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i]|0x20, b[i]|0x20
		if a[i] != b[i] && !(x == y && x >= 'a' && x <= 'z') {
			return false
		}
	}
	return true
}
