package app

import (
	"fmt"
	"os"
	"strings"

	"themis/project"
	"themis/store"
)

// QuotesService lists a code's quotes and exports them.
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
			out.Quotes = append(out.Quotes, QuoteDTO{SegmentID: q.SegmentID, DocumentID: q.DocumentID, Document: q.Document,
				Speaker: q.Speaker, Case: q.Case, Coder: q.Quote.Coder, CoderID: q.CoderID, Text: q.Text, Start: q.Start, End: q.End})
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
