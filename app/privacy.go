package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"themis/project"
	"themis/store"
)

// PrivacyService is the anonymisation check: scanning for identifiers, dismissing them, replacing them with pseudonyms.
//
// The key linking pseudonyms to originals is kept in memory for the session
// only, until the user saves it to a file of their choosing; it is never
// written to the project.
type PrivacyService struct {
	s    *Session
	of   *store.Project // the project the pseudonyms and key belong to
	ps   *project.Pseudonyms
	key  []project.KeyEntry
	seen map[string]bool
}

// NewPrivacyService binds the service to a session.
func NewPrivacyService(s *Session) *PrivacyService { return &PrivacyService{s: s} }

// PrivacyFindingDTO is one occurrence of a likely identifier, with the line
// around it. Offsets are code points; ContextStart is where Before begins.
// A finding in a name (Place "document name", "case name" or "attribute
// value") has the whole name as its context and offsets into the name;
// Place "speaker label" is in the text. A finding in a memo (Place "memo")
// has offsets and context in the memo's text, MemoOn saying what the memo is
// on (`the project`, `document “P001”`, `code “Trust”`, a segment) and
// MemoAuthor who wrote it; Document is the document a document or segment
// memo is on.
type PrivacyFindingDTO struct {
	Place        string  `json:"place"`
	Document     int64   `json:"document"`
	DocumentName string  `json:"documentName"`
	Case         int64   `json:"case"`
	CaseName     string  `json:"caseName"`
	Attribute    string  `json:"attribute"`
	Memo         int64   `json:"memo"`
	MemoOn       string  `json:"memoOn"`
	MemoAuthor   string  `json:"memoAuthor"`
	Start        int     `json:"start"`
	End          int     `json:"end"`
	Kind         string  `json:"kind"`
	Text         string  `json:"text"`
	Confidence   float64 `json:"confidence"`
	Before       string  `json:"before"`
	After        string  `json:"after"`
	ContextStart int     `json:"contextStart"`
	// ClippedBefore and ClippedAfter say the line goes on beyond the context.
	ClippedBefore bool `json:"clippedBefore"`
	ClippedAfter  bool `json:"clippedAfter"`
}

// PrivacyGroupDTO is every occurrence of one text found as one kind.
type PrivacyGroupDTO struct {
	Key        string              `json:"key"`
	Kind       string              `json:"kind"`
	Text       string              `json:"text"`
	Confidence float64             `json:"confidence"`
	Suggested  string              `json:"suggested"`
	Documents  int                 `json:"documents"`
	Memos      int                 `json:"memos"` // findings in memos
	Findings   []PrivacyFindingDTO `json:"findings"`
}

// PrivacyScanDTO is a scan of the whole project.
type PrivacyScanDTO struct {
	Groups     []PrivacyGroupDTO `json:"groups"`
	Findings   int               `json:"findings"`
	Dismissed  int               `json:"dismissed"`
	Documents  int               `json:"documents"`
	KeyEntries int               `json:"keyEntries"` // pseudonyms this session made, not yet saved or saved
}

