package store

import "sync"

// derived holds values computed from the project's rows, each kept until
// the project next changes, so that a view which reads the whole project
// (the theme summaries repaint on every filter change) reads it once per
// change. It belongs to the open Project, so what it keeps goes when the
// project is closed, and two open projects never see each other's values.
type derived struct {
	mu     sync.Mutex
	values map[string]derivedValue
}

type derivedValue struct {
	generation uint64
	value      any
}

// Derived returns the value build makes from the project, made again only
// when the project has changed since (see Generation). A project opened
// read-only is written by another process, which Generation cannot see, so
// its values are never kept. Calls with the same key wait for each other,
// so the value is built once however many views ask at the same time.
func (p *Project) Derived(key string, build func() (any, error)) (any, error) {
	if p.readOnly {
		return build()
	}
	gen := p.Generation() // before building: a change while it builds makes the next call build again
	p.derived.mu.Lock()
	defer p.derived.mu.Unlock()
	if d, ok := p.derived.values[key]; ok && d.generation == gen {
		return d.value, nil
	}
	v, err := build()
	if err != nil {
		return nil, err
	}
	if p.derived.values == nil {
		p.derived.values = map[string]derivedValue{}
	}
	p.derived.values[key] = derivedValue{generation: gen, value: v}
	return v, nil
}

// ForgetDerived drops every value Derived keeps (Close does, and the
// benchmarks of a first read).
func (p *Project) ForgetDerived() {
	p.derived.mu.Lock()
	p.derived.values = nil
	p.derived.mu.Unlock()
}
