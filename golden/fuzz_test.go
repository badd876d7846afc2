package golden

import (
	"errors"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"hash/crc32"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/sunco-sdk/sunco-go/generator"
)

// fuzzTimeout bounds the time the generator may take on one input: the
// fixtures take milliseconds, so an input that takes seconds has found a
// loop or an explosion.
const fuzzTimeout = 2 * time.Second

// typeCheckEvery is how often an input that generates is also
// type-checked: one in typeCheckEvery, chosen by a hash of the input so
// that a failure reproduces.
const typeCheckEvery = 4

// FuzzGenerate runs the generator on mutations of the fixture documents.
// Run it with -fuzzminimizetime 1s: by default every new interesting input
// is minimized for a minute, which leaves little time for fuzzing.
// Whatever the input, the generator must return (a result or an error)
// without panicking, within fuzzTimeout; a refusal must be an
// *generator.InputError; and a sample of the SDKs it generates must
// type-check.
func FuzzGenerate(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("testdata", "*", "spec.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	refused, err := filepath.Glob(filepath.Join("testdata", "refused", "*.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range append(seeds, refused...) {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, spec []byte) {
		file, err := os.CreateTemp(dir, "spec-*.yaml")
		if err != nil {
			t.Fatal(err)
		}
		defer os.Remove(file.Name())
		if _, err := file.Write(spec); err != nil {
			t.Fatal(err)
		}
		if err := file.Close(); err != nil {
			t.Fatal(err)
		}
		res, err := generateWithin(file.Name(), fuzzTimeout)
		if err != nil {
			var input *generator.InputError
			if !errors.As(err, &input) {
				t.Fatalf("not an input error: %v", err)
			}
			return
		}
		if crc32.ChecksumIEEE(spec)%typeCheckEvery == 0 {
			if err := typeCheck(res.Files); err != nil {
				t.Fatalf("the generated SDK does not type-check: %v", err)
			}
		}
	})
}

// generateWithin runs the generator on spec and fails when it panics or
// does not return within limit.
func generateWithin(spec string, limit time.Duration) (*generator.Result, error) {
	type outcome struct {
		res   *generator.Result
		err   error
		panic string
	}
	done := make(chan outcome, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- outcome{panic: fmt.Sprintf("%v\n%s", r, debug.Stack())}
			}
		}()
		res, err := generator.Generate(generator.Config{Spec: spec, Package: pkg, ImportPath: importPath("fuzz"), Version: version})
		done <- outcome{res: res, err: err}
	}()
	select {
	case o := <-done:
		if o.panic != "" {
			return nil, fmt.Errorf("generator panicked: %s", o.panic)
		}
		return o.res, o.err
	case <-time.After(limit):
		return nil, fmt.Errorf("generator took longer than %v", limit)
	}
}

// stdImporter imports the standard library for every type check of a
// run, so each package is loaded once.
var stdImporter = sync.OnceValue(func() types.Importer { return importer.Default() })

// importMu serializes use of stdImporter, which is not safe for
// concurrent use.
var importMu sync.Mutex

// typeCheck parses and type-checks the files of one generated SDK: the
// SDK's package, then its fake's (the files in a directory), which
// imports the SDK.
func typeCheck(files map[string][]byte) error {
	byDir := map[string]map[string][]byte{}
	for name, src := range files {
		dir := path.Dir(name)
		if byDir[dir] == nil {
			byDir[dir] = map[string][]byte{}
		}
		byDir[dir][name] = src
	}
	importMu.Lock()
	defer importMu.Unlock()
	sdk, err := checkPackage(pkg, byDir["."], stdImporter())
	if err != nil {
		return err
	}
	for _, dir := range sortedKeys(byDir) {
		if dir != "." {
			if _, err := checkPackage(dir, byDir[dir], withSDK{sdk}); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkPackage type-checks the Go files of the package path.
func checkPackage(path string, files map[string][]byte, imp types.Importer) (*types.Package, error) {
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, name := range sortedKeys(files) {
		if filepath.Ext(name) != ".go" {
			continue
		}
		f, err := parser.ParseFile(fset, name, files[name], parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		parsed = append(parsed, f)
	}
	var errs []error
	conf := types.Config{
		Importer: imp,
		Error:    func(err error) { errs = append(errs, err) },
	}
	checked, _ := conf.Check(path, fset, parsed, nil)
	return checked, errors.Join(errs...)
}

// withSDK imports the SDK it holds (by any path but the standard
// library's) and the standard library.
type withSDK struct{ sdk *types.Package }

func (i withSDK) Import(path string) (*types.Package, error) {
	if strings.Contains(path, ".") {
		return i.sdk, nil
	}
	return stdImporter().Import(path)
}

// TestTypeCheck checks the fuzz target's type check: every fixture SDK
// passes it, and a broken one fails it.
func TestTypeCheck(t *testing.T) {
	for _, c := range cases {
		t.Run(c, func(t *testing.T) {
			assert.NoError(t, typeCheck(generate(t, c).Files))
		})
	}
	t.Run("broken", func(t *testing.T) {
		files := generate(t, "names").Files
		files["broken.go"] = []byte("package sunco\n\nvar _ = GetOAuthURLParams{Nope: 1}\n")
		assert.ErrorContains(t, typeCheck(files), "Nope")
	})
	t.Run("broken fake", func(t *testing.T) {
		files := generate(t, "names").Files
		files["suncotest/broken.go"] = []byte("package suncotest\n\nvar _ = Server{Nope: 1}\n")
		assert.ErrorContains(t, typeCheck(files), "Nope")
	})
}
