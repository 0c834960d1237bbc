package store

import (
	"encoding/json"
	"log/slog"
	"os"
)

type Settings struct {
	Theme string `json:"theme"`
}

func Load(path string) Settings {
	var s Settings
	data, err := os.ReadFile(path)
	// ruleid: go.swallowed-error
	if err != nil {
	}
	// ruleid: go.swallowed-error
	if jsonErr := json.Unmarshal(data, &s); jsonErr != nil {}
	return s
}

func LoadLoudly(path string) (Settings, error) {
	var s Settings
	data, err := os.ReadFile(path)
	// ok: go.swallowed-error
	if err != nil {
		return s, err
	}
	// ok: go.swallowed-error
	if err := json.Unmarshal(data, &s); err != nil {
		slog.Warn("settings unreadable, using defaults", "path", path, "err", err)
	}
	// ok: go.swallowed-error
	if err := os.Remove(path + ".bak"); err != nil {
		// a missing backup is the normal case
	}
	return s, nil
}
