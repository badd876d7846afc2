package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// errInjected is the failure faultyFS makes a step return.
var errInjected = errors.New("injected failure")

// faultyFS is the operating system's file system that records each step
// of the write path and makes the steps fail chooses fail. A step is
// named by its operation and paths, relative to root, with the random
// name of the temporary tree replaced by <tmp>, and numbered among the
// steps of the same name, so that a step is found again in another run.
type faultyFS struct {
	osFS
	root  string
	tmp   string   // the temporary tree MkdirTemp made
	steps []string // the steps taken (failed ones too), in order
	fail  func(step string) bool
	seen  map[string]int
}

func newFaultyFS(root string, fail func(step string) bool) *faultyFS {
	if fail == nil {
		fail = func(string) bool { return false }
	}
	return &faultyFS{root: root, fail: fail, seen: map[string]int{}}
}

// step records a step and reports the failure injected there, if any.
func (f *faultyFS) step(op string, paths ...string) error {
	name := op
	for _, p := range paths {
		rel, err := filepath.Rel(f.root, p)
		if err != nil || strings.HasPrefix(rel, "..") {
			rel = p
		}
		if f.tmp != "" {
			rel = strings.Replace(rel, f.tmp, "<tmp>", 1)
		}
		name += " " + rel
	}
	f.seen[name]++
	if f.seen[name] > 1 {
		name += fmt.Sprintf(" #%d", f.seen[name])
	}
	f.steps = append(f.steps, name)
	if f.fail(name) {
		return &fs.PathError{Op: op, Path: paths[0], Err: errInjected}
	}
	return nil
}

func (f *faultyFS) MkdirAll(path string, perm fs.FileMode) error {
	if err := f.step("mkdirall", path); err != nil {
		return err
	}
	return f.osFS.MkdirAll(path, perm)
}

func (f *faultyFS) MkdirTemp(dir, pattern string) (string, error) {
	if err := f.step("mkdirtemp", filepath.Join(dir, pattern)); err != nil {
		return "", err
	}
	tmp, err := f.osFS.MkdirTemp(dir, pattern)
	if err == nil {
		f.tmp = filepath.Base(tmp)
	}
	return tmp, err
}

func (f *faultyFS) Mkdir(name string, perm fs.FileMode) error {
	if err := f.step("mkdir", name); err != nil {
		return err
	}
	return f.osFS.Mkdir(name, perm)
}

func (f *faultyFS) WriteFile(name string, data []byte, perm fs.FileMode) error {
	if err := f.step("write", name); err != nil {
		return err
	}
	return f.osFS.WriteFile(name, data, perm)
}

func (f *faultyFS) OpenFile(name string, flag int, perm fs.FileMode) (*os.File, error) {
	if err := f.step("open", name); err != nil {
		return nil, err
	}
	return f.osFS.OpenFile(name, flag, perm)
}

func (f *faultyFS) Link(oldname, newname string) error {
	if err := f.step("link", oldname, newname); err != nil {
		return err
	}
	return f.osFS.Link(oldname, newname)
}

func (f *faultyFS) Symlink(oldname, newname string) error {
	if err := f.step("symlink", newname); err != nil {
		return err
	}
	return f.osFS.Symlink(oldname, newname)
}

func (f *faultyFS) Chmod(name string, mode fs.FileMode) error {
	if err := f.step("chmod", name); err != nil {
		return err
	}
	return f.osFS.Chmod(name, mode)
}

func (f *faultyFS) Chtimes(name string, atime, mtime time.Time) error {
	if err := f.step("chtimes", name); err != nil {
		return err
	}
	return f.osFS.Chtimes(name, atime, mtime)
}

func (f *faultyFS) Rename(oldpath, newpath string) error {
	if err := f.step("rename", oldpath, newpath); err != nil {
		return err
	}
	return f.osFS.Rename(oldpath, newpath)
}

func (f *faultyFS) RemoveAll(path string) error {
	if err := f.step("removeall", path); err != nil {
		return err
	}
	return f.osFS.RemoveAll(path)
}

