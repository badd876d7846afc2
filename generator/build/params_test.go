package build

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// TestParamStyles checks the style the builder picks for a parameter of
// each location, style, explode and shape, or its refusal, which names
// the parameter. The document is not validated, so that the styles
// kin-openapi's validation refuses in the loader reach the builder too.
func TestParamStyles(t *testing.T) {
	const (
		list   = `{type: array, items: {type: string}}`
		object = `{type: object, properties: {a: {type: integer}, b: {type: string}}}`
	)
	tests := []struct {
		name   string
		param  string // the parameter's in, style and explode, YAML flow
		schema string
		style  ir.ParamStyle
		keys   []string // the keys of an object, in order
		err    string   // the start of the refusal; "" for none
	}{
		{"query: a value", `in: query`, `{type: string}`, ir.FormExploded, nil, ""},
		{"query: a list", `in: query`, list, ir.FormExploded, nil, ""},
		{"query: an object", `in: query`, object, ir.FormExploded, []string{"a", "b"}, ""},
		{"query: an object with a list", `in: query`, `{type: object, properties: {a: ` + list + `}}`, ir.FormExploded, []string{"a"}, ""},
		{"query form without explode: a value", `{in: query, explode: false}`, `{type: integer}`, ir.FormCompact, nil, ""},
		{"query form without explode: a list", `{in: query, explode: false}`, list, ir.FormCompact, nil, ""},
		{"query form without explode: an object", `{in: query, style: form, explode: false}`, object, ir.FormCompact, []string{"a", "b"}, ""},
		{"query form without explode: an object with a list", `{in: query, explode: false}`, `{type: object, properties: {a: ` + list + `}}`, ir.FormCompact, nil, `property "a" of a form parameter holds a list`},
		{"spaceDelimited: a list", `{in: query, style: spaceDelimited}`, list, ir.SpaceDelimited, nil, ""},
		{"spaceDelimited: an object", `{in: query, style: spaceDelimited}`, object, ir.SpaceDelimited, []string{"a", "b"}, ""},
		{"spaceDelimited: a value", `{in: query, style: spaceDelimited}`, `{type: string}`, ir.SpaceDelimited, nil, `query parameter "p": style spaceDelimited is defined for a list or an object only`},
		{"spaceDelimited with explode", `{in: query, style: spaceDelimited, explode: true}`, list, ir.SpaceDelimited, nil, `query parameter "p": style spaceDelimited is defined without explode only`},
		{"pipeDelimited: a list", `{in: query, style: pipeDelimited, explode: false}`, list, ir.PipeDelimited, nil, ""},
		{"pipeDelimited: a value", `{in: query, style: pipeDelimited}`, `{type: boolean}`, ir.PipeDelimited, nil, `query parameter "p": style pipeDelimited is defined for a list or an object only`},
		{"deepObject", `{in: query, style: deepObject, explode: true}`, object, ir.DeepObject, []string{"a", "b"}, ""},
		{"deepObject: a value", `{in: query, style: deepObject, explode: true}`, `{type: string}`, ir.DeepObject, nil, "a deepObject parameter must be an object schema"},
		{"query: any value", `in: query`, `{}`, 0, nil, `query parameter "p": any JSON value has no form`},
		{"query: a map", `in: query`, `{type: object, additionalProperties: {type: string}}`, 0, nil, `query parameter "p": a map has no form`},
		{"query: a list of lists", `in: query`, `{type: array, items: ` + list + `}`, 0, nil, `query parameter "p": a list of lists or objects has no form`},
		{"query: a union", `in: query`, `{oneOf: [` + object + `, {type: object, properties: {c: {type: string}}}]}`, 0, nil, `query parameter "p": a union has no form`},
		{"query: an object holding an object", `in: query`, `{type: object, properties: {a: ` + object + `}}`, ir.FormExploded, nil, `property "a" of a form parameter holds an object`},
		{"query: an object without properties", `in: query`, `{allOf: [{type: object}]}`, 0, nil, `query parameter "p": an object that declares no properties has no keys to send`},
		{"deepObject: an object without properties", `{in: query, style: deepObject, explode: true}`, `{allOf: [{type: object}]}`, 0, nil, `query parameter "p": an object that declares no properties`},
		{"query: style simple", `{in: query, style: simple}`, list, 0, nil, `query parameter "p": style simple is not one OpenAPI 3.0 defines for a query parameter`},
		{"header: a value", `in: header`, `{type: string}`, ir.Simple, nil, ""},
		{"header: a list", `in: header`, list, ir.Simple, nil, ""},
		{"header: a list with explode", `{in: header, explode: true}`, list, ir.Simple, nil, ""},
		{"header: an object", `in: header`, object, ir.Simple, []string{"a", "b"}, ""},
		{"header: an object with explode", `{in: header, style: simple, explode: true}`, object, ir.SimpleExploded, []string{"a", "b"}, ""},
		{"header: style form", `{in: header, style: form}`, list, 0, nil, `header parameter "p": style form is not one OpenAPI 3.0 defines for a header parameter`},
		{"cookie: a value", `in: cookie`, `{type: integer}`, ir.FormCookie, nil, ""},
		{"cookie without explode: a value", `{in: cookie, explode: false}`, `{type: string}`, ir.FormCookie, nil, ""},
		{"cookie: a list", `in: cookie`, list, ir.FormCookie, nil, `cookie parameter "p": a list or an object in style form`},
		{"cookie: an object", `{in: cookie, explode: false}`, object, ir.FormCookie, nil, `cookie parameter "p": a list or an object in style form`},
		{"cookie: style simple", `{in: cookie, style: simple}`, `{type: string}`, 0, nil, `cookie parameter "p": style simple is not one`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, _, err := buildYAML(t, header+`paths:
  /a:
    get:
      operationId: getA
      parameters:
        - {name: p, `+trimBraces(tt.param)+`, schema: `+tt.schema+`}
      responses: {'204': {description: ok}}
`)
			if tt.err != "" {
				es := errs(t, err)
				require.Len(t, es, 1, "%v", err)
				assert.Contains(t, []string{"/paths/~1a/get/parameters/0", "/paths/~1a/get/parameters/0/schema"}, es[0].Pointer)
				assert.Regexp(t, `^\Q`+tt.err+`\E`, es[0].Msg)
				return
			}
			require.NoError(t, err)
			params := operation(api, "getA").Params.Fields
			require.Len(t, params, 1)
			p := params[0]
			assert.Equal(t, tt.style, p.Style)
			var keys []string
			for _, k := range append(p.Deep, p.Properties...) {
				keys = append(keys, k.WireKey)
			}
			assert.Equal(t, tt.keys, keys)
			if tt.style == ir.DeepObject {
				assert.Empty(t, p.Properties, "a deepObject's keys are Deep")
			}
		})
	}
}

