// Package interop reads files other tools write about a study. Its first
// reader is the case sheet: a CSV or XLSX table with one row per case
// (participant or site) and one column per attribute, as researchers keep
// them in a spreadsheet or export them from another QDA tool.
//
// ParseCaseSheet finds the column that names the cases ("case", "name",
// "participant", "id", …) and, when there is one, a column naming each
// case's documents ("document", "transcript", "file"; several separated by
// ";"). Every other column is an attribute whose type is inferred from its
// values — number when every value is a number, date when every value is a
// date (YYYY-MM-DD, DD/MM/YYYY, "7 March 2024", or an Excel date cell),
// category when a short list of values repeats, else text — unless the caller
// names the type. Dates are returned as YYYY-MM-DD.
//
// A sheet that cannot be used is refused with a *SheetError naming the
// file, and the row and column where it can: no name column, a value that
// does not fit its column's type, the same case twice, a binary or empty
// file, an .xls from before 2007.
//
// # Limits
//
// A hostile sheet must not take the machine. A sheet is at most
// MaxSheetBytes (32 MiB), MaxRows rows and MaxColumns (500) columns. In a
// CSV sheet, a quote that opens a cell and is never closed is refused,
// naming the row where it opened, instead of reading every row below into
// that cell. An .xlsx is measured from its XML before excelize reads it
// (internal/sheetscan), because excelize builds each row with an empty cell
// for every column before its last value: a value beyond column 500 is
// refused naming its row and column, and rows that would be built as more
// than MaxCells (2,000,000) cells in all, padding included, are refused
// naming the row — so a few kilobytes with one cell in column XFD per row no
// longer take gigabytes.
package interop
