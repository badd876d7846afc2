// Command sunco-gen generates a Go SDK from the Sunshine Conversations
// OpenAPI document.
//
// Usage:
//
//	sunco-gen [generate] -spec FILE -out DIR [-overlay FILE] [-pkg sunco] [-check] [-q] [-v]
//	sunco-gen normalize -spec FILE -o FILE [-overlay FILE] [-q] [-v]
//	sunco-gen diff -old FILE -new FILE [-overlay FILE] [-pkg sunco] [-fail-on-incompatible]
//	sunco-gen version
//
// sunco-gen -h lists every subcommand and flag.
//
// Exit status: 0 on success; 1 when -check finds differences or writing
// fails; 2 when the input cannot be used, the flags are wrong, or a
// hand-written file in the output directory clashes with the generated
// code; 3 on an internal error, which is a bug in sunco-gen.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/sunco-sdk/sunco-go/generator"
)

// Exit statuses.
const (
	exitOK       = 0
	exitFailed   = 1 // -check found differences, or writing failed
	exitInput    = 2 // the input cannot be used, the flags are wrong, or a hand-written file clashes
	exitInternal = 3 // a bug in sunco-gen
)

// command is a subcommand: it parses its own arguments and returns the
// exit status.
type command struct {
	name     string
	synopsis string // its arguments, for the usage
	summary  string
	run      func(args []string, stdout, stderr io.Writer) int
}

// commands are the subcommands, the default first; one line each.
func commands() []command {
	return []command{
		{"generate", "-spec FILE -out DIR [flags]", "generate the SDK (the default: the name may be left out)", generate},
		{"normalize", "-spec FILE -o FILE [flags]", "write the document as sunco-gen reads it, for other OpenAPI tools", normalize},
		{"diff", "-old A.yaml -new B.yaml [flags]", "print, as Markdown, the Go API, behaviour and HTTP API changes between two documents", diff},
		{"version", "", "print the version of sunco-gen", version},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches to the subcommand args name, or to generate.
func run(args []string, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return cmds[0].run(args, stdout, stderr)
	}
	for _, c := range cmds {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "sunco-gen: unknown command %q (sunco-gen -h lists them)\n", args[0])
	return exitInput
}

// runGenerator is the pipeline; tests replace it to force an internal
// error.
var runGenerator = generator.Run

// stdin is where diff reads a document named -; tests replace it.
var stdin io.Reader = os.Stdin

func generate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sunco-gen", flag.ContinueOnError)
	cfg := generator.Config{Log: stderr, Version: generatorVersion()}
	fs.StringVar(&cfg.Spec, "spec", "", "the OpenAPI document (YAML or JSON)")
	fs.StringVar(&cfg.Overlay, "overlay", "", "an OpenAPI Overlay to apply on top of the embedded SunCo overlay")
	fs.StringVar(&cfg.Out, "out", "", "the directory of the generated package (may be ., or a symlink)")
	fs.StringVar(&cfg.Package, "pkg", "sunco", "the name of the generated package")
	fs.BoolVar(&cfg.Check, "check", false, "write nothing; print a unified diff of what is stale in -out and exit 1 if anything is")
	fs.BoolVar(&cfg.Quiet, "q", false, "do not print the warnings about the document")
	fs.BoolVar(&cfg.Verbose, "v", false, "print each defect of the document, details, and the stack of an internal error")
	showVersion := fs.Bool("version", false, "print the version of sunco-gen and exit")
	fs.Usage = func() { usage(fs) }
	if status, ok := parse(fs, args, stdout, stderr); !ok {
		return status
	}
	if *showVersion {
		return version(nil, stdout, stderr)
	}
	if status, ok := required(fs, stderr, "spec", "out"); !ok {
		return status
	}
	if status, ok := validPackage(cfg.Package, stderr); !ok {
		return status
	}
	res, err := runGenerator(cfg)
	if errors.Is(err, generator.ErrDiffers) {
		for _, f := range res.Stale {
			fmt.Fprint(stdout, f.Diff())
		}
		fmt.Fprintf(stderr, "sunco-gen: %s is not what %s generates: %s (diff on stdout)\n", cfg.Out, cfg.Spec, staleSummary(res.Stale))
		return exitFailed
	}
	return report(err, cfg.Verbose, stderr)
}

// staleSummary counts stale files by kind: "3 files (1 changed, 1
// missing, 1 no longer generated)".
func staleSummary(stale []generator.StaleFile) string {
	var changed, missing, dropped int
	for _, f := range stale {
		switch {
		case f.Missing:
			missing++
		case f.Dropped:
			dropped++
		default:
			changed++
		}
	}
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{{changed, "changed"}, {missing, "missing"}, {dropped, "no longer generated"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.what))
		}
	}
	files := "files"
	if len(stale) == 1 {
		files = "file"
	}
	return fmt.Sprintf("%d %s (%s)", len(stale), files, strings.Join(parts, ", "))
}

func normalize(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sunco-gen normalize", flag.ContinueOnError)
	cfg := generator.Config{Log: stderr}
	fs.StringVar(&cfg.Spec, "spec", "", "the OpenAPI document (YAML or JSON)")
	fs.StringVar(&cfg.Overlay, "overlay", "", "an OpenAPI Overlay to apply on top of the embedded SunCo overlay")
	out := fs.String("o", "", "where to write the normalized document: JSON when it ends in .json, YAML otherwise")
	fs.BoolVar(&cfg.Quiet, "q", false, "do not print the warnings about the document")
	fs.BoolVar(&cfg.Verbose, "v", false, "print each defect of the document")
	fs.Usage = func() { commandUsage(fs, "normalize") }
	if status, ok := parse(fs, args, stdout, stderr); !ok {
		return status
	}
	if status, ok := required(fs, stderr, "spec", "o"); !ok {
		return status
	}
	doc, err := generator.Normalize(cfg, generator.FormatOf(*out))
	if err == nil {
		err = os.WriteFile(*out, doc, 0o644)
	}
	return report(err, false, stderr)
}

