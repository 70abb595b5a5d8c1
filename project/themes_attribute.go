package project

import (
	"fmt"
	"slices"
	"sort"
	"strconv"

	"themis/errs"
	"themis/report"
	"themis/store"
)

// ByAttribute computes the code × value matrix of one case attribute: for
// each code and value, the passages whose case has the value and the
// distinct such cases, beside the number of cases in scope with the value.
func ByAttribute(p *store.Project, v Viewer, framework int64, l Layer, f ThemeFilter, attribute string) (AttributeMatrix, error) {
	ts, err := loadThemes(p, v, framework, 0, l, f)
	if err != nil {
		return AttributeMatrix{}, err
	}
	if _, ok := ts.attrs[attribute]; !ok {
		return AttributeMatrix{}, errs.Errorf(errs.NotFound, "attribute %q: not found", attribute)
	}
	out := AttributeMatrix{Scope: ts.scope, Attribute: attribute, Columns: ts.valueColumns(attribute)}
	col := make(map[string]int, len(out.Columns))
	for i, c := range out.Columns {
		col[c.Value] = i
	}
	for i := range ts.codes {
		fig, per := ts.figures(i)
		row := AttributeRow{PrevalenceRow: fig, Cells: make([]AttributeCell, len(out.Columns))}
		cases := make([]map[string]bool, len(out.Columns))
		for _, ps := range per {
			for _, p := range ps {
				seen := -1
				for _, c := range p.cases {
					k := col[ts.valueOf(c, attribute)]
					if cases[k] == nil {
						cases[k] = map[string]bool{}
					}
					cases[k][c] = true
					if k != seen { // a passage counts once per value, however many of its cases have it
						row.Cells[k].Segments++
						seen = k
					}
				}
			}
		}
		for k := range row.Cells {
			row.Cells[k].Cases = len(cases[k])
			if n := out.Columns[k].Cases; n > 0 {
				row.Cells[k].Share = float64(row.Cells[k].Cases) / float64(n)
			}
		}
		out.Rows = append(out.Rows, row)
	}
	return out, nil
}

// valueColumns are an attribute's values among the cases in scope, in the
// attribute's order (numbers by size, dates by year, else natural order),
// each with its number of cases; cases without a value make a last column.
func (ts *themeSet) valueColumns(attribute string) []ValueColumn {
	count := map[string]int{}
	for _, c := range ts.scope.CaseNames {
		count[ts.valueOf(c, attribute)]++
	}
	values := make([]string, 0, len(count))
	for v := range count {
		if v != noValue {
			values = append(values, v)
		}
	}
	typ := ts.attrs[attribute].Type
	sort.Slice(values, func(i, j int) bool {
		if typ == store.AttrNumber {
			a, errA := strconv.ParseFloat(values[i], 64)
			b, errB := strconv.ParseFloat(values[j], 64)
			if errA == nil && errB == nil && a != b {
				return a < b
			}
		}
		return store.NaturalLess(values[i], values[j])
	})
	if count[noValue] > 0 {
		values = append(values, noValue)
	}
	out := make([]ValueColumn, len(values))
	for i, v := range values {
		out[i] = ValueColumn{Value: v, Cases: count[v]}
	}
	return out
}

// hasValue reports whether a passage has a case whose value of attribute is value.
func (ts *themeSet) hasValue(p passage, attribute, value string) bool {
	return slices.ContainsFunc(p.cases, func(c string) bool { return ts.valueOf(c, attribute) == value })
}

// AttributeTable is a by-attribute matrix as a table: per value, the
// passages and the cases with the value ("3 of 5").
func AttributeTable(m AttributeMatrix) report.Table {
	t := report.Table{
		Title:  fmt.Sprintf("By %s — %s — %s", m.Attribute, m.Scope.Framework.Name, ScopeCaption(m.Scope)),
		Header: []string{"Code", "Factor"},
	}
	for _, c := range m.Columns {
		t.Header = append(t.Header, fmt.Sprintf("%s: segments", c.Value), fmt.Sprintf("%s: cases of %d", c.Value, c.Cases),
			fmt.Sprintf("%s: share", c.Value))
	}
	for _, r := range m.Rows {
		row := []string{codeLabel(r.PrevalenceRow), r.Factor}
		for _, c := range r.Cells {
			row = append(row, strconv.Itoa(c.Segments), strconv.Itoa(c.Cases), share(c.Share))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
