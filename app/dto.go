package app

import "themis/store"

// CoderDTO is a coder as the UI sees it.
type CoderDTO struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	// Consensus marks a consensus layer: it can be compared and quoted like
	// a coder, but nobody codes as it.
	Consensus bool `json:"consensus"`
}

func coderDTO(c store.Coder) CoderDTO {
	return CoderDTO{ID: c.ID, Name: c.Name, Consensus: c.Kind == store.KindConsensus}
}

// ProjectInfo is the open project and who is using it.
type ProjectInfo struct {
	Path       string     `json:"path"`
	Name       string     `json:"name"`
	Framework  string     `json:"framework"`
	Coders     []CoderDTO `json:"coders"`
	Lead       CoderDTO   `json:"lead"`
	Current    *CoderDTO  `json:"current"` // nil until the user says who they are
	BlindMode  bool       `json:"blindMode"`
	CanCompare bool       `json:"canCompare"` // may open the agreement view
	CanReview  bool       `json:"canReview"`  // may open Review (blind mode is off)
	// Adjudicator is the coder the lead named to adjudicate (nil: none);
	// adjudication belongs to the lead or them, never to a coder of the pair.
	Adjudicator *CoderDTO `json:"adjudicator"`
	Documents   int       `json:"documents"`
}

// RecentProject is an entry of the recent-projects list.
type RecentProject struct {
	Path     string `json:"path"`
	Name     string `json:"name"`
	OpenedAt string `json:"openedAt"`
	Exists   bool   `json:"exists"`
}

// StartState is what the UI shows first: an open project or the start screen.
type StartState struct {
	Project       *ProjectInfo    `json:"project"`
	Recent        []RecentProject `json:"recent"`
	DefaultFolder string          `json:"defaultFolder"`
	Error         string          `json:"error"` // a launch argument that could not be opened
}

// DocumentDTO is a document in the list.
type DocumentDTO struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Turns int    `json:"turns"`
	Words int    `json:"words"`
	Chars int    `json:"chars"`
	Case  string `json:"case"`
}

// TurnDTO is a speaker turn; offsets are code points.
type TurnDTO struct {
	Speaker      string `json:"speaker"`
	Timestamp    string `json:"timestamp"`
	Start        int    `json:"start"`
	ContentStart int    `json:"contentStart"`
	End          int    `json:"end"`
	Case         string `json:"case"`     // the case the turn is attributed to ("" for none)
	Excluded     bool   `json:"excluded"` // the speaker is not coded here (an interviewer)
}

// DocumentView is a document opened in the reader.
type DocumentView struct {
	DocumentDTO
	Text  string    `json:"text"`
	Turns []TurnDTO `json:"turnSpans"`
}

// CodeDTO is a code or factor of the framework.
type CodeDTO struct {
	ID           int64    `json:"id"`
	Parent       int64    `json:"parent"`
	Framework    int64    `json:"framework"`
	Ref          string   `json:"ref"`
	Name         string   `json:"name"`
	Definition   string   `json:"definition"`
	WhenToUse    string   `json:"whenToUse"`
	WhenNotToUse string   `json:"whenNotToUse"`
	Examples     []string `json:"examples"`
	Color        string   `json:"color"`
	Key          string   `json:"key"`
	Codable      bool     `json:"codable"`
	Scale        *float64 `json:"scale"`
	// Counts are the segments per coder the current user may see (only
	// their own in blind mode), coders with none left out.
	Counts []CodeCountDTO `json:"counts"`
}

// SegmentDTO is a coded span; offsets are code points.
type SegmentDTO struct {
	ID       int64 `json:"id"`
	Document int64 `json:"document"`
	Code     int64 `json:"code"`
	Coder    int64 `json:"coder"`
	Start    int   `json:"start"`
	End      int   `json:"end"`
}

// AgreementRow is one line of the agreement table.
type AgreementRow struct {
	Label     string   `json:"label"`
	Code      int64    `json:"code"`
	Factor    int64    `json:"factor"`
	Document  int64    `json:"document"` // set in ByDocument rows
	Both      int64    `json:"both"`
	OnlyA     int64    `json:"onlyA"`
	OnlyB     int64    `json:"onlyB"`
	Neither   int64    `json:"neither"`
	Units     int64    `json:"units"`
	Agreement float64  `json:"agreement"`
	Kappa     *float64 `json:"kappa"`
	// The other coefficients of the same table; nil when undefined, and
	// Krippendorff's alpha is nil on pooled rows (see coding.Coefficients).
	ScottPi           *float64     `json:"scottPi"`
	KrippendorffAlpha *float64     `json:"krippendorffAlpha"`
	GwetAC1           *float64     `json:"gwetAC1"`
	BrennanPrediger   *float64     `json:"brennanPrediger"`
	CI                IntervalsDTO `json:"ci"`
	Status            string       `json:"status"`
	Note              string       `json:"note"`
}

