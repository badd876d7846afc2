package build

import (
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// The tests of this file hold the builder to each decision an IR field
// records, one table per kind of decision, so that a rule decided
// differently fails a case here and not only the golden snapshot.

// TestFieldOptionality: the Go type and json tag option of a field, for
// each kind of value, required or not, nullable or not. A nullable field
// is tri-state, required or not; an optional one is a pointer unless its
// zero value (nil) already means absent; a required one is its value.
// Required is what the schema says, whatever the Go type.
func TestFieldOptionality(t *testing.T) {
	api, _, err := buildYAML(t, header+returning("Thing", "Merged")+`
components:
  schemas:
    Other: {type: object, properties: {o: {type: string}}}
    Shape:
      oneOf:
        - {type: object, required: [r], properties: {r: {type: number}}}
        - {type: object, required: [side], properties: {side: {type: number}}}
    Tree: {type: array, items: {$ref: '#/components/schemas/Tree'}}
    Stamp: {type: string, format: date-time}
    Base:
      type: object
      required: [fromBase]
      properties:
        fromBase: {type: string}
        overridden: {type: integer}
        redeclared: {type: integer}
    Thing:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          required: [reqNullStamp, reqString, reqNullString, reqInt, reqList, reqMap, reqAny, reqStruct, reqNullStruct, reqEnum, reqNullEnum, reqUnion, reqTime, reqNullTime, reqAlias, overridden, undeclared]
          properties:
            redeclared: {type: string}
            reqString: {type: string}
            optString: {type: string}
            reqNullString: {type: string, nullable: true}
            optNullString: {type: string, nullable: true}
            reqInt: {type: integer}
            optInt: {type: integer}
            optInt64: {type: integer, format: int64}
            optNumber: {type: number}
            optBool: {type: boolean}
            reqList: {type: array, items: {type: string}}
            optList: {type: array, items: {type: string}}
            optNullList: {type: array, items: {type: string}, nullable: true}
            reqMap: {type: object, additionalProperties: {type: integer}}
            optMap: {type: object, additionalProperties: {type: integer}}
            optFree: {type: object}
            reqAny: {}
            optAny: {}
            reqStruct: {$ref: '#/components/schemas/Other'}
            optStruct: {$ref: '#/components/schemas/Other'}
            reqNullStruct: {nullable: true, allOf: [{$ref: '#/components/schemas/Other'}]}
            optNullStruct: {nullable: true, allOf: [{$ref: '#/components/schemas/Other'}]}
            reqEnum: {type: string, enum: [a, b]}
            optEnum: {type: string, enum: [a, b]}
            reqNullEnum: {type: string, enum: [a, b], nullable: true}
            reqUnion: {$ref: '#/components/schemas/Shape'}
            optUnion: {$ref: '#/components/schemas/Shape'}
            reqTime: {type: string, format: date-time}
            optTime: {type: string, format: date-time}
            reqNullTime: {type: string, format: date-time, nullable: true}
            optStamp: {$ref: '#/components/schemas/Stamp'}
            reqNullStamp: {nullable: true, allOf: [{$ref: '#/components/schemas/Stamp'}]}
            optTimeEnum: {type: string, format: date-time, enum: ['2020-01-01T00:00:00Z']}
            reqAlias: {$ref: '#/components/schemas/Tree'}
            optAlias: {$ref: '#/components/schemas/Tree'}
    Merged:
      anyOf:
        - {type: object, required: [a], properties: {a: {type: string}}}
        - {type: object, required: [b], properties: {b: {type: integer}}}
`)
	require.NoError(t, err)
	thing := decl(api, "Thing").(*ir.Struct)
	tests := []struct {
		property string
		typ      string
		omit     string
		required bool
	}{
		{"reqString", "string", "", true},
		{"optString", "*string", "omitempty", false},
		{"reqNullString", "Nullable[string]", "omitzero", true},
		{"optNullString", "Nullable[string]", "omitzero", false},
		{"reqInt", "int", "", true},
		{"optInt", "*int", "omitempty", false},
		{"optInt64", "*int64", "omitempty", false},
		{"optNumber", "*float64", "omitempty", false},
		{"optBool", "*bool", "omitempty", false},
		{"reqList", "[]string", "", true},
		{"optList", "[]string", "omitzero", false},
		{"optNullList", "Nullable[[]string]", "omitzero", false},
		{"reqMap", "map[string]int", "", true},
		{"optMap", "map[string]int", "omitzero", false},
		{"optFree", "map[string]any", "omitzero", false},
		{"reqAny", "any", "", true},
		{"optAny", "any", "omitzero", false},
		{"reqStruct", "Other", "", true},
		{"optStruct", "*Other", "omitempty", false},
		{"reqNullStruct", "Nullable[Other]", "omitzero", true},
		{"optNullStruct", "Nullable[Other]", "omitzero", false},
		{"reqEnum", "ThingReqEnum", "", true},
		{"optEnum", "*ThingOptEnum", "omitempty", false},
		{"reqNullEnum", "Nullable[ThingReqNullEnum]", "omitzero", true},
		{"reqUnion", "Shape", "", true},
		{"optUnion", "Shape", "omitzero", false},
		{"reqTime", "time.Time", "", true},
		{"optTime", "*time.Time", "omitempty", false},
		{"reqNullTime", "Nullable[time.Time]", "omitzero", true},
		{"optStamp", "*time.Time", "omitempty", false},
		{"reqNullStamp", "Nullable[time.Time]", "omitzero", true},
		{"optTimeEnum", "*ThingOptTimeEnum", "omitempty", false}, // its values are no timestamps
		{"reqAlias", "Tree", "", true},
		{"optAlias", "Tree", "omitzero", false},
		// Required by the part that declares it, or by another part.
		{"fromBase", "string", "", true},
		{"overridden", "int", "", true},
		// Declared again by a later part: the later declaration wins.
		{"redeclared", "*string", "omitempty", false},
	}
	for _, tt := range tests {
		t.Run(tt.property, func(t *testing.T) {
			f := field(thing, tt.property)
			require.NotNil(t, f)
			assert.Equal(t, tt.typ, typeKey(f.Type), "type")
			assert.Equal(t, tt.omit, f.Omit, "omit")
			assert.Equal(t, tt.required, f.Required, "required")
		})
	}
	assert.Nil(t, field(thing, "undeclared"), "a required name no part declares is no field")

	// A mergeable anyOf: any alternative may be the one present, so
	// nothing is required.
	merged := decl(api, "Merged").(*ir.Struct)
	for _, f := range merged.Fields {
		assert.False(t, f.Required, f.JSONName)
		assert.Equal(t, "omitempty", f.Omit, f.JSONName)
	}
}

// TestUndiscriminatedVariants: the variants of a union without a
// discriminator are picked by their properties and those they require,
// which come from their schema, its allOf parts, or the properties of an
// inline alternative; a required nullable property is required, though
// it may be null. A discriminated union picks by value instead.
func TestUndiscriminatedVariants(t *testing.T) {
	api, _, err := buildYAML(t, header+returning("Contact", "Shape")+`
components:
  schemas:
    Email:
      type: object
      required: [email]
      properties:
        email: {type: string}
        cc: {type: array, items: {type: string}}
    Post:
      type: object
      required: [street, postcode]
      properties:
        street: {type: string}
        postcode: {type: string, nullable: true}
        note: {type: string, nullable: true}
    Named: {type: object, required: [name], properties: {name: {type: string}}}
    Phone:
      allOf:
        - $ref: '#/components/schemas/Named'
        - {type: object, required: [number], properties: {number: {type: string}, ext: {type: string}}}
    Contact:
      oneOf:
        - $ref: '#/components/schemas/Email'
        - $ref: '#/components/schemas/Post'
        - $ref: '#/components/schemas/Phone'
        - {type: object, properties: {url: {type: string}, secret: {type: string}}}
    Shape:
      oneOf: [{$ref: '#/components/schemas/Circle'}, {$ref: '#/components/schemas/Square'}]
      discriminator: {propertyName: kind}
    Circle: {type: object, required: [r], properties: {kind: {type: string}, r: {type: number}}}
    Square: {type: object, properties: {kind: {type: string}, side: {type: number}}}
`)
	require.NoError(t, err)
	contact := decl(api, "Contact").(*ir.Union)
	assert.Empty(t, contact.Discriminator)
	type shape struct {
		variant              string
		properties, required []string
	}
	var got []shape
	for _, v := range contact.Variants {
		got = append(got, shape{v.Struct.Name, v.Properties, v.Required})
		assert.Empty(t, v.Values, "%s: no discriminator value", v.Struct.Name)
	}
	assert.Equal(t, []shape{
		// In field order: by name, without the loader's order.
		{"Email", []string{"cc", "email"}, []string{"email"}},
		{"Post", []string{"note", "postcode", "street"}, []string{"postcode", "street"}},
		{"Phone", []string{"name", "ext", "number"}, []string{"name", "number"}},
		{"Contact4", []string{"secret", "url"}, nil},
	}, got)

	shapes := decl(api, "Shape").(*ir.Union)
	assert.Equal(t, "kind", shapes.Discriminator)
	for _, v := range shapes.Variants {
		assert.Empty(t, v.Properties, "%s: picked by value", v.Struct.Name)
		assert.Empty(t, v.Required, "%s: picked by value", v.Struct.Name)
		assert.Equal(t, []string{v.Struct.Name}, v.Values)
	}
}

// TestDiscriminatorDecisions: a variant of a discriminated union has its
// discriminator as a required plain string, added when its schema lacks
// it, and a fixed value that encoding writes when it is selected by one
// value only, in every union it is a variant of; an inline variant with
// no value to tell is refused. A polymorphic base (a mapping without
// oneOf) is a union of the mapping's targets.
func TestDiscriminatorDecisions(t *testing.T) {
	api, _, err := buildYAML(t, header+returning("Shape", "Figure", "Pet")+`
components:
  schemas:
    Shape:
      oneOf: [{$ref: '#/components/schemas/Circle'}, {$ref: '#/components/schemas/Square'}, {$ref: '#/components/schemas/Blob'}]
      discriminator:
        propertyName: kind
        mapping: {circle: '#/components/schemas/Circle', round: '#/components/schemas/Circle', square: '#/components/schemas/Square', blob: '#/components/schemas/Blob'}
    Figure:
      oneOf: [{$ref: '#/components/schemas/Square'}, {$ref: '#/components/schemas/Blob'}]
      discriminator:
        propertyName: kind
        mapping: {box: '#/components/schemas/Square', blob: '#/components/schemas/Blob'}
    Circle: {type: object, properties: {kind: {type: string, enum: [circle, round]}, r: {type: number}}}
    Square: {type: object, required: [kind], properties: {kind: {type: string}, side: {type: number}}}
    Blob: {type: object, properties: {size: {type: number}}}
    Pet:
      type: object
      required: [type]
      properties: {type: {type: string}}
      discriminator:
        propertyName: type
        mapping: {dog: '#/components/schemas/Dog', cat: '#/components/schemas/Cat'}
    Dog: {allOf: [{$ref: '#/components/schemas/Pet'}, {type: object, properties: {barks: {type: boolean}}}]}
    Cat: {allOf: [{$ref: '#/components/schemas/Pet'}, {type: object, properties: {purrs: {type: boolean}}}]}
`)
	require.NoError(t, err)
	tests := []struct {
		variant string
		field   string // the discriminator field's JSON name
		fixed   string // the FixedValue, "" for none
	}{
		{"Circle", "kind", ""},   // two values: it says which itself
		{"Square", "kind", ""},   // square in Shape, box in Figure: no one value
		{"Blob", "kind", "blob"}, // added, and blob in both unions
		{"Dog", "type", "dog"},
		{"Cat", "type", "cat"},
	}
	for _, tt := range tests {
		t.Run(tt.variant, func(t *testing.T) {
			st := decl(api, tt.variant).(*ir.Struct)
			f := field(st, tt.field)
			require.NotNil(t, f, "the discriminator is a field")
			assert.Equal(t, ir.String, f.Type)
			assert.Empty(t, f.Omit)
			assert.True(t, f.Required)
			if tt.fixed == "" {
				assert.Nil(t, st.Discriminator)
				return
			}
			require.NotNil(t, st.Discriminator)
			assert.Equal(t, &ir.FixedValue{Field: f, Value: tt.fixed}, st.Discriminator)
		})
	}
	values := func(name string) map[string][]string {
		out := map[string][]string{}
		for _, v := range decl(api, name).(*ir.Union).Variants {
			out[v.Struct.Name] = v.Values
		}
		return out
	}
	assert.Equal(t, map[string][]string{"Circle": {"circle", "round"}, "Square": {"square"}, "Blob": {"blob"}}, values("Shape"))
	assert.Equal(t, map[string][]string{"Square": {"box"}, "Blob": {"blob"}}, values("Figure"))
	pet, ok := decl(api, "Pet").(*ir.Union)
	require.True(t, ok, "a polymorphic base is a union")
	assert.Equal(t, "type", pet.Discriminator)
	assert.Equal(t, map[string][]string{"Cat": {"cat"}, "Dog": {"dog"}}, values("Pet"))

	// The common getter of the discriminator reads the Unknown variant's
	// value too.
	shape := decl(api, "Shape").(*ir.Union)
	i := slices.IndexFunc(shape.Common, func(g *ir.Getter) bool { return g.Field.JSONName == "kind" })
	require.GreaterOrEqual(t, i, 0)
	assert.True(t, shape.Common[i].IsDiscriminator)
	assert.Equal(t, "UnknownShape", shape.Unknown)
	assert.Equal(t, "isShape", shape.Marker)
	assert.Equal(t, "decodeShape", shape.Decoder)
	assert.Equal(t, "UnmarshalShape", shape.Unmarshal)
	for _, name := range []string{"Circle", "Square", "Blob"} {
		assert.Contains(t, decl(api, name).(*ir.Struct).Unions, ir.Decl(shape).(*ir.Union), name)
	}
}

func TestInlineVariantWithoutValue(t *testing.T) {
	_, _, err := buildYAML(t, header+returning("Shape")+`
components:
  schemas:
    Shape:
      oneOf:
        - {type: object, properties: {kind: {type: string}, r: {type: number}}}
        - {type: object, properties: {kind: {type: string, enum: [square]}, side: {type: number}}}
      discriminator: {propertyName: kind}
`)
	es := errs(t, err)
	require.Len(t, es, 1)
	assert.Equal(t, "/components/schemas/Shape/oneOf/0", es[0].Pointer)
	assert.Contains(t, es[0].Msg, "cannot tell the kind value of this inline variant")
}

// TestSingular: the element name of a list property, with the plurals
// that do not simply end in s.
func TestSingular(t *testing.T) {
	tests := []struct{ in, want string }{
		{"events", "event"},
		{"items", "item"},
		{"identities", "identity"},
		{"categories", "category"},
		{"status", "status"},
		{"address", "address"},
		{"analysis", "analysis"},
		{"s", "s"},
		{"data", "data"},
		{"Users", "User"},
		{"ids", "id"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, singular(tt.in))
		})
	}
}

