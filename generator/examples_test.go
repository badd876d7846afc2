package generator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/emit"
)

// TestExamplesRoundTrip generates the SDK for the pinned document with a
// test that decodes every example of the document into its Go type and
// encodes it again, runs it, and requires every example to come back as
// the same JSON value, those that contradict their schema included.
func TestExamplesRoundTrip(t *testing.T) {
	spec := pinnedSpec(t)
	dir := t.TempDir()
	res, err := Generate(Config{Spec: spec, Package: "sunco"})
	require.NoError(t, err)
	ex := emit.ExamplesTest(res.API)
	var buf bytes.Buffer
	require.NoError(t, ex.Emit().Render(&buf))
	res.Files[ex.Name] = buf.Bytes()
	harness, err := os.ReadFile("testdata/roundtrip_test.go.txt")
	require.NoError(t, err)
	res.Files["roundtrip_test.go"] = bytes.Replace(harness, []byte("package PACKAGE"), []byte("package sunco"), 1)
	res.Files["go.mod"] = []byte("module example.com/sunco\n\ngo 1.26\n")
	for name, src := range res.Files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), src, 0o644))
	}

	cmd := exec.Command("go", "test", "-count=1", "-json", "-run", "TestExampleRoundTrip", ".")
	cmd.Dir = dir
	out, _ := cmd.Output()
	results, output := map[string]string{}, map[string]*strings.Builder{}
	for _, line := range bytes.Split(out, []byte("\n")) {
		var ev struct{ Action, Test, Output string }
		if json.Unmarshal(line, &ev) != nil || !strings.HasPrefix(ev.Test, "TestExampleRoundTrip/") {
			continue
		}
		name := strings.TrimPrefix(ev.Test, "TestExampleRoundTrip/")
		switch ev.Action {
		case "pass", "fail":
			results[name] = ev.Action
		case "output":
			if output[name] == nil {
				output[name] = &strings.Builder{}
			}
			output[name].WriteString(ev.Output)
		}
	}
	require.Len(t, results, len(res.API.Examples), "every example runs as a subtest; go test said:\n%s", out)

	names := make([]string, 0, len(results))
	for n := range results {
		names = append(names, n)
	}
	sort.Strings(names)
	passed, odd := 0, 0
	for _, name := range names {
		pointer := subtestPointer(name, res)
		t.Logf("%s %s", results[name], pointer)
		if results[name] != "pass" {
			t.Errorf("%s does not round-trip:\n%s", pointer, output[name])
			continue
		}
		passed++
		if o := output[name]; o != nil && strings.Contains(o.String(), "contradicts its schema") {
			odd++
			t.Logf("%s %s", pointer, strings.TrimSpace(o.String()))
		}
	}
	fmt.Printf("examples round-tripped: %d/%d (%d with values that contradict their schema, kept in Extra)\n", passed, len(results), odd)
}

// subtestPointer maps a subtest name (go test rewrites spaces) back to
// the example's JSON pointer.
func subtestPointer(name string, res *Result) string {
	for _, ex := range res.API.Examples {
		if strings.ReplaceAll(ex.Pointer, " ", "_") == name {
			return ex.Pointer
		}
	}
	return name
}
