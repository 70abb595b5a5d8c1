package app

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestReportServiceOnTheDemo(t *testing.T) {
	sv := newServices(t)
	ss, info := demoAs(t, sv, "Aisha")
	ss.release()
	if _, err := sv.projects.SetBlindMode(false); err != nil {
		t.Fatal(err)
	}
	rs := NewReportService(sv.projects.s)
	opts, err := rs.Options()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range nilSlices(reflect.ValueOf(opts), "Options") {
		t.Errorf("%s is nil: the UI gets null, not []", p)
	}
	if len(opts.Frameworks) == 0 || opts.Framework == 0 || len(opts.Frameworks[0].Codes) != 16 || !opts.Frameworks[0].Codes[0].IsFactor {
		t.Errorf("frameworks %+v", opts.Frameworks)
	}
	if len(opts.Layers) != 3 || opts.Layers[0].Kind != "all" || !opts.Layers[0].Default || strings.Join(opts.Layers[0].Coders, ",") != "Aisha,Ben" {
		t.Errorf("layers %+v", opts.Layers)
	}
	if opts.Breakdown != "role" || !opts.Attribution.Case || strings.Join(opts.Attribution.Attributes, ",") != "role,nested_case" || !opts.CanCompare {
		t.Errorf("defaults %+v", opts)
	}
	in := ReportInput{Framework: opts.Framework, Breakdown: opts.Breakdown, Attribution: opts.Attribution, Agreement: true}
	page, err := rs.Preview(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h1>Themes: ", "<h2>Methods</h2>", "Evidenced by ", "coded by Aisha and Ben", "Agreement between Aisha and Ben"} {
		if !strings.Contains(page, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	for _, format := range []string{"md", "html", "docx"} {
		path, err := rs.Export(in, format)
		if err != nil {
			t.Fatalf("Export %s: %v", format, err)
		}
		if filepath.Ext(path) != "."+format || !strings.HasPrefix(filepath.Base(path), "Themes- Keyes- flourishing") {
			t.Errorf("Export %s wrote %q", format, path)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if format == "docx" {
			text = unzipDocument(t, path)
		}
		if !strings.Contains(text, "Positive affect") || strings.Contains(text, info.Path) || strings.Contains(text, filepath.Dir(info.Path)) {
			t.Errorf("%s export: no heading, or the project's path", format)
		}
	}
	if _, err := rs.Export(in, "pdf"); decodeUIError(t, err).Code != "invalid" {
		t.Errorf("pdf: %v", err)
	}
	// Blind mode: Ben's options offer his own layer only, and no agreement.
	if _, err := sv.projects.SetBlindMode(true); err != nil {
		t.Fatal(err)
	}
	if _, err := sv.projects.SelectCoder(info.Coders[1].ID); err != nil {
		t.Fatal(err)
	}
	opts, err = rs.Options()
	if err != nil {
		t.Fatal(err)
	}
	if opts.CanCompare || len(opts.Layers) != 2 || strings.Join(opts.Layers[0].Coders, ",") != "Ben" || opts.Layers[1].Name != "Ben" {
		t.Errorf("Ben's options while blind: %+v", opts.Layers)
	}
	if _, err := rs.Preview(ReportInput{Agreement: true}); decodeUIError(t, err).Kind != "forbidden" {
		t.Errorf("Ben asked for agreement while blind: %v", err)
	}
}

// unzipDocument is word/document.xml of a .docx.
func unzipDocument(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}
