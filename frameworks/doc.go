// Package frameworks holds coding frameworks (codebooks) and the files they
// travel in.
//
// A framework is plain data: a name, a description and a tree of codes
// (Framework, Code), with definitions, inclusion and exclusion criteria,
// anchor examples, colours, keyboard keys and optional ordinal scale values.
// There is no database, no UI and no global mutable state here. The store
// copies a framework into a project when the project is created; from then
// on the project's copy is what coders use, so changing a built-in framework
// never changes an existing project.
//
// Parents group codes. In the built-in Keyes framework the factors are not
// codable themselves: agreement for a factor is the pooled agreement of its
// children. In the inductive theme tree, themes are codable parents.
//
// # What the package offers
//
//   - The model and its rules: Framework.Validate (names unique ignoring
//     case, keys unique, parents before children, #rrggbb colours, well-formed
//     and unique guids, finite scale values), Framework.Children,
//     Framework.GUIDOf (stable REFI-QDA guids), RefFor (refs from names).
//   - The rules and words of editing one stored code (edit.go): CleanCode
//     (a code's own fields), CheckUnique (its name and key against the
//     others), DescribeEdit and the *Summary functions (how the codebook's
//     history names each change). The store applies them inside its
//     transactions.
//   - Built-in frameworks shipped as YAML files embedded in the binary
//     (builtin/*.yaml): Builtins, BuiltinFramework and Keyes.
//   - Reading codebook files: Parse (by extension), ParseYAML, ParseJSON,
//     ParseQDC. Problems come back as *FileError values with file, line and
//     column; when a file has several problems they are joined with
//     errors.Join (errors.As finds the first).
//   - Writing them: EncodeYAML, EncodeJSON, EncodeQDC. Output depends only on
//     the framework, so writing twice gives the same bytes, and for YAML and
//     JSON Parse(Encode(f)) equals f (with codes in tree order).
//   - Printing for a report's appendix: RenderMarkdown, RenderHTML (goldmark,
//     raw HTML never passed through) and EncodeCSV (text cells that a
//     spreadsheet would run as formulas get a leading quote: internal/csvsafe).
//
// # The Themis codebook file (.yaml, .yml, .json)
//
// A codebook file is one YAML document (or one JSON object of the same
// shape), UTF-8, at most 8 MiB (MaxFileSize); a UTF-8 byte order mark is
// ignored. Comments are allowed in YAML. Anchors and aliases (&a, *a) are
// refused: a codebook has no need for them.
//
//	themis_codebook: 1            # format version, required
//	name: "Keyes: flourishing"    # required
//	description: ...              # optional
//	codes:                        # optional list of top-level codes
//	  - name: Emotional well-being
//	    ref: emotional
//	    codable: false
//	    colour: "#c2410c"
//	    definition: ...
//	    codes:                    # children, nested the same way
//	      - name: Positive affect
//	        key: "1"
//	        ...
//
// Top-level fields:
//
//   - themis_codebook (whole number, required): the format version. This
//     package writes version 1, or FormatVersion (2) when a code carries
//     memos, and reads versions 1 to FormatVersion.
//     A file with a newer version is refused with a message to update Themis,
//     before any other check, because it may use fields this reader does not
//     know. The rule for new versions: fields are only ever added, never
//     renamed, removed or given a new meaning, so an older file always reads
//     in a newer Themis.
//   - name (text, required, not blank): the framework's name.
//   - description (text): what the framework is for and how to apply it.
//   - codes (list of codes): the top-level codes, in order.
//
// Fields of a code:
//
//   - name (text, required): unique within the codebook, ignoring case.
//   - ref (text): a stable identifier, unique within the codebook; links
//     coding to the code across renames. When absent it is derived from the
//     name with RefFor, avoiding the refs given elsewhere in the file.
//   - codable (true or false, default true): false for a parent that only
//     groups codes.
//   - colour, or color (text "#rrggbb"): the highlight colour. Give one of
//     the two spellings, not both. Files are written with "colour".
//   - key (one character, 0-9 or a-z): the keyboard shortcut; unique.
//   - scale (number): an ordinal scale value, for codes that are steps of a
//     scale (for example 1 to 5). Must be finite.
//   - guid (text xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, braces allowed): the
//     code's REFI-QDA guid, kept from an imported .qdc so that a round trip
//     through another tool keeps the code's identity. When absent, GUIDOf
//     derives one.
//   - definition (text): what the code means.
//   - when_to_use (text): inclusion criteria.
//   - when_not_to_use (text): exclusion criteria, typically naming the code
//     to use instead.
//   - examples (list of text; a single text is taken as one example): anchor
//     examples, short quotes that clearly belong to the code.
//   - memos (list, format version 2): the memos written on the code in a
//     project, each a mapping of author, created (RFC 3339) and text
//     (Markdown), oldest first. They are for whoever reads the codebook; a
//     framework made from a file does not bring them into a project. A file
//     is written as version 2 only when a code carries memos, so a codebook
//     without them still opens in a Themis from before them. In a .qdc,
//     which has no notes on codes, each memo is a last paragraph of the
//     description, "Memo (AUTHOR, DAY): text", read back as a memo; in the
//     Markdown and HTML appendix "Memo (AUTHOR, DAY)." after the examples.
//   - codes (list of codes): the code's children, in order.
//
// Text fields take any scalar as written (key: 1 is the key "1"); null or an
// empty value is empty text. Unknown fields are errors, listing the known
// ones, so a misspelt field is never silently dropped. Error messages name
// the place as a path with 0-based indexes, for example
//
//	keyes.yaml:12:5: codes[2] ("Hope").colour: expected #rrggbb, got "red"
//
// JSON files are checked for JSON syntax first (errors carry the line and
// column of the offending character) and then read by the same code as YAML,
// so the same messages with lines apply.
//
// Written files nest children under their parents, leave out empty optional
// fields (and codable when true), and order fields as listed above. JSON is
// indented by two spaces.
//
// # REFI-QDA codebooks (.qdc)
//
// EncodeQDC and ParseQDC exchange codebooks with other QDA software in the
// REFI-QDA codebook format (urn:QDA-XML:codebook:1.0). The format holds
// names, hierarchy, colours, codability, guids and one Description per code;
// Themis puts the definition there followed by "When to use: …", "When not
// to use: …" and "Example: …" paragraphs, and splits them out again on
// import. Keys, scale values and refs are not carried; the framework's name
// is not carried either, so an imported framework is named after its file.
// <Sets> are ignored. Names repeated under different parents (allowed in
// other tools) are made unique by appending the parent's name, and the
// renames are listed in the imported framework's Description. A framework
// without codes cannot be exported, since the format requires one.
package frameworks
