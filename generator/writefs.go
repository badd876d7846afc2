package generator

import (
	"io/fs"
	"os"
	"time"
)

// fileSystem is every change the write path makes to the file system:
// each call is a step that may fail half-way through a run, and must
// leave the output directory as it was or complete. Tests replace fsys
// to make each step fail in turn. Two steps go around it: exchange, and
// chown (write_unix.go), whose failure the tests do not inject.
type fileSystem interface {
	MkdirAll(path string, perm fs.FileMode) error
	MkdirTemp(dir, pattern string) (string, error)
	Mkdir(name string, perm fs.FileMode) error
	WriteFile(name string, data []byte, perm fs.FileMode) error
	OpenFile(name string, flag int, perm fs.FileMode) (*os.File, error)
	Link(oldname, newname string) error
	Symlink(oldname, newname string) error
	Chmod(name string, mode fs.FileMode) error
	Chtimes(name string, atime, mtime time.Time) error
	Rename(oldpath, newpath string) error
	RemoveAll(path string) error
}

// fsys is the file system the write path changes.
var fsys fileSystem = osFS{}

// osFS is the operating system's file system, through package os.
type osFS struct{}

func (osFS) MkdirAll(path string, perm fs.FileMode) error  { return os.MkdirAll(path, perm) }
func (osFS) MkdirTemp(dir, pattern string) (string, error) { return os.MkdirTemp(dir, pattern) }
func (osFS) Mkdir(name string, perm fs.FileMode) error     { return os.Mkdir(name, perm) }
func (osFS) WriteFile(name string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(name, data, perm)
}
func (osFS) OpenFile(name string, flag int, perm fs.FileMode) (*os.File, error) {
	return os.OpenFile(name, flag, perm)
}
func (osFS) Link(oldname, newname string) error                { return os.Link(oldname, newname) }
func (osFS) Symlink(oldname, newname string) error             { return os.Symlink(oldname, newname) }
func (osFS) Chmod(name string, mode fs.FileMode) error         { return os.Chmod(name, mode) }
func (osFS) Chtimes(name string, atime, mtime time.Time) error { return os.Chtimes(name, atime, mtime) }
func (osFS) Rename(oldpath, newpath string) error              { return os.Rename(oldpath, newpath) }
func (osFS) RemoveAll(path string) error                       { return os.RemoveAll(path) }
