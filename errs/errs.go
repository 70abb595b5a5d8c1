package errs

import "fmt"

// Kind is the sort of failure. The zero Kind, Other, is anything the
// vocabulary has no word for (a disk error, a bug).
type Kind uint8

const (
	Other        Kind = iota // not classified
	Invalid                  // the input breaks a rule: a blank name, a bad query, an unreadable file
	NotFound                 // the thing asked for does not exist
	Conflict                 // the request clashes with what is there (a file exists, the data changed meanwhile)
	Forbidden                // the asker may not do this now (blind mode, a project opened read-only)
	TooLarge                 // the input is over a size limit
	Locked                   // another window or process holds the project
	Unsupported              // a format or version Themis cannot read (e.g. a project saved by a newer Themis)
	Precondition             // something must happen first (open a project, choose a coder, start adjudication)
)

var names = [...]string{
	Other:        "error",
	Invalid:      "invalid",
	NotFound:     "not_found",
	Conflict:     "conflict",
	Forbidden:    "forbidden",
	TooLarge:     "too_large",
	Locked:       "locked",
	Unsupported:  "unsupported",
	Precondition: "precondition",
}

// String is the kind's wire name, as the UI receives it ("not_found").
func (k Kind) String() string {
	if int(k) < len(names) {
		return names[k]
	}
	return names[Other]
}

// Error makes a Kind an error, so that errors.Is(err, errs.NotFound) works.
func (k Kind) Error() string { return k.String() }

// Kinds lists every kind, Other first, for tests and for the UI's own list.
func Kinds() []Kind {
	out := make([]Kind, len(names))
	for i := range names {
		out[i] = Kind(i)
	}
	return out
}

// Error is an error of a kind, raised by an operation.
type Error struct {
	Kind Kind
	// Op is what was being done ("open project", "query"); it may be empty.
	Op string
	// Err is the error underneath; it may be nil when Msg says all.
	Err error
	// Msg, when set, is the message in place of Err's: a sentinel's text, or
	// a sentence for people over a technical cause kept for errors.As.
	Msg string
}

// E returns err as an error of kind k raised by op; a nil err stays nil.
func E(k Kind, op string, err error) error {
	if err == nil {
		return nil
	}
	return &Error{Kind: k, Op: op, Err: err}
}

// Errorf returns an error of kind k whose message is fmt.Sprintf(format,
// args...); %w wraps as fmt.Errorf does.
func Errorf(k Kind, format string, args ...any) error {
	return &Error{Kind: k, Err: fmt.Errorf(format, args...)}
}

// New returns a sentinel error of kind k with message msg. Each call makes a
// distinct error, which errors.Is finds by identity and also by its kind.
func New(k Kind, msg string) error { return &Error{Kind: k, Msg: msg} }

func (e *Error) Error() string {
	msg := e.Msg
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	}
	if msg == "" {
		msg = e.Kind.String()
	}
	if e.Op != "" {
		return e.Op + ": " + msg
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Is matches the error's kind, so errors.Is(err, errs.Invalid) holds for an
// Error of kind Invalid anywhere in err's chain.
func (e *Error) Is(target error) bool {
	k, ok := target.(Kind)
	return ok && k != Other && k == e.Kind
}

// Kinder is implemented by error types of other packages that know their
// kind without being an *Error.
type Kinder interface{ Kind() Kind }

// KindOf returns the kind of the outermost error in err's chain that has
// one — an *Error, a Kind or a Kinder — so a wrapper that classifies speaks
// over what it wraps. It is Other when none has.
func KindOf(err error) Kind {
	for err != nil {
		switch v := err.(type) {
		case *Error:
			if v.Kind != Other {
				return v.Kind
			}
		case Kind:
			return v
		case Kinder:
			if k := v.Kind(); k != Other {
				return k
			}
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		case interface{ Unwrap() []error }:
			for _, w := range u.Unwrap() {
				if k := KindOf(w); k != Other {
					return k
				}
			}
			return Other
		default:
			return Other
		}
	}
	return Other
}
