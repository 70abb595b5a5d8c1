// Code generated from coding.Statistics and coding.MultiStatistics (coding/statistics.go); DO NOT EDIT.
// After changing them: go test -tags webkit2_41 ./app/ -run TestStatisticsFileIsCurrent -update

export const TWO_CODER_STATISTICS = [
  {
    "key": "kappa",
    "label": "Cohen’s κ",
    "symbol": "κ",
    "help": "Chance agreement from each coder’s own rate of use; the usual choice",
    "formula": "κ = (p_o − p_e) / (1 − p_e), where p_e multiplies the two coders’ own rates of “yes” and of “no”.",
    "citation": "Cohen, 1960",
    "pooled": true
  },
  {
    "key": "scottPi",
    "label": "Scott’s π",
    "symbol": "π",
    "help": "Chance agreement from both coders’ rates of use together",
    "formula": "π = (p_o − p_e) / (1 − p_e) with p_e = m² + (1 − m)², where m is the share of all judgements that were “yes”.",
    "citation": "Scott, 1955",
    "pooled": true
  },
  {
    "key": "krippendorffAlpha",
    "label": "Krippendorff’s α (nominal)",
    "symbol": "α",
    "help": "π corrected for small samples; reported per code, not for pooled rows",
    "formula": "α = 1 − (Only A + Only B)(2N − 1) / (n_yes · n_no), over N units and the two coders’ n_yes “yes” and n_no “no” judgements.",
    "citation": "Krippendorff, 2011",
    "pooled": false
  },
  {
    "key": "gwetAC1",
    "label": "Gwet’s AC1",
    "symbol": "AC1",
    "help": "Chance agreement from how often codes are used; stays stable when a code is rare",
    "formula": "AC1 = (p_o − p_e) / (1 − p_e) with p_e = 2m(1 − m), where m is the share of all judgements that were “yes”.",
    "citation": "Gwet, 2008",
    "pooled": true
  },
  {
    "key": "brennanPrediger",
    "label": "Brennan–Prediger κ (PABAK)",
    "symbol": "κ_BP",
    "help": "Chance fixed at one half; for yes/no codes this is PABAK",
    "formula": "κ_BP = (p_o − ½) / (1 − ½) = 2p_o − 1.",
    "citation": "Brennan \u0026 Prediger, 1981",
    "pooled": true
  }
] as const;

export const MULTI_CODER_STATISTICS = [
  {
    "key": "fleissKappa",
    "label": "Fleiss’ κ",
    "symbol": "Fleiss κ",
    "help": "Scott’s π for any number of coders: chance from how often all coders together used the code",
    "formula": "",
    "citation": "Fleiss, 1971",
    "pooled": true
  },
  {
    "key": "krippendorffAlpha",
    "label": "Krippendorff’s α (nominal)",
    "symbol": "α",
    "help": "Fleiss’ κ corrected for small samples; per code only",
    "formula": "",
    "citation": "Krippendorff, 2011",
    "pooled": false
  },
  {
    "key": "gwetAC1",
    "label": "Gwet’s AC1",
    "symbol": "AC1",
    "help": "Stays stable when a code is rare",
    "formula": "",
    "citation": "Gwet, 2008",
    "pooled": true
  },
  {
    "key": "brennanPrediger",
    "label": "Brennan–Prediger κ",
    "symbol": "κ_BP",
    "help": "Chance fixed at one half",
    "formula": "",
    "citation": "Brennan \u0026 Prediger, 1981",
    "pooled": true
  },
  {
    "key": "percentAgreement",
    "label": "Percent agreement",
    "symbol": "%",
    "help": "Average agreement of every pair of coders, without a correction for chance",
    "formula": "",
    "citation": "",
    "pooled": true
  }
] as const;
