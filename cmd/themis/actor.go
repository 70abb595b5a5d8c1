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

// takeAs removes the global --as NAME (or --as=NAME, -as) from anywhere in
// args, so every command accepts it in any position.
func takeAs(args []string) (rest []string, name string, given bool, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(rest, args[i:]...), name, given, nil
		}
		switch {
		case a == "--as" || a == "-as":
			if i+1 >= len(args) {
				return nil, "", true, usageError{"--as needs a name: the person making the change"}
			}
			name, given = args[i+1], true
			i++
		case strings.HasPrefix(a, "--as=") || strings.HasPrefix(a, "-as="):
			_, name, _ = strings.Cut(a, "=")
			given = true
		default:
			rest = append(rest, a)
			continue
		}
		if strings.TrimSpace(name) == "" {
			return nil, "", true, usageError{"--as needs a name: the person making the change"}
		}
	}
	return rest, name, given, nil
}

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
