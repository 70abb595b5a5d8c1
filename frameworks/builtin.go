package frameworks

import (
	"embed"
	"fmt"
	"strings"
)

//go:embed builtin/*.yaml
var builtinFiles embed.FS

// Builtin describes a framework that ships with Themis.
type Builtin struct {
	ID          string // the file name without .yaml: "keyes", "themes", "outcomes-star"
	Name        string
	Description string
}

// builtinIDs lists the built-in frameworks in the order they are offered.
var builtinIDs = []string{"keyes", "themes", "outcomes-star"}

// Builtins lists the frameworks that ship with Themis, in the order they
// should be offered.
func Builtins() []Builtin {
	out := make([]Builtin, 0, len(builtinIDs))
	for _, id := range builtinIDs {
		f := mustBuiltin(id)
		out = append(out, Builtin{ID: id, Name: f.Name, Description: f.Description})
	}
	return out
}

// BuiltinFramework returns the built-in framework with the given id. Each
// call returns a fresh copy, so callers may change it freely.
func BuiltinFramework(id string) (Framework, error) {
	for _, known := range builtinIDs {
		if id == known {
			return parseBuiltin(id)
		}
	}
	return Framework{}, fmt.Errorf("no built-in framework %q; the built-in frameworks are %s", id, strings.Join(builtinIDs, ", "))
}

func parseBuiltin(id string) (Framework, error) {
	name := "builtin/" + id + ".yaml"
	data, err := builtinFiles.ReadFile(name)
	if err != nil {
		return Framework{}, err
	}
	return ParseYAML(name, data)
}

// mustBuiltin is for the built-ins, which a test checks parse.
func mustBuiltin(id string) Framework {
	f, err := parseBuiltin(id)
	if err != nil {
		panic("frameworks: broken built-in framework: " + err.Error())
	}
	return f
}

// Keyes returns Keyes' model of mental health as flourishing: three factors
// (emotional, psychological and social well-being), which are not codable,
// and thirteen codable dimensions, with definitions, inclusion and exclusion
// criteria and anchor examples written for Themis as coding guidance.
//
// Keys follow the dimension numbers, 1-9 then 0, then q, w, e for the last
// three social dimensions, so a coder can reach all thirteen from the left
// hand. It panics only if the embedded file is broken, which a test guards.
func Keyes() Framework {
	return mustBuiltin("keyes")
}
