package frameworks

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// seeds adds the built-ins in every format and the testdata files with the
// given extensions to a fuzzer's corpus.
func seeds(f *testing.F, encode func(Framework) ([]byte, error), exts ...string) {
	f.Helper()
	fws := []Framework{tricky()}
	for _, b := range Builtins() {
		fw, _ := BuiltinFramework(b.ID)
		fws = append(fws, fw)
	}
	for _, fw := range fws {
		data, err := encode(fw)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, ext := range exts {
		files, _ := filepath.Glob(filepath.Join("testdata", "*"+ext))
		golden, _ := filepath.Glob(filepath.Join("testdata", "golden", "*"+ext))
		builtin, _ := filepath.Glob(filepath.Join("builtin", "*"+ext))
		for _, name := range append(append(files, golden...), builtin...) {
			data, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

// checkRoundTrip is the property every parser must have: what parses is
// valid and comes back unchanged from its own format and from YAML and JSON.
func checkRoundTrip(t *testing.T, fw Framework, name string, encode func(Framework) ([]byte, error), parse func(string, []byte) (Framework, error)) {
	t.Helper()
	if err := fw.Validate(); err != nil {
		t.Fatalf("parsed framework is invalid: %v\n%#v", err, fw)
	}
	data, err := encode(fw)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	back, err := parse(name, data)
	if err != nil {
		t.Fatalf("re-parse: %v\n%s", err, data)
	}
	if !reflect.DeepEqual(back, fw) {
		t.Fatalf("round trip differs:\n got %#v\nwant %#v\n%s", back, fw, data)
	}
}

func FuzzParseYAML(f *testing.F) {
	seeds(f, EncodeYAML, ".yaml", ".yml")
	f.Add([]byte(header + "codes:\n  - name: A\n    codes:\n      - name: a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fw, err := ParseYAML("f.yaml", data)
		if err != nil {
			return
		}
		checkRoundTrip(t, fw, "f.yaml", EncodeYAML, ParseYAML)
		checkRoundTrip(t, fw, "f.json", EncodeJSON, ParseJSON)
		_ = RenderMarkdown(fw)
		if _, err := RenderHTML(fw); err != nil {
			t.Fatal(err)
		}
		if _, err := EncodeCSV(fw); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzParseJSON(f *testing.F) {
	seeds(f, EncodeJSON, ".json")
	f.Add([]byte("{\"themis_codebook\": 1,\t\"name\": \"T\\u2028\\u007f\u0085\", \"codes\": [{\"name\": \"a\", \"scale\": 1e3}]}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fw, err := ParseJSON("f.json", data)
		if err != nil {
			return
		}
		checkRoundTrip(t, fw, "f.json", EncodeJSON, ParseJSON)
		checkRoundTrip(t, fw, "f.yaml", EncodeYAML, ParseYAML)
	})
}

func FuzzParseQDC(f *testing.F) {
	seeds(f, EncodeQDC, ".qdc")
	f.Fuzz(func(t *testing.T, data []byte) {
		fw, err := ParseQDC("f.qdc", data)
		if err != nil {
			return
		}
		// The Description only reports renames, which cannot recur: the
		// names are unique now.
		fw.Description = ""
		checkRoundTrip(t, fw, "f.qdc", EncodeQDC, ParseQDC)
		checkRoundTrip(t, fw, "f.yaml", EncodeYAML, ParseYAML)
	})
}
