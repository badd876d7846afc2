// Package generator runs the pipeline: load the document, build the IR,
// emit Go files and write them into the output directory atomically.
package generator

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"go/format"
	"go/scanner"
	"go/token"
	"io"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/sunco-sdk/sunco-go/generator/build"
	"github.com/sunco-sdk/sunco-go/generator/emit"
	"github.com/sunco-sdk/sunco-go/generator/internal/parallel"
	"github.com/sunco-sdk/sunco-go/generator/ir"
	"github.com/sunco-sdk/sunco-go/generator/load"
	specdata "github.com/sunco-sdk/sunco-go/spec"
	"github.com/sunco-sdk/sunco-go/templates"
)

// Config says what to generate from what.
type Config struct {
	Spec    string // the OpenAPI document
	Overlay string // a user's OpenAPI Overlay, applied after the embedded one; "" for none
	Out     string // the directory of the generated package
	Package string // its package name
	// ImportPath is the import path of the generated package, which its
	// fake (the package <Package>test in a subdirectory of Out) imports;
	// "" finds it from the go.mod of the module Out is in. Without one the
	// fake is not generated.
	ImportPath string
	// Version is the generator version recorded in the header of every
	// file; "" is "(devel)". The CLI takes it from its build info; tests
	// fix it so that their output does not change with the build.
	Version string
	// Stdin is where a Spec of "-" is read from; nil is os.Stdin.
	Stdin   io.Reader
	Check   bool      // compare Out with what would be generated, write nothing
	Quiet   bool      // do not log the warnings about the document
	Verbose bool      // log each defect of the document, the stages' times and the stack of an internal error
	Log     io.Writer // warnings and, when Verbose, details; nil discards
}

// log is where the run reports.
func (cfg Config) log() io.Writer {
	if cfg.Log == nil {
		return io.Discard
	}
	return cfg.Log
}

// InputError is a document the generator cannot use; its message names
// the file and the JSON pointer of the problem.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// InternalError is a bug in sunco-gen rather than a problem of its input:
// a panic in the pipeline, or emitted Go source that does not gofmt.
type InternalError struct {
	Input string // the document being generated from
	Value any    // the panic value or the error
	Stack []byte // where it panicked; nil for an error
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("internal error: %v (this is a bug in sunco-gen; input %s)", e.Value, e.Input)
}

