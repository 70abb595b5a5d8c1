package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gofrs/flock"
	_ "modernc.org/sqlite" // registers the "sqlite" driver (pure Go)

	"themis/frameworks"
)

// Project is an open project file.
type Project struct {
	db       *sql.DB
	path     string
	lock     *flock.Flock
	readOnly bool
	now      func() time.Time
	// wipePending: identifiers were replaced and the file not yet wiped
	// (another process was reading it); Close wipes it.
	wipePending bool
	// generation counts the write transactions ended; see Generation.
	generation atomic.Uint64
	// derived keeps values computed from the rows until the next write.
	derived derived
}

// Generation changes whenever a write transaction of this Project ends
// (committed or not), so a reader that takes it before reading and finds
// it unchanged later knows that nothing it read has changed since. Every
// write goes through one transaction (tx), and the file's lock keeps other
// processes from writing while it is open.
func (p *Project) Generation() uint64 { return p.generation.Load() }

// Extension is the file extension of project files.
const Extension = ".themis"

// Create makes a new project file at path with the given framework and lead
// coder, and opens it for writing. New projects start in blind mode.
func Create(path string, fw frameworks.Framework, lead string) (*Project, error) {
	if err := fw.Validate(); err != nil {
		return nil, fmt.Errorf("create %s: framework: %w", path, err)
	}
	lead = strings.TrimSpace(lead)
	if lead == "" {
		return nil, fmt.Errorf("create %s: %w: the project lead needs a name", path, ErrInvalid)
	}
	if err := CheckName("the project lead's", lead); err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	if _, err := os.Stat(path); err == nil {
		return nil, fmt.Errorf("create %s: %w", path, ErrExists)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	p, err := open(path, false, true)
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	err = p.tx(ctx, func(tx *sql.Tx) error {
		now := p.stamp()
		res, err := tx.Exec(`INSERT INTO coders(name, created_at) VALUES(?, ?)`, lead, now)
		if err != nil {
			return err
		}
		leadID, _ := res.LastInsertId()
		for k, v := range map[string]string{
			settingBlind:   "1",
			settingLead:    strconv.FormatInt(leadID, 10),
			settingCreated: now,
		} {
			if _, err := tx.Exec(`INSERT INTO settings(key, value) VALUES(?, ?)`, k, v); err != nil {
				return err
			}
		}
		fwID, err := addFramework(p, tx, fw, "", leadID)
		if err != nil {
			return err
		}
		if err := setActive(tx, fwID); err != nil {
			return err
		}
		return journal(tx, now, leadID, "project.create", map[string]any{"framework": fw.Name, "lead": lead})
	})
	if err != nil {
		p.Close()
		os.Remove(path)
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	return p, nil
}

// Open opens an existing project for reading and writing, migrating its
// schema forward if it is older than this build's. It fails with ErrLocked
// when another process has the project open.
func Open(path string) (*Project, error) { return openExisting(path, false) }

// OpenReadOnly opens an existing project without taking the write lock; every
// write fails with ErrReadOnly. It is for reports and CLI queries that may run
// while the desktop app has the project open.
func OpenReadOnly(path string) (*Project, error) { return openExisting(path, true) }

func openExisting(path string, readOnly bool) (*Project, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("open %s: is a folder, not a project file", path)
	}
	if st.Size() == 0 {
		return nil, fmt.Errorf("%s is %w: the file is empty", path, ErrNotProject)
	}
	if err := checkSQLiteHeader(path); err != nil {
		return nil, fmt.Errorf("%s is %w", path, err)
	}
	return open(path, readOnly, false)
}

// sqliteMagic opens every SQLite 3 database file.
const sqliteMagic = "SQLite format 3\x00"

func checkSQLiteHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil || string(head) != sqliteMagic {
		return fmt.Errorf("%w: not a SQLite database", ErrNotProject)
	}
	return nil
}

