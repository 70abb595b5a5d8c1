package main

import (
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"themis/coding"
)

// unitizedJSON is the --json output of themis reliability --unitized.
type unitizedJSON struct {
	Coders       []string                    `json:"coders"`
	Segments     int                         `json:"segments"`
	Length       int                         `json:"length"`
	Categories   []string                    `json:"categories"`
	UAlpha       coding.Statistic            `json:"u_alpha"`
	BinaryUAlpha coding.Statistic            `json:"binary_u_alpha"`
	CUAlpha      coding.Statistic            `json:"cu_alpha"`
	KUAlpha      map[string]coding.Statistic `json:"k_u_alpha"`
	// BinaryKUAlpha is the per-category binary uα (the category against
	// everything else, as ATLAS.ti reports it per code).
	BinaryKUAlpha map[string]coding.Statistic `json:"binary_u_alpha_by_category"`
}

// wantsUnitized reports whether a reliability command line asks for the
// unitizing alphas, so that cmdReliability can hand it over whole.
func wantsUnitized(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && name == "unitized" {
			return true
		}
	}
	return false
}

// cmdUnitized is themis reliability --unitized SEGMENTS.csv --length L
// [--json]: Krippendorff's unitizing alphas (coding.Unitized) of one
// continuum, from rows coder,start,end,category.
func cmdUnitized(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("reliability", flag.ContinueOnError)
	path := fs.String("unitized", "", "CSV of segments: coder,start,end,category (end exclusive)")
	length := fs.Int("length", 0, "length of the continuum the offsets count in")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	if *path == "" {
		return usageError{"--unitized needs the segments CSV file"}
	}
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "length" })
	switch {
	case !given:
		return usageError{"--length is required: the length of the continuum, in the units the offsets count"}
	case *length < 0:
		return usageError{fmt.Sprintf("--length %d is a negative length; give the length of the continuum, in the units the offsets count", *length)}
	case *length == 0:
		return usageError{"--length must be positive"}
	}
	f, err := os.Open(*path)
	if err != nil {
		return err
	}
	defer f.Close()
	coders, segs, rows, err := readUnitizedCSV(f)
	if err != nil {
		return fmt.Errorf("%s: %w", *path, err)
	}
	if len(coders) < 2 {
		return fmt.Errorf("%s: only one coder (%s); the unitizing alphas compare two or more coders", *path, coders[0])
	}
	r, err := coding.Unitized([]int{*length}, len(coders), segs, coding.UnitizedOptions{})
	var se *coding.UnitizedSegmentError
	var oe *coding.UnitizedOverlapError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("%s: row %d: %s", *path, rows[se.Index], se.Reason)
	case errors.As(err, &oe):
		return fmt.Errorf("%s: rows %d and %d: units of coder %s overlap; a coder's units must not overlap (code overlapping matter as one unit, or split it)",
			*path, rows[oe.First], rows[oe.Second], coders[oe.Coder])
	case err != nil:
		return fmt.Errorf("%s: %w", *path, err)
	}
	if *asJSON {
		return writeJSON(out, unitizedJSON{
			Coders: coders, Segments: len(segs), Length: *length, Categories: r.Categories,
			UAlpha: r.UAlpha, BinaryUAlpha: r.BinaryUAlpha, CUAlpha: r.CUAlpha, KUAlpha: r.KUAlpha, BinaryKUAlpha: r.BinaryKUAlpha,
		})
	}
	fmt.Fprintf(out, "%d coders (%s), %d segments, continuum length %d, categories: %s\n\n",
		len(coders), strings.Join(coders, ", "), len(segs), *length, strings.Join(r.Categories, ", "))
	return printUnitized(out, r)
}

// readUnitizedCSV reads rows coder,start,end,category of one continuum. An optional first row naming exactly those columns is
// skipped. Coders are numbered in order of first appearance; rows[i] is the
// 1-based row of segs[i] in the file. Offsets are checked here only for being
// whole numbers; their range is checked by coding.Unitized.
func readUnitizedCSV(r io.Reader) (coders []string, segs []coding.UnitizedSegment, rows []int, err error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	coderIndex := map[string]int{}
	for row := 1; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, nil, err
		}
		if row == 1 && len(rec) > 0 {
			rec[0] = strings.TrimPrefix(rec[0], "\ufeff") // spreadsheets' BOM
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		if len(rec) != 4 {
			return nil, nil, nil, fmt.Errorf("row %d has %d fields, expected 4: coder,start,end,category", row, len(rec))
		}
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		if row == 1 && strings.EqualFold(rec[0], "coder") && strings.EqualFold(rec[1], "start") &&
			strings.EqualFold(rec[2], "end") && strings.EqualFold(rec[3], "category") {
			continue
		}
		if rec[0] == "" {
			return nil, nil, nil, fmt.Errorf("row %d: the coder is empty", row)
		}
		if rec[3] == "" {
			return nil, nil, nil, fmt.Errorf("row %d: the category is empty", row)
		}
		var off [2]int
		for k, name := range []string{"start", "end"} {
			v, err := strconv.Atoi(rec[1+k])
			if err != nil {
				return nil, nil, nil, fmt.Errorf("row %d: %s %q is not a whole number", row, name, rec[1+k])
			}
			off[k] = v
		}
		ci, ok := coderIndex[rec[0]]
		if !ok {
			ci = len(coders)
			coderIndex[rec[0]] = ci
			coders = append(coders, rec[0])
		}
		segs = append(segs, coding.UnitizedSegment{Coder: ci, Start: off[0], End: off[1], Category: rec[3]})
		rows = append(rows, row)
	}
	if len(segs) == 0 {
		return nil, nil, nil, errors.New("no segments: expected rows coder,start,end,category")
	}
	return coders, segs, rows, nil
}
