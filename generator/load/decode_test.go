package load

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// TestDecodeNodesIsKinDecode: every golden fixture and every SunCo
// document here (sunCoSpecs) decodes straight from its nodes, to the
// document kin-openapi decodes from its JSON, and so do its webhooks.
func TestDecodeNodesIsKinDecode(t *testing.T) {
	root := moduleRoot(t)
	files, err := filepath.Glob(filepath.Join(root, "golden", "testdata", "*", "spec.yaml"))
	require.NoError(t, err)
	files = append(files, sunCoSpecs(t)...)
	require.NotEmpty(t, files)
	for _, file := range files {
		rel, _ := filepath.Rel(root, file)
		t.Run(rel, func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			n, err := parse(file, data)
			require.NoError(t, err)
			_, err = normalize(n)
			require.NoError(t, err)
			want, err := kinDecode(n)
			require.NoError(t, err)
			got, ok := decodeNodes(n)
			require.True(t, ok, "a shape decodeNodes left to kin-openapi")
			assert.Equal(t, want, got)

			if hooks := mappingValue(lookup(n, ""), webhooksKey); hooks != nil {
				data, _, err := toJSON(hooks, 0, jsonLimit(0))
				require.NoError(t, err)
				var want, got map[string]*openapi3.PathItem
				require.NoError(t, json.Unmarshal(data, &want))
				require.True(t, decodeInto(hooks, &got), "webhooks decodeInto left to kin-openapi")
				assert.Equal(t, want, got)
			}
		})
	}
}

// TestDecodeNodesCases: shapes decodeNodes takes give kin-openapi's
// document; the others it leaves to kin-openapi.
func TestDecodeNodesCases(t *testing.T) {
	const head = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n"
	tests := []struct {
		name, doc string
		taken     bool
	}{
		{"nested schemas", "components:\n  schemas:\n    a:\n      type: object\n      required: [b]\n      properties:\n        b: {type: array, items: {allOf: [{$ref: '#/components/schemas/c'}, {type: string, x-b: 1}]}}\n        c: {additionalProperties: {type: integer}, not: {type: string}, maxLength: 10, minimum: -1.5}\n    c: {type: [string, 'null'], enum: [a, 1, 2.5, true, null, [x], {y: z}]}\n", true},
		{"additionalProperties of every kind", "components:\n  schemas:\n    a: {additionalProperties: true}\n    b: {additionalProperties: false}\n    c: {additionalProperties: {}}\n    d: {additionalProperties: {$ref: '#/components/schemas/a'}}\n", true},
		{"exclusive bounds", "components:\n  schemas:\n    a: {minimum: 1, exclusiveMinimum: true}\n    b: {exclusiveMaximum: 2.5}\n", true},
		{"discriminator", "components:\n  schemas:\n    a: {oneOf: [{$ref: '#/components/schemas/b'}], discriminator: {propertyName: t, mapping: {b: '#/components/schemas/b'}, x-d: 1}}\n    b: {type: object}\n", true},
		{"3.1 keywords", "components:\n  schemas:\n    a: {prefixItems: [{type: string}], if: {properties: {a: {const: 1}}}, then: {required: [b]}, $defs: {d: {type: number}}, dependentRequired: {a: [b]}}\n", true},
		{"paths, responses, callbacks", "paths:\n  x-p: [1]\n  /a/{id}:\n    parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n    get:\n      security: [{k: []}]\n      responses:\n        x-r: {a: b}\n        '200':\n          description: ok\n          headers: {X-A: {schema: {type: integer}}, X-B: {$ref: '#/components/headers/h'}}\n          content: {application/json: {schema: {type: object}, examples: {e: {value: {a: [1, 2]}}}}}\n          links: {l: {operationId: o, parameters: {id: $response.body#/id}}}\n      callbacks:\n        c: {'{$request.body#/url}': {post: {responses: {'204': {description: none}}}}}\ncomponents:\n  headers: {h: {schema: {type: string}}}\n  securitySchemes: {k: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://t', scopes: {}}}}}\n", true},
		{"servers and tags", "servers: [{url: 'https://{h}', variables: {h: {default: x, enum: [x, y]}}}]\ntags: [{name: a, externalDocs: {url: 'https://d'}}]\nx-top: {a: 1}\n", true},
		{"nulls", "components:\n  schemas:\n    a: {description: null, items: null, enum: null, default: null, maxLength: null}\n", true},

		{"a $ref with siblings", "components:\n  schemas:\n    a: {$ref: '#/components/schemas/b', description: d}\n    b: {}\n", false},
		{"a boolean schema", "components:\n  schemas:\n    a: {properties: {b: true}}\n", false},
		{"an alias", "components:\n  schemas:\n    a: &s {type: string}\n    b: *s\n", false},
		{"a merge key", "x-base: &b {type: string}\ncomponents:\n  schemas:\n    a: {<<: *b, format: date}\n", false},
		{"a repeated key", "components:\n  schemas:\n    a: {type: string, type: integer}\n", false},
		{"a key matched without case", "components:\n  schemas:\n    a: {Description: d}\n", false},
		{"an unknown key kept as an extension", "components:\n  schemas:\n    a: {nonsense: 1}\n", false},
		{"an integer a float64 does not hold", "components:\n  schemas:\n    a: {maxLength: 9007199254740993}\n", false},
		{"an integer written as a float", "components:\n  schemas:\n    a: {maxLength: 1.0}\n", false},
		{"a YAML-only number", "components:\n  schemas:\n    a: {maxLength: 0x1F}\n", false},
		{"a number out of range", "components:\n  schemas:\n    a: {default: !!float 1e400}\n", false},
		{"responses null", "paths:\n  /a: {get: {responses: null}}\n", false},
		{"a null path item", "paths:\n  /a: null\n", false},
		{"null into a struct", "components:\n  schemas:\n    a: {additionalProperties: null}\n", false},
		{"a string for a number", "components:\n  schemas:\n    a: {maxLength: '3'}\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := parse("doc.yaml", []byte(head+tt.doc))
			require.NoError(t, err)
			got, ok := decodeNodes(n)
			require.Equal(t, tt.taken, ok)
			if !ok {
				return
			}
			want, err := kinDecode(n)
			require.NoError(t, err)
			require.True(t, reflect.DeepEqual(want, got), "decodeNodes and kin-openapi differ:\n%#v\n%#v", want, got)
		})
	}
}

