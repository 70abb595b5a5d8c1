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
// The writer (write.go) turns a model into an archive other tools open:
// Write and WriteFile (atomic: a temporary file beside the target, renamed
// once complete) write project.qde in the element order Project.xsd's
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
