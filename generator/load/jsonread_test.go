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
		a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) {
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

// requireYAMLTree requires readJSON to read data into the tree yaml.v3
// makes of it.
func requireYAMLTree(t *testing.T, data []byte) {
	t.Helper()
	var want yaml.Node
	require.NoError(t, yaml.Unmarshal(data, &want))
	got, err := readJSON(data)
	require.NoError(t, err)
	if d := sameNodes(got, &want, ""); d != "" {
		t.Fatalf("readJSON and yaml.v3 differ at %s", d)
	}
}

// TestReadJSONIsYAMLTree: JSON that yaml.v3 reads, readJSON reads to the
// same tree: kinds, tags, values, styles, lines and columns.
func TestReadJSONIsYAMLTree(t *testing.T) {
	tests := []struct{ name, json string }{
		{"empty object", `{}`},
		{"scalars", `{"s":"x","i":-12,"u":18446744073709551615,"big":18446744073709551616,"huge":1e400,"f":1.5,"e":1e5,"E":-2E-3,"z":-0,"t":true,"n":null,"no":false}`},
		{"lines", "{\n  \"a\": [1,\n {\"b\": []}, [],\n \"c\"],\r\n  \"d\": {}\n}\n"},
		{"white space", "{ \"a\" :\n\n  1 , \"b\":[ ] ,\"c\" : { } }  \n\n"},
		{"escapes", `{"a":"q\" b\\ \b\f\n\r\t \u00e9 \u0000 \u20ac"}`},
		{"non-ASCII columns", "{\"é€😀\": \"ü\", \"x\":\n  [\"日本\", 1]}"},
		{"merge key quoted", `{"<<": {"a": 1}}`},
		{"array root", `[1, {"a": [true, null]}]`},
		{"nesting yaml.v3 reads", `{"a":` + strings.Repeat("[", maxJSONDepth-2) + strings.Repeat("]", maxJSONDepth-2) + `}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			requireYAMLTree(t, []byte(tt.json))
		})
	}
	// Every golden fixture, as compact and as indented JSON.
	files, err := filepath.Glob(filepath.Join(moduleRoot(t), "golden", "testdata", "*", "spec.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		t.Run(filepath.Base(filepath.Dir(file)), func(t *testing.T) {
			compact, indented := asJSON(t, file)
			requireYAMLTree(t, compact)
			requireYAMLTree(t, indented)
		})
	}
}

// asJSON is the YAML document in file as compact and as indented JSON.
func asJSON(t *testing.T, file string) (compact, indented []byte) {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	root, err := parse(file, data)
	require.NoError(t, err)
	compact, _, err = toJSON(root, len(data), jsonLimit(len(data)))
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, json.Indent(&buf, compact, "", "  "))
	return compact, buf.Bytes()
}

// TestReadJSONBeyondYAML: valid JSON that yaml.v3 refuses reads, to the
// values JSON gives it.
func TestReadJSONBeyondYAML(t *testing.T) {
	long := strings.Repeat("k", 2000)
	tests := []struct {
		name, json string
		ptr, want  string // the value at ptr
	}{
		{"surrogate pair", `{"a": "\ud83d\udc4d"}`, "/a", "👍"},
		{"escaped slash", `{"a": "\/x\/"}`, "/a", "/x/"},
		{"tabs around the root", "\t{\"a\": \"x\"}\t\n", "/a", "x"},
		{"a key over 1024 characters", `{"` + long + `": "v"}`, "/" + long, "v"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n yaml.Node
			require.Error(t, yaml.Unmarshal([]byte(tt.json), &n), "yaml.v3 now reads it")
			root, err := readJSON([]byte(tt.json))
			require.NoError(t, err)
			v := lookup(root, tt.ptr)
			require.NotNil(t, v)
			assert.Equal(t, tt.want, v.Value)
			assert.Equal(t, "!!str", v.Tag)
		})
	}
}

// TestReadJSONErrors: a syntax error names its line and the pointer of
// the value being read.
func TestReadJSONErrors(t *testing.T) {
	tests := []struct {
		name, json string
		line       int
		ptr        string
		message    string
	}{
		{"a missing comma", "{\n  \"a\": {\"b\": 1\n  \"c\": 2}\n}", 3, "/a", "invalid character '\"' after object key:value pair"},
		{"a bad escape", "{\"a\": [{\"b\": \"x\"},\n {\"b\": \"\\q\"}]}", 2, "/a/1/b", "invalid character 'q' in string escape code"},
		{"a bad key", "{\"a\": {\"b\": 1,\n \"\\q\": 2}}", 2, "/a", "invalid character 'q' in string escape code"},
		{"truncated", "{\n  \"a\": [1,\n  2", 3, "/a", "unexpected end of JSON input"},
		{"a trailing comma", "{\"a\": [1],\n}", 2, "", "invalid character '}' looking for beginning of object key string"},
		{"text after the root", "{}\n x", 2, "", "invalid character 'x' after top-level value"},
		{"a second value", "{}\n{}", 2, "", "invalid character '{' after top-level value"},
		{"nesting too deep", `{"a": ` + strings.Repeat("[", maxJSONDepth) + strings.Repeat("]", maxJSONDepth) + `}`, 1, "/a" + strings.Repeat("/0", maxJSONDepth-2), "nesting deeper than 10000 levels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readJSON([]byte(tt.json))
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.line, e.Line)
			assert.Equal(t, tt.ptr, e.Pointer)
			assert.Contains(t, e.Err.Error(), tt.message)
		})
	}
}
