package frameworks_test

import (
	"fmt"
	"strings"

	"themis/frameworks"
)

func ExampleParse() {
	file := []byte(`themis_codebook: 1
name: Hope study
codes:
  - name: Hope
    key: h
    colour: "#16a34a"
    definition: Talk of a better future.
    codes:
      - name: Plans
        when_to_use: A concrete step the speaker means to take.
        examples:
          - "I've put my name down for the allotment."
`)
	f, err := frameworks.Parse("hope.yaml", file)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range f.Codes {
		fmt.Printf("%s (ref %s, parent %q, key %q) %s\n", c.Name, c.Ref, c.Parent, c.Key, c.Examples)
	}

	_, err = frameworks.Parse("hope.yaml", []byte("themis_codebook: 1\nname: Hope study\ncodes:\n  - name: Hope\n    colour: green\n"))
	fmt.Println(err)
	// Output:
	// Hope (ref hope, parent "", key "h") []
	// Plans (ref plans, parent "hope", key "") [I've put my name down for the allotment.]
	// hope.yaml:5:13: codes[0] ("Hope").colour: expected #rrggbb, got "green"
}

func ExampleEncodeQDC() {
	f := frameworks.Framework{Name: "Hope study", Codes: []frameworks.Code{
		{Ref: "hope", Name: "Hope", Color: "#16a34a", Definition: "Talk of a better future."},
		{Ref: "plans", Parent: "hope", Name: "Plans & steps", Codable: true, WhenToUse: "A concrete step."},
	}}
	data, err := frameworks.EncodeQDC(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	// The guids are derived from the framework name and the refs, so they
	// are the same on every export.
	fmt.Print(strings.Replace(string(data), f.GUIDOf(f.Codes[1]), "(derived guid)", 1))
	// Output:
	// <?xml version="1.0" encoding="utf-8"?>
	// <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Themis">
	//   <Codes>
	//     <Code guid="b5adcdae-3da0-59aa-920a-6b10c8f87a96" name="Hope" isCodable="false" color="#16a34a">
	//       <Description>Talk of a better future.</Description>
	//       <Code guid="(derived guid)" name="Plans &amp; steps" isCodable="true">
	//         <Description>When to use: A concrete step.</Description>
	//       </Code>
	//     </Code>
	//   </Codes>
	// </CodeBook>
}
