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
package qdpx