// TestKinDropsEveryFieldKey: the keys decodeStandard takes as fields are
// the ones each kin-openapi decoder drops from its extensions, and it
// keeps any other key there, x- or not (decodeNodes takes only x- ones as
// extensions, and leaves the others to kin-openapi).
func TestKinDropsEveryFieldKey(t *testing.T) {
	for typ, st := range standardTypes() {
		t.Run(typ.Name(), func(t *testing.T) {
			obj := map[string]any{"x-a": 1.0, "zz": "z"}
			for key := range st.fields {
				require.False(t, strings.HasPrefix(strings.ToLower(key), "x-"), "field %s looks like an extension", key)
				obj[key] = nil
			}
			data, err := json.Marshal(obj)
			require.NoError(t, err)
			v := reflect.New(typ)
			require.NoError(t, json.Unmarshal(data, v.Interface()))
			assert.Equal(t, map[string]any{"x-a": 1.0, "zz": "z"}, v.Elem().Field(st.extensions).Interface())
		})
	}
}

// FuzzDecodeNodes: whatever document decodeNodes takes, kin-openapi
// decodes from its JSON to the same, without error.
func FuzzDecodeNodes(f *testing.F) {
	files, err := filepath.Glob(filepath.Join(moduleRoot(f), "golden", "testdata", "*", "spec.yaml"))
	require.NoError(f, err)
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(f, err)
		f.Add(data)
		// The same document as JSON, which mutates into other documents
		// more often than YAML does.
		n, err := parse(file, data)
		require.NoError(f, err)
		asJSON, _, err := toJSON(n, len(data), jsonLimit(len(data)))
		require.NoError(f, err)
		f.Add(asJSON)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := parse("doc", data)
		if err != nil {
			return
		}
		got, ok := decodeNodes(n)
		if !ok {
			return
		}
		want, err := kinDecode(n)
		require.NoError(t, err, "decodeNodes took a document kin-openapi refuses")
		require.True(t, reflect.DeepEqual(want, got), "decodeNodes and kin-openapi differ")
	})
}

// kinDecode is the document n as kin-openapi decodes it from its JSON.
func kinDecode(n *yaml.Node) (*openapi3.T, error) {
	data, _, err := toJSON(n, 0, jsonLimit(0))
	if err != nil {
		return nil, err
	}
	doc := &openapi3.T{}
	return doc, json.Unmarshal(data, doc)
}

// TestLoadDecodesUnusualShapesWithKin: a document decodeNodes leaves to
// kin-openapi loads all the same, through its JSON.
func TestLoadDecodesUnusualShapesWithKin(t *testing.T) {
	const head = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
	tests := []struct{ name, doc string }{
		{"a $ref with siblings", "components:\n  schemas:\n    a: {$ref: '#/components/schemas/b', description: d}\n    b: {type: string}\n"},
		{"an alias", "components:\n  schemas:\n    b: &s {type: string}\n    a: *s\n"},
		{"a merge key", "x-base: &b {type: string}\ncomponents:\n  schemas:\n    b: {type: string}\n    a: {<<: *b, format: date}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := parse("doc.yaml", []byte(head+tt.doc))
			require.NoError(t, err)
			_, taken := decodeNodes(root)
			require.False(t, taken, "the case no longer reaches kin-openapi's decoding")
			res, err := LoadData("doc.yaml", []byte(head+tt.doc), Options{})
			require.NoError(t, err)
			a := res.Doc.Components.Schemas["a"]
			require.NotNil(t, a)
			require.NotNil(t, a.Value)
			assert.True(t, a.Value.Type.Is("string"))
		})
	}
}
