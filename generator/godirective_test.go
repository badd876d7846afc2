package generator

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGoDirectiveWarning: a run into a module whose go directive is older
// than the generated code needs warns once, naming the go.mod; -q does not
// silence it.
func TestGoDirectiveWarning(t *testing.T) {
	tests := []struct {
		name  string
		gomod string // "" for no module
		want  string // the warning, GOMOD standing for the go.mod
	}{
		{"older", "module example.com/m\n\ngo 1.22\n",
			"GOMOD: warning: go 1.22 is older than the generated code needs, go 1.23 (iter.Seq2): raise the go directive\n"},
		{"older, with a toolchain", "module example.com/m\n\ngo 1.21.0\n\ntoolchain go1.26.0\n",
			"GOMOD: warning: go 1.21.0 is older than the generated code needs, go 1.23 (iter.Seq2): raise the go directive\n"},
		{"none, which the go command takes for 1.16", "module example.com/m\n",
			"GOMOD: warning: go 1.16 is older than the generated code needs, go 1.23 (iter.Seq2): raise the go directive\n"},
		{"the same", "module example.com/m\n\ngo 1.23\n", ""},
		{"its first release", "module example.com/m\n\ngo 1.23.0\n", ""},
		{"its release candidate", "module example.com/m\n\ngo 1.23rc1\n", ""},
		{"the last release before", "module example.com/m\n\ngo 1.22.12\n",
			"GOMOD: warning: go 1.22.12 is older than the generated code needs, go 1.23 (iter.Seq2): raise the go directive\n"},
		{"newer", "module example.com/m\n\ngo 1.26\n", ""},
		{"no module", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mod := t.TempDir()
			gomod := filepath.Join(mod, "go.mod")
			if tt.gomod != "" {
				writeFile(t, gomod, tt.gomod)
			}
			var log strings.Builder
			_, err := Run(Config{Spec: minimalSpec, Out: filepath.Join(mod, "internal", "sdk"), Package: "sunco", Quiet: true, Log: &log})
			require.NoError(t, err)
			assert.Equal(t, strings.ReplaceAll(tt.want, "GOMOD", gomod), log.String())
		})
	}
}

// TestGoVersionIsWhatTheCodeNeeds: go vet (its stdversion check) accepts
// the generated code in a module of goVersion and refuses it in one of
// the Go before, so goVersion is neither too old nor too new. vet skips
// generated files, so the files are written without their header.
func TestGoVersionIsWhatTheCodeNeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	res, err := Generate(Config{Spec: minimalSpec, Package: "sunco", ImportPath: "example.com/m/sdk"})
	require.NoError(t, err)
	major, minor, _ := strings.Cut(goVersion, ".")
	n, err := strconv.Atoi(minor)
	require.NoError(t, err)
	for _, tt := range []struct {
		version string
		ok      bool
	}{{goVersion, true}, {fmt.Sprintf("%s.%d", major, n-1), false}} {
		t.Run(tt.version, func(t *testing.T) {
			mod := t.TempDir()
			writeFile(t, filepath.Join(mod, "go.mod"), "module example.com/m\n\ngo "+tt.version+"\n")
			for name, src := range res.Files {
				_, body, _ := strings.Cut(string(src), "\n")
				writeFile(t, filepath.Join(mod, "sdk", name), body)
			}
			cmd := exec.Command("go", "vet", "./...")
			cmd.Dir = mod
			cmd.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=")
			out, err := cmd.CombinedOutput()
			if tt.ok {
				assert.NoError(t, err, "%s", out)
			} else {
				assert.Error(t, err)
				assert.Contains(t, string(out), "requires go"+goVersion+" or later", "%s", out)
			}
		})
	}
}
