package main

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDiff(t *testing.T) {
	const fixtures = "../../generator/changelog/testdata/"
	want, err := os.ReadFile(fixtures + "pets.md")
	require.NoError(t, err)
	unchanged, err := os.ReadFile(fixtures + "unchanged.md")
	require.NoError(t, err)
	oldDoc, err := os.ReadFile(fixtures + "old.yaml")
	require.NoError(t, err)
	tests := []struct {
		name   string
		args   []string
		status int
		stdout string
		stderr string
	}{
		{"changelog", []string{"-old", fixtures + "old.yaml", "-new", fixtures + "new.yaml", "-pkg", "pets"}, 0, string(want), ""},
		{"failing on an incompatible change", []string{"-old", fixtures + "old.yaml", "-new", fixtures + "new.yaml", "-pkg", "pets", "-fail-on-incompatible"}, 1, string(want),
			"sunco-gen diff: the Go API of package pets changed incompatibly from 1.0.0 to 1.1.0\n"},
		{"no incompatible change to fail on", []string{"-old", fixtures + "old.yaml", "-new", fixtures + "old.yaml", "-pkg", "pets", "-fail-on-incompatible"}, 0, string(unchanged), ""},
		{"the old document from standard input", []string{"-old", "-", "-new", fixtures + "new.yaml", "-pkg", "pets"}, 0, string(want), ""},
		{"both from standard input", []string{"-old", "-", "-new", "-"}, 2, "", "sunco-gen diff: -old and -new cannot both read standard input\n"},
		{"no new", []string{"-old", fixtures + "old.yaml"}, 2, "", "sunco-gen diff: -new is required\n"},
		{"unknown flag", []string{"-nope"}, 2, "", "flag provided but not defined"},
		{"package name with a dash", []string{"-old", fixtures + "old.yaml", "-new", fixtures + "new.yaml", "-pkg", "pets-go"}, 2, "", "sunco-gen: -pkg \"pets-go\" is not a Go package name\n"},
		{"missing document", []string{"-old", fixtures + "old.yaml", "-new", fixtures + "none.yaml"}, 2, "", "none.yaml"},
		{"unusable document", []string{"-old", "../../generator/testdata/dangling.yaml", "-new", fixtures + "new.yaml"}, 2, "", "/components/schemas/thing/properties/owner/$ref"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdin = bytes.NewReader(oldDoc)
			t.Cleanup(func() { stdin = os.Stdin })
			var stdout, stderr bytes.Buffer
			assert.Equal(t, tt.status, diff(tt.args, &stdout, &stderr), stderr.String())
			assert.Equal(t, tt.stdout, stdout.String())
			if tt.stderr == "" {
				assert.Empty(t, stderr.String())
				return
			}
			assert.Contains(t, stderr.String(), tt.stderr)
		})
	}
}
