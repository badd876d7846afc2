// Package generator runs the pipeline: load the document, build the IR,
// emit Go files and write them into the output directory atomically.
package generator

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"io"
	"os"
	"regexp"
	"sort"

	"github.com/sunco-sdk/sunco-go/generator/build"
	"github.com/sunco-sdk/sunco-go/generator/emit"
	"github.com/sunco-sdk/sunco-go/generator/ir"
	"github.com/sunco-sdk/sunco-go/generator/load"
	"github.com/sunco-sdk/sunco-go/templates"
)

// Config says what to generate from what.
type Config struct {
	Spec    string // the OpenAPI document
	Overlay string // an OpenAPI Overlay applied to it first; "" for none
	Out     string // the directory of the generated package
	Package string // its package name
	Check   bool   // compare Out with what would be generated, write nothing
	Verbose bool
	Log     io.Writer // warnings and, when Verbose, details; nil discards
}

// InputError is a document the generator cannot use; its message names
// the file and the JSON pointer of the problem.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// ErrDiffers is returned by a Check run when Out is not what the document
// generates.
var ErrDiffers = errors.New("generated files differ")

// Result summarises a run.
type Result struct {
	API      *ir.API
	Warnings []load.Warning
	Files    map[string][]byte // by file name
	Differ   []string          // with Check: the files that differ
}

// Run loads, builds, emits and writes (or checks) one SDK.
func Run(cfg Config) (*Result, error) {
	log := cfg.Log
	if log == nil {
		log = io.Discard
	}
	res, err := Generate(cfg.Spec, cfg.Overlay, cfg.Package)
	if err != nil {
		return nil, err
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(log, "%s: warning: %s\n", cfg.Spec, w)
	}
	if cfg.Verbose {
		fmt.Fprintf(log, "%s: version %s, %d types, %d operations, %d files\n",
			cfg.Spec, res.API.SpecVersion, len(res.API.Decls), countOperations(res.API), len(res.Files))
	}
	if cfg.Check {
		res.Differ, err = diff(cfg.Out, res.Files)
		if err != nil {
			return nil, err
		}
		if len(res.Differ) > 0 {
			return res, ErrDiffers
		}
		return res, nil
	}
	return res, writeDir(cfg.Out, res.Files)
}

// Generate produces the files of the SDK in memory.
func Generate(spec, overlay, pkg string) (*Result, error) {
	opts := load.Options{}
	if overlay != "" {
		data, err := os.ReadFile(overlay)
		if err != nil {
			return nil, &InputError{err}
		}
		opts.Overlay, opts.OverlayName = data, overlay
	}
	loaded, err := load.Load(spec, opts)
	if err != nil {
		return nil, &InputError{err}
	}
	reserved, err := templates.RuntimeNames()
	if err != nil {
		return nil, err
	}
	api, warnings, err := build.Build(build.Input{
		Doc:      loaded.Doc,
		Webhooks: loaded.Webhooks,
		Reserved: append(reserved, emit.FixedNames...),
		Methods:  emit.StructMethods,
		Locals:   emit.LocalNames,
	}, pkg)
	if err != nil {
		return nil, &InputError{inFile(spec, err)}
	}
	files, err := render(api)
	if err != nil {
		return nil, err
	}
	for _, w := range warnings {
		loaded.Warnings = append(loaded.Warnings, load.Warning{Pointer: w.Pointer, Message: w.Message})
	}
	return &Result{API: api, Warnings: loaded.Warnings, Files: files}, nil
}

// inFile names the document in each of the joined errors of the build.
func inFile(spec string, err error) error {
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return fmt.Errorf("%s: %w", spec, err)
	}
	var errs []error
	for _, e := range joined.Unwrap() {
		errs = append(errs, fmt.Errorf("%s: %w", spec, e))
	}
	return errors.Join(errs...)
}

func countOperations(api *ir.API) int {
	n := 0
	for _, s := range api.Services {
		n += len(s.Operations)
	}
	return n
}

var packageClause = regexp.MustCompile(`(?m)^package \w+$`)

// render prints the emitted files and the runtime, each gofmt-clean.
func render(api *ir.API) (map[string][]byte, error) {
	files := map[string][]byte{}
	for _, f := range emit.Files(api) {
		var buf bytes.Buffer
		if err := f.Jen.Render(&buf); err != nil {
			return nil, fmt.Errorf("emit %s: %w", f.Name, err)
		}
		files[f.Name] = buf.Bytes()
	}
	runtime, err := templates.Runtime()
	if err != nil {
		return nil, err
	}
	for _, rf := range runtime {
		src := packageClause.ReplaceAll(rf.Source, []byte("package "+api.Package))
		src = append([]byte("// "+emit.Header+"\n// Source: templates/runtime/"+rf.Name+"\n\n"), src...)
		formatted, err := format.Source(src)
		if err != nil {
			return nil, fmt.Errorf("runtime %s: %w", rf.Name, err)
		}
		files[rf.Name] = formatted
	}
	return files, nil
}

func sortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
