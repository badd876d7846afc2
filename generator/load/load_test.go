package load

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/spec"
)

// header starts every fixture document.
const header = `openapi: 3.0.2
info: {title: fixture, version: "1"}
`

// fixture returns a minimal document with the given extra root content.
func fixture(body string) []byte {
	return []byte(header + strings.TrimLeft(body, "\n"))
}

// loadError loads data and returns the *Error it must fail with.
func loadError(t *testing.T, data []byte, opts Options) *Error {
	t.Helper()
	res, err := LoadData("spec/openapi.yaml", data, opts)
	require.Error(t, err)
	assert.Nil(t, res)
	var e *Error
	require.True(t, errors.As(err, &e), "error %T is not an *Error", err)
	return e
}

// schema returns the component schema name of a loaded document.
func schema(t *testing.T, res *Result, name string) *openapi3.Schema {
	t.Helper()
	ref := res.Doc.Components.Schemas[name]
	require.NotNil(t, ref, "schema %s", name)
	return ref.Value
}

func TestNormalizations(t *testing.T) {
	tests := []struct {
		name     string
		doc      string
		warnings []string // "pointer: message prefix"
		check    func(t *testing.T, res *Result)
	}{
		{
			name: "boolean required true on a property",
			doc: `
paths: {}
components:
  parameters:
    userFilterQuery:
      name: filter
      in: query
      required: true
      style: deepObject
      schema:
        type: object
        properties:
          identities.email:
            type: string
            required: true
`,
			warnings: []string{"/components/parameters/userFilterQuery/schema/properties/identities.email/required: boolean `required: true` in a schema is invalid; removed it and listed \"identities.email\""},
			check: func(t *testing.T, res *Result) {
				p := res.Doc.Components.Parameters["userFilterQuery"].Value
				assert.True(t, p.Required, "the parameter's own required is legal and kept")
				assert.Equal(t, []string{"identities.email"}, p.Schema.Value.Required)
			},
		},
		{
			name: "boolean required true joins an existing list once",
			doc: `
paths: {}
components:
  schemas:
    pet:
      type: object
      required: [name, id]
      properties:
        id: {type: string, required: true}
        name: {type: string}
`,
			warnings: []string{"/components/schemas/pet/properties/id/required: boolean `required: true`"},
			check: func(t *testing.T, res *Result) {
				assert.Equal(t, []string{"name", "id"}, schema(t, res, "pet").Required)
			},
		},
		{
			name: "boolean required false is dropped",
			doc: `
paths: {}
components:
  schemas:
    pet:
      type: object
      properties:
        name: {type: string, required: false}
`,
			warnings: []string{"/components/schemas/pet/properties/name/required: boolean `required: false` in a schema is invalid; removed it"},
			check: func(t *testing.T, res *Result) {
				assert.Empty(t, schema(t, res, "pet").Required)
			},
		},
		{
			name: "boolean required true outside properties is dropped",
			doc: `
paths: {}
components:
  schemas:
    tags:
      type: array
      items: {type: string, required: true}
`,
			warnings: []string{"/components/schemas/tags/items/required: boolean `required: true` in a schema that is not an object property"},
		},
		{
			name: "nested boolean required fixes the outer schema first",
			doc: `
paths: {}
components:
  schemas:
    outer:
      type: object
      properties:
        inner:
          type: object
          properties:
            leaf: {type: string, required: true}
          required: true
`,
			warnings: []string{
				"/components/schemas/outer/properties/inner/required: boolean `required: true`",
				"/components/schemas/outer/properties/inner/properties/leaf/required: boolean `required: true`",
			},
			check: func(t *testing.T, res *Result) {
				outer := schema(t, res, "outer")
				assert.Equal(t, []string{"inner"}, outer.Required)
				assert.Equal(t, []string{"leaf"}, outer.Properties["inner"].Value.Required)
			},
		},
		{
			name: "pointers escape ~ and /",
			doc: `
paths: {}
components:
  schemas:
    pet:
      type: object
      properties:
        a/b~c: {type: string, required: true}
`,
			warnings: []string{"/components/schemas/pet/properties/a~1b~0c/required: boolean `required: true`"},
		},
		{
			name: "schemas in allOf, oneOf, anyOf, not, additionalProperties, request bodies and x-webhooks",
			doc: `
paths:
  /pets:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                a: {type: string, required: true}
      responses:
        "204": {description: ok}
components:
  schemas:
    all:
      allOf:
        - type: object
          properties:
            b: {type: string, required: true}
      oneOf:
        - {type: object, properties: {c: {type: string, required: true}}}
      anyOf:
        - {type: object, properties: {d: {type: string, required: true}}}
      not: {type: object, properties: {e: {type: string, required: true}}}
      additionalProperties: {type: object, properties: {f: {type: string, required: true}}}
x-webhooks:
  event:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {g: {type: string, required: true}}}
      responses:
        "200": {description: ok}
`,
			warnings: []string{
				"/paths/~1pets/post/requestBody/content/application~1json/schema/properties/a/required: ",
				"/components/schemas/all/allOf/0/properties/b/required: ",
				"/components/schemas/all/oneOf/0/properties/c/required: ",
				"/components/schemas/all/anyOf/0/properties/d/required: ",
				"/components/schemas/all/not/properties/e/required: ",
				"/components/schemas/all/additionalProperties/properties/f/required: ",
				"/x-webhooks/event/post/requestBody/content/application~1json/schema/properties/g/required: ",
			},
			check: func(t *testing.T, res *Result) {
				body := res.Webhooks["event"].Post.RequestBody.Value.Content["application/json"].Schema.Value
				assert.Equal(t, []string{"g"}, body.Required)
			},
		},
		{
			name: "legal required and look-alikes are left alone",
			doc: `
paths:
  /pets/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}}
    get:
      responses:
        "200":
          description: ok
          headers:
            X-Rate: {required: true, schema: {type: integer}}
          content:
            application/json:
              schema: {$ref: '#/components/schemas/pet'}
              example: {required: true}
    put:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/pet'}
            examples:
              one: {value: {required: true}}
      responses:
        "204": {description: ok}
components:
  schemas:
    pet:
      type: object
      required: [required]
      properties:
        required: {type: boolean, default: true}
      example: {required: true}
      x-extra: {required: true}
`,
			check: func(t *testing.T, res *Result) {
				assert.Equal(t, []string{"required"}, schema(t, res, "pet").Required)
			},
		},
		{
			name: "nullable without type",
			doc: `
paths: {}
components:
  schemas:
    metadata: {type: object}
    union:
      oneOf: [{$ref: '#/components/schemas/metadata'}, {type: string}]
    user:
      type: object
      properties:
        metadata:
          allOf: [{$ref: '#/components/schemas/metadata'}]
          nullable: true
        name:
          allOf: [{$ref: '#/components/schemas/metadata'}]
          nullable: false
        either:
          allOf: [{$ref: '#/components/schemas/union'}]
          nullable: true
        merged:
          allOf: [{$ref: '#/components/schemas/metadata'}, {type: object, properties: {n: {type: string}}}]
          nullable: true
`,
			warnings: []string{
				"/components/schemas/user/properties/metadata/nullable: `nullable: true` without `type` has no effect in OpenAPI 3.0; added `type: object`",
				"/components/schemas/user/properties/name/nullable: `nullable: false` without `type` has no effect; removed it",
			},
			check: func(t *testing.T, res *Result) {
				props := schema(t, res, "user").Properties
				assert.True(t, props["metadata"].Value.Nullable)
				assert.True(t, props["metadata"].Value.Type.Is("object"))
				assert.False(t, props["name"].Value.Nullable)
				assert.True(t, props["either"].Value.Nullable, "a target without a type is left as it is")
				assert.Nil(t, props["merged"].Value.Type, "an allOf of several parts is no one target")
			},
		},
		{
			name: "oneOf whose alternatives require nothing",
			doc: `
paths: {}
components:
  schemas:
    a: {type: object, properties: {x: {type: string}, y: {type: string}}}
    b: {type: object, properties: {x: {type: string}}}
    leave:
      oneOf:
        - {type: object, properties: {userId: {type: string}}}
        - {type: object, properties: {participantId: {type: string}}, required: [participantId]}
    update:
      oneOf: [{$ref: '#/components/schemas/a'}, {$ref: '#/components/schemas/b'}]
    pair:
      oneOf:
        - {type: object, properties: {a: {type: string}, b: {type: string}}}
        - {type: object, properties: {c: {type: string}}, required: [c]}
    base: {type: object, properties: {id: {type: string}}, required: [id]}
    composed:
      oneOf:
        - allOf: [{$ref: '#/components/schemas/base'}, {type: object, properties: {x: {type: string}}}]
        - allOf: [{type: object, properties: {y: {type: string}}}, {type: object, properties: {z: {type: string}}, required: [z]}]
`,
			warnings: []string{
				"/components/schemas/leave/oneOf/0: oneOf alternative requires nothing, so it matches what the others match; it has the single property \"userId\", now required",
				"/components/schemas/update/oneOf: 2 oneOf alternatives require nothing, so any object matches several and none is valid; made it anyOf",
			},
			check: func(t *testing.T, res *Result) {
				assert.Equal(t, []string{"userId"}, schema(t, res, "leave").OneOf[0].Value.Required)
				assert.Len(t, schema(t, res, "update").AnyOf, 2)
				assert.Empty(t, schema(t, res, "update").OneOf)
				// Of several properties, none is taken to be required.
				assert.Empty(t, schema(t, res, "pair").OneOf[0].Value.Required)
				// Alternatives that require properties through their allOf parts
				// require something: the oneOf stays.
				assert.Len(t, schema(t, res, "composed").OneOf, 2)
				assert.Empty(t, schema(t, res, "composed").AnyOf)
			},
		},
		{
			name: "no components, an operation without operationId",
			doc: `
paths:
  /pets:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                oneOf:
                  - {type: object, title: a, properties: {kind: {type: string}}}
                discriminator: {propertyName: kind}
`,
			check: func(t *testing.T, res *Result) {
				assert.Nil(t, res.Doc.Components)
				op := res.Doc.Paths.Value("/pets").Get
				require.NotNil(t, op)
				assert.Empty(t, op.OperationID)
			},
		},
		{
			name: "undeclared server variables",
			doc: `
servers:
  - url: https://api.example.com
  - url: https://{subdomain}.example.com/{base}
    variables:
      base: {default: sc}
  - url: https://{region}.{region}.example.com
paths:
  /pets:
    servers:
      - url: https://{pets}.example.com
    get:
      responses:
        "204": {description: ok}
`,
			warnings: []string{
				`/servers/1: server URL "https://{subdomain}.example.com/{base}" uses undeclared variables {subdomain}; declared each with its name as default`,
				`/servers/2: server URL "https://{region}.{region}.example.com" uses undeclared variables {region}; declared`,
				`/paths/~1pets/servers/0: server URL "https://{pets}.example.com" uses undeclared variables {pets}`,
			},
			check: func(t *testing.T, res *Result) {
				s := res.Doc.Servers[1]
				assert.Equal(t, "subdomain", s.Variables["subdomain"].Default)
				assert.Equal(t, "sc", s.Variables["base"].Default)
				assert.Len(t, res.Doc.Servers[2].Variables, 1)
				assert.Equal(t, "pets", res.Doc.Paths.Value("/pets").Servers[0].Variables["pets"].Default)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := LoadData("fixture.yaml", fixture(tt.doc), Options{})
			require.NoError(t, err)
			got := make([]string, len(res.Warnings))
			for i, w := range res.Warnings {
				got[i] = w.String()
			}
			require.Len(t, got, len(tt.warnings), "warnings: %q", got)
			for i, want := range tt.warnings {
				assert.True(t, strings.HasPrefix(got[i], want), "warning %d\n got: %s\nwant: %s...", i, got[i], want)
			}
			if tt.check != nil {
				tt.check(t, res)
			}
			for format, normalized := range map[string]func() ([]byte, error){"yaml": res.NormalizedYAML, "json": res.NormalizedJSON} {
				data, err := normalized()
				require.NoError(t, err)
				again, err := LoadData("normalized."+format, data, Options{})
				require.NoError(t, err, "the normalized %s document loads", format)
				assert.Empty(t, again.Warnings, "the normalized %s document needs no more fixes", format)
			}
		})
	}
}

