package load

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// discriminatorDoc has the shapes of discriminated unions the SunCo spec
// uses, and a few it could.
const discriminatorDoc = `
paths: {}
components:
  schemas:
    shape:
      oneOf:
        - $ref: '#/components/schemas/circle'
        - $ref: '#/components/schemas/square'
        - $ref: '#/components/schemas/triangle'
        - $ref: '#/components/schemas/hexagon'
      discriminator:
        propertyName: kind
        mapping:
          round: '#/components/schemas/circle'
          circle: '#/components/schemas/circle'
          sq: square
    figure:
      anyOf:
        - $ref: '#/components/schemas/circle'
        - $ref: '#/components/schemas/square'
      discriminator: {propertyName: kind}
    base:
      type: object
      required: [kind]
      properties:
        kind: {type: string, description: What it is.}
    circle:
      type: object
      properties:
        kind: {type: string, default: circle}
        radius: {type: number}
    square:
      allOf:
        - $ref: '#/components/schemas/base'
        - type: object
          properties:
            kind: {type: string}
            side: {type: number}
    triangle:
      allOf:
        - $ref: '#/components/schemas/base'
        - type: object
          properties:
            base: {type: number}
    hexagon:
      type: object
      properties:
        kind: {type: string, enum: [hexagon, hex]}
    connector:
      type: object
      required: [type]
      properties:
        type: {type: string}
      discriminator:
        propertyName: type
        mapping:
          mail: '#/components/schemas/mailConnector'
    mailConnector:
      allOf:
        - $ref: '#/components/schemas/connector'
        - type: object
          properties:
            address: {type: string}
    event:
      anyOf:
        - $ref: '#/components/schemas/created'
        - title: event:deleted
          type: object
          properties:
            type: {type: string}
      discriminator: {propertyName: type}
      x-discriminator-value: title
    created:
      title: event:created
      type: object
      properties:
        type: {type: string}
`

func TestDiscriminators(t *testing.T) {
	res, err := LoadData("fixture.yaml", fixture(discriminatorDoc), Options{})
	require.NoError(t, err)

	enum := func(t *testing.T, s *openapi3.Schema, property string) []any {
		t.Helper()
		p := s.Properties[property]
		require.NotNil(t, p, "property %s", property)
		return p.Value.Enum
	}
	t.Run("mapping values, several per variant, and a variant of two unions", func(t *testing.T) {
		assert.Equal(t, []any{"round", "circle"}, enum(t, schema(t, res, "circle"), "kind"))
	})
	t.Run("mapping by schema name, declared in an inline allOf part", func(t *testing.T) {
		square := schema(t, res, "square")
		assert.Equal(t, []any{"sq", "square"}, enum(t, square.AllOf[1].Value, "kind"), "sq from shape, square (implicit) from figure")
		assert.NotContains(t, square.Properties, "kind")
	})
	t.Run("implicit value, inherited property declared in the variant", func(t *testing.T) {
		triangle := schema(t, res, "triangle")
		kind := triangle.Properties["kind"]
		require.NotNil(t, kind)
		assert.Equal(t, []any{"triangle"}, kind.Value.Enum)
		assert.True(t, kind.Value.Type.Is("string"))
		assert.Equal(t, "What it is.", kind.Value.Description, "the inherited description is kept")
		assert.Nil(t, schema(t, res, "base").Properties["kind"].Value.Enum, "the base is shared: untouched")
	})
	t.Run("an existing enum is kept", func(t *testing.T) {
		assert.Equal(t, []any{"hexagon", "hex"}, enum(t, schema(t, res, "hexagon"), "kind"))
	})
	t.Run("polymorphic base", func(t *testing.T) {
		assert.Equal(t, []any{"mail"}, enum(t, schema(t, res, "mailConnector"), "type"), "inherited from the base: declared")
		assert.Nil(t, enum(t, schema(t, res, "connector"), "type"), "the base itself is not a variant")
	})
	t.Run("title as value becomes the mapping", func(t *testing.T) {
		event := schema(t, res, "event")
		assert.NotContains(t, event.Extensions, "x-discriminator-value")
		require.Len(t, event.Discriminator.Mapping, 1, "an inline variant cannot be mapped")
		assert.Equal(t, "#/components/schemas/created", event.Discriminator.Mapping["event:created"].Ref)
		assert.Equal(t, []any{"event:created"}, enum(t, schema(t, res, "created"), "type"))
		assert.Equal(t, []any{"event:deleted"}, enum(t, event.AnyOf[1].Value, "type"))
	})
	t.Run("one warning per union", func(t *testing.T) {
		var got []string
		for _, w := range res.Warnings {
			got = append(got, w.Pointer)
		}
		assert.Equal(t, []string{
			"/components/schemas/shape/discriminator",
			"/components/schemas/figure/discriminator",
			"/components/schemas/connector/discriminator",
			"/components/schemas/event/discriminator",
		}, got)
		assert.Contains(t, res.Warnings[0].Message, `3 variants`, "hexagon kept its enum")
	})
	t.Run("idempotent", func(t *testing.T) {
		again, err := LoadData("normalized.yaml", normalizedYAML(t, res), Options{})
		require.NoError(t, err)
		assert.Empty(t, again.Warnings)
	})
	t.Run("a validator that ignores the discriminator matches exactly one variant", func(t *testing.T) {
		shape := withoutDiscriminator(schema(t, res, "shape"))
		for _, value := range []map[string]any{
			{"kind": "round", "radius": 1.0},
			{"kind": "sq", "side": 2.0},
			{"kind": "triangle", "base": 3.0},
			{"kind": "hex"},
		} {
			assert.NoError(t, shape.VisitJSON(value), "%v", value)
		}
		assert.Error(t, shape.VisitJSON(map[string]any{"kind": "pentagon"}))
	})
}

