package load

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// maxRefusal bounds the length of a refusal: a few lines at most, never a
// dump of the schema at fault.
const maxRefusal = 300

// TestRefusals loads small invalid documents: each refusal names the file,
// the JSON pointer of the offending node and, where known, its line, and
// stays short.
func TestRefusals(t *testing.T) {
	// big is a schema long enough that a message quoting it would be long.
	big := "{type: object, description: " + strings.Repeat("long ", 400) + ", properties: {" +
		strings.Repeat("p: {type: string, description: "+strings.Repeat("text ", 50)+"}, ", 1) + "n: {type: integer}}}"
	tests := []struct {
		name    string
		doc     string // after the fixture's header
		whole   string // the whole document instead
		pointer string
		line    int    // 0: not checked
		message string // a substring
	}{
		{
			name:    "paths is a list",
			doc:     "paths: []\n",
			pointer: "/paths",
			line:    3,
			message: "/paths: found a list where an object is expected",
		},
		{
			name:    "info is a string",
			whole:   "openapi: 3.0.2\ninfo: fixture\npaths: {}\n",
			pointer: "/info",
			line:    2,
			message: `/info: found a string ("fixture") where an object is expected`,
		},
		{
			name: "parameters is a string",
			doc: `
paths:
  /a:
    get:
      parameters: "x"
      responses: {"200": {description: ok}}
`,
			pointer: "/paths/~1a/get/parameters",
			line:    6,
			message: `found a string ("x") where a list is expected`,
		},
		{
			name: "required is a number",
			doc: `
paths: {}
components:
  schemas:
    a:
      type: object
      properties:
        b: {type: string, required: 5}
`,
			pointer: "/components/schemas/a/properties/b/required",
			line:    9,
			message: "found a number (5) where a list is expected",
		},
		{
			name: "type is a number",
			doc: `
paths: {}
components:
  schemas:
    a: {type: 5}
`,
			pointer: "/components/schemas/a/type",
			line:    6,
			message: "found a number (5) where a string or a list of strings is expected",
		},
		{
			name: "a parameter's schema is a list",
			doc: `
paths:
  /a:
    get:
      parameters:
        - {name: q, in: query, schema: [1]}
      responses: {"200": {description: ok}}
`,
			pointer: "/paths/~1a/get/parameters/0/schema",
			line:    7,
			message: "found a list where an object is expected",
		},
		{
			name: "a response description is a list",
			doc: `
paths:
  /a:
    get:
      responses:
        "200": {description: [a]}
`,
			pointer: "/paths/~1a/get/responses/200/description",
			line:    7,
			message: "found a list where a string is expected",
		},
		{
			name: "a property of a $ref'd parameter is wrong",
			doc: `
paths:
  /a:
    get:
      parameters: [{$ref: '#/components/parameters/q'}]
      responses: {"200": {description: ok}}
components:
  parameters:
    q: {name: q, in: query, required: yes please}
`,
			pointer: "/components/parameters/q/required",
			line:    10,
			message: `found a string ("yes please") where a boolean is expected`,
		},
		{
			name: "webhook parameters is a number",
			doc: `
paths: {}
x-webhooks:
  event:
    post:
      parameters: 5
      responses: {"200": {description: ok}}
`,
			pointer: "/x-webhooks/event/post/parameters",
			line:    7,
			message: "found a number (5) where a list is expected",
		},
		{
			name: "servers is a mapping",
			doc: `
servers: {url: x}
paths: {}
`,
			pointer: "/servers",
			line:    3,
			message: "found an object where a list is expected",
		},
		{
			name: "an infinite maximum",
			doc: `
paths: {}
components:
  schemas:
    a: {type: number, maximum: .inf}
`,
			pointer: "/components/schemas/a/maximum",
			line:    6,
			message: ".inf has no JSON form",
		},
		{
			name: "a default that does not match its big schema",
			doc: `
paths: {}
components:
  schemas:
    a: ` + big + `
    b: {allOf: [{$ref: '#/components/schemas/a'}], default: {n: "x"}}
`,
			pointer: "/components/schemas/b",
			line:    7,
			message: "invalid default",
		},
		{
			name: "an unsupported type deep in a schema",
			doc: `
paths: {}
components:
  schemas:
    a:
      type: object
      properties:
        b: {type: object, properties: {c: {type: strin}}}
`,
			pointer: "/components/schemas/a/properties/b/properties/c",
			line:    9,
			message: `unsupported 'type' value "strin"`,
		},
		{
			name: "an undeclared path parameter",
			doc: `
paths:
  /a/{id}:
    get:
      responses: {"200": {description: ok}}
`,
			pointer: "/paths/~1a~1{id}/get",
			line:    6,
			message: "must define exactly all path parameters",
		},
		{
			name: "a reference to the wrong kind of component",
			doc: `
paths:
  /a:
    get:
      parameters: [{$ref: '#/components/schemas/s'}]
      responses: {"200": {description: ok}}
components:
  schemas:
    s: {type: string}
`,
			pointer: "/paths/~1a/get/parameters/0",
			line:    6,
			message: `bad data in "#/components/schemas/s"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := fixture(tt.doc)
			if tt.whole != "" {
				doc = []byte(tt.whole)
			}
			e := loadError(t, doc, Options{})
			msg := e.Error()
			t.Log(msg)
			assert.Equal(t, "spec/openapi.yaml", e.File)
			assert.Equal(t, tt.pointer, e.Pointer)
			if tt.line != 0 {
				assert.Equal(t, tt.line, e.Line)
			}
			assert.Contains(t, msg, tt.message)
			assert.LessOrEqual(t, utf8.RuneCountInString(msg), maxRefusal)
			assert.LessOrEqual(t, strings.Count(msg, "\n"), 2)
		})
	}
}
