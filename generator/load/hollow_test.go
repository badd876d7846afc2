package load

import (
	"encoding/json"
	"reflect"
	"sync/atomic"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// TestDecodeSchemaCases: a schemaDecoder decodes what kin-openapi decodes
// from the whole JSON, to the unexported fields. TestDecodePartsIsWholeDecode
// checks the same on whole documents.
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
			require.NoError(t, newSchemaDecoder().decode(n, &got))
			require.True(t, reflect.DeepEqual(&want, &got), "decodeSchema and kin-openapi differ")
		})
	}
}

// TestDecodeSchemaSharesTheAliasLimit: what other writers of the
// document wrote counts against the limit on what aliases expand to.
func TestDecodeSchemaSharesTheAliasLimit(t *testing.T) {
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte("enum: &e [aaaaaaaaaa, bbbbbbbbbb]\ndefault: [*e, *e, *e]\n"), &doc))
	for _, tt := range []struct {
		spent int64
		fits  bool
	}{{0, true}, {900, false}} {
		d := schemaDecoder{limit: 1000, spent: new(atomic.Int64)}
		d.spent.Store(tt.spent)
		var got openapi3.SchemaRef
		err := d.decode(doc.Content[0], &got)
		if tt.fits {
			require.NoError(t, err)
			continue
		}
		require.ErrorIs(t, err, errAliasExpansion)
	}
}

func newSchemaDecoder() schemaDecoder {
	return schemaDecoder{limit: jsonLimit(0), spent: new(atomic.Int64)}
}