// withoutDiscriminator is s as a validator that ignores discriminators
// sees it.
func withoutDiscriminator(s *openapi3.Schema) *openapi3.Schema {
	c := *s
	c.Discriminator = nil
	return &c
}

// TestPinnedUnionsMatchExactlyOne checks, on the pinned spec, the bodies
// Prism refused before variants had enums: a twilio matchCriteria (shaped
// like whatsapp's) and a carousel message.
func TestPinnedUnionsMatchExactlyOne(t *testing.T) {
	file := filepath.Join(moduleRoot(t), "spec", "openapi.yaml")
	if _, err := os.Stat(file); err != nil {
		t.Skip("no pinned spec: run `make spec`")
	}
	res, err := Load(file, Options{})
	require.NoError(t, err)
	tests := []struct {
		union string
		value map[string]any
	}{
		{"matchCriteria", map[string]any{"type": "twilio", "integrationId": "5e4af71a81966cfff3ef6550", "phoneNumber": "+15550001234"}},
		{"matchCriteria", map[string]any{"type": "whatsapp", "integrationId": "5e4af71a81966cfff3ef6550", "phoneNumber": "+15550001234"}},
		{"content", map[string]any{"type": "carousel", "items": []any{
			map[string]any{"title": "Tacos", "actions": []any{map[string]any{"type": "postback", "text": "Buy", "payload": "TACOS"}}},
			map[string]any{"title": "Ramen", "actions": []any{map[string]any{"type": "link", "text": "More", "uri": "https://example.com"}}},
		}}},
		{"content", map[string]any{"type": "text", "text": "hi"}},
	}
	for _, tt := range tests {
		t.Run(tt.union+"/"+tt.value["type"].(string), func(t *testing.T) {
			s := withoutDiscriminator(schema(t, res, tt.union))
			assert.NoError(t, s.VisitJSON(tt.value, openapi3.MultiErrors()))
		})
	}
}

// TestTitleMappingKeepsTheDocumentsOwn: with titles as discriminator
// values, the title of a referenced alternative is added to the mapping
// unless the mapping already maps that alternative, or already maps that
// value to another; an alternative without a title is left to its schema
// name.
func TestTitleMappingKeepsTheDocumentsOwn(t *testing.T) {
	res, err := LoadData("fixture.yaml", fixture(`
paths: {}
components:
  schemas:
    notice:
      anyOf:
        - $ref: '#/components/schemas/mapped'
        - $ref: '#/components/schemas/clash'
        - $ref: '#/components/schemas/other'
        - $ref: '#/components/schemas/untitled'
        - $ref: '#/components/schemas/titled'
      discriminator:
        propertyName: type
        mapping:
          explicit: '#/components/schemas/mapped'
          notice:other: '#/components/schemas/other'
      x-discriminator-value: title
    mapped: {title: notice:mapped, type: object, properties: {type: {type: string}}}
    clash: {title: notice:other, type: object, properties: {type: {type: string}}}
    other: {title: notice:third, type: object, properties: {type: {type: string}}}
    untitled: {type: object, properties: {type: {type: string}}}
    titled: {title: notice:titled, type: object, properties: {type: {type: string}}}
`), Options{})
	require.NoError(t, err)
	mapping := map[string]string{}
	for value, ref := range schema(t, res, "notice").Discriminator.Mapping {
		mapping[value] = ref.Ref
	}
	assert.Equal(t, map[string]string{
		"explicit":      "#/components/schemas/mapped",
		"notice:other":  "#/components/schemas/other",
		"notice:titled": "#/components/schemas/titled",
	}, mapping)
	enum := func(name string) []any { return schema(t, res, name).Properties["type"].Value.Enum }
	assert.Equal(t, []any{"explicit"}, enum("mapped"), "mapped already: its title is not a value")
	assert.Equal(t, []any{"notice:other"}, enum("other"), "the mapping's value for other stays other's")
	assert.Equal(t, []any{"clash"}, enum("clash"), "its title is another's value: its schema name")
	assert.Equal(t, []any{"untitled"}, enum("untitled"), "no title: its schema name")
	assert.Equal(t, []any{"notice:titled"}, enum("titled"))
}

// TestInlineAlternativeFirst: an inline alternative the discriminator
// cannot name (no mapping entry, no title) is left as it is, and the
// alternatives after it still get their values.
func TestInlineAlternativeFirst(t *testing.T) {
	res, err := LoadData("fixture.yaml", fixture(`
paths: {}
components:
  schemas:
    shape:
      oneOf:
        - {type: object, properties: {kind: {type: string}, sides: {type: integer}}}
        - $ref: '#/components/schemas/circle'
        - $ref: '#/components/schemas/square'
      discriminator: {propertyName: kind}
    circle: {type: object, properties: {kind: {type: string}, radius: {type: number}}}
    square: {type: object, properties: {kind: {type: string}, side: {type: number}}}
`), Options{})
	require.NoError(t, err)
	shape := schema(t, res, "shape")
	assert.Nil(t, shape.OneOf[0].Value.Properties["kind"].Value.Enum)
	assert.Equal(t, []any{"circle"}, schema(t, res, "circle").Properties["kind"].Value.Enum)
	assert.Equal(t, []any{"square"}, schema(t, res, "square").Properties["kind"].Value.Enum)
}
