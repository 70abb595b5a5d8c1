package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"themis/store"
)

// Copies of QualCoder's example transcripts from ../shared/fixtures (see corpus/testdata/SOURCES.md).
var fixtures = filepath.Join("..", "..", "corpus", "testdata")

// themis runs the command line in-process and returns stdout, stderr and the exit status.
func themis(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, code := themis(t, args...)
	if code != 0 {
		t.Fatalf("themis %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return out
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// emojiTranscript has a BOM, CRLF endings, an accent written decomposed, emoji and CJK.
const emojiTranscript = "\ufeffInterviewer: How has the café group been?\r\n" +
	"P003: Honestly 😀 it's the best part of my week. The cafe\u0301 feels like home, 你好 to everyone 👩🏽‍⚕️ included.\r\n" +
	"Interviewer: And before?\r\n" +
	"P003: Before I didn't leave the house."

func newProjectWithTranscripts(t *testing.T) (dir, project string) {
	dir = t.TempDir()
	project = filepath.Join(dir, "study.themis")
	mustRun(t, "new", project, "--lead", "Aisha")
	emoji := writeFile(t, dir, "P003 interview.txt", emojiTranscript)
	out := mustRun(t, "import", project, emoji, filepath.Join(fixtures, "qualcoder-transcript.txt"))
	want := "P003 interview: 4 turns, 36 words\nqualcoder-transcript: 7 turns, 170 words\n"
	if summaryLines(out) != want {
		t.Fatalf("import printed\n%q\nwant (summary lines)\n%q", out, want)
	}
	return dir, project
}

func TestDocsAndTextCountCodePoints(t *testing.T) {
	_, project := newProjectWithTranscripts(t)
	var docs []docJSON
	if err := json.Unmarshal([]byte(mustRun(t, "docs", project, "--json")), &docs); err != nil {
		t.Fatal(err)
	}
	text := mustRun(t, "text", project, "P003 interview")
	if strings.ContainsAny(text, "\r\ufeff") || !strings.Contains(text, "café feels") {
		t.Errorf("stored text not normalised (BOM, CRLF, NFC): %q", text)
	}
	if docs[0].Name != "P003 interview" || docs[0].Turns != 4 || docs[0].Chars != len([]rune(text)) {
		t.Errorf("docs[0] = %+v; text has %d code points", docs[0], len([]rune(text)))
	}
	if docs[1].Name != "qualcoder-transcript" || docs[1].Turns != 7 {
		t.Errorf("docs[1] = %+v", docs[1])
	}
}

func TestImportFailsWholeAndNamesTheFile(t *testing.T) {
	dir, project := newProjectWithTranscripts(t)
	good := writeFile(t, dir, "fine.txt", "Interviewer: hi\nP1: hello")
	corrupt := writeFile(t, dir, "broken.docx", "this is not a zip archive")
	_, errOut, code := themis(t, "import", project, good, corrupt)
	if code != 1 || !strings.Contains(errOut, "broken.docx") || !strings.Contains(errOut, "nothing was imported") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var docs []docJSON
	json.Unmarshal([]byte(mustRun(t, "docs", project, "--json")), &docs)
	if len(docs) != 2 {
		t.Errorf("%d documents after a failed import, want 2 (unchanged)", len(docs))
	}
	out := mustRun(t, "import", project, filepath.Join(fixtures, "qualcoder-transcript.txt"))
	if !strings.Contains(out, "skipped, identical") {
		t.Errorf("re-import printed %q, want a duplicate report", out)
	}
}

func TestSegmentsRoundTripAndAgreement(t *testing.T) {
	dir, project := newProjectWithTranscripts(t)
	text := []rune(mustRun(t, "text", project, "P003 interview"))
	span := func(s string) (int, int) {
		i := strings.Index(string(text), s)
		if i < 0 {
			t.Fatalf("%q not in text", s)
		}
		start := len([]rune(string(text)[:i]))
		return start, start + len([]rune(s))
	}
	row := func(coder, code, quote string) string {
		s, e := span(quote)
		return strings.Join([]string{"P003 interview", coder, code, itoa(s), itoa(e), `"` + quote + `"`}, ",")
	}
	csv := "document,coder,code,start,end,text\n" +
		row("Aisha", "Positive affect", "it's the best part of my week") + "\n" +
		row("Ben", "Positive affect", "😀 it's the best part of my week") + "\n" +
		row("Ben", "Social integration", "The café feels like home, 你好 to everyone 👩🏽‍⚕️ included.") + "\n"
	out := mustRun(t, "segments", "import", project, writeFile(t, dir, "codings.csv", csv))
	if out != "imported 3 segments from "+filepath.Join(dir, "codings.csv")+"\n" {
		t.Errorf("segments import printed %q", out)
	}
	exported := mustRun(t, "segments", "export", project, "--coder", "Ben")
	if !strings.Contains(exported, "Ben,Social integration") || !strings.Contains(exported, "你好 to everyone 👩🏽‍⚕️ included.") {
		t.Errorf("export lacks Ben's exact span:\n%s", exported)
	}

	var rows []agreementJSON
	if err := json.Unmarshal([]byte(mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--json", "--docs", "P003 interview")), &rows); err != nil {
		t.Fatal(err)
	}
	byCode := map[string]agreementJSON{}
	for _, r := range rows {
		byCode[r.Code] = r
	}
	pa := byCode["Positive affect"]
	if pa.Kappa == nil || pa.Both != int64(len([]rune("it's the best part of my week"))) || pa.OnlyB != 2 {
		t.Errorf("Positive affect = %+v", pa)
	}
	// α is π corrected for small samples: 1 − α = (2N−1)/2N · (1 − π), so α > π.
	if pa.ScottPi == nil || pa.Alpha == nil || pa.AC1 == nil || pa.BP == nil || *pa.Alpha <= *pa.ScottPi {
		t.Errorf("Positive affect coefficients = π %v α %v AC1 %v B-P %v", pa.ScottPi, pa.Alpha, pa.AC1, pa.BP)
	}
	si := byCode["Social integration"]
	if si.Kappa == nil || *si.Kappa != 0 || si.Note != "κ = 0: only coder B (Ben) used it" {
		t.Errorf("Social integration = %+v, want κ 0 with note", si)
	}
	au := byCode["Autonomy"]
	if au.Kappa != nil || !strings.Contains(au.Note, "undefined: no variation") || au.Agreement != 1 {
		t.Errorf("Autonomy = %+v, want undefined kappa", au)
	}

	md := mustRun(t, "quotes", project, "--code", "Positive affect")
	if !strings.Contains(md, "> 😀 it's the best part of my week") || !strings.Contains(md, "P003, P003 interview · coded by Ben") {
		t.Errorf("quotes markdown:\n%s", md)
	}
	html := mustRun(t, "quotes", project, "--code", "Positive affect", "--format", "html")
	if !strings.Contains(html, "<blockquote>") || !strings.Contains(html, "coded by Aisha") {
		t.Errorf("quotes html:\n%s", html)
	}
}

func TestSegmentsImportRejectsBadRowsWhole(t *testing.T) {
	dir, project := newProjectWithTranscripts(t)
	header := "document,coder,code,start,end,text\n"
	ok := "P003 interview,Ben,Autonomy,0,11,Interviewer\n"
	tests := []struct{ name, body, want string }{
		{"unknown document", "Nobody,Ben,Autonomy,0,5,\n", "row 3: unknown document \"Nobody\""},
		{"unknown code", "P003 interview,Ben,Hope,0,5,\n", "row 3: unknown code \"Hope\""},
		{"factor", "P003 interview,Ben,Social well-being,0,5,\n", "row 3: \"Social well-being\" groups other codes"},
		{"out of range", "P003 interview,Ben,Autonomy,0,99999,\n", "row 3: offsets 0–99999 are outside"},
		{"text mismatch", "P003 interview,Ben,Autonomy,0,5,Hello\n", "row 3: text \"Hello\" does not match"},
		{"not numbers", "P003 interview,Ben,Autonomy,a,5,\n", "row 3: start and end must be whole numbers"},
		{"ragged", "P003 interview,Ben\n", "row 3: has 2 fields"},
		{"bad header", "", "row 1: the header lacks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := header + ok + tt.body
			if tt.name == "bad header" {
				body = "doc,who,what\n"
			}
			_, errOut, code := themis(t, "segments", "import", project, writeFile(t, dir, "bad.csv", body))
			if code != 1 || !strings.Contains(errOut, tt.want) || !strings.Contains(errOut, "nothing from this file was imported") {
				t.Fatalf("exit %d, stderr %q, want %q", code, errOut, tt.want)
			}
			if out := mustRun(t, "segments", "export", project); strings.Count(out, "\n") != 1 {
				t.Errorf("segments present after a rejected file:\n%s", out)
			}
			if out := mustRun(t, "coders", project); out != "Aisha (lead)\n" {
				t.Errorf("coders after a rejected file: %q (Ben must not be added)", out)
			}
		})
	}
}

func TestWritersAreToldTheProjectIsOpenElsewhere(t *testing.T) {
	dir, project := newProjectWithTranscripts(t)
	p, err := store.Open(project) // as the desktop app would hold it
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	_, errOut, code := themis(t, "import", project, writeFile(t, dir, "x.txt", "P1: hi"))
	if code != 1 || !strings.Contains(errOut, "project is open in another window") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	mustRun(t, "docs", project) // reading still works
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, "unknown command"},
		{[]string{"docs"}, "missing arguments"},
		{[]string{"agreement", "x.themis", "--coders", "Aisha"}, "--coders needs two"},
		{[]string{"quotes", "x.themis"}, "--code is required"},
		{[]string{"quotes", "x.themis", "--code", "A", "--format", "pdf"}, "--format must be md or html"},
		{[]string{"docs", "x.themis", "--nope"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		_, errOut, code := themis(t, tt.args...)
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("themis %v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
	_, errOut, code := themis(t, "docs", filepath.Join(t.TempDir(), "missing.themis"))
	if code != 1 || !strings.Contains(errOut, "missing.themis") {
		t.Errorf("missing project: exit %d, %q", code, errOut)
	}
}

func TestDemoMatchesTheBundledCoding(t *testing.T) {
	project := filepath.Join(t.TempDir(), "demo.themis")
	mustRun(t, "demo", project)
	var rows []agreementJSON
	json.Unmarshal([]byte(mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--json")), &rows)
	if len(rows) != 13 {
		t.Fatalf("%d rows, want 13", len(rows))
	}
	for _, r := range rows {
		if r.Kappa == nil || *r.Kappa < 0.3 || *r.Kappa > 0.9 {
			t.Errorf("%s: kappa %v, want realistic partial agreement", r.Code, r.Kappa)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestJournalRecordsWhoDidWhat(t *testing.T) {
	_, project := newProjectWithTranscripts(t)
	var entries []journalJSON
	if err := json.Unmarshal([]byte(mustRun(t, "journal", project, "--json")), &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 || entries[0].Action != "documents.import" || entries[1].Action != "project.create" || entries[1].Coder != "Aisha" ||
		entries[2].Action != "codebook.create" {
		t.Fatalf("journal = %+v", entries)
	}
	if out := mustRun(t, "journal", project, "--limit", "1"); strings.Count(out, "\n") != 2 || !strings.Contains(out, "documents.import") {
		t.Errorf("journal --limit 1:\n%s", out)
	}
}

func TestAgreementByTurn(t *testing.T) {
	project := filepath.Join(t.TempDir(), "demo.themis")
	mustRun(t, "demo", project)
	var rows []agreementJSON
	if err := json.Unmarshal([]byte(mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--unit", "turn", "--threshold", "50", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	turns := 0
	var docs []docJSON
	json.Unmarshal([]byte(mustRun(t, "docs", project, "--json")), &docs)
	for _, d := range docs {
		turns += d.Turns
	}
	for _, r := range rows {
		if got := r.Both + r.OnlyA + r.OnlyB + r.Neither; got != int64(turns) {
			t.Errorf("%s: %d units, want one per turn (%d)", r.Code, got, turns)
		}
	}
	out := mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--unit", "sentence")
	if !strings.Contains(out, "each sentence is a unit, coded when a coder's segments touch any part of it") {
		t.Errorf("text output does not say what the unit is:\n%s", out[:200])
	}
	if _, errOut, code := themis(t, "agreement", project, "--coders", "Aisha,Ben", "--threshold", "150"); code != 2 || !strings.Contains(errOut, "percentage from 0 to 100") {
		t.Errorf("bad threshold: exit %d, %q", code, errOut)
	}
}

func TestAgreementBootstrapIsReproducible(t *testing.T) {
	project := filepath.Join(t.TempDir(), "demo.themis")
	mustRun(t, "demo", project)
	args := []string{"agreement", project, "--coders", "Aisha,Ben", "--bootstrap", "200", "--seed", "3", "--json"}
	first, second := mustRun(t, args...), mustRun(t, args...)
	if first != second {
		t.Fatal("the same seed gave different output")
	}
	var rows []agreementJSON
	json.Unmarshal([]byte(first), &rows)
	for _, r := range rows {
		if r.CI == nil || r.CI.Kappa == nil || r.CI.Kappa[0] > *r.Kappa || *r.Kappa > r.CI.Kappa[1] {
			t.Errorf("%s: kappa %v, interval %+v", r.Code, r.Kappa, r.CI)
		}
	}
	if out := mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--json"); strings.Contains(out, `"ci"`) {
		t.Error("intervals printed without --bootstrap")
	}
}

func TestAgreementFormats(t *testing.T) {
	project := filepath.Join(t.TempDir(), "demo.themis")
	mustRun(t, "demo", project)
	md := mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--format", "md", "--statistic", "scottPi")
	if !strings.Contains(md, "Scott’s π was computed per code") || !strings.Contains(md, "| Positive affect |") {
		t.Errorf("md:\n%s", md[:300])
	}
	csvOut := mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--format", "csv")
	if !strings.HasPrefix(csvOut, "row,label,unit,both") || strings.Count(csvOut, "\n") != 18 {
		t.Errorf("csv has %d lines:\n%s", strings.Count(csvOut, "\n"), csvOut[:200])
	}
	if html := mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--format", "html"); !strings.Contains(html, "<table>") {
		t.Error("html has no table")
	}
	if _, errOut, code := themis(t, "agreement", project, "--coders", "Aisha,Ben", "--format", "pdf"); code != 2 || !strings.Contains(errOut, "--format must be") {
		t.Errorf("bad format: %d %q", code, errOut)
	}
}

func TestAgreementByDocument(t *testing.T) {
	project := filepath.Join(t.TempDir(), "demo.themis")
	mustRun(t, "demo", project)
	type docRow struct {
		Document string   `json:"document"`
		Kappa    *float64 `json:"kappa"`
		Both     int64    `json:"both"`
		OnlyA    int64    `json:"only_a"`
		OnlyB    int64    `json:"only_b"`
		Neither  int64    `json:"neither"`
	}
	var rows []docRow
	json.Unmarshal([]byte(mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--by", "document", "--code", "Autonomy", "--json")), &rows)
	var docs []docJSON
	json.Unmarshal([]byte(mustRun(t, "docs", project, "--json")), &docs)
	if len(rows) != len(docs) || rows[0].Document != docs[0].Name {
		t.Fatalf("%d rows for %d documents: %+v", len(rows), len(docs), rows)
	}
	// Code × document: summed over documents it is the code's own row.
	var perCode []agreementJSON
	json.Unmarshal([]byte(mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--json")), &perCode)
	var both, neither int64
	for _, r := range rows {
		both += r.Both
		neither += r.Neither
	}
	for _, r := range perCode {
		if r.Code == "Autonomy" && (r.Both != both || r.Neither != neither) {
			t.Errorf("Autonomy: per code both %d neither %d, summed over documents %d %d", r.Both, r.Neither, both, neither)
		}
	}
	if _, errOut, code := themis(t, "agreement", project, "--coders", "Aisha,Ben", "--code", "Autonomy"); code != 2 || !strings.Contains(errOut, "--code goes with --by document") {
		t.Errorf("--code without --by document: %d %q", code, errOut)
	}
}
