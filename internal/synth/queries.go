package synth

import "math/rand/v2"

// Query is one full-text query over a generated corpus, in the syntax the
// search box and `themis search` share: words, "quoted phrases", prefix*,
// fuzzy~N, and +must / -not.
type Query struct {
	Kind string // "word", "phrase", "prefix", "fuzzy" or "boolean"
	Text string
}

var queryWords = []string{
	"lonely", "garden", "confidence", "bus", "walking", "money", "volunteer", "anxious", "friends",
	"housing", "sleeping", "referral", "café", "tablets", "daughter", "counselling", "forms", "christmas",
	"choir", "debt", "benefits", "waiting", "breathing", "pension", "library", "isolated", "welcome",
}

var queryPhrases = []string{
	`"link worker"`, `"walking group"`, `"getting out of the house"`, `"coffee morning"`, `"men's shed"`,
	`"citizens advice"`, `"first time"`, `"waiting list"`, `"cup of tea"`, `"made a real difference"`,
	`"reason to get up"`, `"felt listened to"`, `"social prescribing"`, `"heating bills"`,
}

var queryPrefixes = []string{
	"volunt*", "confid*", "garden*", "isolat*", "benefit*", "lonel*", "recommend*", "anx*", "friend*",
	"counsel*", "walk*", "refer*",
}

var queryFuzzy = []string{
	"lonley~1", "gardn~1", "confidnce~2", "walkng~1", "cafe~1", "neighbor~1", "recomend~1", "breathng~1",
	"councelling~2", "volunter~1",
}

var queryBoolean = []string{
	"+garden -bus", "+lonely +winter", "walking +group -swimming", `+"link worker" +money`,
	"+confident -anxious", "+daughter +better", `+"first time" -car`, "+forms +allowance",
	"+choir -yoga", "tea +friends", `+"food bank" +volunteer`, "+sleeping +tablets -counselling",
}

// Queries returns n queries in a fixed mix — 30 % words, 25 % phrases,
// 15 % prefixes, 15 % fuzzy and 15 % boolean — shuffled by seed. Their words
// are the generator's, so most of them find hits in a generated corpus.
func Queries(seed uint64, n int) []Query {
	r := rand.New(rand.NewPCG(seed, 0x51E))
	out := make([]Query, 0, n)
	pick := func(kind string, list []string, k int) {
		for i := 0; i < k && len(out) < n; i++ {
			out = append(out, Query{Kind: kind, Text: list[r.IntN(len(list))]})
		}
	}
	pick("word", queryWords, n*30/100)
	pick("phrase", queryPhrases, n*25/100)
	pick("prefix", queryPrefixes, n*15/100)
	pick("fuzzy", queryFuzzy, n*15/100)
	pick("boolean", queryBoolean, n-len(out))
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}