func TestWarningsAreDeterministic(t *testing.T) {
	doc := fixture(`
servers:
  - url: https://{a}.example.com
paths: {}
components:
  schemas:
    z: {type: object, properties: {p: {type: string, required: true}}}
    a: {type: object, properties: {q: {type: string, required: false}}}
`)
	first, err := LoadData("fixture.yaml", doc, Options{})
	require.NoError(t, err)
	require.Len(t, first.Warnings, 3)
	assert.Equal(t, "/servers/0", first.Warnings[0].Pointer)
	assert.Equal(t, "/components/schemas/z/properties/p/required", first.Warnings[1].Pointer)
	assert.Equal(t, "/components/schemas/a/properties/q/required", first.Warnings[2].Pointer)
	for range 5 {
		again, err := LoadData("fixture.yaml", doc, Options{})
		require.NoError(t, err)
		assert.Equal(t, first.Warnings, again.Warnings)
		assert.Equal(t, normalizedYAML(t, first), normalizedYAML(t, again))
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		opts    Options
		file    string
		pointer string
		line    int
		message string // the whole Error() when exact, else a substring
		exact   bool
	}{
		{
			name:    "bad YAML",
			data:    []byte("openapi: 3.0.2\ninfo:\n  title: a: b\n"),
			file:    "spec/openapi.yaml",
			line:    3,
			message: "spec/openapi.yaml:3: yaml: line 3: mapping values are not allowed in this context",
			exact:   true,
		},
		{
			name:    "not a mapping",
			data:    []byte("- a\n- b\n"),
			file:    "spec/openapi.yaml",
			line:    1,
			message: "spec/openapi.yaml:1: the document is not a mapping",
			exact:   true,
		},
		{
			name:    "empty document",
			data:    []byte(""),
			file:    "spec/openapi.yaml",
			message: "spec/openapi.yaml: empty document",
			exact:   true,
		},
		{
			name: "recursive alias",
			data: fixture(`
paths: {}
components:
  schemas:
    node: &node
      type: object
      properties:
        children: {type: array, items: *node}
`),
			file:    "spec/openapi.yaml",
			pointer: "/components/schemas/node/properties/children/items",
			line:    9,
			message: "spec/openapi.yaml:9: /components/schemas/node/properties/children/items: alias *node is inside the node it refers to",
			exact:   true,
		},
		{
			name:    "recursive alias in an overlay",
			data:    fixture("paths: {}\n"),
			opts:    Options{Overlays: []Overlay{{Name: "o.yaml", Data: []byte("overlay: 1.0.0\ninfo: {title: t, version: \"1\"}\nactions:\n  - target: $.info\n    update: &u {x-u: [*u]}\n")}}},
			file:    "o.yaml",
			pointer: "/actions/0/update/x-u/0",
			line:    5,
			message: "alias *u is inside the node it refers to",
		},
		{
			name: "boolean required that is no boolean",
			data: fixture(`
paths: {}
components:
  schemas:
    pet:
      type: object
      properties:
        name: {type: string, required: maybe}
`),
			file:    "spec/openapi.yaml",
			pointer: "/components/schemas/pet/properties/name/required",
			line:    9,
			message: "/components/schemas/pet/properties/name/required: found a string (\"maybe\") where a list is expected",
		},
		{
			name: "boolean required under a parent whose required is no list",
			data: fixture(`
paths: {}
components:
  schemas:
    pet:
      type: object
      required: name
      properties:
        name: {type: string, required: true}
`),
			file:    "spec/openapi.yaml",
			pointer: "/components/schemas/pet/properties/name/required",
			line:    10,
			message: "cannot list \"name\" as required: the parent schema's `required` is not a list",
		},
		{
			name: "dangling reference",
			data: fixture(`
paths: {}
components:
  schemas:
    foo:
      type: object
      properties:
        bar: {$ref: '#/components/schemas/nope'}
`),
			file:    "spec/openapi.yaml",
			pointer: "/components/schemas/foo/properties/bar/$ref",
			line:    9,
			message: "spec/openapi.yaml:9: /components/schemas/foo/properties/bar/$ref: dangling reference #/components/schemas/nope",
			exact:   true,
		},
		{
			name: "dangling reference in x-webhooks",
			data: fixture(`
paths: {}
x-webhooks:
  event:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/missing'}
`),
			file:    "spec/openapi.yaml",
			pointer: "/x-webhooks/event/post/requestBody/content/application~1json/schema/$ref",
			message: "dangling reference #/components/schemas/missing",
		},
		{
			name: "external reference",
			data: fixture(`
paths:
  /a:
    get:
      responses:
        "200": {$ref: 'other.yaml#/components/responses/ok'}
`),
			file:    "spec/openapi.yaml",
			pointer: "/paths/~1a/get/responses/200/$ref",
			message: "external reference other.yaml#/components/responses/ok is not allowed",
		},
		{
			name: "discriminator mapping to an external file",
			data: fixture(`
paths: {}
components:
  schemas:
    pet:
      oneOf: [{$ref: '#/components/schemas/dog'}]
      discriminator:
        propertyName: kind
        mapping:
          dog: '#/components/schemas/dog'
          cat: 'cat.yaml#/components/schemas/cat'
    dog: {type: object, properties: {kind: {type: string}}}
`),
			file:    "spec/openapi.yaml",
			pointer: "/components/schemas/pet/discriminator/mapping/cat",
			line:    12,
			message: "spec/openapi.yaml:12: /components/schemas/pet/discriminator/mapping/cat: external reference cat.yaml#/components/schemas/cat is not allowed",
			exact:   true,
		},
		{
			name: "discriminator mapping to a missing schema",
			data: fixture(`
paths: {}
components:
  schemas:
    pet:
      type: object
      properties: {kind: {type: string}}
      discriminator:
        propertyName: kind
        mapping: {dog: dog, cat: cat}
    dog:
      allOf: [{$ref: '#/components/schemas/pet'}]
`),
			file:    "spec/openapi.yaml",
			pointer: "/components/schemas/pet/discriminator/mapping/cat",
			line:    11,
			message: "spec/openapi.yaml:11: /components/schemas/pet/discriminator/mapping/cat: dangling reference #/components/schemas/cat",
			exact:   true,
		},
		{
			name: "discriminator mapping to nothing",
			data: fixture(`
paths: {}
components:
  schemas:
    pet:
      oneOf: [{$ref: '#/components/schemas/dog'}]
      discriminator: {propertyName: kind, mapping: {dog: ''}}
    dog: {type: object, properties: {kind: {type: string}}}
`),
			file:    "spec/openapi.yaml",
			pointer: "/components/schemas/pet/discriminator/mapping/dog",
			line:    8,
			message: "empty reference",
		},
		{
			name: "repeated key",
			data: fixture(`
paths: {}
components:
  schemas:
    a:
      type: string
      description: d
      type: integer
`),
			file:    "spec/openapi.yaml",
			pointer: "/components/schemas/a/type",
			line:    9,
			message: `spec/openapi.yaml:9: /components/schemas/a/type: key "type" repeats the one on line 7`,
			exact:   true,
		},
		{
			name: "repeated key in a long mapping",
			data: fixture(`
paths: {}
components:
  schemas:
    a: {type: object, properties: {p0: {}, p1: {}, p2: {}, p3: {}, p4: {}, p5: {}, p6: {}, p7: {}, p8: {}, p9: {}, p3: {}}}
`),
			file:    "spec/openapi.yaml",
			pointer: "/components/schemas/a/properties/p3",
			line:    6,
			message: `key "p3" repeats the one on line 6`,
		},
		{
			name: "validation failure",
			data: fixture(`
paths: {}
components:
  schemas:
    foo: {type: object, properties: {bar: {type: strin}}}
`),
			file:    "spec/openapi.yaml",
			pointer: "/components/schemas/foo/properties/bar",
			line:    6,
			message: `spec/openapi.yaml:6: /components/schemas/foo/properties/bar: unsupported 'type' value "strin"`,
			exact:   true,
		},
		{
			name: "validation failure in a path",
			data: fixture(`
paths:
  /pets:
    get:
      responses: {}
`),
			file:    "spec/openapi.yaml",
			pointer: "/paths/~1pets/get",
			message: "invalid path /pets: invalid operation GET",
		},
		{
			name: "validation failure in x-webhooks",
			data: fixture(`
paths: {}
x-webhooks:
  event:
    post:
      responses: {}
`),
			file:    "spec/openapi.yaml",
			pointer: "/x-webhooks/event/post",
			message: "invalid operation POST",
		},
		{
			name: "overlay with a bad target",
			data: fixture("paths: {}\n"),
			opts: Options{Overlays: []Overlay{{Name: "o.yaml", Data: []byte(`overlay: 1.0.0
info: {title: t, version: "1"}
actions:
  - target: $[
    update: {x-ok: true}
`)}}},
			file:    "o.yaml",
			pointer: "/actions/0/target",
			message: `invalid target "$["`,
		},
		{
			name:    "overlay that is not an overlay",
			data:    fixture("paths: {}\n"),
			opts:    Options{Overlays: []Overlay{{Data: []byte("overlay: 1.0.0\nactions: []\n")}}},
			file:    "overlay",
			message: "overlay: overlay info title must be defined",
		},
		{
			name:    "overlay syntax error",
			data:    fixture("paths: {}\n"),
			opts:    Options{Overlays: []Overlay{{Name: "o.yaml", Data: []byte("overlay: 1.0.0\ninfo: a: b\n")}}},
			file:    "o.yaml",
			line:    2,
			message: "o.yaml:2: yaml: line 2: mapping values are not allowed in this context",
			exact:   true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := loadError(t, tt.data, tt.opts)
			assert.Equal(t, tt.file, e.File)
			assert.Equal(t, tt.pointer, e.Pointer)
			if tt.line != 0 {
				assert.Equal(t, tt.line, e.Line)
			}
			if tt.exact {
				assert.Equal(t, tt.message, e.Error())
			} else {
				assert.Contains(t, e.Error(), tt.message)
			}
			assert.NotNil(t, errors.Unwrap(e))
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load("testdata/does-not-exist.yaml", Options{})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "testdata/does-not-exist.yaml", e.File)
}

func TestJSONInput(t *testing.T) {
	res, err := LoadData("spec.json", []byte(`{"openapi": "3.0.2", "info": {"title": "t", "version": "1"},
  "paths": {}, "components": {"schemas": {"a": {"type": "object",
  "properties": {"b": {"type": "string", "required": true}}}}}}`), Options{})
	require.NoError(t, err)
	require.Len(t, res.Warnings, 1)
	assert.Equal(t, "/components/schemas/a/properties/b/required", res.Warnings[0].Pointer)
}

// TestJSONStrings: a JSON document with escapes yaml.v3 refuses (a
// surrogate pair, an escaped slash) loads, to the strings they spell.
func TestJSONStrings(t *testing.T) {
	res, err := LoadData("spec.json", []byte(`{"openapi": "3.0.2", "info": {"title": "\ud83d\udc4d \/v2\/", "version": "1"},
  "paths": {}, "components": {"schemas": {"a": {"type": "string", "enum": ["\ud83d\ude00", "a\/b"]}}}}`), Options{})
	require.NoError(t, err)
	assert.Equal(t, "👍 /v2/", res.Doc.Info.Title)
	assert.Equal(t, []any{"😀", "a/b"}, schema(t, res, "a").Enum)
}

// TestJSONErrorPositions: the errors of a JSON document name its lines
// and the JSON pointers of the nodes at fault, from its syntax to its
// validation.
func TestJSONErrorPositions(t *testing.T) {
	const head = "{\n  \"openapi\": \"3.0.2\",\n  \"info\": {\"title\": \"t\", \"version\": \"1\"},\n  \"paths\": {},\n"
	tests := []struct {
		name, components string // the components, from line 5
		line             int
		pointer          string
		message          string
	}{
		{"a syntax error", `"schemas": {"a": {"type": "string",
    "description": "x" "format": "y"}}`, 6, "/components/schemas/a", "JSON syntax error: invalid character '\"' after object key:value pair"},
		{"a value of the wrong kind", `"schemas": {
    "a": {"type": "string"},
    "b": {"type": "object", "properties": {"c": {"type": "string", "maxLength": "x"}}}}`, 7, "/components/schemas/b/properties/c/maxLength", `found a string ("x") where a number is expected`},
		{"an invalid schema", `"schemas": {
    "a": {"type": "strin"}}`, 6, "/components/schemas/a", `unsupported 'type' value "strin"`},
		{"a dangling reference", `"schemas": {
    "a": {"type": "array",
      "items": {"$ref": "#/components/schemas/b"}}}`, 7, "/components/schemas/a/items/$ref", "dangling reference #/components/schemas/b"},
		{"a repeated key", `"schemas": {"a": {"type": "string",
    "type": "integer"}}`, 6, "/components/schemas/a/type", `key "type" repeats the one on line 5`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := head + `  "components": {` + tt.components + "}\n}\n"
			res, err := LoadData("spec.json", []byte(doc), Options{})
			require.Error(t, err)
			assert.Nil(t, res)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, "spec.json", e.File)
			assert.Equal(t, tt.line, e.Line)
			assert.Equal(t, tt.pointer, e.Pointer)
			assert.Contains(t, e.Error(), tt.message)
		})
	}
}

