package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Sibling is the name of the binary, beside themis, that runs the commands
// over a project file.
const Sibling = "themis-project"

// UsageError is a mistake in how a command was called (exit status 2).
// Run treats any error with a method UsageError() as one, so that each
// binary may keep its own type.
type UsageError struct{ Msg string }

func (e UsageError) Error() string { return e.Msg }

// UsageError marks e as a usage error.
func (e UsageError) UsageError() {}

type usageErr interface {
	error
	UsageError()
}

// Command is one command of themis, as help lists it.
type Command struct {
	Name, Args, Help string
	// Light commands run in themis itself; the others in Sibling.
	Light bool
}

// Handler runs a command with the arguments after its name.
type Handler func(args []string, out io.Writer) error

// Commands lists every command in the order help shows them.
var Commands = []Command{
	{Name: "new", Args: "FILE.themis [--lead NAME] [--framework keyes|themes|outcomes-star|empty]", Help: "create a project starting from a built-in framework (default Keyes' flourishing) or an empty codebook"},
	{Name: "demo", Args: "FILE.themis", Help: "write the bundled demo study (nine transcripts, two coders)"},
	{Name: "import", Args: "FILE.themis TRANSCRIPT|FOLDER... [--encoding utf-8|utf-16le|utf-16be|windows-1252] [--speaker-pattern REGEXP] [--preview] [--skip-errors] [--leave-out NAME,...]",
		// The extensions are corpus.SupportedExtensions(), which themis
		// cannot link; a test in cmd/themis-project keeps them equal.
		Help: "import transcripts (" + ImportExtensions + "; folders recursively) in one transaction, all or none; " +
			"--preview shows what each file would give (and who looks like the interviewer) without writing; --skip-errors leaves out files that cannot be read; " +
			"--leave-out Interviewer leaves that speaker's turns out of coding and analysis"},
	{Name: "docs", Args: "FILE.themis [--json]", Help: "list documents: name, turns, words, characters"},
	{Name: "text", Args: "FILE.themis DOCUMENT", Help: "print a document's stored text, exactly as offsets count it"},
	{Name: "coders", Args: "FILE.themis [--json] | add FILE.themis NAME | adjudicator FILE.themis NAME|--none", Help: "list the project's coders, add one (themis coders add study.themis Chen --as Chen: Chen adds themself), or, as the lead, name who adjudicates besides the lead (never a pair they coded)"},
	{Name: "segments", Args: "import FILE.themis CODINGS.csv | export FILE.themis [--coder NAME]", Help: "segments as CSV: document,coder,code,start,end,text"},
	{Name: "agreement", Args: "FILE.themis --coders A,B[,C...] [--docs NAME,... | --sample] [--codes NAME,...] [--unit character|turn|sentence|paragraph|segment|document|unitized] [--threshold P] [--bootstrap N --seed S --resample document|turn] [--by code|factor|document [--code NAME]] [--format text|csv|md|html] [--statistic NAME] [--json]", Help: "agreement per code, factor and overall: Cohen's kappa and more for two coders, Fleiss' kappa and alpha for more, or the unitizing alphas"},
	{Name: "codebook", Args: "list FILE.themis | export FILE.themis [--format yaml|json|qdc|md|html|csv] [--framework NAME] | import FILE.themis CODEBOOK.(yaml|json|qdc) | history FILE.themis [--framework NAME] | tag FILE.themis NAME [--note TEXT]", Help: "the project's codebooks: list them, export (REFI-QDA .qdc, printable Markdown/HTML, CSV), import as a new active framework, show the history of changes, tag a version"},
	{Name: "cases", Args: "list FILE.themis [--json] | import FILE.themis SHEET.csv|xlsx [--name COLUMN] [--documents COLUMN|-] [--type COLUMN=text|number|date|category,...] | link FILE.themis DOCUMENT CASE|- [--speaker NAME] | exclude FILE.themis SPEAKER [--doc NAME] [--include]", Help: "participants and sites: list cases with typed attributes and who speaks where, import a case sheet (linking documents named in it or named as the cases), link a document or one speaker of it to a case, leave a speaker (the interviewer) out of coding and analysis"},
	{Name: "scan", Args: "FILE.themis [--json]", Help: "the anonymisation check: likely names, emails, phone numbers, postcodes, NHS and NI numbers, dates of birth, addresses and URLs in the transcripts and in document names, case names and attribute values (dismissed findings left out)"},
	{Name: "anonymise", Args: "replace FILE.themis --text ORIGINAL (--with PSEUDONYM | --kind name|place|organisation|postcode|phone|email|nhs|ni|date|url) [--key KEY.csv]", Help: "replace every occurrence of a text, in the transcripts and in document names, case names and attribute values, with a pseudonym (the one the Anonymise tab would suggest when --with is left out); --key adds pseudonym → original to a key file outside the project"},
	{Name: "search", Args: `FILE.themis QUERY... [--json] [--limit N]`, Help: `full-text search of the turns, as in the app: words (stemmed: walking finds walked), "phrases", prefix*, fuzzy~ or word~2, +must -not, OR, (groups), and filters document:, speaker:, case:, excluded:yes|no, code:NAME[@CODER], coder:, memo:WORD (the memos on documents and segments), and case attributes (role:patient); offsets are code points`},
	{Name: "summary", Args: "FILE.themis [--coder NAME | --consensus] [--by ATTRIBUTE] [--framework NAME] [--format text|csv|json]", Help: "theme summary: per code and factor, the segments (passages: all coders' overlapping segments count once), coded words, documents and cases; with --by, per code and attribute value, the segments, cases and cases with that value"},
	{Name: "cooccurrence", Args: "FILE.themis [--coder NAME] [--framework NAME [--with NAME]] [--format text|csv|json] [--jaccard]", Help: "pairs of codes whose segments by the same coder overlap, and how often; --with pairs one framework's codes with another's; --jaccard adds the share of coded characters they have in common"},
	{Name: "quotes", Args: "FILE.themis --code NAME [--coder NAME] [--format md|html]", Help: "a code's quotes with attribution"},
	{Name: "report", Args: "FILE.themis [--framework NAME] [--coder NAME | --consensus] [--starred-only] [--memos] [--by ATTRIBUTE] --format md|html|docx -o OUT", Help: "the themes report: per factor and code its definition, how widely it was evidenced (broken down by --by, default role; - for none) and its quotes — the starred ones, else every passage once — with attribution (--memos: each code's memos under its definition); all coders together unless --coder or --consensus"},
	{Name: "reliability", Args: "DATA.csv [--level nominal|ordinal|interval|ratio] [--order A,B,C] [--categories N] [--header] [--bootstrap N --seed S] [--json] | --unitized SEGMENTS.csv --length L [--json]", Help: "reliability of a units × coders CSV (agreement, kappas, AC1, alpha), or the unitizing alphas of coded segments", Light: true},
	{Name: "plan", Args: "FILE.themis --sample P [--by ATTRIBUTE] --coders A,B[,...] [--seed S] [--force] [--json]", Help: "the lead draws the double-coding plan: P % of the documents (stratified by a case attribute, seeded, reproducible) coded by every coder, the rest split between them balanced by words; --force redraws after documents were marked done"},
	{Name: "progress", Args: "FILE.themis [--done DOCUMENT | --undone DOCUMENT] [--json]", Help: "each coder's progress through the plan (assigned, coded, done) and the double-coded sample's; --done marks a document done for the coder named by --as"},
	{Name: "send", Args: "FILE.themis --coder NAME OUT.themis|OUT.qdpx", Help: "the lead writes a coder's copy to code on their own machine: only that coder's segments and memos (and the lead's memos on the project, documents and codes), no other coder's work nor any trace of it in the journal or free pages; .qdpx for a coder using another tool"},
	{Name: "merge", Args: "FILE.themis COPY.themis|COPY.qdpx [--preview] [--json] [--skip-missing]", Help: "the lead merges a coder's returned copy: documents matched by their text, codes by id then name, coders by name; new codes come across, codebook conflicts are reported and not applied, exact duplicates collapse; --preview prints the report and writes nothing; one journal entry, undone whole by undo-merge"},
	{Name: "undo-merge", Args: "FILE.themis [JOURNAL_ID]", Help: "the lead takes back a whole merge: the latest one not yet undone, or the one whose journal entry is named; refused when later work depends on it"},
	{Name: "qdpx", Args: "export FILE.themis OUT.qdpx [--coders A,B] [--docs D1,D2] | import IN.qdpx FILE.themis [--preview] [--json] [--skip-missing]", Help: "REFI-QDA project exchange with NVivo, ATLAS.ti, MAXQDA and QualCoder: export the project (or chosen coders and documents) with speaker turns in a note per document; import into a new project (FILE.themis missing; lead --as, else the archive's creator or first user) or into the project, adding the documents it lacks; what cannot come across is counted per kind; --skip-missing goes on without text sources whose file the archive lacks"},
	{Name: "journal", Args: "FILE.themis [--limit N] [--json]", Help: "the audit trail of changes: when, who, what (newest first)"},
	{Name: "memos", Args: "FILE.themis [--json]", Help: "list the memos on the project, documents, codes and segments: kind, target, author, text, created"},
	{Name: "memo", Args: "add FILE.themis (--project | --document NAME | --code NAME | --segment ID) --text TEXT", Help: "write a memo (Markdown) on the project, a document, a code or a segment, as --as NAME (default: the lead)"},
}

