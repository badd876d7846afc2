package generator

import (
	"errors"
	"go/version"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"golang.org/x/mod/modfile"
)

// goVersion is the oldest Go the generated code builds with: its
// iterators are iter.Seq2, new in Go 1.23, and its standard library
// calls are all older (TestGoVersionIsWhatTheCodeNeeds checks it with go
// vet). goReason says so in the warning.
const (
	goVersion = "1.23"
	goReason  = "iter.Seq2"
)

// oldGoDirective finds the go.mod of the module dir is in (dir need not
// exist yet) and, when its go directive is older than goVersion, returns
// the file and the version it declares ("1.16" when it declares none, as
// the go command assumes). Nothing when dir is in no module, or go.mod
// cannot be read.
func oldGoDirective(dir string) (gomod, declared string, old bool) {
	gomod, f := moduleOf(dir)
	if f == nil {
		return "", "", false
	}
	declared = "1.16"
	if f.Go != nil {
		declared = f.Go.Version
	}
	return gomod, declared, version.Compare("go"+declared, "go"+goVersion) < 0
}

// importPath is the import path of the package in dir (which need not
// exist yet): the path of its module joined with dir's path in the
// module; "" when dir is "" or in no module, or its go.mod cannot be read.
func importPath(dir string) string {
	if dir == "" {
		return ""
	}
	gomod, f := moduleOf(dir)
	if f == nil || f.Module == nil {
		return ""
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(filepath.Dir(gomod), abs)
	if err != nil {
		return ""
	}
	return path.Join(f.Module.Mod.Path, filepath.ToSlash(rel))
}

// moduleOf finds the go.mod of the module dir is in and parses it; nil
// when there is none, or it cannot be read.
func moduleOf(dir string) (gomod string, f *modfile.File) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", nil
	}
	for d := abs; ; d = filepath.Dir(d) {
		gomod = filepath.Join(d, "go.mod")
		data, err := os.ReadFile(gomod)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if filepath.Dir(d) == d {
				return "", nil
			}
			continue
		case err != nil:
			return "", nil
		}
		f, err := modfile.ParseLax(gomod, data, nil)
		if err != nil {
			return "", nil // the go command reports it
		}
		return gomod, f
	}
}
