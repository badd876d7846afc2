package load

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// moduleRoot returns the directory of go.mod above the package directory.
func moduleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		require.NotEqual(t, dir, parent, "no go.mod above the package")
		dir = parent
	}
}

// publishedSpecs returns the published spec versions in shared/spec/sunco
// beside the repository, skipping the test when they are absent.
func publishedSpecs(t *testing.T) []string {
	t.Helper()
	dir := filepath.Join(moduleRoot(t), "..", "shared", "spec", "sunco")
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	require.NoError(t, err)
	if len(files) == 0 {
		t.Skipf("no published specs in %s", dir)
	}
	slices.Sort(files)
	return files
}

// version returns the version a published spec file is named after.
func version(file string) string {
	return strings.TrimSuffix(filepath.Base(file), ".yaml")
}

func TestPublishedVersionsLoad(t *testing.T) {
	for _, file := range publishedSpecs(t) {
		t.Run(version(file), func(t *testing.T) {
			t.Parallel()
			res, err := Load(file, Options{})
			require.NoError(t, err)
			t.Logf("%s: %d warnings", version(file), len(res.Warnings))
			for _, w := range res.Warnings {
				t.Logf("  %s", w)
			}
			assert.NotEmpty(t, res.Doc.Components.Schemas)
			assert.Contains(t, res.Webhooks, "Webhook Event")
		})
	}
}

func TestOverlayAppliesToPublishedVersions(t *testing.T) {
	for _, file := range publishedSpecs(t) {
		t.Run(version(file), func(t *testing.T) {
			t.Parallel()
			res, err := Load(file, Options{Overlays: []Overlay{sunco}})
			require.NoError(t, err)
			assertEventDiscriminator(t, res)
			for _, w := range res.Warnings {
				if w.File != "" {
					t.Logf("  %s", w)
				}
			}
		})
	}
}
