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

// contradictions are examples that cannot round-trip because they
// contradict their own schema; each says why. An example listed here
// that round-trips fails the test, so the list cannot go stale.
var contradictions = map[string]string{
	"/paths/~1v2~1apps~1{appId}~1conversations~1{conversationId}~1conversionEvents/post/responses/200/content/application~1json/examples/default": "conversionEvents[].datasetId is a number; the schema says string",
}

// TestExamplesRoundTrip generates the SDK for the pinned document with a
// test that decodes and re-encodes every example of the document, runs
// it, and checks that the only failures are the known contradictions.
func TestExamplesRoundTrip(t *testing.T) {
	spec := pinnedSpec(t)
	dir := t.TempDir()
	res, err := Generate(Config{Spec: spec, Package: "sunco"})
	require.NoError(t, err)
	ex := emit.ExamplesTest(res.API)
	var buf bytes.Buffer
	require.NoError(t, ex.Jen.Render(&buf))
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
	passed := 0
	for _, name := range names {
		pointer := subtestPointer(name, res)
		t.Logf("%s %s", results[name], pointer)
		_, known := contradictions[pointer]
		switch {
		case results[name] == "pass" && known:
			t.Errorf("%s round-trips now: remove it from contradictions", pointer)
		case results[name] == "pass":
			passed++
		case !known:
			t.Errorf("%s does not round-trip:\n%s", pointer, output[name])
		}
	}
	fmt.Printf("examples round-tripped: %d/%d (known contradictions: %d)\n", passed, len(results), len(contradictions))
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