// useFS makes the write path change the file system through f, with
// exchange its step too: the atomic one, or, with fallback, one that is
// unsupported, as on systems without it.
func useFS(t *testing.T, f *faultyFS, fallback bool) {
	saved := fsys
	fsys = f
	t.Cleanup(func() { fsys = saved })
	setExchange(t, func(a, b string) error {
		if err := f.step("exchange", a, b); err != nil {
			return err
		}
		if fallback {
			return errors.ErrUnsupported
		}
		return exchangeDirs(a, b)
	})
}

// tree is what a directory holds, by relative path: each entry's type
// and mode, and a file's content or a symlink's target; a hand-written
// file's modification time too, which it must keep. A missing directory
// is a nil tree.
func tree(t *testing.T, dir string, handWritten ...string) map[string]string {
	t.Helper()
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		entry := info.Mode().String()
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			entry += " -> " + target
		case d.Type().IsRegular():
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			entry += " " + string(data)
			for _, h := range handWritten {
				if rel == h {
					entry += " " + info.ModTime().UTC().Format(time.RFC3339Nano)
				}
			}
		}
		out[rel] = entry
		return nil
	})
	require.NoError(t, err)
	return out
}

// writeScenario is an output directory as a run finds it, and what the
// run writes into it.
type writeScenario struct {
	name string
	// setup makes the directories in parent; out is parent/sdk, or
	// parent/new/sdk when the scenario has no output directory yet.
	setup func(t *testing.T, parent string)
	out   string
	// old is where the tree the run replaces is before it: out, or the
	// tree a killed run set aside.
	old string
}

// handWritten are the entries the generator did not write, kept by every
// run: in the output directory, in a directory of their own, and in the
// subdirectory the run writes files in too.
var handWritten = []string{"mine.go", "testdata/fixture.json", "sdktest/mine_test.go"}

// writeFiles are the files a run writes: one the last run wrote the
// same, one it wrote otherwise, one new; and, in the subdirectory
// writeSubdirs names (as a fake's), one it wrote otherwise.
var writeFiles = map[string][]byte{
	"same.go":         []byte(generated + "// same\n"),
	"changed.go":      []byte(generated + "// new\n"),
	"added.go":        []byte(generated + "// added\n"),
	"sdktest/fake.go": []byte(generated + "// new fake\n"),
}

// writeSubdirs are the subdirectories the run writes generated files in.
var writeSubdirs = []string{"sdktest"}

// fillOld makes dir an earlier run's output with hand-written entries.
func fillOld(t *testing.T, dir string) {
	writeFile(t, filepath.Join(dir, "same.go"), generated+"// same\n")
	writeFile(t, filepath.Join(dir, "changed.go"), generated+"// old\n")
	writeFile(t, filepath.Join(dir, "dropped.go"), generated+"// dropped\n")
	writeFile(t, filepath.Join(dir, "mine.go"), "package sunco\n\n// mine\n")
	require.NoError(t, os.Chmod(filepath.Join(dir, "mine.go"), 0o600))
	writeFile(t, filepath.Join(dir, "testdata", "fixture.json"), "{}")
	writeFile(t, filepath.Join(dir, "sdktest", "fake.go"), generated+"// old fake\n")
	writeFile(t, filepath.Join(dir, "sdktest", "dropped.go"), generated+"// dropped fake\n")
	writeFile(t, filepath.Join(dir, "sdktest", "mine_test.go"), "package sdktest\n")
	require.NoError(t, os.Chmod(filepath.Join(dir, "sdktest"), 0o750))
	require.NoError(t, os.Symlink("mine.go", filepath.Join(dir, "link.go")))
	require.NoError(t, os.Chmod(filepath.Join(dir, "testdata"), 0o750))
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, h := range handWritten {
		require.NoError(t, os.Chtimes(filepath.Join(dir, h), old, old))
	}
}

