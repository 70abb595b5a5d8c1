package project

import (
	"fmt"
	"strconv"

	"themis/report"
	"themis/store"
)

// CaseCodeMatrix computes, for every code (factors rolled up) and every case
// in scope, the passages of the code attributed to the case.
func CaseCodeMatrix(p *store.Project, v Viewer, framework int64, l Layer, f ThemeFilter) (CaseMatrix, error) {
	ts, err := loadThemes(p, v, framework, 0, l, f)
	if err != nil {
		return CaseMatrix{}, err
	}
	out := CaseMatrix{Scope: ts.scope, Cases: make([]CaseColumn, len(ts.scope.CaseNames))}
	col := make(map[string]int, len(out.Cases))
	for i, c := range ts.scope.CaseNames {
		attrs := map[string]string{}
		for k, v := range ts.cases[c].Attributes {
			attrs[k] = v
		}
		out.Cases[i] = CaseColumn{Name: c, Attributes: attrs}
		col[c] = i
	}
	for i := range ts.codes {
		fig, per := ts.figures(i)
		row := CaseRow{PrevalenceRow: fig, Cells: make([]int, len(out.Cases))}
		for _, ps := range per {
			for _, p := range ps {
				for _, c := range p.cases {
					row.Cells[col[c]]++
				}
			}
		}
		out.Rows = append(out.Rows, row)
	}
	return out, nil
}

// CaseTable is a case × code matrix as a table, a column per case.
func CaseTable(m CaseMatrix) report.Table {
	t := report.Table{
		Title:  fmt.Sprintf("By case — %s — %s", m.Scope.Framework.Name, ScopeCaption(m.Scope)),
		Header: []string{"Code", "Factor"},
	}
	for _, c := range m.Cases {
		t.Header = append(t.Header, c.Name)
	}
	for _, r := range m.Rows {
		row := []string{codeLabel(r.PrevalenceRow), r.Factor}
		for _, n := range r.Cells {
			row = append(row, strconv.Itoa(n))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
