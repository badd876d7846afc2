//go:build !linux

package generator

import "errors"

// exchangeDirs has no atomic exchange to call here; swap falls back to
// two renames.
func exchangeDirs(a, b string) error { return errors.ErrUnsupported }
