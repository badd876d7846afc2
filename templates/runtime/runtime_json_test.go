package sunco

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// probe is a struct written as the generator writes one, with a field of
// each kind, to test the helpers generated code calls. It is the variant
// "probe" of testUnion, whose discriminator is kind.
type probe struct {
	Name   string           `json:"name"`
	Kind   string           `json:"kind"`
	Count  *int             `json:"count,omitempty"`
	Flag   *bool            `json:"flag,omitempty"`
	Score  *float64         `json:"score,omitempty"`
	Tags   []string         `json:"tags,omitzero"`
	Counts map[string]int   `json:"counts,omitzero"`
	Note   Nullable[string] `json:"note,omitzero"`
	Child  *probe           `json:"child,omitempty"`
	Extra  map[string]json.RawMessage
	absent fieldSet
}

func (p *probe) UnmarshalJSON(data []byte) error {
	return unmarshalJSON(data, p, (*probe).decodeJSON, "probe")
}

func (p probe) MarshalJSON() ([]byte, error) {
	return marshalJSON(&p, (*probe).encodeJSON)
}

func (p *probe) decodeJSON(l *jsonLexer) bool {
	if !l.enterObject() {
		return false
	}
	*p = probe{}
	var seen fieldSet
	for l.nextMember() {
		switch string(l.key) {
		case "name":
			seen.add(0)
			decodeField(l, "name", &p.Name, &p.Extra, decodeString)
		case "kind":
			seen.add(1)
			decodeField(l, "kind", &p.Kind, &p.Extra, decodeDiscriminator)
		case "count":
			decodeOptional(l, "count", &p.Count, &p.Extra, decodeInt)
		case "flag":
			decodeOptional(l, "flag", &p.Flag, &p.Extra, decodeBool)
		case "score":
			decodeOptional(l, "score", &p.Score, &p.Extra, decodeFloat64)
		case "tags":
			decodeField(l, "tags", &p.Tags, &p.Extra, func(v *[]string, l *jsonLexer) bool {
				return decodeSlice(v, l, decodeString)
			})
		case "counts":
			decodeField(l, "counts", &p.Counts, &p.Extra, func(v *map[string]int, l *jsonLexer) bool {
				return decodeMap(v, l, decodeInt)
			})
		case "note":
			decodeNullable(l, "note", &p.Note, &p.Extra, decodeString)
		case "child":
			decodeOptional(l, "child", &p.Child, &p.Extra, (*probe).decodeJSON)
		default:
			decodeExtra(l, &p.Extra)
		}
	}
	p.absent = seen.missing(2)
	return true
}

func (p *probe) encodeJSON(e *jsonEncoder) {
	if p == nil {
		e.null()
		return
	}
	e.buf = append(e.buf, '{')
	encodeRequired(e, "name", &p.Name, p.absent.has(0), p.Extra, encodeString)
	encodeDiscriminator(e, "kind", p.Kind, "probe", p.absent.has(1), p.Extra)
	encodePointer(e, "count", p.Count, p.Extra, encodeInt)
	encodePointer(e, "flag", p.Flag, p.Extra, encodeBool)
	encodePointer(e, "score", p.Score, p.Extra, encodeFloat64)
	encodeOptional(e, "tags", &p.Tags, p.Tags != nil, p.Extra, func(v *[]string, e *jsonEncoder) {
		encodeSlice(v, e, encodeString)
	})
	encodeOptional(e, "counts", &p.Counts, p.Counts != nil, p.Extra, func(v *map[string]int, e *jsonEncoder) {
		encodeMap(v, e, encodeInt)
	})
	encodeNullable(e, "note", &p.Note, p.Extra, encodeString)
	encodePointer(e, "child", p.Child, p.Extra, (*probe).encodeJSON)
	if len(p.Extra) > 0 {
		encodeExtra(e, p.Extra, "name", "kind", "count", "flag", "score", "tags", "counts", "note", "child")
	}
	e.buf = append(e.buf, '}')
}

