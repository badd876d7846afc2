package build

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// buildYAML builds the IR of a document given as YAML, with the names a
// small runtime would reserve.
func buildYAML(t *testing.T, doc string) (*ir.API, []Warning, error) {
	t.Helper()
	loader := openapi3.NewLoader()
	d, err := loader.LoadFromData([]byte(doc))
	require.NoError(t, err)
	return Build(Input{
		Doc:      d,
		Reserved: []string{"request", "Nullable"},
	}, "sdk")
}

// errs splits a joined build error into its *Error values.
func errs(t *testing.T, err error) []*Error {
	t.Helper()
	require.Error(t, err)
	var out []*Error
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var be *Error
		require.True(t, errors.As(e, &be), "%v is not a *build.Error", e)
		out = append(out, be)
	}
	return out
}

func decl(api *ir.API, name string) ir.Decl {
	for _, d := range api.Decls {
		if d.DeclName() == name {
			return d
		}
	}
	return nil
}

func field(st *ir.Struct, jsonName string) *ir.Field {
	return fieldByJSONName(st, jsonName)
}

func operation(api *ir.API, id string) *ir.Operation {
	for _, s := range api.Services {
		for _, o := range s.Operations {
			if o.ID == id {
				return o
			}
		}
	}
	return nil
}

// returning is the paths of a document with an operation returning each
// of the named component schemas, so that the SDK declares them: a type
// nothing reaches is not generated.
func returning(names ...string) string {
	var b strings.Builder
	b.WriteString("paths:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  /%[1]s:\n    get:\n      operationId: get%[1]s\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/%[1]s'}}}}}\n", n)
	}
	return b.String()
}

const header = `openapi: 3.0.3
info: {title: T, version: 1.0.0}
`

func TestScopeDeclare(t *testing.T) {
	var warned []string
	sc := newScope("the package", func(pointer, format string, args ...any) {
		warned = append(warned, pointer)
	})
	sc.reserve("the SDK runtime", "Client")
	assert.Equal(t, "User", sc.declare("/a", "User"))
	assert.Equal(t, "User2", sc.declare("/b", "User"))
	assert.Equal(t, "User3", sc.declare("/c", "User"))
	assert.Equal(t, "ClientInfo", sc.declare("/d", "Client", "ClientInfo"))
	assert.Equal(t, "Client2", sc.declare("/e", "Client", "ClientInfo"))
	assert.Equal(t, []string{"/b", "/c", "/d", "/e"}, warned, "every clash warns, with the pointer of what was renamed")
}

// TestRefusalNeedsAPointer: a refusal that names no place in the
// document is a bug of the builder, not a message for the user.
func TestRefusalNeedsAPointer(t *testing.T) {
	b := &builder{}
	b.errorf("/paths/~1a/get", "refused")
	assert.Equal(t, []*Error{{Pointer: "/paths/~1a/get", Msg: "refused"}}, b.errs)
	assert.PanicsWithValue(t, `build: refusal without a JSON pointer (""): refused`, func() { b.errorf("", "refused") })
	assert.Panics(t, func() { b.errorf("paths", "refused") })
}

func TestIdentityCyclesAreErrors(t *testing.T) {
	tests := []struct {
		name     string
		schemas  string
		pointers []string
	}{
		{"allOf of itself", `
    A:
      allOf: [{$ref: '#/components/schemas/A'}]
      properties: {x: {type: string}}`, []string{"/components/schemas/A"}},
		{"allOf through another", `
    A: {allOf: [{$ref: '#/components/schemas/B'}]}
    B: {allOf: [{$ref: '#/components/schemas/A'}], properties: {x: {type: string}}}`, []string{"/components/schemas/A"}},
		{"single oneOf of itself", `
    A: {oneOf: [{$ref: '#/components/schemas/A'}]}`, []string{"/components/schemas/A"}},
		{"aliases of aliases", `
    A: {anyOf: [{$ref: '#/components/schemas/B'}]}
    B: {oneOf: [{$ref: '#/components/schemas/C'}]}
    C: {allOf: [{$ref: '#/components/schemas/A'}], description: C}`, []string{"/components/schemas/A"}},
		{"two cycles, both reported", `
    A: {oneOf: [{$ref: '#/components/schemas/A'}]}
    B: {allOf: [{$ref: '#/components/schemas/B'}]}`, []string{"/components/schemas/A", "/components/schemas/B"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := buildYAML(t, header+"paths: {}\ncomponents:\n  schemas:"+tt.schemas)
			var got []string
			for _, e := range errs(t, err) {
				got = append(got, e.Pointer)
				assert.Contains(t, e.Msg, "cycle")
			}
			assert.Equal(t, tt.pointers, got)
		})
	}
}

