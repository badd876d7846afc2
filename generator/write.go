package generator

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/pmezard/go-difflib/difflib"

	"github.com/sunco-sdk/sunco-go/generator/build"
	"github.com/sunco-sdk/sunco-go/generator/emit"
)

// isGenerated reports a regular file that sunco-gen wrote: its first line
// is the generated-code header, whatever versions it names. Only such
// files may be replaced or dropped.
func isGenerated(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	line, _ := bufio.NewReader(io.LimitReader(f, 512)).ReadString('\n')
	return emit.IsHeader(strings.TrimSuffix(line, "\n"))
}

// StaleFile is a file of the output directory that is not what the
// document generates.
type StaleFile struct {
	Path    string // in the output directory, as the caller named it
	Have    []byte // on disk
	Want    []byte // generated
	Missing bool   // the file is not there; Have is empty
	Dropped bool   // generated earlier, no longer produced; Want is empty
}

// Diff is the unified diff that turns the file on disk into the generated
// one; /dev/null stands for a missing or dropped file.
func (s StaleFile) Diff() string {
	d := difflib.UnifiedDiff{
		A:        lines(s.Have),
		B:        lines(s.Want),
		FromFile: s.Path,
		ToFile:   s.Path,
		ToDate:   "(generated)",
		Context:  3,
	}
	switch {
	case s.Missing:
		d.A, d.FromFile = nil, "/dev/null"
	case s.Dropped:
		d.B, d.ToFile, d.ToDate = nil, "/dev/null", ""
	}
	text, _ := difflib.GetUnifiedDiffString(d) // it fails only when writing to its buffer fails
	return text
}

// lines splits text into lines for difflib, each with its line ending; a
// last line without one carries diff's marker for it. (difflib's own
// SplitLines adds an empty line to text that ends with a newline.)
func lines(text []byte) []string {
	out := strings.SplitAfter(string(text), "\n")
	last := len(out) - 1
	if out[last] == "" {
		return out[:last]
	}
	out[last] += "\n\\ No newline at end of file\n"
	return out
}

// stale lists, by name, the files of dir that differ from files: changed,
// missing, or generated earlier and no longer produced, in dir or in one
// of subdirs. A placeholder (see goGenerateCasualties) is not part of the
// package: not a difference.
func stale(dir string, files map[string][]byte, subdirs []string) ([]StaleFile, error) {
	var out []StaleFile
	for _, name := range sortedNames(files) {
		path := filepath.Join(dir, name)
		have, err := os.ReadFile(path)
		missing := errors.Is(err, fs.ErrNotExist)
		if err != nil && !missing {
			return nil, err
		}
		if missing || !bytes.Equal(have, files[name]) {
			out = append(out, StaleFile{Path: path, Have: have, Want: files[name], Missing: missing})
		}
	}
	dropped, err := droppedFiles(dir, files, subdirs)
	if err != nil {
		return nil, err
	}
	for _, name := range dropped {
		path := filepath.Join(dir, name)
		if isPlaceholder(path) {
			continue
		}
		have, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		out = append(out, StaleFile{Path: path, Have: have, Dropped: true})
	}
	return out, nil
}

