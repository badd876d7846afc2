package sunco

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lexerValid reports whether the lexer takes data as one JSON document.
func lexerValid(data []byte) bool {
	l := jsonLexer{data: data}
	l.skip()
	l.end()
	return l.err == nil
}

// lexerAny decodes data as a free-form value.
func lexerAny(data []byte) (any, error) {
	var v any
	err := unmarshalJSON(data, &v, decodeAny, "any")
	return v, err
}

// stdAny decodes data as encoding/json does into an any with UseNumber.
func stdAny(data []byte) (any, error) {
	if !json.Valid(data) {
		return nil, json.Unmarshal(data, new(any))
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	err := d.Decode(&v)
	return v, err
}

// lexerSeeds are documents at the edges of the grammar, valid or not.
var lexerSeeds = []string{
	``, ` `, `null`, `nul`, `nulll`, `true`, `tru`, `false`, `falsy`, `0`, `-0`, `-`, `01`, `1.`, `1.5`,
	`.5`, `1e`, `1e+`, `1E-7`, `1e400`, `-1.5e-300`, `123456789012345678901234567890`,
	`""`, `"a"`, `"\u00e9\ud83d\ude00"`, `"\ud83d"`, `"\ude00\ud83d"`, `"\ud83dx"`, `"\ud83d\u0041"`,
	`"\x"`, `"\u12"`, `"\u12g4"`, "\"a\tb\"", "\"\x7f\"", "\"\xff\xfe\"", "\"\xed\xa0\x80\"", `"\/\b\f\n\r\t\\\""`,
	`"unterminated`, `"\`, `"\u`, `"\u1`, `"\u123`, `"\u1234`, `{"a":"\u00`, `"\ud83d\u`, `"\ud83d\ude0`, `[]`, `[1,]`, `[,1]`, `[1 2]`, `[1,2`, `[`, `]`, `{}`, `{"a":1}`, `{"a" 1}`,
	`{"a":}`, `{"a":1,}`, `{,"a":1}`, `{"a":1 "b":2}`, `{1:2}`, `{"a":1}}`, `{"a":[{"b":null}]}`,
	` {"a" : [ 1 , 2 ] } `, `{"a":1,"a":2}`, `{"\u0061":1,"a":2}`, "{\"\xff\":1}", `[1]x`, `1 2`,
	`{"a":{"b":{"c":[true,false,null,"x",-1.5e3]}}}`, "\t\n\r null \n",
	`{"a":"x","a":"y"}`, `{"b":{"a":"no"},"a":"yes","c":["a",{"a":1}]}`, `{"\u0061":"esc","b":1}`, `{"a":"\"q\\"}`,
	`{"x":"\\\"","a":"z"}`, `{"a":"x","a":1}`, `{"a":1,"a":"x"}`, `{ "a" : "x" , "a" : null }`, `{"a":"x"`, `{"a":"\q"}`,
}

// TestLexerAgreesWithEncodingJSON checks validity and free-form decoding
// of the edge cases against encoding/json.
func TestLexerAgreesWithEncodingJSON(t *testing.T) {
	for _, doc := range lexerSeeds {
		t.Run(doc, func(t *testing.T) {
			checkAgainstEncodingJSON(t, []byte(doc))
		})
	}
}

// FuzzLexer compares the lexer with encoding/json on arbitrary bytes:
// validity must agree exactly with json.Valid, free-form values with
// what encoding/json decodes with UseNumber, and a decoded value must
// encode to the same value again.
//
//	go test ./templates/runtime -run '^$' -fuzz FuzzLexer -fuzztime 30s
func FuzzLexer(f *testing.F) {
	for _, doc := range lexerSeeds {
		f.Add([]byte(doc))
	}
	f.Fuzz(checkAgainstEncodingJSON)
}

func checkAgainstEncodingJSON(t *testing.T, data []byte) {
	valid := json.Valid(data)
	require.Equal(t, valid, lexerValid(data), "validity of %q", data)
	l := jsonLexer{data: data}
	l.discriminator("a") // whatever data holds, without panicking
	got, err := lexerAny(data)
	want, wantErr := stdAny(data)
	if !valid {
		require.Error(t, err)
		require.Error(t, wantErr)
		var je *jsonError
		require.ErrorAs(t, err, &je)
		require.LessOrEqual(t, je.Offset, len(data))
		return
	}
	require.NoError(t, err)
	require.NoError(t, wantErr)
	require.Equal(t, want, got, "decoding %q", data)
	if obj, ok := want.(map[string]any); ok {
		// The look ahead for a discriminator finds the member encoding/json
		// keeps: the last.
		l := jsonLexer{data: data}
		value, ok := l.discriminator("a")
		require.True(t, ok)
		wantValue, isString := obj["a"].(string)
		assert.Equal(t, isString, value != nil, "a string discriminator in %q", data)
		assert.Equal(t, wantValue, string(value), "discriminator of %q", data)
		assert.Nil(t, l.err)
		assert.Equal(t, 0, l.depth)
		assert.Equal(t, len(data)-len(bytes.TrimLeft(data, " \t\r\n")), l.pos, "nothing consumed")
	}

	var e jsonEncoder
	encodeAny(&got, &e)
	require.NoError(t, e.err)
	again, err := stdAny(e.buf)
	require.NoError(t, err, "encoded %q as %q", data, e.buf)
	require.Equal(t, want, again, "%q re-encoded as %q", data, e.buf)
}

// TestLexerDepth checks the documented nesting limit, which is
// encoding/json's.
func TestLexerDepth(t *testing.T) {
	tests := []struct {
		name  string
		depth int
		open  string
		close string
		valid bool
	}{
		{name: "arrays at the limit", depth: maxJSONDepth, open: "[", close: "]", valid: true},
		{name: "arrays past the limit", depth: maxJSONDepth + 1, open: "[", close: "]"},
		{name: "objects at the limit", depth: maxJSONDepth, open: `{"a":`, close: "}", valid: true},
		{name: "objects past the limit", depth: maxJSONDepth + 1, open: `{"a":`, close: "}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := []byte(strings.Repeat(tt.open, tt.depth) + "1" + strings.Repeat(tt.close, tt.depth))
			require.Equal(t, tt.valid, json.Valid(doc), "encoding/json's limit moved")
			assert.Equal(t, tt.valid, lexerValid(doc))
			_, err := lexerAny(doc)
			if tt.valid {
				assert.NoError(t, err)
				return
			}
			assert.ErrorContains(t, err, "exceeded max depth")
			assert.ErrorContains(t, err, "…", "a deep path is shortened")
		})
	}
}

// TestLexerErrors checks that an error gives the offset of the offending
// byte and the path of the value it is in.
func TestLexerErrors(t *testing.T) {
	tests := []struct {
		doc    string
		offset int
		path   string
		msg    string
	}{
		{doc: ``, offset: 0, msg: "unexpected end of JSON input"},
		{doc: `x`, offset: 0, msg: "invalid character 'x' looking for beginning of value"},
		{doc: `{"a":1,}`, offset: 7, msg: "invalid character '}' looking for beginning of object key string"},
		{doc: `{"messages":[{"id":"1"},{"content":{"text":"a` + "\x01" + `"}}]}`, offset: 45, path: "messages[1].content.text", msg: "in string literal"},
		{doc: `{"a":[1,2,x]}`, offset: 10, path: "a[2]", msg: "invalid character 'x'"},
		{doc: `{"a":{"b":1} "c":2}`, offset: 13, path: "a", msg: "after object key:value pair"},
		{doc: `{"a\"b":tru}`, offset: 11, path: `a"b`, msg: "in literal true"},
		{doc: `[1] 2`, offset: 4, msg: "after top-level value"},
		{doc: `{"a":"\q"}`, offset: 7, path: "a", msg: "in string escape code"},
	}
	for _, tt := range tests {
		t.Run(tt.doc, func(t *testing.T) {
			_, err := lexerAny([]byte(tt.doc))
			var je *jsonError
			require.ErrorAs(t, err, &je)
			assert.Equal(t, tt.offset, je.Offset)
			assert.Equal(t, tt.path, je.Path)
			assert.Contains(t, je.Msg, tt.msg)
			if tt.path != "" {
				assert.True(t, strings.HasPrefix(err.Error(), tt.path+": invalid JSON at offset "), err.Error())
			}
		})
	}
}

// TestReadStringNoCopy checks that a string without escapes is read in
// place, and one with escapes into the buffer.
func TestReadStringNoCopy(t *testing.T) {
	data := []byte(`"plain é" "esc\n"`)
	l := jsonLexer{data: data}
	var buf []byte
	s, ok := l.readString(&buf)
	require.True(t, ok)
	assert.Equal(t, "plain é", string(s))
	assert.Same(t, &data[1], &s[0], "read in place")
	l.next()
	s, ok = l.readString(&buf)
	require.True(t, ok)
	assert.Equal(t, "esc\n", string(s))
	assert.Same(t, &buf[0], &s[0], "unescaped into the buffer")
}

// FuzzEncodeString checks string escaping against encoding/json without
// HTML escaping, which it must match byte for byte.
func FuzzEncodeString(f *testing.F) {
	for _, s := range []string{"", "a", "\"\\/\b\f\n\r\t\x00\x1f\x7f", "<>&", "é\u2028\u2029😀", "\xff\xed\xa0\x80", "a\xc3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(s))
		assert.Equal(t, strings.TrimSuffix(want.String(), "\n"), string(appendJSONString(nil, s)))
		assert.Equal(t, strings.TrimSuffix(want.String(), "\n"), string(appendJSONString(nil, []byte(s))))
		if utf8.ValidString(s) {
			var back string
			require.NoError(t, unmarshalJSON(appendJSONString(nil, s), &back, decodeString, "string"))
			assert.Equal(t, s, back)
		}
	})
}