// TestCanonical: the words Go spells its own way, and their plurals: an
// initialism's plural adds a lower-case s; a brand has no such plural.
func TestCanonical(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"id", "ID", true},
		{"ID", "ID", true},
		{"Ids", "IDs", true},
		{"urls", "URLs", true},
		{"https", "HTTPS", true}, // a word of its own, not HTTP's plural
		{"ios", "IOS", true},     // likewise, not IO's
		{"uuids", "UUIDs", true},
		{"oauth", "OAuth", true},
		{"whatsapp", "WhatsApp", true},
		{"oauths", "", false}, // a brand has no plural
		{"whatsapps", "", false},
		{"is", "", false}, // not an initialism I with an s
		{"us", "", false},
		{"user", "", false},
		{"s", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := canonical(tt.in)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestWords: where a name splits into words, and the words that join
// again because together they spell a canonical word.
func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"userIdOrExternalId", []string{"user", "Id", "Or", "External", "Id"}},
		{"XMLHttpRequest", []string{"XML", "Http", "Request"}},
		{"OAuthToken", []string{"OAuth", "Token"}},
		{"iOSApp", []string{"iOS", "App"}},
		{"WhatsAppTemplate", []string{"WhatsApp", "Template"}},
		{"base64Data", []string{"base64", "Data"}},
		{"v2Apps", []string{"v2", "Apps"}},
		{"conversation:message", []string{"conversation", "message"}},
		{"page[after]", []string{"page", "after"}},
		{"ABC", []string{"ABC"}},
		{"--", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, words(tt.in))
		})
	}
}

