// Package templates holds the runtime of the generated SDK: hand-written
// Go source (in runtime/, a package of its own with its own tests) that
// the generator copies into every generated package.
package templates

import (
	"embed"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"strings"
)

//go:embed runtime/*.go
var runtime embed.FS

// RuntimeFile is one source file of the runtime.
type RuntimeFile struct {
	Name   string
	Source []byte
}

// Runtime returns the runtime's source files, tests excluded, by name.
func Runtime() ([]RuntimeFile, error) {
	entries, err := fs.ReadDir(runtime, "runtime")
	if err != nil {
		return nil, err
	}
	var out []RuntimeFile
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		src, err := fs.ReadFile(runtime, "runtime/"+e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, RuntimeFile{Name: e.Name(), Source: src})
	}
	return out, nil
}

// RuntimeNames lists the package-level names the runtime declares.
func RuntimeNames() ([]string, error) {
	files, err := Runtime()
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
