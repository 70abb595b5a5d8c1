package store

// TurnCase is who one turn is attributed to: the case of its speaker within
// the document when that speaker is linked to one, else the document's case.
type TurnCase struct {
	Turn       int               // index of the turn in its document
	Speaker    string            // as the turn spells it
	Case       string            // "" when neither the speaker nor the document has a case
	Attributes map[string]string // the case's attributes (nil without a case)
	Excluded   bool              // the speaker is left out of coding and analysis (an interviewer)
}

// TurnCases resolves every turn of a document to its case and attributes.
func (p *Project) TurnCases(document int64) ([]TurnCase, error) {
	rows, err := p.db.Query(`
		SELECT t.idx, t.speaker, COALESCE(sc.name, dc.name, ''), COALESCE(ds.excluded, 0)
		FROM turns t
		JOIN documents d ON d.id = t.document_id
		LEFT JOIN document_speakers ds ON ds.document_id = t.document_id AND ds.speaker = t.speaker
		LEFT JOIN cases sc ON sc.id = ds.case_id
		LEFT JOIN cases dc ON dc.id = d.case_id
		WHERE t.document_id = ? ORDER BY t.idx`, document)
	if err != nil {
		return nil, err
	}
	var out []TurnCase
	for rows.Next() {
		var tc TurnCase
		var excluded int
		if err := rows.Scan(&tc.Turn, &tc.Speaker, &tc.Case, &excluded); err != nil {
			rows.Close()
			return nil, err
		}
		tc.Excluded = excluded != 0
		out = append(out, tc)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	cases, err := p.Cases()
	if err != nil {
		return nil, err
	}
	attrs := map[string]map[string]string{}
	for _, c := range cases {
		attrs[c.Name] = c.Attributes
	}
	for i := range out {
		if out[i].Case != "" {
			out[i].Attributes = attrs[out[i].Case]
		}
	}
	return out, nil
}
