// Command mutation measures whether the test suite notices when behaviour
// breaks: it applies hand-made faults to the generator, the runtime
// templates and the test harness one at a time, regenerates the SDKs the
// way make does, runs the Go test packages of make test, restores the
// sources, and prints a Markdown table of which tests failed for each
// fault and a verdict:
//
//	behavioural    a test other than the golden byte snapshot failed
//	snapshot only  only golden's TestGolden failed, which go test ./golden
//	               -update would silently accept
//	survived       no test failed
//	stale          the fault's text is no longer in its file: update it
//
// then, for each set, the kill rate (the faults a behavioural test caught,
// of those that apply) and the faults no behavioural test caught.
//
// Run it from the module root, after make and make prism (it needs
// spec/openapi.yaml and the Prism of gen/e2e), with a clean work tree for
// the files it mutates:
//
//	go run ./gen/mutation                 # every fault of gen/mutation/sets, about a minute each
//	go run ./gen/mutation -run 'webhook'  # the faults whose name matches
//	go run ./gen/mutation -list           # the faults, and whether each applies
//	go run ./gen/mutation -faults gen/mutation/sets/blind-2.yaml   # one set
//
// It first runs the tests without a fault, and stops if any fails.
// Interrupting it (Ctrl-C) restores the sources; so does the end of every
// fault. It regenerates the SDKs from the restored sources before it exits.
//
// # Sets of faults
//
// The faults are kept in files, a set each, in gen/mutation/sets, so that
// every set can be run again; -faults FILE (repeated for several) runs
// those files instead of all of them. A file is YAML (JSON is YAML too):
// a list of faults,
//
//	# gen/mutation/sets/blind-1.yaml
//	- name: retries-one-too-many   # unique among the faults of a run
//	  set: blind-1                  # may be left out: the file's name without .yaml
//	  kind: runtime                 # runtime, codec, builder, emitter, loader, writer, cli, harness, fake
//	  doc: a request is retried once more than its maximum
//	  edits:                        # in order; each old occurs exactly once in its file
//	    - file: templates/runtime/runtime_transport.go
//	      old: attempt <= cfg.maxRetries && body.replayable()
//	      new: attempt <= cfg.maxRetries+1 && body.replayable()
//
// File is relative to the module root. Old and new are matched exactly,
// whitespace included; new may be "" to delete old. Text of several lines
// is a literal block: "|" keeps the final line break, "|-" leaves it out.
// When its first line starts with a tab, as Go code inside a function
// does, the block needs an indentation indicator, the number of spaces
// its lines are indented by beyond the key's: "|2" or "|2-",
//
//	edits:
//	  - file: generator/write.go
//	    old: |2
//	      	defer removeTree(tmp)
//	    new: ""
//
// go run ./gen/mutation -list -faults FILE checks a new file: it reads
// every fault and says whether each applies, changing nothing.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"

	"gopkg.in/yaml.v3"
)

// An edit replaces Old, which must occur exactly once in File, with New.
type edit struct {
	File string `yaml:"file"`
	Old  string `yaml:"old"`
	New  string `yaml:"new"`
}

// A fault is one hand-made bug: the edits that make it.
type fault struct {
	Name  string `yaml:"name"` // short, unique
	Set   string `yaml:"set"`  // the set it belongs to: its file's name by default
	Kind  string `yaml:"kind"` // runtime, builder, emitter, codec, loader, writer, cli, harness, fake
	Doc   string `yaml:"doc"`  // what goes wrong
	Edits []edit `yaml:"edits"`
}

// setsDir holds the sets of faults, a file each.
const setsDir = "gen/mutation/sets"

// loadFaults reads the faults of the set files, in order; with no file,
// those of every file of setsDir, by name.
func loadFaults(files []string) ([]fault, error) {
	if len(files) == 0 {
		var err error
		if files, err = filepath.Glob(filepath.Join(setsDir, "*.yaml")); err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("no set of faults in %s", setsDir)
		}
	}
	var all []fault
	names := map[string]string{} // fault name → its file
	for _, file := range files {
		faults, err := readSet(file)
		if err != nil {
			return nil, err
		}
		for _, f := range faults {
			if other, ok := names[f.Name]; ok {
				return nil, fmt.Errorf("%s: fault %s: the name is taken by a fault of %s", file, f.Name, other)
			}
			names[f.Name] = file
		}
		all = append(all, faults...)
	}
	return all, nil
}

