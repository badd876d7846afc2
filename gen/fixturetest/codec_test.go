package fixturetest

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/fixturetest/wire"
)

// getItem answers getItem with body and returns what the SDK decoded.
func getItem(t *testing.T, body string) *wire.Item {
	t.Helper()
	srv := newServer(t, replyJSON(200, body))
	item, err := srv.client(t).Items.Get(t.Context(), "s1", "i1", nil)
	require.NoError(t, err)
	require.NotNil(t, item)
	return item
}

// sentBody calls updateItem with body and returns the JSON that reached
// the server, after checking its content type.
func sentBody(t *testing.T, body wire.ItemUpdate) string {
	t.Helper()
	srv := newServer(t, replyJSON(200, anItem))
	_, err := srv.client(t).Items.Update(t.Context(), "s1", "i1", body, nil)
	require.NoError(t, err)
	got := srv.only(t)
	assert.Equal(t, "PATCH", got.Method)
	assert.Equal(t, "application/json", got.Header.Get("Content-Type"))
	return string(got.Body)
}

// reencoded is the JSON encoding of v.
func reencoded(t *testing.T, v any) string {
	t.Helper()
	out, err := json.Marshal(v)
	require.NoError(t, err)
	return string(out)
}

// state describes a Nullable: "absent", "null", or the value it holds.
func state[T any](n wire.Nullable[T]) any {
	if v, ok := n.Get(); ok {
		return v
	}
	if n.IsNull() {
		return "null"
	}
	if n.IsSet() {
		return "set, neither null nor a value"
	}
	return "absent"
}