// droppedFiles lists, by slash path, the generated files of dir and of its
// subdirs that files does not hold: an earlier run generated them. A
// directory that is not there has none.
func droppedFiles(dir string, files map[string][]byte, subdirs []string) ([]string, error) {
	var out []string
	err := treeEntries(dir, subdirs, func(name, _ string, e fs.DirEntry) {
		if _, ours := files[name]; !ours && e.Type().IsRegular() && isGenerated(filepath.Join(dir, name)) {
			out = append(out, name)
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// treeEntries calls fn with the slash path, the subdir ("" for dir
// itself) and the entry of each entry of dir and of its subdirs. A
// directory that is not there has none.
func treeEntries(dir string, subdirs []string, fn func(name, sub string, e fs.DirEntry)) error {
	for _, sub := range append([]string{""}, subdirs...) {
		entries, err := readTreeDir(dir, sub)
		if err != nil {
			return err
		}
		for _, e := range entries {
			fn(path.Join(sub, e.Name()), sub, e)
		}
	}
	return nil
}

// fakeDirs are the subdirectories of dir that hold, or may hold, a fake
// sunco-gen generated: that of the package pkg, whether or not this run
// writes one (an earlier run's may be there), and that of the package an
// earlier run generated in dir, when it was another.
func fakeDirs(dir, pkg string) []string {
	dirs := []string{build.FakePackage(pkg)}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return dirs
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if !strings.HasSuffix(e.Name(), ".go") || !e.Type().IsRegular() || !isGenerated(p) {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.PackageClauseOnly)
		if err != nil {
			continue
		}
		if earlier := build.FakePackage(f.Name.Name); earlier != dirs[0] {
			dirs = append(dirs, earlier)
		}
		break
	}
	return dirs
}

// The directories a run makes beside the real output directory <base>:
// .<base>.sunco-gen-new-<random> holds the new tree, then (after the
// exchange) the old one until it is removed; .<base>.sunco-gen-old holds
// the old tree between the two renames of the fallback swap. A run killed
// half-way leaves them behind; the next run cleans them up.
const (
	newInfix = ".sunco-gen-new-"
	oldInfix = ".sunco-gen-old"
)

// writeDir replaces dir with a directory that holds files and every entry
// of the old dir that the generator did not write, unless dir holds that
// already. Files go in dir or, by their path, in one of subdirs, where
// the generated files of an earlier run are replaced or dropped and the
// others kept as in dir; any other subdirectory is kept whole. The new
// tree is built
// beside the real directory (the target of dir when dir is a symlink,
// which stays a symlink) and swapped in at once, so that a failure leaves
// dir as it was and a reader sees the old tree or the new, never a mix.
func writeDir(dir string, files map[string][]byte, subdirs []string) error {
	real, err := realDir(dir)
	if err != nil {
		return err
	}
	if err := cleanLeftovers(real); err != nil {
		return err
	}
	if upToDate(real, files, subdirs) {
		return nil
	}
	keep, err := foreign(real, subdirs)
	if err != nil {
		return err
	}
	base := filepath.Base(real)
	tmp, err := fsys.MkdirTemp(filepath.Dir(real), "."+base+newInfix)
	if err != nil {
		return err
	}
	// Whatever happens, even a panic, nothing is left at tmp: after a
	// successful swap the name is gone (renamed) or the old tree there
	// is already removed; after a failure it holds a tree no one needs.
	defer removeTree(tmp)
	if err := fill(tmp, real, files, keep, subdirs); err != nil {
		return err
	}
	return swap(real, tmp)
}

// upToDate reports whether real holds each of files as a write would
// leave it, and no other generated file, there or in subdirs: the run
// then leaves the directory as it is (the same inode), and a shell inside
// it goes on working.
func upToDate(real string, files map[string][]byte, subdirs []string) bool {
	for name, src := range files {
		if !unchanged(filepath.Join(real, name), src) {
			return false
		}
	}
	if _, err := os.Stat(real); err != nil {
		return false
	}
	dropped, err := droppedFiles(real, files, subdirs)
	return err == nil && len(dropped) == 0
}

// realDir resolves every symlink on the way to dir, so that a symlinked
// output directory stays a symlink and the new tree is built on the same
// filesystem as the real one. A directory that does not exist yet (dir or
// the target of a dangling symlink) gets its parent made; the swap
// creates it.
func realDir(dir string) (string, error) {
	p, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for hops := 0; ; hops++ {
		info, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if err := fsys.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return "", err
			}
			parent, err := filepath.EvalSymlinks(filepath.Dir(p))
			return filepath.Join(parent, filepath.Base(p)), err
		case err != nil:
			return "", err
		case info.Mode()&fs.ModeSymlink != 0:
			if hops == 255 {
				return "", fmt.Errorf("%s: too many levels of symbolic links", dir)
			}
			target, err := os.Readlink(p)
			if err != nil {
				return "", err
			}
			if !filepath.IsAbs(target) {
				// Relative to the link's real directory: joining it to a
				// path with symlinks in it would resolve .. lexically.
				parent, err := filepath.EvalSymlinks(filepath.Dir(p))
				if err != nil {
					return "", err
				}
				target = filepath.Join(parent, target)
			}
			p = target
		case !info.IsDir():
			return "", fmt.Errorf("%s is not a directory", dir)
		default:
			real, err := filepath.EvalSymlinks(p)
			if err == nil && filepath.Dir(real) == real {
				return "", fmt.Errorf("%s: the root directory cannot be the output", dir)
			}
			return real, err
		}
	}
}

// cleanLeftovers undoes what a run killed half-way left beside real: an
// old tree set aside by the fallback swap goes back when real is missing
// and is removed otherwise; temporary trees are removed.
func cleanLeftovers(real string) error {
	parent, base := filepath.Split(real)
	aside := filepath.Join(parent, "."+base+oldInfix)
	if _, err := os.Lstat(aside); err == nil {
		if _, err := os.Lstat(real); errors.Is(err, fs.ErrNotExist) {
			if err := fsys.Rename(aside, real); err != nil {
				return err
			}
		} else if err := removeTree(aside); err != nil {
			return err
		}
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+base+newInfix) {
			if err := removeTree(filepath.Join(parent, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// readTreeDir reads the directory sub of dir ("" for dir itself): none
// when it is not there, or a subdirectory that is not a directory (a file
// or a symlink, which is kept as an entry of dir).
func readTreeDir(dir, sub string) ([]fs.DirEntry, error) {
	p := filepath.Join(dir, sub)
	if sub != "" {
		if info, err := os.Lstat(p); err != nil || !info.IsDir() {
			return nil, nil
		}
	}
	entries, err := os.ReadDir(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return entries, err
}

// foreign lists, by slash path, the entries of real that the generator
// did not write, to keep in the new tree: those of real but for the
// subdirs, and those of the subdirs. (conflicts has refused those with
// the name of a file to write, and a subdir that is not a directory where
// files go.)
func foreign(real string, subdirs []string) ([]string, error) {
	var keep []string
	err := treeEntries(real, subdirs, func(name, sub string, e fs.DirEntry) {
		switch {
		case sub == "" && e.IsDir() && slices.Contains(subdirs, name):
		case !e.Type().IsRegular() || !isGenerated(filepath.Join(real, name)):
			keep = append(keep, name)
		}
	})
	if err != nil {
		return nil, err
	}
	return keep, nil
}

// fill writes files into tmp, recreates there the entries keep of real,
// and gives tmp, and each of its subdirs, the mode and owner of the same
// directory of real. A subdir that ends up empty is not made.
func fill(tmp, real string, files map[string][]byte, keep, subdirs []string) error {
	made := map[string]bool{}
	for _, sub := range subdirs {
		inUse := slices.ContainsFunc(slices.Concat(sortedNames(files), keep), func(name string) bool { return path.Dir(name) == sub })
		if !inUse {
			continue
		}
		if err := fsys.Mkdir(filepath.Join(tmp, sub), 0o700); err != nil { // owner-writable until filled
			return err
		}
		made[sub] = true
	}
	for name, src := range files {
		if err := place(tmp, real, name, src); err != nil {
			return err
		}
	}
	for _, name := range keep {
		if err := keepEntry(filepath.Join(real, name), filepath.Join(tmp, name)); err != nil {
			return err
		}
	}
	for _, sub := range subdirs {
		if made[sub] {
			if err := sameDirIdentity(filepath.Join(tmp, sub), filepath.Join(real, sub)); err != nil {
				return err
			}
		}
	}
	return sameDirIdentity(tmp, real)
}

// sameDirIdentity gives the directory dir the mode and owner of real, or
// 0755 when real is not a directory yet.
func sameDirIdentity(dir, real string) error {
	info, err := os.Stat(real)
	if errors.Is(err, fs.ErrNotExist) || err == nil && !info.IsDir() {
		return fsys.Chmod(dir, 0o755)
	}
	if err != nil {
		return err
	}
	if err := chown(dir, info); err != nil { // first: chown clears setuid and setgid
		return err
	}
	return fsys.Chmod(dir, modeBits(info))
}

// place puts the generated file name, with content src, into tmp: as a
// hard link to the file of that name in real when an earlier run left it
// there as a new write would make it, else written anew. Most files of a
// run are the same as the last run's, a link costs a fraction of a
// write, and the file keeps its modification time.
func place(tmp, real, name string, src []byte) error {
	old, path := filepath.Join(real, name), filepath.Join(tmp, name)
	if unchanged(old, src) && fsys.Link(old, path) == nil {
		return nil
	}
	return fsys.WriteFile(path, src, 0o644)
}

// unchanged reports whether path is a regular file of mode 0644 holding
// src.
func unchanged(path string, src []byte) bool {
	info, err := os.Lstat(path)
	if err != nil || !info.Mode().IsRegular() || info.Mode().Perm() != 0o644 || info.Size() != int64(len(src)) {
		return false
	}
	have, err := os.ReadFile(path)
	return err == nil && bytes.Equal(have, src)
}

// keepEntry recreates src at dst as it is: a directory with its content,
// mode, owner and time; a symlink as the same symlink; a file as a hard
// link to the same inode where the filesystem allows, else as a copy with
// its mode, owner and time.
func keepEntry(src, dst string) error {
	info, err := os.Lstat(src)
	if err != nil {
		return err
	}
	switch mode := info.Mode(); {
	case mode.IsDir():
		// Owner-writable until filled, whatever mode it ends with.
		if err := fsys.Mkdir(dst, 0o700); err != nil {
			return err
		}
		entries, err := os.ReadDir(src)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if err := keepEntry(filepath.Join(src, e.Name()), filepath.Join(dst, e.Name())); err != nil {
				return err
			}
		}
		return sameIdentity(dst, info)
	case mode&fs.ModeSymlink != 0:
		target, err := os.Readlink(src)
		if err != nil {
			return err
		}
		if err := fsys.Symlink(target, dst); err != nil {
			return err
		}
		return chown(dst, info)
	case mode.IsRegular():
		if fsys.Link(src, dst) == nil {
			return nil
		}
		return copyFile(src, dst, info)
	default:
		return fmt.Errorf("%s is not a file, directory or symlink: sunco-gen cannot keep it in its output directory", src)
	}
}

// copyFile copies the regular file src, described by info, to dst.
func copyFile(src, dst string, info fs.FileInfo) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := fsys.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return sameIdentity(dst, info)
}

// sameIdentity gives path the mode, owner and modification time info
// describes.
func sameIdentity(path string, info fs.FileInfo) error {
	if err := chown(path, info); err != nil { // first: chown clears setuid and setgid
		return err
	}
	if err := fsys.Chmod(path, modeBits(info)); err != nil {
		return err
	}
	return fsys.Chtimes(path, time.Time{}, info.ModTime())
}

// modeBits are the bits of info's mode that chmod sets.
func modeBits(info fs.FileInfo) fs.FileMode {
	return info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
}

// exchange swaps two directories at once, or returns an error wrapping
// errors.ErrUnsupported where the system cannot. A variable so that tests
// reach the fallback on every system.
var exchange = exchangeDirs

// swap puts the tree tmp in place of real and removes the old tree.
func swap(real, tmp string) error {
	if _, err := os.Lstat(real); errors.Is(err, fs.ErrNotExist) {
		return fsys.Rename(tmp, real)
	}
	old := tmp // where the old tree is once swapped
	err := exchange(real, tmp)
	if errors.Is(err, errors.ErrUnsupported) {
		old, err = swapAside(real, tmp)
	}
	if err != nil {
		return err
	}
	if err := removeTree(old); err != nil {
		return fmt.Errorf("%s is written, but removing the previous tree failed (the next run retries): %w", real, err)
	}
	return nil
}

// removeTree removes a tree that is no longer anyone's (an old or a
// temporary one), even where a kept directory is read-only: the
// directories of the tree, and only they, are made writable first.
func removeTree(path string) error {
	if fsys.RemoveAll(path) == nil {
		return nil
	}
	filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			fsys.Chmod(p, 0o700)
		}
		return nil
	})
	return fsys.RemoveAll(path)
}

// swapAside is the swap of systems without an atomic exchange: two
// renames, with the old tree under a fixed name in between, which the
// next run puts back (cleanLeftovers) if this one dies between them. It
// returns where the old tree is.
func swapAside(real, tmp string) (string, error) {
	parent, base := filepath.Split(real)
	aside := filepath.Join(parent, "."+base+oldInfix)
	if err := fsys.Rename(real, aside); err != nil {
		return "", err
	}
	if err := fsys.Rename(tmp, real); err != nil {
		if rerr := fsys.Rename(aside, real); rerr != nil {
			return "", fmt.Errorf("%w (and putting %s back failed, the next run retries: %v)", err, real, rerr)
		}
		return "", err
	}
	return aside, nil
}