// TestNameClashes: each kind of name the builder gives, when the name
// it would give is taken: the later one takes a suffix (Info for a type,
// a number for the others), with a warning naming what gave way.
func TestNameClashes(t *testing.T) {
	api, warnings, err := buildYAML(t, header+`tags: [{name: Users}]
paths:
  /users:
    get:
      operationId: listUsers
      tags: [Users]
      parameters:
        - {name: user_id, in: query, schema: {type: string}}
        - {name: userId, in: query, schema: {type: string}}
        - name: page
          in: query
          style: deepObject
          schema: {type: object, properties: {after: {type: string}}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  users: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  meta: {type: object, properties: {hasMore: {type: boolean}, afterCursor: {type: string}}}
                  shape: {$ref: '#/components/schemas/Shape'}
                  bought: {$ref: '#/components/schemas/buy'}
                  other: {$ref: '#/components/schemas/purchase'}
                  clash: {$ref: '#/components/schemas/UsersService'}
                  params: {$ref: '#/components/schemas/GetUserParams'}
    post:
      operationId: listIter
      tags: [Users]
      responses: {'204': {description: ok}}
  /users/{id}:
    get:
      operationId: getUser
      tags: [Users]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'204': {description: ok}}
components:
  schemas:
    Thing:
      type: object
      properties:
        kind: {type: string, enum: [a-b, a_b, x]}
        getLabel: {type: string}
        label: {type: string}
    ThingKindX: {type: object, properties: {y: {type: string}}}
    UsersService: {type: object, properties: {z: {type: string}}}
    GetUserParams: {type: object, properties: {p: {type: string}}}
    UnknownShape: {type: object, properties: {raw: {type: string}}}
    Shape:
      oneOf:
        - {type: object, required: [r], properties: {r: {type: number}}}
        - {type: object, required: [side], properties: {side: {type: number}}}
    buy: {type: object, x-go-name: Purchase, properties: {uri: {type: string}}}
    purchase: {type: object, properties: {uri: {type: string}}}
`)
	require.NoError(t, err)
	svc := api.Services[0]
	list, iter, get := operation(api, "listUsers"), operation(api, "listIter"), operation(api, "getUser")
	thing := decl(api, "Thing").(*ir.Struct)
	getter := func(jsonName string) string {
		for _, g := range thing.Getters {
			if g.Field.JSONName == jsonName {
				return g.Method
			}
		}
		return ""
	}
	var kinds []string
	for _, v := range decl(api, "ThingKind").(*ir.Enum).Values {
		kinds = append(kinds, v.Name)
	}
	tests := []struct {
		what, got, want string
	}{
		{"the service keeps its name", svc.Name, "UsersService"},
		{"the field of the service on Client", svc.Field, "Users"},
		{"a schema named like the service", typeKey(field(structOf(unwrapOptional(list.Result)), "clash").Type), "*UsersServiceInfo"},
		{"a schema named like Params", typeKey(field(structOf(unwrapOptional(list.Result)), "params").Type), "*GetUserParams"},
		{"the Params struct named like a schema", get.Params.Name, "GetUserParams2"},
		{"two parameters of one Go name", list.Params.Fields[0].Name + " " + list.Params.Fields[1].Name, "UserID UserID2"},
		{"an iterator, declared with its method", list.Pager.Iter, "ListIter"},
		{"a later method named like it", iter.Name, "ListIter2"},
		{"enum constants of one Go name", kinds[0] + " " + kinds[1], "ThingKindAB ThingKindAB2"},
		{"an enum constant named like a type", kinds[2], "ThingKindX2"},
		{"a getter named like a field", getter("label"), "GetLabel2"},
		{"the getter of that field", getter("getLabel"), "GetGetLabel"},
		{"the Unknown variant named like a type", decl(api, "Shape").(*ir.Union).Unknown, "UnknownShape2"},
		{"x-go-name", typeKey(field(structOf(unwrapOptional(list.Result)), "bought").Type), "*Purchase"},
		{"a schema named like another's x-go-name", typeKey(field(structOf(unwrapOptional(list.Result)), "other").Type), "*PurchaseInfo"},
	}
	for _, tt := range tests {
		t.Run(tt.what, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.got)
		})
	}
	var renamed []string
	for _, w := range warnings {
		renamed = append(renamed, w.Pointer)
	}
	assert.ElementsMatch(t, []string{
		"/components/schemas/UsersService",
		"/paths/~1users~1{id}/get",
		"/paths/~1users/get/parameters/1/schema",
		"/paths/~1users/post",
		"/components/schemas/Thing/properties/kind/enum/1",
		"/components/schemas/Thing/properties/kind/enum/2",
		"/components/schemas/Thing",
		"/components/schemas/Shape",
		"/components/schemas/purchase",
	}, renamed, "a warning for each name that gave way")
}