// TestStructCodec checks the contract of the member helpers through
// probe: a value that does not fit goes to Extra raw and leaves the field
// zero, keys match exactly, the last of duplicate keys wins, and encoding
// gives the same JSON value back.
func TestStructCodec(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		check func(t *testing.T, p *probe)
	}{
		{name: "fitting values", in: `{"name":"a","kind":"probe","count":2,"flag":true,"score":-1.5e-7,"tags":["x"],"counts":{"b":2,"a":1},"note":"n","child":{"name":"b"}}`, check: func(t *testing.T, p *probe) {
			assert.Equal(t, "a", p.Name)
			assert.Equal(t, "probe", p.Kind)
			assert.Equal(t, 2, *p.Count)
			assert.True(t, *p.Flag)
			assert.Equal(t, -1.5e-7, *p.Score)
			assert.Equal(t, []string{"x"}, p.Tags)
			assert.Equal(t, map[string]int{"a": 1, "b": 2}, p.Counts)
			assert.Equal(t, NewNullable("n"), p.Note)
			assert.Equal(t, "b", p.Child.Name)
			assert.Nil(t, p.Extra)
		}},
		{name: "number for a string", in: `{"name":5}`, check: func(t *testing.T, p *probe) {
			assert.Equal(t, "", p.Name)
			assert.Equal(t, json.RawMessage("5"), p.Extra["name"])
		}},
		{name: "float for an int", in: `{"count":1.5}`, check: func(t *testing.T, p *probe) {
			assert.Nil(t, p.Count)
			assert.Equal(t, json.RawMessage("1.5"), p.Extra["count"])
		}},
		{name: "int out of range", in: `{"count":99999999999999999999}`, check: func(t *testing.T, p *probe) {
			assert.Nil(t, p.Count)
			assert.Equal(t, json.RawMessage("99999999999999999999"), p.Extra["count"])
		}},
		{name: "null in a required field", in: `{"name":null}`, check: func(t *testing.T, p *probe) {
			assert.Equal(t, json.RawMessage("null"), p.Extra["name"])
		}},
		{name: "null in an optional field", in: `{"count":null,"child":null,"tags":null}`, check: func(t *testing.T, p *probe) {
			assert.Nil(t, p.Count)
			assert.Nil(t, p.Child)
			assert.Nil(t, p.Tags)
			assert.Len(t, p.Extra, 3)
		}},
		{name: "null in a nullable field", in: `{"note":null}`, check: func(t *testing.T, p *probe) {
			assert.True(t, p.Note.IsNull())
			assert.Nil(t, p.Extra)
		}},
		{name: "object for an array", in: `{"tags":{"a":1}}`, check: func(t *testing.T, p *probe) {
			assert.Nil(t, p.Tags)
			assert.Equal(t, json.RawMessage(`{"a":1}`), p.Extra["tags"])
		}},
		{name: "an element that does not fit", in: `{"tags":["a", 2, "c"]}`, check: func(t *testing.T, p *probe) {
			assert.Nil(t, p.Tags)
			assert.Equal(t, json.RawMessage(`["a", 2, "c"]`), p.Extra["tags"])
		}},
		{name: "a map value that does not fit", in: `{"counts":{"a":1,"b":"2"}}`, check: func(t *testing.T, p *probe) {
			assert.Nil(t, p.Counts)
			assert.Equal(t, json.RawMessage(`{"a":1,"b":"2"}`), p.Extra["counts"])
		}},
		{name: "string for a boolean and for a number", in: `{"flag":"true","score":"1.5"}`, check: func(t *testing.T, p *probe) {
			assert.Nil(t, p.Flag)
			assert.Nil(t, p.Score)
			assert.Len(t, p.Extra, 2)
		}},
		{name: "discriminator of another type", in: `{"kind":1}`, check: func(t *testing.T, p *probe) {
			assert.Equal(t, "", p.Kind)
			assert.Equal(t, json.RawMessage(`1`), p.Extra["kind"])
		}},
		{name: "discriminator of another value", in: `{"kind":"other"}`, check: func(t *testing.T, p *probe) {
			assert.Equal(t, "other", p.Kind)
		}},
		{name: "empty array", in: `{"tags":[]}`, check: func(t *testing.T, p *probe) {
			assert.NotNil(t, p.Tags)
			assert.Empty(t, p.Tags)
		}},
		{name: "string for an object", in: `{"child":"b"}`, check: func(t *testing.T, p *probe) {
			assert.Nil(t, p.Child)
			assert.Equal(t, json.RawMessage(`"b"`), p.Extra["child"])
		}},
		{name: "odd value deep down stays there", in: `{"child":{"name":"b","count":"2"}}`, check: func(t *testing.T, p *probe) {
			assert.Nil(t, p.Extra)
			assert.Equal(t, json.RawMessage(`"2"`), p.Child.Extra["count"])
		}},
		{name: "keys match exactly", in: `{"name":"a","Name":"b","NAME":1}`, check: func(t *testing.T, p *probe) {
			assert.Equal(t, "a", p.Name)
			assert.Equal(t, json.RawMessage(`"b"`), p.Extra["Name"])
			assert.Equal(t, json.RawMessage(`1`), p.Extra["NAME"])
		}},
		{name: "escaped key", in: `{"n\u0061me":"a"}`, check: func(t *testing.T, p *probe) {
			assert.Equal(t, "a", p.Name)
		}},
		{name: "last duplicate wins", in: `{"name":"a","name":"b"}`, check: func(t *testing.T, p *probe) {
			assert.Equal(t, "b", p.Name)
		}},
		{name: "a fitting duplicate replaces an odd one", in: `{"name":1,"name":"b"}`, check: func(t *testing.T, p *probe) {
			assert.Equal(t, "b", p.Name)
			assert.Nil(t, p.Extra["name"])
		}},
		{name: "an odd duplicate replaces a fitting one", in: `{"name":"a","name":1}`, check: func(t *testing.T, p *probe) {
			assert.Equal(t, "", p.Name)
			assert.Equal(t, json.RawMessage("1"), p.Extra["name"])
		}},
		{name: "undeclared keys", in: `{"x":{"y":[1,2.50,null]},"z":"é"}`, check: func(t *testing.T, p *probe) {
			assert.Equal(t, json.RawMessage(`{"y":[1,2.50,null]}`), p.Extra["x"])
			assert.Equal(t, json.RawMessage(`"é"`), p.Extra["z"])
		}},
		{name: "absent required field and discriminator", in: `{}`, check: func(t *testing.T, p *probe) {
			assert.True(t, p.absent.has(0))
			assert.True(t, p.absent.has(1))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p probe
			require.NoError(t, json.Unmarshal([]byte(tt.in), &p))
			tt.check(t, &p)
			out, err := json.Marshal(p)
			require.NoError(t, err)
			assert.JSONEq(t, tt.in, string(out), "decode then encode")
		})
	}
}

