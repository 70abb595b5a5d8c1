package app

// SearchService is full-text search of the turns, and coding the hits.
type SearchService struct{ s *Session }

// NewSearchService binds the service to a session.
func NewSearchService(s *Session) *SearchService { return &SearchService{s} }