// ImportExtensions are the file extensions themis import reads.
const ImportExtensions = ".txt .text .md .markdown .docx .odt .rtf .vtt .srt .csv .tsv .xlsx"

// Lookup returns the command called name.
func Lookup(name string) (Command, bool) {
	for _, c := range Commands {
		if c.Name == name {
			return c, true
		}
	}
	return Command{}, false
}

// Usage prints the list of commands.
func Usage(w io.Writer) {
	fmt.Fprintln(w, "themis — qualitative coding projects from the command line\n\n"+
		"Every command takes --as NAME: the person the journal names for the changes it makes\n"+
		"(default: the project's lead); a new person first adds themself with themis coders add.\n\nCommands:")
	for _, c := range Commands {
		fmt.Fprintf(w, "  themis %s %s\n      %s\n", c.Name, c.Args, c.Help)
	}
}

// Run runs the command line args with the handler of its command and
// returns the exit status: 0, 1 when the command failed, 2 when it was
// called wrongly (an unknown command, a bad flag, missing arguments). A
// command of the table without a handler here is passed to elsewhere, which
// returns only when it could not run it.
func Run(args []string, stdout, stderr io.Writer, handlers map[string]Handler, elsewhere func(args []string) error) int {
	// --as NAME may come anywhere, before the command's name too; the
	// sibling gets the arguments as they were given and takes it itself.
	given := args
	args, _, _, err := TakeAs(args)
	if err != nil {
		fmt.Fprintf(stderr, "themis: %v\n", err)
		return 2
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		Usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := Lookup(args[0])
	if !ok {
		fmt.Fprintf(stderr, "themis: unknown command %q; run 'themis help'\n", args[0])
		return 2
	}
	if h := handlers[c.Name]; h != nil {
		err = h(args[1:], stdout)
	} else {
		err = elsewhere(given)
	}
	var ue usageErr
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "themis %s: %s\nusage: themis %s %s\n", c.Name, ue.Error(), c.Name, c.Args)
		return 2
	default:
		fmt.Fprintf(stderr, "themis %s: %v\n", c.Name, err)
		return 1
	}
}