// buildWebhook builds a document whose path /hook is its x-webhooks
// entry hook, as the loader hands it over.
func buildWebhook(t *testing.T, doc string) (*ir.API, []Warning, error) {
	t.Helper()
	d, err := openapi3.NewLoader().LoadFromData([]byte(doc))
	require.NoError(t, err)
	hook := d.Paths.Value("/hook")
	require.NotNil(t, hook)
	d.Paths.Delete("/hook")
	return Build(Input{Doc: d, Webhooks: map[string]*openapi3.PathItem{"hook": hook}, Reserved: []string{"Nullable"}}, "sdk")
}

// TestWebhookNames: the payload of the first x-webhooks entry is
// WebhookPayload, the types declared inline in it start with Webhook,
// the variants of its events union end with Event unless they do or an
// x-go-name names them; the events field and union are recorded.
func TestWebhookNames(t *testing.T) {
	api, _, err := buildWebhook(t, header+`paths:
  /hook:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                app: {type: object, properties: {id: {type: string}}}
                events:
                  type: array
                  items:
                    oneOf:
                      - $ref: '#/components/schemas/conversationMessage'
                      - $ref: '#/components/schemas/userEvent'
                      - $ref: '#/components/schemas/remove'
                    discriminator: {propertyName: type}
      responses: {'200': {description: ok}}
components:
  schemas:
    conversationMessage: {type: object, properties: {type: {type: string}, text: {type: string}}}
    userEvent: {type: object, properties: {type: {type: string}, user: {type: string}}}
    remove: {type: object, x-go-name: Removal, properties: {type: {type: string}}}
`)
	require.NoError(t, err)
	require.NotNil(t, api.Webhook)
	w := api.Webhook
	assert.Equal(t, "WebhookPayload", w.Payload.Name)
	assert.Equal(t, "events", w.EventsField.JSONName)
	require.NotNil(t, w.Events)
	assert.Equal(t, "WebhookEvent", w.Events.Name)
	var variants []string
	for _, v := range w.Events.Variants {
		variants = append(variants, v.Struct.Name)
	}
	assert.Equal(t, []string{"ConversationMessageEvent", "UserEvent", "Removal"}, variants)
	assert.Equal(t, "*WebhookApp", typeKey(field(w.Payload, "app").Type))
}

