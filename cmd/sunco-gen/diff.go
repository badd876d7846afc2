package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/sunco-sdk/sunco-go/generator"
	"github.com/sunco-sdk/sunco-go/generator/changelog"
)

// diff prints, as Markdown, what changes from the SDK generated from one
// document to the SDK generated from another: its Go API and the HTTP API.
func diff(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sunco-gen diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	oldSpec := fs.String("old", "", "the older OpenAPI document")
	newSpec := fs.String("new", "", "the newer OpenAPI document")
	overlay := fs.String("overlay", "", "an OpenAPI Overlay to apply to both first")
	pkg := fs.String("pkg", "sunco", "the name of the generated package")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *oldSpec == "" || *newSpec == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "sunco-gen diff: -old and -new are required")
		fs.Usage()
		return 2
	}
	old, err := generator.Generate(*oldSpec, *overlay, *pkg)
	if err != nil {
		return report(err, stderr)
	}
	new, err := generator.Generate(*newSpec, *overlay, *pkg)
	if err != nil {
		return report(err, stderr)
	}
	r, err := changelog.Compare(old, new)
	if err != nil {
		return report(err, stderr)
	}
	return report(r.Markdown(stdout), stderr)
}
