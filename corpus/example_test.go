package corpus_test

import (
	"errors"
	"fmt"

	"themis/corpus"
)

func ExampleParse() {
	data := []byte("\uFEFFInterview 7\r\n\r\nInterviewer: How was the first session?\r\nP003: Better than I expected 😀\r\n")
	doc, err := corpus.Parse("interview-7.txt", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: %d words, %d turns\n", doc.Name, doc.Words, len(doc.Turns))
	for _, t := range doc.Turns {
		fmt.Printf("%-11q [%d,%d) %q\n", t.Speaker, t.Start, t.End, corpus.Slice(doc.Text, t.ContentStart, t.End))
	}

	_, err = corpus.Parse("scan.txt", []byte{0x89, 'P', 'N', 'G', 0, 0})
	fmt.Println(err, errors.Is(err, corpus.ErrBinary))
	// Output:
	// interview-7: 13 words, 3 turns
	// ""          [0,11) "Interview 7"
	// "Interviewer" [13,52) "How was the first session?"
	// "P003"      [53,83) "Better than I expected 😀"
	// scan.txt: looks like a binary file, not a transcript true
}
