package qdpx

import (
	"strings"

	"themis/frameworks"
)

// StableGUID is a name-based UUID (RFC 4122 version 5) of parts joined by
// NUL, in the namespace frameworks.GUIDOf derives code guids in. Exporting
// the same project twice therefore gives the same guids, and an element
// keeps its guid across exports as long as what it is made from (a
// document's text, a coder's name, …) does not change. The first part
// should say what kind of thing the guid names ("document", "coder", …) so
// that two kinds made from the same text do not collide.
func StableGUID(parts ...string) string {
	return frameworks.NameGUID(strings.Join(parts, "\x00"))
}
