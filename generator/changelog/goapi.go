package changelog

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/exp/apidiff"

	"github.com/sunco-sdk/sunco-go/generator"
)

// Importer imports packages from the compiler's export data. It asks the go
// command where that data is once per batch of new import paths (`go list
// -export -deps`), which takes a fraction of a second, where type-checking
// the standard library from source takes seconds. Share one Importer
// between the packages you compare: each imported package is read once.
type Importer struct {
	fset    *token.FileSet
	exports map[string]string // import path → export data file
	gc      types.Importer
}

// NewImporter returns an Importer whose packages record positions in fset.
func NewImporter(fset *token.FileSet) *Importer {
	im := &Importer{fset: fset, exports: map[string]string{}}
	im.gc = importer.ForCompiler(fset, "gc", im.open)
	return im
}

// Import imports the package with the given path.
func (im *Importer) Import(path string) (*types.Package, error) {
	if err := im.locate([]string{path}); err != nil {
		return nil, err
	}
	return im.gc.Import(path)
}

func (im *Importer) open(path string) (io.ReadCloser, error) {
	file, ok := im.exports[path]
	if !ok || file == "" {
		return nil, fmt.Errorf("no export data for %s", path)
	}
	return os.Open(file)
}

// locate finds the export data of paths and of everything they import.
func (im *Importer) locate(paths []string) error {
	var missing []string
	for _, p := range paths {
		if _, ok := im.exports[p]; !ok {
			missing = append(missing, p)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	args := append([]string{"list", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}"}, missing...)
	var stderr bytes.Buffer
	cmd := exec.Command("go", args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go list -export: %v: %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	for line := range strings.Lines(string(out)) {
		path, file, _ := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		im.exports[path] = file
	}
	return nil
}

// Check parses and type-checks the package a generator run produced, in
// memory; its tests, and its fake in a directory of its own, are left out.
func Check(res *generator.Result, im *Importer) (*types.Package, error) {
	names := make([]string, 0, len(res.Files))
	for name := range res.Files {
		if strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") && !strings.Contains(name, "/") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	var files []*ast.File
	var imports []string
	for _, name := range names {
		f, err := parser.ParseFile(im.fset, name, res.Files[name], parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return nil, err
			}
			imports = append(imports, path)
		}
	}
	if err := im.locate(imports); err != nil {
		return nil, err
	}
	conf := types.Config{Importer: im}
	return conf.Check(res.API.Package, im.fset, files, nil)
}

// GoChanges compares the APIs of two packages: incompatible changes first,
// then compatible ones, each group sorted by name.
func GoChanges(old, new *types.Package) []Change {
	var changes []Change
	for _, c := range apidiff.Changes(old, new).Changes {
		subject, text, _ := strings.Cut(c.Message, ": ")
		severity := Breaking
		if c.Compatible {
			severity = Compatible
		}
		changes = append(changes, Change{Subject: subject, Text: text, Severity: severity})
	}
	sortChanges(changes)
	return changes
}
