package sunco

import (
	"encoding/json"
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
