package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"themis/internal/prose"
	"themis/project"
	"themis/store"
)

const ()

// cmdAnonymise is the Anonymise tab's "replace everywhere" for scripts.
func cmdAnonymise(args []string, out io.Writer) error {
	if len(args) == 0 || args[0] != "replace" {
		return usageError{"say replace"}
	}
	fs := flag.NewFlagSet("anonymise replace", flag.ContinueOnError)
	text := fs.String("text", "", "the original to replace (whole words, any case)")
	with := fs.String("with", "", "the pseudonym to put in its place")
	kind := fs.String("kind", "", "what the original is: name, place, organisation, postcode, phone, email, nhs, ni, date or url (default name)")
	keyPath := fs.String("key", "", "a CSV file outside the project to add pseudonym → original to (created, or added to)")
	pos, err := parse(fs, args[1:], 1, 1)
	if err != nil {
		return err
	}
	if strings.TrimSpace(*text) == "" {
		return usageError{"--text is required"}
	}
	if strings.TrimSpace(*with) == "" && *kind == "" {
		return usageError{"give --with PSEUDONYM, or --kind for the pseudonym the app would suggest"}
	}
	k := "name"
	if *kind != "" {
		var ok bool
		if k, ok = project.Kinds[strings.ToLower(*kind)]; !ok {
			names := make([]string, 0, len(project.Kinds))
			for n := range project.Kinds {
				names = append(names, n)
			}
			sort.Strings(names)
			return usageError{fmt.Sprintf("--kind %q: say one of %s", *kind, strings.Join(names, ", "))}
		}
	}
	if *keyPath != "" {
		if a, b := absPath(*keyPath), absPath(pos[0]); a == b || strings.HasPrefix(a, b+".") || strings.HasPrefix(a, b+"-") {
			return fmt.Errorf("key file %s: %w: the key must be kept apart from the project and its files", *keyPath, store.ErrInvalid)
		}
	}
	return withProject(pos[0], true, func(p *store.Project) (err error) {
		found, err := project.FindOccurrences(p, *text)
		if err != nil {
			return err
		}
		if len(found.Occurrences) == 0 {
			return fmt.Errorf("%q is nowhere in %s; the project is unchanged", *text, pos[0])
		}
		pseudonym := strings.TrimSpace(*with)
		if pseudonym == "" {
			if pseudonym, err = project.PseudonymFor(p, k, *text); err != nil {
				return err
			}
		}
		var key *project.KeyFile
		if *keyPath != "" {
			// before replacing: a key that cannot be kept must stop the
			// replacement, or the originals would be lost
			if key, err = project.OpenKeyFile(*keyPath); err != nil {
				return fmt.Errorf("%w\nthe project is unchanged", err)
			}
			defer func() {
				if cerr := key.Close(); cerr != nil && err == nil {
					err = cerr
				}
			}()
		}
		who, err := actor(p)
		if err != nil {
			return err
		}
		res, err := project.Replace(p, []project.PseudonymChoice{{Kind: k, Pseudonym: pseudonym, Occurrences: found.Occurrences}}, who)
		if err != nil {
			return fmt.Errorf("%w\nthe project is unchanged", err)
		}
		places := map[string]int{}
		for _, o := range found.Occurrences {
			places[o.Place]++
		}
		inText := places[store.PlaceText] + places[store.PlaceSpeakerLabel]
		fmt.Fprintf(out, "Replaced %q with %s: %s", *text, pseudonym, prose.Count(res.Replacements, "occurrence", "occurrences"))
		var parts []string
		if inText > 0 {
			part := fmt.Sprintf("%d in the text of %s", inText, prose.Count(res.Documents, "document", "documents"))
			if n := places[store.PlaceSpeakerLabel]; n > 0 {
				part += fmt.Sprintf(" (%d in speaker labels)", n)
			}
			parts = append(parts, part)
		}
		for _, place := range []string{store.PlaceDocumentName, store.PlaceCaseName, store.PlaceAttributeValue} {
			if n := places[place]; n > 0 {
				parts = append(parts, prose.Count(n, place, place+"s"))
			}
		}
		if n := places[store.PlaceMemo]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d in memos", n))
		}
		fmt.Fprintf(out, " — %s.\n", strings.Join(parts, ", "))
		if res.Segments > 0 {
			fmt.Fprintf(out, "%s kept on their words.\n", prose.Count(res.Segments, "coded segment", "coded segments"))
		}
		for _, l := range found.Left {
			fmt.Fprintf(out, "Left as it is: %s, which cannot hold a pseudonym.\n", l)
		}
		for _, w := range res.Warnings {
			fmt.Fprintf(out, "Note: %s.\n", w)
		}
		if key != nil {
			if err := key.Add(res.Key); err != nil {
				// the replacement is done: say so, with the key, so it is not lost
				for _, e := range res.Key {
					fmt.Fprintf(out, "key: %s = %s\n", e.Pseudonym, e.Original)
				}
				return fmt.Errorf("the replacement is done, but %w; the key is printed above", err)
			}
			fmt.Fprintf(out, "The key (%s) is added to %s; keep it apart from the project.\n", prose.Count(len(res.Key), "row", "rows"), *keyPath)
		} else {
			fmt.Fprintln(out, "The original is not kept in the project; without --key no key file was written.")
		}
		return nil
	})
}

func absPath(path string) string {
	if a, err := filepath.Abs(path); err == nil {
		return a
	}
	return path
}
