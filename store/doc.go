// Package store is the project file: one SQLite database (WAL mode, foreign
// keys on) holding everything a team made — documents and their speaker
// turns, cases, the frameworks (one of them active), coders, every coder's
// segments, settings, and a journal of every change.
//
// Codebook edits (AddCode, UpdateCode, MoveCode, MergeCodes, SplitCode,
// DeleteCode, CodeInVivo, RenameFramework) are each one transaction that
// records, as the framework's next revision, the rows it touched as they were
// before and after. UndoCodebook and RedoCodebook write those rows back —
// only when they still stand as the change left them, so an undo never
// overwrites later coding — and are revisions themselves. Ids a change
// touched are reserved so that a restored code or segment gets its own id
// back. TagCodebook names a revision; CodebookVersion says which one a
// result was computed under.
//
// Exemplars (exemplars.go) are passages starred for the report: a code's
// span of a document, not one coder's segment, so a star survives
// adjudication into the consensus layer. StarSegment and StarPassage (the
// span overlapping segments of a code make together, as the Themes
// drill-down merges them in "all coders"; both idempotent per passage),
// Unstar and TrimExemplar are each one journalled transaction
// (exemplar.star, .unstar, .trim). ResizeSegment moves a star sitting
// exactly on the segment's old span to the new one in the same transaction
// (exemplar.move), unless another segment of the code (any layer) still
// covers the old span; cuts outside the new span are dropped and a star
// already on the new span absorbs it. ResizeSegmentStar returns that move,
// and resizing back with it (coding undo) restores the star exactly —
// span, cuts, and a collapsed exemplar under its own id. A trim stores cuts — omitted ranges in
// absolute code points, checked by CheckCuts — and never the span, so the
// full passage stays traceable. Codebook changes carry exemplars with their
// code (a merge moves them, collapsing onto one already starred for the same
// span; a split moves one whose span no segment of the old code still has;
// a deletion takes them) and record them, so undo brings them back; ids are
// AUTOINCREMENT so a deleted exemplar's id is never reused. Deleting a
// document cascades to its exemplars.
//
// The double-coding plan (plan.go) is one row per project (schema 8): the
// share, stratifying attribute, seed and coders it was drawn with, its
// sample and its assignments. SavePlan replaces it whole in one journalled
// transaction (plan.draw) and refuses, with ErrPlanStarted, once any coder
// has marked a document done, unless forced; done marks (SetDone,
// plan.done and plan.undone) belong to the coder and outlive a redraw. The
// drawing itself is project.DrawPlan's.
//
// What a code's fields may hold and how the history words each change are
// the frameworks package's (CleanCode, CheckUnique, DescribeEdit, and the
// *Summary functions); the store applies them in the transaction and keeps
// the SQL.
//
// Memos (memos.go) are notes on the project, a document, a code or a
// segment, each by one author, who alone edits or deletes it. AddMemo,
// EditMemo and DeleteMemo are each one transaction with a journal entry that
// holds the memo before and after; RevertMemo takes such an entry back (the
// earlier text, the deleted memo under its own id) only while the memo
// stands as the entry left it. Segment and document memos go with their
// segment or document; a code's memos (and its segments' memos) travel in
// the codebook change that deletes or merges it, so its undo brings them
// back, and an undo that would take away a memo written since is refused.
// RemoveSegment and RemoveSegments return the memos a segment took (a
// Removed) and name them in the segment.remove entry; RestoreSegment(s), the
// coding undo, put the segment back under its own id (a removal reserves it)
// with its memos under their own ids, authors and times in the same
// transaction, in one segment.add entry that names them (a memo whose id is
// taken gets a new one). ResizeSegment moves the memos to the new extent.
//
// A merge of a coder's copy (merge.go) is planned by the project package
// and written by ApplyMerge in one transaction with one journal entry
// ("project.merge") that lists the id of every row it added — coders,
// frameworks, codes, documents (turns and speakers go with them), cases,
// attribute columns and values, document–case links, segments (as id
// ranges) and memos. Rows it makes refer to each other by negative
// indexes until they have ids. A segment that duplicates one the project
// has collapses onto it; any other broken rule fails the whole merge. The
// codes it adds show in each framework's history as an "import" revision,
// which UndoCodebook passes over. UndoMerge deletes exactly those rows in
// one transaction ("project.merge.undo"), and refuses with ErrMergeStands
// (errs.Conflict) when the merge was undone already or later work depends
// on it: segments or memos since on what it added, a merged segment
// removed or resized (its id may come back for another, so its time stamp
// is checked too), a merged code or document gone, a case link or value
// changed. Merges lists them with whether each stands.
//
// Offsets stored here are Unicode code points over the stored text, 0-based,
// end exclusive. Each mutating method is its own transaction, so a change is
// durable when the method returns; bulk methods (ImportDocuments,
// ImportSegments) are all or nothing.
//
// ReplaceEverywhere puts pseudonyms in place of identifiers in documents'
// text (offsets of segments, exemplars and their cuts, turns, dismissals and
// adjudications move with it), in document names, case names and attribute
// values, and in the text of memos (scrubMemos), as one journalled change that records no original and takes the originals out of
// earlier journal entries. Then Wipe leaves no old text on disk: the write
// connection runs with secure_delete and an in-memory temp store, and Wipe
// empties the write-ahead log, VACUUMs and empties it again, on the
// project's own connection (so it works while the app has the project
// open); when another process is reading, Close finishes it.
//
// CopyForCoder (copy.go) writes a coder's copy: VACUUM INTO a temporary
// file beside the destination (a project opened read-only may be copied
// too), then, in the copy, one transaction deletes every other coder's
// segments, memos (but the lead's on the project, documents and codes),
// stars, done marks and plan assignments, the consensus layers and
// adjudications and the adjudicator setting, keeps only the coder's own
// segment, memo and done-mark journal entries (a segment entry's memos by
// others taken out of it), replaces the codebook history
// with one revision per framework at the number it had, and journals
// "project.send"; Wipe then leaves nothing deleted on disk, and the copy is
// linked into place only if nothing is there.
//
// A project opened with Open holds an exclusive lock (an flock on a ".lock"
// file beside the project) until Close, so a second window or CLI process that
// tries to write gets ErrLocked instead of interleaving writes. OpenReadOnly
// takes no lock and refuses every write. The lock file is made with the
// umask's permissions plus the project's read and write bits, so other users
// of a shared folder can take it in turn; Close removes it, and one left by a
// killed process holds no lock and is reused (lock.go).
//
// Open and OpenReadOnly refuse, with ErrNotProject and without writing a
// byte, a file that is not a project: empty, not SQLite, or a SQLite database
// without a schema version and Themis' tables. Only Create makes a project.
//
// Every name that enters — coder, code, framework, version, case, attribute,
// document — passes CheckName (names.go): a name is one line of visible text,
// so control characters (terminal escapes, line breaks) and bidirectional
// overrides are refused with ErrInvalid, and taken out (StripControls) of the
// document names Themis derives from file names.
//
// The schema is versioned with PRAGMA user_version and migrated forward on
// open; a file from a newer Themis is refused rather than guessed at.
package store
