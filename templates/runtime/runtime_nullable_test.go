package sunco

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNullableState(t *testing.T) {
	tests := []struct {
		name              string
		n                 Nullable[int]
		wantValue         int
		wantOK            bool
		wantNull, wantSet bool
		wantZero          bool
		wantJSON          string
	}{
		{name: "absent", n: Nullable[int]{}, wantZero: true, wantJSON: "null"},
		{name: "null", n: Null[int](), wantNull: true, wantSet: true, wantJSON: "null"},
		{name: "value", n: NewNullable(5), wantValue: 5, wantOK: true, wantSet: true, wantJSON: "5"},
		{name: "zero value", n: NewNullable(0), wantValue: 0, wantOK: true, wantSet: true, wantJSON: "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := tt.n.Get()
			assert.Equal(t, tt.wantValue, v)
			assert.Equal(t, tt.wantOK, ok)
			assert.Equal(t, tt.wantNull, tt.n.IsNull())
			assert.Equal(t, tt.wantSet, tt.n.IsSet())
			assert.Equal(t, tt.wantZero, tt.n.IsZero())
			raw, err := json.Marshal(tt.n)
			require.NoError(t, err)
			assert.Equal(t, tt.wantJSON, string(raw))
		})
	}
}

func TestNullableRoundTrip(t *testing.T) {
	type doc struct {
		X    Nullable[int]      `json:"x,omitzero"`
		Tags Nullable[[]string] `json:"tags,omitzero"`
	}
	tests := []struct {
		name     string
		in       string
		wantX    Nullable[int]
		wantTags Nullable[[]string]
	}{
		{name: "absent stays absent", in: `{}`},
		{name: "null stays null", in: `{"x":null,"tags":null}`, wantX: Null[int](), wantTags: Null[[]string]()},
		{name: "value stays value", in: `{"x":3,"tags":["a","b"]}`, wantX: NewNullable(3), wantTags: NewNullable([]string{"a", "b"})},
		{name: "zero and empty are values", in: `{"x":0,"tags":[]}`, wantX: NewNullable(0), wantTags: NewNullable([]string{})},
		{name: "mixed", in: `{"x":null,"tags":["a"]}`, wantX: Null[int](), wantTags: NewNullable([]string{"a"})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			require.NoError(t, json.Unmarshal([]byte(tt.in), &d))
			assert.Equal(t, tt.wantX, d.X)
			assert.Equal(t, tt.wantTags, d.Tags)
			out, err := json.Marshal(d)
			require.NoError(t, err)
			assert.JSONEq(t, tt.in, string(out))
		})
	}
}

func TestNullableUnmarshalError(t *testing.T) {
	var n Nullable[int]
	require.Error(t, json.Unmarshal([]byte(`"three"`), &n))
	assert.False(t, n.IsSet())
}

func TestPtr(t *testing.T) {
	p := Ptr("hi")
	require.NotNil(t, p)
	assert.Equal(t, "hi", *p)
	v := 25
	q := Ptr(v)
	*q = 26
	assert.Equal(t, 25, v, "Ptr points to a copy")
}

func TestNullableFormat(t *testing.T) {
	type author struct{ Name string }
	tests := []struct {
		name       string
		value      any
		wantString string
		wantGo     string
	}{
		{name: "absent string", value: Nullable[string]{}, wantString: "<absent>", wantGo: "sunco.Nullable[string]{}"},
		{name: "null string", value: Null[string](), wantString: "null", wantGo: "sunco.Null[string]()"},
		{name: "string", value: NewNullable("x"), wantString: "x", wantGo: `sunco.NewNullable[string]("x")`},
		{name: "empty string", value: NewNullable(""), wantString: "", wantGo: `sunco.NewNullable[string]("")`},
		{name: "zero int64", value: NewNullable[int64](0), wantString: "0", wantGo: "sunco.NewNullable[int64](0)"},
		{name: "slice", value: NewNullable([]string{"a"}), wantString: "[a]", wantGo: `sunco.NewNullable[[]string]([]string{"a"})`},
		{name: "struct", value: NewNullable(author{"Ann"}), wantString: "{Ann}", wantGo: `sunco.NewNullable[sunco.author](sunco.author{Name:"Ann"})`},
		{name: "null struct", value: Null[author](), wantString: "null", wantGo: "sunco.Null[sunco.author]()"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.wantString, fmt.Sprint(tt.value))
			assert.Equal(t, tt.wantString, fmt.Sprintf("%v", tt.value))
			assert.Equal(t, tt.wantGo, fmt.Sprintf("%#v", tt.value))
		})
	}
}

func TestNullableInStruct(t *testing.T) {
	type patch struct {
		Name  Nullable[string]
		Email Nullable[string]
		Age   Nullable[int]
	}
	p := patch{Name: NewNullable("Ann"), Email: Null[string]()}
	assert.Equal(t, "{Ann null <absent>}", fmt.Sprint(p))
	assert.Equal(t, "{Name:Ann Email:null Age:<absent>}", fmt.Sprintf("%+v", p))
	assert.Equal(t, `sunco.patch{Name:sunco.NewNullable[string]("Ann"), Email:sunco.Null[string](), Age:sunco.Nullable[int]{}}`, fmt.Sprintf("%#v", p))
}
