package sunco

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIsNull(t *testing.T) {
	tests := []struct {
		name string
		data string
		want bool
	}{
		{name: "absent", data: "", want: true},
		{name: "null", data: "null", want: true},
		{name: "null with whitespace", data: " \n\tnull \r\n", want: true},
		{name: "only whitespace", data: "  ", want: true},
		{name: "object", data: "{}", want: false},
		{name: "string null", data: `"null"`, want: false},
		{name: "capitalised", data: "Null", want: false},
		{name: "prefix of null", data: "nul", want: false},
		{name: "null followed by more", data: "null1", want: false},
		{name: "false", data: "false", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, isNull([]byte(tt.data)))
		})
	}
}

func TestDiscriminator(t *testing.T) {
	tests := []struct {
		name     string
		data     string
		property string
		want     string
		wantErr  bool
	}{
		{name: "string value", data: `{"type":"text","text":"hi"}`, property: "type", want: "text"},
		{name: "other property", data: `{"type":"text","kind":"k"}`, property: "kind", want: "k"},
		{name: "escaped value", data: `{"type":"a\u003ab"}`, property: "type", want: "a:b"},
		{name: "missing", data: `{"text":"hi"}`, property: "type", want: ""},
		{name: "null value", data: `{"type":null}`, property: "type", want: ""},
		{name: "number value", data: `{"type":7}`, property: "type", want: ""},
		{name: "object value", data: `{"type":{"a":"b"}}`, property: "type", want: ""},
		{name: "case matters", data: `{"Type":"text"}`, property: "type", want: ""},
		{name: "last duplicate wins", data: `{"type":"a","type":"b"}`, property: "type", want: "b"},
		{name: "empty object", data: `{}`, property: "type", want: ""},
		{name: "JSON null", data: `null`, property: "type", want: ""},
		{name: "array", data: `[{"type":"text"}]`, property: "type", wantErr: true},
		{name: "string", data: `"text"`, property: "type", wantErr: true},
		{name: "invalid JSON", data: `{"type":`, property: "type", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := discriminator([]byte(tt.data), tt.property)
			if tt.wantErr {
				require.Error(t, err)
				assert.Empty(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestPickVariant(t *testing.T) {
	// Shapes of three alternatives, as a generated decoder lists them.
	variants := []variantShape{
		{properties: []string{"id", "name"}, required: []string{"id"}},
		{properties: []string{"id", "name", "email"}, required: []string{"email"}},
		{properties: []string{"url", "name"}},
	}
	tests := []struct {
		name     string
		data     string
		variants []variantShape // default variants
		want     int
		wantErr  bool
	}{
		{name: "only one has the required property", data: `{"id":"1"}`, want: 0},
		{name: "most properties wins", data: `{"id":"1","name":"n","email":"e"}`, want: 1},
		{name: "required property missing excludes", data: `{"name":"n","email":"e"}`, want: 1},
		{name: "variant without required properties", data: `{"url":"u"}`, want: 2},
		{name: "tie goes to the first", data: `{"id":"1","name":"n"}`, want: 0},
		{name: "tie between variants without required", data: `{"name":"n"}`, variants: []variantShape{{properties: []string{"name"}}, {properties: []string{"name"}}}, want: 0},
		{name: "required present but nothing in common", data: `{"email":"e"}`, variants: []variantShape{{properties: []string{"id"}, required: []string{"email"}}}, want: -1},
		{name: "unknown properties only", data: `{"other":1}`, want: -1},
		{name: "empty object", data: `{}`, want: -1},
		{name: "null value still counts as present", data: `{"email":null,"name":null}`, want: 1},
		{name: "no variants", data: `{"id":"1"}`, variants: []variantShape{}, want: -1},
		{name: "JSON null", data: `null`, wantErr: true},
		{name: "array", data: `[]`, wantErr: true},
		{name: "invalid JSON", data: `{`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vs := tt.variants
			if vs == nil {
				vs = variants
			}
			got, err := pickVariant([]byte(tt.data), vs)
			if tt.wantErr {
				require.Error(t, err)
				assert.Equal(t, -1, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestUnknownJSON(t *testing.T) {
	tests := []struct {
		name string
		raw  json.RawMessage
		want string
	}{
		{name: "nil is null", raw: nil, want: "null"},
		{name: "empty is null", raw: json.RawMessage{}, want: "null"},
		{name: "kept as it is", raw: json.RawMessage(`{ "b":1, "a":[2] }`), want: `{ "b":1, "a":[2] }`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := unknownJSON(tt.raw)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))
		})
	}
}

// decodeTestInt is a decoder for the decodeSlice/Map/Nullable tests: it
// parses a decimal string and fails on anything else.
func decodeTestInt(s string) (int, error) {
	return strconv.Atoi(s)
}

func TestDecodeSlice(t *testing.T) {
	tests := []struct {
		name    string
		raws    []string
		want    []int
		wantErr bool
	}{
		{name: "nil stays nil", raws: nil, want: nil},
		{name: "empty stays empty", raws: []string{}, want: []int{}},
		{name: "each decoded in order", raws: []string{"3", "1", "2"}, want: []int{3, 1, 2}},
		{name: "an error fails the whole", raws: []string{"1", "x", "3"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeSlice(tt.raws, decodeTestInt)
			if tt.wantErr {
				require.Error(t, err)
				assert.Nil(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.raws == nil, got == nil, "nil-ness")
		})
	}
}

func TestDecodeMap(t *testing.T) {
	tests := []struct {
		name    string
		raws    map[string]string
		want    map[string]int
		wantErr bool
	}{
		{name: "nil stays nil", raws: nil, want: nil},
		{name: "empty stays empty", raws: map[string]string{}, want: map[string]int{}},
		{name: "each decoded", raws: map[string]string{"a": "1", "b": "2"}, want: map[string]int{"a": 1, "b": 2}},
		{name: "an error fails the whole", raws: map[string]string{"a": "1", "b": "x"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeMap(tt.raws, decodeTestInt)
			if tt.wantErr {
				require.Error(t, err)
				assert.Nil(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.raws == nil, got == nil, "nil-ness")
		})
	}
}

func TestDecodeNullable(t *testing.T) {
	tests := []struct {
		name    string
		raw     Nullable[string]
		want    Nullable[int]
		wantErr bool
	}{
		{name: "absent stays absent", raw: Nullable[string]{}, want: Nullable[int]{}},
		{name: "null stays null", raw: Null[string](), want: Null[int]()},
		{name: "value is decoded", raw: NewNullable("42"), want: NewNullable(42)},
		{name: "zero value is a value", raw: NewNullable("0"), want: NewNullable(0)},
		{name: "decoder error", raw: NewNullable("x"), wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeNullable(tt.raw, decodeTestInt)
			if tt.wantErr {
				require.Error(t, err)
				assert.False(t, got.IsSet())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.raw.IsSet(), got.IsSet(), "IsSet")
			assert.Equal(t, tt.raw.IsNull(), got.IsNull(), "IsNull")
		})
	}
}

func TestExtraProperties(t *testing.T) {
	tests := []struct {
		name     string
		data     string
		declared []string
		want     map[string]string
		wantErr  bool
	}{
		{name: "none undeclared", data: `{"a":1,"b":2}`, declared: []string{"a", "b"}, want: nil},
		{name: "empty object", data: `{}`, declared: []string{"a"}, want: nil},
		{name: "nothing declared", data: `{"a":1}`, want: map[string]string{"a": "1"}},
		{name: "undeclared kept raw", data: `{"a":1,"x":{ "y" : [1, 2] },"z":null}`, declared: []string{"a"}, want: map[string]string{"x": `{ "y" : [1, 2] }`, "z": "null"}},
		{name: "declared but absent", data: `{"x":true}`, declared: []string{"a", "b"}, want: map[string]string{"x": "true"}},
		{name: "names match in any case, as encoding/json does", data: `{"A":1,"b":2}`, declared: []string{"a"}, want: map[string]string{"b": "2"}},
		{name: "JSON null", data: `null`, declared: []string{"a"}, want: nil},
		{name: "array", data: `[1]`, wantErr: true},
		{name: "invalid JSON", data: `{"a":`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extraProperties([]byte(tt.data), tt.declared...)
			if tt.wantErr {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			if tt.want == nil {
				assert.Nil(t, got)
				return
			}
			require.Len(t, got, len(tt.want))
			for k, v := range tt.want {
				assert.Equal(t, v, string(got[k]), "property %q", k)
			}
		})
	}
}

func TestWithExtra(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		extra map[string]json.RawMessage
		want  string // exact bytes
	}{
		{name: "no extra", data: `{"a":1}`, extra: nil, want: `{"a":1}`},
		{name: "empty extra", data: `{"a":1}`, extra: map[string]json.RawMessage{}, want: `{"a":1}`},
		{name: "appended", data: `{"a":1}`, extra: map[string]json.RawMessage{"b": json.RawMessage(`[2]`)}, want: `{"a":1,"b":[2]}`},
		{name: "into an empty object", data: `{}`, extra: map[string]json.RawMessage{"b": json.RawMessage(`2`)}, want: `{"b":2}`},
		{
			name:  "in name order",
			data:  `{"m":0}`,
			extra: map[string]json.RawMessage{"z": json.RawMessage(`1`), "a": json.RawMessage(`2`), "k": json.RawMessage(`3`)},
			want:  `{"m":0,"a":2,"k":3,"z":1}`,
		},
		{name: "declared property wins", data: `{"a":1}`, extra: map[string]json.RawMessage{"a": json.RawMessage(`"extra"`), "b": json.RawMessage(`2`)}, want: `{"a":1,"b":2}`},
		{name: "only duplicates", data: `{"a":1}`, extra: map[string]json.RawMessage{"a": json.RawMessage(`2`)}, want: `{"a":1}`},
		{name: "names are escaped", data: `{}`, extra: map[string]json.RawMessage{`q"<`: json.RawMessage(`1`)}, want: `{"q\"\u003c":1}`},
		{name: "surrounding whitespace", data: " {\"a\":1}\n", extra: map[string]json.RawMessage{"b": json.RawMessage(`2`)}, want: `{"a":1,"b":2}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := withExtra([]byte(tt.data), tt.extra)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))
			assert.True(t, json.Valid(got), "invalid JSON: %s", got)
		})
	}
	t.Run("data not an object", func(t *testing.T) {
		_, err := withExtra([]byte(`[1]`), map[string]json.RawMessage{"b": json.RawMessage(`2`)})
		require.Error(t, err)
	})
}

// TestExtraRoundTrip checks that extraProperties and withExtra are inverse:
// the declared properties plus the extra ones give back the object.
func TestExtraRoundTrip(t *testing.T) {
	tests := []struct {
		name     string
		data     string
		declared []string
	}{
		{name: "mixed", data: `{"a":1,"b":{"c":[true,null]},"d":"x"}`, declared: []string{"a"}},
		{name: "all declared", data: `{"a":1}`, declared: []string{"a"}},
		{name: "none declared", data: `{"a":1,"b":2}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extra, err := extraProperties([]byte(tt.data), tt.declared...)
			require.NoError(t, err)
			var obj map[string]json.RawMessage
			require.NoError(t, json.Unmarshal([]byte(tt.data), &obj))
			declared := map[string]json.RawMessage{}
			for _, name := range tt.declared {
				if v, ok := obj[name]; ok {
					declared[name] = v
				}
			}
			base, err := json.Marshal(declared)
			require.NoError(t, err)
			got, err := withExtra(base, extra)
			require.NoError(t, err)
			assert.JSONEq(t, tt.data, string(got))
		})
	}
}

func TestRequireProperty(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		wantErr string // "" for no error
	}{
		{name: "present", data: `{"events":[]}`},
		{name: "present and null", data: `{"events":null}`},
		{name: "among others", data: `{"app":{},"events":[1]}`},
		{name: "missing", data: `{"app":{}}`, wantErr: `payload has no "events" property`},
		{name: "empty object", data: `{}`, wantErr: `payload has no "events" property`},
		{name: "case matters", data: `{"Events":[]}`, wantErr: `payload has no "events" property`},
		{name: "JSON null", data: `null`, wantErr: "payload is null, not an object"},
		{name: "array", data: `[{"events":[]}]`, wantErr: "cannot unmarshal array"},
		{name: "string", data: `"events"`, wantErr: "cannot unmarshal string"},
		{name: "empty", data: ``, wantErr: "unexpected end of JSON input"},
		{name: "trailing data", data: `{"events":[]} {}`, wantErr: "invalid character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := requireProperty([]byte(tt.data), "events")
			if tt.wantErr == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}

func TestProperty(t *testing.T) {
	existing := "kept"
	tests := []struct {
		name string
		raw  string
		prop string
		dst  *string // the value of *dst before the call
		want *string
	}{
		{name: "string", raw: `{"id":"ev-1"}`, prop: "id", want: Ptr("ev-1")},
		{name: "null", raw: `{"id":null}`, prop: "id", dst: &existing, want: nil},
		{name: "missing keeps dst", raw: `{"other":"x"}`, prop: "id", dst: &existing, want: &existing},
		{name: "names are exact", raw: `{"ID":"x"}`, prop: "id", want: nil},
		{name: "not an object keeps dst", raw: `["id"]`, prop: "id", dst: &existing, want: &existing},
		{name: "invalid JSON keeps dst", raw: `{"id":`, prop: "id", dst: &existing, want: &existing},
		{name: "empty raw keeps dst", raw: ``, prop: "id", dst: &existing, want: &existing},
		{name: "other type keeps dst", raw: `{"id":5}`, prop: "id", dst: &existing, want: &existing},
		{name: "other type keeps nil dst", raw: `{"id":5}`, prop: "id", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := tt.dst
			property(json.RawMessage(tt.raw), tt.prop, &v)
			assert.Equal(t, tt.want, v)
		})
	}
}

func TestFormatParam(t *testing.T) {
	type enum string // as a generated string enum
	tests := []struct {
		name string
		v    any
		want string
	}{
		{name: "string", v: "a b/c", want: "a b/c"},
		{name: "empty string", v: "", want: ""},
		{name: "string enum", v: enum("custom,web"), want: "custom,web"},
		{name: "int", v: 25, want: "25"},
		{name: "negative int", v: -3, want: "-3"},
		{name: "int64", v: int64(1) << 40, want: "1099511627776"},
		{name: "float", v: 1.5, want: "1.5"},
		{name: "bool true", v: true, want: "true"},
		{name: "bool false", v: false, want: "false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, formatParam(tt.v))
		})
	}
}

func TestUploadFilePart(t *testing.T) {
	r := strings.NewReader("data")
	tests := []struct {
		name  string
		file  UploadFile
		field string
		want  *multipartFile
	}{
		{
			name:  "all fields",
			file:  UploadFile{Reader: r, Name: "a.png", ContentType: "image/png"},
			field: "source",
			want:  &multipartFile{FieldName: "source", FileName: "a.png", ContentType: "image/png", Reader: r},
		},
		{
			name:  "content type left to the body",
			file:  UploadFile{Reader: r, Name: "a.bin"},
			field: "file",
			want:  &multipartFile{FieldName: "file", FileName: "a.bin", Reader: r},
		},
		{
			name:  "zero file",
			file:  UploadFile{},
			field: "source",
			want:  &multipartFile{FieldName: "source"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.file.part(tt.field)
			require.NotNil(t, got)
			assert.Equal(t, tt.want, got)
			if tt.file.Reader != nil {
				assert.Same(t, tt.file.Reader, got.Reader, "the Reader is passed on, not copied")
			}
		})
	}
	t.Run("a zero file is refused by the body", func(t *testing.T) {
		_, err := newMultipartBody(UploadFile{}.part("source"))
		require.Error(t, err)
		assert.Contains(t, err.Error(), "no Reader")
	})
}

// TestHasAll checks the required-properties test of pickVariant.
func TestHasAll(t *testing.T) {
	obj := map[string]json.RawMessage{"a": nil, "b": json.RawMessage("null")}
	tests := []struct {
		name string
		keys []string
		want bool
	}{
		{name: "no keys", keys: nil, want: true},
		{name: "all present", keys: []string{"a", "b"}, want: true},
		{name: "one missing", keys: []string{"a", "c"}, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, hasAll(obj, tt.keys))
		})
	}
}

// errDecode is returned by failing decoders.
var errDecode = errors.New("decode failed")

// TestDecodeErrorsPropagate checks that the decoder's own error is the
// one returned, so callers can wrap it with the path of the value.
func TestDecodeErrorsPropagate(t *testing.T) {
	fail := func(string) (int, error) { return 0, errDecode }
	t.Run("slice", func(t *testing.T) {
		_, err := decodeSlice([]string{"a"}, fail)
		assert.ErrorIs(t, err, errDecode)
	})
	t.Run("map", func(t *testing.T) {
		_, err := decodeMap(map[string]string{"k": "a"}, fail)
		assert.ErrorIs(t, err, errDecode)
	})
	t.Run("nullable", func(t *testing.T) {
		_, err := decodeNullable(NewNullable("a"), fail)
		assert.ErrorIs(t, err, errDecode)
	})
}

func TestCheckPathParams(t *testing.T) {
	tests := []struct {
		name    string
		pairs   []string
		wantErr string
	}{
		{name: "none", pairs: nil},
		{name: "all set", pairs: []string{"appId", "a", "conversationId", "c"}},
		{name: "an empty one is named", pairs: []string{"appId", "a", "conversationId", ""}, wantErr: "path parameter conversationId is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkPathParams(tt.pairs...)
			if tt.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			assert.ErrorContains(t, err, tt.wantErr)
		})
	}
}
