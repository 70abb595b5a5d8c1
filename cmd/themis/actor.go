package main

import (
	"errors"
	"fmt"
	"os"
	"os/user"
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

// actor is the coder a write command journals its changes under: --as NAME
// (added to the project's coders, as having added themself, when new), else
// the project's lead, else the user logged in.
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
		c, err = p.AddCoder(name, store.Self)
	}
	if err != nil {
		return 0, fmt.Errorf("acting as %q: %w", name, err)
	}
	return c.ID, nil
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
