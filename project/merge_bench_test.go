package project

import (
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"themis/interop/qdpx"
	"themis/store"
)

// BenchmarkImportNVivo is the import budget: the NVivo fixture (297
// selections over two sources of about 600 kB, positions in UTF-16 units)
// read and imported as a new project, < 2 s.
func BenchmarkImportNVivo(b *testing.B) {
	path := filepath.Join(fixturesQDPX, "nvivo-mac-12.7.qdpx")
	dir := b.TempDir()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		in, err := qdpx.ReadFile(path, qdpx.ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		r, err := ImportAsNew(in, MergeOptions{File: "nvivo-mac-12.7.qdpx"}, filepath.Join(dir, fmt.Sprintf("nvivo-%d.themis", i)), "")
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Documents.Added) != 2 {
			b.Fatalf("%d documents imported", len(r.Documents.Added))
		}
	}
}

// BenchmarkMerge20k is the merge budget: a coder's copy holding
// 20,000 segments of a new coder merged into the project (planning,
// duplicate checks and the one transaction), < 3 s. Reading the copy is
// not timed; each merge goes into a fresh copy of the same project file.
func BenchmarkMerge20k(b *testing.B) {
	dir := b.TempDir()
	template := filepath.Join(dir, "template.themis")
	p, err := store.Create(template, teamFramework(), "Lena")
	if err != nil {
		b.Fatal(err)
	}
	lead, _ := p.Lead()
	r := rand.New(rand.NewSource(11))
	var files []NamedData
	for i := 0; i < 40; i++ {
		files = append(files, NamedData{Name: fmt.Sprintf("p%02d.txt", i), Data: syntheticTranscript(r, fmt.Sprintf("P%02d", i), 4000)})
	}
	if _, err := ImportData(p, files, lead.ID); err != nil {
		b.Fatal(err)
	}
	in, err := Exchange(p, ExchangeOptions{})
	if err != nil {
		b.Fatal(err)
	}
	p.Close()
	hope, fear := findCode(in.Codes, "Hope").GUID, findCode(in.Codes, "Fear").GUID
	in.Users = append(in.Users, qdpx.User{GUID: "user-cleo", Name: "Cleo"})
	const segments = 20_000
	for n := 0; n < segments; n++ {
		src := &in.Sources[n%len(in.Sources)]
		runes := utf8.RuneCountInString(src.Text)
		start := r.Intn(runes - 200)
		code := hope
		if n%3 == 0 {
			code = fear
		}
		// Distinct spans: the segment's number is part of its length.
		src.Selections = append(src.Selections, selection(fmt.Sprintf("sel-%d", n), "user-cleo", code, start, start+20+n%150))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(dir, fmt.Sprintf("merge-%d.themis", i))
		if err := copyFile(template, path); err != nil {
			b.Fatal(err)
		}
		q, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep, err := Merge(q, in, MergeOptions{File: "cleo.qdpx"}, lead.ID)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		added := 0
		for _, c := range rep.Coders {
			added += c.Added + c.Duplicates
		}
		if added != segments {
			b.Fatalf("%d segments merged, want %d", added, segments)
		}
		q.Close()
		b.StartTimer()
	}
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}
