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
// project file's read bits: locking needs only to open it for reading, and a
// lock file another user of a shared folder cannot open would keep them out
// of the project for good.
//
// unlockProject removes the file. A process that opened it just before the
// removal may then win the flock on the removed file, so a lock counts only
// when the file locked is still the one at path; otherwise the lock is taken
// again on the file now there.
func lockProject(path string, projectMode fs.FileMode) (*flock.Flock, error) {
	for range 10 {
		l := flock.New(path, flock.SetPermissions(0o666))
		ok, err := l.TryLock()
		if err != nil || !ok {
			l.Close()
		}
		if err != nil {
			if errors.Is(err, fs.ErrPermission) {
				return nil, fmt.Errorf("%w: %s cannot be opened; if nobody has the project open, delete that file", err, path)
			}
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
			share(path, held.Mode(), projectMode)
			return l, nil
		}
		l.Close()
	}
	return nil, fmt.Errorf("%s keeps being replaced", path)
}

// share adds the project file's read bits to the lock file's, when this
// process may change them (it made the file, or is its owner).
func share(path string, lockMode, projectMode fs.FileMode) {
	want := lockMode.Perm() | projectMode.Perm()&0o444
	if want != lockMode.Perm() {
		os.Chmod(path, want)
	}
}

// unlockProject removes the lock file while still holding the lock, then
// releases it.
func unlockProject(l *flock.Flock) {
	os.Remove(l.Path())
	l.Close()
}
