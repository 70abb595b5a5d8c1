package coding

// Counts is a 2×2 agreement table over units for one code and two coders:
// Both = both coders applied the code to the unit, OnlyA = only coder A did,
// OnlyB = only coder B did, Neither = neither did.
type Counts struct{ Both, OnlyA, OnlyB, Neither int64 }

// Units returns the number of units in the table, N.
func (c Counts) Units() int64 { return c.Both + c.OnlyA + c.OnlyB + c.Neither }

// Add returns the cell-by-cell sum of c and o.
func (c Counts) Add(o Counts) Counts {
	return Counts{c.Both + o.Both, c.OnlyA + o.OnlyA, c.OnlyB + o.OnlyB, c.Neither + o.Neither}
}

// YesA returns the number of units coder A applied the code to (Both+OnlyA).
func (c Counts) YesA() int64 { return c.Both + c.OnlyA }

// YesB returns the number of units coder B applied the code to (Both+OnlyB).
func (c Counts) YesB() int64 { return c.Both + c.OnlyB }

// Status says whether a row's kappa is a number, and if not, why.
type Status string

const (
	// Defined: kappa is a number.
	Defined Status = "defined"
	// NoVariation: expected agreement is 1 (neither coder used the code, or
	// both coded every unit), or there are no units; kappa is undefined.
	NoVariation Status = "no-variation"
	// OnlyOneCoder: exactly one coder used the code; the formula gives
	// kappa = 0, which is reported but flagged.
	OnlyOneCoder Status = "only-one-coder"
)

// Result is one row of an agreement report: one code, or one pooled group of
// codes (a factor, or all codes).
type Result struct {
	Label string // code name, factor name, or "All codes"
	Code  int64  // 0 for pooled rows
	// Document is set on the rows of [Report.PerDocument]: the document's ID.
	Document int64
	Factor   int64  // the code's factor for code rows; the factor for factor rows; 0 for the overall row
	Counts   Counts // for pooled rows, the sum of the per-code tables
	// Agreement is the observed agreement (Both+Neither)/Units, in [0, 1];
	// 0 when there are no units.
	Agreement float64
	// Expected is the agreement expected by chance, p_e (for pooled rows the
	// mean of the per-code p_e, as the pooled kappa uses it); 0 when there
	// are no units.
	Expected float64
	Kappa    *float64 // nil when undefined
	// Coefficients are Scott's π, Krippendorff's α, Gwet's AC1 and
	// Brennan–Prediger's κ of the same table (see [Coefficients]).
	Coefficients
	// CI holds 95 % intervals when the report was bootstrapped ([Report.Bootstrap]).
	CI     Intervals
	Status Status
	// Note explains an undefined or flagged row in plain words for the UI;
	// "" for ordinary rows.
	Note string
}

// rowKind distinguishes the wording of notes for code rows and pooled rows.
type rowKind int

const (
	codeRow rowKind = iota
	pooledRow
)

// newResult fills in agreement, kappa, status and note for a row whose
// per-code tables are given (one table for a code row; the child codes'
// tables for a pooled row). unit is the unit of analysis in the singular
// ("character"), nameA and nameB the coders' display names.
func newResult(label string, code, factor int64, tables []Counts, kind rowKind, unit, nameA, nameB string) Result {
	var sum Counts
	for _, t := range tables {
		sum = sum.Add(t)
	}
	r := Result{Label: label, Code: code, Factor: factor, Counts: sum}
	if unit == UnitSegment {
		return segmentResult(r, tables, kind)
	}
	n := sum.Units()
	if n == 0 {
		r.Status, r.Note = NoVariation, "no units"
		return r
	}
	r.Agreement = ObservedAgreement(sum)

	var k float64
	var ok bool
	if kind == codeRow {
		r.Expected = ExpectedAgreement(sum)
		k, ok = Kappa(sum)
		r.Coefficients = coefficients(sum)
	} else {
		r.Expected = pooledExpected(tables)
		k, ok = PooledKappa(tables)
		r.Coefficients = pooledCoefficients(tables)
	}

	usedA, usedB := sum.YesA() > 0, sum.YesB() > 0
	what, it := "this code", "it"
	if kind == pooledRow {
		what, it = "any of these codes", "these codes"
	}
	switch {
	case !usedA && !usedB:
		r.Status, r.Note = NoVariation, "undefined: no variation (neither coder used "+what+")"
	case !ok && sum.YesA() == n && sum.YesB() == n:
		r.Status, r.Note = NoVariation, "undefined: no variation (both coders coded every "+unit+")"
	case !ok:
		// Only reachable for pooled rows: every code on its own is unused by
		// both coders or applied by both to every unit.
		r.Status, r.Note = NoVariation, "undefined: no variation (each code was either used by neither coder or applied by both to every "+unit+")"
	case usedA != usedB:
		who := coderLabel("A", nameA)
		if usedB {
			who = coderLabel("B", nameB)
		}
		r.Status, r.Note = OnlyOneCoder, "κ = 0: only "+who+" used "+it
		r.Kappa = &k
	default:
		r.Status = Defined
		r.Kappa = &k
	}
	return r
}

// coderLabel names a coder by role and, when known, by name: "coder B (Ben)".
// The role ties the note to the table's columns; the name to the person.
func coderLabel(role, name string) string {
	if name == "" {
		return "coder " + role
	}
	return "coder " + role + " (" + name + ")"
}
