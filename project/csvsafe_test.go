package project

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
)

// The key file is opened in spreadsheets: an original such as a phone number
// beginning with + or a name beginning with = is written as text.
func TestKeyFileCellsCannotRunAsFormulas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "key.csv")
	key := []KeyEntry{
		{Pseudonym: "[Phone 1]", Original: "+44 7700 900123", Kind: "phone", Occurrences: 2, Documents: 1},
		{Pseudonym: "[Name 1]", Original: "=HYPERLINK(\"http://x\")", Kind: "name", Occurrences: 1, Documents: 1},
	}
	if err := WriteKeyFile(path, key); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[1][1] != "'+44 7700 900123" || rows[2][1] != "'=HYPERLINK(\"http://x\")" || rows[1][3] != "2" {
		t.Errorf("key file rows: %q", rows[1:])
	}
}
