package corpus

import (
	"strings"
	"testing"
)

// parseCase is one small input and the turns it must give, as summaries
// (speaker|timestamp|label|words).
type parseCase struct {
	name string
	file string
	in   string
	want []string
	warn string // a warning to expect, "" for none required
}

func runParseCases(t *testing.T, tests []parseCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(tt.file, []byte(tt.in))
			checkDocument(t, tt.file, doc, err)
			if err != nil {
				t.Fatal(err)
			}
			if got := summaries(doc.Text, doc.Turns); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("turns\n got %q\nwant %q\ntext %q", got, tt.want, doc.Text)
			}
			if tt.warn != "" && !strings.Contains(strings.Join(doc.Warnings, "\n"), tt.warn) {
				t.Errorf("warnings %q, want one mentioning %q", doc.Warnings, tt.warn)
			}
		})
	}
}

func TestCues(t *testing.T) {
	runParseCases(t, []parseCase{
		{"voices merged", "a.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>one</v>\n\n00:00:02.000 --> 00:00:03.000\n<v Ana>two\n\n00:01:03.000 --> 00:01:04.000\n<v Bo>three",
			[]string{"Ana|00:00:01|Ana: |one two", "Bo|00:01:03|Bo: |three"}, "3 cues merged into 2 turns"},
		{"two voices in one cue", "a.vtt", "WEBVTT\n\n00:05.000 --> 00:06.000\n<v Ana>Hi?</v> <v Bo>Hello!</v>",
			[]string{"Ana|00:00:05|Ana: |Hi?", "Bo|00:00:05|Bo: |Hello!"}, ""},
		{"names at line start", "a.vtt", "WEBVTT\n\n00:05.000 --> 00:06.000\n- Ana: Hi?\n- Bo: Hello!",
			[]string{"Ana|00:00:05|Ana: |Hi?", "Bo|00:00:05|Bo: |Hello!"}, ""},
		{"a cue naming nobody continues", "a.srt", "1\n00:00:01,000 --> 00:00:02,000\nANA: one\n\n2\n00:00:09,000 --> 00:00:10,000\ntwo",
			[]string{"ANA|00:00:01|ANA: |one two"}, "2 cues merged into 1 turn"},
		{"no speakers: pauses make turns", "a.srt", "1\n00:00:01,000 --> 00:00:02,000\none\n2\n00:00:02,000 --> 00:00:03,000\ntwo\n3\n00:00:09,000 --> 00:00:10,000\nthree",
			[]string{"|00:00:01||one two", "|00:00:09||three"}, ""},
		{"missing blank lines and CRLF", "a.srt", "\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\n[Ana] one\r\n2\r\n00:00:02,500 --> 00:00:03,000\r\n[Bo] two\r\n",
			[]string{"Ana|00:00:01|Ana: |one", "Bo|00:00:02|Bo: |two"}, ""},
		{"note style region skipped", "a.vtt", "WEBVTT - title\n\nNOTE a\nb\n\nSTYLE\n::cue{}\n\nREGION\nid:x\n\nNOTE\n\n00:00.000 --> 00:01.000 region:x\n<v Ana>x &lt;3 &amp; <b>bold</b> <00:00.500>y",
			[]string{"Ana|00:00:00|Ana: |x <3 & bold y"}, ""},
		{"notes are not speakers", "a.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nNote: the tape hisses\n\n00:01.000 --> 00:02.000\n<v Ana>hi",
			[]string{"|00:00:00||Note: the tape hisses", "Ana|00:00:01|Ana: |hi"}, ""},
		{"hours beyond two digits and ass tags", "a.srt", "1\n100:00:01,000 --> 100:00:02,000\n{\\an8}<font color=\"red\">Ana: hi</font>",
			[]string{"Ana|100:00:01|Ana: |hi"}, ""},
	})
}

