// Package qdpx reads and writes REFI-QDA projects (.qdpx, standard 1.5): a
// zip archive holding one project.qde (XML, namespace
// urn:QDA-XML:project:1.0) and the project's sources.
//
// The package speaks in one model (model.go): text sources with their text
// as Themis stores it (no byte-order mark, LF line ends, NFC) and selections
// whose positions are Unicode code points over that text, 0-based, end
// exclusive. Every vendor's way of counting — NVivo's UTF-16 code units,
// CRLF line ends, a BOM — is converted here on the way in, and never leaks
// into the rest of Themis. What Themis cannot hold (PDF, picture, audio and
// video sources and their selections, graphs, sets, links) is counted per
// kind in Project.NotImported instead of being dropped silently.
//
// Themis-only facts that REFI-QDA has no place for — a document's speaker
// turns, which case each speaker belongs to and which speakers are excluded
// from analysis — travel in one Note per text source named ThemisTurnsNote
// (themisnote.go), so a project that goes out to another tool and comes back
// keeps them, while the other tool shows a harmless memo.
//
// # Reading (read*.go)
//
// Read and ReadFile turn an archive into a Project. What comes across:
// users (a user with neither name nor id is named "User " and the start of
// its guid; the same guid twice is one user); the codebook with its
// hierarchy, colours ("#rrggbb", lower case; an alpha byte is dropped),
// descriptions, isCodable and NoteRefs; variables with their types (an
// unknown type reads as Text); cases with their typed values (booleans
// written 1/0 read as true/false) and SourceRefs (to sources that came
// across; a value of a variable the archive does not declare is dropped and
// counted); every TextSource with its
// text and PlainTextSelections; notes with their text, author and creation
// time, and the NoteRefs of the project, codes, sources and selections (a
// reference to a note that is not there is dropped). Names are kept in NFC.
// The Description of the project, a source or a selection (ATLAS.ti keeps a
// quotation's comment there) becomes a memo, a Note with a GUID derived from
// its owner's, so the same archive reads the same way twice.
//
// A selection's coder is its creatingUser, else its first Coding's; a user
// guid the archive does not declare reads as "" (unknown). A Coding of a code
// not in the codebook is dropped; a selection left with no coding, or empty
// (its end at its start, or nothing left once line ends are normalised), is
// left out. A Themis turns note (IsTurnsNote on its text) fills its source's
// Turns and Speakers and is neither a Note nor a NoteRef; its own
// selections are ignored; one that does not decode is ignored too.
//
// Not imported, counted in Project.NotImported: "PDF sources", "picture
// sources", "audio sources", "video sources" and their selections ("PDF
// selections", …, transcript selections with their audio or video), "sets",
// "links", "graphs", "text sources without their file" and "selections of
// text sources without their file" (with SkipMissingSources), "selections
// without a code", "empty selections", "codings of whole sources" (a Coding
// directly on a TextSource), "codings of codes not in the codebook",
// "attribute values of sources", "values of undeclared variables", "codes
// of cases", "selections of cases",
// "selections in notes", "notes without their text", "unreadable Themis
// turn notes".
//
// # Vendor quirks handled
//
//   - The project file under any name: project.qde, Project.qde, any single
//     *.qde at the archive's root (compared without regard to case; entry
//     names are compared cleaned, so ./sources/a.txt is sources/a.txt).
//   - Namespace prefixes (<qda:Project xmlns:qda=…>): elements and
//     attributes are matched by their local name. A byte-order mark before
//     the XML declaration is ignored.
//   - Source files as internal://NAME in sources/ or Sources/ (any case),
//     relative:// and plain relative paths from the archive's root or its
//     sources folder, or the text inline in PlainTextContent. NVivo's and
//     ATLAS.ti's .docx beside each .txt are not read.
//   - Text files in UTF-8 with or without a BOM, or UTF-16 LE/BE with one;
//     CRLF or lone CR line ends; decomposed accents (NFD, as macOS writes).
//   - Positions are counted over the file's characters as the other tool
//     counted them — a CRLF is two, a leading BOM none — and carried over
//     to code points of the stored text (corpus.Normalize: no BOM, LF, NFC,
//     not trimmed). A position between CR and LF lands before the LF; one
//     inside a sequence NFC composes lands where the composed form splits
//     the same way, else outward (a start before it, an end after it), so
//     each segment covers at least what the other tool showed.
//   - Units: REFI-QDA says code points; NVivo counts UTF-16 code units, which
//     differ as soon as a text holds a character outside the Basic
//     Multilingual Plane (an emoji). An origin naming NVivo settles it.
//     Otherwise the selections vote: a position inside a surrogate pair or
//     past the end counts against a unit, a name that previews the passage
//     (ATLAS.ti's "first hundred characters…") for the unit under which it
//     matches; a tie is code points.
//   - QualCoder's and MAXQDA's omissions: no Users, no creatingUser, no
//     colours, no project name, inline text — all optional, all read.
//
// # Limits and refusals
//
// An archive is untrusted input, and the reader never writes or opens
// anything but the archive itself: a source that points outside it
// (absolute://, or a relative path that climbs out) is a missing source.
// Every refusal is an *Error, "FILE: reason", wrapping an errs kind:
//
//   - errs.Unsupported: not a zip archive; no .qde at the root; a root
//     element other than <Project>; project.qde in an encoding other than
//     UTF-8; a part compressed with a method other than Store or Deflate.
//   - errs.TooLarge: more than 20,000 entries, or a directory of entries
//     over 8 MiB (both measured from the zip's end record before
//     archive/zip reads the directory, which it would read whole whatever
//     count the end record states); project.qde over 64 MiB, one
//     text file over 32 MiB, the text files together over 64 MiB (by their
//     declared size before reading, and by what is read, through a limiting
//     reader, since a declared size can lie); a part over 1 MiB that
//     expands more than 200 times (a zip bomb).
//   - errs.Invalid: an entry name that is absolute, climbs out with "..",
//     holds a backslash or NUL, or names a drive (zip-slip; nothing is
//     extracted, but such an archive was made to attack); two .qde files
//     (both named); two entries whose names differ only in case; a DOCTYPE
//     or any other <!…> declaration (entity expansion and external
//     entities; encoding/xml expands neither, but such a file is refused
//     rather than half-read); XML nested more than 256 deep or not
//     well-formed (with its line); a damaged part; text that is not UTF-8
//     or UTF-16 with a BOM (naming the source and the byte); a position
//     that is not a non-negative integer, an end before its start, or an
//     end past the text (naming the source and the selection); two codes
//     or two sources under one guid, or a code without one; text sources
//     without their file (ErrMissingSources, naming them, unless
//     ReadOptions.SkipMissingSources).
//
// Memory: project.qde is read as a stream; the sources' texts are read one
// at a time, each into the string that becomes its stored text when it is
// already in stored form. The largest archive the limits accept (two 32 MiB
// sources, a 64 MiB project.qde of some 270,000 selections) peaks near
// 250 MB of heap (BenchmarkHostileQDPX).
//
// # Writing (write.go, guid.go)
//
// The writer turns a model into an archive other tools open: Write and
// WriteFile (atomic: a temporary file beside the target, renamed once
// complete) write project.qde in the element order Project.xsd's
// sequences demand, with origin "Themis" and no basePath, and each text
// source as sources/<guid>.txt, UTF-8 without a byte-order mark, referred to
// as internal://<guid>.txt. Typed values are written in their XML Schema
// forms (a Float never in exponent form). The same model always gives the
// same bytes. A model that would give a file other tools cannot read — a
// malformed or repeated guid, a reference to something the model does not
// hold, a selection or turn outside its text, a value that does not fit its
// type — is refused before anything is written, naming the element.
// StableGUID (guid.go) derives every guid Themis exports from content, in
// the namespace of frameworks.GUIDOf.
package qdpx