// TestSetFieldWins checks that a field the caller sets after decoding is
// encoded rather than what Extra kept for its key, and that a required
// field absent when decoded is written again once set.
func TestSetFieldWins(t *testing.T) {
	var p probe
	require.NoError(t, p.UnmarshalJSON([]byte(`{"count":"two","tags":{},"note":7,"child":[]}`)))
	require.Len(t, p.Extra, 4)
	p.Count = Ptr(2)
	p.Tags = []string{"a"}
	p.Note = Null[string]()
	p.Child = &probe{Name: "c"}
	out, err := p.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `{"count":2,"tags":["a"],"note":null,"child":{"name":"c","kind":"probe"}}`, string(out))

	p.Name = "n"
	out, err = p.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `{"name":"n","count":2,"tags":["a"],"note":null,"child":{"name":"c","kind":"probe"}}`, string(out))

	assert.JSONEq(t, `{"name":"","kind":"probe"}`, string(must(probe{}.MarshalJSON())), "a required field the caller leaves zero is written, the discriminator with its value")
	assert.JSONEq(t, `{"name":"","kind":"mine"}`, string(must(probe{Kind: "mine"}.MarshalJSON())), "the discriminator the caller sets")
	var nilProbe *probe
	var e jsonEncoder
	nilProbe.encodeJSON(&e)
	assert.Equal(t, "null", string(e.buf), "a nil variant")
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// decodeMatrix stands for the decoder of a container that stops fitting
// after reading part of it.
func decodeMatrix(v *[][]int, l *jsonLexer) bool {
	return decodeSlice(v, l, func(v *[]int, l *jsonLexer) bool { return decodeSlice(v, l, decodeInt) })
}

// TestUnmarshalContainerMismatch checks that a document that stops fitting
// half-way is checked whole before the mismatch is reported.
func TestUnmarshalContainerMismatch(t *testing.T) {
	var m [][]int
	err := unmarshalJSON([]byte(`[[1],{"a":1},[2]]`), &m, decodeMatrix, "[][]int")
	assert.EqualError(t, err, "sunco: cannot decode a JSON array into [][]int")
	err = unmarshalJSON([]byte(`[[1],{"a":}]`), &m, decodeMatrix, "[][]int")
	assert.ErrorContains(t, err, "[1].a: invalid JSON at offset 10")
	require.NoError(t, unmarshalJSON([]byte(`[[1],[],[2,3]]`), &m, decodeMatrix, "[][]int"))
	assert.Equal(t, [][]int{{1}, {}, {2, 3}}, m)
}