// IntervalsDTO holds a row's bootstrap 95 % intervals, [low, high]; null
// when not requested or undefined.
type IntervalsDTO struct {
	Kappa             *[2]float64 `json:"kappa"`
	ScottPi           *[2]float64 `json:"scottPi"`
	KrippendorffAlpha *[2]float64 `json:"krippendorffAlpha"`
	GwetAC1           *[2]float64 `json:"gwetAC1"`
	BrennanPrediger   *[2]float64 `json:"brennanPrediger"`
}

// DocumentBreakdown is agreement per document for all codes (Code 0) or one code.
type DocumentBreakdown struct {
	Code int64          `json:"code"`
	Rows []AgreementRow `json:"rows"`
}

// AgreementDTO is the agreement view's content, with the inputs that made it.
type AgreementDTO struct {
	CoderA    CoderDTO `json:"coderA"`
	CoderB    CoderDTO `json:"coderB"`
	Documents []int64  `json:"documents"`
	Unit      string   `json:"unit"`
	MinShare  float64  `json:"minShare"` // share of a unit that must be covered; 0 = any overlap
	// Resamples, Seed and Resampling ("document") describe the bootstrap; 0 resamples = none.
	Resamples  int    `json:"resamples"`
	Seed       int64  `json:"seed"`
	Resampling string `json:"resampling"`
	Formula    string `json:"formula"`
	// Codebook is the framework and version the codes were applied under:
	// "Keyes: flourishing, v1 agreed, revision 11".
	Codebook  string         `json:"codebook"`
	PerCode   []AgreementRow `json:"perCode"`
	PerFactor []AgreementRow `json:"perFactor"`
	Overall   AgreementRow   `json:"overall"`
	// ByDocument holds one breakdown by document pooling every code
	// (Code 0) and one per code (the code × document breakdown).
	ByDocument []DocumentBreakdown `json:"byDocument"`
}

// UnitDTO is a unit of analysis the agreement view offers.
type UnitDTO struct {
	Name  string `json:"name"`  // "character", "turn", "sentence", "paragraph", "document"
	Label string `json:"label"` // "Speaker turn"
	Help  string `json:"help"`  // one sentence on what counts as a unit
}

// QuoteDTO is a coded span with its attribution.
type QuoteDTO struct {
	SegmentID  int64  `json:"segmentId"`
	DocumentID int64  `json:"documentId"`
	Document   string `json:"document"`
	Speaker    string `json:"speaker"`
	Case       string `json:"case"`
	Coder      string `json:"coder"`
	CoderID    int64  `json:"coderId"`
	Text       string `json:"text"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	// The same passage of several coders is one quote: every segment and
	// coder, in the order they coded it.
	SegmentIDs []int64  `json:"segmentIds"`
	Coders     []string `json:"coders"`
	// ExemplarID is the passage's star, 0 when not starred; Cuts (code
	// points, absolute) and Trimmed (report.TrimmedText) are its trim.
	ExemplarID int64    `json:"exemplarId"`
	Cuts       [][2]int `json:"cuts"`
	Trimmed    string   `json:"trimmed"`
}

// ExemplarDTO is a starred passage: its span and cuts in code points, the
// full text and the trimmed text every display shows.
type ExemplarDTO struct {
	ID         int64    `json:"id"`
	DocumentID int64    `json:"documentId"`
	Document   string   `json:"document"`
	CodeID     int64    `json:"codeId"`
	Code       string   `json:"code"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Cuts       [][2]int `json:"cuts"`
	Text       string   `json:"text"`
	Trimmed    string   `json:"trimmed"`
	StarredBy  string   `json:"starredBy"`
	StarredAt  string   `json:"starredAt"`
	Speaker    string   `json:"speaker"`
	Case       string   `json:"case"`
}

// QuotesDTO is the quotes of one code.
type QuotesDTO struct {
	Code   CodeDTO    `json:"code"`
	Quotes []QuoteDTO `json:"quotes"`
}
