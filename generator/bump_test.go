package generator

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// publishedSpec is the published document of version in
// ../shared/spec/sunco, beside the repository.
func publishedSpec(t *testing.T, version string) string {
	t.Helper()
	spec := filepath.Join("..", "..", "shared", "spec", "sunco", version+".yaml")
	if _, err := os.Stat(spec); err != nil {
		t.Skipf("no published versions beside the repository: %v", err)
	}
	return spec
}

// TestBumpRewritesOnlyChangedCode bumps 17.10.2 → 17.12.1: spec.go, which
// names the document, and the files whose code changed are rewritten;
// every other file is left as it was (the same inode), and no file but
// spec.go differs only by the document's version or checksum.
func TestBumpRewritesOnlyChangedCode(t *testing.T) {
	out := filepath.Join(t.TempDir(), "sdk")
	old, err := Run(Config{Spec: publishedSpec(t, "17.10.2"), Out: out, Package: "sunco", Quiet: true})
	require.NoError(t, err)
	before := map[string]fs.FileInfo{}
	for name := range old.Files {
		before[name], err = os.Stat(filepath.Join(out, name))
		require.NoError(t, err)
	}

	new, err := Run(Config{Spec: publishedSpec(t, "17.12.1"), Out: out, Package: "sunco", Quiet: true})
	require.NoError(t, err)

	var rewritten []string
	for _, name := range sortedNames(new.Files) {
		after, err := os.Stat(filepath.Join(out, name))
		require.NoError(t, err)
		if bytes.Equal(old.Files[name], new.Files[name]) {
			assert.True(t, os.SameFile(before[name], after), "%s is unchanged and left as it was", name)
			continue
		}
		rewritten = append(rewritten, name)
		if name == "spec.go" {
			continue
		}
		renamed := bytes.ReplaceAll(old.Files[name], []byte(old.API.SpecVersion), []byte(new.API.SpecVersion))
		renamed = bytes.ReplaceAll(renamed, []byte(old.API.SpecSHA256), []byte(new.API.SpecSHA256))
		assert.NotEqual(t, string(new.Files[name]), string(renamed), "%s differs only by the document's version or checksum", name)
	}
	assert.Contains(t, rewritten, "spec.go")
	assert.Less(t, len(rewritten), len(new.Files)/3, "rewritten: %v", rewritten)
	t.Logf("rewritten %d of %d files: %v", len(rewritten), len(new.Files), rewritten)
}

// TestCheckCRLF: a copy of the document with CRLF line endings (a
// checkout on Windows) generates what the LF document generated.
func TestCheckCRLF(t *testing.T) {
	spec := publishedSpec(t, "17.12.1")
	out := filepath.Join(t.TempDir(), "sdk")
	_, err := Run(Config{Spec: spec, Out: out, Package: "sunco", Quiet: true})
	require.NoError(t, err)
	doc, err := os.ReadFile(spec)
	require.NoError(t, err)
	crlf := filepath.Join(t.TempDir(), "openapi.yaml")
	require.NoError(t, os.WriteFile(crlf, bytes.ReplaceAll(doc, []byte("\n"), []byte("\r\n")), 0o644))

	res, err := Run(Config{Spec: crlf, Out: out, Package: "sunco", Quiet: true, Check: true})
	require.NoError(t, err)
	assert.Empty(t, res.Stale)
}
