package qdpx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"themis/errs"
)

// rawEntry writes an entry whose header says what the test wants, true or
// not: data is stored already deflated, under the sizes given.
func rawEntry(t testing.TB, zw *zip.Writer, name string, plain []byte, declared uint64) {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(plain)
	fw.Close()
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CompressedSize64: uint64(comp.Len()), UncompressedSize64: declared})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
}

func zipWith(t testing.TB, fn func(zw *zip.Writer)) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	fn(zw)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// oneSource is a project with one text source t.txt and one selection.
func oneSource(start, end string) string {
	return qdeOf("Test", testUsers+testCodes+`<Sources><TextSource guid="t-1" name="Interview 7" plainTextPath="internal://t.txt"><PlainTextSelection guid="s-1" name="Quotation 1:1" startPosition="`+start+`" endPosition="`+end+`"><Coding guid="g"><CodeRef targetGUID="c-1"/></Coding></PlainTextSelection></TextSource></Sources>`)
}

// TestReadRefusesHostileArchives: each damaged or hostile archive is
// refused with an *Error naming the file, of the kind app/ classifies by,
// saying why.
func TestReadRefusesHostileArchives(t *testing.T) {
	good := oneSource("0", "4")
	deep := qdeOf("Test", `<CodeBook><Codes>`+strings.Repeat(`<Code guid="x" name="x" isCodable="true">`, 300)+strings.Repeat(`</Code>`, 300)+`</Codes></CodeBook>`)
	laughs := `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><Project name="&c;"/>`
	xxe := `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project name="&x;"/>`
	zeros := make([]byte, 40<<20)
	for _, c := range []struct {
		name string
		data []byte
		kind errs.Kind
		want string
	}{
		{"not a zip", []byte("name,start,end\nA,1,2\n"), errs.Unsupported, "not a REFI-QDA project"},
		{"empty file", nil, errs.Unsupported, "empty"},
		{"truncated zip", archiveOf(t, entry{"project.qde", good}, entry{"sources/t.txt", "some text"})[:60], errs.Unsupported, "not a REFI-QDA project"},
		{"no qde", archiveOf(t, entry{"sources/t.txt", "text"}), errs.Unsupported, "no project.qde"},
		{"qde in a folder only", archiveOf(t, entry{"x/project.qde", good}), errs.Unsupported, "no project.qde"},
		{"not a project", archiveOf(t, entry{"project.qde", `<CodeBook/>`}), errs.Unsupported, "not <Project>"},
		{"two qde", archiveOf(t, entry{"project.qde", good}, entry{"Other.QDE", good}), errs.Invalid, "several projects (Other.QDE, project.qde)"},
		{"zip-slip ..", archiveOf(t, entry{"project.qde", good}, entry{"sources/../../evil.txt", "x"}), errs.Invalid, `"sources/../../evil.txt", which climbs out`},
		{"zip-slip absolute", archiveOf(t, entry{"project.qde", good}, entry{"/etc/cron.d/x", "x"}), errs.Invalid, "absolute path"},
		{"zip-slip backslash", archiveOf(t, entry{"project.qde", good}, entry{`..\..\evil.txt`, "x"}), errs.Invalid, "backslash"},
		{"zip-slip drive", archiveOf(t, entry{"project.qde", good}, entry{"C:/Windows/evil.txt", "x"}), errs.Invalid, "names a drive"},
		{"entity expansion", archiveOf(t, entry{"project.qde", laughs}), errs.Invalid, "declares a DOCTYPE"},
		{"external entity", archiveOf(t, entry{"project.qde", xxe}), errs.Invalid, "declares a DOCTYPE"},
		{"undeclared entity", archiveOf(t, entry{"project.qde", `<Project name="&x;"/>`}), errs.Invalid, "not well-formed XML"},
		{"malformed xml", archiveOf(t, entry{"project.qde", `<Project name="x"><Users></Project>`}), errs.Invalid, "not well-formed XML (line 1)"},
		{"unfinished xml", archiveOf(t, entry{"project.qde", `<Project name="x"><Users>`}), errs.Invalid, "ends before its XML is complete"},
		{"deep xml", archiveOf(t, entry{"project.qde", deep}), errs.Invalid, "more than 256 elements deep"},
		{"missing source", archiveOf(t, entry{"project.qde", good}), errs.Invalid, `text sources without their file (1): "Interview 7"`},
		{"source outside the archive", archiveOf(t, entry{"project.qde", strings.Replace(good, "internal://t.txt", "absolute:///etc/passwd", 1)}), errs.Invalid, `without their file (1): "Interview 7"`},
		{"source climbing out", archiveOf(t, entry{"project.qde", strings.Replace(good, "internal://t.txt", "relative:///../../t.txt", 1)}, entry{"t.txt", "text"}), errs.Invalid, `without their file (1): "Interview 7"`},
		{"out of range", archiveOf(t, entry{"project.qde", oneSource("2", "40")}, entry{"sources/t.txt", "short text"}), errs.Invalid, `source "Interview 7": selection "Quotation 1:1" runs from 2 to 40, past the end of the text (10 characters)`},
		{"inverted", archiveOf(t, entry{"project.qde", oneSource("6", "2")}, entry{"sources/t.txt", "short text"}), errs.Invalid, `selection "Quotation 1:1" ends (2) before it starts (6)`},
		{"negative", archiveOf(t, entry{"project.qde", oneSource("-1", "2")}, entry{"sources/t.txt", "short text"}), errs.Invalid, `its startPosition is "-1", not a position`},
		{"not a number", archiveOf(t, entry{"project.qde", oneSource("1", "2e3")}, entry{"sources/t.txt", "short text"}), errs.Invalid, `its endPosition is "2e3"`},
		{"huge number", archiveOf(t, entry{"project.qde", oneSource("0", "99999999999999999999999")}, entry{"sources/t.txt", "short text"}), errs.Invalid, "not a position"},
		{"not utf-8", archiveOf(t, entry{"project.qde", good}, entry{"sources/t.txt", "caf\xe9 au lait"}), errs.Invalid, `source "Interview 7": its text file sources/t.txt cannot be read: it is not UTF-8 text (byte 3)`},
		{"odd utf-16", archiveOf(t, entry{"project.qde", good}, entry{"sources/t.txt", "\xff\xfea\x00b"}), errs.Invalid, "odd number of bytes"},
		{"same name twice", archiveOf(t, entry{"project.qde", good}, entry{"sources/t.txt", "one"}, entry{"Sources/T.txt", "two"}), errs.Invalid, `2 entries named "sources/t.txt"`},
		{"two codes, one guid", archiveOf(t, entry{"project.qde", strings.Replace(good, `guid="c-2"`, `guid="c-1"`, 1)}, entry{"sources/t.txt", "text"}), errs.Invalid, `two codes share the guid c-1 (one is "Plans")`},
		{"two sources, one guid", archiveOf(t, entry{"project.qde", strings.Replace(good, "</Sources>", `<TextSource guid="t-1" name="again"><PlainTextContent>x</PlainTextContent></TextSource></Sources>`, 1)}, entry{"sources/t.txt", "text"}), errs.Invalid, `two sources share the guid t-1 (one is "again")`},
		{"code without guid", archiveOf(t, entry{"project.qde", strings.Replace(good, `guid="c-3"`, ``, 1)}, entry{"sources/t.txt", "text"}), errs.Invalid, `code "Group" has no guid`},
		{"qde not in utf-8", archiveOf(t, entry{"project.qde", `<?xml version="1.0" encoding="ISO-8859-1"?><Project name="caf` + "\xe9" + `"/>`}), errs.Unsupported, "project.qde is written in ISO-8859-1; REFI-QDA project files are UTF-8"},
		{"unknown compression", zipWith(t, func(zw *zip.Writer) {
			w, _ := zw.CreateRaw(&zip.FileHeader{Name: "project.qde", Method: 14, CompressedSize64: 4, UncompressedSize64: 4})
			w.Write([]byte("LZMA"))
		}), errs.Unsupported, "project.qde is compressed with a method Themis cannot read (method 14)"},
		{"zip bomb qde", zipWith(t, func(zw *zip.Writer) { rawEntry(t, zw, "project.qde", zeros, uint64(len(zeros))) }), errs.TooLarge, "may be a zip bomb"},
		{"zip bomb source", zipWith(t, func(zw *zip.Writer) {
			rawEntry(t, zw, "project.qde", []byte(good), uint64(len(good)))
			rawEntry(t, zw, "sources/t.txt", zeros[:20<<20], 20<<20)
		}), errs.TooLarge, "sources/t.txt expands"},
		{"declared too large", zipWith(t, func(zw *zip.Writer) {
			rawEntry(t, zw, "project.qde", []byte(good), uint64(len(good)))
			rawEntry(t, zw, "sources/t.txt", []byte("text"), 1<<40)
		}), errs.TooLarge, "sources/t.txt would expand to 1048576 MiB (the limit is 32 MiB)"},
		{"qde declared too large", zipWith(t, func(zw *zip.Writer) { rawEntry(t, zw, "project.qde", []byte(good), 1<<30) }), errs.TooLarge, "project.qde would expand to 1024 MiB"},
		{"qde lies about its size", zipWith(t, func(zw *zip.Writer) {
			rawEntry(t, zw, "project.qde", []byte(good+strings.Repeat(" ", 1<<20)), 200)
		}), errs.Invalid, "project.qde is damaged in the archive"},
		{"source lies about its size", zipWith(t, func(zw *zip.Writer) {
			rawEntry(t, zw, "project.qde", []byte(good), uint64(len(good)))
			rawEntry(t, zw, "sources/t.txt", bytes.Repeat([]byte("abc "), 1<<20), 8)
		}), errs.Invalid, "cannot read sources/t.txt"},
		{"too many entries", zipWith(t, func(zw *zip.Writer) {
			for i := 0; i <= maxEntries; i++ {
				zw.CreateHeader(&zip.FileHeader{Name: "sources/" + itoa(i), Method: zip.Store})
			}
		}), errs.TooLarge, "20001 entries (the limit is 20000)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read("hostile.qdpx", c.data, ReadOptions{})
			if err == nil {
				t.Fatal("read, want refused")
			}
			var e *Error
			if !errors.As(err, &e) || e.File != "hostile.qdpx" || !strings.HasPrefix(err.Error(), "hostile.qdpx: ") {
				t.Fatalf("err = %v, want an *Error naming hostile.qdpx", err)
			}
			t.Log(err)
			if k := errs.KindOf(err); k != c.kind {
				t.Errorf("kind %v, want %v (%v)", k, c.kind, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v\nwant it to say %q", err, c.want)
			}
		})
	}
}