// TestYAMLFlowMapping: a YAML document that starts as JSON does but is not
// JSON loads as YAML.
func TestYAMLFlowMapping(t *testing.T) {
	res, err := LoadData("spec.yaml", []byte("{openapi: 3.0.2, info: {title: t, version: '1'},\n  paths: {}}\n"), Options{})
	require.NoError(t, err)
	assert.Equal(t, "t", res.Doc.Info.Title)
}

// TestYAMLAndJSONLoadAlike: every golden fixture, and the pinned spec when
// it is here, loads to the same result as YAML and as JSON.
func TestYAMLAndJSONLoadAlike(t *testing.T) {
	root := moduleRoot(t)
	files, err := filepath.Glob(filepath.Join(root, "golden", "testdata", "*", "spec.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	if pinned := filepath.Join(root, "spec", "openapi.yaml"); fileExists(pinned) {
		files = append(files, pinned)
	}
	opts := Options{Overlays: []Overlay{{Name: spec.OverlayName, Data: spec.Overlay}}}
	for _, file := range files {
		rel, _ := filepath.Rel(root, file)
		t.Run(rel, func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			_, indented := asJSON(t, file)
			fromYAML, err := LoadData("spec", data, opts)
			require.NoError(t, err)
			fromJSON, err := LoadData("spec", indented, opts)
			require.NoError(t, err)
			assert.Equal(t, fromYAML.Warnings, fromJSON.Warnings)
			assert.Equal(t, fromYAML.PropertyOrder, fromJSON.PropertyOrder)
			assert.Equal(t, fromYAML.Doc, fromJSON.Doc)
			assert.Equal(t, fromYAML.Webhooks, fromJSON.Webhooks)
			yamlJSON, err := fromYAML.NormalizedJSON()
			require.NoError(t, err)
			jsonJSON, err := fromJSON.NormalizedJSON()
			require.NoError(t, err)
			assert.Equal(t, string(yamlJSON), string(jsonJSON))
		})
	}
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// TestLoadUnusualShapes: YAML's aliases and merge keys, and a $ref with
// siblings, load as kin-openapi reads their JSON.
func TestLoadUnusualShapes(t *testing.T) {
	const head = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
	tests := []struct{ name, doc string }{
		{"a $ref with siblings", "components:\n  schemas:\n    a: {$ref: '#/components/schemas/b', description: d}\n    b: {type: string}\n"},
		{"an alias", "components:\n  schemas:\n    b: &s {type: string}\n    a: *s\n"},
		{"a merge key", "x-base: &b {type: string}\ncomponents:\n  schemas:\n    b: {type: string}\n    a: {<<: *b, format: date}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := LoadData("doc.yaml", []byte(head+tt.doc), Options{})
			require.NoError(t, err)
			a := schema(t, res, "a")
			assert.True(t, a.Type.Is("string"))
		})
	}
}

