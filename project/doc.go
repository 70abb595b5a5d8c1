// Package project is Themis's one application layer: the use cases that the
// desktop app (app/) and the command line (cmd/themis-project) share, so
// that both give the same answers from the same inputs and keep the same
// rules. app/ and cmd/ translate requests, DTOs and errors; the rules live
// here.
//
// Who is asking is a Viewer (ViewerFor in the app; CommandLineViewer, the
// lead with blind mode off, at a shell). Use cases that show coders' work
// take the viewer and enforce blind mode themselves: in blind mode every
// coder, the lead included, sees only their own layer; only the lead may
// compare, and then sees figures only, since Review (the disagreements,
// passage by passage) opens for nobody until blind mode is off. Settling
// disagreements belongs to the lead or the adjudicator the lead names
// (store settings), never to either coder of the pair
// (Viewer.MayAdjudicate).
//
// The use cases, by file:
//
//   - The bundled demo study (demo.go): CreateDemo.
//   - Importing transcripts (importing.go): CollectFiles, PreviewFile,
//     Import (with progress and cancelling), ImportExcluding (the
//     interviewers the preview proposed left out of coding at import),
//     ImportFiles, ImportData,
//     CheckSpeakerPattern, ImportLine.
//   - Case sheets (cases.go): ImportCaseSheet, ImportCaseSheetData,
//     CaseSheetSummary.
//   - Codebooks (codebook.go): NewFramework (from a built-in),
//     ExportCodebook, ImportCodebookFile, ImportCodebook, CodebookExtension.
//   - Visibility and coding (visibility.go): ViewerFor, CommandLineViewer,
//     VisibleSegments, VisibleCodeSegments, CodesWithCounts (segment counts
//     the viewer may see), CodeInVivo, CoderToCodeAs (nobody codes as a
//     consensus layer).
//   - Coding undo (history.go): History records one coder's coding steps in
//     one open project (Code, Uncode, CodeAll for search hits) and undoes
//     and redoes them (Undo, Redo, State); a removal's step keeps the memos
//     it took, so undoing it brings them back. It keys itself by the file, the
//     coder and the journal, and forgets steps that a merge, split,
//     deletion, codebook undo, replacement of identifiers or undone merge
//     of a copy may have made untrue, so nobody clears it by hand.
//   - Agreement between two coders (agreement.go, agreement_export.go):
//     Agreement, AgreementTableFor (with the viewer), DocumentRows,
//     DocumentBreakdowns (per document, all codes pooled and per code),
//     ExportAgreement, RenderAgreement, AgreementCodes, CodebookOf; units of
//     analysis in Units (units.go).
//   - Agreement among two or more coders: MultiAgreement (multi.go) and
//     Krippendorff's unitizing alphas, UnitizedAgreement (unitized.go).
//   - Adjudication (adjudication.go): Disagreements, StartAdjudication,
//     Decide, Reopen, building a consensus layer; who may is
//     Viewer.MayAdjudicate (visibility.go).
//   - Theme summaries (themes*.go): the figures of the Themes tab, themis
//     summary and cooccurrence, and the report: DefaultLayer, Summarise
//     (prevalence per code, factors rolled up), ByAttribute (code × value),
//     CaseCodeMatrix, Cooccurrence (with Jaccard, across two frameworks),
//     CellPassages (the passages behind a cell, with context), and the
//     tables every output writes (SummaryTable, AttributeTable, CaseTable,
//     CoTable, CoPairTable). A Layer is one coder's or consensus layer's
//     segments, or all visible coders' merged per code and document into
//     passages; a passage counts for the cases of the included turns it
//     lies in, and excluded speakers' turns are cut away. The views read a
//     snapshot of the project (themes_snapshot.go) kept until
//     store.Project.Generation says it changed, so a filter change
//     recounts in memory. The definitions are the README's "Theme
//     summaries".
//   - Quotes for a code (quotes.go): Quotes (the same passage of several
//     coders once, with its star and trim), RenderQuotes.
//   - Exemplars, the passages starred for the report (exemplars.go): Star,
//     StarPassage (a drill-down's merged passage, whole), Unstar, Trim,
//     VisibleExemplars, ExemplarQuotes. History.Resize keeps the move a
//     resize made to a star so its undo puts the star back exactly. A
//     blind viewer stars only segments of their own layer and sees only the
//     stars on passages a segment of theirs overlaps (same document and
//     code); a trimmed quote's text always comes from report.TrimmedText.
//   - Memos (memos.go): Memos, MemoOf, AddMemo, EditMemo, DeleteMemo,
//     RevertMemo, RenderMemo. A memo on a segment is the viewer's to see
//     only when blind mode shows both the segment's layer and the memo's
//     author; project, document and code memos are shared. Code memos
//     travel in ExportCodebook and, when asked, ThemeReport.
//   - Segments as CSV (segmentcsv.go): ImportSegmentsCSV, ExportSegmentsCSV.
//   - REFI-QDA project export (exchange_export.go): Exchange builds the
//     interop/qdpx model of the project: the chosen documents with their
//     turns and speakers, the chosen coders (consensus layers too) and the
//     lead as users, every framework's codes (with several frameworks, each
//     a top-level code that cannot be coded, holding its own), each segment
//     one selection with one coding by its coder, the cases with typed
//     attributes (whole numbers Integer, other numbers Float, dates Date),
//     and the memos of the chosen coders and the lead as notes. Guids are
//     made from content (a document's text, a coder's name, a code's
//     GUIDOf, a segment's document, code, coder and span), so two exports
//     of a project, or of a copy of it, agree. ExportQDPX applies blind
//     mode (a coder other than the lead exports only their own layer, with
//     only their own memos on its segments) and writes the archive
//     atomically; the project is named after its file, never its folder.
//   - Search (search.go): NewSearchSource, OpenSearch, OpenSearchIn,
//     SearchDirs, PurgeSearch.
//   - The anonymisation check (scan.go, replace.go): Scan, GroupFindings,
//     FindOccurrences, PseudonymFor, Replace, WriteKeyFile, OpenKeyFile.
//   - The double-coding plan (plan.go): DrawPlan and PreviewPlan (the lead
//     only; a stratified, seeded reliability sample coded by every coder,
//     the rest split by words, see DrawPlan and SampleSize for the rules),
//     ReadPlan, PlanProgress (a coder sees their own row, the lead every
//     coder's), MarkDone, PlanForViewer, SampleDocuments. Agreement compares
//     the sample with AgreementRequest.Sample, and AgreementTableFor
//     describes the draw (report.SampleDraw) whenever the documents compared
//     are exactly the sample.
//   - Merging a coder's copy and importing REFI-QDA projects (merge.go,
//     merge_import.go): PreviewMerge and Merge (the lead only), MergeHistory
//     and UndoMerge, ReadCopy (.qdpx or .themis), ImportAsNew and
//     PreviewImportAsNew. See below.
//
// A merge brings a copy (a coder's .themis, read whole with Exchange, or a
// .qdpx from any tool) into the project. One planning function serves
// PreviewMerge and Merge, so the preview is what the merge does: documents
// match by content hash, or by name when the texts differ only in white
// space at the end (which another tool may add; a note says so); a copy's
// document the project lacks is Missing (or added with AddDocuments, its
// turns from a Themis export or detected), one of the same name with other
// text Differs, and their segments are Skipped; codes by guid in any framework, then by name among their
// matched parent's children (a top-level code whose guid is
// qdpx.StableGUID("framework", name) stands for that framework), new ones
// added under their parent and listed; a guid match whose name,
// definition, colour or parent differs is a CodeConflict, reported and
// never applied; coders by name, ignoring case (a selection's
// creatingUser, else its coding's, else a coder named after the archive's
// origin); cases added, attribute values set only where the project has
// none (others counted as differing); memos by their authors (the lead's
// when the archive does not say), exact duplicates skipped. Each coding is
// a segment of its coder's layer; exact duplicates collapse, segments in
// excluded turns or for a consensus layer are counted in NotImported. The
// store writes it all in one transaction with one journal entry naming
// the file, which UndoMerge takes back whole unless later work depends on
// it. ImportAsNew makes a project whose framework is the archive's
// codebook (then merges with AddDocuments) and leaves no file behind when
// it fails.
//
// The anonymisation check (Scan, ScanAs, Replace, FindOccurrences) looks
// for identifiers in the transcripts, in the names that carry them too:
// document names, case names, and text and category attribute values, and
// in memos — as far as the viewer may read them (ScanAs: in blind mode not
// another coder's segment memos; Scan, the command line's, reads all).
// Findings say their place (a memo finding its memo, what it is on and its
// author); a dismissed memo finding is keyed by memo, span and text. A
// group of one text is replaced everywhere at once, texts and names in one
// transaction, and every memo loses the originals as whole words. After a
// replacement the original is nowhere the project keeps anything: store
// scrubs the journal and wipes the file, and Replace purges the search
// index from every folder it may live in (PurgeSearch), so the next search
// rebuilds it. The key linking pseudonyms to originals is only ever written
// to files the user chooses (WriteKeyFile, OpenKeyFile), never a .themis.
//
// A coder's copy (send.go): SendCopy, the lead only, writes OUT.themis
// through store.CopyForCoder (only that coder's layer, wiped of every other)
// or OUT.qdpx through Exchange with that coder only, keeping the coder's own
// passage memos and the lead's memos on the project, documents and codes;
// it refuses an existing OUT. The copy comes back through ReadCopy and Merge.
//
// It composes the domain packages (corpus, coding, frameworks, report) over
// the project file (store). It never imports Wails: long work reports
// progress through a callback.
package project