// trimBraces is a YAML flow mapping without its braces, or s.
func trimBraces(s string) string {
	if len(s) > 1 && s[0] == '{' {
		return s[1 : len(s)-1]
	}
	return s
}

// TestPathParamStyles checks the style of path parameters, which are
// strings, and the refusal of a list or an object, or of a style OpenAPI
// does not define for a path, by the parameter's pointer: the operation's
// entry, or the path's when the path declares it.
func TestPathParamStyles(t *testing.T) {
	tests := []struct {
		name    string
		param   string
		schema  string
		style   ir.ParamStyle
		pointer string // of the refusal; "" for none
	}{
		{"simple", `in: path`, `{type: string}`, ir.Simple, ""},
		{"an integer", `in: path`, `{type: integer}`, ir.Simple, ""},
		{"label", `{in: path, style: label}`, `{type: string}`, ir.Label, ""},
		{"matrix", `{in: path, style: matrix}`, `{type: string}`, ir.Matrix, ""},
		{"matrix with explode", `{in: path, style: matrix, explode: true}`, `{type: string}`, ir.Matrix, ""},
		{"a list", `in: path`, `{type: array, items: {type: string}}`, 0, "/paths/~1a~1{p}/get/parameters/0"},
		{"an object", `{in: path, style: label}`, `{type: object, properties: {a: {type: string}}}`, 0, "/paths/~1a~1{p}/get/parameters/0"},
		{"style form", `{in: path, style: form}`, `{type: string}`, 0, "/paths/~1a~1{p}/get/parameters/0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, where := range []string{"operation", "path"} {
				param := `        - {name: p, required: true, ` + trimBraces(tt.param) + `, schema: ` + tt.schema + "}\n"
				doc := header + "paths:\n  /a/{p}:\n    get:\n      operationId: getA\n      parameters:\n" + param + "      responses: {'204': {description: ok}}\n"
				pointer := tt.pointer
				if where == "path" {
					doc = header + "paths:\n  /a/{p}:\n    parameters:\n" + param[2:] + "    get:\n      operationId: getA\n      responses: {'204': {description: ok}}\n"
					if pointer != "" {
						pointer = "/paths/~1a~1{p}/parameters/0"
					}
				}
				api, _, err := buildYAML(t, doc)
				if pointer != "" {
					es := errs(t, err)
					require.Len(t, es, 1, "%s: %v", where, err)
					assert.Equal(t, pointer, es[0].Pointer, where)
					continue
				}
				require.NoError(t, err, where)
				p := operation(api, "getA").PathParams[0]
				assert.Equal(t, tt.style, p.Style, where)
				assert.Equal(t, ir.String, p.Type, where)
			}
		})
	}
}

// TestIgnoredHeaderParameters: header parameters named Accept,
// Content-Type or Authorization are ignored, as OpenAPI says, with a
// warning naming the parameter.
func TestIgnoredHeaderParameters(t *testing.T) {
	api, warnings, err := buildYAML(t, header+`paths:
  /a:
    get:
      operationId: getA
      parameters:
        - {name: accept, in: header, schema: {type: string}}
        - {name: Authorization, in: header, required: true, schema: {type: string}}
        - {name: X-Kept, in: header, schema: {type: string}}
      responses: {'204': {description: ok}}
`)
	require.NoError(t, err)
	o := operation(api, "getA")
	assert.Empty(t, o.Args)
	require.Len(t, o.Params.Fields, 1)
	assert.Equal(t, "X-Kept", o.Params.Fields[0].WireName)
	var pointers []string
	for _, w := range warnings {
		pointers = append(pointers, w.Pointer)
	}
	assert.Equal(t, []string{"/paths/~1a/get/parameters/0", "/paths/~1a/get/parameters/1"}, pointers)
}
