package app

// CasesService is case sheets, the cases table, and which document or speaker belongs to which case.
type CasesService struct{ s *Session }

// NewCasesService binds the service to a session.
func NewCasesService(s *Session) *CasesService { return &CasesService{s} }