// TestUnmarshalJSONTopLevel checks the errors of a whole document.
func TestUnmarshalJSONTopLevel(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string
	}{
		{name: "null leaves the value", in: ` null `},
		{name: "array", in: `[{"name":"a"}]`, wantErr: "sunco: cannot decode a JSON array into probe"},
		{name: "string", in: `"a"`, wantErr: "sunco: cannot decode a JSON string into probe"},
		{name: "number", in: `-1`, wantErr: "sunco: cannot decode a JSON number into probe"},
		{name: "invalid after a valid prefix", in: `{"name":"a"}}`, wantErr: "invalid JSON at offset 12: invalid character '}' after top-level value"},
		{name: "invalid inside", in: `{"child":{"tags":["a",]}}`, wantErr: "child.tags[1]: invalid JSON at offset 22"},
		{name: "invalid array that does not fit", in: `[1,}`, wantErr: "invalid JSON at offset 3"},
		{name: "a container that stops fitting half-way", in: `[[1],{"a":}]`, wantErr: "[1].a: invalid JSON at offset 10"},
		{name: "empty", in: ``, wantErr: "unexpected end of JSON input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := probe{Name: "kept"}
			err := p.UnmarshalJSON([]byte(tt.in))
			if tt.wantErr == "" {
				require.NoError(t, err)
				assert.Equal(t, "kept", p.Name)
				return
			}
			assert.ErrorContains(t, err, tt.wantErr)
		})
	}
}

// testUnion stands for a generated union: a discriminated one over probe.
type testUnion interface{ encodeJSON(*jsonEncoder) }

type unknownTest struct {
	Type string
	Raw  json.RawMessage
}

func (u *unknownTest) encodeJSON(e *jsonEncoder) { e.raw(u.Raw) }

func (u unknownTest) MarshalJSON() ([]byte, error) { return unknownJSON(u.Raw) }

func decodeTestUnion(v *testUnion, l *jsonLexer) bool {
	value, ok := l.discriminator("kind")
	if !ok {
		return false
	}
	switch string(value) {
	case "probe":
		*v = decodeVariant[probe](l)
	default:
		*v = &unknownTest{Type: string(value), Raw: l.copyRaw()}
	}
	return true
}

func unmarshalTestUnion(data []byte) (testUnion, error) {
	var v testUnion
	err := unmarshalJSON(data, &v, decodeTestUnion, "testUnion")
	return v, err
}

// TestDiscriminator checks the lookahead of a union's discriminator.
func TestDiscriminator(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantType string // "probe", or the Type of the unknown variant
		unknown  bool
	}{
		{name: "first key", in: `{"kind":"probe","count":1}`, wantType: "probe"},
		{name: "later key", in: `{"count":1,"tags":["a",{"kind":"x"}],"kind":"probe"}`, wantType: "probe"},
		{name: "escaped", in: `{"kin\u0064":"pr\u006fbe"}`, wantType: "probe"},
		{name: "unknown value", in: `{"kind":"other","x":1}`, wantType: "other", unknown: true},
		{name: "missing", in: `{"x":1}`, unknown: true},
		{name: "not a string", in: `{"kind":5}`, unknown: true},
		{name: "case differs", in: `{"Kind":"probe"}`, unknown: true},
		{name: "last of duplicates selects", in: `{"kind":"other","kind":"probe"}`, wantType: "probe"},
		{name: "last of duplicates selects another", in: `{"kind":"probe","x":1,"kind":"other"}`, wantType: "other", unknown: true},
		{name: "an empty duplicate selects none", in: `{"kind":"probe","kind":""}`, unknown: true},
		{name: "a duplicate that is no string selects none", in: `{"kind":"probe","kind":5}`, unknown: true},
		{name: "an escaped duplicate", in: `{"kind":"\u006fther","kind":"pr\u006fbe"}`, wantType: "probe"},
		{name: "not an object", in: `[1,2]`, unknown: true},
		{name: "a string", in: `"probe"`, unknown: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v testUnion
			require.NoError(t, unmarshalJSON([]byte(tt.in), &v, decodeTestUnion, "testUnion"))
			if tt.unknown {
				u, ok := v.(*unknownTest)
				require.True(t, ok, "got %T", v)
				assert.Equal(t, tt.wantType, u.Type)
				assert.Equal(t, tt.in, string(u.Raw), "Raw is the value as received")
			} else {
				p, ok := v.(*probe)
				require.True(t, ok, "got %T", v)
				assert.Equal(t, "probe", p.Kind, "the field agrees with the variant")
			}
			var e jsonEncoder
			encodeUnion(&v, &e)
			assert.JSONEq(t, tt.in, string(e.buf))
			again, err := unmarshalTestUnion(e.buf)
			require.NoError(t, err)
			assert.IsType(t, v, again, "re-decodes as the same variant from its encoding")
		})
	}
	t.Run("null", func(t *testing.T) {
		v := testUnion(&probe{})
		require.NoError(t, unmarshalJSON([]byte(`null`), &v, decodeTestUnion, "testUnion"))
		assert.IsType(t, &probe{}, v, "null leaves the value as it was")
		l := jsonLexer{data: []byte(`null`)}
		require.True(t, decodeTestUnion(&v, &l), "null inside an array or a map")
		assert.Equal(t, &unknownTest{Raw: json.RawMessage(`null`)}, v)
	})
	t.Run("malformed", func(t *testing.T) {
		for _, in := range []string{`{"kind":"probe",}`, `{"kind":"probe","x":tru}`, `{"x":"\q","kind":"probe"}`, `{"kind":"pr\qbe"}`, `{"kind":"probe"`, `{"kind":"probe","x":"`} {
			var v testUnion
			err := unmarshalJSON([]byte(in), &v, decodeTestUnion, "testUnion")
			var want *json.SyntaxError
			require.ErrorAs(t, json.Unmarshal([]byte(in), new(any)), &want)
			assert.ErrorContains(t, err, want.Error(), "%s: the error encoding/json finds", in)
		}
		l := jsonLexer{data: []byte(`{"kind":"probe"`)}
		var v testUnion
		assert.False(t, decodeTestUnion(&v, &l), "cut short")
	})
	t.Run("nothing consumed", func(t *testing.T) {
		l := jsonLexer{data: []byte(` {"a":[{"b":1}],"kind":"x"} `)}
		value, ok := l.discriminator("kind")
		require.True(t, ok)
		assert.Equal(t, "x", string(value))
		assert.Equal(t, 0, l.depth)
		assert.Equal(t, 1, l.pos)
	})
}