// TestReadMissingSourcesSkipped: with SkipMissingSources the sources that
// lack their file are left out and counted, and the rest comes across.
func TestReadMissingSourcesSkipped(t *testing.T) {
	qde := qdeOf("Test", testUsers+testCodes+`<Sources>`+
		`<TextSource guid="t-1" name="here" plainTextPath="internal://t.txt">`+sel("s-1", "", 0, 4)+`</TextSource>`+
		`<TextSource guid="t-2" name="gone" plainTextPath="internal://gone.txt">`+sel("s-2", "", 0, 4)+sel("s-3", "", 1, 4)+`</TextSource>`+
		`<TextSource guid="t-3" name="no path"/></Sources>`)
	data := archiveOf(t, entry{"project.qde", qde}, entry{"sources/t.txt", "some text"})
	_, err := Read("m.qdpx", data, ReadOptions{})
	if !errors.Is(err, ErrMissingSources) || !strings.Contains(err.Error(), `(2): "gone", "no path"`) {
		t.Fatalf("err = %v", err)
	}
	p, err := Read("m.qdpx", data, ReadOptions{SkipMissingSources: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Sources) != 1 || p.Sources[0].Name != "here" || len(p.Sources[0].Selections) != 1 {
		t.Fatalf("sources %+v", p.Sources)
	}
	if !equalCounts(p.NotImported, map[string]int{"text sources without their file": 2, "selections of text sources without their file": 2}) {
		t.Fatalf("not imported %v", p.NotImported)
	}
}

// TestReadTextTotalLimit: the text files together may not exceed
// maxTextTotal, however well each keeps within its own limit.
func TestReadTextTotalLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an archive of 75 MiB")
	}
	big := strings.Repeat("a", 25<<20)
	var sources strings.Builder
	for _, n := range []string{"a", "b", "c"} {
		sources.WriteString(`<TextSource guid="` + n + `" name="` + n + `" plainTextPath="internal://` + n + `.txt"/>`)
	}
	data := zipWith(t, func(zw *zip.Writer) {
		w, _ := zw.Create("project.qde")
		w.Write([]byte(qdeOf("Test", "<Sources>"+sources.String()+"</Sources>")))
		for _, n := range []string{"a", "b", "c"} {
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: "sources/" + n + ".txt", Method: zip.Store})
			w.Write([]byte(big))
		}
	})
	_, err := Read("big.qdpx", data, ReadOptions{})
	if errs.KindOf(err) != errs.TooLarge || !strings.Contains(err.Error(), "the text files of the archive come to more than 64 MiB") {
		t.Fatalf("err = %v", err)
	}
}

