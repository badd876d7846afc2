package suncotest

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The types below have the shapes of a generated SDK's: JSON tags, with
// omitempty or omitzero on optional fields; an Extra keeping what does not
// fit; a sealed union with an Unknown variant; an enum; a Nullable.

type color string

type shape interface{ isShape() }

type circle struct {
	Kind   string                     `json:"kind"`
	Radius float64                    `json:"radius"`
	Extra  map[string]json.RawMessage `json:"-"`
}

type unknownShape struct {
	Type string
	Raw  json.RawMessage
}

func (*circle) isShape()       {}
func (*unknownShape) isShape() {}

type Nullable[T any] struct {
	value T
	set   bool
}

func (n Nullable[T]) Get() (T, bool) { return n.value, n.set }

type drawing struct {
	Title   string                     `json:"title"`
	Color   *color                     `json:"color,omitempty"`
	Shapes  []shape                    `json:"shapes,omitzero"`
	Layers  map[string]layer           `json:"layers,omitzero"`
	Caption Nullable[layer]            `json:"caption,omitzero"`
	At      time.Time                  `json:"at,omitzero"`
	Extra   map[string]json.RawMessage `json:"-"`
}

type layer struct {
	Name  string                     `json:"name"`
	Extra map[string]json.RawMessage `json:"-"`
}

var testTypes = sdkTypes{
	unknown: map[reflect.Type]unknownVariant{reflect.TypeFor[*unknownShape](): {union: "Shape", discriminator: "kind"}},
	enums:   map[reflect.Type][]string{reflect.TypeFor[color](): {"red", "blue"}},
}

func TestCheck(t *testing.T) {
	red, green := color("red"), color("green")
	tests := []struct {
		name  string
		value drawing // as the SDK would decode raw
		raw   string
		want  []string
	}{
		{"all there", drawing{Title: "t", Color: &red}, `{"title": "t", "color": "red"}`, nil},
		{"a required property absent", drawing{}, `{}`, []string{"body.title is required"}},
		{"an optional property absent", drawing{Title: "t"}, `{"title": "t"}`, nil},
		{"a value that does not fit, kept in Extra",
			drawing{Extra: map[string]json.RawMessage{"title": json.RawMessage(`7`)}}, `{"title": 7}`,
			[]string{"body.title is a number, not a string"}},
		{"null for a property that is not nullable",
			drawing{Title: "t", Extra: map[string]json.RawMessage{"color": json.RawMessage(`null`)}}, `{"title": "t", "color": null}`,
			[]string{"body.color is null, not a string"}},
		{"an enum value of none of its values", drawing{Title: "t", Color: &green}, `{"title": "t", "color": "green"}`,
			[]string{`body.color is "green", not one of "red", "blue"`}},
		{"in a slice of union values",
			drawing{Title: "t", Shapes: []shape{&circle{Kind: "circle"}, &unknownShape{Type: "hexagon"}, &circle{Extra: map[string]json.RawMessage{"kind": json.RawMessage(`1`)}}}},
			`{"title": "t", "shapes": [{"kind": "circle", "radius": 1}, {"kind": "hexagon"}, {"kind": 1, "radius": 1}]}`,
			[]string{`body.shapes[1] is no Shape: no variant has "kind" "hexagon"`, "body.shapes[2].kind is a number, not a string"}},
		{"a union value of null", drawing{Title: "t", Shapes: []shape{&unknownShape{Raw: json.RawMessage("null")}}}, `{"title": "t", "shapes": [null]}`,
			[]string{"body.shapes[0] is null, not a Shape"}},
		{"in a map, by key", drawing{Title: "t", Layers: map[string]layer{"b": {}, "a": {}}}, `{"title": "t", "layers": {"b": {}, "a": {}}}`,
			[]string{`body.layers["a"].name is required`, `body.layers["b"].name is required`}},
		{"in a Nullable", drawing{Title: "t", Caption: Nullable[layer]{set: true}}, `{"title": "t", "caption": {}}`,
			[]string{"body.caption.name is required"}},
		{"a Nullable that is null", drawing{Title: "t"}, `{"title": "t", "caption": null}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := decodeRaw([]byte(tt.raw))
			require.NoError(t, err)
			assert.Equal(t, tt.want, testTypes.check("body", reflect.ValueOf(tt.value), raw))
		})
	}
}

// TestCheckParameter: a parameter, which has no JSON, is checked for its
// enum values alone.
func TestCheckParameter(t *testing.T) {
	assert.Empty(t, testTypes.check("c", reflect.ValueOf(color("red")), nil))
	assert.Equal(t, []string{`c is "pink", not one of "red", "blue"`}, testTypes.check("c", reflect.ValueOf(color("pink")), nil))
	assert.Empty(t, testTypes.check("d", reflect.ValueOf(drawing{}), nil), "no JSON, no required properties")
}

func TestDecodeRaw(t *testing.T) {
	v, err := decodeRaw([]byte(`{"n": 1.50}`))
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"n": json.Number("1.50")}, v)
	_, err = decodeRaw([]byte(`{} {}`))
	assert.EqualError(t, err, "more than one value")
	_, err = decodeRaw([]byte(`{`))
	assert.Error(t, err)
}

// TestKinds: what a refusal says a JSON value is, and what a field takes.
func TestKinds(t *testing.T) {
	t.Run("JSON values", func(t *testing.T) {
		for raw, want := range map[string]string{
			`null`: "null", `"s"`: "a string", `1.5`: "a number", `true`: "a boolean", `[1]`: "an array", `{"a": 1}`: "an object",
		} {
			v, err := decodeRaw([]byte(raw))
			require.NoError(t, err)
			assert.Equal(t, want, jsonKind(v), raw)
		}
	})
	t.Run("Go fields", func(t *testing.T) {
		tests := []struct {
			typ  reflect.Type
			want string
		}{
			{reflect.TypeFor[time.Time](), "a timestamp"},
			{reflect.TypeFor[*time.Time](), "a timestamp"},
			{reflect.TypeFor[string](), "a string"},
			{reflect.TypeFor[*color](), "a string"},
			{reflect.TypeFor[int](), "an integer"},
			{reflect.TypeFor[int64](), "an integer"},
			{reflect.TypeFor[float64](), "a number"},
			{reflect.TypeFor[bool](), "a boolean"},
			{reflect.TypeFor[[]layer](), "an array"},
			{reflect.TypeFor[Nullable[int]](), "an integer or null"},
			{reflect.TypeFor[Nullable[layer]](), "an object or null"},
			{reflect.TypeFor[layer](), "an object"},
			{reflect.TypeFor[map[string]int](), "an object"},
		}
		for _, tt := range tests {
			assert.Equal(t, tt.want, goKind(tt.typ), tt.typ.String())
		}
	})
	t.Run("a value of no variant of a union without a discriminator", func(t *testing.T) {
		u := unknownVariant{union: "Contact"}
		raw, err := decodeRaw([]byte(`{"fax": "1"}`))
		require.NoError(t, err)
		assert.Equal(t, "body.contact is no Contact: it matches none of its variants", u.problem("body.contact", reflect.ValueOf(unknownShape{}), raw))
	})
}
