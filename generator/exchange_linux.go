package generator

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// exchangeDirs swaps the directories a and b with renameat2's
// RENAME_EXCHANGE: both names exist at every instant.
func exchangeDirs(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EINVAL), errors.Is(err, unix.EOPNOTSUPP):
		// An old kernel, or a filesystem without the flag.
		return fmt.Errorf("exchange %s and %s: %w (%v)", a, b, errors.ErrUnsupported, err)
	default:
		return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
	}
}
