package changelog

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator"
)

var update = flag.Bool("update", false, "rewrite the golden Markdown in testdata")

// TestMarkdown pins the changelog of two fixture documents: new.yaml drops
// an operation (an incompatible Go change, a breaking HTTP change), adds an
// optional response property (a compatible Go change, a non-breaking HTTP
// change) and drops one (incompatible in Go, not breaking over HTTP).
func TestMarkdown(t *testing.T) {
	tests := []struct{ name, old, new string }{
		{"pets", "old.yaml", "new.yaml"},
		{"unchanged", "old.yaml", "old.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, err := generator.Generate(generator.Config{Spec: filepath.Join("testdata", tt.old), Package: "pets", Version: "test"})
			require.NoError(t, err)
			new, err := generator.Generate(generator.Config{Spec: filepath.Join("testdata", tt.new), Package: "pets", Version: "test"})
			require.NoError(t, err)
			r, err := Compare(old, new)
			require.NoError(t, err)
			assertGolden(t, tt.name, r)
		})
	}
}

// TestMarkdownGroups pins the grouping and marks of every severity,
// including oasdiff's warnings, which the fixtures do not produce.
func TestMarkdownGroups(t *testing.T) {
	r := &Report{Title: "API", Old: "1", New: "2", Package: "api",
		Go: []Change{
			{Subject: "T.F", Text: "changed from int to string", Severity: Breaking},
			{Subject: "U", Text: "added", Severity: Compatible},
		},
		HTTP: []Change{
			{Subject: "GET /a", Text: "api removed", Severity: Breaking},
			{Subject: "GET /b", Text: "response property `x` removed", Severity: Warning},
			{Subject: "GET /c", Text: "added *optional* parameter `y_z`", Severity: Compatible},
		}}
	assertGolden(t, "groups", r)
}

// assertGolden compares the Markdown of r with testdata/<name>.md, which
// -update rewrites.
func assertGolden(t *testing.T, name string, r *Report) {
	t.Helper()
	var got bytes.Buffer
	require.NoError(t, r.Markdown(&got))
	golden := filepath.Join("testdata", name+".md")
	if *update {
		require.NoError(t, os.WriteFile(golden, got.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), got.String())
}

func TestCodeSpans(t *testing.T) {
	tests := []struct{ in, want string }{
		{"removed", "removed"},
		{"added", "added"},
		{"changed from string to *string", "changed from `string` to `*string`"},
		{`value changed from "1.0.0" to "1.1.0"`, "value changed from `\"1.0.0\"` to `\"1.1.0\"`"},
		{"changed from func(context.Context, string, ...RequestOption) error to func(context.Context, string, *P, ...RequestOption) error",
			"changed from `func(context.Context, string, ...RequestOption) error` to `func(context.Context, string, *P, ...RequestOption) error`"},
		{"no longer implements Event", "no longer implements `Event`"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, codeSpans(tt.in))
		})
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"api removed without deprecation", "api removed without deprecation"},
		{"added the property `a_b[0]` to the response", "added the property `a_b[0]` to the response"},
		{"the type of */* changed <here>", `the type of \*/\* changed &lt;here&gt;`},
		{"removed `x` from [a_b]", "removed `x` from \\[a\\_b\\]"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, escape(tt.in))
		})
	}
}
