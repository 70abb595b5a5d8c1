// Package corpus turns transcript files into the text Themis stores and the
// speaker turns that coders work through.
//
// # From file to Document
//
// [Parse] (or [ReadFile]) takes the bytes of one file and returns a
// [Document]: its name, its text, a hash of that text, its word count and its
// speaker turns. Plain text (.txt, .text, .md) must be UTF-8 (a UTF-16 file
// with a byte-order mark is also accepted); Word files (.docx) are read with
// archive/zip and encoding/xml, one line per paragraph (table cells too),
// keeping inserted and dropping deleted tracked changes, as if all changes
// had been accepted. Every failure is a [*FileError] that names
// the file and wraps one of the sentinel errors ([ErrEmpty], [ErrBinary],
// [ErrInvalidUTF8], [ErrCorrupt], [ErrUnsupported], [ErrTooLarge]), so callers
// can both show the message and test it with errors.Is.
//
// # The stored text and the offset convention
//
// Document.Text is exactly what every offset in Themis counts: UTF-8,
// NFC-normalised, "\n" line endings, no byte-order mark, no trailing
// whitespace at the end of the document (see [Normalize]). Speaker labels stay
// in the text; turns point into it.
//
// Offsets are Unicode code points (not bytes, not UTF-16 units) into that
// text, 0-based, end exclusive — the REFI-QDA convention. "😀" is one code
// point, "é" is one code point after NFC even when the file spelled it as "e"
// plus a combining accent, "👩🏽‍⚕️" is five. Use [RuneLen] and [Slice] to
// measure and cut text in the same units; conversion to UTF-16 for the
// frontend happens at the app boundary, never here.
//
// # Speaker turns
//
// [DetectTurns] finds lines that begin with a speaker label —
// "Interviewer: …", "P003: …", "[id1] …" (QualCoder), "Speaker 1 (00:01:23): …",
// "00:01:23 Speaker 1: …", "**Interviewer:** …" (Markdown), or a label line
// such as "Speaker 1  0:03" (Otter) or "[Sarah Jones] 10:03:45" (Zoom)
// followed by the words on the next lines.
// A turn runs from its label to the next labelled line, with trailing
// whitespace excluded; text before the first label is a turn of its own with
// no speaker. Known role words, participant IDs, single capital letters and
// bracket tags such as [id1] count as labels wherever they occur; other
// capitalised names and all-caps words count only when the same label starts
// at least two lines, so a stray "Because: …" does not split a turn. When
// fewer than two lines carry a label, the document is cut into paragraphs
// (blocks separated by blank lines, or single lines when there are no blank
// lines), each a turn with no speaker.
//
// Every non-whitespace code point of the text belongs to exactly one turn, and
// turns are sorted and do not overlap.
//
// The package is pure Go with no global mutable state and no dependency on
// Wails or the store.
package corpus