// TestPickVariant checks how a union without discriminator picks its
// variant from the keys present.
func TestPickVariant(t *testing.T) {
	shapes := []variantShape{
		{properties: []string{"email", "cc"}, required: []string{"email"}},
		{properties: []string{"phone", "ext"}, required: []string{"phone"}},
		{properties: []string{"email", "phone", "both"}},
	}
	tests := []struct {
		in   string
		want int
	}{
		{in: `{"email":"a"}`, want: 0},
		{in: `{"phone":"1","ext":"2"}`, want: 1},
		{in: `{"email":"a","phone":"1","both":true}`, want: 2},
		{in: `{"email":"a","phone":"1"}`, want: 2},
		{in: `{"email":"a","ext":"1","phone":"2"}`, want: 1}, // a tie: the first
		{in: `{"email":"a","email":"b","phone":"1","both":1}`, want: 2},
		{in: `{"cc":"a"}`, want: -1},   // email is required
		{in: `{"other":1}`, want: -1},  // nothing of any variant
		{in: `{"both":true}`, want: 2}, // no requirement
		{in: `{}`, want: -1},
		{in: `[{"email":"a"}]`, want: -1},
		{in: `"email"`, want: -1},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			l := jsonLexer{data: []byte(tt.in)}
			got, ok := l.pickVariant(shapes)
			require.True(t, ok)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, 0, l.pos, "nothing consumed")
			l.skip()
			l.end()
			assert.NoError(t, l.error())
		})
	}
	l := jsonLexer{data: []byte(`null`)}
	got, ok := l.pickVariant(shapes)
	assert.True(t, ok)
	assert.Equal(t, -1, got, "null is no variant")
	l = jsonLexer{data: []byte(`{"email":"a",}`)}
	_, ok = l.pickVariant(shapes)
	assert.False(t, ok, "malformed")
}

