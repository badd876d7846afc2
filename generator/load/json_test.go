package load

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// yamlNode parses src into a document node.
func yamlNode(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var n yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(src), &n))
	return &n
}

func TestToJSON(t *testing.T) {
	tests := []struct {
		name, yaml, json string
	}{
		{"key order kept", "b: 1\na: 2\nc: 3", `{"b":1,"a":2,"c":3}`},
		{"nested", "a: [1, {b: [], c: {}}]", `{"a":[1,{"b":[],"c":{}}]}`},
		{"null", "a: null\nb: ~\nc:\nd: Null", `{"a":null,"b":null,"c":null,"d":null}`},
		{"bool", "a: true\nb: False\nc: TRUE", `{"a":true,"b":false,"c":true}`},
		{"yes and on are strings in YAML 1.2", "a: yes\nb: on\nc: y", `{"a":"yes","b":"on","c":"y"}`},
		{"explicit bool", "a: !!bool True", `{"a":true}`},
		{"int", "a: 0\nb: -12\nc: 12345678901234567890", `{"a":0,"b":-12,"c":12345678901234567890}`},
		{"every first digit", "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 90, -9, 9.5, 9e2]", `[0,1,2,3,4,5,6,7,8,9,90,-9,9.5,9e2]`},
		{"int spellings JSON lacks", "a: 0x1F\nb: 0o17\nc: +5\nd: 1_000\ne: 017", `{"a":31,"b":15,"c":5,"d":1000,"e":15}`},
		{"float", "a: 1.5\nb: -0.25e3\nc: 1e300", `{"a":1.5,"b":-0.25e3,"c":1e300}`},
		{"out of float range is a string, as yaml.v3 resolves it", "a: 1e400", `{"a":"1e400"}`},
		{"float spellings JSON lacks", "a: .5\nb: 1.\nc: +2.5", `{"a":0.5,"b":1,"c":2.5}`},
		{"quoted scalars are strings", `a: "1"` + "\nb: 'true'\nc: \"null\"", `{"a":"1","b":"true","c":"null"}`},
		{"explicit str", "a: !!str 12", `{"a":"12"}`},
		{"timestamps are strings", "a: 2024-01-02", `{"a":"2024-01-02"}`},
		{"non-string keys", "200: ok\ntrue: x\n1.5: y", `{"200":"ok","true":"x","1.5":"y"}`},
		{"escapes", `a: "q\" b\\ n\n t\t c\x01 é €"`, `{"a":"q\" b\\ n\n t\t c\u0001 é €"}`},
		{"anchor and alias", "a: &x {b: 1}\nc: *x\nd: [*x]", `{"a":{"b":1},"c":{"b":1},"d":[{"b":1}]}`},
		{"scalar alias", "a: &s hi\nb: *s", `{"a":"hi","b":"hi"}`},
		{"merge key", "base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3", `{"base":{"x":1,"y":2},"m":{"y":3,"x":1}}`},
		{"merge key list, earlier wins", "a: &a {x: 1}\nb: &b {x: 2, z: 2}\nm: {<<: [*a, *b]}", `{"a":{"x":1},"b":{"x":2,"z":2},"m":{"x":1,"z":2}}`},
		{"block string", "a: |\n  line 1\n  line 2\n", `{"a":"line 1\nline 2\n"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, bad, err := toJSON(yamlNode(t, tt.yaml), 0, jsonLimit(0))
			require.NoError(t, err)
			assert.Nil(t, bad)
			assert.Equal(t, tt.json, string(got))
			assert.True(t, json.Valid(got))
		})
	}
}

func TestToJSONRefuses(t *testing.T) {
	tests := []struct {
		name, yaml, bad, message string
		limit                    int
	}{
		{name: "infinity", yaml: "a: {b: .inf}", bad: "/a/b", message: ".inf has no JSON form"},
		{name: "not a number", yaml: "a: [.nan]", bad: "/a/0", message: ".nan has no JSON form"},
		{name: "explicit bool that is none", yaml: "a: !!bool yes", bad: "/a", message: "cannot decode !!str `yes` as a !!bool"},
		{name: "explicit number that is none", yaml: "a: [!!float true]", bad: "/a/0", message: "cannot decode !!bool `true` as a !!float"},
		{name: "complex key", yaml: "? [a, b]\n: c", bad: "", message: "a mapping key that is not a scalar"},
		{name: "alias bomb", yaml: "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]", limit: 100, message: "aliases expand the document beyond reason"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.limit == 0 {
				tt.limit = jsonLimit(0)
			}
			root := yamlNode(t, tt.yaml)
			_, bad, err := toJSON(root, 0, tt.limit)
			require.ErrorContains(t, err, tt.message)
			require.NotNil(t, bad)
			if tt.bad != "" {
				ptr, ok := pointerOf(root, bad)
				require.True(t, ok)
				assert.Equal(t, tt.bad, ptr)
			}
		})
	}
}

// TestToJSONAgreesWithYAMLDecoding checks the writer against yaml.v3's own
// decoding followed by encoding/json, on the golden fixtures and the pinned
// spec: the same values, and the same key order.
func TestToJSONAgreesWithYAMLDecoding(t *testing.T) {
	root := moduleRoot(t)
	files, err := filepath.Glob(filepath.Join(root, "golden", "testdata", "*", "spec.yaml"))
	require.NoError(t, err)
	if _, err := os.Stat(filepath.Join(root, "spec", "openapi.yaml")); err == nil {
		files = append(files, filepath.Join(root, "spec", "openapi.yaml"))
	}
	require.NotEmpty(t, files)
	for _, file := range files {
		t.Run(strings.TrimPrefix(file, root), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			var decoded any
			require.NoError(t, yaml.Unmarshal(data, &decoded))
			want, err := json.Marshal(decoded)
			require.NoError(t, err)

			got, _, err := toJSON(yamlNode(t, string(data)), len(data), jsonLimit(len(data)))
			require.NoError(t, err)
			assert.JSONEq(t, string(want), string(got))
			assert.Equal(t, keyOrder(t, data), keyOrder(t, got), "key order")
		})
	}
}

// keyOrder lists the keys of every mapping of the YAML or JSON document
// data, in document order.
func keyOrder(t *testing.T, data []byte) []string {
	t.Helper()
	var n yaml.Node
	require.NoError(t, yaml.Unmarshal(data, &n))
	var keys []string
	var visit func(n *yaml.Node)
	visit = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				keys = append(keys, n.Content[i].Value)
			}
		}
		for _, c := range n.Content {
			visit(c)
		}
	}
	visit(&n)
	return keys
}
