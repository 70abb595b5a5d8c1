package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Filter restricts a file dialog to some extensions, e.g. "*.txt;*.docx".
type Filter struct {
	Name    string
	Pattern string
}

// Dialogs opens native file dialogs. An empty result means the user cancelled.
type Dialogs interface {
	OpenFiles(title string, filters []Filter) ([]string, error)
	OpenFile(title string, filters []Filter) (string, error)
	SaveFile(title, defaultName string, filters []Filter) (string, error)
	ChooseFolder(title, start string) (string, error)
}

// NativeDialogs are the operating system's dialogs, through Wails.
type NativeDialogs struct{ ctx func() context.Context }

func wailsFilters(fs []Filter) []runtime.FileFilter {
	out := make([]runtime.FileFilter, len(fs))
	for i, f := range fs {
		out[i] = runtime.FileFilter{DisplayName: f.Name, Pattern: f.Pattern}
	}
	return out
}

func (d NativeDialogs) OpenFiles(title string, filters []Filter) ([]string, error) {
	return runtime.OpenMultipleFilesDialog(d.ctx(), runtime.OpenDialogOptions{Title: title, Filters: wailsFilters(filters)})
}

func (d NativeDialogs) OpenFile(title string, filters []Filter) (string, error) {
	return runtime.OpenFileDialog(d.ctx(), runtime.OpenDialogOptions{Title: title, Filters: wailsFilters(filters)})
}

func (d NativeDialogs) SaveFile(title, defaultName string, filters []Filter) (string, error) {
	return runtime.SaveFileDialog(d.ctx(), runtime.SaveDialogOptions{Title: title, DefaultFilename: defaultName, Filters: wailsFilters(filters)})
}

func (d NativeDialogs) ChooseFolder(title, start string) (string, error) {
	return runtime.OpenDirectoryDialog(d.ctx(), runtime.OpenDialogOptions{Title: title, DefaultDirectory: start})
}

// ScriptedDialogs answer dialogs from files in Dir instead of asking a
// person, for end-to-end tests that drive the UI from a browser where native
// dialogs cannot be reached. A test writes the paths an open dialog should
// return, one per line, to Dir/open.txt before clicking; a save dialog
// returns Dir/<default name>; a folder dialog returns the path in
// Dir/folder.txt when there is one, else Dir.
type ScriptedDialogs struct{ Dir string }

func (d ScriptedDialogs) OpenFiles(string, []Filter) ([]string, error) {
	b, err := os.ReadFile(filepath.Join(d.Dir, "open.txt"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	os.Remove(filepath.Join(d.Dir, "open.txt"))
	var paths []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			paths = append(paths, l)
		}
	}
	return paths, nil
}

func (d ScriptedDialogs) OpenFile(title string, filters []Filter) (string, error) {
	paths, err := d.OpenFiles(title, filters)
	if err != nil || len(paths) == 0 {
		return "", err
	}
	return paths[0], nil
}

func (d ScriptedDialogs) SaveFile(_, defaultName string, _ []Filter) (string, error) {
	return filepath.Join(d.Dir, defaultName), nil
}

// ChooseFolder returns the folder named in Dir/folder.txt (read once, like
// open.txt), else Dir.
func (d ScriptedDialogs) ChooseFolder(string, string) (string, error) {
	b, err := os.ReadFile(filepath.Join(d.Dir, "folder.txt"))
	if errors.Is(err, os.ErrNotExist) {
		return d.Dir, nil
	}
	if err != nil {
		return "", err
	}
	os.Remove(filepath.Join(d.Dir, "folder.txt"))
	return strings.TrimSpace(string(b)), nil
}
