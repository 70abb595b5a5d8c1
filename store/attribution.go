package store

import "strings"

// TurnCase is who one turn is attributed to: the case of its speaker within
// the document when that speaker is linked to one, else the document's case.
type TurnCase struct {
	Turn       int               // index of the turn in its document
	Start, End int               // the turn's span in code points, label included, end exclusive
	Speaker    string            // as the turn spells it
	Case       string            // "" when neither the speaker nor the document has a case
	Attributes map[string]string // the case's attributes (nil without a case)
	Excluded   bool              // the speaker is left out of coding and analysis (an interviewer)
}

// TurnCases resolves every turn of a document to its case and attributes.
func (p *Project) TurnCases(document int64) ([]TurnCase, error) {
	rows, err := p.db.Query(`
		SELECT t.idx, t.start, t.stop, t.speaker, COALESCE(sc.name, dc.name, ''), COALESCE(ds.excluded, 0)
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
		if err := rows.Scan(&tc.Turn, &tc.Start, &tc.End, &tc.Speaker, &tc.Case, &excluded); err != nil {
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

// AllTurnCases is TurnCases for every document at once, in one query, for
// analyses that read the whole project (theme summaries): documents without
// turns are absent.
func (p *Project) AllTurnCases() (map[int64][]TurnCase, error) {
	// The cases first: the project reads through one connection, so no
	// other query may run while these rows are open.
	cases, err := p.Cases()
	if err != nil {
		return nil, err
	}
	attrs := make(map[string]map[string]string, len(cases))
	for _, c := range cases {
		attrs[c.Name] = c.Attributes
	}
	rows, err := p.db.Query(`
		SELECT t.document_id, t.idx, t.start, t.stop, t.speaker, COALESCE(sc.name, dc.name, ''), COALESCE(ds.excluded, 0)
		FROM turns t
		JOIN documents d ON d.id = t.document_id
		LEFT JOIN document_speakers ds ON ds.document_id = t.document_id AND ds.speaker = t.speaker
		LEFT JOIN cases sc ON sc.id = ds.case_id
		LEFT JOIN cases dc ON dc.id = d.case_id
		ORDER BY t.document_id, t.idx`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]TurnCase{}
	for rows.Next() {
		var doc int64
		var tc TurnCase
		var excluded int
		if err := rows.Scan(&doc, &tc.Turn, &tc.Start, &tc.End, &tc.Speaker, &tc.Case, &excluded); err != nil {
			return nil, err
		}
		tc.Excluded = excluded != 0
		if tc.Case != "" {
			tc.Attributes = attrs[tc.Case]
		}
		out[doc] = append(out[doc], tc)
	}
	return out, rows.Err()
}

// DocumentTexts returns the texts of the given documents by id, in one
// query; an unknown id is absent.
func (p *Project) DocumentTexts(ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	// SQLite's parameter limit is 32,766; chunks keep well under it.
	for len(ids) > 0 {
		n := min(len(ids), 500)
		chunk := ids[:n]
		ids = ids[n:]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := p.db.Query(`SELECT id, text FROM documents WHERE id IN (?`+strings.Repeat(",?", len(chunk)-1)+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var text string
			if err := rows.Scan(&id, &text); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = text
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