// TestInlineTypeNames: a type declared inline is named by its x-go-name,
// else its title when that is free, else by where it is used: the
// struct and property, a list's element in the singular, a map's value.
func TestInlineTypeNames(t *testing.T) {
	api, _, err := buildYAML(t, header+returning("Order")+`
components:
  schemas:
    Address: {type: object, properties: {street: {type: string}}}
    Order:
      type: object
      properties:
        billing: {type: object, title: Address, properties: {zip: {type: string}}}
        shipping: {type: object, title: Parcel Address, properties: {zip: {type: string}}}
        lines: {type: array, items: {type: object, properties: {sku: {type: string}}}}
        entries: {type: array, items: {type: object, properties: {n: {type: integer}}}}
        totals: {type: object, additionalProperties: {type: object, properties: {sum: {type: number}}}}
        gift: {type: object, x-go-name: GiftWrap, properties: {paper: {type: string}}}
        state: {type: string, enum: [open, closed]}
`)
	require.NoError(t, err)
	order := decl(api, "Order").(*ir.Struct)
	tests := []struct{ property, typ string }{
		{"billing", "*OrderBilling"},   // its title is taken by a component
		{"shipping", "*ParcelAddress"}, // its title, free
		{"lines", "[]OrderLine"},
		{"entries", "[]OrderEntry"},
		{"totals", "map[string]OrderTotalsValue"},
		{"gift", "*GiftWrap"},
		{"state", "*OrderState"},
	}
	for _, tt := range tests {
		t.Run(tt.property, func(t *testing.T) {
			assert.Equal(t, tt.typ, typeKey(field(order, tt.property).Type))
		})
	}
}

// TestOperationResults: what a method returns, from the first 2xx
// response (by status) with a JSON body: a struct behind a pointer, a
// list, map, union or any value as it is; nothing for an empty object or
// no JSON body; where a redirect points when only 3xx are documented.
func TestOperationResults(t *testing.T) {
	tests := []struct {
		name      string
		responses string
		result    string // "" for none
		redirect  bool
	}{
		{"an object", `{'200': {description: ok, content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}}}`, "*GetAResponse", false},
		{"a component", `{'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}}`, "*Thing", false},
		{"a list", `{'200': {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}}`, "[]string", false},
		{"a map", `{'200': {description: ok, content: {application/json: {schema: {type: object, additionalProperties: {type: integer}}}}}}`, "map[string]int", false},
		{"a free-form object", `{'200': {description: ok, content: {application/json: {schema: {type: object, additionalProperties: true}}}}}`, "map[string]any", false},
		{"a union", `{'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Shape'}}}}}`, "Shape", false},
		{"any value", `{'200': {description: ok, content: {application/json: {schema: {}}}}}`, "any", false},
		{"a string", `{'200': {description: ok, content: {application/json: {schema: {type: string}}}}}`, "*string", false},
		{"an empty object", `{'200': {description: ok, content: {application/json: {schema: {type: object}}}}}`, "", false},
		{"no body", `{'204': {description: ok}}`, "", false},
		{"a body that is no JSON", `{'200': {description: ok, content: {text/plain: {schema: {type: string}}}}}`, "", false},
		{"the first 2xx by status", `{'201': {description: ok, content: {application/json: {schema: {type: array, items: {type: integer}}}}}, '200': {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}}`, "[]string", false},
		{"the first 2xx with JSON", `{'200': {description: ok}, '202': {description: ok, content: {application/json: {schema: {type: array, items: {type: integer}}}}}}`, "[]int", false},
		{"an error response is no result", `{'204': {description: ok}, '400': {description: bad, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}}`, "", false},
		{"a redirect", `{'302': {description: there}, '400': {description: bad}}`, "", true},
		{"a redirect beside a success", `{'302': {description: there}, '204': {description: ok}}`, "", false},
		{"a range of statuses", `{"2XX": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}}`, "[]string", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, _, err := buildYAML(t, header+`paths:
  /a:
    get:
      operationId: getA
      responses: `+tt.responses+`
components:
  schemas:
    Thing: {type: object, properties: {a: {type: string}}}
    Shape:
      oneOf:
        - {type: object, required: [r], properties: {r: {type: number}}}
        - {type: object, required: [side], properties: {side: {type: number}}}
`)
			require.NoError(t, err)
			op := operation(api, "getA")
			if tt.result == "" {
				assert.Nil(t, op.Result)
			} else {
				assert.Equal(t, tt.result, typeKey(op.Result))
			}
			assert.Equal(t, tt.redirect, op.Redirect)
		})
	}
}

