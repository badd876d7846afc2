package main

import (
	"flag"
	"io"

	"github.com/sunco-sdk/sunco-go/generator"
	"github.com/sunco-sdk/sunco-go/generator/changelog"
)

// diff prints, as Markdown, what changes from the SDK generated from one
// document to the SDK generated from another: its Go API and the HTTP API.
func diff(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sunco-gen diff", flag.ContinueOnError)
	oldSpec := fs.String("old", "", "the older OpenAPI document")
	newSpec := fs.String("new", "", "the newer OpenAPI document")
	cfg := generator.Config{Log: stderr, Version: generatorVersion(), Quiet: true}
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
	return report(r.Markdown(stdout), false, stderr)
}
