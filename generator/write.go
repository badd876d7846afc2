package generator

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/sunco-sdk/sunco-go/generator/emit"
)

// isGenerated reports a file that sunco-gen wrote: its first line is the
// generated-code header. Only such files may be replaced or dropped.
func isGenerated(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	line, _ := bufio.NewReader(f).ReadString('\n')
	return strings.TrimSpace(line) == "// "+emit.Header
}

// diff lists the files of dir that differ from files: changed, missing,
// or generated earlier and no longer produced.
func diff(dir string, files map[string][]byte) ([]string, error) {
	var out []string
	for _, name := range sortedNames(files) {
		have, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		if err != nil || !bytes.Equal(have, files[name]) {
			out = append(out, name)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, e := range entries {
		if _, ours := files[e.Name()]; !ours && e.Type().IsRegular() && isGenerated(filepath.Join(dir, e.Name())) {
			out = append(out, e.Name()+" (stale)")
		}
	}
	return out, nil
}

// writeDir replaces dir with one holding files, keeping every entry of
// the old dir that the generator did not write. The new content is built
// beside dir and swapped in by rename, so a failure leaves dir as it was.
func writeDir(dir string, files map[string][]byte) (err error) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(tmp, name), src, 0o644); err != nil {
			return err
		}
	}
	if err := keepForeign(dir, tmp, files); err != nil {
		return err
	}
	return swap(dir, tmp)
}

// keepForeign copies into tmp what dir holds that the generator did not
// write: other people's files are never deleted.
func keepForeign(dir, tmp string, files map[string][]byte) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		src := filepath.Join(dir, e.Name())
		_, ours := files[e.Name()]
		generated := e.Type().IsRegular() && isGenerated(src)
		switch {
		case ours && !generated:
			return fmt.Errorf("%s was not written by sunco-gen; refusing to replace it", src)
		case ours || generated:
			continue
		case e.IsDir():
			if err := os.CopyFS(filepath.Join(tmp, e.Name()), os.DirFS(src)); err != nil {
				return err
			}
		default:
			if err := copyFile(src, filepath.Join(tmp, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

func copyFile(src, dst string) error {
	info, err := os.Lstat(src)
	if err != nil {
		return err
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		target, err := os.Readlink(src)
		if err != nil {
			return err
		}
		return os.Symlink(target, dst)
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, info.Mode().Perm())
}

// swap moves tmp to dir, moving the old dir out of the way first and
// back if the second rename fails.
func swap(dir, tmp string) error {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(tmp, dir)
	}
	old := tmp + ".old"
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		if rerr := os.Rename(old, dir); rerr != nil {
			return fmt.Errorf("%w (and restoring %s from %s failed: %v)", err, dir, old, rerr)
		}
		return err
	}
	return os.RemoveAll(old)
}