// PrivacyOccurrenceDTO is one place to replace; Text is the original there.
// Place, Case and Attribute say which name, and Memo which memo, as in
// PrivacyFindingDTO; an empty Place is the document's text.
type PrivacyOccurrenceDTO struct {
	Document  int64  `json:"document"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Place     string `json:"place"`
	Case      int64  `json:"case"`
	Attribute string `json:"attribute"`
	Memo      int64  `json:"memo"`
}

// PrivacyReplacementDTO replaces occurrences with a pseudonym.
type PrivacyReplacementDTO struct {
	Kind        string                 `json:"kind"`
	Pseudonym   string                 `json:"pseudonym"`
	Occurrences []PrivacyOccurrenceDTO `json:"occurrences"`
}

// PrivacyReplaceSummaryDTO says what a replacement changed.
type PrivacyReplaceSummaryDTO struct {
	Replacements int `json:"replacements"`
	Documents    int `json:"documents"`
	Segments     int `json:"segments"`
	Turns        int `json:"turns"`
	Names        int `json:"names"` // document names, case names and attribute values
	KeyEntries   int `json:"keyEntries"`
	// Warnings name where the originals could not yet be wiped from.
	Warnings []string `json:"warnings"`
}

// privacyContext is how many code points of context a finding shows each side.
const privacyContext = 70

// sessionLocked resets the pseudonyms and key when another project is open.
func (ps *PrivacyService) sessionLocked(p *store.Project) {
	if ps.of != p || ps.ps == nil {
		ps.of, ps.ps, ps.key, ps.seen = p, project.NewPseudonyms(), nil, map[string]bool{}
	}
}

// scanViewer is who the scan reads memos as: the session's coder, or
// without one a blind view that reads no segment memo.
func (ps *PrivacyService) scanViewer(p *store.Project) (project.Viewer, error) {
	if ps.s.coder == 0 {
		return project.Viewer{Blind: true}, nil
	}
	return project.ViewerFor(p, ps.s.coder)
}

// Scan checks the whole project and returns the findings grouped by text,
// each occurrence with the line around it. Memos are scanned as the
// session's coder may read them, so in blind mode no other coder's segment
// memo shows.
func (ps *PrivacyService) Scan() (*PrivacyScanDTO, error) {
	var out *PrivacyScanDTO
	err := ps.s.withProject(func(p *store.Project) error {
		ps.sessionLocked(p)
		v, err := ps.scanViewer(p)
		if err != nil {
			return err
		}
		res, err := project.ScanAs(p, v, ps.ps, nil)
		if err != nil {
			return err
		}
		texts := map[int64][]rune{}
		out = &PrivacyScanDTO{Groups: []PrivacyGroupDTO{}, Findings: len(res.Findings), Dismissed: res.Dismissed, Documents: res.Documents, KeyEntries: len(ps.key)}
		for _, g := range res.Groups {
			dto := PrivacyGroupDTO{Key: g.Kind + ":" + strings.ToLower(g.Text), Kind: g.Kind, Text: g.Text, Confidence: g.Confidence,
				Suggested: g.Suggested, Documents: len(g.DocumentIDs), Memos: g.Memos}
			for _, f := range g.Findings {
				if f.Place == store.PlaceMemo {
					text := []rune(f.Memo.Text)
					from, to := lineAround(text, f.Start, f.End)
					dto.Findings = append(dto.Findings, PrivacyFindingDTO{Place: f.Place, Document: f.Document, DocumentName: f.DocumentName,
						Memo: f.Memo.ID, MemoOn: f.Memo.On, MemoAuthor: f.Memo.Author, Start: f.Start, End: f.End,
						Kind: f.Kind, Text: f.Text, Confidence: f.Confidence, Before: string(text[from:f.Start]), After: string(text[f.End:to]), ContextStart: from,
						ClippedBefore: from > 0 && text[from-1] != '\n', ClippedAfter: to < len(text) && text[to] != '\n'})
					continue
				}
				if f.InName() {
					name := []rune(f.Name)
					dto.Findings = append(dto.Findings, PrivacyFindingDTO{Place: f.Place, Document: f.Document, DocumentName: f.DocumentName,
						Case: f.Case, CaseName: f.CaseName, Attribute: f.Attribute, Start: f.Start, End: f.End,
						Kind: f.Kind, Text: f.Text, Confidence: f.Confidence, Before: string(name[:f.Start]), After: string(name[f.End:])})
					continue
				}
				text, ok := texts[f.Document]
				if !ok {
					d, err := p.Document(f.Document)
					if err != nil {
						return err
					}
					text = []rune(d.Text)
					texts[f.Document] = text
				}
				from, to := lineAround(text, f.Start, f.End)
				dto.Findings = append(dto.Findings, PrivacyFindingDTO{Place: f.Place, Document: f.Document, DocumentName: f.DocumentName, Start: f.Start, End: f.End,
					Kind: f.Kind, Text: f.Text, Confidence: f.Confidence, Before: string(text[from:f.Start]), After: string(text[f.End:to]), ContextStart: from,
					ClippedBefore: from > 0 && text[from-1] != '\n', ClippedAfter: to < len(text) && text[to] != '\n'})
			}
			out.Groups = append(out.Groups, dto)
		}
		return nil
	})
	return out, err
}

// lineAround is the stretch of the finding's line within privacyContext of it,
// widened or cut to whole words.
func lineAround(text []rune, start, end int) (int, int) {
	from := start
	for from > 0 && text[from-1] != '\n' && start-from < privacyContext {
		from--
	}
	if from > 0 && text[from-1] != '\n' {
		for from < start && text[from] != ' ' {
			from++
		}
	}
	to := end
	for to < len(text) && text[to] != '\n' && to-end < privacyContext {
		to++
	}
	if to < len(text) && text[to] != '\n' {
		for to > end && text[to-1] != ' ' {
			to--
		}
	}
	return from, to
}

// Suggest is the pseudonym for original when it is replaced as kind, one
// of the words `themis anonymise replace --kind` takes (name, place,
// organisation, …): the scan's suggestion when the kind is the one found,
// else the next free one of that kind ("Hebden Bridge", found as a name,
// replaced as a place becomes "[Place 1]"). The same original and kind keep
// their pseudonym for the session.
func (ps *PrivacyService) Suggest(kind, original string) (string, error) {
	k, ok := project.Kinds[strings.ToLower(strings.TrimSpace(kind))]
	if !ok {
		return "", fmt.Errorf("pseudonym for %q: %w: unknown kind %q", original, store.ErrInvalid, kind)
	}
	var out string
	err := ps.s.withProject(func(p *store.Project) error {
		ps.sessionLocked(p)
		// a scan first, so the numbers already used in the project and
		// suggested on the tab are taken
		v, err := ps.scanViewer(p)
		if err != nil {
			return err
		}
		if _, err := project.ScanAs(p, v, ps.ps, nil); err != nil {
			return err
		}
		out = ps.ps.For(k, original)
		return nil
	})
	return out, err
}

// DismissalInput names a finding of Scan by where it is (code points of
// the document's text, or of memo Memo's), its kind and its text.
type DismissalInput struct {
	Document int64  `json:"document"`
	Memo     int64  `json:"memo"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Kind     string `json:"kind"`
	Text     string `json:"text"`
}

