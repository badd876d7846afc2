package build

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

func declNames(api *ir.API) []string {
	var names []string
	for _, d := range api.Decls {
		names = append(names, d.DeclName())
	}
	return names
}

// TestTypeNames: names drop the spec's Schema suffix and words said twice;
// a name that tidying made clash takes the suffix Info quietly, one the
// SDK declares itself (Client) with a warning.
func TestTypeNames(t *testing.T) {
	api, warnings, err := buildYAML(t, header+returning("Payload")+`
components:
  schemas:
    Payload:
      type: object
      properties:
        app: {$ref: '#/components/schemas/app'}
        source: {$ref: '#/components/schemas/appSubSchema'}
        client: {$ref: '#/components/schemas/client'}
        attachment: {$ref: '#/components/schemas/attachmentSchema'}
        activity: {$ref: '#/components/schemas/activityTypes'}
        responder: {$ref: '#/components/schemas/defaultResponder'}
    app: {type: object, properties: {id: {type: string}}}
    appSubSchema: {type: object, properties: {id: {type: string}}}
    client: {type: object, properties: {id: {type: string}}}
    attachmentSchema: {type: object, properties: {mediaUrl: {type: string}}}
    activityTypes: {type: object, properties: {type: {type: string, enum: [typing:start]}}}
    defaultResponder:
      type: object
      properties:
        defaultResponder: {type: object, properties: {name: {type: string}}}
`)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"ActivityType", "ActivityTypes", "App", "AppInfo", "Attachment", "ClientInfo",
		"DefaultResponder", "DefaultResponderInfo", "Payload",
	}, declNames(api))
	require.Len(t, warnings, 1, "only the clash with the SDK's Client is the document's")
	assert.Equal(t, "/components/schemas/client", warnings[0].Pointer)
	assert.Equal(t, "ActivityTypeTypingStart", decl(api, "ActivityType").(*ir.Enum).Values[0].Name)
}

// TestSchemasWithoutTypes: a component that is a string, a list of
// strings, a free-form object or allOf of one $ref is no Go type: its uses
// have the type it stands for, and its description documents a field
// that has none. One that is part of its own type stays a defined type.
func TestSchemasWithoutTypes(t *testing.T) {
	api, _, err := buildYAML(t, header+returning("Webhook")+`
components:
  schemas:
    Webhook:
      type: object
      required: [target]
      properties:
        target: {$ref: '#/components/schemas/target'}
        triggers: {$ref: '#/components/schemas/triggers'}
        metadata: {$ref: '#/components/schemas/metadata'}
        name: {allOf: [{$ref: '#/components/schemas/name'}], nullable: true}
        body: {$ref: '#/components/schemas/createBody'}
        tree: {$ref: '#/components/schemas/tree'}
        options: {$ref: '#/components/schemas/options'}
    target: {type: string, description: URL to be called.}
    triggers: {type: array, items: {type: string}}
    metadata: {type: object, additionalProperties: true, nullable: true}
    name: {type: string, description: The name.}
    body: {type: object, properties: {x: {type: string}}}
    createBody: {allOf: [{$ref: '#/components/schemas/body'}], description: The body to create one.}
    tree: {type: array, items: {$ref: '#/components/schemas/tree'}}
    options: {type: array, items: {type: object, properties: {label: {type: string}}}}
`)
	require.NoError(t, err)
	assert.Equal(t, []string{"Body", "Option", "Tree", "Webhook"}, declNames(api))
	webhook := decl(api, "Webhook").(*ir.Struct)
	tests := []struct{ field, typ, doc string }{
		{"target", "string", "URL to be called."},
		{"triggers", "[]string", ""},
		{"metadata", "Nullable[map[string]any]", ""},
		{"name", "Nullable[string]", "The name."},
		{"body", "*Body", "The body to create one."},
		{"tree", "Tree", ""},
		{"options", "[]Option", ""},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			f := field(webhook, tt.field)
			assert.Equal(t, tt.typ, typeKey(f.Type))
			if tt.doc != "" {
				assert.Equal(t, tt.doc, f.Doc)
			}
		})
	}
	assert.IsType(t, &ir.Alias{}, decl(api, "Tree"), "an array of itself is a defined type")
}

// TestUnreachedAndPlainTypes: a type no operation reaches is not
// declared; one that only query parameters or form bodies reach is plain
// (no Extra, no JSON); one a JSON body also reaches is not.
func TestUnreachedAndPlainTypes(t *testing.T) {
	api, _, err := buildYAML(t, header+`paths:
  /a:
    get:
      operationId: listA
      parameters:
        - {name: page, in: query, style: deepObject, schema: {$ref: '#/components/schemas/Page'}}
        - {name: filter, in: query, style: deepObject, schema: {$ref: '#/components/schemas/Filter'}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Result'}}}}
  /b:
    post:
      operationId: postB
      requestBody:
        content: {application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/Form'}}}
      responses: {'204': {description: ok}}
components:
  schemas:
    Page: {type: object, properties: {after: {type: string}}}
    Filter: {type: object, properties: {q: {type: string}}}
    Form: {type: object, properties: {grant: {type: string}}}
    Result: {type: object, properties: {filter: {$ref: '#/components/schemas/Filter'}}}
    Orphan: {type: object, properties: {x: {type: string}}}
    OrphanUnion:
      oneOf: [{$ref: '#/components/schemas/Orphan'}, {$ref: '#/components/schemas/Result'}]
`)
	require.NoError(t, err)
	assert.Equal(t, []string{"Filter", "Form", "Page", "Result"}, declNames(api))
	for name, plain := range map[string]bool{"Page": true, "Form": true, "Filter": false, "Result": false} {
		st := decl(api, name).(*ir.Struct)
		assert.Equal(t, plain, st.Plain, name)
		assert.Equal(t, plain, st.Extra == "", "%s.Extra", name)
	}
	assert.Empty(t, decl(api, "Result").(*ir.Struct).Unions, "no marker of an unreached union")
}

