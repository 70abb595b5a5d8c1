package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"themis/corpus"
	"themis/errs"
	"themis/project"
	"themis/store"
)

// Copies of QualCoder's example transcripts from ../shared/fixtures (see corpus/testdata/SOURCES.md).
var fixtures = filepath.Join("..", "corpus", "testdata")

type services struct {
	projects  *ProjectService
	documents *DocumentService
	coding    *CodingService
	agreement *AgreementService
	quotes    *QuotesService
	codebook  *CodebookService
	dialogs   string
}

func newServices(t *testing.T) services {
	t.Helper()
	dir := t.TempDir()
	dialogs := filepath.Join(dir, "dialogs")
	os.MkdirAll(dialogs, 0o755)
	s := NewSession(Dirs{Config: filepath.Join(dir, "config"), Projects: filepath.Join(dir, "projects")}, ScriptedDialogs{Dir: dialogs})
	t.Cleanup(func() { s.Shutdown(nil) })
	return services{NewProjectService(s), NewDocumentService(s), NewCodingService(s), NewAgreementService(s), NewQuotesService(s), NewCodebookService(s), dialogs}
}

func (sv services) answerOpen(t *testing.T, paths ...string) {
	if err := os.WriteFile(filepath.Join(sv.dialogs, "open.txt"), []byte(strings.Join(paths, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

func decodeUIError(t *testing.T, err error) UIError {
	t.Helper()
	var ue UIError
	if jerr := json.Unmarshal([]byte(FormatError(err).(string)), &ue); jerr != nil {
		t.Fatalf("FormatError(%v) is not JSON: %v", err, jerr)
	}
	return ue
}

func TestTwoCodersFromCreateToQuotes(t *testing.T) {
	sv := newServices(t)
	info, err := sv.projects.Create("Pilot", "", "Aisha", "keyes")
	if err != nil {
		t.Fatal(err)
	}
	if info.Current == nil || info.Current.Name != "Aisha" || !info.BlindMode || !info.CanCompare {
		t.Fatalf("after Create: %+v", info)
	}
	sv.answerOpen(t, filepath.Join(fixtures, "qualcoder-transcript.txt"), filepath.Join(fixtures, "qualcoder-ID1.docx"))
	imported, err := sv.documents.ChooseAndImport()
	if err != nil || len(imported) != 2 {
		t.Fatalf("import: %+v, %v", imported, err)
	}
	doc, err := sv.documents.Get(imported[0].ID)
	if err != nil || len(doc.Turns) != 7 {
		t.Fatalf("Get: %v", err)
	}
	codes, _ := sv.coding.Codes()
	code := func(name string) int64 {
		for _, c := range codes {
			if c.Name == name {
				return c.ID
			}
		}
		t.Fatalf("no code %s", name)
		return 0
	}
	if _, err := sv.coding.Apply(doc.ID, code("Positive affect"), 6, 23); err != nil {
		t.Fatal(err)
	}

	info, err = sv.projects.AddCoder("Ben")
	if err != nil || info.Current.Name != "Ben" || info.CanCompare {
		t.Fatalf("AddCoder: %+v, %v", info, err)
	}
	if segs, _ := sv.coding.Segments(doc.ID); len(segs) != 0 {
		t.Errorf("blind mode: Ben sees %d of Aisha's segments", len(segs))
	}
	if _, err := sv.agreement.Compute(AgreementInput{CoderA: info.Lead.ID, CoderB: info.Current.ID}); decodeUIError(t, err).Code != "invalid" {
		t.Errorf("Ben opened the agreement view in blind mode: %v", err)
	}
	if _, err := sv.projects.SetBlindMode(false); err == nil {
		t.Error("Ben turned blind mode off")
	}
	sv.coding.Apply(doc.ID, code("Positive affect"), 6, 30)
	sv.coding.Apply(doc.ID, code("Self-acceptance"), 180, 220)

	info, _ = sv.projects.SelectCoder(info.Lead.ID)
	agr, err := sv.agreement.Compute(AgreementInput{CoderA: info.Coders[0].ID, CoderB: info.Coders[1].ID, Documents: []int64{doc.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if agr.PerCode[0].Label != "Positive affect" || agr.PerCode[0].Kappa == nil || agr.PerCode[0].Both != 17 {
		t.Errorf("Positive affect row = %+v", agr.PerCode[0])
	}
	if info, err = sv.projects.SetBlindMode(false); err != nil || info.BlindMode {
		t.Fatalf("lead turning blind mode off: %v", err)
	}
	q, err := sv.quotes.List(code("Positive affect"), 0)
	if err != nil || len(q.Quotes) != 2 || q.Quotes[0].Text != "hello, I like the" {
		t.Fatalf("quotes = %+v, %v", q, err)
	}
	path, err := sv.quotes.Export(code("Positive affect"), 0, "html")
	if err != nil || filepath.Base(path) != "Positive affect quotes.html" {
		t.Fatalf("Export = %q, %v", path, err)
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), "hello, I like the") {
		t.Error("exported HTML lacks the quote")
	}
}

func TestStartRemembersRecentProjectsAndReportsLaunchErrors(t *testing.T) {
	sv := newServices(t)
	info, err := sv.projects.Create("One", "", "Aisha", "keyes")
	if err != nil {
		t.Fatal(err)
	}
	sv.projects.Close()
	sv.projects.s.OpenAtLaunch(filepath.Join(t.TempDir(), "gone.themis"), false)
	st, err := sv.projects.Start()
	if err != nil || st.Project != nil || len(st.Recent) != 1 || st.Recent[0].Path != info.Path || !strings.Contains(st.Error, "gone.themis") {
		t.Fatalf("Start = %+v, %v", st, err)
	}
	if info, err = sv.projects.Open(info.Path); err != nil || info.Current != nil {
		t.Fatalf("Open: %+v, %v (the UI must ask who is coding)", info, err)
	}
	if _, err := sv.coding.Segments(1); decodeUIError(t, err).Code != "no_coder" {
		t.Errorf("coding before choosing a coder: %v", err)
	}
}

func TestOpenDemoTwiceReopensTheSameFile(t *testing.T) {
	sv := newServices(t)
	first, err := sv.projects.OpenDemo()
	if err != nil || first.Documents != 9 || first.BlindMode {
		t.Fatalf("OpenDemo: %+v, %v", first, err)
	}
	sv.projects.Close()
	again, err := sv.projects.OpenDemo()
	if err != nil || again.Path != first.Path {
		t.Fatalf("second OpenDemo: %+v, %v", again, err)
	}
}

func TestFormatErrorClassifies(t *testing.T) {
	tests := []struct {
		err        error
		kind, code string
	}{
		{fmt.Errorf("open x: %w", store.ErrLocked), "locked", "locked"},
		{fmt.Errorf("open x: %w", store.ErrNewerSchema), "unsupported", "newer"},
		{&corpus.FileError{File: "a.docx", Err: corpus.ErrCorrupt}, "invalid", "import"},
		{&corpus.FileError{File: "a.docx", Err: corpus.ErrTooLarge}, "too_large", "import"},
		{&project.RowError{Row: 3, Err: fmt.Errorf("code 9: %w", store.ErrNotFound)}, "invalid", "csv"},
		{fmt.Errorf("x: %w", store.ErrInvalid), "invalid", "invalid"},
		{fmt.Errorf("segment 7: %w", store.ErrNotFound), "not_found", "not_found"},
		{fmt.Errorf("create: %w", store.ErrExists), "conflict", "invalid"},
		{errs.Errorf(errs.Forbidden, "blind mode is on, so Ben sees only their own coding"), "forbidden", "invalid"},
		{errNoProject, "precondition", "no_project"},
		{errNoCoder, "precondition", "no_coder"},
		{errors.New("disk on fire"), "error", "error"},
	}
	for _, tt := range tests {
		ue := decodeUIError(t, tt.err)
		if ue.Kind != tt.kind || ue.Code != tt.code || ue.Message != tt.err.Error() {
			t.Errorf("FormatError(%v) = %+v, want kind %s, code %s", tt.err, ue, tt.kind, tt.code)
		}
	}
}

func TestAgreementExportAndMethods(t *testing.T) {
	sv := newServices(t)
	info, err := sv.projects.OpenDemo()
	if err != nil {
		t.Fatal(err)
	}
	info, _ = sv.projects.SelectCoder(info.Lead.ID)
	a, b := info.Coders[0].ID, info.Coders[1].ID
	methods, err := sv.agreement.Methods(AgreementInput{CoderA: a, CoderB: b, Unit: "turn", MinShare: 0.5, Statistic: "gwetAC1"})
	if err != nil || !strings.Contains(methods, "Gwet’s AC1 was computed per code") || !strings.Contains(methods, "at least 50% of it") {
		t.Fatalf("Methods = %q, %v", methods, err)
	}
	for _, format := range []string{"csv", "md", "html"} {
		path, err := sv.agreement.Export(AgreementInput{CoderA: a, CoderB: b, Statistic: "kappa"}, format)
		if err != nil || filepath.Base(path) != "Agreement."+format {
			t.Fatalf("Export %s = %q, %v", format, path, err)
		}
		body, _ := os.ReadFile(path)
		if !strings.Contains(string(body), "Positive affect") {
			t.Errorf("%s export lacks the rows", format)
		}
	}
	if _, err := sv.agreement.Export(AgreementInput{CoderA: a, CoderB: b, Statistic: "kappa"}, "pdf"); err == nil {
		t.Error("unknown format accepted")
	}
}

// The agreement service reuses its last table for the methods paragraph and
// exports, but any change to the project must give fresh figures.
func TestAgreementIsRecomputedAfterTheProjectChanges(t *testing.T) {
	sv := newServices(t)
	info, err := sv.projects.OpenDemo()
	if err != nil {
		t.Fatal(err)
	}
	info, _ = sv.projects.SelectCoder(info.Lead.ID)
	a, b := info.Coders[0].ID, info.Coders[1].ID
	before, err := sv.agreement.Compute(AgreementInput{CoderA: a, CoderB: b})
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := sv.documents.List()
	codes, _ := sv.coding.Codes()
	if _, err := sv.coding.Apply(docs[0].ID, codes[1].ID, 0, 5); err != nil {
		t.Fatal(err)
	}
	after, err := sv.agreement.Compute(AgreementInput{CoderA: a, CoderB: b})
	if err != nil {
		t.Fatal(err)
	}
	if after.PerCode[0].OnlyA == before.PerCode[0].OnlyA {
		t.Error("a new segment did not change the agreement: a stale table was reused")
	}
	methods, _ := sv.agreement.Methods(AgreementInput{CoderA: a, CoderB: b, Statistic: "kappa"})
	if !strings.Contains(methods, fmt.Sprintf("Overall κ was %.3f", *after.Overall.Kappa)) {
		t.Errorf("methods paragraph does not match the table: %s", methods)
	}
}
