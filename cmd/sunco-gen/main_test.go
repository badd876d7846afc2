package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator"
	specdata "github.com/sunco-sdk/sunco-go/spec"
)

const (
	spec      = "../../generator/testdata/minimal.yaml"
	dangling  = "../../generator/testdata/dangling.yaml"
	defective = "../../golden/testdata/normalize/spec.yaml" // loads with warnings
)

// panicking stands for a pipeline with a bug in it.
func panicking(cfg generator.Config) (_ *generator.Result, err error) {
	defer generator.Recover(cfg.Spec, &err)
	panic("forced")
}

// TestExitStatus runs the CLI for each exit status and requires what it
// prints: stdout and stderr are matched whole, as regular expressions.
func TestExitStatus(t *testing.T) {
	dir := t.TempDir() // a module: the fake of an SDK imports it by its import path
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/cli\n\ngo 1.25\n"), 0o644))
	outside := filepath.Join(t.TempDir(), "sdk") // in no module
	fresh := filepath.Join(dir, "fresh")         // generated from spec before the cases run
	var discard bytes.Buffer
	require.Equal(t, exitOK, run([]string{"-spec", spec, "-out", fresh}, &discard, &discard), discard.String())
	aFile := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(aFile, nil, 0o644))
	out := filepath.Join(dir, "sdk")
	normalized := filepath.Join(dir, "normalized.yaml")
	normalizedJSON := filepath.Join(dir, "normalized.json")
	clashing := filepath.Join(dir, "clashing") // holds a hand-written method of a generated type
	require.NoError(t, os.Mkdir(clashing, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(clashing, "mine.go"), []byte("package sunco\n\nfunc (s *ThingsService) Get() {}\n"), 0o644))
	oneDefect := filepath.Join(dir, "one-defect.yaml") // a boolean required, worked around
	minimal, err := os.ReadFile(spec)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(oneDefect, []byte(strings.Replace(string(minimal), "          nullable: true\n", "          nullable: true\n          required: true\n", 1)), 0o644))
	q := regexp.QuoteMeta
	// The fixtures are documents of other APIs than SunCo: the embedded
	// overlay says once that it does not apply, unless -q.
	notSunCo := q(specdata.OverlayName) + `: warning: not applied: written for the documents in which \$\[\?@\.title == 'Sunshine Conversations API'\] finds something, and this one \("[^"]+"\) is another API\n`

	tests := []struct {
		name           string
		args           []string
		pipeline       func(generator.Config) (*generator.Result, error) // nil: the real one
		status         int
		stdout, stderr string
	}{
		{"generate", []string{"-spec", spec, "-out", out}, nil, exitOK, ``, `^` + notSunCo + `$`},
		{"generate, named", []string{"generate", "-spec", spec, "-out", out}, nil, exitOK, ``, `^` + notSunCo + `$`},
		{"generate quietly", []string{"-spec", spec, "-out", out, "-q"}, nil, exitOK, ``, ``},
		{"generate outside a module", []string{"-spec", spec, "-out", outside}, nil, exitOK, ``,
			`^` + notSunCo + q(outside) + `: warning: in no Go module \(no go\.mod above it\): the fake package suncotest, which imports the SDK by its import path, is not generated\n$`},
		{"verbose", []string{"-spec", spec, "-out", out, "-v"}, nil, exitOK, ``,
			`^` + notSunCo + q(spec) + `: version 1\.0\.0, 1 types, 1 operations, \d+ files\n` +
				q(spec) + `: load [\d.]+[µm]?s, build [\d.]+[µm]?s, render [\d.]+[µm]?s, write [\d.]+[µm]?s\n$`},
		{"warnings", []string{"-spec", defective, "-out", out}, nil, exitOK, ``,
			`^` + notSunCo + q(defective) + `: 7 warnings about known defects, each worked around \(-v lists them, -q silences this line\)\n$`},
		{"one warning", []string{"-spec", oneDefect, "-out", out}, nil, exitOK, ``,
			`^` + notSunCo + q(oneDefect) + `: 1 warning about known defects, each worked around \(-v lists them, -q silences this line\)\n$`},
		{"warnings listed", []string{"-spec", defective, "-out", out, "-v"}, nil, exitOK, ``,
			`^` + notSunCo + `(` + q(defective) + `: warning: /[^\n]+\n){7}` + q(defective) + `: version `},
		{"warnings listed by normalize", []string{"normalize", "-spec", defective, "-o", normalized, "-v"}, nil, exitOK, ``,
			`^` + notSunCo + `(` + q(defective) + `: warning: /[^\n]+\n){7}$`},
		{"warnings silenced", []string{"-spec", defective, "-out", out, "-q"}, nil, exitOK, ``, ``},
		{"check clean", []string{"-spec", spec, "-out", fresh, "-check", "-q"}, nil, exitOK, ``, ``},
		{"help", []string{"-h"}, nil, exitOK,
			`(?s)^sunco-gen generates .*sunco-gen generate -spec FILE -out DIR.*sunco-gen normalize .*sunco-gen version\n.*Flags of generate:.*-check.*-overlay.*-pkg.*-q\b.*-spec.*-version.*Exit status:.*3  internal error`, ``},
		{"help of normalize", []string{"normalize", "-h"}, nil, exitOK,
			`(?s)^Usage: sunco-gen normalize -spec FILE -o FILE \[flags\]\n.*-o string.*-q\b`, ``},
		{"version", []string{"version"}, nil, exitOK, `^sunco-gen ` + q(generatorVersion()) + `\n$`, ``},
		{"version flag", []string{"-version"}, nil, exitOK, `^sunco-gen ` + q(generatorVersion()) + `\n$`, ``},
		{"normalize", []string{"normalize", "-spec", defective, "-o", normalized, "-q"}, nil, exitOK, ``, ``},
		{"normalize to JSON", []string{"normalize", "-spec", defective, "-o", normalizedJSON, "-q"}, nil, exitOK, ``, ``},

		{"check stale", []string{"-spec", spec, "-out", fresh, "-check", "-pkg", "other", "-q"}, nil, exitFailed,
			`(?s)^--- ` + q(filepath.Join(fresh, "client.go")) + `\n\+\+\+ ` + q(filepath.Join(fresh, "client.go")) + `\t\(generated\)\n@@ .*\n-package sunco\n\+package other\n`,
			`^sunco-gen: ` + q(fresh) + ` is not what ` + q(spec) + ` generates: \d+ files \(\d+ changed, \d+ missing, \d+ no longer generated\) \(diff on stdout\)\n$`},
		{"cannot write", []string{"-spec", spec, "-out", filepath.Join(aFile, "sdk"), "-q"}, nil, exitFailed, ``,
			`^sunco-gen: lstat ` + q(filepath.Join(aFile, "sdk")) + `: not a directory\n$`},

		{"no flags", nil, nil, exitInput, ``, `^sunco-gen: -spec and -out are required\n$`},
		{"no -out", []string{"-spec", spec}, nil, exitInput, ``, `^sunco-gen: -out is required\n$`},
		{"unknown flag", []string{"-nope"}, nil, exitInput, ``,
			`^sunco-gen: flag provided but not defined: -nope \(sunco-gen -h lists the flags\)\n$`},
		{"flag without its value", []string{"-spec"}, nil, exitInput, ``,
			`^sunco-gen: flag needs an argument: -spec \(sunco-gen -h lists the flags\)\n$`},
		{"extra argument", []string{"-spec", spec, "-out", out, "more"}, nil, exitInput, ``,
			`^sunco-gen: unexpected argument "more" \(sunco-gen -h lists the flags\)\n$`},
		{"package name with a dash", []string{"-spec", spec, "-out", out, "-pkg", "sunco-go"}, nil, exitInput, ``,
			`^sunco-gen: -pkg "sunco-go" is not a Go package name\n$`},
		{"package name a keyword", []string{"-spec", spec, "-out", out, "-pkg", "type"}, nil, exitInput, ``,
			`^sunco-gen: -pkg "type" is not a Go package name\n$`},
		{"unknown command", []string{"frobnicate"}, nil, exitInput, ``,
			`^sunco-gen: unknown command "frobnicate" \(sunco-gen -h lists them\)\n$`},
		{"unusable spec", []string{"-spec", dangling, "-out", out}, nil, exitInput, ``,
			`^sunco-gen: ` + q(dangling) + `:12: /components/schemas/thing/properties/owner/\$ref: [^\n]+\n$`},
		{"missing spec", []string{"-spec", "nope.yaml", "-out", out}, nil, exitInput, ``,
			`^sunco-gen: open nope\.yaml: no such file or directory\n$`},
		{"missing overlay", []string{"-spec", spec, "-out", out, "-overlay", "nope-overlay.yaml"}, nil, exitInput, ``,
			`^sunco-gen: open nope-overlay\.yaml: no such file or directory\n$`},
		{"hand-written clash", []string{"-spec", spec, "-out", clashing, "-q"}, nil, exitInput, ``,
			`^sunco-gen: ` + q(filepath.Join(clashing, "mine.go")) + `:3: method ThingsService.Get is declared by the generated code too \(` +
				q(filepath.Join(clashing, "service_things.go")) + `:\d+\); rename or remove it\n$`},
		{"hand-written clash, check", []string{"-spec", spec, "-out", clashing, "-check", "-q"}, nil, exitInput, ``,
			`^sunco-gen: ` + q(filepath.Join(clashing, "mine.go")) + `:3: method ThingsService.Get is declared by the generated code too \(` +
				q(filepath.Join(clashing, "service_things.go")) + `:\d+\); rename or remove it\n$`},
		{"normalize without output", []string{"normalize", "-spec", spec}, nil, exitInput, ``,
			`^sunco-gen normalize: -o is required\n$`},
		{"normalize an unusable spec", []string{"normalize", "-spec", dangling, "-o", normalized}, nil, exitInput, ``,
			`^sunco-gen: ` + q(dangling) + `:12: /components/schemas/thing/properties/owner/\$ref: [^\n]+\n$`},
		{"version with an argument", []string{"version", "now"}, nil, exitInput, ``,
			`^sunco-gen version: unexpected argument "now" \(sunco-gen version -h lists the flags\)\n$`},

		{"internal error", []string{"-spec", spec, "-out", out}, panicking, exitInternal, ``,
			`^sunco-gen: internal error: forced \(this is a bug in sunco-gen; input ` + q(spec) + `\)\n$`},
		{"internal error, verbose", []string{"-spec", spec, "-out", out, "-v"}, panicking, exitInternal, ``,
			`(?s)^sunco-gen: internal error: forced \(this is a bug in sunco-gen; input ` + q(spec) + `\)\ngoroutine \d+ .*sunco-gen\.panicking`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.pipeline != nil {
				runGenerator = tt.pipeline
				t.Cleanup(func() { runGenerator = generator.Run })
			}
			var stdout, stderr bytes.Buffer
			status := run(tt.args, &stdout, &stderr)
			assert.Equal(t, tt.status, status, "stderr:\n%s", stderr.String())
			assert.Regexp(t, regexp.MustCompile(orEmpty(tt.stdout)), stdout.String(), "stdout")
			assert.Regexp(t, regexp.MustCompile(orEmpty(tt.stderr)), stderr.String(), "stderr")
		})
	}

	data, err := os.ReadFile(normalized)
	require.NoError(t, err)
	assert.Contains(t, string(data), "StartLogin")
	data, err = os.ReadFile(normalizedJSON)
	require.NoError(t, err)
	assert.True(t, json.Valid(data), "%s is JSON", normalizedJSON)
	assert.Contains(t, string(data), `"StartLogin"`)
}