// readSet reads one set file and checks that each fault says what it is
// and has edits.
func readSet(file string) ([]fault, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var faults []fault
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&faults); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(faults) == 0 {
		return nil, fmt.Errorf("%s: no fault", file)
	}
	set := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	for i := range faults {
		f := &faults[i]
		if f.Set == "" {
			f.Set = set
		}
		if err := f.check(); err != nil {
			return nil, fmt.Errorf("%s: fault %d (%s): %w", file, i+1, f.Name, err)
		}
	}
	return faults, nil
}

// check reports what a fault lacks.
func (f *fault) check() error {
	switch {
	case f.Name == "":
		return errors.New("no name")
	case f.Kind == "":
		return errors.New("no kind")
	case f.Doc == "":
		return errors.New("no doc")
	case len(f.Edits) == 0:
		return errors.New("no edits")
	}
	for i, e := range f.Edits {
		if e.File == "" || e.Old == "" {
			return fmt.Errorf("edit %d: no file, or no old text", i+1)
		}
	}
	return nil
}

// fileList is a flag that may be repeated.
type fileList []string

func (l *fileList) String() string     { return strings.Join(*l, ",") }
func (l *fileList) Set(v string) error { *l = append(*l, v); return nil }

// verdicts, in the order of the summary.
const (
	behavioural  = "behavioural"
	snapshotOnly = "snapshot only"
	survived     = "survived"
	stale        = "stale"
)

// snapshotTests are the tests that compare generated bytes with a
// recorded copy and nothing else.
var snapshotTests = []string{"golden.TestGolden"}

// generateSteps regenerate what make generate does, so that a fault in
// the generator or the runtime reaches the SDKs the tests compile.
var generateSteps = [][]string{
	{"go", "run", "./cmd/sunco-gen", "-q", "-spec", "spec/openapi.yaml", "-out", "gen/sunco"},
	{"go", "generate", "./gen/fixturetest"},
}

func main() {
	run := flag.String("run", "", "only the faults whose name matches this regular expression")
	list := flag.Bool("list", false, "list the faults and whether each applies, and exit")
	timeout := flag.Duration("timeout", 5*time.Minute, "go test -timeout for each fault")
	var files fileList
	flag.Var(&files, "faults", "a set `file` of faults to run (repeat for several); all of "+setsDir+" by default")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: go run ./gen/mutation [-faults FILE]... [-run REGEXP] [-list] [-timeout D] [packages]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if err := mutate(files, *run, *list, *timeout, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "mutation:", err)
		os.Exit(1)
	}
}

func mutate(files []string, pattern string, list bool, timeout time.Duration, pkgs []string) error {
	if _, err := os.Stat("go.mod"); err != nil {
		return errors.New("run from the module root")
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return err
	}
	faults, err := loadFaults(files)
	if err != nil {
		return err
	}
	var selected []fault
	for _, f := range faults {
		if re.MatchString(f.Name) {
			selected = append(selected, f)
		}
	}
	if list {
		for _, f := range selected {
			state := "applies"
			if _, _, err := mutated(f); err != nil {
				state = err.Error()
			}
			fmt.Printf("%-34s %-8s %-8s %s (%s)\n", f.Name, f.Set, f.Kind, f.Doc, state)
		}
		return nil
	}
	if _, err := os.Stat("spec/openapi.yaml"); err != nil {
		return errors.New("spec/openapi.yaml is missing: run make first")
	}
	if _, err := os.Stat("gen/e2e/prism/node_modules/.bin/prism"); err != nil {
		return errors.New("Prism is missing: run make prism first")
	}
	if len(pkgs) == 0 {
		if pkgs, err = testPackages(); err != nil {
			return err
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	fmt.Fprintln(os.Stderr, "baseline: the tests without a fault")
	if out, err := generate(ctx); err != nil {
		return fmt.Errorf("%v\n%s", err, out)
	}
	failed, err := runTests(ctx, pkgs, timeout)
	if err != nil {
		return err
	}
	if len(failed) > 0 {
		return fmt.Errorf("tests fail without a fault, so no fault can be judged: %s", strings.Join(failed, ", "))
	}
	var rows []row
	for i, f := range selected {
		fmt.Fprintf(os.Stderr, "[%d/%d] %s: %s\n", i+1, len(selected), f.Name, f.Doc)
		r, err := try(ctx, f, pkgs, timeout)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "        %s %s\n", r.verdict, strings.Join(r.failed, " "))
		rows = append(rows, r)
	}
	fmt.Fprintln(os.Stderr, "regenerating from the restored sources")
	if out, err := generate(context.Background()); err != nil {
		return fmt.Errorf("regenerating after the run: %v\n%s", err, out)
	}
	printTable(os.Stdout, rows)
	return nil
}

// testPackages are make test's Go test packages: all but the version
// sweep, which make test-specs runs on its own.
func testPackages() ([]string, error) {
	out, err := exec.Command("go", "list", "./...").Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w", err)
	}
	var pkgs []string
	for _, p := range strings.Fields(string(out)) {
		if !strings.HasSuffix(p, "/generator/versions") && !strings.HasSuffix(p, "/gen/mutation") {
			pkgs = append(pkgs, p)
		}
	}
	return pkgs, nil
}