// webhookDoc has an x-webhooks payload whose events are an anyOf of refs,
// and the list operation spec/overlay.yaml also targets.
const webhookDoc = `
paths:
  /v2/apps/{appId}/conversations/{conversationId}/messages:
    get:
      parameters:
        - {name: appId, in: path, required: true, schema: {type: string}}
        - {name: conversationId, in: path, required: true, schema: {type: string}}
      responses:
        '200': {description: Ok}
components:
  schemas:
    eventBase:
      type: object
      properties:
        type: {type: string}
    conversationMessageEvent:
      title: conversation:message
      allOf:
        - $ref: '#/components/schemas/eventBase'
    conversationReadEvent:
      title: conversation:read
      allOf:
        - $ref: '#/components/schemas/eventBase'
x-webhooks:
  Webhook Event:
    post:
      operationId: EventWebhooks
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                events:
                  type: array
                  items:
                    anyOf:
                      - $ref: '#/components/schemas/conversationMessageEvent'
                      - $ref: '#/components/schemas/conversationReadEvent'
      responses:
        "200": {description: ok}
`

func TestWebhooks(t *testing.T) {
	res, err := LoadData("fixture.yaml", fixture(webhookDoc), Options{})
	require.NoError(t, err)
	require.Contains(t, res.Webhooks, "Webhook Event")
	op := res.Webhooks["Webhook Event"].Post
	require.NotNil(t, op)
	assert.Equal(t, "EventWebhooks", op.OperationID)
	items := op.RequestBody.Value.Content["application/json"].Schema.Value.Properties["events"].Value.Items.Value
	require.Len(t, items.AnyOf, 2)
	first := items.AnyOf[0]
	assert.Equal(t, "#/components/schemas/conversationMessageEvent", first.Ref)
	require.NotNil(t, first.Value)
	assert.Equal(t, "conversation:message", first.Value.Title)
	assert.Same(t, res.Doc.Components.Schemas["conversationMessageEvent"].Value, first.Value,
		"webhook refs resolve to the document's own component schemas")
	assert.Equal(t, "#/components/schemas/eventBase", first.Value.AllOf[0].Ref)
	assert.Nil(t, res.Doc.Webhooks, "a 3.0 document keeps its webhooks out of Doc")

	none, err := LoadData("fixture.yaml", fixture("paths: {}\n"), Options{})
	require.NoError(t, err)
	assert.Nil(t, none.Webhooks)
}

