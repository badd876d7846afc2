package load

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// TestDecodeSchema decodes every component schema of every published
// version of the SunCo document, and of the golden fixture specs, both
// ways: decodeSchema and kin-openapi on the whole JSON must agree, to the
// unexported fields.
func TestDecodeSchema(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/spec/sunco/*.yaml")
	fixtures, _ := filepath.Glob("../../golden/testdata/*/spec.yaml")
	files = append(files, fixtures...)
	if pinned := "../../spec/openapi.yaml"; fileExists(pinned) {
		files = append(files, pinned)
	}
	for _, file := range files {
		t.Run(filepath.Base(filepath.Dir(file))+"/"+filepath.Base(file), func(t *testing.T) {
			root, err := parse(file, mustRead(t, file))
			require.NoError(t, err)
			schemas := entries(entries(entries(root.Content[0])["components"])["schemas"])
			for name, n := range schemas {
				data, _, err := toJSON(n, 0, jsonLimit(0))
				require.NoError(t, err)
				var want, got openapi3.SchemaRef
				wantErr := json.Unmarshal(data, &want)
				gotErr := decodeSchema(n, &got)
				if wantErr != nil {
					require.Error(t, gotErr, name)
					continue
				}
				require.NoError(t, gotErr, name)
				if !reflect.DeepEqual(&want, &got) {
					t.Errorf("%s: decodeSchema and kin-openapi differ", name)
				}
			}
		})
	}
}

func TestDecodeSchemaCases(t *testing.T) {
	tests := []struct{ name, yaml string }{
		{"nested", "type: object\nproperties:\n  a:\n    type: array\n    items:\n      allOf:\n      - $ref: '#/components/schemas/x'\n      - type: object\n        properties:\n          b: {type: string, x-b: 1}\n  c: {additionalProperties: {type: integer}, not: {type: string}}\n"},
		{"boolean and ref siblings", "properties:\n  a: true\n  b: {$ref: '#/x', description: d}\nadditionalProperties: false\noneOf: [{required: [a]}, {required: [b]}]\nanyOf: []\n"},
		{"3.1 keywords left whole", "prefixItems: [{type: string}]\nif: {properties: {a: {const: 1}}}\nthen: {required: [b]}\n$defs: {d: {type: object, properties: {e: {type: number}}}}\n"},
		{"anchors and aliases", "properties:\n  a: &s {type: string, properties: {x: {type: object}}}\n  b: *s\n"},
		{"merge key", "base: &b {type: string}\nproperties:\n  a:\n    <<: *b\n    format: date\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc yaml.Node
			require.NoError(t, yaml.Unmarshal([]byte(tt.yaml), &doc))
			n := doc.Content[0]
			data, _, err := toJSON(n, 0, jsonLimit(0))
			require.NoError(t, err)
			var want, got openapi3.SchemaRef
			require.NoError(t, json.Unmarshal(data, &want))
			require.NoError(t, decodeSchema(n, &got))
			require.True(t, reflect.DeepEqual(&want, &got), "decodeSchema and kin-openapi differ")
		})
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	return data
}
