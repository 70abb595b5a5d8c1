package project

import (
	"bytes"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"themis/frameworks"
	"themis/store"
)

// FuzzImportSegmentsCSV feeds arbitrary files to the segment CSV reader. It
// must never panic, and it is all or nothing: either it reports success and
// every stored segment is valid, or it fails and nothing was stored.
func FuzzImportSegmentsCSV(f *testing.F) {
	for _, seed := range []string{
		"document,coder,code,start,end,text\nP1,Ben,Autonomy,6,11,hello\n",
		"document,coder,code,start,end,text\nP1,Ben,Autonomy,0,2,P1\nP1,Amy,Positive affect,6,17,\"hello 😀 wo\"\n",
		"document,coder,code,start,end\nP1,Ben,Autonomy,0,99\n",
		"\ufeffdocument,coder,code,start,end,text\nP1,,Autonomy,1,2,\n",
		"document,coder\nP1,Ben\n",
		"document,coder,code,start,end,text\n\"unterminated\n",
		"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data string) {
		p, err := store.Create(filepath.Join(t.TempDir(), "f.themis"), frameworks.Keyes(), "Amy")
		if err != nil {
			t.Fatal(err)
		}
		defer p.Close()
		if _, err := ImportData(p, []NamedData{{"P1.txt", []byte("P1: hello 😀 world, café")}}, 0); err != nil {
			t.Fatal(err)
		}
		n, err := ImportSegmentsCSV(p, bytes.NewReader([]byte(data)), 0)
		segs, _ := p.Segments(store.SegmentFilter{})
		if err != nil {
			if len(segs) != 0 {
				t.Fatalf("failed import (%v) left %d segments", err, len(segs))
			}
			if coders, _ := p.Coders(); len(coders) != 1 {
				t.Fatalf("failed import (%v) added coders", err)
			}
			return
		}
		if n != len(segs) {
			t.Fatalf("reported %d added, %d stored", n, len(segs))
		}
		doc, _ := p.Document(segs[0].Document)
		for _, s := range segs {
			if s.Start < 0 || s.End <= s.Start || s.End > utf8.RuneCountInString(doc.Text) {
				t.Fatalf("stored an invalid segment %+v", s)
			}
		}
	})
}