// FuzzDecodeNumber: a number decodes into a float64 and an int64 exactly
// as encoding/json decodes it, to the bit (so -0 keeps its sign), or is
// refused where encoding/json refuses it.
func FuzzDecodeNumber(f *testing.F) {
	for _, lit := range []string{"0", "-0", "-0.0", "-0e3", "7", "-7", "1.5", "1e3", "1E+2", "123456789012345",
		"-123456789012345", "1234567890123456", "9007199254740993", "9223372036854775807", "-9223372036854775808",
		"9223372036854775808", "1e400", "-1e-400", "5e-324", "007", "-01", "1.", ".5", "+1", "1e", "-"} {
		f.Add(lit)
	}
	f.Fuzz(func(t *testing.T, lit string) {
		var wantF float64
		wantErr := json.Unmarshal([]byte(lit), &wantF)
		var gotF float64
		gotErr := unmarshalJSON([]byte(lit), &gotF, decodeFloat64, "float64")
		if wantErr != nil {
			assert.Error(t, gotErr, "float64 of %q", lit)
		} else if assert.NoError(t, gotErr, "float64 of %q", lit) {
			assert.Equal(t, math.Float64bits(wantF), math.Float64bits(gotF), "float64 of %q: %v, want %v", lit, gotF, wantF)
		}

		var wantI int64
		wantErr = json.Unmarshal([]byte(lit), &wantI)
		var gotI int64
		gotErr = unmarshalJSON([]byte(lit), &gotI, decodeInt[int64], "int64")
		if wantErr != nil {
			assert.Error(t, gotErr, "int64 of %q", lit)
		} else if assert.NoError(t, gotErr, "int64 of %q", lit) {
			assert.Equal(t, wantI, gotI, "int64 of %q", lit)
		}
	})
}

// FuzzEncodeFloat checks number formatting against encoding/json, and
// that the text decodes to the same float64, to the bit.
func FuzzEncodeFloat(f *testing.F) {
	for _, x := range []float64{0, math.Copysign(0, -1), 1, -1.5, 1e20, 1e21, 1e-6, 1e-7, 123456789.125, 5e-324, 1.7976931348623157e308} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		got, err := appendJSONFloat(nil, x)
		want, wantErr := json.Marshal(x)
		if wantErr != nil {
			assert.Error(t, err)
			return
		}
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got))
		var back float64
		require.NoError(t, unmarshalJSON(got, &back, decodeFloat64, "float64"))
		assert.Equal(t, math.Float64bits(x), math.Float64bits(back), "%v decoded as %v", x, back)
	})
}
