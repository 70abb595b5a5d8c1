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