// TestErrorDetail: a schema of exactly code and title is the runtime's
// Error, declared by no file; one that says more is a type of its own.
func TestErrorDetail(t *testing.T) {
	api, _, err := buildYAML(t, header+returning("Result")+`
components:
  schemas:
    Result:
      type: object
      properties:
        errors: {type: array, items: {$ref: '#/components/schemas/error'}}
        problem: {$ref: '#/components/schemas/problem'}
    error: {type: object, properties: {code: {type: string}, title: {type: string}}}
    problem: {type: object, properties: {code: {type: string}, title: {type: string}, status: {type: integer}}}
`)
	require.NoError(t, err)
	assert.Equal(t, []string{"Problem", "Result"}, declNames(api))
	result := decl(api, "Result").(*ir.Struct)
	assert.Equal(t, "[]Error", typeKey(field(result, "errors").Type))
	for _, f := range api.Files {
		for _, d := range f.Decls {
			assert.NotEqual(t, "Error", d.DeclName())
		}
	}
}

// TestGetters: every field has a getter returning its value, of the kind
// its type asks for; the getters of what every variant of a union has are
// its interface's, named alike in every variant; a variant's discriminator
// getter returns its value for an empty field.
func TestGetters(t *testing.T) {
	api, _, err := buildYAML(t, header+returning("Shape", "Holder")+`
components:
  schemas:
    Holder:
      type: object
      required: [point, name]
      properties:
        name: {type: string}
        nick: {type: string}
        point: {$ref: '#/components/schemas/Point'}
        spare: {$ref: '#/components/schemas/Point'}
        note: {type: string, nullable: true}
        last: {nullable: true, allOf: [{$ref: '#/components/schemas/Point'}]}
        tags: {type: array, items: {type: string}}
    Point: {type: object, properties: {x: {type: number}}}
    Shape:
      oneOf: [{$ref: '#/components/schemas/Circle'}, {$ref: '#/components/schemas/Square'}]
      discriminator: {propertyName: kind, mapping: {circle: '#/components/schemas/Circle', square: '#/components/schemas/Square'}}
    Circle:
      type: object
      required: [label]
      properties: {kind: {type: string}, label: {type: string}, getLabel: {type: string}}
    Square:
      type: object
      properties: {kind: {type: string}, label: {type: string, nullable: true}, side: {type: number}}
`)
	require.NoError(t, err)
	holder := decl(api, "Holder").(*ir.Struct)
	type getter struct {
		method, returns string
		kind            ir.GetterKind
	}
	var got []getter
	for _, g := range holder.Getters {
		got = append(got, getter{g.Method, typeKey(g.Type), g.Kind})
	}
	assert.Equal(t, []getter{ // in field order: by name, without the loader's order
		{"GetLast", "*Point", ir.GetNullablePointer},
		{"GetName", "string", ir.GetField},
		{"GetNick", "string", ir.GetPointee},
		{"GetNote", "string", ir.GetNullable},
		{"GetPoint", "*Point", ir.GetAddress},
		{"GetSpare", "*Point", ir.GetField},
		{"GetTags", "[]string", ir.GetField},
	}, got)

	shape := decl(api, "Shape").(*ir.Union)
	var common []string
	for _, g := range shape.Common {
		common = append(common, g.Method+" "+typeKey(g.Type))
	}
	// Circle has a field named GetLabel: the getter of label is GetLabel2
	// in both variants, so that the interface can have it.
	assert.Equal(t, []string{"GetKind string", "GetLabel2 string"}, common)
	circle := decl(api, "Circle").(*ir.Struct)
	i := slices.IndexFunc(circle.Getters, func(g *ir.Getter) bool { return g.Method == "GetKind" })
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, "circle", circle.Getters[i].Default)
	square := decl(api, "Square").(*ir.Struct)
	assert.True(t, slices.ContainsFunc(square.Getters, func(g *ir.Getter) bool { return g.Method == "GetLabel2" }))
}

// TestTimestamps: a property of format date-time is a time.Time form, as
// its optionality says, and its struct keeps the texts of the decoded
// ones; a list of them stays a list of strings.
func TestTimestamps(t *testing.T) {
	api, _, err := buildYAML(t, header+returning("Event", "Plain")+`
components:
  schemas:
    Event:
      type: object
      required: [at]
      properties:
        at: {type: string, format: date-time}
        seen: {type: string, format: date-time}
        read: {type: string, format: date-time, nullable: true}
        stamp: {$ref: '#/components/schemas/stamp'}
        history: {type: array, items: {type: string, format: date-time}}
        day: {type: string, format: date}
    stamp: {type: string, format: date-time, description: When.}
    Plain: {type: object, properties: {x: {type: string}}}
`)
	require.NoError(t, err)
	ev := decl(api, "Event").(*ir.Struct)
	for f, want := range map[string]string{
		"at": "time.Time", "seen": "*time.Time", "read": "Nullable[time.Time]", "stamp": "*time.Time",
		"history": "[]string", "day": "*string",
	} {
		assert.Equal(t, want, typeKey(field(ev, f).Type), f)
	}
	assert.Equal(t, "times", ev.TimeTexts)
	assert.Empty(t, decl(api, "Plain").(*ir.Struct).TimeTexts)
}
