//go:build unix

package generator

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// chown gives path (a symlink itself, not its target) the owner and group
// info describes, when they are not already its own. Failing to is an
// error: a kept file must not change hands.
func chown(path string, info fs.FileInfo) error {
	want, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	now, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if have, ok := now.Sys().(*syscall.Stat_t); ok && have.Uid == want.Uid && have.Gid == want.Gid {
		return nil
	}
	if err := os.Lchown(path, int(want.Uid), int(want.Gid)); err != nil {
		return fmt.Errorf("keeping the owner %d:%d: %w", want.Uid, want.Gid, err)
	}
	return nil
}
