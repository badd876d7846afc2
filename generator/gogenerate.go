package generator

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// goGenerateCasualties lists the generated files of dir that a run
// started by `go generate` from dir itself (-out .) drops and that go
// generate has not opened yet. go generate lists a package's files
// first, then runs the directives of each in name order, and it stops
// at a listed file that has gone; so these are the files after $GOFILE,
// the one holding the //go:generate line. Nil outside go generate or for
// another directory.
func goGenerateCasualties(dir string, files map[string][]byte) []string {
	gofile := os.Getenv("GOFILE")
	if gofile == "" || !sameDir(dir, ".") {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if _, ours := files[name]; ours || name <= gofile || !strings.HasSuffix(name, ".go") {
			continue
		}
		if e.Type().IsRegular() && isGenerated(filepath.Join(dir, name)) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// sameDir reports whether a and b name the same directory.
func sameDir(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}