// TestNullableSent checks the three states of a nullable field in a
// request body: absent is left out, null is sent as null (it clears the
// field), and a value is sent even when it is a zero value.
func TestNullableSent(t *testing.T) {
	tests := []struct {
		name string
		body wire.ItemUpdate
		want string
	}{
		{"absent", wire.ItemUpdate{}, `{}`},
		{
			"null",
			wire.ItemUpdate{Note: wire.Null[string](), Price: wire.Null[float64](), Labels: wire.Null[[]string]()},
			`{"note":null,"price":null,"labels":null}`,
		},
		{
			"zero values",
			wire.ItemUpdate{Note: wire.NewNullable(""), Price: wire.NewNullable(0.0), Labels: wire.NewNullable([]string{})},
			`{"note":"","price":0,"labels":[]}`,
		},
		{
			"values",
			wire.ItemUpdate{Name: wire.Ptr("n"), Note: wire.NewNullable("x"), Price: wire.NewNullable(2.5), Labels: wire.NewNullable([]string{"a"})},
			`{"name":"n","note":"x","price":2.5,"labels":["a"]}`,
		},
		{"one of each", wire.ItemUpdate{Note: wire.Null[string](), Price: wire.NewNullable(1.0)}, `{"note":null,"price":1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.JSONEq(t, tt.want, sentBody(t, tt.body))
		})
	}
}

// TestNullableReceived checks that a response tells an absent nullable
// field from a null one and from a zero value, and that encoding the
// decoded value gives back the same JSON: a null stays, an absent field
// stays absent.
func TestNullableReceived(t *testing.T) {
	tests := []struct {
		name                       string
		body                       string
		note, price, labels, color any
	}{
		{"absent", `{"id":"i1","status":"active"}`, "absent", "absent", "absent", "absent"},
		{
			"null",
			`{"id":"i1","status":"active","note":null,"price":null,"labels":null,"color":null}`,
			"null", "null", "null", "null",
		},
		{
			"zero values",
			`{"id":"i1","status":"active","note":"","price":0,"labels":[],"color":"red"}`,
			"", 0.0, []string{}, wire.ItemColorRed,
		},
		{
			"values",
			`{"id":"i1","status":"active","note":"x","price":2.5,"labels":["a","b"],"color":"green"}`,
			"x", 2.5, []string{"a", "b"}, wire.ItemColorGreen,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			item := getItem(t, tt.body)
			assert.Equal(t, tt.note, state(item.Note), "note")
			assert.Equal(t, tt.price, state(item.Price), "price")
			assert.Equal(t, tt.labels, state(item.Labels), "labels")
			assert.Equal(t, tt.color, state(item.Color), "color")
			assert.JSONEq(t, tt.body, reencoded(t, item))
		})
	}
}

// TestEnums checks that enum constants are the wire values, that a value
// the SDK does not know decodes without error and is encoded back, and
// that one set by the caller is sent as it is.
func TestEnums(t *testing.T) {
	assert.Equal(t, wire.ItemStatus("archived"), wire.ItemStatusArchived)
	assert.Equal(t, wire.ListItemsSort("-name"), wire.ListItemsSortName2)
	assert.Equal(t, wire.TokenRequestGrantType("client_credentials"), wire.TokenRequestGrantTypeClientCredentials)

	t.Run("known", func(t *testing.T) {
		item := getItem(t, `{"id":"i1","status":"archived","color":"green"}`)
		assert.Equal(t, wire.ItemStatusArchived, item.Status)
		assert.Equal(t, wire.ItemColorGreen, state(item.Color))
	})
	t.Run("unknown values decode and re-encode", func(t *testing.T) {
		body := `{"id":"i1","status":"deleted","color":"blue"}`
		item := getItem(t, body)
		assert.Equal(t, wire.ItemStatus("deleted"), item.Status)
		assert.Equal(t, wire.ItemColor("blue"), state(item.Color))
		assert.Empty(t, item.Extra, "an unknown enum value fits its type")
		assert.JSONEq(t, body, reencoded(t, item))
	})
	t.Run("unknown value sent", func(t *testing.T) {
		assert.JSONEq(t, `{"status":"frozen"}`, sentBody(t, wire.ItemUpdate{Status: wire.Ptr(wire.ItemStatus("frozen"))}))
	})
}

// TestUnionsReceived decodes the two unions of an item: shape, picked by
// its kind (an unknown kind, or none, gives *UnknownShape with the bytes
// received), and contact, picked by the properties present. The item
// encodes back to the same JSON.
func TestUnionsReceived(t *testing.T) {
	tests := []struct {
		name  string
		field string // "shape" or "contact"
		value string
		check func(t *testing.T, item *wire.Item)
	}{
		{"circle", "shape", `{"kind":"circle","radius":2.5}`, func(t *testing.T, item *wire.Item) {
			c, ok := item.Shape.(*wire.Circle)
			require.True(t, ok, "shape is %T", item.Shape)
			assert.Equal(t, wire.Circle{Kind: "circle", Radius: 2.5}, *c)
			assert.Equal(t, "circle", item.Shape.GetKind())
		}},
		{"polygon by its first kind", "shape", `{"kind":"triangle","sides":3}`, func(t *testing.T, item *wire.Item) {
			p, ok := item.Shape.(*wire.Polygon)
			require.True(t, ok, "shape is %T", item.Shape)
			assert.Equal(t, wire.Polygon{Kind: "triangle", Sides: 3}, *p)
		}},
		{"polygon by its second kind", "shape", `{"sides":4,"kind":"quad"}`, func(t *testing.T, item *wire.Item) {
			p, ok := item.Shape.(*wire.Polygon)
			require.True(t, ok, "shape is %T", item.Shape)
			assert.Equal(t, wire.Polygon{Kind: "quad", Sides: 4}, *p)
			assert.Equal(t, "quad", item.Shape.GetKind())
		}},
		{"square", "shape", `{"side":3,"kind":"square"}`, func(t *testing.T, item *wire.Item) {
			s, ok := item.Shape.(*wire.Square)
			require.True(t, ok, "shape is %T", item.Shape)
			assert.Equal(t, wire.Square{Kind: "square", Side: wire.Ptr(3)}, *s)
		}},
		{"a variant's undeclared property", "shape", `{"kind":"circle","radius":1,"color":"red"}`, func(t *testing.T, item *wire.Item) {
			c, ok := item.Shape.(*wire.Circle)
			require.True(t, ok, "shape is %T", item.Shape)
			assert.Equal(t, map[string]json.RawMessage{"color": json.RawMessage(`"red"`)}, c.Extra)
		}},
		{"unknown kind", "shape", `{ "kind" : "hexagon", "sides":6, "at":[1, 2.50,null] }`, func(t *testing.T, item *wire.Item) {
			u, ok := item.Shape.(*wire.UnknownShape)
			require.True(t, ok, "shape is %T", item.Shape)
			assert.Equal(t, "hexagon", u.Type)
			assert.Equal(t, "hexagon", u.GetKind())
			assert.Equal(t, `{ "kind" : "hexagon", "sides":6, "at":[1, 2.50,null] }`, string(u.Raw))
		}},
		{"no kind", "shape", `{"radius":1}`, func(t *testing.T, item *wire.Item) {
			u, ok := item.Shape.(*wire.UnknownShape)
			require.True(t, ok, "shape is %T", item.Shape)
			assert.Empty(t, u.Type)
			assert.Equal(t, `{"radius":1}`, string(u.Raw))
		}},
		{"a duplicate kind: the last decides variant and field", "shape", `{"kind":"square","side":2,"kind":"circle","radius":1}`, func(t *testing.T, item *wire.Item) {
			c, ok := item.Shape.(*wire.Circle)
			require.True(t, ok, "shape is %T", item.Shape)
			assert.Equal(t, "circle", c.Kind)
		}},
		{"a duplicate kind of an unknown value", "shape", `{"kind":"circle","radius":1,"kind":"blob"}`, func(t *testing.T, item *wire.Item) {
			u, ok := item.Shape.(*wire.UnknownShape)
			require.True(t, ok, "shape is %T", item.Shape)
			assert.Equal(t, "blob", u.Type)
		}},
		{"email contact", "contact", `{"email":"a@example.test"}`, func(t *testing.T, item *wire.Item) {
			c, ok := item.Contact.(*wire.EmailContact)
			require.True(t, ok, "contact is %T", item.Contact)
			assert.Equal(t, "a@example.test", c.Email)
		}},
		{"phone contact", "contact", `{"phone":"+1 555"}`, func(t *testing.T, item *wire.Item) {
			c, ok := item.Contact.(*wire.PhoneContact)
			require.True(t, ok, "contact is %T", item.Contact)
			assert.Equal(t, "+1 555", c.Phone)
		}},
		{"post contact, its nullable postcode null", "contact", `{"street":"1 Main St","postcode":null}`, func(t *testing.T, item *wire.Item) {
			c, ok := item.Contact.(*wire.PostContact)
			require.True(t, ok, "contact is %T", item.Contact)
			assert.Equal(t, "1 Main St", c.Street)
			assert.True(t, c.Postcode.IsNull())
		}},
		{"a post contact without its required postcode is none", "contact", `{"street":"1 Main St"}`, func(t *testing.T, item *wire.Item) {
			u, ok := item.Contact.(*wire.UnknownContact)
			require.True(t, ok, "contact is %T", item.Contact)
			assert.Equal(t, `{"street":"1 Main St"}`, string(u.Raw))
		}},
		{"contact of no known shape", "contact", `{"fax":"1"}`, func(t *testing.T, item *wire.Item) {
			u, ok := item.Contact.(*wire.UnknownContact)
			require.True(t, ok, "contact is %T", item.Contact)
			assert.Equal(t, `{"fax":"1"}`, string(u.Raw))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := `{"id":"i1","status":"active","` + tt.field + `":` + tt.value + `}`
			item := getItem(t, body)
			tt.check(t, item)
			assert.JSONEq(t, body, reencoded(t, item))
		})
	}
}

// TestUnmarshalUnion decodes union values on their own, as a test server
// or stored content would.
func TestUnmarshalUnion(t *testing.T) {
	shape, err := wire.UnmarshalShape([]byte(`{"kind":"square","side":2}`))
	require.NoError(t, err)
	assert.Equal(t, &wire.Square{Kind: "square", Side: wire.Ptr(2)}, shape)

	shape, err = wire.UnmarshalShape([]byte(`{"kind":"blob","r":[1]}`))
	require.NoError(t, err)
	assert.Equal(t, &wire.UnknownShape{Type: "blob", Raw: json.RawMessage(`{"kind":"blob","r":[1]}`)}, shape)

	shape, err = wire.UnmarshalShape([]byte(`null`))
	require.NoError(t, err)
	assert.Nil(t, shape)

	_, err = wire.UnmarshalShape([]byte(`{"kind":"circle",`))
	assert.Error(t, err, "malformed JSON")

	contact, err := wire.UnmarshalContact([]byte(`{"phone":"1"}`))
	require.NoError(t, err)
	assert.Equal(t, &wire.PhoneContact{Phone: "1"}, contact)
}

// TestUnionSent posts each kind of shape: the server receives the variant
// with its kind written even when the caller left it empty, an unknown
// shape as its raw bytes, and the SDK decodes the shape it answers.
func TestUnionSent(t *testing.T) {
	tests := []struct {
		name string
		body wire.Shape
		want string
	}{
		{"circle, kind left empty", &wire.Circle{Radius: 1.5}, `{"kind":"circle","radius":1.5}`},
		{"circle, kind set", &wire.Circle{Kind: "circle", Radius: 2}, `{"kind":"circle","radius":2}`},
		{"square, kind left empty", &wire.Square{Side: wire.Ptr(2)}, `{"kind":"square","side":2}`},
		{"unknown shape", &wire.UnknownShape{Type: "blob", Raw: json.RawMessage(`{"kind":"blob","r":[1]}`)}, `{"kind":"blob","r":[1]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				data, err := io.ReadAll(r.Body)
				if err == nil {
					w.Header().Set("Content-Type", "application/json")
					w.WriteHeader(http.StatusCreated)
					_, err = w.Write(data)
				}
				assert.NoError(t, err)
			})
			res, err := srv.client(t).Shapes.Create(t.Context(), tt.body, nil)
			require.NoError(t, err)
			got := srv.only(t)
			assert.Equal(t, "/shapes", got.Path)
			assert.JSONEq(t, tt.want, string(got.Body))

			received, err := wire.UnmarshalShape(got.Body)
			require.NoError(t, err)
			assert.IsType(t, tt.body, received, "the server decodes the variant sent")
			require.NotNil(t, res)
			assert.IsType(t, tt.body, res, "the SDK decodes the variant answered")
			assert.JSONEq(t, tt.want, reencoded(t, res))
		})
	}
}

