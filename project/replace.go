package project

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"themis/anonymise"
	"themis/store"
)

// KindOrganisation is what a replacement may call an original the scan does
// not detect by itself (a clinic, a charity): its pseudonyms read
// "[Organisation 1]".
const KindOrganisation = "organisation"

// Kinds names the identifier kinds a replacement may be given on the
// command line, with the kind each stands for.
var Kinds = map[string]string{
	"name": anonymise.KindName, "place": anonymise.KindAddress, "address": anonymise.KindAddress,
	"organisation": KindOrganisation, "organization": KindOrganisation,
	"postcode": anonymise.KindPostcode, "phone": anonymise.KindPhone, "email": anonymise.KindEmail,
	"nhs": anonymise.KindNHSNumber, "nhs_number": anonymise.KindNHSNumber,
	"ni": anonymise.KindNINumber, "ni_number": anonymise.KindNINumber,
	"date": anonymise.KindDate, "url": anonymise.KindURL, "website": anonymise.KindURL,
}

// Found is every occurrence of one text in the project, and the places it
// stands in that cannot take a pseudonym (number and date attributes).
type Found struct {
	Occurrences []Occurrence
	Left        []string // e.g. `Born (a date attribute) of case P003`
}

// FindOccurrences finds every occurrence of original — as whole words, in
// any case (see anonymise.Occurrences) — in the documents' texts, speaker
// labels included, and in document names, case names and case attribute
// values, and in every memo: what "replace everywhere" replaces when the
// user names the text rather than choosing a finding. Dismissals do not
// apply: the user asked for this text.
func FindOccurrences(p *store.Project, original string) (Found, error) {
	var out Found
	if strings.TrimSpace(original) == "" {
		return out, fmt.Errorf("%w: say which text to replace", store.ErrInvalid)
	}
	infos, err := p.Documents()
	if err != nil {
		return out, fmt.Errorf("find %q: %w", original, err)
	}
	docs := make([]store.Document, len(infos))
	for i, info := range infos {
		if docs[i], err = p.Document(info.ID); err != nil {
			return out, fmt.Errorf("find %q in %s: %w", original, info.Name, err)
		}
		runes := []rune(docs[i].Text)
		for _, s := range anonymise.Occurrences(docs[i].Text, original) {
			f := anonymise.Finding{Start: s[0], End: s[1], Text: string(runes[s[0]:s[1]])}
			out.Occurrences = append(out.Occurrences, Occurrence{Place: textPlace(docs[i], f), Document: info.ID, Start: s[0], End: s[1], Text: f.Text})
		}
	}
	fields, err := nameFields(p, docs)
	if err != nil {
		return out, err
	}
	for _, nf := range fields {
		runes := []rune(nf.value)
		for _, s := range anonymise.Occurrences(nf.value, original) {
			out.Occurrences = append(out.Occurrences, Occurrence{Place: nf.Place, Document: nf.Document, Case: nf.Case, Attribute: nf.Attribute,
				Start: s[0], End: s[1], Text: string(runes[s[0]:s[1]])})
		}
	}
	memos, err := p.Memos(store.MemoFilter{})
	if err != nil {
		return out, fmt.Errorf("find %q: memos: %w", original, err)
	}
	for _, m := range memos {
		runes := []rune(m.Text)
		for _, s := range anonymise.Occurrences(m.Text, original) {
			out.Occurrences = append(out.Occurrences, Occurrence{Place: store.PlaceMemo, Document: m.Document, Memo: m.ID,
				Start: s[0], End: s[1], Text: string(runes[s[0]:s[1]])})
		}
	}
	// numbers and dates are not scanned as names, but the user should
	// hear that the text is still there
	attrs, err := p.Attributes()
	if err != nil {
		return out, fmt.Errorf("find %q: attributes: %w", original, err)
	}
	cases, err := p.Cases()
	if err != nil {
		return out, fmt.Errorf("find %q: cases: %w", original, err)
	}
	for _, a := range attrs {
		if a.Type == store.AttrText || a.Type == store.AttrCategory {
			continue
		}
		for _, c := range cases {
			if v, ok := c.Attributes[a.Name]; ok && len(anonymise.Occurrences(v, original)) > 0 {
				out.Left = append(out.Left, fmt.Sprintf("%s (a %s attribute) of case %s", a.Name, a.Type, c.Name))
			}
		}
	}
	return out, nil
}