// Unwrap gives the error a failed step returned, nil for a panic value
// that is not an error.
func (e *InternalError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// Recover turns a panic of the function that defers it into an
// *InternalError naming input, stored in *err. Every entry point of the
// pipeline defers it, as should a subcommand that calls a stage directly:
//
//	defer generator.Recover(spec, &err)
func Recover(input string, err *error) {
	if v := recover(); v != nil {
		*err = &InternalError{Input: input, Value: v, Stack: debug.Stack()}
	}
}

// internalError is the *InternalError of err, a failed step or the panic
// of a step run on another goroutine.
func internalError(input string, err error) *InternalError {
	if p, ok := errors.AsType[*parallel.Panic](err); ok {
		return &InternalError{Input: input, Value: p.Value, Stack: p.Stack}
	}
	return &InternalError{Input: input, Value: err}
}

// CheckPackage reports whether name can be the package name of the SDK:
// a Go identifier, not a keyword, not blank.
func CheckPackage(name string) error {
	if !token.IsIdentifier(name) || name == "_" {
		return fmt.Errorf("%q is not a Go package name", name)
	}
	return nil
}

// ErrDiffers is returned by a Check run when Out is not what the document
// generates.
var ErrDiffers = errors.New("generated files differ")

// Result summarises a run.
type Result struct {
	API      *ir.API
	Doc      *openapi3.T                   // the document the API was built from, loaded and normalized
	Webhooks map[string]*openapi3.PathItem // its x-webhooks, which Doc leaves out
	Warnings []load.Warning
	// Files are the generated files by their slash-separated path in the
	// output directory: the SDK's (client.go), then those of its fake in
	// its own directory (suncotest/server.go).
	Files  map[string][]byte
	Stale  []StaleFile // with Check: the files of Out that differ, by name
	Stages []Stage     // how long each stage took, in pipeline order
}

// Stage is how long one stage of a run took: load, build, render (emit
// and gofmt the files, in parallel), then write or check.
type Stage struct {
	Name string
	Took time.Duration
}

// stopwatch records the stages of a run one after the other.
type stopwatch struct {
	stages []Stage
	start  time.Time
}

func newStopwatch() *stopwatch { return &stopwatch{start: time.Now()} }

// lap ends the stage name, which started when the previous one ended.
func (w *stopwatch) lap(name string) {
	now := time.Now()
	w.stages = append(w.stages, Stage{Name: name, Took: now.Sub(w.start)})
	w.start = now
}

// stagesLine is the stages on one line: "load 80ms, build 20ms, ...".
func stagesLine(stages []Stage) string {
	parts := make([]string, len(stages))
	for i, s := range stages {
		parts[i] = fmt.Sprintf("%s %s", s.Name, s.Took.Round(100*time.Microsecond))
	}
	return strings.Join(parts, ", ")
}

// Run loads, builds, emits and writes (or checks) one SDK.
func Run(cfg Config) (res *Result, err error) {
	defer Recover(cfg.Spec, &err)
	res, err = Generate(cfg)
	if err != nil {
		return nil, err
	}
	warn(cfg, res.Warnings)
	w := newStopwatch()
	subdirs := fakeDirs(cfg.Out, res.API.Package)
	if err := conflicts(cfg.Out, res.API.Package, res.Files, subdirs); err != nil {
		return nil, err
	}
	if gomod, declared, old := oldGoDirective(cfg.Out); old {
		fmt.Fprintf(cfg.log(), "%s: warning: go %s is older than the generated code needs, go %s (%s): raise the go directive\n", gomod, declared, goVersion, goReason)
	}
	if cfg.Check {
		res.Stale, err = stale(cfg.Out, res.Files, subdirs)
		w.lap("check")
	} else {
		files := res.Files
		casualties := goGenerateCasualties(cfg.Out, files, subdirs)
		if len(casualties) > 0 {
			files = maps.Clone(files)
			for _, name := range casualties {
				pkg := res.API.Package
				if dir := path.Dir(name); dir != "." {
					pkg = dir // a subdirectory's package is named after it
				}
				files[name] = placeholder(emit.Header(cfg.Version), pkg)
			}
		}
		err = writeDir(cfg.Out, files, subdirs)
		w.lap("write")
		if err == nil && len(casualties) > 0 {
			fmt.Fprintf(cfg.log(), "sunco-gen: %s no longer generated: left as a placeholder the build ignores, since go generate has listed it; the next run removes it (a //go:generate line in a _test.go file avoids placeholders)\n",
				strings.Join(casualties, ", "))
		}
	}
	res.Stages = append(res.Stages, w.stages...)
	if cfg.Verbose {
		fmt.Fprintf(cfg.log(), "%s: version %s, %d types, %d operations, %d files\n%s: %s\n",
			cfg.Spec, res.API.SpecVersion, len(res.API.Decls), countOperations(res.API), len(res.Files),
			cfg.Spec, stagesLine(res.Stages))
	}
	switch {
	case err != nil && cfg.Check:
		return nil, err
	case len(res.Stale) > 0:
		return res, ErrDiffers
	}
	return res, err
}

// Generate produces the files of the SDK and its fake in memory; cfg.Out
// serves only to find the SDK's import path when cfg.ImportPath is empty;
// Check, Quiet, Verbose and Log play no part.
func Generate(cfg Config) (res *Result, err error) {
	defer Recover(cfg.Spec, &err)
	if err := CheckPackage(cfg.Package); err != nil {
		return nil, &InputError{err}
	}
	w := newStopwatch()
	doc, loaded, err := loadDoc(cfg)
	if err != nil {
		return nil, err
	}
	w.lap("load")
	reserved, err := templates.RuntimeNames()
	if err != nil {
		return nil, internalError(cfg.Spec, err)
	}
	fakeReserved, err := templates.FakeNames()
	if err != nil {
		return nil, internalError(cfg.Spec, err)
	}
	api, warnings, err := build.Build(build.Input{
		Doc:          loaded.Doc,
		Webhooks:     loaded.Webhooks,
		Order:        loaded.PropertyOrder,
		Reserved:     reserved,
		FakeReserved: fakeReserved,
		ImportPath:   cmp.Or(cfg.ImportPath, importPath(cfg.Out)),
	}, cfg.Package)
	if err != nil {
		return nil, failure(cfg.Spec, inFile(cfg.Spec, err))
	}
	w.lap("build")
	api.SpecSHA256 = checksum(doc)
	if api.ImportPath == "" && len(api.Services) > 0 {
		loaded.Warnings = append(loaded.Warnings, load.Warning{File: cfg.Out, Message: "in no Go module (no go.mod above it): the fake package " + build.FakePackage(api.Package) + ", which imports the SDK by its import path, is not generated"})
	}
	header := emit.Header(cfg.Version)
	files, err := render(api.Package, longestFirst(emit.Files(api), api.Files), header)
	if err == nil && api.Fake != nil {
		err = copyFakeRuntime(files, api.Fake, header)
	}
	if err != nil {
		return nil, internalError(cfg.Spec, err)
	}
	w.lap("render")
	for _, w := range warnings {
		loaded.Warnings = append(loaded.Warnings, load.Warning{Pointer: w.Pointer, Message: w.Message})
	}
	return &Result{API: api, Doc: loaded.Doc, Webhooks: loaded.Webhooks, Warnings: loaded.Warnings, Files: files, Stages: w.stages}, nil
}

// checksum is the hex sha256 of a document whatever its line endings:
// of its bytes with every CRLF made LF, as a checkout on Windows may
// have turned the LF of the repository into CRLF.
func checksum(doc []byte) string {
	sum := sha256.Sum256(bytes.ReplaceAll(doc, []byte("\r\n"), []byte("\n")))
	return hex.EncodeToString(sum[:])
}

// Format is how a document is written out.
type Format int

const (
	YAML Format = iota
	JSON        // compact, for tools that read only JSON
)

// FormatOf is the format a file's name asks for: JSON for a .json file,
// YAML otherwise.
func FormatOf(name string) Format {
	if strings.EqualFold(filepath.Ext(name), ".json") {
		return JSON
	}
	return YAML
}

// Normalize gives the document as the generator reads it (overlay
// applied, defects normalized) in format, for other OpenAPI tools; it
// logs the warnings as Run does. cfg.Out, Package and Check play no part.
func Normalize(cfg Config, format Format) (normalized []byte, err error) {
	defer Recover(cfg.Spec, &err)
	_, loaded, err := loadDoc(cfg)
	if err != nil {
		return nil, err
	}
	warn(cfg, loaded.Warnings)
	if format == JSON {
		return loaded.NormalizedJSON()
	}
	return loaded.NormalizedYAML()
}

// loadDoc reads cfg.Spec (cfg.Stdin for "-", named <stdin> in errors)
// and loads it with cfg.Overlay; doc is the document's bytes as read.
func loadDoc(cfg Config) (doc []byte, loaded *load.Result, err error) {
	overlays, err := Overlays(cfg.Overlay)
	if err != nil {
		return nil, nil, err
	}
	name := cfg.Spec
	if cfg.Spec == "-" {
		name = "<stdin>"
		doc, err = io.ReadAll(cmp.Or[io.Reader](cfg.Stdin, os.Stdin))
	} else {
		doc, err = os.ReadFile(cfg.Spec)
	}
	if err != nil {
		return nil, nil, &InputError{err}
	}
	loaded, err = load.LoadData(name, doc, load.Options{Overlays: overlays})
	if err != nil {
		return nil, nil, failure(cfg.Spec, err)
	}
	return doc, loaded, nil
}

// failure is the error of a step over input (the load, the build) that
// failed with err: an *InternalError when one of its goroutines panicked,
// else an *InputError.
func failure(input string, err error) error {
	if _, panicked := errors.AsType[*parallel.Panic](err); panicked {
		return internalError(input, err)
	}
	return &InputError{err}
}

// Overlays are the overlays the generator applies to a document: the
// SunCo overlay embedded in the generator, then the user's overlay file,
// if any ("" for none).
func Overlays(file string) ([]load.Overlay, error) {
	overlays := []load.Overlay{{Name: specdata.OverlayName, Data: specdata.Overlay}}
	if file == "" {
		return overlays, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, &InputError{err}
	}
	return append(overlays, load.Overlay{Name: file, Data: data}), nil
}

// warn logs the warnings about the document, unless cfg.Quiet. Those at
// a place in it (a JSON pointer) are its known defects, worked around:
// one summary line, or each on a line of its own with cfg.Verbose. A
// warning about an input as a whole (an overlay that does not fit the
// document) has a line of its own.
func warn(cfg Config, warnings []load.Warning) {
	if cfg.Quiet {
		return
	}
	defects := 0
	for _, w := range warnings {
		file := cfg.Spec
		if w.File != "" {
			file = w.File // an overlay's
		}
		switch {
		case w.Pointer == "":
			fmt.Fprintf(cfg.log(), "%s: warning: %s\n", file, w.Message)
		case cfg.Verbose:
			fmt.Fprintf(cfg.log(), "%s: warning: %s: %s\n", file, w.Pointer, w.Message)
		default:
			defects++
		}
	}
	if defects > 0 {
		s := "s"
		if defects == 1 {
			s = ""
		}
		fmt.Fprintf(cfg.log(), "%s: %d warning%s about known defects, each worked around (-v lists them, -q silences this line)\n", cfg.Spec, defects, s)
	}
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

// render prints the emitted files and the runtime, each under header and
// gofmt-clean. The files are emitted, printed and formatted in parallel,
// one per core at a time, in the order given: longest first, so that no
// core is left with a big one at the end. The runtime is copied as written,
// gofmt-clean already (TestRuntimeNeedsNoFormatting), with the package's
// name, pkg, in its package clause and in sdkName.
func render(pkg string, emitted []emit.File, header string) (map[string][]byte, error) {
	formatted := make([][]byte, len(emitted))
	err := parallel.Do(len(emitted), func(i int) error {
		buf := bytes.NewBufferString(header + "\n")
		f := emitted[i].Emit()
		f.NoFormat = true // formatSource says where source that does not format goes wrong
		if err := f.Render(buf); err != nil {
			return fmt.Errorf("emit %s: %w", emitted[i].Name, err)
		}
		var err error
		formatted[i], err = formatSource(emitted[i].Name, buf.Bytes())
		return err
	})
	if err != nil {
		return nil, err
	}
	files := make(map[string][]byte, len(emitted))
	for i, f := range emitted {
		files[f.Name] = formatted[i]
	}
	sources, err := templates.Runtime()
	if err != nil {
		return nil, err
	}
	for _, rf := range sources {
		files[rf.Name] = copyRuntime(pkg, "runtime", rf, header)
	}
	return files, nil
}

// copyFakeRuntime adds to files the runtime of the fake fk, in its
// directory.
func copyFakeRuntime(files map[string][]byte, fk *ir.Fake, header string) error {
	sources, err := templates.Fake()
	if err != nil {
		return err
	}
	for _, rf := range sources {
		files[path.Join(fk.Package, rf.Name)] = copyRuntime(fk.Package, "fake", rf, header)
	}
	return nil
}

// longestFirst orders the emitted files by how much of the IR they hold,
// the most first: their types, counted with their fields or variants, and
// a service's operations. Emitted files that files does not list (the
// client) go last.
func longestFirst(emitted []emit.File, files []*ir.File) []emit.File {
	size := map[string]int{}
	for _, f := range files {
		n := 0
		for _, d := range f.Decls {
			n++
			switch d := d.(type) {
			case *ir.Struct:
				n += len(d.Fields)
			case *ir.Union:
				n += len(d.Variants)
			}
		}
		if f.Service != nil {
			n += 4 * len(f.Service.Operations) // a method, its Params and its doc
		}
		size[f.Name] = n
	}
	sorted := slices.Clone(emitted)
	slices.SortStableFunc(sorted, func(a, b emit.File) int { return cmp.Compare(size[b.Name], size[a.Name]) })
	return sorted
}

// copyRuntime is a file of the runtime in templates/dir as the package
// pkg holds it: under header and a line naming where it comes from, with
// pkg in its package clause and in sdkName (fakeName in the fake's
// runtime), the runtime's one declaration of the name that prefixes its
// errors.
func copyRuntime(pkg, dir string, rf templates.RuntimeFile, header string) []byte {
	out := make([]byte, 0, len(header)+len(rf.Source)+128)
	out = append(out, header+"// Copied from templates/"+dir+"/"+rf.Name+".\n\n"...)
	for line := range bytes.Lines(rf.Source) {
		text, newline := bytes.CutSuffix(line, []byte("\n"))
		switch {
		case isWordLine(text, "package ", ""):
			out = append(out, "package "+pkg...)
		case isWordLine(text, `const sdkName = "`, `"`):
			out = append(out, `const sdkName = "`+pkg+`"`...)
		case isWordLine(text, `const fakeName = "`, `"`):
			out = append(out, `const fakeName = "`+pkg+`"`...)
		default:
			out = append(out, text...)
		}
		if newline {
			out = append(out, '\n')
		}
	}
	return out
}

// isWordLine reports whether line is prefix, a word of letters, digits
// and underscores, and suffix.
func isWordLine(line []byte, prefix, suffix string) bool {
	word, ok := bytes.CutPrefix(line, []byte(prefix))
	if !ok {
		return false
	}
	if word, ok = bytes.CutSuffix(word, []byte(suffix)); !ok || len(word) == 0 {
		return false
	}
	for _, c := range word {
		if c != '_' && (c < '0' || c > '9') && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

// formatSource gofmts the source of the file name. Source that does not
// format is a bug of the emitter; the error shows the first offending
// line rather than the whole file.
func formatSource(name string, src []byte) ([]byte, error) {
	formatted, err := format.Source(src)
	if err == nil {
		return formatted, nil
	}
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		line := ""
		if lines := bytes.Split(src, []byte("\n")); list[0].Pos.Line <= len(lines) {
			line = string(lines[list[0].Pos.Line-1])
		}
		return nil, fmt.Errorf("emitted %s does not gofmt: %s:%v (in %.120q)", name, name, list[0], line)
	}
	return nil, fmt.Errorf("emitted %s does not gofmt: %w", name, err)
}

func sortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
