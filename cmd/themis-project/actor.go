package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strings"

	"themis/store"
)

// actingAs is the global --as NAME of this run: the person the journal names
// for the changes a command makes ("" when not given).
var actingAs string

// actor is the coder a write command journals its changes under: --as NAME,
// else the project's lead, else the user logged in. The name must be one of
// the project's coders — a typo must not become a coder — so a new person
// first adds themself with themis coders add.
func actor(p *store.Project) (int64, error) {
	name := strings.TrimSpace(actingAs)
	if name == "" {
		if lead, err := p.Lead(); err == nil {
			return lead.ID, nil
		}
		name = osUser()
	}
	c, err := p.CoderByName(name)
	if errors.Is(err, store.ErrNotFound) {
		var names []string
		if coders, err := p.Coders(); err == nil {
			for _, c := range coders {
				names = append(names, c.Name)
			}
		}
		return 0, fmt.Errorf("--as %q: not a coder of %s (coders: %s); add yourself first: themis coders add %s %q --as %q",
			name, filepath.Base(p.Path()), strings.Join(names, ", "), p.Path(), name, name)
	}
	if err != nil {
		return 0, err
	}
	return c.ID, nil
}

// addCoder is themis coders add FILE NAME: a new coder, journalled as added
// by --as (or the lead), or as having added themself when --as names them.
func addCoder(path, name string, out io.Writer) error {
	return withProject(path, true, func(p *store.Project) error {
		if _, err := p.CoderByName(name); err == nil {
			return fmt.Errorf("%s already has a coder called %q", filepath.Base(path), strings.TrimSpace(name))
		}
		who := store.Self
		if strings.TrimSpace(actingAs) != strings.TrimSpace(name) {
			var err error
			if who, err = actor(p); err != nil {
				return err
			}
		}
		c, err := p.AddCoder(name, who)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "added coder %s\n", c.Name)
		return nil
	})
}

// setAdjudicator is themis coders adjudicator FILE NAME|--none: the lead
// (--as, or the lead by default) names who adjudicates besides the lead, or
// nobody (name empty).
func setAdjudicator(path string, name []string, out io.Writer) error {
	return withProject(path, true, func(p *store.Project) error {
		who, err := actor(p)
		if err != nil {
			return err
		}
		var id int64
		if len(name) == 1 {
			c, err := p.CoderByName(name[0])
			if err != nil {
				return fmt.Errorf("adjudicator %q: %w", name[0], err)
			}
			id = c.ID
		}
		if err := p.SetAdjudicator(id, who); err != nil {
			return err
		}
		if id == 0 {
			fmt.Fprintln(out, "no adjudicator named: only the lead adjudicates, and not a pair the lead coded")
		} else {
			fmt.Fprintf(out, "%s adjudicates, with the lead; never a pair they coded\n", strings.TrimSpace(name[0]))
		}
		return nil
	})
}

func osUser() string {
	if u, err := user.Current(); err == nil {
		if u.Username != "" {
			return u.Username
		}
	}
	for _, v := range []string{"USER", "USERNAME"} {
		if s := os.Getenv(v); s != "" {
			return s
		}
	}
	return "unknown user"
}