// PseudonymFor is the pseudonym the Anonymise tab would suggest for
// original found as kind: the one its group gets in a scan of the project
// when the scan finds it, else the next free one of its kind after every
// suggestion of that scan ("[Name 3]" when [Name 1] and [Name 2] are
// taken).
func PseudonymFor(p *store.Project, kind, original string) (string, error) {
	ps := NewPseudonyms()
	res, err := Scan(p, ps, nil)
	if err != nil {
		return "", err
	}
	want := groupKey(kind, original)
	for _, g := range res.Groups {
		if groupKey(g.Kind, g.Text) == want {
			return g.Suggested, nil
		}
	}
	return ps.For(kind, original), nil
}

// keyHeader is the first row of a key file.
var keyHeader = []string{"pseudonym", "original", "kind", "occurrences", "documents"}

// KeyFile is a key file open for adding entries (see OpenKeyFile).
type KeyFile struct {
	path    string
	f       *os.File
	created bool // by OpenKeyFile, and nothing written to it yet
	header  bool // the header row is still to be written
}

// OpenKeyFile opens the key file at path to add entries to it, creating it
// with its header row when it does not exist. An existing file must be a
// key file (its first row the header); it is added to, never overwritten,
// so a key built over several runs is kept whole. Like WriteKeyFile it
// refuses a .themis path: the key must live outside the project. Open it
// before replacing, so that a key that cannot be written stops the
// replacement rather than losing the originals.
func OpenKeyFile(path string) (*KeyFile, error) {
	if strings.EqualFold(filepath.Ext(path), store.Extension) {
		return nil, fmt.Errorf("key file %s: %w: the key must be kept outside the project; choose a .csv file", path, store.ErrInvalid)
	}
	_, statErr := os.Stat(path)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("key file %s: %w", path, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("key file %s: %w", path, err)
	}
	kf := &KeyFile{path: path, f: f, created: errors.Is(statErr, os.ErrNotExist), header: st.Size() == 0}
	if st.Size() > 0 {
		first, err := csv.NewReader(bufio.NewReader(f)).Read()
		if err != nil || strings.Join(first, ",") != strings.Join(keyHeader, ",") {
			f.Close()
			return nil, fmt.Errorf("key file %s: %w: it is not a Themis key file (its first row is not %s); choose another file", path, store.ErrInvalid, strings.Join(keyHeader, ","))
		}
		if _, err := f.Seek(0, io.SeekEnd); err != nil {
			f.Close()
			return nil, fmt.Errorf("key file %s: %w", path, err)
		}
		// a file whose last row has no line end gets one
		last := make([]byte, 1)
		if _, err := f.ReadAt(last, st.Size()-1); err == nil && last[0] != '\n' {
			if _, err := f.Write([]byte("\n")); err != nil {
				f.Close()
				return nil, fmt.Errorf("key file %s: %w", path, err)
			}
		}
	}
	return kf, nil
}

// Add writes the entries (the header first, into a new file) and syncs
// them to disk.
func (kf *KeyFile) Add(key []KeyEntry) error {
	w := csv.NewWriter(kf.f)
	if kf.header {
		w.Write(keyHeader)
		kf.header = false
	}
	kf.created = false
	for _, k := range key {
		w.Write([]string{k.Pseudonym, k.Original, k.Kind, fmt.Sprint(k.Occurrences), fmt.Sprint(k.Documents)})
	}
	w.Flush()
	if err := errors.Join(w.Error(), kf.f.Sync()); err != nil {
		return fmt.Errorf("key file %s: %w", kf.path, err)
	}
	return nil
}

// Close closes the file; a file this KeyFile created and never wrote to is
// removed again.
func (kf *KeyFile) Close() error {
	err := kf.f.Close()
	if kf.created {
		err = errors.Join(err, os.Remove(kf.path))
	}
	if err != nil {
		return fmt.Errorf("key file %s: %w", kf.path, err)
	}
	return nil
}
