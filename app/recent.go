package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// recentList is the list of recently opened projects, kept as JSON in the
// user's config folder — never in a project file.
type recentList struct{ file string }

const maxRecent = 12

func (r recentList) load() []RecentProject {
	b, err := os.ReadFile(r.file)
	if err != nil {
		return nil
	}
	var list []RecentProject
	if json.Unmarshal(b, &list) != nil {
		return nil
	}
	for i := range list {
		_, err := os.Stat(list[i].Path)
		list[i].Exists = err == nil
	}
	return list
}

func (r recentList) add(path string, now time.Time) error {
	list := []RecentProject{{Path: path, Name: projectName(path), OpenedAt: now.UTC().Format(time.RFC3339), Exists: true}}
	for _, p := range r.load() {
		if p.Path != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	return r.save(list)
}

func (r recentList) remove(path string) error {
	var list []RecentProject
	for _, p := range r.load() {
		if p.Path != path {
			list = append(list, p)
		}
	}
	return r.save(list)
}

func (r recentList) save(list []RecentProject) error {
	if list == nil {
		list = []RecentProject{}
	}
	b, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(r.file), 0o755); err != nil {
		return err
	}
	tmp := r.file + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, r.file)
}

// projectName is the file name without ".themis".
func projectName(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

// Dirs are where the app keeps its own files.
type Dirs struct {
	Config   string // recent projects list
	Projects string // default folder for new projects and the demo
}

// DefaultDirs uses THEMIS_DATA_DIR when set (tests, portable installs), else
// the user's config folder and ~/Documents/Themis.
func DefaultDirs() (Dirs, error) {
	if d := os.Getenv("THEMIS_DATA_DIR"); d != "" {
		return Dirs{Config: filepath.Join(d, "config"), Projects: filepath.Join(d, "projects")}, nil
	}
	cfg, err := os.UserConfigDir()
	if err != nil {
		return Dirs{}, err
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return Dirs{}, err
	}
	docs := filepath.Join(home, "Documents")
	if st, err := os.Stat(docs); err != nil || !st.IsDir() {
		docs = home
	}
	return Dirs{Config: filepath.Join(cfg, "themis"), Projects: filepath.Join(docs, "Themis")}, nil
}
