package qdpx

// Project is a REFI-QDA project in the form Themis reads and writes. The
// reader fills it from an archive; the writer writes exactly what it holds.
type Project struct {
	Name   string // the project's name attribute
	Origin string // the origin attribute, e.g. "NVivo for Mac 12.7.0"; Themis writes "Themis"
	// CreatingUser is the guid of the user who made the project (its
	// creatingUserGUID), "" when unknown: the natural lead of a project
	// imported from it. The writer ignores it.
	CreatingUser string

	Users     []User
	Codes     []Code // top-level codes; children nested
	Variables []Variable
	Cases     []Case
	Sources   []Source // text sources only
	Notes     []Note   // every note of the project, wherever it is referenced from

	// ProjectNotes are the guids of the Notes the project itself refers to
	// (NoteRef children of Project): memos on the whole project.
	ProjectNotes []string

	// NotImported counts what the archive held that Themis cannot hold, by
	// kind, in words a researcher reads ("PDF sources", "picture
	// selections", "sets", "links", "graphs", "text sources without their
	// file", …). Empty when everything came across. The writer ignores it.
	NotImported map[string]int
}

// User is a REFI-QDA user: in Themis, a coder (the consensus layer is a user
// of its own).
type User struct {
	GUID string
	Name string
}

// Code is a code of the codebook with its children.
type Code struct {
	GUID        string
	Name        string
	Color       string // "#rrggbb", "" for none
	Description string
	Codable     bool
	NoteRefs    []string // guids of Notes on this code
	Children    []Code
}

// Variable types as REFI-QDA names them.
const (
	TypeText     = "Text"
	TypeBoolean  = "Boolean"
	TypeInteger  = "Integer"
	TypeFloat    = "Float"
	TypeDate     = "Date"
	TypeDateTime = "DateTime"
)

// Variable is a case attribute: its name and REFI-QDA type.
type Variable struct {
	GUID        string
	Name        string
	Type        string // one of the Type… constants
	Description string
}

// Case is a participant or site with its variable values and the sources
// that belong to it.
type Case struct {
	GUID        string
	Name        string
	Description string
	// Values maps a Variable's guid to its value as text: dates
	// YYYY-MM-DD, booleans "true"/"false", numbers as written.
	Values  map[string]string
	Sources []string // guids of the Sources linked to this case
}

// Source is a text source: a document.
type Source struct {
	GUID         string
	Name         string
	CreatingUser string // user guid, "" when unknown
	// Text is the source's text as Themis stores it: no byte-order mark,
	// LF line ends, NFC. Positions in Selections count its code points.
	Text       string
	Selections []Selection
	NoteRefs   []string // guids of Notes on this document (Themis' turns note excluded)

	// Turns and Speakers come only from a Themis export (its
	// ThemisTurnsNote); nil for other tools' sources, whose turns Themis
	// detects from the text as it does for any imported transcript.
	Turns    []Turn
	Speakers []Speaker
}

// Selection is a coded passage of a text source.
type Selection struct {
	GUID         string
	Name         string // other tools often hold a preview of the passage here
	Start, End   int    // code points over Source.Text, 0-based, end exclusive
	CreatingUser string // user guid of whoever made the selection, "" when unknown
	Codings      []Coding
	NoteRefs     []string // guids of Notes on this passage
}

// Coding applies a code to a selection.
type Coding struct {
	GUID         string
	CodeGUID     string
	CreatingUser string // user guid, "" when unknown
}

// Note is a memo: a text with its author.
type Note struct {
	GUID         string
	Name         string
	Text         string
	CreatingUser string // user guid, "" when unknown
	Created      string // RFC 3339, "" when unknown
}

// Turn is a speaker turn of a Themis document, in code points over the
// source's text, as store.Turn holds it.
type Turn struct {
	Speaker      string
	Timestamp    string
	Start        int
	ContentStart int
	End          int
}

// Speaker is how a Themis document's speaker is treated: the case whose
// voice they are ("" for the document's case) and whether their turns are
// left out of analysis (an interviewer).
type Speaker struct {
	Name     string
	CaseGUID string
	Excluded bool
}