// checkThemisTables refuses a SQLite database that Themis did not make. Every
// project has a schema version (PRAGMA user_version) and the tables of
// schema 1 from its first transaction on; migrating anything else would write
// Themis' tables into someone else's database, so it is left alone.
func checkThemisTables(ctx context.Context, db *sql.DB) error {
	var v, tables int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table'
		AND name IN ('settings', 'coders', 'frameworks', 'codes', 'documents', 'turns', 'segments')`).Scan(&tables)
	if err != nil {
		return err
	}
	if v == 0 || tables != 7 {
		return fmt.Errorf("%w: a SQLite database without Themis' tables", ErrNotProject)
	}
	return nil
}

// open opens the database at path; create says the file is being made now, so
// an empty database is expected rather than refused.
func open(path string, readOnly, create bool) (*Project, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	p := &Project{path: abs, readOnly: readOnly, now: time.Now}
	if !readOnly {
		var mode fs.FileMode
		if st, err := os.Stat(abs); err == nil {
			mode = st.Mode()
		}
		p.lock, err = lockProject(abs+".lock", mode)
		if errors.Is(err, ErrLocked) {
			return nil, fmt.Errorf("open %s: %w", path, ErrLocked)
		}
		if err != nil {
			return nil, fmt.Errorf("open %s: lock: %w", path, err)
		}
	}
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(5000)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		// journal_mode(WAL) is set below, once the file is known to be a
		// project: it rewrites the header of whatever database it is given.
		// FULL: a commit is on disk before the UI shows it, even across power loss.
		q.Add("_pragma", "synchronous(FULL)")
		// What is deleted or overwritten is zeroed, not left in free space,
		// and VACUUM (Wipe) builds its copy in memory rather than in a
		// temporary file: a replaced identifier must not outlive its
		// replacement anywhere on disk.
		q.Add("_pragma", "secure_delete(1)")
		q.Add("_pragma", "temp_store(2)")
	}
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: abs}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		p.unlock()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// One connection: SQLite serialises writers anyway, and a single
	// connection keeps every transaction free of SQLITE_BUSY within the process.
	db.SetMaxOpenConns(1)
	p.db = db
	ctx := context.Background()
	if err := db.PingContext(ctx); err != nil {
		p.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if !create {
		if err := checkThemisTables(ctx, db); err != nil {
			p.Close()
			if errors.Is(err, ErrNotProject) {
				return nil, fmt.Errorf("%s is %w", path, err)
			}
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
	}
	if !readOnly {
		if _, err := db.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
			p.Close()
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		if err := migrate(ctx, db, SchemaVersion); err != nil {
			p.Close()
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
	} else {
		var v int
		if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
			p.Close()
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		if v != SchemaVersion {
			p.Close()
			if v > SchemaVersion {
				return nil, fmt.Errorf("open %s: %w", path, ErrNewerSchema)
			}
			return nil, fmt.Errorf("open %s: the project uses an older format; open it once for writing to upgrade it", path)
		}
	}
	return p, nil
}

// Path is the absolute path of the project file.
func (p *Project) Path() string { return p.path }

// ReadOnly reports whether the project was opened with OpenReadOnly.
func (p *Project) ReadOnly() bool { return p.readOnly }

// Close checkpoints the WAL into the main file and releases the lock. A
// wipe that a replacement could not finish (see Wipe) is done first.
func (p *Project) Close() error {
	var err error
	if p.db != nil {
		if !p.readOnly {
			if p.wipePending {
				p.Wipe()
			}
			p.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		}
		err = p.db.Close()
		p.db = nil
	}
	p.unlock()
	p.ForgetDerived()
	return err
}

func (p *Project) unlock() {
	if p.lock != nil {
		unlockProject(p.lock)
		p.lock = nil
	}
}

func (p *Project) stamp() string { return p.now().UTC().Format(time.RFC3339Nano) }

// tx runs fn in one transaction; a write on a read-only project fails first.
func (p *Project) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	if p.readOnly {
		return ErrReadOnly
	}
	tx, err := p.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	// Deferred first so that it runs last: after the commit or rollback.
	defer p.generation.Add(1)
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}
