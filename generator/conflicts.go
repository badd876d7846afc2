package generator

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/sunco-sdk/sunco-go/generator/internal/parallel"
)

// ConflictError is the hand-written content of the output directory that
// the generated package cannot live with: a file with the name of a
// generated one, a Go file of another package, or a declaration of a name
// or a method the generated code declares too. The run refuses it before
// writing anything, as the package would not build.
type ConflictError struct {
	Conflicts []Conflict
}

// Conflict is one clash between a hand-written file and the generated
// package.
type Conflict struct {
	Pos  string // where the hand-written file clashes: file:line, or the file
	What string // what clashes, and with which generated position
}

func (e *ConflictError) Error() string {
	lines := make([]string, len(e.Conflicts))
	for i, c := range e.Conflicts {
		lines[i] = c.Pos + ": " + c.What
	}
	return strings.Join(lines, "\n")
}

// conflicts finds what in dir clashes with files, the generated package
// pkg and, in those of subdirs that files go to, the package named after
// the subdirectory (the fake): in each directory, an entry sunco-gen did
// not write with the name of a generated file; a hand-written Go file that
// the go command builds with the package (its tests included) whose
// package clause names another package; and its package-level names and
// methods that the generated code declares too (a method also clashes
// with a field of the same name); and a subdir files go to that is not a
// directory. Nil when nothing clashes; a *ConflictError otherwise.
func conflicts(dir, pkg string, files map[string][]byte, subdirs []string) error {
	byDir := map[string]map[string][]byte{}
	for name, src := range files {
		sub, base := path.Split(name)
		sub = strings.TrimSuffix(sub, "/")
		if byDir[sub] == nil {
			byDir[sub] = map[string][]byte{}
		}
		byDir[sub][base] = src
	}
	found, err := packageConflicts(dir, pkg, byDir[""])
	if err != nil {
		return err
	}
	for _, sub := range subdirs {
		if len(byDir[sub]) == 0 {
			continue
		}
		p := filepath.Join(dir, sub)
		if info, err := os.Lstat(p); err == nil && !info.IsDir() {
			found = append(found, Conflict{Pos: p, What: "not a directory, and the generated code has a directory of this name (package " + sub + "); rename it"})
			continue
		}
		more, err := packageConflicts(p, sub, byDir[sub])
		if err != nil {
			return err
		}
		found = append(found, more...)
	}
	if len(found) == 0 {
		return nil
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].Pos < found[j].Pos })
	return &ConflictError{Conflicts: found}
}

// packageConflicts finds what in dir clashes with files, the generated
// package pkg, by file name, as conflicts says.
func packageConflicts(dir, pkg string, files map[string][]byte) ([]Conflict, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil // nothing there yet, or what cannot be read: the write or the check reports it
	}
	var found []Conflict
	var handWritten []*ast.File
	fset := token.NewFileSet()
	for _, e := range entries {
		name, path := e.Name(), filepath.Join(dir, e.Name())
		_, ours := files[name]
		generated := e.Type().IsRegular() && isGenerated(path)
		switch {
		case generated:
			continue
		case ours:
			found = append(found, Conflict{Pos: path, What: "not written by sunco-gen, and the generated package has a file of this name; rename it"})
			continue
		case !strings.HasSuffix(name, ".go") || e.IsDir():
			continue
		}
		if match, err := build.Default.MatchFile(dir, name); err != nil || !match {
			continue // left out of every build here: a //go:build ignore program, another system's file
		}
		f, err := parser.ParseFile(fset, path, nil, parser.PackageClauseOnly|parser.ParseComments)
		if err != nil {
			continue // the go command reports it
		}
		test := strings.HasSuffix(name, "_test.go")
		switch clause := f.Name.Name; {
		case clause == pkg:
			if f, err = parser.ParseFile(fset, path, nil, parser.SkipObjectResolution); err == nil {
				handWritten = append(handWritten, f)
			}
		case test && clause == pkg+"_test":
			// An external test: a package of its own.
		default:
			found = append(found, Conflict{Pos: position(fset, f.Package),
				What: fmt.Sprintf("package %s, but the generated files are package %s (%s)", clause, pkg, packageClause(dir, files))})
		}
	}
	if len(handWritten) > 0 {
		decls, err := generatedDecls(dir, files, declaredNames(handWritten))
		if err != nil {
			return nil, err
		}
		for _, f := range handWritten {
			found = append(found, decls.clashes(fset, f)...)
		}
	}
	return found, nil
}

// position is file:line of pos.
func position(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return fmt.Sprintf("%s:%d", p.Filename, p.Line)
}

// packageClause is where the package clause of a generated file is,
// file:line: client.go's, which every SDK has, else the first file's.
func packageClause(dir string, files map[string][]byte) string {
	name := "client.go"
	if _, ok := files[name]; !ok {
		name = sortedNames(files)[0]
	}
	src := string(files[name])
	line := 1 + strings.Count(src[:strings.Index(src, "\npackage ")+1], "\n")
	return fmt.Sprintf("%s:%d", filepath.Join(dir, name), line)
}

// declared are the package-level names, methods and struct fields of the
// generated code, each at its position (file:line).
type declared struct {
	names   map[string]string
	members map[string]string // "Type.Name": a method or a field
}

