// Package sheetscan measures what reading the rows of an .xlsx workbook
// would build, before excelize builds it.
//
// excelize's row iterator pads a row with an empty cell for every column
// before its last cell with a value, so one cell in column XFD makes a row of
// 16,384 cells: a workbook of a few kilobytes with such a cell on each row
// asks for gigabytes. Check reads the workbook's XML as a stream, in constant
// memory, and works out, row by row, how many cells excelize would produce —
// exactly as its Rows.Columns does — so that a reader can refuse the file
// before reading it (corpus for turn tables, interop for case sheets).
//
// Every part of the archive is scanned, not only those named as worksheets,
// so that a workbook cannot hide a sheet from the check by where it puts it;
// elements are matched by local name, as excelize matches them.
package sheetscan

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"strconv"

	"golang.org/x/net/html/charset"
)

// Limits are what a reader accepts.
type Limits struct {
	MaxColumn int   // a cell with a value beyond this column is a Problem; 0 for none
	MaxCells  int64 // the most cells the rows of all parts may produce
	MaxPart   int64 // the most decompressed bytes read of one part
}

// Problem is the first place where a workbook passes a limit.
type Problem struct {
	Part   string // the part of the archive, e.g. "xl/worksheets/sheet1.xml"
	Row    int    // the sheet's row number (1-based)
	Column int    // the column of the cell beyond MaxColumn; 0 when the cells are too many
	Cells  int64  // cells the rows would have produced up to and including Row
	Reach  int    // the farthest column with a value up to there
}

// Check scans every part of zr. A part that is not XML, or stops being
// well-formed, is scanned up to where it stops: excelize stops there too.
func Check(zr *zip.Reader, lim Limits) *Problem {
	var total int64
	var reach int
	for _, f := range zr.File {
		if p := checkPart(f, lim, &total, &reach); p != nil {
			return p
		}
	}
	return nil
}

func checkPart(f *zip.File, lim Limits, total *int64, reach *int) *Problem {
	rc, err := f.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, lim.MaxPart))
	dec.CharsetReader = charset.NewReaderLabel // as excelize reads
	var (
		row     int   // the current row's number
		n       int   // cells the current row has produced
		col     int   // the column of the last cell, as excelize counts
		inCell  bool  // inside a c element
		cellCol int   // the column of the cell being read
		valued  bool  // the cell being read has a value or formula
		rows    int64 // rows seen, for a row without a number
	)
	// cell counts the cell just read, with a value, as excelize does.
	cell := func() *Problem {
		*reach = max(*reach, cellCol)
		if lim.MaxColumn > 0 && cellCol > lim.MaxColumn {
			return &Problem{Part: f.Name, Row: row, Column: cellCol, Cells: *total + int64(n), Reach: *reach}
		}
		// excelize appends the value after blanks up to its column.
		n = max(n+1, cellCol)
		if *total+int64(n) > lim.MaxCells {
			return &Problem{Part: f.Name, Row: row, Cells: *total + int64(n), Reach: *reach}
		}
		return nil
	}
	endRow := func() *Problem {
		*total += int64(n)
		n, col = 0, 0
		if *total > lim.MaxCells {
			return &Problem{Part: f.Name, Row: row, Cells: *total, Reach: *reach}
		}
		return nil
	}
	for {
		tok, err := dec.RawToken()
		if err != nil {
			// excelize keeps a cell whose XML breaks off after its value.
			if inCell && valued {
				if p := cell(); p != nil {
					return p
				}
			}
			return endRow()
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if inCell {
				switch t.Name.Local {
				case "v", "f", "is":
					valued = true
				}
				continue
			}
			switch t.Name.Local {
			case "row":
				if p := endRow(); p != nil {
					return p
				}
				rows++
				row = int(rows)
				if r, err := strconv.Atoi(attr(t, "r")); err == nil && r > 0 {
					row, rows = r, int64(r)
				}
			case "c":
				inCell, valued = true, false
				col++
				if ref := attr(t, "r"); ref != "" {
					c, ok := column(ref)
					if !ok {
						// excelize refuses the row here; nothing is padded.
						inCell = false
						continue
					}
					col = c
				}
				cellCol = col
			}
		case xml.EndElement:
			if inCell {
				// excelize ends a cell at the first end of an element
				// named c, however deep: a nested <c/> ends it too.
				if t.Name.Local != "c" {
					continue
				}
				inCell = false
				if !valued {
					continue
				}
				if p := cell(); p != nil {
					return p
				}
				continue
			}
			if t.Name.Local == "sheetData" {
				if p := endRow(); p != nil {
					return p
				}
			}
		}
	}
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// maxColumn is the last column a sheet can have, XFD.
const maxColumn = 16384

// column reads the column of a cell reference such as "B7" or "xfd12".
func column(ref string) (int, bool) {
	c, i := 0, 0
	for ; i < len(ref); i++ {
		ch := ref[i] | 0x20
		if ch < 'a' || ch > 'z' {
			break
		}
		c = c*26 + int(ch-'a'+1)
		if c > maxColumn {
			return 0, false
		}
	}
	return c, i > 0 && i < len(ref)
}

// ColumnName writes a column number as letters: 1 is "A", 16384 "XFD".
func ColumnName(c int) string {
	var b []byte
	for c > 0 {
		c--
		b = append([]byte{byte('A' + c%26)}, b...)
		c /= 26
	}
	return string(b)
}