var writeScenarios = []writeScenario{
	{
		name:  "update",
		setup: func(t *testing.T, parent string) { fillOld(t, filepath.Join(parent, "sdk")) },
		out:   "sdk", old: "sdk",
	},
	{
		name:  "first run",
		setup: func(*testing.T, string) {},
		out:   "new/sdk", old: "new/sdk",
	},
	{
		name: "leftovers of killed runs",
		setup: func(t *testing.T, parent string) {
			fillOld(t, filepath.Join(parent, "sdk"))
			writeFile(t, filepath.Join(parent, ".sdk.sunco-gen-new-7", "models.go"), generated)
			writeFile(t, filepath.Join(parent, ".sdk.sunco-gen-old", "client.go"), generated)
		},
		out: "sdk", old: "sdk",
	},
	{
		name: "killed between the renames",
		setup: func(t *testing.T, parent string) {
			fillOld(t, filepath.Join(parent, ".sdk.sunco-gen-old"))
			writeFile(t, filepath.Join(parent, ".sdk.sunco-gen-new-7", "models.go"), generated)
		},
		out: "sdk", old: ".sdk.sunco-gen-old",
	},
}

// writeModes are the ways the old tree goes: exchanged atomically or
// renamed aside, and kept files hard-linked or, where links fail (across
// filesystems, protected_hardlinks), copied.
var writeModes = []struct {
	name           string
	fallback, copy bool
}{
	{"exchange", false, false},
	{"exchange, copies", false, true},
	{"two renames", true, false},
	{"two renames, copies", true, true},
}

// TestWriteFaults makes each step of the write path fail in turn, for
// each starting point and way of swapping: a run either fails and leaves
// the output directory as it was (or, killed between the two renames, as
// the next run puts it back), or succeeds with it complete, never half
// written, hand-written entries kept with their mode and time; and the
// next run, without failures, completes it and leaves nothing beside it.
func TestWriteFaults(t *testing.T) {
	for _, sc := range writeScenarios {
		for _, mode := range writeModes {
			t.Run(sc.name+"/"+mode.name, func(t *testing.T) {
				run := func(t *testing.T, fail func(step string) bool) (parent string, f *faultyFS, before map[string]string, err error) {
					parent = t.TempDir()
					sc.setup(t, parent)
					writeFile(t, filepath.Join(parent, "unrelated", "x"), "another directory")
					before = tree(t, filepath.Join(parent, sc.old), handWritten...)
					links := fail
					if mode.copy {
						links = func(step string) bool { return strings.HasPrefix(step, "link ") || fail(step) }
					}
					f = newFaultyFS(parent, links)
					useFS(t, f, mode.fallback)
					err = writeDir(filepath.Join(parent, sc.out), writeFiles, writeSubdirs)
					return parent, f, before, err
				}
				parent, baseline, old, err := run(t, func(string) bool { return false })
				require.NoError(t, err)
				complete := tree(t, filepath.Join(parent, sc.out), handWritten...)
				if old != nil {
					assert.Equal(t, old["."], complete["."], "the directory keeps its mode")
				}
				for _, h := range handWritten {
					if sc.name != "first run" {
						assert.Contains(t, complete, h, "a run keeps what it did not write")
					}
				}
				for name, src := range writeFiles {
					assert.Equal(t, "-rw-r--r-- "+string(src), complete[name])
				}
				assert.NotContains(t, complete, "dropped.go")
				assert.NotContains(t, complete, "sdktest/dropped.go")
				if old != nil {
					assert.Equal(t, old["sdktest"], complete["sdktest"], "the subdirectory keeps its mode")
				}
				assertOnlyEntry(t, filepath.Dir(filepath.Join(parent, sc.out)), beside(sc.out)...)

				for _, step := range baseline.steps {
					if mode.copy && strings.HasPrefix(step, "link ") {
						continue // fails in every run of this mode
					}
					t.Run(step, func(t *testing.T) {
						parent, f, before, err := run(t, func(s string) bool { return s == step })
						require.Contains(t, f.steps, step, "the step is taken again")
						out := filepath.Join(parent, sc.out)
						got := tree(t, out, handWritten...)
						switch {
						case err == nil:
							assert.Equal(t, complete, got, "a run that succeeds leaves it complete")
						case got == nil && sc.old != sc.out:
							assert.ErrorIs(t, err, errInjected)
							aside := filepath.Join(parent, sc.old)
							assert.Equal(t, before, tree(t, aside, handWritten...), "still aside, as the killed run left it")
						default:
							assert.ErrorIs(t, err, errInjected)
							assert.Contains(t, []map[string]string{before, complete}, got, "as it was, or complete")
						}

						fsys = osFS{}
						setExchange(t, exchangeDirs)
						require.NoError(t, writeDir(out, writeFiles, writeSubdirs), "the next run")
						assert.Equal(t, complete, tree(t, out, handWritten...), "the next run completes it")
						assertOnlyEntry(t, filepath.Dir(out), beside(sc.out)...)
					})
				}
			})
		}
	}
}