// declaredNames are the names the files declare at package level and as
// methods.
func declaredNames(files []*ast.File) [][]byte {
	var names [][]byte
	for _, f := range files {
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				names = append(names, []byte(decl.Name.Name))
			case *ast.GenDecl:
				for _, spec := range decl.Specs {
					switch spec := spec.(type) {
					case *ast.TypeSpec:
						names = append(names, []byte(spec.Name.Name))
					case *ast.ValueSpec:
						for _, name := range spec.Names {
							names = append(names, []byte(name.Name))
						}
					}
				}
			}
		}
	}
	return names
}

// generatedDecls parses the generated Go files that mention one of
// wanted (the others cannot clash), in parallel, and collects what they
// declare; dir is where they are going, for the positions.
func generatedDecls(dir string, files map[string][]byte, wanted [][]byte) (*declared, error) {
	var names []string
	for _, name := range sortedNames(files) {
		if slices.ContainsFunc(wanted, func(w []byte) bool { return bytes.Contains(files[name], w) }) {
			names = append(names, name)
		}
	}
	parsed := make([]*ast.File, len(names))
	fsets := make([]*token.FileSet, len(names))
	err := parallel.Do(len(names), func(i int) error {
		var err error
		fsets[i] = token.NewFileSet()
		parsed[i], err = parser.ParseFile(fsets[i], filepath.Join(dir, names[i]), files[names[i]], parser.SkipObjectResolution)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("parse the generated code: %w", err)
	}
	d := &declared{names: map[string]string{}, members: map[string]string{}}
	for i, f := range parsed {
		d.collect(f, func(pos token.Pos) string { return position(fsets[i], pos) })
	}
	return d, nil
}

// collect adds the declarations of f, placed by at.
func (d *declared) collect(f *ast.File, at func(token.Pos) string) {
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			if recv := receiverName(decl); recv != "" {
				d.members[recv+"."+decl.Name.Name] = at(decl.Name.Pos())
			} else {
				d.names[decl.Name.Name] = at(decl.Name.Pos())
			}
		case *ast.GenDecl:
			for _, spec := range decl.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					d.names[spec.Name.Name] = at(spec.Name.Pos())
					if st, ok := spec.Type.(*ast.StructType); ok {
						for _, field := range st.Fields.List {
							for _, name := range fieldNames(field) {
								d.members[spec.Name.Name+"."+name.Name] = at(name.Pos())
							}
						}
					}
				case *ast.ValueSpec:
					for _, name := range spec.Names {
						d.names[name.Name] = at(name.Pos())
					}
				}
			}
		}
	}
}

// clashes are the declarations of the hand-written file f that the
// generated code declares too.
func (d *declared) clashes(fset *token.FileSet, f *ast.File) []Conflict {
	var out []Conflict
	clash := func(ident *ast.Ident, what, generated string) {
		out = append(out, Conflict{Pos: position(fset, ident.Pos()),
			What: fmt.Sprintf("%s is declared by the generated code too (%s); rename or remove it", what, generated)})
	}
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			recv := receiverName(decl)
			if recv == "" {
				if at, ok := d.names[decl.Name.Name]; ok && decl.Name.Name != "init" {
					clash(decl.Name, "func "+decl.Name.Name, at)
				}
			} else if at, ok := d.members[recv+"."+decl.Name.Name]; ok {
				clash(decl.Name, "method "+recv+"."+decl.Name.Name, at)
			}
		case *ast.GenDecl:
			for _, spec := range decl.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					if at, ok := d.names[spec.Name.Name]; ok {
						clash(spec.Name, "type "+spec.Name.Name, at)
					}
				case *ast.ValueSpec:
					for _, name := range spec.Names {
						if at, ok := d.names[name.Name]; ok && name.Name != "_" {
							clash(name, decl.Tok.String()+" "+name.Name, at)
						}
					}
				}
			}
		}
	}
	return out
}

// receiverName is the name of the type whose method decl is, "" for a
// function.
func receiverName(decl *ast.FuncDecl) string {
	if decl.Recv == nil || len(decl.Recv.List) == 0 {
		return ""
	}
	t := decl.Recv.List[0].Type
	for {
		switch e := t.(type) {
		case *ast.StarExpr:
			t = e.X
		case *ast.ParenExpr:
			t = e.X
		case *ast.IndexExpr:
			t = e.X
		case *ast.IndexListExpr:
			t = e.X
		case *ast.Ident:
			return e.Name
		default:
			return ""
		}
	}
}

// fieldNames are the names a struct field declares: its names, or the
// type's name for an embedded field.
func fieldNames(field *ast.Field) []*ast.Ident {
	if len(field.Names) > 0 {
		return field.Names
	}
	t := field.Type
	for {
		switch e := t.(type) {
		case *ast.StarExpr:
			t = e.X
		case *ast.IndexExpr:
			t = e.X
		case *ast.IndexListExpr:
			t = e.X
		case *ast.SelectorExpr:
			return []*ast.Ident{e.Sel}
		case *ast.Ident:
			return []*ast.Ident{e}
		default:
			return nil
		}
	}
}