func version(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sunco-gen version", flag.ContinueOnError)
	fs.Usage = func() { commandUsage(fs, "version") }
	if status, ok := parse(fs, args, stdout, stderr); !ok {
		return status
	}
	fmt.Fprintln(stdout, "sunco-gen", generatorVersion())
	return exitOK
}

// modulePath is the module sunco-gen is built from.
const modulePath = "github.com/sunco-sdk/sunco-go"

// generatorVersion is the version of sunco-gen from the build info.
func generatorVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	return moduleVersion(info)
}

// moduleVersion finds the version of sunco-gen's module in info: the main
// module when built here, a dependency when run as a tool of another
// module (go tool sunco-gen), replaced or not; "(devel)" when unknown,
// as for a replacement by a directory.
func moduleVersion(info *debug.BuildInfo) string {
	m := &info.Main
	if m.Path != modulePath {
		m = nil
		for _, d := range info.Deps {
			if d.Path == modulePath {
				m = d
			}
		}
	}
	if m != nil && m.Replace != nil {
		m = m.Replace
	}
	if m == nil || m.Version == "" {
		return "(devel)"
	}
	return m.Version
}

// parse parses args into fs, which must print nothing itself. It reports
// whether the command goes on; when not, the exit status: 0 after the
// usage for -h (on stdout), 2 after one line on stderr for bad flags.
func parse(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (int, bool) {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK, false
	case err != nil:
		fmt.Fprintf(stderr, "%s: %v (%s -h lists the flags)\n", fs.Name(), err, fs.Name())
		return exitInput, false
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "%s: unexpected argument %q (%s -h lists the flags)\n", fs.Name(), fs.Arg(0), fs.Name())
		return exitInput, false
	}
	if name := emptyFlag(fs); name != "" {
		fmt.Fprintf(stderr, "%s: flag -%s is given an empty value (%s -h lists the flags)\n", fs.Name(), name, fs.Name())
		return exitInput, false
	}
	return exitOK, true
}

// emptyFlag names the first string flag given with an empty value
// (-overlay ""), which names no file, directory or package: a mistake,
// such as an unset variable in a script, rather than a wish for the
// default. It is "" when there is none.
func emptyFlag(fs *flag.FlagSet) string {
	name := ""
	fs.Visit(func(f *flag.Flag) {
		if g, ok := f.Value.(flag.Getter); ok && g.Get() == "" && name == "" {
			name = f.Name
		}
	})
	return name
}

// validPackage checks the -pkg flag, as a flag error: one line, exit 2.
func validPackage(name string, stderr io.Writer) (int, bool) {
	if err := generator.CheckPackage(name); err != nil {
		fmt.Fprintf(stderr, "sunco-gen: -pkg %v\n", err)
		return exitInput, false
	}
	return 0, true
}

// required checks that the flags names were given; when not, it says so
// in one line and gives the exit status.
func required(fs *flag.FlagSet, stderr io.Writer, names ...string) (int, bool) {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var missing []string
	for _, n := range names {
		if !set[n] {
			missing = append(missing, "-"+n)
		}
	}
	switch len(missing) {
	case 0:
		return exitOK, true
	case 1:
		fmt.Fprintf(stderr, "%s: %s is required\n", fs.Name(), missing[0])
	default:
		fmt.Fprintf(stderr, "%s: %s are required\n", fs.Name(), strings.Join(missing, " and "))
	}
	return exitInput, false
}

// usage is sunco-gen -h: the subcommands, the flags of generate and the
// exit statuses.
func usage(fs *flag.FlagSet) {
	w := fs.Output()
	fmt.Fprintln(w, "sunco-gen generates a Go SDK from the Sunshine Conversations OpenAPI document.")
	fmt.Fprintln(w, "\nUsage:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  sunco-gen %s\n", strings.TrimSpace(c.name+" "+c.synopsis))
		fmt.Fprintf(w, "        %s\n", c.summary)
	}
	fmt.Fprintln(w, "\nFlags of generate:")
	fs.PrintDefaults()
	fmt.Fprint(w, `
sunco-gen COMMAND -h lists the flags of the other commands.

Exit status:
  0  success
  1  -check found differences, or writing failed
  2  the input cannot be used, the flags are wrong, or a hand-written
     file in -out clashes with the generated code (nothing is written)
  3  internal error: a bug in sunco-gen
`)
}

// commandUsage is sunco-gen NAME -h.
func commandUsage(fs *flag.FlagSet, name string) {
	w := fs.Output()
	for _, c := range commands() {
		if c.name == name {
			fmt.Fprintf(w, "Usage: sunco-gen %s\n\n%s.\n", strings.TrimSpace(c.name+" "+c.synopsis), c.summary)
		}
	}
	flags := 0
	fs.VisitAll(func(*flag.Flag) { flags++ })
	if flags > 0 {
		fmt.Fprintln(w, "\nFlags:")
		fs.PrintDefaults()
	}
}

// report prints err, if any, in one line (with -v, the stack of an
// internal error after it) and gives the exit status for it.
func report(err error, verbose bool, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "sunco-gen:", err)
	var internal *generator.InternalError
	var input *generator.InputError
	var conflict *generator.ConflictError
	switch {
	case errors.As(err, &internal):
		if verbose {
			stderr.Write(internal.Stack)
		}
		return exitInternal
	case errors.As(err, &input), errors.As(err, &conflict):
		return exitInput
	}
	return exitFailed
}
