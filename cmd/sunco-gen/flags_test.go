package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stringFlags lists the string flags of a command, from what its -h
// prints ("  -overlay string"), so that a flag added later is checked
// too.
func stringFlags(t *testing.T, command string) []string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	require.Equal(t, exitOK, run([]string{command, "-h"}, &stdout, &stderr), stderr.String())
	var names []string
	for _, m := range regexp.MustCompile(`(?m)^  -([\w-]+) (\w+)`).FindAllStringSubmatch(stdout.String(), -1) {
		if m[2] == "string" || m[2] == "file" || m[2] == "dir" {
			names = append(names, m[1])
		}
	}
	return names
}

// TestEmptyFlagValues gives each string flag of each command, one at a
// time, an empty value beside valid ones: the command exits 2 with one
// line naming the flag, and writes nothing. Each case runs in an empty
// directory of its own, where a run that took "" for . would write.
func TestEmptyFlagValues(t *testing.T) {
	specPath, err := filepath.Abs(spec)
	require.NoError(t, err)
	overlay := filepath.Join(t.TempDir(), "overlay.yaml")
	require.NoError(t, os.WriteFile(overlay, []byte("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - {target: $.info, update: {x-t: 1}}\n"), 0o644))
	commands := []struct {
		name string
		args func(dir string) []string // valid values of every flag
	}{
		{"generate", func(dir string) []string {
			return []string{"-spec", specPath, "-out", filepath.Join(dir, "out"), "-overlay", overlay, "-pkg", "sunco", "-q"}
		}},
		{"normalize", func(dir string) []string {
			return []string{"-spec", specPath, "-o", filepath.Join(dir, "out"), "-overlay", overlay, "-q"}
		}},
		{"diff", func(dir string) []string {
			return []string{"-old", specPath, "-new", specPath, "-overlay", overlay, "-pkg", "sunco"}
		}},
	}
	for _, c := range commands {
		flags := stringFlags(t, c.name)
		require.NotEmpty(t, flags, c.name)
		t.Run(c.name+"/valid", func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			var stdout, stderr bytes.Buffer
			status := run(append([]string{c.name}, c.args(dir)...), &stdout, &stderr)
			require.Equal(t, exitOK, status, "the values the cases start from are valid: %s", stderr.String())
		})
		for _, name := range flags {
			t.Run(c.name+"/-"+name, func(t *testing.T) {
				dir := t.TempDir()
				t.Chdir(dir)
				args := append(c.args(dir), "-"+name, "")
				require.Contains(t, args[:len(args)-2], "-"+name, "the valid arguments give -%s a value", name)
				var stdout, stderr bytes.Buffer
				status := run(append([]string{c.name}, args...), &stdout, &stderr)
				assert.Equal(t, exitInput, status)
				assert.Empty(t, stdout.String())
				prefix := "sunco-gen " + c.name
				if c.name == "generate" {
					prefix = "sunco-gen"
				}
				assert.Equal(t, prefix+": flag -"+name+" is given an empty value ("+prefix+" -h lists the flags)\n", stderr.String())
				assert.Equal(t, 1, strings.Count(stderr.String(), "\n"), "one line")
				entries, err := os.ReadDir(dir)
				require.NoError(t, err)
				assert.Empty(t, entries, "nothing written")
			})
		}
	}
}