// row is the outcome of one fault.
type row struct {
	fault
	verdict string
	failed  []string // package.Test, or "make generate", or package (build)
}

// try applies f, regenerates, runs the tests and restores the sources,
// whatever happens, before it returns.
func try(ctx context.Context, f fault, pkgs []string, timeout time.Duration) (r row, err error) {
	r.fault = f
	originals, err := apply(f)
	if err != nil {
		r.verdict, r.failed = stale, []string{err.Error()}
		return r, nil
	}
	for _, file := range handWritten {
		if originals[file], err = os.ReadFile(filepath.FromSlash(file)); err != nil {
			return r, errors.Join(err, restore(originals))
		}
	}
	defer func() {
		if rerr := restore(originals); rerr != nil && err == nil {
			err = rerr
		}
	}()
	if out, err := generate(ctx); err != nil {
		if ctx.Err() != nil {
			return r, ctx.Err()
		}
		r.failed = append(r.failed, "make generate: "+firstLine(out))
	}
	failed, err := runTests(ctx, pkgs, timeout)
	if err != nil {
		return r, err
	}
	r.failed = append(r.failed, failed...)
	r.verdict = classify(r.failed)
	return r, nil
}

// handWritten are the files of the generated SDKs' directories that
// the generator did not write. A fault of the writer may delete or replace
// them, so they are restored with the sources after every fault.
var handWritten = []string{"gen/sunco/example_test.go"}

// mutated returns the contents of the files f edits, with and without
// its edits, writing nothing.
func mutated(f fault) (contents, originals map[string][]byte, err error) {
	contents, originals = map[string][]byte{}, map[string][]byte{}
	for i, e := range f.Edits {
		src, ok := contents[e.File]
		if !ok {
			data, err := os.ReadFile(filepath.FromSlash(e.File))
			if err != nil {
				return nil, nil, err
			}
			src, originals[e.File] = data, data
		}
		if n := bytes.Count(src, []byte(e.Old)); n != 1 {
			return nil, nil, fmt.Errorf("edit %d: the text to replace occurs %d times in %s", i+1, n, e.File)
		}
		contents[e.File] = bytes.Replace(src, []byte(e.Old), []byte(e.New), 1)
	}
	return contents, originals, nil
}

// apply writes the edits of f and returns the original contents of the
// files it changed; a fault that does not apply changes nothing.
func apply(f fault) (map[string][]byte, error) {
	contents, originals, err := mutated(f)
	if err != nil {
		return nil, err
	}
	written := map[string][]byte{}
	for file, src := range contents {
		if err := os.WriteFile(filepath.FromSlash(file), src, 0o644); err != nil {
			return nil, errors.Join(err, restore(written))
		}
		written[file] = originals[file]
	}
	return originals, nil
}

// restore writes back the original contents of the mutated files.
func restore(originals map[string][]byte) error {
	var errs []error
	for file, src := range originals {
		errs = append(errs, os.WriteFile(filepath.FromSlash(file), src, 0o644))
	}
	return errors.Join(errs...)
}

