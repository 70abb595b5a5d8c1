package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

const (
	settingBlind   = "blind_mode"
	settingLead    = "lead_coder"
	settingCreated = "created_at"
	// settingAdjudicator is the coder the lead names to adjudicate pairs the
	// lead cannot (their own coding among them); absent or "" when none.
	settingAdjudicator = "adjudicator"
)

func (p *Project) setting(key string) (string, error) {
	var v string
	err := p.db.QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// BlindMode reports whether coders see only their own segments.
func (p *Project) BlindMode() (bool, error) {
	v, err := p.setting(settingBlind)
	return v == "1", err
}

// Lead is the coder who may change project settings such as blind mode.
func (p *Project) Lead() (Coder, error) {
	v, err := p.setting(settingLead)
	if err != nil {
		return Coder{}, err
	}
	id, _ := strconv.ParseInt(v, 10, 64)
	return p.Coder(id)
}

// SetBlindMode turns blind mode on or off. Only the project lead may do it.
func (p *Project) SetBlindMode(on bool, actor int64) error {
	lead, err := p.Lead()
	if err != nil {
		return err
	}
	if actor != lead.ID {
		return fmt.Errorf("%w: only the project lead (%s) can change blind mode", ErrInvalid, lead.Name)
	}
	v := "0"
	if on {
		v = "1"
	}
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO settings(key, value) VALUES(?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, settingBlind, v); err != nil {
			return err
		}
		return journal(tx, p.stamp(), actor, "settings.blind", map[string]any{"on": on})
	})
}

// Adjudicator is the coder the lead named to adjudicate (ok false when
// nobody is named).
func (p *Project) Adjudicator() (c Coder, ok bool, err error) {
	v, err := p.setting(settingAdjudicator)
	if err != nil || v == "" {
		return Coder{}, false, err
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return Coder{}, false, fmt.Errorf("adjudicator setting %q: %w", v, err)
	}
	c, err = p.Coder(id)
	if errors.Is(err, ErrNotFound) {
		return Coder{}, false, nil // the named coder was removed: nobody is named
	}
	return c, err == nil, err
}

// SetAdjudicator names the coder who may adjudicate besides the lead (0:
// nobody). Only the lead may, and a consensus layer cannot adjudicate.
// The change is journalled, as blind mode's is.
func (p *Project) SetAdjudicator(coder int64, actor int64) error {
	lead, err := p.Lead()
	if err != nil {
		return err
	}
	if actor != lead.ID {
		return fmt.Errorf("%w: only the project lead (%s) can name the adjudicator", ErrInvalid, lead.Name)
	}
	var name string
	if coder != 0 {
		c, err := p.Coder(coder)
		if err != nil {
			return err
		}
		if c.Kind != KindCoder {
			return fmt.Errorf("%w: %s is a consensus layer and cannot adjudicate", ErrInvalid, c.Name)
		}
		name = c.Name
	}
	return p.tx(context.Background(), func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO settings(key, value) VALUES(?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, settingAdjudicator, idOrEmpty(coder)); err != nil {
			return err
		}
		return journal(tx, p.stamp(), actor, "settings.adjudicator", map[string]any{"coder": coder, "name": name})
	})
}

func idOrEmpty(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}
