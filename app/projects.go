package app

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"themis/project"
	"themis/store"
)

// ProjectService creates, opens and closes projects and says who is coding.
type ProjectService struct{ s *Session }

// NewProjectService binds the project service to a session.
func NewProjectService(s *Session) *ProjectService { return &ProjectService{s} }

// Start is what the UI shows when it loads.
func (ps *ProjectService) Start() (StartState, error) {
	s := ps.s
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.launch
	s.launch.Error = ""
	info, err := s.infoLocked()
	if err != nil {
		return st, err
	}
	st.Project = info
	st.Recent = s.recent.load()
	if st.Recent == nil {
		st.Recent = []RecentProject{}
	}
	st.DefaultFolder = s.dirs.Projects
	return st, nil
}

// Create makes a new project called name in folder (the default projects
// folder when empty) starting from the built-in framework with id framework
// (see CodebookService.Builtins), or an empty codebook when framework is "",
// with lead as its lead coder, and opens it as that coder.
func (ps *ProjectService) Create(name, folder, lead, framework string) (*ProjectInfo, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, fmt.Errorf("%w: give the project a name", store.ErrInvalid)
	}
	if strings.ContainsAny(name, `/\:*?"<>|`) {
		return nil, fmt.Errorf("%w: a project name cannot contain / \\ : * ? \" < > |", store.ErrInvalid)
	}
	s := ps.s
	if folder == "" {
		folder = s.dirs.Projects
	}
	path := filepath.Join(folder, name+store.Extension)
	codebook := "" // a built-in keeps its own name
	if framework == "" {
		codebook = name + " codebook"
	}
	fw, _, err := project.NewFramework(framework, codebook)
	if err != nil {
		return nil, err
	}
	p, err := store.Create(path, fw, lead)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.adoptLocked(p)
	l, err := p.Lead()
	if err != nil {
		return nil, err
	}
	s.coder = l.ID
	s.updateTitleLocked()
	return s.infoLocked()
}

// ChooseFolder asks for the folder of a new project; "" when cancelled.
func (ps *ProjectService) ChooseFolder() (string, error) {
	return ps.s.dialogs.ChooseFolder("Where should the project be saved?", ps.s.dirs.Projects)
}

// Open opens a project file. The UI then asks who is coding.
func (ps *ProjectService) Open(path string) (*ProjectInfo, error) {
	s := ps.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.project != nil && s.project.Path() == path {
		return s.infoLocked()
	}
	if err := s.openLocked(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			s.recent.remove(path)
		}
		return nil, err
	}
	return s.infoLocked()
}

// ChooseAndOpen asks for a project file and opens it; nil when cancelled.
func (ps *ProjectService) ChooseAndOpen() (*ProjectInfo, error) {
	path, err := ps.s.dialogs.OpenFile("Open a Themis project", []Filter{{"Themis projects (*.themis)", "*.themis"}})
	if err != nil || path == "" {
		return nil, err
	}
	return ps.Open(path)
}

// OpenDemo opens the bundled demo study, creating it on first use.
func (ps *ProjectService) OpenDemo() (*ProjectInfo, error) {
	s := ps.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.openDemoLocked(); err != nil {
		return nil, err
	}
	return s.infoLocked()
}

// Close closes the project and returns to the start screen.
func (ps *ProjectService) Close() error {
	s := ps.s
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closeLocked()
	return nil
}

// Info describes the open project; nil when none is open.
func (ps *ProjectService) Info() (*ProjectInfo, error) {
	s := ps.s
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.infoLocked()
}

// SelectCoder says who is using the app; their name goes in the title bar.
func (ps *ProjectService) SelectCoder(id int64) (*ProjectInfo, error) {
	var info *ProjectInfo
	err := ps.s.withProject(func(p *store.Project) error {
		c, err := project.CoderToCodeAs(p, id)
		if err != nil {
			return err
		}
		ps.s.coder = c.ID
		ps.s.updateTitleLocked()
		info, err = ps.s.infoLocked()
		return err
	})
	return info, err
}

// AddCoder adds a person to the project and selects them.
func (ps *ProjectService) AddCoder(name string) (*ProjectInfo, error) {
	var id int64
	err := ps.s.withProject(func(p *store.Project) error {
		c, err := p.AddCoder(name, ps.s.coder)
		id = c.ID
		return err
	})
	if err != nil {
		return nil, err
	}
	return ps.SelectCoder(id)
}

// SetAdjudicator names the coder who may adjudicate besides the lead (0:
// nobody); only the lead may. Journalled.
func (ps *ProjectService) SetAdjudicator(coder int64) (*ProjectInfo, error) {
	var info *ProjectInfo
	err := ps.s.withProject(func(p *store.Project) error {
		if ps.s.coder == 0 {
			return errNoCoder
		}
		if err := p.SetAdjudicator(coder, ps.s.coder); err != nil {
			return err
		}
		var err error
		info, err = ps.s.infoLocked()
		return err
	})
	return info, err
}

// SetBlindMode turns blind mode on or off; only the lead may.
func (ps *ProjectService) SetBlindMode(on bool) (*ProjectInfo, error) {
	var info *ProjectInfo
	err := ps.s.withProject(func(p *store.Project) error {
		if ps.s.coder == 0 {
			return errNoCoder
		}
		if err := p.SetBlindMode(on, ps.s.coder); err != nil {
			return err
		}
		var err error
		info, err = ps.s.infoLocked()
		return err
	})
	return info, err
}
