package generator

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// go generate lists the files of a package before it runs the directives
// of the first, then reads each in turn, in name order (the package's
// files and its internal test files together, then its external test
// files), and stops on a listed file that has gone. A run of sunco-gen
// started by go generate therefore does not remove a file go generate may
// still read: it leaves a placeholder there instead, which the build
// ignores and go generate no longer lists, so the next run removes it.
// With the //go:generate line in an external test file of the output
// package (package sunco_test), go generate has read every generated file
// before it runs sunco-gen, and no placeholder is ever needed.

// goGenerateCasualties lists, by slash path, the generated files of dir
// and of its subdirs that this run drops and that the go generate that
// started it may still read: in the output package itself ($GOFILE in
// dir), those that sort after $GOFILE unless it is an external test file;
// in another directory (a subdir's package, or dir when go generate runs
// elsewhere), every one, since go generate may list that package after
// this one. Nil outside go generate.
func goGenerateCasualties(dir string, files map[string][]byte, subdirs []string) []string {
	gofile := os.Getenv("GOFILE")
	if gofile == "" {
		return nil
	}
	here := sameDir(dir, ".")
	testFile := strings.HasSuffix(gofile, "_test.go") && strings.HasSuffix(os.Getenv("GOPACKAGE"), "_test")
	dropped, err := droppedFiles(dir, files, subdirs)
	if err != nil {
		return nil
	}
	var out []string
	for _, name := range dropped {
		inPackage := !strings.Contains(name, "/") && here
		if !strings.HasSuffix(name, ".go") || inPackage && (testFile || name <= gofile) || isPlaceholder(filepath.Join(dir, name)) {
			continue
		}
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// placeholderBody follows the header in a placeholder, before its package
// clause: the build constraint that keeps it out of the package (and out
// of go generate's list), and why it is there.
const placeholderBody = `
//go:build ignore

// This file is no longer generated. go generate, which ran sunco-gen,
// had listed it and stops on a listed file that has gone; the next run of
// sunco-gen removes it.

`

// placeholder is what stands in for a dropped file go generate may still
// read: header, placeholderBody and the package clause.
func placeholder(header, pkg string) []byte {
	return []byte(header + placeholderBody + "package " + pkg + "\n")
}

// isPlaceholder reports a file that placeholder wrote.
func isPlaceholder(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head, _ := io.ReadAll(io.LimitReader(f, 512))
	_, rest, _ := bytes.Cut(head, []byte("\n"))
	return bytes.HasPrefix(rest, []byte(placeholderBody))
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
