// Command sunco-gen generates a Go SDK from the Sunshine Conversations
// OpenAPI document.
//
// Usage:
//
//	sunco-gen -spec FILE -out DIR [-overlay FILE] [-pkg sunco] [-check] [-v]
//	sunco-gen normalize -spec FILE -o OUT [-overlay FILE]
//
// Exit status: 0 on success; 1 when -check finds differences or writing
// fails; 2 when the document cannot be used or the flags are wrong.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/sunco-sdk/sunco-go/generator"
	"github.com/sunco-sdk/sunco-go/generator/load"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "normalize" {
		return normalize(args[1:], stderr)
	}
	if len(args) > 0 && args[0] == "diff" {
		return diff(args[1:], os.Stdout, stderr)
	}
	fs := flag.NewFlagSet("sunco-gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := generator.Config{Log: stderr}
	fs.StringVar(&cfg.Spec, "spec", "", "the OpenAPI document (YAML or JSON)")
	fs.StringVar(&cfg.Overlay, "overlay", "", "an OpenAPI Overlay to apply to it first")
	fs.StringVar(&cfg.Out, "out", "", "the directory of the generated package")
	fs.StringVar(&cfg.Package, "pkg", "sunco", "the name of the generated package")
	fs.BoolVar(&cfg.Check, "check", false, "exit 1 and list the files that differ when -out is not what -spec generates; write nothing")
	fs.BoolVar(&cfg.Verbose, "v", false, "print details")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if cfg.Spec == "" || cfg.Out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "sunco-gen: -spec and -out are required")
		fs.Usage()
		return 2
	}
	res, err := generator.Run(cfg)
	if errors.Is(err, generator.ErrDiffers) {
		for _, name := range res.Differ {
			fmt.Fprintln(stderr, name)
		}
		fmt.Fprintf(stderr, "sunco-gen: %s is not what %s generates (%d files differ)\n", cfg.Out, cfg.Spec, len(res.Differ))
		return 1
	}
	return report(err, stderr)
}

func normalize(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("sunco-gen normalize", flag.ContinueOnError)
	fs.SetOutput(stderr)
	spec := fs.String("spec", "", "the OpenAPI document (YAML or JSON)")
	overlay := fs.String("overlay", "", "an OpenAPI Overlay to apply to it first")
	out := fs.String("o", "", "where to write the normalized document (YAML)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *spec == "" || *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "sunco-gen normalize: -spec and -o are required")
		fs.Usage()
		return 2
	}
	opts := load.Options{}
	if *overlay != "" {
		data, err := os.ReadFile(*overlay)
		if err != nil {
			return report(&generator.InputError{Err: err}, stderr)
		}
		opts.Overlay, opts.OverlayName = data, *overlay
	}
	res, err := load.Load(*spec, opts)
	if err != nil {
		return report(&generator.InputError{Err: err}, stderr)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "%s: warning: %s\n", *spec, w)
	}
	return report(os.WriteFile(*out, res.Normalized, 0o644), stderr)
}

// report prints err and gives the exit status for it.
func report(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "sunco-gen:", err)
	var input *generator.InputError
	if errors.As(err, &input) {
		return 2
	}
	return 1
}