// orEmpty makes the empty pattern match only empty output.
func orEmpty(pattern string) string {
	if pattern == "" {
		return `^$`
	}
	return pattern
}

// TestCheckPrintsADiff is the CI gate: one generated file edited by hand.
func TestCheckPrintsADiff(t *testing.T) {
	out := filepath.Join(t.TempDir(), "sdk")
	var stdout, stderr bytes.Buffer
	require.Equal(t, exitOK, run([]string{"-spec", spec, "-out", out, "-q"}, &stdout, &stderr), stderr.String())
	things := filepath.Join(out, "service_things.go")
	data, err := os.ReadFile(things)
	require.NoError(t, err)
	edited := strings.Replace(string(data), "type Thing struct {", "type Thing struct {\n\tEdited bool", 1)
	require.NoError(t, os.WriteFile(things, []byte(edited), 0o644))

	status := run([]string{"-spec", spec, "-out", out, "-check", "-q"}, &stdout, &stderr)

	assert.Equal(t, exitFailed, status)
	assert.Regexp(t, `^--- `+regexp.QuoteMeta(things)+`\n\+\+\+ `+regexp.QuoteMeta(things)+"\t\\(generated\\)\n@@ -\\d+,7 \\+\\d+,6 @@\n(?s:.*)\n-\tEdited bool\n", stdout.String())
	assert.Equal(t, "sunco-gen: "+out+" is not what "+spec+" generates: 1 file (1 changed) (diff on stdout)\n", stderr.String())
}

