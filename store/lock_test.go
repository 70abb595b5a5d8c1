//go:build unix

package store

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"themis/frameworks"
)

// The lock file must not shut other users of a shared folder out: it is made
// with the umask's permissions (and at least the project file's read and
// write bits), and it goes when the project closes.
func TestLockFileIsSharedAndRemovedOnClose(t *testing.T) {
	fw := frameworks.Keyes()
	tests := []struct {
		name        string
		umask       int
		projectMode os.FileMode
		want        os.FileMode
	}{
		{"umask 022", 0o022, 0, 0o644},
		{"umask 002", 0o002, 0, 0o664},
		{"umask 077, project shared with its group", 0o077, 0o640, 0o640},
		{"umask 022, project writable by its group", 0o022, 0o664, 0o664},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := syscall.Umask(tt.umask)
			defer syscall.Umask(old)
			path := filepath.Join(t.TempDir(), "study.themis")
			p, err := Create(path, fw, "Aisha")
			if err != nil {
				t.Fatal(err)
			}
			p.Close()
			if tt.projectMode != 0 {
				if err := os.Chmod(path, tt.projectMode); err != nil {
					t.Fatal(err)
				}
			}
			p, err = Open(path)
			if err != nil {
				t.Fatal(err)
			}
			st, err := os.Stat(path + ".lock")
			if err != nil {
				t.Fatalf("no lock file while the project is open: %v", err)
			}
			if got := st.Mode().Perm(); got != tt.want {
				t.Errorf("lock file mode %o, want %o", got, tt.want)
			}
			if _, err := Open(path); !errors.Is(err, ErrLocked) {
				t.Errorf("second writer: %v, want ErrLocked", err)
			}
			p.Close()
			if _, err := os.Stat(path + ".lock"); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("lock file left after Close: %v", err)
			}
		})
	}
}

// A lock file left by a process that is gone (killed, or an older Themis that
// kept it) holds no lock, and is reused.
func TestStaleLockFileIsReused(t *testing.T) {
	fw := frameworks.Keyes()
	path := filepath.Join(t.TempDir(), "study.themis")
	p, err := Create(path, fw, "Aisha")
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	if err := os.WriteFile(path+".lock", nil, 0o600); err != nil {
		t.Fatal(err)
	}
	p, err = Open(path)
	if err != nil {
		t.Fatalf("Open beside a stale lock file: %v", err)
	}
	p.Close()
	if _, err := os.Stat(path + ".lock"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file left after Close: %v", err)
	}
}
