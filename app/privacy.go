package app

// PrivacyService is the anonymisation check: scanning for identifiers, dismissing them, replacing them with pseudonyms.
type PrivacyService struct{ s *Session }

// NewPrivacyService binds the service to a session.
func NewPrivacyService(s *Session) *PrivacyService { return &PrivacyService{s} }