// Parse parses flags that may appear before, between or after positional
// arguments (themis docs FILE --json), and checks the positional count.
func Parse(fs *flag.FlagSet, args []string, minPos, maxPos int) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, UsageError{err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	switch {
	case len(pos) < minPos:
		return nil, UsageError{"missing arguments"}
	case maxPos >= 0 && len(pos) > maxPos:
		return nil, UsageError{"unexpected argument " + pos[maxPos]}
	}
	return pos, nil
}

// SplitList splits a comma-separated flag value, dropping empty items.
func SplitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// WriteJSON prints v as indented JSON.
func WriteJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// FiniteFloat defines a float flag that refuses NaN and ±Inf (and values too
// large for a float64) when it is parsed: flag.Float64 accepts them, and NaN
// slips through every range check because each comparison with it is false.
// Every float flag of the command line is made with it.
func FiniteFloat(fs *flag.FlagSet, name string, value float64, usage string) *float64 {
	f := &finiteValue{name: name, v: value}
	fs.Var(f, name, usage)
	return &f.v
}

type finiteValue struct {
	name string
	v    float64
}

func (f *finiteValue) String() string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(f.v, 'g', -1, 64)
}

func (f *finiteValue) Set(s string) error {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	var ne *strconv.NumError
	rangeErr := errors.As(err, &ne) && ne.Err == strconv.ErrRange
	if err != nil && !rangeErr {
		return fmt.Errorf("--%s takes a number", f.name)
	}
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("--%s must be a finite number", f.name)
	}
	f.v = v
	return nil
}

// TakeAs removes the global --as NAME (or --as=NAME, -as) from anywhere in
// args, so every command accepts it in any position; the rest is returned
// in order. Arguments after "--" are left alone.
func TakeAs(args []string) (rest []string, name string, given bool, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(rest, args[i:]...), name, given, nil
		}
		switch {
		case a == "--as" || a == "-as":
			if i+1 >= len(args) {
				return nil, "", true, UsageError{"--as needs a name: the person making the change"}
			}
			name, given = args[i+1], true
			i++
		case strings.HasPrefix(a, "--as=") || strings.HasPrefix(a, "-as="):
			_, name, _ = strings.Cut(a, "=")
			given = true
		default:
			rest = append(rest, a)
			continue
		}
		if strings.TrimSpace(name) == "" {
			return nil, "", true, UsageError{"--as needs a name: the person making the change"}
		}
	}
	return rest, name, given, nil
}