func TestValueCyclesGoThroughPointers(t *testing.T) {
	api, _, err := buildYAML(t, header+returning("Node")+`
components:
  schemas:
    Node:
      type: object
      required: [next, pair]
      properties:
        next: {$ref: '#/components/schemas/Node'}
        prev: {$ref: '#/components/schemas/Node'}
        pair: {$ref: '#/components/schemas/Pair'}
        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
        label: {$ref: '#/components/schemas/Label'}
    Pair:
      type: object
      required: [left]
      properties:
        left: {$ref: '#/components/schemas/Node'}
        right: {nullable: true, allOf: [{$ref: '#/components/schemas/Pair'}]}
    Label:
      type: object
      required: [text]
      properties:
        text: {type: string}
`)
	require.NoError(t, err)
	node := decl(api, "Node").(*ir.Struct)
	pair := decl(api, "Pair").(*ir.Struct)
	tests := []struct {
		field *ir.Field
		want  string
	}{
		{field(node, "next"), "*Node"},            // required, itself: a pointer
		{field(node, "prev"), "*Node"},            // optional: a pointer anyway
		{field(node, "pair"), "*Pair"},            // Node → Pair → Node
		{field(node, "children"), "[]Node"},       // a slice needs none
		{field(node, "label"), "*Label"},          // optional, no cycle
		{field(pair, "left"), "*Node"},            // closes Node → Pair → Node
		{field(pair, "right"), "Nullable[*Pair]"}, // Nullable holds its value
	}
	for _, tt := range tests {
		t.Run(tt.field.JSONName, func(t *testing.T) {
			assert.Equal(t, tt.want, typeKey(tt.field.Type))
		})
	}
}

func TestUnsupportedConstructsAreAllReported(t *testing.T) {
	_, _, err := buildYAML(t, header+`paths:
  /a:
    post:
      operationId: postA
      requestBody:
        content:
          multipart/form-data:
            schema: {type: object, properties: {name: {type: string}}}
      responses: {'204': {description: ok}}
  /b:
    get:
      operationId: getB
      parameters:
        - name: filter
          in: query
          style: deepObject
          schema: {type: string}
      responses: {'204': {description: ok}}
components:
  schemas:
    U:
      oneOf:
        - {type: object, properties: {kind: {type: string}}}
        - {type: object, properties: {size: {type: integer}}}
      discriminator: {propertyName: kind}
    V:
      allOf:
        - {oneOf: [{type: object, properties: {a: {type: string}}}, {type: object, properties: {b: {type: string}}}]}
        - {type: object, properties: {c: {type: string}}}
`)
	var got []string
	for _, e := range errs(t, err) {
		got = append(got, e.Pointer)
	}
	assert.Equal(t, []string{
		"/components/schemas/U/oneOf/0",
		"/components/schemas/U/oneOf/1",
		"/components/schemas/V/allOf/0",
		"/paths/~1a/post/requestBody/content/multipart~1form-data/schema",
		"/paths/~1b/get/parameters/0/schema",
	}, got)
	assert.Len(t, strings.Split(err.Error(), "\n"), 5, "one line per error")
}

func TestDocumentWithoutComponents(t *testing.T) {
	api, warnings, err := buildYAML(t, header+`paths:
  /v2/apps/{appId}/users:
    get:
      parameters:
        - {name: appId, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {name: {type: string}}}
`)
	require.NoError(t, err)
	op := operation(api, "GetAppsUsers")
	require.NotNil(t, op, "an operation without operationId is named after its method and path")
	assert.Equal(t, "GetAppsUsers", op.Name)
	require.Len(t, warnings, 1)
	assert.Equal(t, "/paths/~1v2~1apps~1{appId}~1users/get", warnings[0].Pointer)
}

