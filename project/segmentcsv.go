package project

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"themis/corpus"
	"themis/errs"
	"themis/internal/csvsafe"
	"themis/store"
)

// SegmentCSVHeader is the header of segment CSV files, in this order.
var SegmentCSVHeader = []string{"document", "coder", "code", "start", "end", "text"}

// RowError names the CSV row (1-based, counting the header as row 1) that is wrong.
type RowError struct {
	Row int
	Err error
}

func (e *RowError) Error() string { return fmt.Sprintf("row %d: %v", e.Row, e.Err) }
func (e *RowError) Unwrap() error { return e.Err }

// Kind is errs.Invalid whatever the row's fault: the file is what is wrong.
func (e *RowError) Kind() errs.Kind { return errs.Invalid }

// ImportSegmentsCSV reads segments in the SegmentCSVHeader format and adds
// them in one transaction. Every row is checked first: an unknown document or
// code, offsets out of range, a text that is not the span's exact text, or a
// span inside excluded speakers' turns (which the reader refuses to code)
// rejects the whole file with the row number. Coders new to the project are
// added. It returns how many segments were added (exact duplicates are skipped).
func ImportSegmentsCSV(p *store.Project, r io.Reader, actor int64) (int, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return 0, errors.New("the file is empty; expected a header " + strings.Join(SegmentCSVHeader, ","))
	}
	if err != nil {
		return 0, err
	}
	col, err := headerColumns(header)
	if err != nil {
		return 0, &RowError{Row: 1, Err: err}
	}
	docs, err := documentsByName(p)
	if err != nil {
		return 0, err
	}
	texts := map[int64]string{}
	var segs []store.NewSegment
	var rows []int // the CSV row of each segment
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return 0, &RowError{Row: row, Err: err}
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		// Themis' own export put a quote before cells a spreadsheet would run
		// as formulas; it is taken off again (csvsafe.Unquote).
		for i := range rec {
			rec[i] = csvsafe.Unquote(rec[i])
		}
		field := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		for _, need := range SegmentCSVHeader[:5] {
			if col[need] >= len(rec) {
				return 0, &RowError{Row: row, Err: fmt.Errorf("has %d fields but the header has %d; the %s is missing", len(rec), len(header), need)}
			}
		}
		d, ok := docs[field("document")]
		if !ok {
			return 0, &RowError{Row: row, Err: fmt.Errorf("unknown document %q", field("document"))}
		}
		code, err := p.CodeByName(field("code"))
		if err != nil {
			return 0, &RowError{Row: row, Err: fmt.Errorf("unknown code %q", field("code"))}
		}
		if !code.Codable {
			return 0, &RowError{Row: row, Err: fmt.Errorf("%q groups other codes and is not codable", code.Name)}
		}
		coder := strings.TrimSpace(field("coder"))
		if coder == "" {
			return 0, &RowError{Row: row, Err: errors.New("the coder is blank")}
		}
		start, err1 := strconv.Atoi(strings.TrimSpace(field("start")))
		end, err2 := strconv.Atoi(strings.TrimSpace(field("end")))
		if err1 != nil || err2 != nil {
			return 0, &RowError{Row: row, Err: fmt.Errorf("start and end must be whole numbers, got %q and %q", field("start"), field("end"))}
		}
		if start < 0 || end <= start || end > d.Chars {
			return 0, &RowError{Row: row, Err: fmt.Errorf("offsets %d–%d are outside %q (0–%d code points) or empty", start, end, d.Name, d.Chars)}
		}
		if want, ok := col["text"]; ok && want < len(rec) && rec[want] != "" {
			text, ok := texts[d.ID]
			if !ok {
				full, err := p.Document(d.ID)
				if err != nil {
					return 0, err
				}
				text = full.Text
				texts[d.ID] = text
			}
			got := corpus.Slice(text, start, end)
			if corpus.Normalize(rec[want]) != got {
				return 0, &RowError{Row: row, Err: fmt.Errorf("text %q does not match the document's text at %d–%d, which is %q", abbreviate(rec[want]), start, end, abbreviate(got))}
			}
		}
		segs = append(segs, store.NewSegment{Document: d.ID, Code: code.ID, CoderName: coder, Start: start, End: end})
		rows = append(rows, row)
	}
	if len(segs) == 0 {
		return 0, errors.New("the file has a header but no segments")
	}
	n, err := p.ImportSegments(segs, actor)
	var se *store.SegmentError
	if errors.As(err, &se) && se.Index < len(rows) {
		return 0, &RowError{Row: rows[se.Index], Err: se.Err}
	}
	return n, err
}

func headerColumns(header []string) (map[string]int, error) {
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, need := range SegmentCSVHeader[:5] {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("the header lacks %q; expected %s", need, strings.Join(SegmentCSVHeader, ","))
		}
	}
	return col, nil
}

func documentsByName(p *store.Project) (map[string]store.DocumentInfo, error) {
	docs, err := p.Documents()
	if err != nil {
		return nil, err
	}
	out := make(map[string]store.DocumentInfo, len(docs))
	for _, d := range docs {
		out[d.Name] = d
	}
	return out, nil
}

func abbreviate(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}

// ExportSegmentsCSV writes every segment (of one coder when coder != 0) with
// its exact text, in the SegmentCSVHeader format.
func ExportSegmentsCSV(p *store.Project, w io.Writer, coder int64) error {
	segs, err := p.Segments(store.SegmentFilter{Coder: coder})
	if err != nil {
		return err
	}
	codes, err := p.Codes()
	if err != nil {
		return err
	}
	codeNames := map[int64]string{}
	for _, c := range codes {
		codeNames[c.ID] = c.Name
	}
	attrib, err := newAttributor(p)
	if err != nil {
		return err
	}
	cw := csvsafe.NewWriter(w, 3, 4) // start and end are numbers; names and text are text
	cw.Write(SegmentCSVHeader)
	for _, s := range segs {
		q, err := attrib.quote(s)
		if err != nil {
			return err
		}
		cw.Write([]string{q.Document, q.Coder, codeNames[s.Code], strconv.Itoa(s.Start), strconv.Itoa(s.End), q.Text})
	}
	cw.Flush()
	return cw.Error()
}
