package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixturePath prefers the shared fixtures beside the repository and falls
// back to the copies in testdata, so that a clean clone tests them too.
func fixturePath(t *testing.T, name string) string {
	shared := filepath.Join("..", "..", "shared", "fixtures", "transcripts", name)
	if _, err := os.Stat(shared); err == nil {
		return shared
	}
	return filepath.Join("testdata", name)
}

// TestQualCoderFixtures reads the three QualCoder example transcripts the
// issue names and checks their speakers, turn counts and some turn texts.
func TestQualCoderFixtures(t *testing.T) {
	tests := []struct {
		file     string
		format   string
		speakers []string
		turns    int
		texts    map[int]string // turn index -> its words (prefix)
	}{
		{"qualcoder-transcript.txt", "text", []string{"id1", "id2", "id3"}, 7, map[int]string{
			0: "hello, I like the course.",
			1: "I am struggling with the lecture slides.",
			6: "Hmm, I will ask the tutor for more help as I am really struggling.",
		}},
		{"qualcoder-ID1.docx", "docx", nil, 3, map[int]string{
			0: "I really like learning new things. I think this course is good for me",
			2: "I also like the other students in the course.",
		}},
		{"qualcoder-ID2.odt", "odt", nil, 3, map[int]string{
			0: "I have not studied much before, but my father Joe Bloggs really encouraged me to study again.",
			1: "I really want someone to sit down with me and explain the course material.",
			2: "The course cost €200.00 and I do not want to waste my money.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := fixturePath(t, tt.file)
			doc, err := ReadFile(path)
			checkDocument(t, tt.file, doc, err)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != tt.format || doc.Name != strings.TrimSuffix(tt.file, filepath.Ext(tt.file)) {
				t.Errorf("format %q name %q", doc.Format, doc.Name)
			}
			if got := doc.Speakers(); strings.Join(got, ",") != strings.Join(tt.speakers, ",") {
				t.Errorf("speakers %q, want %q", got, tt.speakers)
			}
			if len(doc.Turns) != tt.turns {
				t.Fatalf("%d turns, want %d: %q", len(doc.Turns), tt.turns, summaries(doc.Text, doc.Turns))
			}
			for i, want := range tt.texts {
				tr := doc.Turns[i]
				if got := Slice(doc.Text, tr.ContentStart, tr.End); !strings.HasPrefix(got, want) {
					t.Errorf("turn %d = %q, want it to start %q", i, got, want)
				}
			}
			if len(doc.Warnings) != 0 {
				t.Errorf("warnings %q", doc.Warnings)
			}
		})
	}
}
