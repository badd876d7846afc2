package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/sunco-sdk/sunco-go/generator"
	"github.com/sunco-sdk/sunco-go/generator/changelog"
)

// diff prints, as Markdown, what changes from the SDK generated from one
// document to the SDK generated from another: its Go API, its behaviour
// and the HTTP API. With -fail-on-incompatible it exits 1 when the Go API
// changed incompatibly.
func diff(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sunco-gen diff", flag.ContinueOnError)
	oldSpec := fs.String("old", "", "the older OpenAPI document (- reads it from standard input)")
	newSpec := fs.String("new", "", "the newer OpenAPI document (- reads it from standard input)")
	failOnIncompatible := fs.Bool("fail-on-incompatible", false, "exit 1 when the Go API changed incompatibly, after printing the changelog (for CI)")
	cfg := generator.Config{Log: stderr, Version: generatorVersion(), Quiet: true, Stdin: stdin}
	fs.StringVar(&cfg.Overlay, "overlay", "", "an OpenAPI Overlay to apply to both, on top of the embedded SunCo overlay")
	fs.StringVar(&cfg.Package, "pkg", "sunco", "the name of the generated package")
	fs.Usage = func() { commandUsage(fs, "diff") }
	if status, ok := parse(fs, args, stdout, stderr); !ok {
		return status
	}
	if status, ok := required(fs, stderr, "old", "new"); !ok {
		return status
	}
	if status, ok := validPackage(cfg.Package, stderr); !ok {
		return status
	}
	if *oldSpec == "-" && *newSpec == "-" {
		fmt.Fprintln(stderr, "sunco-gen diff: -old and -new cannot both read standard input")
		return exitInput
	}
	oldCfg, newCfg := cfg, cfg
	oldCfg.Spec, newCfg.Spec = *oldSpec, *newSpec
	old, err := generator.Generate(oldCfg)
	if err != nil {
		return report(err, false, stderr)
	}
	new, err := generator.Generate(newCfg)
	if err != nil {
		return report(err, false, stderr)
	}
	r, err := changelog.Compare(old, new)
	if err != nil {
		return report(err, false, stderr)
	}
	if err := r.Markdown(stdout); err != nil {
		return report(err, false, stderr)
	}
	if *failOnIncompatible && r.Incompatible() {
		fmt.Fprintf(stderr, "sunco-gen diff: the Go API of package %s changed incompatibly from %s to %s\n", r.Package, r.Old, r.New)
		return exitFailed
	}
	return exitOK
}
