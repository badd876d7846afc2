package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestExitStatus(t *testing.T) {
	const spec = "../../generator/testdata/minimal.yaml"
	out := filepath.Join(t.TempDir(), "sdk")
	normalized := filepath.Join(t.TempDir(), "normalized.yaml")
	tests := []struct {
		name   string
		args   []string
		status int
		stderr string
	}{
		{"no flags", nil, 2, "-spec and -out are required"},
		{"unknown flag", []string{"-nope"}, 2, "flag provided but not defined"},
		{"generate", []string{"-spec", spec, "-out", out}, 0, ""},
		{"check clean", []string{"-spec", spec, "-out", out, "-check"}, 0, ""},
		{"check against another package name", []string{"-spec", spec, "-out", out, "-check", "-pkg", "other"}, 1, "client.go"},
		{"unusable spec", []string{"-spec", "../../generator/testdata/dangling.yaml", "-out", out}, 2, "/components/schemas/thing/properties/owner/$ref"},
		{"verbose", []string{"-spec", spec, "-out", out, "-v"}, 0, "1 operations"},
		{"normalize", []string{"normalize", "-spec", spec, "-o", normalized}, 0, ""},
		{"normalize without output", []string{"normalize", "-spec", spec}, 2, "-spec and -o are required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			assert.Equal(t, tt.status, run(tt.args, &stderr), stderr.String())
			assert.Contains(t, stderr.String(), tt.stderr)
		})
	}
	data, err := os.ReadFile(normalized)
	assert.NoError(t, err)
	assert.Contains(t, string(data), "GetThing")
}