// beside is what the directory of out, relative to the parent of a
// scenario, holds after a run: out, and the unrelated directory when it
// is there; nothing of the run's.
func beside(out string) []string {
	if filepath.Dir(out) == "." {
		return []string{out, "unrelated"}
	}
	return []string{filepath.Base(out)}
}

// TestWriteFailuresTheNextRunRepairs makes several steps fail, as when
// the system refuses every change for a while: the run fails saying that
// the next run retries, what it leaves is whole, and the next run
// completes the directory and removes what was left beside it.
func TestWriteFailuresTheNextRunRepairs(t *testing.T) {
	tests := []struct {
		name     string
		fallback bool
		fail     func(step string) bool
		err      string   // with OUT, TMP and ASIDE for the paths
		left     []string // beside the output directory after the failed run
		complete bool     // the failed run left the output complete; else missing
	}{
		{
			name:     "the second rename and putting the old tree back",
			fallback: true,
			fail: func(step string) bool {
				return step == "rename <tmp> sdk" || step == "rename .sdk.sunco-gen-old sdk"
			},
			err:  "rename TMP: injected failure (and putting OUT back failed, the next run retries: rename ASIDE: injected failure)",
			left: []string{".sdk.sunco-gen-old"},
		},
		{
			name: "removing the old tree, exchanged",
			fail: func(step string) bool { return strings.HasPrefix(step, "removeall ") },
			err:  "OUT is written, but removing the previous tree failed (the next run retries): removeall TMP: injected failure",
			left: []string{".sdk.sunco-gen-new-"}, complete: true,
		},
		{
			name:     "removing the old tree, renamed aside",
			fallback: true,
			fail:     func(step string) bool { return strings.HasPrefix(step, "removeall ") },
			err:      "OUT is written, but removing the previous tree failed (the next run retries): removeall ASIDE: injected failure",
			left:     []string{".sdk.sunco-gen-old"}, complete: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "sdk")
			fillOld(t, out)
			before := tree(t, out, handWritten...)
			f := newFaultyFS(parent, tt.fail)
			useFS(t, f, tt.fallback)

			err := writeDir(out, writeFiles, writeSubdirs)

			require.Error(t, err)
			want := strings.NewReplacer("OUT", out, "TMP", filepath.Join(parent, f.tmp), "ASIDE", filepath.Join(parent, ".sdk.sunco-gen-old")).Replace(tt.err)
			assert.Equal(t, want, err.Error())
			var left []string
			entries, err := os.ReadDir(parent)
			require.NoError(t, err)
			for _, e := range entries {
				if name := e.Name(); name != "sdk" {
					if strings.HasPrefix(name, ".sdk.sunco-gen-new-") {
						name = ".sdk.sunco-gen-new-"
					}
					left = append(left, name)
				}
			}
			assert.ElementsMatch(t, tt.left, left)
			got := tree(t, out, handWritten...)
			if tt.complete {
				for name, src := range writeFiles {
					assert.Equal(t, "-rw-r--r-- "+string(src), got[name])
				}
			} else {
				assert.Nil(t, got)
				assert.Equal(t, before, tree(t, filepath.Join(parent, ".sdk.sunco-gen-old"), handWritten...), "the old tree, whole, waits aside")
			}

			fsys = osFS{}
			setExchange(t, exchangeDirs)
			require.NoError(t, writeDir(out, writeFiles, writeSubdirs))
			got = tree(t, out, handWritten...)
			for name, src := range writeFiles {
				assert.Equal(t, "-rw-r--r-- "+string(src), got[name])
			}
			for _, h := range handWritten {
				assert.Equal(t, before[h], got[h], "kept")
			}
			assert.NotContains(t, got, "dropped.go")
			assertOnlyEntry(t, parent, "sdk")
		})
	}
}
