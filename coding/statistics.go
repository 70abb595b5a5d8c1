package coding

// StatisticInfo describes one agreement coefficient for people choosing
// and reading it. The lists below are the only description of the
// coefficients: the report's tables and methods paragraph, the CLI's
// --statistic and the UI (through frontend/src/lib/statistics.gen.ts, which
// app's tests write from them) all read it.
type StatisticInfo struct {
	// Key names the coefficient in requests, flags and JSON ("kappa").
	Key string `json:"key"`
	// Label is its name ("Cohen’s κ"), for a choice and for prose.
	Label string `json:"label"`
	// Symbol is the short label of a column header ("κ", "AC1").
	Symbol string `json:"symbol"`
	// Help is one line that says how it differs from the others.
	Help string `json:"help"`
	// Formula is the sentence that states it, for a table's footnote; empty
	// where none is shown.
	Formula string `json:"formula"`
	// Citation is the source a methods section cites ("Cohen, 1960").
	Citation string `json:"citation"`
	// Pooled says whether factor and overall rows carry it (Krippendorff's α
	// is reported per code only).
	Pooled bool `json:"pooled"`
}

// Statistics are the coefficients of two coders' table (Report), in the
// order they are offered; the first is the default.
var Statistics = []StatisticInfo{
	{Key: "kappa", Label: "Cohen’s κ", Symbol: "κ", Citation: "Cohen, 1960", Pooled: true,
		Help:    "Chance agreement from each coder’s own rate of use; the usual choice",
		Formula: "κ = (p_o − p_e) / (1 − p_e), where p_e multiplies the two coders’ own rates of “yes” and of “no”."},
	{Key: "scottPi", Label: "Scott’s π", Symbol: "π", Citation: "Scott, 1955", Pooled: true,
		Help:    "Chance agreement from both coders’ rates of use together",
		Formula: "π = (p_o − p_e) / (1 − p_e) with p_e = m² + (1 − m)², where m is the share of all judgements that were “yes”."},
	{Key: "krippendorffAlpha", Label: "Krippendorff’s α (nominal)", Symbol: "α", Citation: "Krippendorff, 2011", Pooled: false,
		Help:    "π corrected for small samples; reported per code, not for pooled rows",
		Formula: "α = 1 − (Only A + Only B)(2N − 1) / (n_yes · n_no), over N units and the two coders’ n_yes “yes” and n_no “no” judgements."},
	{Key: "gwetAC1", Label: "Gwet’s AC1", Symbol: "AC1", Citation: "Gwet, 2008", Pooled: true,
		Help:    "Chance agreement from how often codes are used; stays stable when a code is rare",
		Formula: "AC1 = (p_o − p_e) / (1 − p_e) with p_e = 2m(1 − m), where m is the share of all judgements that were “yes”."},
	{Key: "brennanPrediger", Label: "Brennan–Prediger κ (PABAK)", Symbol: "κ_BP", Citation: "Brennan & Prediger, 1981", Pooled: true,
		Help:    "Chance fixed at one half; for yes/no codes this is PABAK",
		Formula: "κ_BP = (p_o − ½) / (1 − ½) = 2p_o − 1."},
}

// MultiStatistics are the coefficients of three or more coders' table
// (MultiReport), in the order they are offered; the first is the default.
var MultiStatistics = []StatisticInfo{
	{Key: "fleissKappa", Label: "Fleiss’ κ", Symbol: "Fleiss κ", Citation: "Fleiss, 1971", Pooled: true,
		Help: "Scott’s π for any number of coders: chance from how often all coders together used the code"},
	{Key: "krippendorffAlpha", Label: "Krippendorff’s α (nominal)", Symbol: "α", Citation: "Krippendorff, 2011", Pooled: false,
		Help: "Fleiss’ κ corrected for small samples; per code only"},
	{Key: "gwetAC1", Label: "Gwet’s AC1", Symbol: "AC1", Citation: "Gwet, 2008", Pooled: true,
		Help: "Stays stable when a code is rare"},
	{Key: "brennanPrediger", Label: "Brennan–Prediger κ", Symbol: "κ_BP", Citation: "Brennan & Prediger, 1981", Pooled: true,
		Help: "Chance fixed at one half"},
	{Key: "percentAgreement", Label: "Percent agreement", Symbol: "%", Pooled: true,
		Help: "Average agreement of every pair of coders, without a correction for chance"},
}

// LookupStatistic finds key in list; ok is false when it is not there.
func LookupStatistic(list []StatisticInfo, key string) (info StatisticInfo, ok bool) {
	for _, s := range list {
		if s.Key == key {
			return s, true
		}
	}
	return StatisticInfo{}, false
}

// StatisticKeys are the keys of list, in order, for a flag's help and its
// refusal.
func StatisticKeys(list []StatisticInfo) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = s.Key
	}
	return out
}
