package coding

// PerDocument returns one row per compared document, in the report's
// document order, pooling the given codes within that document as factor
// rows pool theirs (De Vries et al.'s means, see [PooledKappa]); no codes
// means every code. With a single code it is that code's code × document
// breakdown. Row.Document is the document's ID and Label is empty: the
// caller knows the documents' names.
//
// A bootstrapped report's intervals are not carried over: resampling
// documents says nothing about a single document.
func (r Report) PerDocument(codes ...int64) []Result {
	if len(r.perDoc) != len(r.codes) {
		return nil
	}
	want := map[int64]bool{}
	for _, c := range codes {
		want[c] = true
	}
	out := make([]Result, 0, len(r.Documents))
	for d, id := range r.Documents {
		var tables []Counts
		for i, c := range r.codes {
			if len(want) == 0 || want[c.ID] {
				tables = append(tables, r.perDoc[i][d])
			}
		}
		kind := pooledRow
		if len(tables) == 1 {
			kind = codeRow
		}
		row := newResult("", 0, 0, tables, kind, r.Unit, r.nameA, r.nameB)
		row.Document = id
		out = append(out, row)
	}
	return out
}