// TestUndeclaredProperties checks Extra both ways: undeclared properties
// and values that do not fit their declared type are kept and encoded
// back; a field the caller sets wins over the value kept; Extra set by the
// caller is sent.
func TestUndeclaredProperties(t *testing.T) {
	body := `{"id":"i1","status":"active","name":5,"zzz":{"a":[1,2.50,null]},"x-y":null,"note":"n"}`
	item := getItem(t, body)
	assert.Nil(t, item.Name, "5 does not fit a string")
	assert.Equal(t, map[string]json.RawMessage{
		"name": json.RawMessage(`5`),
		"zzz":  json.RawMessage(`{"a":[1,2.50,null]}`),
		"x-y":  json.RawMessage(`null`),
	}, item.Extra)
	assert.Equal(t, "n", state(item.Note))
	assert.JSONEq(t, body, reencoded(t, item))

	item.Name = wire.Ptr("set")
	assert.JSONEq(t, `{"id":"i1","status":"active","name":"set","zzz":{"a":[1,2.50,null]},"x-y":null,"note":"n"}`, reencoded(t, item))

	sent := sentBody(t, wire.ItemUpdate{Name: wire.Ptr("n"), Extra: map[string]json.RawMessage{"custom": json.RawMessage(`{"k":[1]}`)}})
	assert.JSONEq(t, `{"name":"n","custom":{"k":[1]}}`, sent)
}