func TestWebhookOverlay(t *testing.T) {
	doc := strings.Replace(string(fixture(webhookDoc)), "title: fixture", "title: Sunshine Conversations API", 1) // whom the overlay is for
	res, err := LoadData("fixture.yaml", []byte(doc), Options{Overlays: []Overlay{sunco}})
	require.NoError(t, err)
	assertEventDiscriminator(t, res)
}

// sunco is the SunCo overlay the generator embeds.
var sunco = Overlay{Name: spec.OverlayName, Data: spec.Overlay}

// assertEventDiscriminator checks what spec/overlay.yaml, then the
// discriminator normalization, make of the webhook events: a union on
// `type` whose mapping maps each event's title to it, and whose variants
// all declare `type` with an enum of that title.
func assertEventDiscriminator(t *testing.T, res *Result) {
	t.Helper()
	items := res.Webhooks["Webhook Event"].Post.RequestBody.Value.Content["application/json"].Schema.Value.Properties["events"].Value.Items.Value
	require.NotNil(t, items.Discriminator)
	assert.Equal(t, "type", items.Discriminator.PropertyName)
	assert.NotContains(t, items.Extensions, "x-discriminator-value", "replaced by the mapping")
	require.NotEmpty(t, items.AnyOf)
	assert.Len(t, items.Discriminator.Mapping, len(items.AnyOf))
	for _, v := range items.AnyOf {
		require.NotNil(t, v.Value, v.Ref)
		title := v.Value.Title
		require.NotEmpty(t, title, "%s has no title", v.Ref)
		assert.Equal(t, v.Ref, items.Discriminator.Mapping[title].Ref, "mapping of %q", title)
		typ := v.Value.Properties["type"]
		require.NotNil(t, typ, "%s declares type", v.Ref)
		assert.Equal(t, []any{title}, typ.Value.Enum, "%s", v.Ref)
	}
}

