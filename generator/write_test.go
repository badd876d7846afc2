package generator

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/emit"
)

const minimalSpec = "testdata/minimal.yaml"

// snapshot reads every file below dir, by relative path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[rel] = string(data)
		return err
	})
	require.NoError(t, err)
	return files
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
}

func TestRunKeepsFilesItDidNotWrite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "sdk")
	writeFile(t, filepath.Join(out, "extra.go"), "package sunco\n\n// mine\n")
	writeFile(t, filepath.Join(out, "testdata", "fixture.json"), "{}")
	writeFile(t, filepath.Join(out, "stale.go"), "// "+emit.Header+"\n\npackage sunco\n")

	res, err := Run(Config{Spec: minimalSpec, Out: out, Package: "sunco"})
	require.NoError(t, err)

	got := snapshot(t, out)
	assert.Equal(t, "package sunco\n\n// mine\n", got["extra.go"], "a file someone else wrote is kept")
	assert.Equal(t, "{}", got[filepath.Join("testdata", "fixture.json")], "directories are kept too")
	assert.NotContains(t, got, "stale.go", "a generated file no longer produced is dropped")
	for name, src := range res.Files {
		assert.Equal(t, string(src), got[name], name)
	}
	entries, err := os.ReadDir(filepath.Dir(out))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary directory is left beside the output")
}

func TestRunRefusesToReplaceAForeignFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "sdk")
	writeFile(t, filepath.Join(out, "models.go"), "package sunco\n\n// hand-written\n")
	before := snapshot(t, out)

	_, err := Run(Config{Spec: minimalSpec, Out: out, Package: "sunco"})
	require.ErrorContains(t, err, "not written by sunco-gen")
	assert.Equal(t, before, snapshot(t, out))
}

func TestRunLeavesOutputAloneOnBadInput(t *testing.T) {
	tests := []struct {
		name, spec, want string
	}{
		{"dangling reference", "testdata/dangling.yaml", "/components/schemas/thing/properties/owner/$ref"},
		{"missing file", "testdata/nope.yaml", "nope.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "sdk")
			_, err := Run(Config{Spec: minimalSpec, Out: out, Package: "sunco"})
			require.NoError(t, err)
			before := snapshot(t, out)

			_, err = Run(Config{Spec: tt.spec, Out: out, Package: "sunco"})
			var input *InputError
			require.ErrorAs(t, err, &input)
			assert.Contains(t, err.Error(), tt.spec)
			assert.Contains(t, err.Error(), tt.want)
			assert.Equal(t, before, snapshot(t, out))
		})
	}
}

func TestCheck(t *testing.T) {
	out := filepath.Join(t.TempDir(), "sdk")
	_, err := Run(Config{Spec: minimalSpec, Out: out, Package: "sunco"})
	require.NoError(t, err)

	res, err := Run(Config{Spec: minimalSpec, Out: out, Package: "sunco", Check: true})
	require.NoError(t, err)
	assert.Empty(t, res.Differ)

	writeFile(t, filepath.Join(out, "models.go"), "// "+emit.Header+"\n\npackage sunco\n")
	require.NoError(t, os.Remove(filepath.Join(out, "client.go")))
	writeFile(t, filepath.Join(out, "old.go"), "// "+emit.Header+"\n\npackage sunco\n")
	before := snapshot(t, out)

	res, err = Run(Config{Spec: minimalSpec, Out: out, Package: "sunco", Check: true})
	require.True(t, errors.Is(err, ErrDiffers))
	assert.Equal(t, []string{"client.go", "models.go", "old.go (stale)"}, res.Differ)
	assert.Equal(t, before, snapshot(t, out), "-check writes nothing")
}

func TestGenerateIsDeterministic(t *testing.T) {
	spec := pinnedSpec(t)
	first, err := Generate(spec, "", "sunco")
	require.NoError(t, err)
	second, err := Generate(spec, "", "sunco")
	require.NoError(t, err)
	require.Equal(t, len(first.Files), len(second.Files))
	for name, src := range first.Files {
		assert.Equal(t, string(src), string(second.Files[name]), name)
	}
}

// TestPackageNameInRuntime checks that the runtime's error prefix follows
// the package name: a package named other says "other: ...", not "sunco: ...".
func TestPackageNameInRuntime(t *testing.T) {
	tests := []struct{ pkg, want string }{
		{pkg: "sunco", want: `const sdkName = "sunco"`},
		{pkg: "other", want: `const sdkName = "other"`},
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			res, err := Generate(minimalSpec, "", tt.pkg)
			require.NoError(t, err)
			var decls []string
			for name, src := range res.Files {
				for _, line := range strings.Split(string(src), "\n") {
					if strings.HasPrefix(line, "const sdkName") {
						decls = append(decls, name+": "+line)
					}
				}
			}
			assert.Equal(t, []string{"runtime_errors.go: " + tt.want}, decls)
		})
	}
}