// TestReadUsers: a user named only by id or not at all still has a name to
// be a coder by; the same user twice is one coder.
func TestReadUsers(t *testing.T) {
	qde := qdeOf("X", `<Users><User guid="u-1" id="AB"/><User guid="0f77948d-768a-4665" /><User guid="u-1" name="again"/></Users>`)
	p, err := Read("u.qdpx", archiveOf(t, entry{"project.qde", qde}), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Users) != 2 || p.Users[0].Name != "AB" || p.Users[1].Name != "User 0f77948d" {
		t.Fatalf("users %+v", p.Users)
	}
}

// lyingDirectory is an archive of 65,537 entries whose end record states 1:
// archive/zip checks the count only modulo 65,536, and reads every entry.
func lyingDirectory(t testing.TB) []byte {
	data := zipWith(t, func(zw *zip.Writer) {
		w, _ := zw.Create("project.qde")
		w.Write([]byte(qdeOf("X", "")))
		pad := strings.Repeat("x", 100)
		for i := 1; i <= 1<<16; i++ {
			zw.CreateHeader(&zip.FileHeader{Name: "sources/" + pad + itoa(i), Method: zip.Store})
		}
	})
	// With more than 65,535 entries archive/zip writes a zip64 end record;
	// its count (this disk, in all, 64 bits each) is made to say 1.
	end := bytes.LastIndex(data, []byte("PK\x06\x06"))
	binary.LittleEndian.PutUint64(data[end+24:], 1)
	binary.LittleEndian.PutUint64(data[end+32:], 1)
	return data
}

// TestReadRefusesALyingDirectory: the directory is measured before
// archive/zip reads it, not after it has kept every entry.
func TestReadRefusesALyingDirectory(t *testing.T) {
	data := lyingDirectory(t)
	if _, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
		t.Fatalf("archive/zip refuses the archive itself (%v): the test no longer shows what it should", err)
	}
	_, err := Read("lying.qdpx", data, ReadOptions{})
	if errs.KindOf(err) != errs.TooLarge || !strings.Contains(err.Error(), "the archive's directory of entries takes 9 MiB (the limit is 8 MiB)") {
		t.Fatalf("err = %v", err)
	}
}