// TestRequestBodyDecisions: the media type a body is sent as, its Go
// type (a pointer in Params when optional, unless nil already means
// none), the argument of a required one, and what a raw body is labelled.
func TestRequestBodyDecisions(t *testing.T) {
	tests := []struct {
		name, body string
		encoding   ir.BodyEncoding
		typ        string // "" for none
		arg        string
		field      string // the Params field of an optional body
		media      string
		fileField  string
	}{
		{"required JSON", `{required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}`, ir.JSONBody, "Thing", "body", "", "", ""},
		{"optional JSON", `{content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}`, ir.JSONBody, "*Thing", "body", "Body", "", ""},
		{"optional JSON list", `{content: {application/json: {schema: {type: array, items: {type: string}}}}}`, ir.JSONBody, "[]string", "body", "Body", "", ""},
		{"JSON first", `{required: true, content: {text/plain: {schema: {type: string}}, application/vnd.api+json: {schema: {$ref: '#/components/schemas/Thing'}}}}`, ir.JSONBody, "Thing", "body", "", "", ""},
		{"multipart before form", `{required: true, content: {application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/Thing'}}, multipart/form-data: {schema: {type: object, properties: {name: {type: string}, upload: {type: string, format: binary}}}}}}`, ir.MultipartBody, "", "file", "", "", "upload"},
		{"form", `{required: true, content: {application/x-www-form-urlencoded; charset=utf-8: {schema: {$ref: '#/components/schemas/Thing'}}}}`, ir.FormBody, "Thing", "body", "", "", ""},
		{"raw", `{required: true, content: {image/png: {schema: {type: string, format: binary}}}}`, ir.RawBody, "", "body", "", "image/png", ""},
		{"raw, a range", `{content: {image/*: {schema: {type: string, format: binary}}}}`, ir.RawBody, "", "body", "Body", "application/octet-stream", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, _, err := buildYAML(t, header+`paths:
  /a:
    post:
      operationId: postA
      requestBody: `+tt.body+`
      responses: {'204': {description: ok}}
components:
  schemas:
    Thing: {type: object, properties: {a: {type: string}}}
`)
			require.NoError(t, err)
			op := operation(api, "postA")
			b := op.Body
			require.NotNil(t, b)
			assert.Equal(t, tt.encoding, b.Encoding, "encoding")
			if tt.typ == "" {
				assert.Nil(t, b.Type)
			} else {
				assert.Equal(t, tt.typ, typeKey(b.Type))
			}
			assert.Equal(t, tt.field == "", b.Required, "required")
			if b.Required {
				assert.Equal(t, tt.arg, b.Arg, "argument")
			}
			assert.Equal(t, tt.field, op.Params.BodyField, "Params field")
			assert.Equal(t, tt.media, b.ContentType, "content type")
			assert.Equal(t, tt.fileField, b.FileField, "file field")
		})
	}
}

// TestPager: an operation is a paginated list when a deepObject page
// parameter has the key its direction names (after, or before with
// x-pagination-direction) and its result has one list and a meta object
// with hasMore and that direction's cursor; backwards lists are yielded
// in reverse.
func TestPager(t *testing.T) {
	const (
		page     = `{name: page, in: query, style: deepObject, schema: {type: object, properties: {after: {type: string}, before: {type: string}, size: {type: integer}}}}`
		meta     = `meta: {type: object, properties: {hasMore: {type: boolean}, afterCursor: {type: string}, beforeCursor: {type: string}}}`
		items    = `items: {type: array, items: {$ref: '#/components/schemas/Item'}}`
		response = `{type: object, properties: {` + items + `, ` + meta + `}}`
	)
	tests := []struct {
		name, extension, params, result string
		pages                           bool
		reverse                         bool
	}{
		{"forwards", "", "[" + page + "]", response, true, false},
		{"backwards", "x-pagination-direction: before", "[" + page + "]", response, true, true},
		{"no page parameter", "", "[]", response, false, false},
		{"a page parameter without the key", "", `[{name: page, in: query, style: deepObject, schema: {type: object, properties: {size: {type: integer}}}}]`, response, false, false},
		{"two lists", "", "[" + page + "]", `{type: object, properties: {` + items + `, others: {type: array, items: {type: string}}, ` + meta + `}}`, false, false},
		{"no hasMore", "", "[" + page + "]", `{type: object, properties: {` + items + `, meta: {type: object, properties: {afterCursor: {type: string}}}}}`, false, false},
		{"no cursor of the direction", "x-pagination-direction: before", "[" + page + "]", `{type: object, properties: {` + items + `, meta: {type: object, properties: {hasMore: {type: boolean}, afterCursor: {type: string}}}}}`, false, false},
		{"meta under another name", "", "[" + page + "]", `{type: object, properties: {` + items + `, paging: {type: object, properties: {hasMore: {type: boolean}, afterCursor: {type: string}}}}}`, false, false},
		{"a list result", "", "[" + page + "]", `{type: array, items: {$ref: '#/components/schemas/Item'}}`, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, _, err := buildYAML(t, header+`paths:
  /items:
    get:
      operationId: listItems
      `+tt.extension+`
      parameters: `+tt.params+`
      responses: {'200': {description: ok, content: {application/json: {schema: `+tt.result+`}}}}
components:
  schemas:
    Item: {type: object, properties: {id: {type: string}}}
`)
			require.NoError(t, err)
			op := operation(api, "listItems")
			if !tt.pages {
				assert.Nil(t, op.Pager)
				return
			}
			p := op.Pager
			require.NotNil(t, p)
			res := structOf(op.Result.(*ir.Pointer).Elem)
			cursor := "afterCursor"
			if tt.reverse {
				cursor = "beforeCursor"
			}
			assert.Equal(t, "Item", typeKey(p.Item))
			assert.Equal(t, field(res, "items"), p.Items)
			assert.Equal(t, field(res, "meta"), p.Meta)
			metaStruct := structOf(unwrapOptional(p.Meta.Type))
			assert.Equal(t, field(metaStruct, "hasMore"), p.HasMore)
			assert.Equal(t, field(metaStruct, cursor), p.Cursor)
			assert.Equal(t, op.Params.Fields[0], p.PageParam)
			assert.Equal(t, unwrapOptional(p.PageParam.Type), p.PageType)
			assert.Equal(t, cursor[:len(cursor)-len("Cursor")], p.CursorKey.WireKey)
			assert.Equal(t, tt.reverse, p.Reverse)
			assert.Equal(t, "ListItemsIter", p.Iter, "the method's name and Iter")
		})
	}
}

