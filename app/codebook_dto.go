package app

// FrameworkDTO is one of the project's frameworks (codebooks).
type FrameworkDTO struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Active      bool   `json:"active"` // the one the reader codes with
	Codes       int    `json:"codes"`  // codable codes
	Revision    int    `json:"revision"`
	// Version names the codebook's state for a methods section: "v1 agreed,
	// revision 11" at a tag, else "revision 14, 3 changes after v1 agreed"
	// or "revision 14".
	Version string `json:"version"`
	Tag     string `json:"tag"` // the tag at exactly this revision, "" if none
}

// BuiltinDTO is a framework shipped with Themis that a project can start from.
type BuiltinDTO struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Codes       int    `json:"codes"`
}

// CodeCountDTO is how many segments one coder has with a code.
type CodeCountDTO struct {
	Coder int64  `json:"coder"`
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// CodeInput is what the editor sends to add, edit or split off a code.
type CodeInput struct {
	Parent       int64    `json:"parent"` // 0 for top level; ignored by UpdateCode (use MoveCode)
	Name         string   `json:"name"`
	Definition   string   `json:"definition"`
	WhenToUse    string   `json:"whenToUse"`
	WhenNotToUse string   `json:"whenNotToUse"`
	Examples     []string `json:"examples"`
	Color        string   `json:"color"` // "" picks one
	Key          string   `json:"key"`
	Codable      bool     `json:"codable"`
	Scale        *float64 `json:"scale"`
}

// DeleteImpactDTO is what deleting a code would take with it, for the
// confirmation the user must give first.
type DeleteImpactDTO struct {
	Codes    []string       `json:"codes"` // the code and every descendant
	Segments int            `json:"segments"`
	ByCoder  []CodeCountDTO `json:"byCoder"`
	// Message says it in a sentence: "Deleting “Hope” and its 2 sub-codes
	// removes 14 segments: 9 of Aisha’s and 5 of Ben’s."
	Message string `json:"message"`
}

// CodeSegmentDTO is a segment listed under its code, for splitting a code.
type CodeSegmentDTO struct {
	ID           int64  `json:"id"`
	Document     int64  `json:"document"`
	DocumentName string `json:"documentName"`
	Coder        int64  `json:"coder"`
	CoderName    string `json:"coderName"`
	Start        int    `json:"start"` // code points
	End          int    `json:"end"`
	Text         string `json:"text"` // the coded words, shortened to about 200 characters
}

// CodebookChangeDTO is one entry of a framework's history.
type CodebookChangeDTO struct {
	Revision int      `json:"revision"`
	At       string   `json:"at"` // RFC 3339
	Who      string   `json:"who"`
	Action   string   `json:"action"` // add, edit, move, merge, split, delete, undo, redo, import
	Summary  string   `json:"summary"`
	Undone   bool     `json:"undone"`
	Tags     []string `json:"tags"` // tags set at this revision
}

// CodebookTagDTO is a named version of a framework.
type CodebookTagDTO struct {
	Name     string `json:"name"`
	Note     string `json:"note"`
	Revision int    `json:"revision"`
	At       string `json:"at"`
	Who      string `json:"who"`
}

// CodebookHistoryDTO is a framework's history, newest first, and what Undo
// and Redo would do now.
type CodebookHistoryDTO struct {
	Framework int64               `json:"framework"`
	Revision  int                 `json:"revision"`
	Version   string              `json:"version"`
	Changes   []CodebookChangeDTO `json:"changes"`
	Tags      []CodebookTagDTO    `json:"tags"`
	CanUndo   bool                `json:"canUndo"`
	Undo      string              `json:"undo"` // e.g. "delete “Hope”"
	CanRedo   bool                `json:"canRedo"`
	Redo      string              `json:"redo"`
}

// InVivoDTO is the code made from a selection and the segment coding it.
type InVivoDTO struct {
	Code    CodeDTO    `json:"code"`
	Segment SegmentDTO `json:"segment"`
}