// TestFreeForm checks that a free-form object keeps its numbers exact
// and its nesting, both ways.
func TestFreeForm(t *testing.T) {
	body := `{"id":"i1","status":"active","metadata":{"big":12345678901234567890,"f":1.50,"nested":{"a":[true,null,"s"]}}}`
	item := getItem(t, body)
	assert.Equal(t, map[string]any{
		"big":    json.Number("12345678901234567890"),
		"f":      json.Number("1.50"),
		"nested": map[string]any{"a": []any{true, nil, "s"}},
	}, item.Metadata)
	out := reencoded(t, item)
	assert.Contains(t, out, `"big":12345678901234567890`)
	assert.Contains(t, out, `"f":1.50`)
	assert.JSONEq(t, body, out)
}

// TestDecodeStartsAfresh: decoding into a struct that holds values leaves
// it with what the JSON says alone, Extra included, and the elements of a
// list never share or inherit each other's fields.
func TestDecodeStartsAfresh(t *testing.T) {
	item := wire.Item{ID: "old", Name: wire.Ptr("old"), Sku: wire.Ptr("old"), Extra: map[string]json.RawMessage{"old": json.RawMessage(`1`)}}
	require.NoError(t, json.Unmarshal([]byte(`{"id":"i2","status":"active","zzz":2}`), &item))
	assert.Equal(t, "i2", item.ID)
	assert.Nil(t, item.Name, "a field the JSON leaves out")
	assert.Nil(t, item.Sku)
	assert.Equal(t, map[string]json.RawMessage{"zzz": json.RawMessage(`2`)}, item.Extra)
	assert.JSONEq(t, `{"id":"i2","status":"active","zzz":2}`, reencoded(t, &item))

	var list wire.ItemList
	require.NoError(t, json.Unmarshal([]byte(`{"items":[{"id":"a","status":"active","name":"A","x":1},{"id":"b","status":"active","y":2}]}`), &list))
	require.Len(t, list.Items, 2)
	assert.Equal(t, "A", *list.Items[0].Name)
	assert.Equal(t, map[string]json.RawMessage{"x": json.RawMessage(`1`)}, list.Items[0].Extra)
	assert.Nil(t, list.Items[1].Name, "not the first element's name")
	assert.Equal(t, map[string]json.RawMessage{"y": json.RawMessage(`2`)}, list.Items[1].Extra, "not the first element's Extra")
}