func TestRequestBodies(t *testing.T) {
	api, _, err := buildYAML(t, header+`paths:
  /form:
    post:
      operationId: postForm
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              required: [name]
              properties:
                name: {type: string}
                tags: {type: array, items: {type: string}}
      responses: {'204': {description: ok}}
  /raw:
    put:
      operationId: putRaw
      requestBody:
        content:
          application/octet-stream:
            schema: {type: string, format: binary}
      responses: {'204': {description: ok}}
  /text:
    put:
      operationId: putText
      requestBody:
        content:
          text/plain: {}
          application/problem+json:
            schema: {type: object, properties: {detail: {type: string}}}
      responses: {'204': {description: ok}}
`)
	require.NoError(t, err)
	form := operation(api, "postForm").Body
	assert.Equal(t, ir.FormBody, form.Encoding)
	require.Len(t, form.Form, 2)
	assert.Equal(t, "name", form.Form[0].WireKey)
	assert.True(t, form.Form[0].Required)
	raw := operation(api, "putRaw").Body
	assert.Equal(t, ir.RawBody, raw.Encoding)
	assert.Equal(t, "application/octet-stream", raw.ContentType)
	assert.Equal(t, ir.JSONBody, operation(api, "putText").Body.Encoding, "a JSON media type is preferred")
}

// TestFormBodyWithoutProperties checks a form body whose object declares
// no properties: a map whose entries are the fields, of text unless its
// additional properties say another flat type, and refused when they are
// objects.
func TestFormBodyWithoutProperties(t *testing.T) {
	tests := []struct {
		name   string
		schema string
		want   ir.Type
		err    string // the pointer of the refusal, "" for none
	}{
		{"empty properties", `{type: object, properties: {}}`, &ir.Map{Elem: ir.String}, ""},
		{"no properties", `{type: object}`, &ir.Map{Elem: ir.String}, ""},
		{"integers", `{type: object, additionalProperties: {type: integer}}`, &ir.Map{Elem: ir.Int}, ""},
		{"objects", `{type: object, additionalProperties: {type: object, properties: {a: {type: string}}}}`, nil, "/paths/~1form/post/requestBody/content/application~1x-www-form-urlencoded/schema"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, _, err := buildYAML(t, header+`paths:
  /form:
    post:
      operationId: postForm
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema: `+tt.schema+`
      responses: {'204': {description: ok}}
`)
			if tt.err != "" {
				es := errs(t, err)
				require.Len(t, es, 1)
				assert.Equal(t, tt.err, es[0].Pointer)
				return
			}
			require.NoError(t, err)
			body := operation(api, "postForm").Body
			assert.Equal(t, ir.FormBody, body.Encoding)
			assert.Equal(t, tt.want, body.Type)
			assert.Empty(t, body.Form)
		})
	}
}

func TestParameterNamesAvoidLocals(t *testing.T) {
	api, warnings, err := buildYAML(t, header+`paths:
  /a/{req}/{type}/{request}/{userId}:
    get:
      operationId: getA
      parameters:
        - {name: req, in: path, required: true, schema: {type: string}}
        - {name: type, in: path, required: true, schema: {type: string}}
        - {name: request, in: path, required: true, schema: {type: string}}
        - {name: userId, in: path, required: true, schema: {type: string}}
      responses: {'204': {description: ok}}
`)
	require.NoError(t, err)
	var names []string
	for _, p := range operation(api, "getA").PathParams {
		names = append(names, p.Name)
	}
	assert.Equal(t, []string{"reqParam", "typeParam", "requestParam", "userID"}, names)
	require.Len(t, warnings, 1, "only the clash with a local warns; keywords and package names are a rule")
	assert.Contains(t, warnings[0].Message, "req")
}

// TestBuilderReservesTheSDKNames builds without any name reserved by
// the caller: the names the emitted code declares itself (ir.PackageNames,
// ir.MethodLocals, ir.StructMethods) are kept clear by the builder alone.
func TestBuilderReservesTheSDKNames(t *testing.T) {
	d, err := openapi3.NewLoader().LoadFromData([]byte(header + `paths:
  /a/{ctx}:
    get:
      operationId: getA
      parameters:
        - {name: ctx, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Client'}}}}}
components:
  schemas:
    Client:
      type: object
      properties:
        UnmarshalJSON: {type: string}
`))
	require.NoError(t, err)
	api, _, err := Build(Input{Doc: d}, "sdk")
	require.NoError(t, err)
	assert.Equal(t, "ctxParam", operation(api, "getA").PathParams[0].Name, "a local of the method")
	client, ok := decl(api, "ClientInfo").(*ir.Struct)
	require.True(t, ok, "the SDK's Client keeps its name")
	assert.Equal(t, "UnmarshalJSON2", client.Fields[0].Name, "a method of every struct")
}