// TestUnionElements checks that an array or a map of unions keeps every
// element: one that is null, a number or of an unknown type becomes the
// Unknown variant without failing the others, and encodes as it came.
func TestUnionElements(t *testing.T) {
	decodeSliceOfUnions := func(v *[]testUnion, l *jsonLexer) bool { return decodeSlice(v, l, decodeTestUnion) }
	in := `[{"kind":"probe","name":"a"},null,5,"x",[],{"kind":"other"},{"name":"no kind"}]`
	var got []testUnion
	require.NoError(t, unmarshalJSON([]byte(in), &got, decodeSliceOfUnions, "[]testUnion"))
	require.Len(t, got, 7)
	assert.Equal(t, "a", got[0].(*probe).Name)
	for i, raw := range []string{`null`, `5`, `"x"`, `[]`, `{"kind":"other"}`, `{"name":"no kind"}`} {
		assert.Equal(t, raw, string(got[i+1].(*unknownTest).Raw), "element %d", i+1)
	}
	out, err := marshalJSON(&got, func(v *[]testUnion, e *jsonEncoder) { encodeSlice(v, e, encodeUnion) })
	require.NoError(t, err)
	assert.JSONEq(t, in, string(out))

	var m map[string]testUnion
	require.NoError(t, unmarshalJSON([]byte(`{"a":null,"b":{"kind":"probe"}}`), &m, func(v *map[string]testUnion, l *jsonLexer) bool {
		return decodeMap(v, l, decodeTestUnion)
	}, "map[string]testUnion"))
	assert.Equal(t, &unknownTest{Raw: json.RawMessage(`null`)}, m["a"])
	assert.IsType(t, &probe{}, m["b"])
}

// TestPropertyValues checks the reading of one property of a raw object,
// as the getters of an Unknown variant do.
func TestPropertyValues(t *testing.T) {
	get := func(raw string) *int {
		var v *int
		for l := range propertyValues([]byte(raw), "count") {
			decodeOptional(l, "count", &v, nil, decodeInt)
		}
		return v
	}
	assert.Equal(t, Ptr(3), get(`{"a":{"count":1},"count":3}`))
	assert.Equal(t, Ptr(4), get(`{"count":3,"count":4}`))
	assert.Nil(t, get(`{"count":"3"}`))
	assert.Nil(t, get(`{"count":3,"count":null}`))
	assert.Nil(t, get(`[{"count":3}]`))
	assert.Nil(t, get(`{"count":`))
}

// TestFreeForm checks that free-form values keep what encoding/json's
// UseNumber keeps, exact numbers included, and encode back to the same
// JSON.
func TestFreeForm(t *testing.T) {
	tests := []string{
		`{"big":9007199254740993,"long":3.141592653589793238462643383279,"neg":-0,"exp":1E+400}`,
		`{"nested":{"a":[1,{"b":null}],"s":"\u00e9\ud83d\ude00"},"t":true,"f":false,"n":null}`,
		`{"dup":1,"dup":2}`,
		`{}`,
	}
	for _, in := range tests {
		t.Run(in, func(t *testing.T) {
			var m map[string]any
			require.NoError(t, unmarshalJSON([]byte(in), &m, decodeFreeForm, "map[string]any"))
			want, err := stdAny([]byte(in))
			require.NoError(t, err)
			assert.Equal(t, want, any(m))
			var e jsonEncoder
			encodeFreeForm(&m, &e)
			require.NoError(t, e.err)
			again, err := stdAny(e.buf)
			require.NoError(t, err)
			assert.Equal(t, want, again)
		})
	}
	t.Run("not an object", func(t *testing.T) {
		var m map[string]any
		err := unmarshalJSON([]byte(`[1]`), &m, decodeFreeForm, "map[string]any")
		assert.ErrorContains(t, err, "cannot decode a JSON array into map[string]any")
	})
}

type marshalerValue struct{}

func (marshalerValue) MarshalJSON() ([]byte, error) { return []byte(`{"m":1}`), nil }