// Dismiss records that a finding is not an identifier; later scans leave it out.
func (ps *PrivacyService) Dismiss(in DismissalInput) error {
	return ps.s.withProject(func(p *store.Project) error {
		d := store.Dismissal{Document: in.Document, Memo: in.Memo, Start: in.Start, End: in.End, Kind: in.Kind, Text: in.Text}
		if in.Memo != 0 {
			// only a memo the coder may read: a hidden one is not found
			v, err := ps.scanViewer(p)
			if err != nil {
				return err
			}
			if _, err := project.MemoOf(p, v, in.Memo); err != nil {
				return err
			}
			d.Document = 0
		}
		return p.Dismiss(d, ps.s.coder)
	})
}

// Replace puts each pseudonym in place of its occurrences, in texts and
// names, in one transaction; segments keep their words. The originals go
// into the session's key, for SaveKey. The file is wiped and the search
// index purged, so the originals are nowhere on disk: the session's open
// index is let go first (outside the session's lock, which a search takes
// after its own) and its folder purged again afterwards, in case a search
// reopened it meanwhile.
func (ps *PrivacyService) Replace(replacements []PrivacyReplacementDTO) (*PrivacyReplaceSummaryDTO, error) {
	ps.s.beforeRewrite()
	var out *PrivacyReplaceSummaryDTO
	var path string
	err := ps.s.withProject(func(p *store.Project) error {
		path = p.Path()
		ps.sessionLocked(p)
		choices := make([]project.PseudonymChoice, len(replacements))
		for i, r := range replacements {
			c := project.PseudonymChoice{Kind: r.Kind, Pseudonym: r.Pseudonym}
			for _, o := range r.Occurrences {
				c.Occurrences = append(c.Occurrences, project.Occurrence{Place: o.Place, Document: o.Document, Case: o.Case, Attribute: o.Attribute, Memo: o.Memo,
					Start: o.Start, End: o.End, Text: o.Text})
			}
			choices[i] = c
		}
		res, err := project.Replace(p, choices, ps.s.coder)
		if err != nil {
			return err
		}
		for _, k := range res.Key {
			ps.ps.Use(k.Kind, k.Original, k.Pseudonym)
			id := k.Pseudonym + "\x00" + k.Original
			if !ps.seen[id] {
				ps.seen[id] = true
				ps.key = append(ps.key, k)
			}
		}
		out = &PrivacyReplaceSummaryDTO{Replacements: res.Replacements, Documents: res.Documents, Segments: res.Segments, Turns: res.Turns,
			Names: res.Names, KeyEntries: len(ps.key), Warnings: append([]string{}, res.Warnings...)}
		return nil
	})
	if err == nil {
		if len(out.Warnings) > 0 {
			ps.s.beforeRewrite()
			if project.PurgeSearch(path) == nil {
				out.Warnings = withoutSearchWarning(out.Warnings)
			}
		}
		ps.s.emit("documents:changed", nil)
	}
	return out, err
}

// withoutSearchWarning drops the warning about the search index once a
// second purge got it.
func withoutSearchWarning(ws []string) []string {
	out := []string{}
	for _, w := range ws {
		if !strings.HasPrefix(w, "the search index") {
			out = append(out, w)
		}
	}
	return out
}

// SaveKey asks where to save the key linking this session's pseudonyms to
// their originals, and writes it there as CSV. It returns the path, or ""
// when the user cancelled.
func (ps *PrivacyService) SaveKey() (string, error) {
	var key []project.KeyEntry
	var name string
	err := ps.s.withProject(func(p *store.Project) error {
		ps.sessionLocked(p)
		key = append(key, ps.key...)
		name = strings.TrimSuffix(filepath.Base(p.Path()), filepath.Ext(p.Path()))
		return nil
	})
	if err != nil {
		return "", err
	}
	if len(key) == 0 {
		return "", fmt.Errorf("%w: no pseudonyms were made in this session, so there is no key to save", store.ErrInvalid)
	}
	path, err := ps.s.dialogs.SaveFile("Save the pseudonym key (keep it apart from the project)", name+" pseudonym key.csv", []Filter{{"Spreadsheet (*.csv)", "*.csv"}})
	if err != nil || path == "" {
		return "", err
	}
	if err := project.WriteKeyFile(path, key); err != nil {
		return "", err
	}
	return path, nil
}