func TestModuleVersion(t *testing.T) {
	tests := []struct {
		name string
		info debug.BuildInfo
		want string
	}{
		{"built here", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "v0.1.0"}}, "v0.1.0"},
		{"built here from a work tree", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "(devel)"}}, "(devel)"},
		{"a tool of another module", debug.BuildInfo{
			Main: debug.Module{Path: "example.com/sdk"},
			Deps: []*debug.Module{{Path: "golang.org/x/sys", Version: "v0.49.0"}, {Path: modulePath, Version: "v0.2.1"}},
		}, "v0.2.1"},
		{"replaced by another version", debug.BuildInfo{
			Main: debug.Module{Path: "example.com/sdk"},
			Deps: []*debug.Module{{Path: modulePath, Version: "v0.2.1", Replace: &debug.Module{Path: "example.com/fork", Version: "v0.2.2"}}},
		}, "v0.2.2"},
		{"replaced by a directory", debug.BuildInfo{
			Main: debug.Module{Path: "example.com/sdk"},
			Deps: []*debug.Module{{Path: modulePath, Version: "v0.0.0-00010101000000-000000000000", Replace: &debug.Module{Path: "../sunco-go"}}},
		}, "(devel)"},
		{"not found", debug.BuildInfo{Main: debug.Module{Path: "example.com/sdk"}}, "(devel)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, moduleVersion(&tt.info))
		})
	}
}
