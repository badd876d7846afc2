// Package examples tests the set-up examples/sdkrepo shows, from outside
// its module.
package examples

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/mod/modfile"

	"github.com/sunco-sdk/sunco-go/generator"
)

// app is the go.mod of an application that imports the SDK, tidy: the SDK
// (a directory beside it), and an older golang.org/x/text than sunco-gen
// needs.
const app = `module example.com/app

go 1.25.0

require (
	example.com/sunco-sdk v0.0.0
	golang.org/x/text v0.40.0
)

replace example.com/sunco-sdk => ../sdk
`

// appMain imports both.
const appMain = `package main

import (
	"fmt"

	"golang.org/x/text/language"

	"example.com/sunco-sdk/sunco"
)

func main() { fmt.Println(sunco.SpecVersion(), language.English) }
`

// TestSDKRepoLeavesApplicationsAlone: go mod tidy in an application that
// depends on the example SDK module keeps the application's go directive
// and requirements, the generator being recorded in tools.mod. Recorded in
// the SDK's go.mod (its tool line and requirements, as tools.mod has
// them), it would raise the application to go 1.26 and move its
// golang.org/x/text.
func TestSDKRepoLeavesApplicationsAlone(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go mod tidy")
	}
	spec := filepath.Join("..", "spec", "openapi.yaml")
	if _, err := os.Stat(spec); err != nil {
		t.Fatalf("the pinned spec is missing (run make spec): %v", err)
	}
	repo, err := filepath.Abs("..")
	require.NoError(t, err)
	goMod := read(t, filepath.Join("sdkrepo", "go.mod"))
	toolsMod := strings.ReplaceAll(read(t, filepath.Join("sdkrepo", "tools.mod")), "=> ../..", "=> "+repo)
	tests := []struct {
		name, sdkGoMod string
		unchanged      bool
	}{
		{"the generator in tools.mod", goMod, true},
		{"the generator in go.mod", toolsMod, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "sdk", "go.mod"), tt.sdkGoMod)
			_, err := generator.Run(generator.Config{Spec: spec, Out: filepath.Join(dir, "sdk", "sunco"), Package: "sunco", Quiet: true})
			require.NoError(t, err)
			gomod := filepath.Join(dir, "app", "go.mod")
			write(t, gomod, app)
			write(t, filepath.Join(dir, "app", "main.go"), appMain)

			cmd := exec.Command("go", "mod", "tidy")
			cmd.Dir = filepath.Dir(gomod)
			cmd.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod")
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "%s", out)

			before, after := requirements(t, app), requirements(t, read(t, gomod))
			if tt.unchanged {
				assert.Equal(t, before, after)
				return
			}
			assert.NotEqual(t, before[0], after[0], "the go directive")
			assert.Contains(t, after, "go 1.26.0")
			assert.NotContains(t, after, "golang.org/x/text v0.40.0")
		})
	}
}

// requirements are the go directive of a go.mod and its requirements, one
// line each ("go 1.25.0", "golang.org/x/text v0.40.0").
func requirements(t *testing.T, gomod string) []string {
	t.Helper()
	f, err := modfile.Parse("go.mod", []byte(gomod), nil)
	require.NoError(t, err)
	out := []string{"go " + f.Go.Version}
	for _, r := range f.Require {
		out = append(out, r.Mod.Path+" "+r.Mod.Version)
	}
	return out
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(data)
}

func write(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
}