func TestStructScope(t *testing.T) {
	api, warnings, err := buildYAML(t, header+returning("Pet")+`
components:
  schemas:
    Pet:
      type: object
      properties:
        marshalJSON: {type: string}
        extra: {type: string}
        user_id: {type: string}
        userId: {type: string}
        '': {type: string}
        '1st': {type: string}
        名前: {type: string}
        func: {type: string}
`)
	require.NoError(t, err)
	pet := decl(api, "Pet").(*ir.Struct)
	got := map[string]string{}
	for _, f := range pet.Fields {
		got[f.JSONName] = f.Name
	}
	assert.Equal(t, map[string]string{
		"marshalJSON": "MarshalJSON2",
		"extra":       "Extra",
		"user_id":     "UserID2",
		"userId":      "UserID",
		"":            "Empty",
		"1st":         "X1st",
		"名前":          "X名前",
		"func":        "Func",
	}, got)
	assert.Equal(t, "Extra2", pet.Extra)
	assert.Len(t, warnings, 3)
}

func TestDiscriminatorValues(t *testing.T) {
	api, _, err := buildYAML(t, header+returning("Shape")+`
components:
  schemas:
    Shape:
      oneOf:
        - $ref: '#/components/schemas/Circle'
        - $ref: '#/components/schemas/Square'
        - $ref: '#/components/schemas/Line'
      discriminator:
        propertyName: kind
        mapping: {round: '#/components/schemas/Circle', disc: '#/components/schemas/Circle'}
    Circle: {type: object, properties: {kind: {type: string}, r: {type: number}}}
    Square: {type: object, properties: {kind: {type: string, enum: [square]}, side: {type: number}}}
    Line: {type: object, properties: {length: {type: number}}}
`)
	require.NoError(t, err)
	u := decl(api, "Shape").(*ir.Union)
	values := map[string][]string{}
	for _, v := range u.Variants {
		values[v.Struct.Name] = v.Values
		assert.Equal(t, ir.String, field(v.Struct, "kind").Type, "%s.Kind is a plain string", v.Struct.Name)
	}
	assert.Equal(t, map[string][]string{
		"Circle": {"disc", "round"}, // mapping entries
		"Square": {"square"},        // the property's one-value enum
		"Line":   {"Line"},          // the component name
	}, values)
	assert.Nil(t, decl(api, "SquareKind"), "no enum type is declared for a discriminator")
}

func TestGoNameExtension(t *testing.T) {
	api, _, err := buildYAML(t, header+returning("buy", "link")+`
components:
  schemas:
    buy: {type: object, x-go-name: BuyAction, properties: {uri: {type: string}}}
    link: {type: object, properties: {uri: {type: string}}}
`)
	require.NoError(t, err)
	assert.NotNil(t, decl(api, "BuyAction"))
	assert.NotNil(t, decl(api, "Link"))

	for _, bad := range []string{"buyAction", "Buy Action", "1Buy", "42"} {
		t.Run(bad, func(t *testing.T) {
			_, _, err := buildYAML(t, header+"paths: {}\ncomponents:\n  schemas:\n    buy: {type: object, x-go-name: '"+bad+"'}\n")
			e := errs(t, err)
			require.Len(t, e, 1)
			assert.Equal(t, "/components/schemas/buy/x-go-name", e[0].Pointer)
		})
	}
}

