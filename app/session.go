package app

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"themis/project"
	"themis/store"
)

// Session is the open project and the coder using it, shared by the bound
// services. Every method that touches the project holds the lock, so calls
// from the UI never interleave.
type Session struct {
	mu      sync.Mutex
	ctx     context.Context
	project *store.Project
	coder   int64
	dialogs Dialogs
	dirs    Dirs
	recent  recentList
	launch  StartState
	// history is the open project's coding undo, which keeps itself true
	// (project.History); a project opened gets a new one.
	history project.History
	// onClose are told when the project closes, each in its own goroutine
	// (they may need locks of their own that are taken before the session's).
	onClose []func()
	// onRewrite are told, without the session's lock, before text is
	// rewritten so that no trace of the old may stay (a replacement of
	// identifiers): caches of the text let go of their files.
	onRewrite []func()
}

// OnRewrite registers fn to run before the project's text is rewritten
// beyond recovery (see PrivacyService.Replace).
func (s *Session) OnRewrite(fn func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onRewrite = append(s.onRewrite, fn)
}

func (s *Session) beforeRewrite() {
	s.mu.Lock()
	fns := append([]func(){}, s.onRewrite...)
	s.mu.Unlock()
	for _, fn := range fns {
		fn()
	}
}

// OnClose registers fn to run when the open project closes.
func (s *Session) OnClose(fn func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onClose = append(s.onClose, fn)
}

// NewSession makes a session; dialogs nil means native dialogs.
func NewSession(dirs Dirs, dialogs Dialogs) *Session {
	s := &Session{dirs: dirs, recent: recentList{file: filepath.Join(dirs.Config, "recent.json")}}
	if dialogs == nil {
		dialogs = NativeDialogs{ctx: func() context.Context { return s.ctx }}
	}
	s.dialogs = dialogs
	return s
}

// Startup receives the Wails context (OnStartup).
func (s *Session) Startup(ctx context.Context) { s.ctx = ctx }

// Shutdown closes the project so its WAL is checkpointed (OnShutdown).
func (s *Session) Shutdown(context.Context) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closeLocked()
}

// OpenAtLaunch opens a project named on the command line, or the demo
// (created on first use in the projects folder) when demo is true. A failure
// is kept for the start screen to show rather than stopping the app.
func (s *Session) OpenAtLaunch(path string, demo bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var err error
	switch {
	case demo:
		err = s.openDemoLocked()
	case path != "":
		err = s.openLocked(path)
	}
	if err != nil {
		s.launch.Error = err.Error()
	}
}

func (s *Session) openLocked(path string) error {
	p, err := store.Open(path)
	if err != nil {
		return err
	}
	s.closeLocked()
	s.project = p
	s.recent.add(p.Path(), time.Now())
	s.updateTitleLocked()
	return nil
}

func (s *Session) adoptLocked(p *store.Project) {
	s.closeLocked()
	s.project = p
	s.recent.add(p.Path(), time.Now())
	s.updateTitleLocked()
}

// DemoPath is where the demo project lives.
func (s *Session) DemoPath() string {
	return filepath.Join(s.dirs.Projects, "Demo study"+store.Extension)
}

func (s *Session) openDemoLocked() error {
	path := s.DemoPath()
	if err := s.openLocked(path); err == nil {
		return nil
	}
	p, err := project.CreateDemo(path)
	if err != nil {
		return err
	}
	s.adoptLocked(p)
	return nil
}

func (s *Session) closeLocked() {
	if s.project != nil {
		s.project.Close()
		s.project = nil
		for _, fn := range s.onClose {
			go fn()
		}
	}
	s.coder = 0
	s.history = project.History{}
	s.updateTitleLocked()
}

// withProject runs fn with the open project, or fails with errNoProject.
func (s *Session) withProject(fn func(p *store.Project) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.project == nil {
		return errNoProject
	}
	return fn(s.project)
}

// withViewer runs fn with the project and the current coder's view of it.
func (s *Session) withViewer(fn func(p *store.Project, v project.Viewer) error) error {
	return s.withProject(func(p *store.Project) error {
		if s.coder == 0 {
			return errNoCoder
		}
		v, err := project.ViewerFor(p, s.coder)
		if err != nil {
			return err
		}
		return fn(p, v)
	})
}

func (s *Session) infoLocked() (*ProjectInfo, error) {
	p := s.project
	if p == nil {
		return nil, nil
	}
	coders, err := p.Coders()
	if err != nil {
		return nil, err
	}
	lead, err := p.Lead()
	if err != nil {
		return nil, err
	}
	blind, err := p.BlindMode()
	if err != nil {
		return nil, err
	}
	fw, err := p.Framework()
	if err != nil {
		return nil, err
	}
	docs, err := p.Documents()
	if err != nil {
		return nil, err
	}
	info := &ProjectInfo{Path: p.Path(), Name: projectName(p.Path()), Framework: fw.Name, Lead: coderDTO(lead),
		BlindMode: blind, Documents: len(docs)}
	for _, c := range coders {
		info.Coders = append(info.Coders, coderDTO(c))
		if c.ID == s.coder {
			current := coderDTO(c)
			info.Current = &current
		}
	}
	if info.Current != nil {
		v, err := project.ViewerFor(p, s.coder)
		if err != nil {
			return nil, err
		}
		info.CanCompare = v.CanCompare()
		info.CanReview = v.CanReview()
	}
	if adj, ok, err := p.Adjudicator(); err != nil {
		return nil, err
	} else if ok {
		a := coderDTO(adj)
		info.Adjudicator = &a
	}
	return info, nil
}

// updateTitleLocked shows the project and the coder in the window's title bar.
func (s *Session) updateTitleLocked() {
	if s.ctx == nil {
		return
	}
	runtime.WindowSetTitle(s.ctx, s.titleLocked())
}

func (s *Session) titleLocked() string {
	if s.project == nil {
		return "Themis"
	}
	title := projectName(s.project.Path())
	if s.coder != 0 {
		if c, err := s.project.Coder(s.coder); err == nil {
			title = fmt.Sprintf("%s — coding as %s", title, c.Name)
		}
	}
	return title + " — Themis"
}

// emit sends an event to the UI; without a Wails context (tests) it does nothing,
// because runtime.EventsEmit exits the process when it has no context.
func (s *Session) emit(name string, data any) {
	if s.ctx != nil {
		runtime.EventsEmit(s.ctx, name, data)
	}
}