// TestOperationServers: an operation calls its own server when it, or
// else its path, names servers: the first without variables, without a
// trailing slash; one that could not be called is refused.
func TestOperationServers(t *testing.T) {
	tests := []struct {
		name, path, op string
		server         string
		err            string // the pointer of the refusal
	}{
		{"none", "", "", "", ""},
		{"the path's", "servers: [{url: 'https://path.example.test/v1/'}]", "", "https://path.example.test/v1", ""},
		{"the operation's over the path's", "servers: [{url: 'https://path.example.test'}]", "servers: [{url: 'https://op.example.test'}]", "https://op.example.test", ""},
		{"the first without variables", "", "servers: [{url: 'https://{r}.example.test', variables: {r: {default: eu}}}, {url: 'https://b.example.test'}]", "https://b.example.test", ""},
		{"only with variables", "", "servers: [{url: 'https://{r}.example.test', variables: {r: {default: eu}}}]", "", "/paths/~1a/get/servers"},
		{"relative", "servers: [{url: /v2}]", "", "", "/paths/~1a/servers"},
		{"with a query", "", "servers: [{url: 'https://a.example.test?x=1'}]", "", "/paths/~1a/get/servers"},
		{"with credentials", "", "servers: [{url: 'https://u:p@a.example.test'}]", "", "/paths/~1a/get/servers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, _, err := buildYAML(t, header+`paths:
  /a:
    `+tt.path+`
    get:
      operationId: getA
      `+tt.op+`
      responses: {'204': {description: ok}}
`)
			if tt.err != "" {
				es := errs(t, err)
				require.Len(t, es, 1)
				assert.Equal(t, tt.err, es[0].Pointer)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.server, operation(api, "getA").Server)
		})
	}
}

// TestParamDecisions: a required query, header or cookie parameter is a
// method argument of its type, an optional one a Params field behind a
// pointer unless nil means unset; an operation's parameter overrides
// its path's of the same name and location; the keys of an object
// parameter are required as its schema says; a component parameter has
// one type wherever it is used; an undeclared path parameter is a string.
func TestParamDecisions(t *testing.T) {
	api, warnings, err := buildYAML(t, header+`paths:
  /a/{id}/{undeclared}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: integer}}
      - {name: limit, in: query, schema: {type: string}}
    get:
      operationId: getA
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
        - {name: tags, in: query, schema: {type: array, items: {type: string}}}
        - {name: X-Mode, in: header, required: true, schema: {type: string, enum: [a, b]}}
        - {name: since, in: query, schema: {type: string, format: date-time}}
        - {name: session, in: cookie, required: true, schema: {type: string}}
        - {name: filter, in: query, style: deepObject, required: true, schema: {type: object, required: [status], properties: {status: {type: string}, owner: {type: string}}}}
        - $ref: '#/components/parameters/region'
      responses: {'204': {description: ok}}
  /b:
    get:
      operationId: getB
      parameters:
        - $ref: '#/components/parameters/region'
      responses: {'204': {description: ok}}
components:
  parameters:
    region: {name: region, in: query, schema: {type: string, enum: [eu, us]}}
`)
	require.NoError(t, err)
	a := operation(api, "getA")
	type param struct{ name, in, typ string }
	var got []param
	for _, p := range a.PathParams {
		assert.True(t, p.Required)
		got = append(got, param{p.Name, p.In, typeKey(p.Type)})
	}
	assert.Equal(t, []param{{"id", "path", "string"}, {"undeclared", "path", "string"}}, got, "path parameters are strings")
	got = nil
	for _, p := range a.Args {
		assert.True(t, p.Required, p.WireName)
		got = append(got, param{p.Name, p.In, typeKey(p.Type)})
	}
	assert.Equal(t, []param{{"xMode", "header", "GetAXMode"}, {"session", "cookie", "string"}, {"filter", "query", "GetAFilter"}}, got, "required: arguments")
	got = nil
	for _, p := range a.Params.Fields {
		assert.False(t, p.Required, p.WireName)
		got = append(got, param{p.Name, p.In, typeKey(p.Type)})
	}
	assert.Equal(t, []param{
		{"Limit", "query", "*int"}, // the operation's, not the path's string
		{"Tags", "query", "[]string"},
		{"Since", "query", "*string"},      // a timestamp parameter is its text
		{"Region", "query", "*GetARegion"}, // named where first used
	}, got, "optional: Params fields")

	filter := a.Args[2]
	require.Len(t, filter.Deep, 2)
	assert.Equal(t, "owner", filter.Deep[0].WireKey)
	assert.False(t, filter.Deep[0].Required)
	assert.Equal(t, "status", filter.Deep[1].WireKey)
	assert.True(t, filter.Deep[1].Required)

	b := operation(api, "getB")
	assert.Same(t, a.Params.Fields[3].Type.(*ir.Pointer).Elem.(*ir.Named).Decl, b.Params.Fields[0].Type.(*ir.Pointer).Elem.(*ir.Named).Decl, "one type for the component parameter")
	require.Len(t, warnings, 1)
	assert.Contains(t, warnings[0].Message, "{undeclared} is not declared")
}

// TestAPIDecisions: what the API records of the document as a whole: its
// package, title and version, and the default base URL, the first server
// without variables, without a trailing slash.
func TestAPIDecisions(t *testing.T) {
	tests := []struct{ servers, want string }{
		{"", ""},
		{"servers: [{url: 'https://api.example.test/v2/'}]", "https://api.example.test/v2"},
		{"servers: [{url: 'https://{r}.example.test', variables: {r: {default: eu}}}, {url: 'https://b.example.test'}]", "https://b.example.test"},
		{"servers: [{url: 'https://{r}.example.test', variables: {r: {default: eu}}}]", ""},
	}
	for _, tt := range tests {
		t.Run(tt.servers, func(t *testing.T) {
			api, _, err := buildYAML(t, "openapi: 3.0.3\ninfo: {title: Widgets, version: 2.1.0}\n"+tt.servers+"\npaths: {}\n")
			require.NoError(t, err)
			assert.Equal(t, "sdk", api.Package)
			assert.Equal(t, "Widgets", api.Title)
			assert.Equal(t, "2.1.0", api.SpecVersion)
			assert.Equal(t, tt.want, api.DefaultBaseURL)
		})
	}
}

// TestRecursiveAliases: a schema that is a list or map of itself is a
// defined type of what it is; any other list or map schema is no type.
func TestRecursiveAliases(t *testing.T) {
	api, _, err := buildYAML(t, header+returning("Holder")+`
components:
  schemas:
    Holder:
      type: object
      properties:
        forest: {$ref: '#/components/schemas/Forest'}
        index: {$ref: '#/components/schemas/Index'}
        grove: {$ref: '#/components/schemas/Grove'}
        names: {$ref: '#/components/schemas/Names'}
    Forest: {type: array, items: {$ref: '#/components/schemas/Forest'}}
    Index: {type: object, additionalProperties: {$ref: '#/components/schemas/Index'}}
    Grove: {type: array, items: {$ref: '#/components/schemas/Copse'}}
    Copse: {type: object, additionalProperties: {$ref: '#/components/schemas/Grove'}}
    Names: {type: array, items: {type: string}}
`)
	require.NoError(t, err)
	tests := []struct{ alias, target string }{
		{"Forest", "[]Forest"},
		{"Index", "map[string]Index"},
		{"Grove", "[]Copse"},
		{"Copse", "map[string]Grove"},
	}
	for _, tt := range tests {
		t.Run(tt.alias, func(t *testing.T) {
			a, ok := decl(api, tt.alias).(*ir.Alias)
			require.True(t, ok, "%s is a defined type", tt.alias)
			assert.Equal(t, tt.target, typeKey(a.Target))
		})
	}
	assert.Nil(t, decl(api, "Names"))
	assert.Equal(t, "[]string", typeKey(field(decl(api, "Holder").(*ir.Struct), "names").Type))
}

// TestExamples: the example values the SDK's tests decode, each with the
// Go type it decodes into: a component struct's or union's own, an
// inline object property's, and those of JSON bodies and results (named
// examples too); a plain value's example says nothing of decoding.
func TestExamples(t *testing.T) {
	api, _, err := buildYAML(t, header+`paths:
  /a:
    post:
      operationId: postA
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Thing'}
            example: {id: b}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}
              examples:
                two: {value: [{id: x}, {id: y}]}
                one: {value: [{id: z}]}
