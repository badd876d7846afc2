package build

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// TestOpenAPI31Types checks the Go type of a property (optional, so a
// pointer unless nullable or nilable) for each way OpenAPI 3.1 says what
// a value is, and the refusal, by pointer, of what has no Go type but
// any.
func TestOpenAPI31Types(t *testing.T) {
	nullable := func(name string) func(*ir.API) ir.Type {
		return func(api *ir.API) ir.Type { return &ir.Nullable{Elem: &ir.Named{Decl: decl(api, name)}} }
	}
	optional := func(name string) func(*ir.API) ir.Type {
		return func(api *ir.API) ir.Type { return &ir.Pointer{Elem: &ir.Named{Decl: decl(api, name)}} }
	}
	fixed := func(typ ir.Type) func(*ir.API) ir.Type { return func(*ir.API) ir.Type { return typ } }
	tests := []struct {
		name    string
		schema  string
		want    func(api *ir.API) ir.Type
		pointer string // of the refusal; "" for none
	}{
		{"type string", `{type: string}`, fixed(&ir.Pointer{Elem: ir.String}), ""},
		{"type [string, null]", `{type: [string, "null"]}`, fixed(&ir.Nullable{Elem: ir.String}), ""},
		{"type [null, integer]", `{type: ["null", integer], format: int64}`, fixed(&ir.Nullable{Elem: ir.Int64}), ""},
		{"type [integer, number]", `{type: [integer, number]}`, fixed(&ir.Pointer{Elem: ir.Float64}), ""},
		{"type [array, null]", `{type: [array, "null"], items: {type: boolean}}`, fixed(&ir.Nullable{Elem: &ir.Slice{Elem: ir.Bool}}), ""},
		{"type [object, null]", `{type: [object, "null"], additionalProperties: {type: string}}`, fixed(&ir.Nullable{Elem: &ir.Map{Elem: ir.String}}), ""},
		{"a timestamp or null", `{type: [string, "null"], format: date-time}`, fixed(&ir.Nullable{Elem: ir.Time}), ""},
		{"an object or null", `{type: [object, "null"], properties: {a: {type: string}}}`, nullable("ThingP"), ""},
		{"an enum or null", `{type: [string, "null"], enum: [a, b, null]}`, nullable("ThingP"), ""},
		{"a string const", `{const: dog}`, optional("ThingP"), ""},
		{"an integer const", `{const: 2}`, fixed(&ir.Pointer{Elem: ir.Int}), ""},
		{"a number const", `{const: 2.5}`, fixed(&ir.Pointer{Elem: ir.Float64}), ""},
		{"a boolean const", `{const: true}`, fixed(&ir.Pointer{Elem: ir.Bool}), ""},
		{"anyOf a ref or null", `{anyOf: [{$ref: '#/components/schemas/Other'}, {type: "null"}]}`, func(api *ir.API) ir.Type {
			return &ir.Nullable{Elem: &ir.Named{Decl: decl(api, "Other")}}
		}, ""},
		{"oneOf null or a string", `{oneOf: [{type: "null"}, {type: string}]}`, fixed(&ir.Nullable{Elem: ir.String}), ""},
		{"no type", `{description: anything}`, fixed(ir.Any), ""},
		{"several types", `{type: [string, integer]}`, nil, "/components/schemas/Thing/properties/p/type"},
		{"several types and null", `{type: [string, boolean, "null"]}`, nil, "/components/schemas/Thing/properties/p/type"},
		{"type null alone", `{type: "null"}`, nil, "/components/schemas/Thing/properties/p/type"},
		{"an object const", `{const: {a: 1}}`, nil, "/components/schemas/Thing/properties/p/const"},
		{"a tuple", `{type: array, prefixItems: [{type: string}, {type: integer}]}`, nil, "/components/schemas/Thing/properties/p/prefixItems"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, _, err := buildYAML(t, `openapi: 3.1.0
info: {title: T, version: 1.0.0}
`+returning("Thing")+`components:
  schemas:
    Other: {type: object, properties: {o: {type: string}}}
    Thing:
      type: object
      properties:
        p: `+tt.schema+`
`)
			if tt.pointer != "" {
				es := errs(t, err)
				require.Len(t, es, 1, "%v", err)
				assert.Equal(t, tt.pointer, es[0].Pointer)
				return
			}
			require.NoError(t, err)
			thing := decl(api, "Thing").(*ir.Struct)
			assert.Equal(t, tt.want(api), thing.Fields[0].Type)
		})
	}
}

// TestOpenAPI31Enums: a string const is an enum of its one value, and
// an enum that lists null has a constant for each other value.
func TestOpenAPI31Enums(t *testing.T) {
	api, _, err := buildYAML(t, `openapi: 3.1.0
info: {title: T, version: 1.0.0}
`+returning("Thing")+`components:
  schemas:
    Thing:
      type: object
      properties:
        kind: {const: dog}
        size: {type: [string, "null"], enum: [small, null]}
`)
	require.NoError(t, err)
	kind := decl(api, "ThingKind").(*ir.Enum)
	assert.Equal(t, []ir.EnumValue{{Name: "ThingKindDog", Value: "dog"}}, kind.Values)
	size := decl(api, "ThingSize").(*ir.Enum)
	assert.Equal(t, []ir.EnumValue{{Name: "ThingSizeSmall", Value: "small"}}, size.Values)
	thing := decl(api, "Thing").(*ir.Struct)
	assert.Equal(t, &ir.Pointer{Elem: &ir.Named{Decl: kind}}, thing.Fields[0].Type)
	assert.Equal(t, &ir.Nullable{Elem: &ir.Named{Decl: size}}, thing.Fields[1].Type)
}

// TestNullAlternativeOfAUnion: {type: "null"} among the alternatives of a
// union makes the union nullable, and the variants keep the pointers of
// their place in the document's list.
func TestNullAlternativeOfAUnion(t *testing.T) {
	api, _, err := buildYAML(t, `openapi: 3.1.0
info: {title: T, version: 1.0.0}
`+returning("Thing")+`components:
  schemas:
    A: {type: object, properties: {a: {type: string}}, required: [a]}
    B: {type: object, properties: {b: {type: string}}, required: [b]}
    Thing:
      type: object
      properties:
        u:
          oneOf:
            - type: "null"
            - {type: object, properties: {a: {type: string}}, required: [a]}
            - $ref: '#/components/schemas/B'
`)
	require.NoError(t, err)
	thing := decl(api, "Thing").(*ir.Struct)
	n, ok := thing.Fields[0].Type.(*ir.Nullable)
	require.True(t, ok, "%#v", thing.Fields[0].Type)
	u := n.Elem.(*ir.Named).Decl.(*ir.Union)
	require.Len(t, u.Variants, 2)
	assert.Equal(t, "/components/schemas/Thing/properties/u/oneOf/1", u.Variants[0].Struct.Pointer)
	assert.Equal(t, "B", u.Variants[1].Struct.Name)
}
