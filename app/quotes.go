package app

import (
	"fmt"
	"os"
	"strings"

	"themis/project"
	"themis/store"
)

// QuotesService lists a code's quotes and exports them, and stars and trims
// the passages a writer picks as exemplars for the report.
type QuotesService struct{ s *Session }

// NewQuotesService binds the quotes service to a session.
func NewQuotesService(s *Session) *QuotesService { return &QuotesService{s} }

// List returns the quotes of a code from one coder's layer, or from every
// layer the current coder may see when coder is 0.
func (qs *QuotesService) List(code, coder int64) (*QuotesDTO, error) {
	var out *QuotesDTO
	err := qs.s.withViewer(func(p *store.Project, v project.Viewer) error {
		c, quotes, err := project.Quotes(p, v, code, coder)
		if err != nil {
			return err
		}
		out = &QuotesDTO{Code: codeDTO(c), Quotes: []QuoteDTO{}}
		for _, q := range quotes {
			cuts := q.Cuts
			if cuts == nil {
				cuts = [][2]int{}
			}
			out.Quotes = append(out.Quotes, QuoteDTO{SegmentID: q.SegmentID, DocumentID: q.DocumentID, Document: q.Document,
				Speaker: q.Speaker, Case: q.Case, Coder: q.Quote.Coder, CoderID: q.CoderID, Text: q.Text, Start: q.Start, End: q.End,
				SegmentIDs: q.SegmentIDs, Coders: q.Coders, ExemplarID: q.Exemplar, Cuts: cuts, Trimmed: q.Trimmed})
		}
		return nil
	})
	return out, err
}

// Render returns the quotes as Markdown ("md") or a standalone HTML page ("html").
func (qs *QuotesService) Render(code, coder int64, format string) (string, error) {
	_, text, err := qs.render(code, coder, format)
	return text, err
}

// render returns the code's name with the rendered quotes.
func (qs *QuotesService) render(code, coder int64, format string) (name, text string, err error) {
	err = qs.s.withViewer(func(p *store.Project, v project.Viewer) error {
		c, quotes, err := project.Quotes(p, v, code, coder)
		if err != nil {
			return err
		}
		name = c.Name
		text, err = project.RenderQuotes(c, quotes, format, quotesTitle(p, c))
		return err
	})
	return name, text, err
}

// Export asks where to save the quotes and writes them; it returns the path
// written, or "" when the user cancelled.
func (qs *QuotesService) Export(code, coder int64, format string) (string, error) {
	name, text, err := qs.render(code, coder, format)
	if err != nil {
		return "", err
	}
	ext, filter := ".md", Filter{"Markdown (*.md)", "*.md"}
	if format == "html" {
		ext, filter = ".html", Filter{"Web page (*.html)", "*.html"}
	}
	path, err := qs.s.dialogs.SaveFile("Export quotes", fileSafe(name)+" quotes"+ext, []Filter{filter})
	if err != nil || path == "" {
		return "", err
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		return "", fmt.Errorf("export quotes to %s: %w", path, err)
	}
	return path, nil
}

func quotesTitle(p *store.Project, c store.Code) string {
	return fmt.Sprintf("%s — quotes for %s", projectName(p.Path()), c.Name)
}

func fileSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, s)
}

// Star stars a segment's passage as an exemplar of its code (starring it
// again returns the same exemplar).
func (qs *QuotesService) Star(segment int64) (*ExemplarDTO, error) {
	return qs.exemplar(func(p *store.Project, v project.Viewer) (int64, error) {
		e, err := project.Star(p, v, segment)
		return e.ID, err
	})
}

// StarPassage stars the passage a drill-down shows, made of these
// overlapping segments, over its whole span (starring it again returns the
// same exemplar).
func (qs *QuotesService) StarPassage(segments []int64) (*ExemplarDTO, error) {
	return qs.exemplar(func(p *store.Project, v project.Viewer) (int64, error) {
		e, err := project.StarPassage(p, v, segments)
		return e.ID, err
	})
}

// Unstar removes an exemplar.
func (qs *QuotesService) Unstar(exemplar int64) error {
	return qs.s.withViewer(func(p *store.Project, v project.Viewer) error {
		return project.Unstar(p, v, exemplar)
	})
}

// Trim sets the ranges the exemplar's quote leaves out, in code points of
// the document (none: the full passage).
func (qs *QuotesService) Trim(exemplar int64, cuts [][2]int) (*ExemplarDTO, error) {
	return qs.exemplar(func(p *store.Project, v project.Viewer) (int64, error) {
		e, err := project.Trim(p, v, exemplar, cuts)
		return e.ID, err
	})
}

// Exemplars lists the exemplars of a code (0: every code) the current
// coder may see.
func (qs *QuotesService) Exemplars(code int64) ([]ExemplarDTO, error) {
	out := []ExemplarDTO{}
	err := qs.s.withViewer(func(p *store.Project, v project.Viewer) error {
		list, err := project.ExemplarQuotes(p, v, code)
		if err != nil {
			return err
		}
		for _, q := range list {
			out = append(out, exemplarDTO(q))
		}
		return nil
	})
	return out, err
}

// exemplar runs a change and returns the exemplar it touched as the viewer
// sees it.
func (qs *QuotesService) exemplar(change func(p *store.Project, v project.Viewer) (int64, error)) (*ExemplarDTO, error) {
	var out *ExemplarDTO
	err := qs.s.withViewer(func(p *store.Project, v project.Viewer) error {
		id, err := change(p, v)
		if err != nil {
			return err
		}
		q, err := project.ExemplarQuoteOf(p, v, id)
		if err != nil {
			return err
		}
		d := exemplarDTO(q)
		out = &d
		return nil
	})
	return out, err
}

func exemplarDTO(q project.ExemplarQuote) ExemplarDTO {
	cuts := q.Cuts
	if cuts == nil {
		cuts = [][2]int{}
	}
	return ExemplarDTO{ID: q.ID, DocumentID: q.Document, Document: q.DocumentName, CodeID: q.Code, Code: q.CodeName,
		Start: q.Start, End: q.End, Cuts: cuts, Text: q.Text, Trimmed: q.Trimmed, StarredBy: q.StarredBy, StarredAt: q.StarredAt,
		Speaker: q.Speaker, Case: q.Case}
}