// generate runs the generate steps, returning the output of the one that
// fails.
func generate(ctx context.Context) ([]byte, error) {
	for _, step := range generateSteps {
		out, err := exec.CommandContext(ctx, step[0], step[1:]...).CombinedOutput()
		if err != nil {
			return out, fmt.Errorf("%s: %w", strings.Join(step, " "), err)
		}
	}
	return nil, nil
}

// testEvent is the part of a go test -json event the tool reads.
type testEvent struct {
	Action      string
	Package     string
	Test        string
	FailedBuild string
}

// runTests runs go test on pkgs and returns the failures: each failing
// top-level test as package.Test (the package's last path element), and
// packages that fail to build or fail outside any test.
func runTests(ctx context.Context, pkgs []string, timeout time.Duration) ([]string, error) {
	args := append([]string{"test", "-count=1", "-json", "-timeout", timeout.String()}, pkgs...)
	cmd := exec.CommandContext(ctx, "go", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	var failed []string
	testFailed := map[string]bool{} // packages with a failing test
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var ev testEvent
		if json.Unmarshal(sc.Bytes(), &ev) != nil || ev.Action != "fail" {
			continue
		}
		pkg := ev.Package[strings.LastIndex(ev.Package, "/")+1:]
		switch {
		case ev.Test != "" && !strings.Contains(ev.Test, "/"):
			failed = append(failed, pkg+"."+ev.Test)
			testFailed[ev.Package] = true
		case ev.Test == "" && ev.FailedBuild != "":
			failed = append(failed, pkg+" (build)")
		case ev.Test == "" && !testFailed[ev.Package]:
			failed = append(failed, pkg+" (package)")
		}
	}
	_, _ = io.Copy(io.Discard, stdout)
	err = cmd.Wait()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil && len(failed) == 0 {
		// go test failed without a failing package: a setup problem.
		return nil, fmt.Errorf("go test: %v\n%s", err, stderr.Bytes())
	}
	slices.Sort(failed)
	return slices.Compact(failed), nil
}

func classify(failed []string) string {
	if len(failed) == 0 {
		return survived
	}
	for _, f := range failed {
		if !slices.Contains(snapshotTests, f) {
			return behavioural
		}
	}
	return snapshotOnly
}

func firstLine(b []byte) string {
	line, _, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
	return line
}

// printTable writes the outcome of every fault, then for each set, in the
// order the faults came, the counts, the kill rate and the faults no
// behavioural test caught.
func printTable(w io.Writer, rows []row) {
	fmt.Fprintln(w, "| fault | set | kind | verdict | failing tests |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	var sets []string
	for _, r := range rows {
		tests := r.failed
		if len(tests) > 6 {
			tests = append(slices.Clone(tests[:6]), fmt.Sprintf("… %d more", len(r.failed)-6))
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", r.Name, r.Set, r.Kind, r.verdict, strings.Join(tests, ", "))
		if !slices.Contains(sets, r.Set) {
			sets = append(sets, r.Set)
		}
	}
	fmt.Fprintln(w)
	for _, set := range sets {
		fmt.Fprintln(w, summary(set, rows))
	}
}

// summary is the line of one set: how many faults, of each verdict, the
// kill rate by behavioural tests of those that apply, and the faults
// that no behavioural test caught.
func summary(set string, rows []row) string {
	counts := map[string]int{}
	var missed []string
	n := 0
	for _, r := range rows {
		if r.Set != set {
			continue
		}
		n++
		counts[r.verdict]++
		if r.verdict == snapshotOnly || r.verdict == survived {
			missed = append(missed, r.Name+" ("+r.verdict+")")
		}
	}
	line := fmt.Sprintf("%s: %d faults; %s %d, %s %d, %s %d", set, n, behavioural, counts[behavioural], snapshotOnly, counts[snapshotOnly], survived, counts[survived])
	if counts[stale] > 0 {
		line += fmt.Sprintf(", %s %d", stale, counts[stale])
	}
	if applied := n - counts[stale]; applied > 0 {
		line += fmt.Sprintf("; kill rate %d %%", (100*counts[behavioural]+applied/2)/applied)
	}
	if len(missed) > 0 {
		line += "; not caught by a behavioural test: " + strings.Join(missed, ", ")
	}
	return line
}