// A cue whose time line cannot be read keeps its text, without a time and
// with a warning naming it; it is neither dropped nor glued, time line and
// all, onto the cue before it.
func TestMalformedCueTimes(t *testing.T) {
	runParseCases(t, []parseCase{
		{"srt: a later cue", "a.srt", "1\n00:00:01,000 --> 00:00:02,000\nANA: one\n\n2\n00:00:00:500 --> 00:00:03,000\nBO: two\n\n3\n00:00:04,000 --> 00:00:05,000\nANA: three",
			[]string{"ANA|00:00:01|ANA: |one", "BO||BO: |two", "ANA|00:00:04|ANA: |three"},
			`cue 2 (line 6): its time line "00:00:00:500 --> 00:00:03,000" cannot be read; its text was kept, without a time`},
		{"srt: the first cue", "a.srt", "1\n00:00:00:500 --> 00:00:03,000\nANA: one\n\n2\n00:00:04,000 --> 00:00:05,000\nBO: two",
			[]string{"ANA||ANA: |one", "BO|00:00:04|BO: |two"}, "cue 1 (line 2)"},
		{"srt: blank lines missing", "a.srt", "1\n00:00:01,000 --> 00:00:02,000\none\n2\n00:00:02;000 --> 00:00:03,000\ntwo\n3\n00:00:09,000 --> 00:00:10,000\nthree",
			[]string{"|00:00:01||one two", "|00:00:09||three"}, "cue 2 (line 5)"},
		{"vtt: unreadable start", "a.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>one\n\n00:02:000:1 --> 00:03.000\n<v Bo>two",
			[]string{"Ana|00:00:01|Ana: |one", "Bo||Bo: |two"}, `cue 2 (line 6): its time line "00:02:000:1 --> 00:03.000" cannot be read`},
		{"several", "a.srt", "1\n0:0:0:1 --> 0:0:1\na\n\n2\n0:0:0:2 --> 0:0:3\nb\n\n3\n0:0:0:3 --> 0:0:4\nc",
			[]string{"|||a b c"}, `3 cues have time lines that cannot be read (the first is cue 1, line 2: "0:0:0:1 --> 0:0:1"); their text was kept, without a time`},
		{"an arrow in what is said is text", "a.srt", "1\n00:00:01,000 --> 00:00:02,000\nANA: from home --> to the group",
			[]string{"ANA|00:00:01|ANA: |from home --> to the group"}, ""},
	})
}

func TestTurnTables(t *testing.T) {
	runParseCases(t, []parseCase{
		{"header any case, extra columns", "a.csv", "ID,WHO,Said,Start Time,Notes\n1,Ana,\"Hi, there\",1:02,x\n2,Bo,Yo,00:01:05.5,y",
			[]string{"Ana|00:01:02|Ana: |Hi, there", "Bo|00:01:05|Bo: |Yo"}, "columns read as"},
		{"header without speaker", "a.csv", "text\nfirst\nsecond", []string{"|||first", "|||second"}, ""},
		{"two columns without header", "a.csv", "Ana,Hi\nBo,Hello", []string{"Ana||Ana: |Hi", "Bo||Bo: |Hello"}, "no header row"},
		{"time first", "a.tsv", "0:01\tAna\tHi\n0:02\tBo\tHello", []string{"Ana|00:00:01|Ana: |Hi", "Bo|00:00:02|Bo: |Hello"}, ""},
		{"time last", "a.csv", "Ana;Hi;00:00:01\nBo;Hello;00:00:02", []string{"Ana|00:00:01|Ana: |Hi", "Bo|00:00:02|Bo: |Hello"}, ""},
		{"time not a time kept", "a.csv", "speaker,text,timestamp\nAna,Hi,about a minute in", []string{"Ana|about a minute in|Ana: |Hi"}, ""},
		{"empty rows counted", "a.csv", "speaker,text\n,\nAna,Hi\nBo,\n\n,,", []string{"Ana||Ana: |Hi"}, "3 empty rows skipped"},
		{"multi-line cell and colon in speaker", "a.csv", "speaker,text\nAna:,\"one\r\ntwo\"", []string{"Ana||Ana: |one\ntwo"}, ""},
	})
}

func TestRTF(t *testing.T) {
	runParseCases(t, []parseCase{
		{"code page and unicode", "a.rtf", `{\rtf1\ansi\ansicpg1251 \'cf\'f0\'e8\'e2\'e5\'f2 \uc2\u1046\'c6\'c6 \uc0\u233 x\par}`,
			[]string{"|||Привет Ж éx"}, ""},
		{"destinations skipped", "a.rtf", `{\rtf1{\fonttbl{\f0 Arial;}}{\colortbl;\red0;}{\stylesheet{\s0 Normal;}}{\info{\author Me}}{\*\unknown hidden}{\header head}{\pict 0123}visible\par}`,
			[]string{"|||visible"}, ""},
		{"escapes and specials", "a.rtf", `{\rtf1 a\\b\{c\}\~d\-e\_f\emdash\bullet\ldblquote q\rdblquote\line g\tab h\par}`,
			[]string{"|||a\\b{c}\u00a0de-f—•“q”", "|||g\th"}, ""},
		{"bold labels", "a.rtf", `{\rtf1 {\b Interviewer} Hi.\par{\b Bo:} Yo.\par more\par}`,
			[]string{"Interviewer||Interviewer |Hi.", "Bo||Bo: |Yo.\nmore"}, "bold"},
		{"bin data skipped", "a.rtf", `{\rtf1 a\bin4 }}}}b\par}`, []string{"|||ab"}, ""},
		{"text after the last brace ignored", "a.rtf", `{\rtf1 a}trailing`, []string{"|||a"}, ""},
	})
}

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"# Title\n\nSome *emphasis*, __strong__ and `code`.", "Title\n\nSome emphasis, strong and code."},
		{"[link text](http://x.org) ![alt text](i.png) <https://a.b>", "link text alt text https://a.b"},
		{"- one\n- two\n  - nested\n\n1. first\n2. second", "- one\n- two\n  - nested\n\n1. first\n2. second"},
		{"- **Interviewer:** hi\n- **P1:** ho", "Interviewer: hi\nP1: ho"},
		{"> quoted\n> lines", "quoted\nlines"},
		{"```\ncode  block\n```", "code  block"},
		{"a\\*b\\* &amp; &eacute;", "a*b* & é"},
		{"line one  \nline two\nline three", "line one\nline two\nline three"},
		{"<!-- hidden -->\n<div>shown</div>", "shown"},
		{"| Speaker | Text |\n|---|---|\n| Ana | Hi |", "Speaker\tText\nAna\tHi"},
		{"***\n\nafter", "after"},
	}
	for _, tt := range tests {
		md, ok := markdownText(tt.in)
		got, err := finishText(md)
		if err != nil || got != tt.want || !ok {
			t.Errorf("%q:\n got %q %v\nwant %q", tt.in, got, err, tt.want)
		}
	}
}