components:
  schemas:
    Thing:
      type: object
      example: {id: t}
      properties:
        id: {type: string, example: not-recorded}
        spot: {type: object, properties: {x: {type: number}}, example: {x: 1}}
    Name: {type: string, example: a name}
`)
	require.NoError(t, err)
	type example struct{ pointer, typ, json string }
	var got []example
	for _, ex := range api.Examples {
		got = append(got, example{ex.Pointer, typeKey(ex.Type), string(ex.JSON)})
	}
	assert.ElementsMatch(t, []example{
		{"/components/schemas/Thing/example", "Thing", `{"id":"t"}`},
		{"/components/schemas/Thing/properties/spot/example", "ThingSpot", `{"x":1}`},
		{"/paths/~1a/post/requestBody/content/application~1json/example", "Thing", `{"id":"b"}`},
		{"/paths/~1a/post/responses/200/content/application~1json/examples/one", "[]Thing", `[{"id":"z"}]`},
		{"/paths/~1a/post/responses/200/content/application~1json/examples/two", "[]Thing", `[{"id":"x"},{"id":"y"}]`},
	}, got)
}

// TestResultExample: the example the fake answers an operation with is
// its result's own: the media type's example (or first named one), else
// the example of the component schema it refers to; never the example of
// a property of an inline result, which is recorded while its type is
// built.
func TestResultExample(t *testing.T) {
	api, _, err := buildYAML(t, header+`paths:
  /inline:
    get:
      operationId: getInline
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  spot: {type: object, properties: {x: {type: number}}, example: {x: 1}}
              example: {spot: {x: 2}}
  /inlineBare:
    get:
      operationId: getInlineBare
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  spot: {type: object, properties: {x: {type: number}}, example: {x: 3}}
  /named:
    get:
      operationId: getNamed
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
  /none:
    get:
      operationId: getNone
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Plain'}
components:
  schemas:
    Thing:
      type: object
      example: {id: t}
      properties:
        id: {type: string}
    Plain:
      type: object
      properties:
        id: {type: string}
`)
	require.NoError(t, err)
	tests := []struct {
		operation, pointer, json string // pointer "" for none
	}{
		{"getInline", "/paths/~1inline/get/responses/200/content/application~1json/example", `{"spot":{"x":2}}`},
		{"getInlineBare", "", ""},
		{"getNamed", "/components/schemas/Thing/example", `{"id":"t"}`},
		{"getNone", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.operation, func(t *testing.T) {
			ex := operation(api, tt.operation).Example
			if tt.pointer == "" {
				assert.Nil(t, ex)
				return
			}
			require.NotNil(t, ex)
			assert.Equal(t, tt.pointer, ex.Pointer)
			assert.JSONEq(t, tt.json, string(ex.JSON))
		})
	}
}
