package sunco

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestTimeTexts: the text of a decoded timestamp is kept only when the
// SDK would write the time otherwise, and written again while the field
// holds that time in that location.
func TestTimeTexts(t *testing.T) {
	decode := func(ts *timeTexts, key, text string) time.Time {
		var v time.Time
		l := &jsonLexer{data: []byte(`"` + text + `"`)}
		assert.True(t, ts.decoder(key)(&v, l), text)
		return v
	}
	encode := func(ts timeTexts, key string, v time.Time) string {
		var e jsonEncoder
		ts.encoder(key)(&v, &e)
		return string(e.buf)
	}

	var ts timeTexts
	canonical := decode(&ts, "a", "2020-02-25T18:06:37.547Z")
	assert.Empty(t, ts, "a text the SDK writes the same is not kept")
	assert.Equal(t, `"2020-02-25T18:06:37.547Z"`, encode(ts, "a", canonical))

	padded := decode(&ts, "b", "2020-02-25T18:06:37.500+00:00")
	assert.Len(t, ts, 1)
	assert.Equal(t, `"2020-02-25T18:06:37.500+00:00"`, encode(ts, "b", padded))
	assert.Equal(t, `"2020-02-25T18:06:37.5Z"`, encode(ts, "b", padded.UTC()), "the same time in another location")
	assert.Equal(t, `"2020-02-25T18:06:38.5Z"`, encode(ts, "b", padded.Add(time.Second).UTC()))
	assert.Equal(t, `"2020-02-25T18:06:37.547Z"`, encode(ts, "a", canonical), "another key's text is not used")

	decode(&ts, "b", "2020-02-25T18:06:37.5Z")
	assert.Empty(t, ts, "a duplicate key replaces the text")

	var v time.Time
	assert.False(t, ts.decoder("c")(&v, &jsonLexer{data: []byte(`"2020-02-25"`)}))
	assert.False(t, ts.decoder("c")(&v, &jsonLexer{data: []byte(`20200225`)}))
	assert.True(t, v.IsZero())
	assert.Equal(t, "2020-02-25T18:06:37.5Z", formatTime(padded.UTC()))
}

// TestCanonicalTime: what canonicalTime says of a text agrees with
// formatting the time it holds again.
func TestCanonicalTime(t *testing.T) {
	for _, text := range []string{
		"2020-02-25T18:06:37Z",
		"2020-02-25T18:06:37.5Z",
		"2020-02-25T18:06:37.547Z",
		"2020-02-25T18:06:37.123456789Z",
		"2020-02-25T18:06:37.500Z",
		"2020-02-25T18:06:37.000Z",
		"2020-02-25T18:06:37.1234567891Z",
		"2020-02-25T18:06:37+00:00",
		"2020-02-25T20:06:37+02:00",
		"2020-02-25T20:06:37.5+02:00",
		"2020-02-25t18:06:37Z",
		"2020-02-25T18:06:37z",
	} {
		t.Run(text, func(t *testing.T) {
			v, err := time.Parse(timeLayout, text)
			if err != nil {
				assert.False(t, canonicalTime([]byte(text)), "%s does not parse", text)
				return
			}
			if canonicalTime([]byte(text)) {
				assert.Equal(t, text, v.Format(timeLayout))
			}
		})
	}
	assert.True(t, canonicalTime([]byte("2020-02-25T18:06:37.547Z")), "the common form needs no formatting")
}

// TestEncodeTimeYears: a timestamp encodes when RFC 3339 can write its
// year, 0 to 9999, and is an error otherwise, as encoding/json says.
func TestEncodeTimeYears(t *testing.T) {
	for _, year := range []int{-1, 0, 1, 1970, 9999, 10000} {
		v := time.Date(year, time.December, 31, 23, 59, 59, 0, time.UTC)
		want, wantErr := json.Marshal(v)
		var e jsonEncoder
		encodeTime(&v, &e)
		if wantErr != nil {
			assert.Error(t, e.err, "year %d", year)
			continue
		}
		assert.NoError(t, e.err, "year %d", year)
		assert.Equal(t, string(want), string(e.buf), "year %d", year)
	}
}