func TestErrorString(t *testing.T) {
	err := errors.New("boom")
	tests := []struct {
		name string
		e    *Error
		want string
	}{
		{"pointer and line", &Error{File: "a.yaml", Pointer: "/x", Line: 3, Err: err}, "a.yaml:3: /x: boom"},
		{"pointer", &Error{File: "a.yaml", Pointer: "/x", Err: err}, "a.yaml: /x: boom"},
		{"line", &Error{File: "a.yaml", Line: 3, Err: err}, "a.yaml:3: boom"},
		{"file only", &Error{File: "a.yaml", Err: err}, "a.yaml: boom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.e.Error())
			assert.ErrorIs(t, tt.e, err)
		})
	}
	assert.Equal(t, "/a/b: fixed", Warning{Pointer: "/a/b", Message: "fixed"}.String())
	assert.Equal(t, "o.yaml: /actions/0/target: skipped", Warning{File: "o.yaml", Pointer: "/actions/0/target", Message: "skipped"}.String())
}

// normalizedYAML is the normalized document of res as YAML.
func normalizedYAML(t *testing.T, res *Result) []byte {
	t.Helper()
	data, err := res.NormalizedYAML()
	require.NoError(t, err)
	return data
}

// TestReferenceIntoAList: a reference that indexes a list names one of
// its items, by a decimal index within it; any other token is a dangling
// reference (exit 2 with its pointer), never a panic.
func TestReferenceIntoAList(t *testing.T) {
	doc := func(token string) []byte {
		return fixture(`
paths: {}
components:
  schemas:
    pair:
      allOf:
        - {type: object, properties: {a: {type: string}}}
        - {type: object, properties: {b: {type: integer}}}
    foo:
      type: object
      properties:
        bar: {$ref: '#/components/schemas/pair/allOf/` + token + `'}
`)
	}
	res, err := LoadData("spec/openapi.yaml", doc("1"), Options{})
	require.NoError(t, err)
	assert.True(t, schema(t, res, "foo").Properties["bar"].Value.Properties["b"].Value.Type.Is("integer"), "the second item")
	for _, token := range []string{"2", "3", "-", "-1", "01", "x", ""} {
		t.Run(token, func(t *testing.T) {
			_, err := LoadData("spec/openapi.yaml", doc(token), Options{})
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, "/components/schemas/foo/properties/bar/$ref", e.Pointer)
			assert.Equal(t, 13, e.Line)
			assert.Contains(t, err.Error(), "dangling reference #/components/schemas/pair/allOf/"+token)
		})
	}
}