// TestEncodeAny checks the free-form values a caller may set.
func TestEncodeAny(t *testing.T) {
	type point struct{ X, Y int }
	tests := []struct {
		name    string
		v       any
		want    string
		wantErr string
	}{
		{name: "nil", v: nil, want: `null`},
		{name: "number", v: json.Number("12.50"), want: `12.50`},
		{name: "empty number", v: json.Number(""), want: `0`},
		{name: "bad number", v: json.Number("1x"), wantErr: "invalid number literal"},
		{name: "float", v: 1e21, want: `1e+21`},
		{name: "NaN", v: math.NaN(), wantErr: "cannot encode NaN"},
		{name: "int", v: 3, want: `3`},
		{name: "raw", v: json.RawMessage(`{"a":[1]}`), want: `{"a":[1]}`},
		{name: "invalid raw", v: json.RawMessage(`{"a":`), wantErr: "encoding a raw value"},
		{name: "marshaler", v: marshalerValue{}, want: `{"m":1}`},
		{name: "other Go value", v: point{1, 2}, want: `{"X":1,"Y":2}`},
		{name: "unsupported", v: make(chan int), wantErr: "unsupported type"},
		{name: "nested", v: map[string]any{"b": []any{"<x>", true}, "a": nil}, want: `{"a":null,"b":["<x>",true]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e jsonEncoder
			encodeAny(&tt.v, &e)
			if tt.wantErr != "" {
				assert.ErrorContains(t, e.err, tt.wantErr)
				return
			}
			require.NoError(t, e.err)
			assert.Equal(t, tt.want, string(e.buf))
		})
	}
}

// TestMarshalJSONError checks that an encoding error is returned, with
// no output.
func TestMarshalJSONError(t *testing.T) {
	p := probe{Extra: map[string]json.RawMessage{"x": json.RawMessage(`{`)}}
	out, err := p.MarshalJSON()
	assert.Nil(t, out)
	assert.ErrorContains(t, err, "encoding a raw value")
	_, err = json.Marshal(p)
	assert.Error(t, err)
}

// TestHasSpecialByte checks the 8-byte test of the string fast path
// against stringSafe, for every byte value at every position.
func TestHasSpecialByte(t *testing.T) {
	for pos := range 8 {
		for c := range 256 {
			b := []byte("abcdefgh")
			b[pos] = byte(c)
			x := uint64(0)
			for i := 7; i >= 0; i-- {
				x = x<<8 | uint64(b[i])
			}
			if !stringSafe[c] && !hasSpecialByte(x) {
				t.Fatalf("byte %#x at %d not detected", c, pos)
			}
			if stringSafe[c] && hasSpecialByte(x) {
				t.Fatalf("safe byte %#x at %d detected", c, pos)
			}
		}
	}
}

// TestTextInterns checks that equal short strings of one decode share
// one allocation, and long ones are still right.
func TestTextInterns(t *testing.T) {
	allocs := func(data string) float64 {
		return testing.AllocsPerRun(10, func() {
			var s []string
			l := &jsonLexer{data: []byte(data)}
			decodeSlice(&s, l, decodeString)
		})
	}
	same := allocs(`["user","user","user","user","user","user","user","user"]`)
	distinct := allocs(`["user0","user1","user2","user3","user4","user5","user6","user7"]`)
	assert.Equal(t, distinct-7, same, "eight equal strings are allocated once")
	long := strings.Repeat("x", maxInterned+1)
	var s []string
	require.NoError(t, unmarshalJSON([]byte(`["`+long+`","`+long+`","a","a"]`), &s, func(v *[]string, l *jsonLexer) bool {
		return decodeSlice(v, l, decodeString)
	}, "[]string"))
	assert.Equal(t, []string{long, long, "a", "a"}, s)
}

// TestNewValue checks that optional scalars come from slabs, each its own
// zero value.
func TestNewValue(t *testing.T) {
	var l jsonLexer
	a, b := newValue[string](&l), newValue[string](&l)
	require.NotSame(t, a, b)
	*a = "x"
	assert.Equal(t, "", *b)
	assert.Len(t, l.stringSlab, slabSize-2)
	f := newValue[float64](&l)
	assert.Zero(t, *f)
	p := newValue[probe](&l)
	assert.Zero(t, *p)
}

// TestRequestAndResponseBodies checks the functions the transport calls.
func TestRequestAndResponseBodies(t *testing.T) {
	t.Run("request body with MarshalJSON", func(t *testing.T) {
		data, err := marshalRequestBody(probe{Name: "a", Extra: map[string]json.RawMessage{"x": json.RawMessage(`1`)}})
		require.NoError(t, err)
		assert.JSONEq(t, `{"name":"a","kind":"probe","x":1}`, string(data))
	})
	t.Run("request body, a pointer", func(t *testing.T) {
		data, err := marshalRequestBody(&probe{Name: "a"})
		require.NoError(t, err)
		assert.JSONEq(t, `{"name":"a","kind":"probe"}`, string(data))
		var nilProbe *probe
		data, err = marshalRequestBody(nilProbe)
		require.NoError(t, err)
		assert.Equal(t, `null`, string(data))
	})
	t.Run("request body, a union value", func(t *testing.T) {
		data, err := marshalRequestBody(testUnion(&unknownTest{Raw: json.RawMessage(`[1]`)}))
		require.NoError(t, err)
		assert.Equal(t, `[1]`, string(data))
	})
	t.Run("request body without", func(t *testing.T) {
		data, err := marshalRequestBody(map[string]int{"a": 1})
		require.NoError(t, err)
		assert.Equal(t, `{"a":1}`, string(data))
	})
	t.Run("response with UnmarshalJSON", func(t *testing.T) {
		var p probe
		body := `{"name":"a","count":"odd"}`
		require.NoError(t, unmarshalResponse([]byte(body), &p))
		assert.Equal(t, "a", p.Name)
		assert.Equal(t, json.RawMessage(`"odd"`), p.Extra["count"])
	})
	t.Run("response into a union", func(t *testing.T) {
		var v testUnion
		require.NoError(t, unmarshalResponse([]byte(`{"kind":"z"}`), decodeInto(&v, decodeTestUnion, "testUnion")))
		assert.Equal(t, "z", v.(*unknownTest).Type)
	})
	t.Run("response without UnmarshalJSON", func(t *testing.T) {
		var m map[string]int
		require.NoError(t, unmarshalResponse([]byte(`{"a":1}`), &m))
		assert.Equal(t, map[string]int{"a": 1}, m)
	})
}

// TestNumberOutOfRange checks that a number beyond float64 is kept raw.
func TestNumberOutOfRange(t *testing.T) {
	var p probe
	require.NoError(t, p.UnmarshalJSON([]byte(`{"score":1e400}`)))
	assert.Nil(t, p.Score)
	assert.Equal(t, json.RawMessage(`1e400`), p.Extra["score"])
	assert.Equal(t, `{"score":1e400}`, string(must(p.MarshalJSON())))
}

// TestIntegerRange: an integer decodes when int64 holds it, its ends
// included; one beyond them, or with a fraction or an exponent, is kept in
// Extra as received.
func TestIntegerRange(t *testing.T) {
	tests := []struct {
		lit  string
		want *int
	}{
		{"0", Ptr(0)},
		{"-7", Ptr(-7)},
		{"9223372036854775807", Ptr(math.MaxInt64)},
		{"-9223372036854775808", Ptr(math.MinInt64)},
		{"9223372036854775808", nil},
		{"-9223372036854775809", nil},
		{"12345678901234567890", nil},
		{"1.0", nil},
		{"1e3", nil},
	}
	for _, tt := range tests {
		t.Run(tt.lit, func(t *testing.T) {
			var p probe
			require.NoError(t, p.UnmarshalJSON([]byte(`{"count":`+tt.lit+`}`)))
			assert.Equal(t, tt.want, p.Count)
			if tt.want == nil {
				assert.Equal(t, json.RawMessage(tt.lit), p.Extra["count"])
			}
		})
	}
}

// TestStructCodecValidity: a struct's decoder refuses what is not JSON, as
// encoding/json does, where its lexer reads members and elements itself,
// and reads the escapes JSON allows in either case.
func TestStructCodecValidity(t *testing.T) {
	for _, in := range []string{
		`{"name":"a",}`, `{,"name":"a"}`, `{"tags":["x",]}`, `{"tags":[,"x"]}`, `{"tags":["x" "y"]}`,
		`{"name":"\u00G9"}`, `{"name":"\u00e"}`, "{\"na\x01me\":1}", `{"name" "a"}`, `{"name":"a"`,
	} {
		t.Run(in, func(t *testing.T) {
			require.False(t, json.Valid([]byte(in)))
			var p probe
			assert.Error(t, p.UnmarshalJSON([]byte(in)))
		})
	}
	var p probe
	require.NoError(t, p.UnmarshalJSON([]byte(`{"name":"\u00C9\u00e9\u00cA"}`)))
	assert.Equal(t, "Éé\u00ca", p.Name)
}

// TestMapGivenAnArray: an array where a map is declared is kept in Extra.
func TestMapGivenAnArray(t *testing.T) {
	var p probe
	require.NoError(t, p.UnmarshalJSON([]byte(`{"counts":[1,2]}`)))
	assert.Nil(t, p.Counts)
	assert.Equal(t, json.RawMessage(`[1,2]`), p.Extra["counts"])
}

// TestEncodeObjectAllocatesNothing checks that a free-form object, nested
// ones included, is written without an allocation once the encoder's
// buffer has room: metadata is in most messages.
func TestEncodeObjectAllocatesNothing(t *testing.T) {
	m := map[string]any{"b": "x", "a": []any{1.5, true, nil}, "c": map[string]any{"d": json.Number("7")}}
	e := jsonEncoder{buf: make([]byte, 0, 256)}
	allocs := testing.AllocsPerRun(10, func() {
		e.buf = e.buf[:0]
		encodeFreeForm(&m, &e)
	})
	assert.Equal(t, `{"a":[1.5,true,null],"b":"x","c":{"d":7}}`, string(e.buf))
	assert.Zero(t, allocs)
}
