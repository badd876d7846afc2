// Package templates holds the runtimes of the generated code: hand-written
// Go source that the generator copies into every generated package, each
// a package of its own with its own tests: runtime/ for the SDK, fake/ for
// its fake (package <pkg>test), which imports nothing but the standard
// library, the generated part of the fake bridging it to the SDK.
package templates

import (
	"embed"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"strings"
)

//go:embed runtime/*.go fake/*.go
var sources embed.FS

// RuntimeFile is one source file of the runtime.
type RuntimeFile struct {
	Name   string
	Source []byte
}

// Runtime returns the SDK runtime's source files, tests excluded, by name.
func Runtime() ([]RuntimeFile, error) { return files("runtime") }

// Fake returns the source files of the fake's runtime, tests excluded, by
// name.
func Fake() ([]RuntimeFile, error) { return files("fake") }

// files returns the source files of the runtime in dir, tests excluded.
func files(dir string) ([]RuntimeFile, error) {
	entries, err := fs.ReadDir(sources, dir)
	if err != nil {
		return nil, err
	}
	var out []RuntimeFile
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		src, err := fs.ReadFile(sources, dir+"/"+e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, RuntimeFile{Name: e.Name(), Source: src})
	}
	return out, nil
}

// RuntimeNames lists the package-level names the SDK runtime declares.
func RuntimeNames() ([]string, error) { return names(Runtime()) }

// FakeNames lists the package-level names the fake's runtime declares.
func FakeNames() ([]string, error) { return names(Fake()) }

// names lists the package-level names files declare.
func names(files []RuntimeFile, err error) ([]string, error) {
	if err != nil {
		return nil, err
	}
	var names []string
	fset := token.NewFileSet()
	for _, rf := range files {
		f, err := parser.ParseFile(fset, rf.Name, rf.Source, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					names = append(names, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						names = append(names, s.Name.Name)
					case *ast.ValueSpec:
						for _, n := range s.Names {
							names = append(names, n.Name)
						}
					}
				}
			}
		}
	}
	return names, nil
}
