package project

// UnitInfo describes a unit of analysis for people choosing one.
type UnitInfo struct{ Name, Label, Help string }

// Units are the units of analysis agreement can be computed over, in the
// order the UI offers them.
var Units = []UnitInfo{
	{"character", "Character", "Every character (code point) is a unit, per code, as in NVivo's coding comparison."},
	{"turn", "Speaker turn", "Each speaker turn is a unit; a coder coded it when their segments of the code cover enough of what was said."},
	{"sentence", "Sentence", "Each sentence within a turn is a unit; a coder coded it when their segments cover enough of it."},
	{"paragraph", "Paragraph", "Each paragraph (text between blank lines) is a unit; a coder coded it when their segments cover enough of it."},
	{"segment", "Segment match", "Each coded segment is a unit, as in MAXQDA: it agrees when the other coder applied the same code to at least the threshold share of it (90 % unless set)."},
	{"document", "Document presence", "Each document is a unit: did the coder use the code anywhere in it?"},
}
