//go:build !unix

package generator

import "io/fs"

// chown does nothing where files have no Unix owner.
func chown(string, fs.FileInfo) error { return nil }
