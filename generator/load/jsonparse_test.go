package load

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// sameNodes returns where the trees a and b differ, or "".
func sameNodes(a, b *yaml.Node, at string) string {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Style != b.Style ||
		a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) ||
		a.HeadComment != b.HeadComment || a.LineComment != b.LineComment || a.FootComment != b.FootComment || a.Anchor != b.Anchor {
		return fmt.Sprintf("%s: got {kind %d tag %s value %q style %d at %d:%d, %d children}, yaml.v3 {kind %d tag %s value %q style %d at %d:%d, %d children}",
			at, a.Kind, a.Tag, a.Value, a.Style, a.Line, a.Column, len(a.Content), b.Kind, b.Tag, b.Value, b.Style, b.Line, b.Column, len(b.Content))
	}
	for i := range a.Content {
		if d := sameNodes(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// checkParseJSON checks that parseJSON reads data as yaml.v3 does, or
// leaves it to yaml.v3; ok says which it did.
func checkParseJSON(t *testing.T, data []byte) (ok bool) {
	t.Helper()
	got, ok := parseJSON(data)
	var want yaml.Node
	err := yaml.Unmarshal(data, &want)
	if !ok {
		return false
	}
	require.NoError(t, err, "parseJSON read a document yaml.v3 refuses")
	if d := sameNodes(got, &want, ""); d != "" {
		t.Fatalf("parseJSON and yaml.v3 differ at %s", d)
	}
	return true
}

func TestParseJSON(t *testing.T) {
	tests := []struct {
		name string
		json string
		ok   bool // parseJSON reads it itself
	}{
		{"empty object", `{}`, true},
		{"scalars", `{"s":"x","i":-12,"u":18446744073709551615,"big":18446744073709551616,"f":1.5,"e":1e5,"E":-2E-3,"z":-0,"t":true,"n":null,"no":false}`, true},
		{"lone CR and tabs", "{\"a\": 1,\r\t\"b\":\t[2,\r3]}", true},
		{"lines", "{\n  \"a\": [1,\n {\"b\": []}, [],\n \"c\"],\r\n  \"d\": {}\n}\n", true},
		{"escapes", `{"a":"q\" b\\ \b\f\n\r\t \u00e9 \u0000 \u20ac"}`, true},
		{"escaped slash", `{"a":"\/"}`, false},
		{"a tab before the root", "\t{}", false},
		{"a tab after the root, on its line", "{}\t\n", false},
		{"a tab after the root, on a line of its own", "{}\n\t", false},
		{"non-ASCII columns", "{\"é€😀\": \"ü\", \"x\":\n  [\"日本\", 1]}", true},
		{"merge key quoted", `{"<<": {"a": 1}}`, true},
		{"key of 1022 characters", `{"` + strings.Repeat("é", 1022) + `": 1}`, true},
		{"key of 1023 characters", `{"` + strings.Repeat("k", 1023) + `": 1}`, false},
		{"key far from its colon", `{"k"` + strings.Repeat(" ", 1030) + `: 1}`, false},
		{"duplicate key", `{"a": 1, "a": 2}`, false},
		{"duplicate key in a long mapping", `{"a0":0,"a1":1,"a2":2,"a3":3,"a4":4,"a5":5,"a6":6,"a7":7,"a8":8,"a9":9,"b0":0,"b1":1,"b2":2,"b3":3,"b4":4,"b5":5,"b6":6,"b7":7,"b8":8,"b9":9,"c0":0,"c1":1,"c2":2,"c3":3,"c4":4,"c5":5,"c6":6,"c7":7,"c8":8,"c9":9,"d0":0,"d1":1,"d2":2,"c5":5}`, false},
		{"surrogate escape", `{"a": "\ud83d\ude00"}`, false},
		{"line separator", "{\"a\": \"x\u2028y\"}", false},
		{"byte order mark", "\ufeff{}", false},
		{"array root", `[1]`, false},
		{"YAML", "openapi: 3.0.0\n", false},
		{"trailing comma", `{"a": 1,}`, false},
		{"comment", "{\"a\": 1} # c", false},
		{"truncated", `{"a": [1, 2`, false},
		{"leading zero", `{"a": 01}`, false},
		{"invalid UTF-8", "{\"a\": \"\xff\"}", false},
		{"control character", "{\"a\": \"\x01\"}", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.ok, checkParseJSON(t, []byte(tt.json)))
		})
	}
}

// TestParseJSONSpecs reads the JSON form of every published version of the
// SunCo document, compact and indented, as yaml.v3 does.
func TestParseJSONSpecs(t *testing.T) {
	files := sunCoSpecs(t)
	if len(files) == 0 {
		t.Skip("no spec versions (../shared/spec/sunco) and no pinned spec (make spec)")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			root, err := parse(file, data)
			require.NoError(t, err)
			compact, _, err := toJSON(root, len(data), jsonLimit(len(data)))
			require.NoError(t, err)
			var indented bytes.Buffer
			require.NoError(t, json.Indent(&indented, compact, "", "  "))
			assert.True(t, checkParseJSON(t, compact), "compact JSON left to yaml.v3")
			assert.True(t, checkParseJSON(t, indented.Bytes()), "indented JSON left to yaml.v3")
		})
	}
}

// sunCoSpecs are the published versions of the SunCo document in
// ../shared/spec/sunco and the pinned one, those that are here.
func sunCoSpecs(t *testing.T) []string {
	root := moduleRoot(t)
	files, _ := filepath.Glob(filepath.Join(root, "..", "shared", "spec", "sunco", "*.yaml"))
	if pinned := filepath.Join(root, "spec", "openapi.yaml"); fileExists(pinned) {
		files = append(files, pinned)
	}
	return files
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// FuzzParseJSON: whatever parseJSON reads itself, yaml.v3 reads to the
// same tree.
func FuzzParseJSON(f *testing.F) {
	for _, seed := range []string{
		`{}`, `{"a": [1, -2.5e3, "x\u00e9\n", true, null, {"b": {}}]}`, "{\r\n\t\"k\": \"日本\"\n}",
		`{"a":1,"a":2}`, `{"x": 18446744073709551616}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParseJSON(t, data)
	})
}
