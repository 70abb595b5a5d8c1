package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/gofrs/flock"
)

// lockProject takes the write lock of the project at path: an flock on
// path.lock. The kernel drops an flock when its holder exits, however it
// exits, so a lock file left behind by a killed process (or by an older
// Themis, which kept it) holds nothing and is simply locked again.
//
// The file is created with the umask's permissions and given at least the
// project file's read and write bits: whoever may open the project must be
// able to open the lock file (for reading; for writing where flock is
// emulated with fcntl, as on NFS), or a lock file left by one user of a
// shared folder would keep the others out of the project for good.
//
// unlockProject removes the file. A process that opened it just before the
// removal may then win the flock on the removed file, so a lock counts only
// when the file locked is still the one at path; otherwise the lock is taken
// again on the file now there.
func lockProject(path string, projectMode fs.FileMode) (*flock.Flock, error) {
	for range 10 {
		perm, err := lockFile(path, projectMode)
		if err != nil {
			if errors.Is(err, fs.ErrPermission) {
				return nil, fmt.Errorf("%w: %s cannot be opened; if nobody has the project open, delete that file", err, path)
			}
			return nil, err
		}
		// The flock library reopens the file for writing where flock needs it
		// (NFS) only when its mode has all of perm, so perm is the file's own.
		l := flock.New(path, flock.SetPermissions(perm))
		ok, err := l.TryLock()
		if err != nil || !ok {
			l.Close()
		}
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, ErrLocked
		}
		held, err := l.Stat()
		if err != nil {
			l.Close()
			return nil, err
		}
		if now, err := os.Stat(path); err == nil && os.SameFile(held, now) {
			return l, nil
		}
		l.Close()
	}
	return nil, fmt.Errorf("%s keeps being replaced", path)
}

// lockFile makes sure the lock file exists — made with the umask's
// permissions, and given the project file's read and write bits when this
// process may change them (it made the file, or owns it) — and returns its
// permissions.
func lockFile(path string, projectMode fs.FileMode) (fs.FileMode, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDONLY, 0o666)
	if err != nil {
		return 0, err
	}
	st, err := f.Stat()
	f.Close()
	if err != nil {
		return 0, err
	}
	perm := st.Mode().Perm()
	if want := perm | projectMode.Perm()&0o666; want != perm {
		if os.Chmod(path, want) == nil {
			perm = want
		}
	}
	return perm, nil
}

// unlockProject removes the lock file while still holding the lock, then
// releases it.
func unlockProject(l *flock.Flock) {
	os.Remove(l.Path())
	l.Close()
}