func TestMethodShape(t *testing.T) {
	api, _, err := buildYAML(t, header+`tags: [{name: Users}]
paths:
  /users:
    get:
      operationId: ListUsers
      tags: [Users]
      parameters:
        - {name: filter, in: query, required: true, schema: {type: string}}
        - {name: X-Request-Id, in: header, required: true, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object, properties: {n: {type: integer}}}}}}
    delete:
      operationId: DeleteUsers
      tags: [Users]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
  /users/{id}:
    get:
      operationId: GetUser
      tags: [Users]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object, additionalProperties: true}}}}
    put:
      operationId: SyncUser
      tags: [Users]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      requestBody:
        content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}
      responses: {'204': {description: ok}}
  /users/{id}/profile:
    get:
      operationId: GetUserProfile
      tags: [Users]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'204': {description: ok}}
    delete:
      operationId: DeleteUserProfile
      tags: [Users]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'204': {description: ok}}
  /users/{id}/avatar:
    delete:
      operationId: DeleteUser
      tags: [Users]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'204': {description: ok}}
`)
	require.NoError(t, err)
	var names []string
	for _, o := range api.Services[0].Operations {
		names = append(names, o.Name+"/"+o.Params.Name)
	}
	assert.Equal(t, []string{
		"List/ListUsersParams",
		// DeleteUsers and DeleteUser would both be Delete: they keep
		// their whole names.
		"DeleteUsers/DeleteUsersParams",
		"Get/GetUserParams",
		"Sync/SyncUserParams",
		"DeleteUser/DeleteUserParams",
		"GetProfile/GetUserProfileParams",
		"DeleteProfile/DeleteUserProfileParams",
	}, names)

	list := operation(api, "ListUsers")
	require.Len(t, list.Args, 2, "required query and header parameters are arguments")
	assert.Equal(t, []string{"filter", "xRequestID"}, []string{list.Args[0].Name, list.Args[1].Name})
	require.Len(t, list.Params.Fields, 1)
	assert.Equal(t, "Limit", list.Params.Fields[0].Name)
	assert.NotNil(t, list.Result)

	assert.Nil(t, operation(api, "DeleteUsers").Result, "an empty object is no result")
	assert.NotNil(t, operation(api, "GetUser").Result, "a free-form object is a result")

	sync := operation(api, "SyncUser")
	assert.False(t, sync.Body.Required)
	assert.Equal(t, "Body", sync.Params.BodyField, "an optional body is a Params field")
	assert.Equal(t, "*SyncUserBody", typeKey(sync.Body.Type))
}

func TestInlineTypesOfMergedComponents(t *testing.T) {
	api, _, err := buildYAML(t, header+returning("Base", "Apple", "Aardvark")+`
components:
  schemas:
    Base:
      type: object
      properties:
        status: {type: string, enum: [on, off]}
    Apple: {allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {seeds: {type: integer}}}]}
    Aardvark: {allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {claws: {type: integer}}}]}
`)
	require.NoError(t, err)
	var names []string
	for _, d := range api.Decls {
		names = append(names, d.DeclName())
	}
	// One enum, named after the schema that declares it, whichever
	// struct that merges it is filled first.
	assert.Equal(t, []string{"Aardvark", "Apple", "Base", "BaseStatus"}, names)
	for _, name := range []string{"Aardvark", "Apple", "Base"} {
		assert.Equal(t, "*BaseStatus", typeKey(field(decl(api, name).(*ir.Struct), "status").Type))
	}
}

// TestFieldOrder: fields follow the document's property order, allOf parts
// first, as the loader reports it; properties it does not list follow,
// sorted.
func TestFieldOrder(t *testing.T) {
	d, err := openapi3.NewLoader().LoadFromData([]byte(header + returning("Message") + `
components:
  schemas:
    Base: {type: object, properties: {zeta: {type: string}, alpha: {type: string}}}
    Message:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          properties: {id: {type: string}, received: {type: string}, author: {type: string}, late: {type: string}, early: {type: string}}
`))
	require.NoError(t, err)
	api, _, err := Build(Input{Doc: d, Order: map[string][]string{
		"/components/schemas/Base/properties":            {"zeta", "alpha"},
		"/components/schemas/Message/allOf/1/properties": {"id", "received", "author"},
	}}, "sdk")
	require.NoError(t, err)
	var names []string
	for _, f := range decl(api, "Message").(*ir.Struct).Fields {
		names = append(names, f.JSONName)
	}
	assert.Equal(t, []string{"zeta", "alpha", "id", "received", "author", "early", "late"}, names)
}

// TestTrackedFields: the required fields of a struct, the first 64 of
// them, remember their absence; optional ones never do.
func TestTrackedFields(t *testing.T) {
	tests := []struct {
		name          string
		required, all int
		want          int
	}{
		{"none required", 0, 3, 0},
		{"some required", 2, 5, 2},
		{"more than 64 required", 66, 70, 64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var props, required []string
			for i := range tt.all {
				props = append(props, fmt.Sprintf("p%02d: {type: string}", i))
				if i < tt.required {
					required = append(required, fmt.Sprintf("p%02d", i))
				}
			}
			api, _, err := buildYAML(t, header+returning("S")+"components:\n  schemas:\n    S:\n      type: object\n      required: ["+strings.Join(required, ", ")+"]\n      properties: {"+strings.Join(props, ", ")+"}\n")
			require.NoError(t, err)
			st := decl(api, "S").(*ir.Struct)
			require.Len(t, st.Tracked, tt.want)
			for i, fd := range st.Tracked {
				assert.Equal(t, fmt.Sprintf("p%02d", i), fd.JSONName)
				assert.Empty(t, fd.Omit)
			}
		})
	}
}
