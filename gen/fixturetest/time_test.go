package fixturetest

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/fixturetest/wire"
)

// A timestamp of the fixture's examples: 2020-02-25T18:06:37.547Z.
var stamp = time.Date(2020, 2, 25, 18, 6, 37, 547e6, time.UTC)

// TestTimestampsDecode: properties of format date-time are time.Time
// forms, as their optionality says: *time.Time, Nullable[time.Time] and,
// required, time.Time.
func TestTimestampsDecode(t *testing.T) {
	item := getItem(t, `{"id":"i1","status":"active","createdAt":"2020-02-25T18:06:37.547Z",`+
		`"updatedAt":"2020-02-25T20:06:37.547+02:00","owner":{"name":"ann","since":"2020-02-25T18:06:37.547Z","home":{}}}`)
	require.NotNil(t, item.CreatedAt)
	assert.Equal(t, stamp, *item.CreatedAt)
	assert.True(t, stamp.Equal(item.GetUpdatedAt()), "%v", item.GetUpdatedAt())
	_, offset := item.GetUpdatedAt().Zone()
	assert.Equal(t, 2*3600, offset, "the offset received is kept")
	assert.Equal(t, stamp, item.GetOwner().GetSince())
	assert.Empty(t, item.Extra)

	null := getItem(t, `{"id":"i1","status":"active","updatedAt":null}`)
	assert.True(t, null.UpdatedAt.IsNull())
	assert.True(t, null.GetUpdatedAt().IsZero())
	assert.Nil(t, null.CreatedAt)
}

// TestTimestampsLenient: text that is no RFC 3339 timestamp does not fail
// the call: the field stays zero, the value is kept in Extra and encoded
// again as it came.
func TestTimestampsLenient(t *testing.T) {
	tests := []struct{ name, value string }{
		{"words", `"yesterday"`},
		{"a date alone", `"2020-02-25"`},
		{"no zone", `"2020-02-25T18:06:37.547"`},
		{"a number", `1582654000`},
		{"an object", `{"at":"2020-02-25T18:06:37.547Z"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := `{"id":"i1","status":"active","createdAt":` + tt.value + `}`
			item := getItem(t, body)
			assert.Nil(t, item.CreatedAt)
			assert.True(t, item.GetCreatedAt().IsZero())
			assert.JSONEq(t, tt.value, string(item.Extra["createdAt"]))
			assert.JSONEq(t, body, reencoded(t, item))
		})
	}
}

// TestTimestampsKeepTheirText: a timestamp decoded and not changed encodes
// as the text it was received as, even where the SDK would write the same
// time otherwise; one the caller changes, or sets, is written in RFC 3339
// with as many fractional digits as it needs.
func TestTimestampsKeepTheirText(t *testing.T) {
	tests := []struct {
		name, text string
		change     func(*wire.Item)
		want       string
	}{
		{"canonical", "2020-02-25T18:06:37.547Z", nil, "2020-02-25T18:06:37.547Z"},
		{"trailing zeros", "2020-02-25T18:06:37.500Z", nil, "2020-02-25T18:06:37.500Z"},
		{"no fraction, +00:00", "2020-02-25T18:06:37+00:00", nil, "2020-02-25T18:06:37+00:00"},
		{"an offset", "2020-02-25T20:06:37.000+02:00", nil, "2020-02-25T20:06:37.000+02:00"},
		{
			"changed",
			"2020-02-25T18:06:37.500Z",
			func(i *wire.Item) { i.CreatedAt = wire.Ptr(i.CreatedAt.Add(time.Second)) },
			"2020-02-25T18:06:38.5Z",
		},
		{
			"the same time elsewhere",
			"2020-02-25T20:06:37.000+02:00",
			func(i *wire.Item) { i.CreatedAt = wire.Ptr(i.CreatedAt.UTC()) },
			"2020-02-25T18:06:37Z",
		},
		{
			"set by the caller",
			"2020-02-25T18:06:37.500Z",
			func(i *wire.Item) { i.CreatedAt = wire.Ptr(stamp) },
			"2020-02-25T18:06:37.547Z",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			item := getItem(t, `{"id":"i1","status":"active","createdAt":"`+tt.text+`","updatedAt":"`+tt.text+`"}`)
			if tt.change != nil {
				tt.change(item)
			}
			var got struct{ CreatedAt, UpdatedAt string }
			require.NoError(t, json.Unmarshal([]byte(reencoded(t, item)), &got))
			assert.Equal(t, tt.want, got.CreatedAt)
			assert.Equal(t, tt.text, got.UpdatedAt, "the nullable one, unchanged")
		})
	}
}

// TestTimestampsEncode: timestamps built by hand, optional, nullable and
// required, encode in RFC 3339; null clears a nullable one.
func TestTimestampsEncode(t *testing.T) {
	item := wire.Item{
		ID:        "i1",
		Status:    wire.ItemStatusActive,
		CreatedAt: wire.Ptr(stamp),
		UpdatedAt: wire.Null[time.Time](),
		Owner:     &wire.Owner{Name: "ann", Since: stamp.In(time.FixedZone("", -5*3600))},
	}
	assert.JSONEq(t, `{"id":"i1","status":"active","createdAt":"2020-02-25T18:06:37.547Z","updatedAt":null,`+
		`"owner":{"name":"ann","since":"2020-02-25T13:06:37.547-05:00","home":{}}}`, reencoded(t, item))

	_, err := json.Marshal(wire.Item{ID: "i1", CreatedAt: wire.Ptr(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))})
	assert.ErrorContains(t, err, "year outside of range")
}
