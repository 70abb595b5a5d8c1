// Package coding holds the coding model shared by the rest of Themis — segments,
// codes, coders — and the inter-coder agreement statistics computed over it.
//
// Everything here is pure computation: no global state, no I/O, no database.
// The store loads segments and passes them in; the app, the CLI and the report
// all call the same functions, so the same inputs give the same number
// everywhere (ARCHITECTURE.md, "Reproducible statistics").
//
// # Conventions
//
// Offsets are Unicode code points over the stored (NFC, "\n") text, 0-based,
// end exclusive, exactly as REFI-QDA counts them. A [Span] is such a half-open
// interval. Spans are handled as sorted, merged interval lists: every
// operation sorts and merges in O(n log n) in the number of segments, and no
// function ever allocates per character, so a 48,000-character transcript costs
// the same as a 48-character one.
//
// A coder's overlapping or adjacent segments of one code in one document are
// unioned before counting, so every character is counted once. Segments of
// different codes are independent of each other, even when they overlap.
// Segments are clipped to their document ([0, length)); empty segments, and
// segments of documents, codes or coders not asked about, are ignored.
//
// # Character agreement (NVivo's coding comparison)
//
// [CharacterAgreement] treats every code point of every selected document as a
// unit. For each code, each coder either applied the code to a character or
// did not, which gives a 2×2 table ([Counts]):
//
//	           B yes     B no
//	A yes      Both      OnlyA
//	A no       OnlyB     Neither
//
// Observed agreement is p_o = (Both + Neither) / N with N = Both + OnlyA +
// OnlyB + Neither. With the coders' marginal proportions pA = (Both+OnlyA)/N
// and pB = (Both+OnlyB)/N, the agreement expected by chance is the sum of
// products p_e = pA·pB + (1−pA)(1−pB) (Cohen 1960), and Cohen's kappa is
// κ = (p_o − p_e) / (1 − p_e).
//
// [UnitAgreement] builds the same tables over other units of analysis —
// speaker turns, sentences, paragraphs, whole documents — given as spans: a
// coder coded a unit when their segments of the code cover any part of it, or
// at least a chosen share of its code points. Everything below (κ, pooling,
// notes) then applies with units in place of characters; the two share one
// comparison core, and one-character units reproduce the character tables
// exactly (a property test checks it).
//
// [Kappa] evaluates κ exactly: multiplying through by N² gives the
// equivalent integer form κ = 2(Both·Neither − OnlyA·OnlyB) /
// ((Both+OnlyA)(OnlyA+Neither) + (Both+OnlyB)(OnlyB+Neither)), which is
// computed in integers (or big integers when the products could overflow) and
// divided once, so the float64 returned is the correctly rounded value of the
// exact rational. Nothing is clamped and nothing is rounded for display.
//
// # Pooled rows (per factor, overall)
//
// A factor row pools the factor's child codes, and the overall row pools all
// codes. Its [Counts] are the sums of the per-code tables (so its Agreement is
// ΣBoth+ΣNeither over ΣN, which equals the mean of the per-code observed
// agreements because every code has the same N). Its kappa is the pooled
// kappa of De Vries, Elliott, Kanouse & Teleki (2008, Field Methods 20(3),
// 272–282): κ_pooled = (p̄_o − p̄_e) / (1 − p̄_e), where p̄_o and p̄_e are the
// means of the per-code observed and expected agreements; see [PooledKappa].
//
// Note that this is NOT Cohen's kappa of the summed table, Kappa(row.Counts):
// the summed table mixes the codes' marginals, so two codes that differ only in
// how often they are used would look like agreement beyond chance. For
// example, code X applied by both coders to every character and code Y used
// by neither gives a summed table of Both=N, Neither=N and κ = 1, whereas every
// code on its own has no variation, and the pooled kappa is undefined, as it
// should be.
//
// # Undefined and degenerate cases
//
// Kappa is undefined when p_e = 1, which for a 2×2 table happens exactly when
// the two coders answered the same for every unit: neither used the code, or
// both applied it to every unit. Such rows get [NoVariation], a nil Kappa and a
// plain-words Note. When exactly one coder used a code, p_o = p_e and the
// formula gives κ = 0 exactly (whatever share of the text that coder coded; p_e
// is never 1 in this case); the row gets κ = 0 with status [OnlyOneCoder] and a
// note naming the coder, because a zero that only means "the other coder never
// used it" must not be read as chance-level agreement. A table with no units
// (no documents, or only empty ones) is [NoVariation] with Agreement 0 and the
// note "no units". Pooled rows follow the same rules on the pooled data.
//
// Every report records its inputs (coders, documents, unit, and a formula
// version, [FormulaCohenKappa]); bump the version whenever a formula changes.
//
// # Segment match (MAXQDA)
//
// [SegmentAgreement] makes each coded stretch a unit (a coder's overlapping
// segments of one code merged first): a stretch agrees when the other coder
// applied the same code to at least the threshold share of it (90 % by
// default, [DefaultSegmentThreshold]). Per code the table has Both (agreed
// stretches of either coder), OnlyA and OnlyB, and no Neither, so only the
// percentage is defined per code; pooled rows carry MAXQDA's κ, which is
// Brennan–Prediger's with chance agreement one over the number of codes.
//
// # Disagreements and adjudication
//
// [Disagreements] lists where two coders differ, as a reviewer discusses it:
// a passage only one coder coded ([OnlyA], [OnlyB]), the same code with
// extents apart by more than the segment-match threshold ([Boundary]), or
// the same passage under different codes ([DifferentCode]). Passages that
// segment match counts as agreed from both sides are returned separately, so
// that a consensus can start from them. Each disagreement has a key built
// from its kind, document, codes and extent, stable across recomputations,
// which is how a decision recorded about it is found again (see the
// project and store packages for the consensus layer).
//
// # Unitizing alphas
//
// [Unitized] computes Krippendorff's unitizing coefficients of Krippendorff,
// Mathet, Bouvry & Widlöcher (2016) over the text as a continuum (the
// conventions and formulas are on [Unitized] and at the top of
// unitized.go): uα (units and categories), |uα (coded or not), cuα (the
// categories where coders' units intersect) and, per category, two
// coefficients that are easy to confuse. KUAlpha ("k_u_alpha") is the
// paper's (k)uα, eq. 13: row k of cuα's coincidence matrix, how reliably
// the category is told from the other categories where units intersect
// (undefined with one category, as cuα is). BinaryKUAlpha
// ("binary_u_alpha_by_category") is uα of the data reduced to the category
// against everything else, the per-code coefficient ATLAS.ti reports; it
// judges where the code was put as well as whether. Lengths whose exact
// sums would overflow 64 bits are refused rather than wrapped.
//
// # Printing figures
//
// [FormatCoefficient] and [FormatPercent] are the one way Themis prints a
// coefficient or a share for people, in the CLI, the reports and (mirrored
// in the frontend's format.ts, tested against the same cases in
// testdata/figures.json) the agreement view. Thresholds ([Reliable],
// [Tentative]) are always compared unrounded, and a figure is given more
// than three decimals exactly when three would print it on or past a
// threshold (or 1) it misses; a percentage is never rounded to 100 % or 0 %
// unless exact.
//
// # Naming the coefficients
//
// [Statistics] (two coders) and [MultiStatistics] (three or more) are the one
// list of the coefficients a table offers: key, label, symbol, help, formula
// sentence, citation and whether pooled rows carry it. The report's tables
// and methods paragraph, the CLI's --statistic and the agreement view (via
// the generated frontend/src/lib/statistics.gen.ts) all read it.
//
// # Reliability of spreadsheet codings
//
// [Reliability] computes statistics over a units × coders matrix of category labels, as
// a team that coded in a spreadsheet would have it (the same job as the
// online ReCal calculator; Freelon 2010, 2013).
//
// # Reliability input
//
// Each row of units is one unit of analysis, each column one coder, and each
// cell the category that coder gave the unit. Cells are trimmed of white
// space; an empty cell is a missing value. A unit with fewer than two values
// is not pairable: it carries no information about agreement, so every
// statistic below skips it (except the category proportions of Gwet's AC1
// and Fleiss' κ, see [ReliabilityWith]).
//
// Categories are compared as strings at the nominal and ordinal levels ("1"
// and "01" are different categories) and as numbers at the interval and
// ratio levels ("1" and "1.0" are the same value; each value is shown with
// the label first seen for it). Categories are ordered numerically when every
// label is a number, otherwise lexicographically (by bytes); this order is
// the one the ordinal metric uses.
//
// Text labels have no order of their own: alphabetically "high" < "low" <
// "medium", which would make an ordinal α meaningless. So the ordinal,
// interval and ratio levels refuse a label that is not a number unless the
// order of the categories is given ([ReliabilityOptions].Order, the command
// line's --order low,medium,high): the labels are then the categories 1..n
// in that order (their ranks are the values at the interval and ratio
// levels), a label not in the order is an error naming the unit, and the
// number of labels in the order is the number of possible categories Q of
// AC1 and Brennan–Prediger unless one is given.
//
// # Reliability: percent agreement and Fleiss' kappa with missing values
//
// Themis follows Gwet (2014, Handbook of Inter-Rater Reliability, 4th ed.)
// and his irrCAC package, so that its figures can be checked against them:
//
//   - Percent agreement is Gwet's p_a, the mean over the units with at least
//     two values of the share of agreeing pairs of values (irrCAC's
//     pa.coeff.raw). It is the p_a inside Fleiss' κ, AC1 and
//     Brennan–Prediger, so the printed percentage is the one they correct for
//     chance (a property test checks it on random data with missing values).
//     ReCal's average over coder pairs (Freelon 2010) is reported beside it
//     as pairwise agreement; the two differ only with three or more coders
//     and missing values (on Krippendorff's 2011 example 0.818 and 0.778).
//   - Fleiss' κ with missing values is Gwet's generalisation (irrCAC's
//     fleiss.kappa.raw): κ = (p_a − p_e)/(1 − p_e), p_e = Σ_k π_k², π_k the
//     mean of r_uk/r_u over every unit with at least one value — including
//     units with a single value, exactly as AC1's π_k. Dropping the singly
//     rated units first gives another value (on the 2011 example 0.762
//     instead of 0.761). Without missing values it is Fleiss' (1971) κ.
//
// Both conventions are checked against the values irrCAC documents for that
// example (pa.coeff.raw 0.8181818, fleiss.kappa.raw 0.76117).
//
// # Reliability: undefined values
//
// A statistic that cannot be computed is reported with a nil Value and a
// plain-words reason, never as 0 or 1: chance agreement p_e = 1, or expected
// disagreement D_e = 0, means every pairable value is the same category, and
// the coefficient is 0/0. A result that is not a finite number is reported as
// undefined too ([ReasonNotFinite]), never as NaN or ±Inf; interval and ratio
// values are scaled by a power of two first (which leaves α exactly as it
// is), so even values near the float64 limit give a finite α.
//
// # Reliability: speed
//
// Units with the same row of values contribute the same to every statistic,
// so [ReliabilityWith] folds the matrix into its distinct rows and computes
// each row's contribution once; the sums are kept as integers per number of
// values wherever the formula allows. A bootstrap resample only counts how
// often each row is drawn, so 1,000 resamples of 100,000 units cost about
// 10^8 random draws and no recomputation per unit.
//
// The multi-coder agreement over a project ([MultiAgreement]) has no missing
// values — every coder either applied a code to a unit or did not — so its
// percent agreement is the same p_a, and equals the pairwise average.
package coding
