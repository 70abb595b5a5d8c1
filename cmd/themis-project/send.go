package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"themis/project"
	"themis/store"
)

// cmdSend is themis send FILE.themis --coder NAME OUT.themis|OUT.qdpx.
func cmdSend(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("send", flag.ContinueOnError)
	coderName := fs.String("coder", "", "the coder the copy is for")
	pos, err := parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	if strings.TrimSpace(*coderName) == "" {
		return usageError{"--coder NAME is required: the coder the copy is for"}
	}
	// Read-only: sending writes nothing to the project, so the lead may send
	// while the app has it open.
	return withProject(pos[0], false, func(p *store.Project) error {
		who, err := actor(p)
		if err != nil {
			return err
		}
		c, err := p.CoderByName(*coderName)
		if err != nil {
			return fmt.Errorf("--coder %q: %w", *coderName, err)
		}
		sum, err := project.SendCopy(p, c.ID, pos[1], who)
		if err != nil {
			return fileError(pos[1], err)
		}
		fmt.Fprintf(out, "wrote %s for %s: %s, %s of theirs, %s\n", pos[1], sum.Coder,
			counted(sum.Documents, "document"), counted(sum.Segments, "segment"), counted(sum.Memos, "memo"))
		if strings.EqualFold(filepath.Ext(pos[1]), store.Extension) {
			fmt.Fprintf(out, "it holds no other coder's segments or memos; merge it back with: themis merge %s %s\n", pos[0], filepath.Base(pos[1]))
		}
		return nil
	})
}

// fileError names the file an error is about, unless it already does.
func fileError(path string, err error) error {
	base := filepath.Base(path)
	if strings.HasPrefix(err.Error(), base+":") || strings.HasPrefix(err.Error(), path) {
		return err
	}
	return fmt.Errorf("%s: %w", base, err)
}

// counted is "1 memo", "2 memos".
func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
