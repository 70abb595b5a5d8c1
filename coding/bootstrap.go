package coding

import (
	"math/rand"
	"slices"
)

// Intervals are a row's percentile bootstrap 95 % intervals, [low, high], one
// per coefficient; nil where the coefficient is undefined on the data or in
// every resample.
type Intervals struct {
	Kappa             *[2]float64
	ScottPi           *[2]float64
	KrippendorffAlpha *[2]float64
	GwetAC1           *[2]float64
	BrennanPrediger   *[2]float64
}

// What a bootstrap resamples: [Report.Bootstrap] documents,
// [Report.BootstrapTurns] speaker turns.
const (
	ResampleDocuments = "document"
	ResampleTurns     = "turn"
)

// Bootstrap returns a copy of r whose rows carry 95 % intervals for every
// coefficient, from resamples drawn with replacement from r's documents.
//
// Documents are resampled whole, never characters or units within them:
// characters, sentences and turns of one document are not independent, and
// treating them as if they were would give intervals far too narrow. Each
// resample sums the kept per-document tables, so it costs no segment
// comparison. The interval is the 2.5th and 97.5th percentile of the
// resampled values (linear interpolation between order statistics, R's type
// 7); resamples where a coefficient is undefined are left out of its
// distribution. The same seed gives the same intervals. With fewer than two
// documents there is nothing to resample and r is returned unchanged.
func (r Report) Bootstrap(resamples int, seed int64) Report {
	return r.bootstrap(resamples, seed, r.perDoc, ResampleDocuments)
}

// BootstrapTurns is [Report.Bootstrap] resampling speaker turns instead of
// documents: for studies with few, long interviews, where a handful of
// documents cannot show how much the figures vary. Turns are closer to
// independent than characters or sentences, though still less than
// documents, so the intervals are narrower; the methods say which was used.
//
// The report must have been built with every document's turns
// ([DocumentLength.Turns], [DocumentUnits.Turns]), and its unit must not be
// document presence or segment match (whose units do not split into turns);
// otherwise ok is false and r is returned unchanged. Each document is cut at
// its turns' starts, so the cut parts cover it exactly and the turns' tables
// sum to the document's.
func (r Report) BootstrapTurns(resamples int, seed int64) (out Report, ok bool) {
	if r.perTurn == nil {
		return r, false
	}
	return r.bootstrap(resamples, seed, r.perTurn, ResampleTurns), true
}

// bootstrap resamples the clusters whose per-code tables are given ([code][cluster]).
func (r Report) bootstrap(resamples int, seed int64, clusters [][]Counts, what string) Report {
	if resamples <= 0 || len(clusters) != len(r.PerCode) || len(clusters) == 0 || len(clusters[0]) < 2 {
		return r
	}
	docs := len(clusters[0])
	out := r
	out.PerCode, out.PerFactor = slices.Clone(r.PerCode), slices.Clone(r.PerFactor)
	out.Resamples, out.Seed, out.Resampling = resamples, seed, what
	targets := allRows(&out)

	const coefs = 5
	values := make([][coefs][]float64, len(targets))
	rng := rand.New(rand.NewSource(seed))
	sparse := sparseClusters(clusters)
	perCode := make([]Counts, len(r.codes))
	for b := 0; b < resamples; b++ {
		clear(perCode)
		var blank int64
		for k := 0; k < docs; k++ {
			c := &sparse[rng.Intn(docs)]
			blank += c.blank
			for _, e := range c.coded {
				perCode[e.code] = perCode[e.code].Add(e.delta)
			}
		}
		for i := range perCode {
			perCode[i].Neither += blank
		}
		sample := rows(newReport(r.CoderA, r.CoderB, r.Unit), perCode, r.codes, r.nameA, r.nameB)
		for j, row := range allRows(&sample) {
			for c, v := range []*float64{row.Kappa, row.ScottPi, row.KrippendorffAlpha, row.GwetAC1, row.BrennanPrediger} {
				if v != nil {
					values[j][c] = append(values[j][c], *v)
				}
			}
		}
	}
	for j, row := range targets {
		ci := make([]*[2]float64, coefs)
		for c, point := range []*float64{row.Kappa, row.ScottPi, row.KrippendorffAlpha, row.GwetAC1, row.BrennanPrediger} {
			if point == nil || len(values[j][c]) == 0 {
				continue
			}
			v := values[j][c]
			slices.Sort(v)
			ci[c] = &[2]float64{percentile(v, 0.025), percentile(v, 0.975)}
		}
		row.CI = Intervals{Kappa: ci[0], ScottPi: ci[1], KrippendorffAlpha: ci[2], GwetAC1: ci[3], BrennanPrediger: ci[4]}
	}
	return out
}

// sparseCluster is one cluster's per-code tables, stored sparsely: most codes
// are used nowhere in a given turn (or even document), and their tables are
// all "neither" — blank units each. coded holds, for the other codes, the
// difference from such a blank table, so that a resample sums the blanks
// once and only the codes actually used in each drawn cluster.
type sparseCluster struct {
	blank int64
	coded []codedTable
}

type codedTable struct {
	code  int
	delta Counts // the table minus Counts{Neither: blank}
}

// sparseClusters turns [code][cluster] tables into sparse clusters.
func sparseClusters(tables [][]Counts) []sparseCluster {
	out := make([]sparseCluster, len(tables[0]))
	for d := range out {
		// A cluster's unused codes all have the same table: Neither = its
		// number of units. Find it from any unused code.
		for i := range tables {
			if t := tables[i][d]; t.Both == 0 && t.OnlyA == 0 && t.OnlyB == 0 {
				out[d].blank = t.Neither
				break
			}
		}
		for i := range tables {
			t := tables[i][d]
			if t.Both != 0 || t.OnlyA != 0 || t.OnlyB != 0 || t.Neither != out[d].blank {
				t.Neither -= out[d].blank
				out[d].coded = append(out[d].coded, codedTable{i, t})
			}
		}
	}
	return out
}

// allRows lists pointers to a report's rows: per code, per factor, overall.
func allRows(r *Report) []*Result {
	return rowPointers(r.PerCode, r.PerFactor, &r.Overall)
}

// rowPointers lists pointers to a report's rows, two-coder or multi-coder,
// in the order the bootstraps fill them: per code, per factor, overall.
func rowPointers[R any](perCode, perFactor []R, overall *R) []*R {
	out := make([]*R, 0, len(perCode)+len(perFactor)+1)
	for i := range perCode {
		out = append(out, &perCode[i])
	}
	for i := range perFactor {
		out = append(out, &perFactor[i])
	}
	return append(out, overall)
}