func TestMarkdownTooDeep(t *testing.T) {
	in := strings.Repeat("> - ", 40) + "**Ana:** hi"
	doc, err := Parse("deep.md", []byte(in))
	if err != nil || doc.Text != in || len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "nested too deeply") {
		t.Errorf("%q %q %v", doc.Text, doc.Warnings, err)
	}
	if _, ok := markdownText(strings.Repeat("> - ", 16) + "a"); !ok {
		t.Error("16 levels refused")
	}
}

func TestODT(t *testing.T) {
	doc, err := Parse("a.odt", buildODT(t, `<text:p>  a  <text:span>b</text:span>
		c<text:s/>d<text:s text:c="3"/>e</text:p><text:p>f<text:note><text:note-body><text:p>footnote</text:p></text:note-body></text:note></text:p>`+
		`<text:p>g<text:change-start text:change-id="c1"/>h<text:change-end text:change-id="c1"/></text:p>`))
	if err != nil {
		t.Fatal(err)
	}
	if want := "a b c d   e\nf\ngh"; doc.Text != want {
		t.Errorf("text %q, want %q", doc.Text, want)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "tracked changes") {
		t.Errorf("warnings %q", doc.Warnings)
	}
}

func TestDocxStructure(t *testing.T) {
	runParseCases(t, []parseCase{
		{"bold heading is not a label", "a.docx", buildDocxString(t, `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Background</w:t></w:r></w:p>`+boldP("Interviewer", " hi")+boldP("P1", " ho")),
			[]string{"|||Background", "Interviewer||Interviewer |hi", "P1||P1 |ho"}, ""},
		{"bold names need two turns each", "a.docx", buildDocxString(t, boldP("Ana", " hi")+boldP("Bo", " ho")+boldP("Ana", " hey")),
			[]string{"Ana||Ana |hi\nBo ho", "Ana||Ana |hey"}, ""},
		{"one bold label is not enough", "a.docx", buildDocxString(t, boldP("Ana", " hi")+p("Bo ho")),
			[]string{"|||Ana hi", "|||Bo ho"}, ""},
		{"bold off is not bold", "a.docx", buildDocxString(t, `<w:p><w:r><w:rPr><w:b w:val="false"/></w:rPr><w:t>Ana</w:t></w:r><w:r><w:t xml:space="preserve"> hi</w:t></w:r></w:p>`+p("Bo ho")),
			[]string{"|||Ana hi", "|||Bo ho"}, ""},
		{"label alone in its paragraph", "a.docx", buildDocxString(t, boldP("Interviewer:", "")+p("So?")+boldP("Ana:", "")+p("Well.")),
			[]string{"Interviewer||Interviewer:\n|So?", "Ana||Ana:\n|Well."}, ""},
		{"table without header", "a.docx", buildDocxString(t, `<w:tbl>`+tr("Ana", "hi")+tr("Bo", "ho")+`</w:tbl>`),
			[]string{"Ana||Ana: |hi", "Bo||Bo: |ho"}, "table of 2 turns"},
		{"a table that is not turns", "a.docx", buildDocxString(t, `<w:tbl>`+tr("Age group", "Sex", "Referral")+tr("65+", "F", "GP")+`</w:tbl>`),
			[]string{"|||Age group", "|||Sex", "|||Referral", "|||65+", "|||F", "|||GP"}, ""},
	})
}

func buildDocxString(t *testing.T, body string) string { return string(buildDocx(t, body)) }
