package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportDialogFlow(t *testing.T) {
	sv := newServices(t)
	if _, err := sv.projects.Create("Pilot", "", "Aisha", "keyes"); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(t.TempDir(), "interviews")
	os.MkdirAll(filepath.Join(in, "wave 2"), 0o755)
	os.WriteFile(filepath.Join(in, "P1.txt"), []byte("Interviewer: hi\nP1: call me on 07700 900123"), 0o644)
	os.WriteFile(filepath.Join(in, "wave 2", "P2.txt"), []byte("MOD - hello\nP2 - hi there"), 0o644)
	os.WriteFile(filepath.Join(in, "wave 2", "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(in, "consent.pdf"), []byte("%PDF"), 0o644)
	os.WriteFile(filepath.Join(sv.dialogs, "folder.txt"), []byte(in+"\n"), 0o644)

	sel, err := sv.documents.ChooseFolder()
	if err != nil || sel.Folder != in || len(sel.Files) != 3 || sel.Files[1].Folder != "wave 2" || len(sel.Skipped) != 1 || sel.Skipped[0].File != "consent.pdf" {
		t.Fatalf("selection = %+v, %v", sel, err)
	}
	if sel, _ := sv.documents.ChooseFolder(); sel.Folder != sv.dialogs {
		t.Errorf("folder.txt is read once; then the dialog answers %q", sel.Folder)
	}

	dash := ""
	for _, p := range sv.documents.SpeakerPresets() {
		if p.ID == "dash" {
			dash = p.Pattern
		}
	}
	if dash == "" {
		t.Fatal("no dash preset")
	}
	pv, err := sv.documents.Preview(sel.Files[1].Path, ImportOptionsDTO{SpeakerPattern: dash})
	if err != nil || pv.Error != "" || strings.Join(pv.Speakers, ",") != "MOD,P2" || pv.FirstTurns[1].Text != "hi there" {
		t.Fatalf("preview = %+v, %v", pv, err)
	}
	// The moderator is proposed for leaving out of coding.
	if strings.Join(pv.Interviewers, ",") != "MOD" {
		t.Errorf("preview proposes %q as interviewers, want MOD", pv.Interviewers)
	}
	if pv, _ := sv.documents.Preview(sel.Files[2].Path, ImportOptionsDTO{}); !strings.HasPrefix(pv.Error, "empty.txt: ") {
		t.Errorf("empty file preview error %q", pv.Error)
	}
	if _, err := sv.documents.Preview(sel.Files[0].Path, ImportOptionsDTO{SpeakerPattern: "^(x"}); err == nil || decodeUIError(t, err).Code != "invalid" {
		t.Errorf("a bad pattern gave %v", err)
	}
	if msg := sv.documents.CheckSpeakerPattern(`^(?P<who>\w+):`); !strings.Contains(msg, "speaker") {
		t.Errorf("CheckSpeakerPattern said %q", msg)
	}

	// The whole selection is refused, naming the empty file; the two good ones import.
	if _, err := sv.documents.ImportWith([]string{in}, ImportOptionsDTO{SpeakerPattern: dash}); err == nil || decodeUIError(t, err).Code != "import" || !strings.Contains(err.Error(), "empty.txt") {
		t.Fatalf("folder with an empty file: %v", err)
	}
	if docs, _ := sv.documents.List(); len(docs) != 0 {
		t.Fatalf("%d documents after a refused import", len(docs))
	}
	r, err := sv.documents.ImportWith([]string{sel.Files[0].Path, sel.Files[1].Path}, ImportOptionsDTO{SpeakerPattern: dash, Exclude: []string{"MOD"}})
	if err != nil || r.Cancelled || len(r.Files) != 2 || r.Files[1].Turns != 2 || strings.Join(r.Files[1].Speakers, ",") != "MOD,P2" {
		t.Fatalf("import = %+v, %v", r, err)
	}
	if strings.Join(r.Files[1].Excluded, ",") != "MOD" || len(r.Files[0].Excluded) != 0 {
		t.Errorf("left out at import: %q and %q, want MOD in P2 only", r.Files[0].Excluded, r.Files[1].Excluded)
	}
	if r.Files[0].Identifiers == 0 || r.Files[0].Kinds[0].Kind != "phone" {
		t.Errorf("identifiers of P1 = %d %+v, want the phone number", r.Files[0].Identifiers, r.Files[0].Kinds)
	}
	if sv.documents.CancelImport() {
		t.Error("CancelImport with no import running said it stopped one")
	}
}
