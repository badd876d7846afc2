package sdktest

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/sunco"
)

// TestLeniency checks each rule of DESIGN §3 "JSON codecs" on the
// generated types: decoding fails only on malformed JSON, a value that
// does not fit its declared type is kept raw in Extra and leaves the field
// zero, keys match exactly, free-form values keep numbers exact, and
// decoding then encoding gives back the same JSON value.
func TestLeniency(t *testing.T) {
	tests := []struct {
		name  string
		in    string // a sunco.Message
		check func(t *testing.T, m *sunco.Message)
	}{
		{name: "number for a string", in: `{"id":5,"received":"2024-01-01T00:00:00.000Z"}`, check: func(t *testing.T, m *sunco.Message) {
			assert.Nil(t, m.ID)
			assert.Equal(t, raw(`5`), m.Extra["id"])
			assert.Equal(t, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), m.GetReceived())
		}},
		{name: "number for a string, nested", in: `{"author":{"type":"user","userId":42}}`, check: func(t *testing.T, m *sunco.Message) {
			assert.Equal(t, sunco.AuthorTypeUser, m.Author.Type)
			assert.Nil(t, m.Author.UserID)
			assert.Equal(t, raw(`42`), m.Author.Extra["userId"])
			assert.Nil(t, m.Extra, "the odd value stays in the object it belongs to")
		}},
		{name: "null in an optional field that is not nullable", in: `{"id":null,"source":null}`, check: func(t *testing.T, m *sunco.Message) {
			assert.Nil(t, m.ID)
			assert.Nil(t, m.Source)
			assert.Equal(t, raw(`null`), m.Extra["id"])
			assert.Equal(t, raw(`null`), m.Extra["source"])
		}},
		{name: "null in a required field", in: `{"author":{"type":null}}`, check: func(t *testing.T, m *sunco.Message) {
			assert.Equal(t, sunco.AuthorType(""), m.Author.Type)
			assert.Equal(t, raw(`null`), m.Author.Extra["type"])
		}},
		{name: "null in a nullable field", in: `{"deleted":null,"metadata":null}`, check: func(t *testing.T, m *sunco.Message) {
			assert.True(t, m.Deleted.IsNull())
			assert.True(t, m.Metadata.IsNull())
			assert.Nil(t, m.Extra)
		}},
		{name: "object for an array", in: `{"references":{"a":1}}`, check: func(t *testing.T, m *sunco.Message) {
			assert.False(t, m.References.IsSet())
			assert.Equal(t, raw(`{"a":1}`), m.Extra["references"])
		}},
		{name: "an array element that does not fit", in: `{"author":{"type":"business","subtypes":["AI",5]}}`, check: func(t *testing.T, m *sunco.Message) {
			assert.Nil(t, m.Author.Subtypes)
			assert.Equal(t, raw(`["AI",5]`), m.Author.Extra["subtypes"])
		}},
		{name: "string for a boolean and for an object", in: `{"deleted":"yes","author":"me"}`, check: func(t *testing.T, m *sunco.Message) {
			assert.False(t, m.Deleted.IsSet())
			assert.Nil(t, m.Author)
			assert.Len(t, m.Extra, 2)
		}},
		{name: "keys that differ only in case", in: `{"id":"a","ID":"b","Id":3}`, check: func(t *testing.T, m *sunco.Message) {
			assert.Equal(t, "a", *m.ID)
			assert.Equal(t, raw(`"b"`), m.Extra["ID"])
			assert.Equal(t, raw(`3`), m.Extra["Id"])
		}},
		{name: "big integers and long decimals in free-form values", in: `{"metadata":{"big":9007199254740993,"long":3.14159265358979323846264338327950288,"neg":-12345678901234567890123,"nested":[1e400,{"x":0.1000000000000000055511151231257827}]}}`, check: func(t *testing.T, m *sunco.Message) {
			md, ok := m.Metadata.Get()
			require.True(t, ok)
			assert.Equal(t, json.Number("9007199254740993"), md["big"])
			assert.Equal(t, json.Number("3.14159265358979323846264338327950288"), md["long"])
			assert.Equal(t, json.Number("-12345678901234567890123"), md["neg"])
			assert.Equal(t, []any{json.Number("1e400"), map[string]any{"x": json.Number("0.1000000000000000055511151231257827")}}, md["nested"])
		}},
		{name: "content that is not an object", in: `{"content":"hello"}`, check: func(t *testing.T, m *sunco.Message) {
			u, ok := m.Content.(*sunco.UnknownContent)
			require.True(t, ok, "content is %T", m.Content)
			assert.Equal(t, raw(`"hello"`), u.Raw)
		}},
		{name: "content of an unknown type", in: `{"content":{"type":"hologram","depth":3}}`, check: func(t *testing.T, m *sunco.Message) {
			u, ok := m.Content.(*sunco.UnknownContent)
			require.True(t, ok, "content is %T", m.Content)
			assert.Equal(t, "hologram", u.Type)
			assert.Equal(t, "hologram", u.GetType())
		}},
		{name: "content without its discriminator", in: `{"content":{"text":"hi"}}`, check: func(t *testing.T, m *sunco.Message) {
			u, ok := m.Content.(*sunco.UnknownContent)
			require.True(t, ok, "content is %T", m.Content)
			assert.Equal(t, "", u.Type)
		}},
		{name: "content with an odd property", in: `{"content":{"type":"text","text":["hi"]}}`, check: func(t *testing.T, m *sunco.Message) {
			text, ok := m.Content.(*sunco.TextMessage)
			require.True(t, ok, "content is %T", m.Content)
			assert.Nil(t, text.Text)
			assert.Equal(t, raw(`["hi"]`), text.Extra["text"])
		}},
		{name: "null content", in: `{"content":null}`, check: func(t *testing.T, m *sunco.Message) {
			assert.Nil(t, m.Content)
			assert.Equal(t, raw(`null`), m.Extra["content"])
		}},
		{name: "a required property absent stays absent", in: `{"author":{},"content":{"type":"image"}}`, check: func(t *testing.T, m *sunco.Message) {
			assert.Empty(t, m.Author.Type)
			assert.Empty(t, m.Content.(*sunco.ImageMessage).MediaURL)
		}},
		{name: "escaped keys and strings", in: `{"\u0069d":"\u00e9\ud83d\ude00\n","author":{"type":"us\u0065r"}}`, check: func(t *testing.T, m *sunco.Message) {
			assert.Equal(t, "é😀\n", *m.ID)
			assert.Equal(t, sunco.AuthorTypeUser, m.Author.Type)
		}},
		{name: "the last of duplicate keys wins", in: `{"id":"a","id":7,"received":1,"received":"2024-01-01T00:00:00.000Z"}`, check: func(t *testing.T, m *sunco.Message) {
			assert.Nil(t, m.ID)
			assert.Equal(t, raw(`7`), m.Extra["id"])
			assert.Equal(t, 2024, m.GetReceived().Year())
			assert.NotContains(t, m.Extra, "received")
		}},
		{name: "a timestamp that does not parse", in: `{"received":"yesterday"}`, check: func(t *testing.T, m *sunco.Message) {
			assert.Nil(t, m.Received)
			assert.Equal(t, raw(`"yesterday"`), m.Extra["received"])
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m sunco.Message
			require.NoError(t, m.UnmarshalJSON([]byte(tt.in)))
			tt.check(t, &m)
			out, err := m.MarshalJSON()
			require.NoError(t, err)
			assertSameValue(t, tt.in, out)
			viaStd, err := json.Marshal(m)
			require.NoError(t, err)
			assertSameValue(t, tt.in, viaStd)
		})
	}
}

// TestSetFieldWinsOverExtra checks that a field the caller sets after
// decoding is encoded instead of the odd value Extra kept for its key,
// and that a variant writes its discriminator for the caller.
func TestSetFieldWinsOverExtra(t *testing.T) {
	var m sunco.Message
	require.NoError(t, m.UnmarshalJSON([]byte(`{"id":5,"author":{"type":7},"content":"hi","deleted":"no"}`)))
	m.ID = sunco.Ptr("m1")
	m.Author.Type = sunco.AuthorTypeBusiness
	m.Content = &sunco.TextMessage{Text: sunco.Ptr("hi")}
	m.Deleted = sunco.NewNullable(false)
	out, err := m.MarshalJSON()
	require.NoError(t, err)
	assertSameValue(t, `{"id":"m1","author":{"type":"business"},"content":{"type":"text","text":"hi"},"deleted":false}`, out)
}

// TestDepthLimit checks free-form values nested up to the lexer's limit,
// encoding/json's, and one level past it.
func TestDepthLimit(t *testing.T) {
	const limit = 10000 // the documented limit: encoding/json's
	doc := func(depth int) []byte {
		// {"metadata":{"a": [[...]]}} is depth 2 plus the arrays.
		arrays := depth - 2
		return []byte(`{"metadata":{"a":` + strings.Repeat("[", arrays) + strings.Repeat("]", arrays) + `}}`)
	}
	require.True(t, json.Valid(doc(limit)))
	require.False(t, json.Valid(doc(limit+1)))

	var m sunco.Message
	require.NoError(t, m.UnmarshalJSON(doc(limit)))
	out, err := m.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, doc(limit), out)

	err = m.UnmarshalJSON(doc(limit + 1))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "exceeded max depth")
	assert.Contains(t, err.Error(), "offset 10015", "the offset of the bracket one level too deep")
}

// TestErrorsSayWhere checks that a syntax error names the path of the
// value it is in, by JSON names, and its offset.
func TestErrorsSayWhere(t *testing.T) {
	body := `{"messages":[{"id":"0"},{"id":"1"},{"id":"2"},{"id":"3","content":{"type":"text","text":"a` + "\x01" + `"}}]}`
	var res sunco.MessageListResponse
	err := res.UnmarshalJSON([]byte(body))
	require.Error(t, err)
	offset := strings.IndexByte(body, 1)
	assert.Equal(t, "messages[3].content.text: invalid JSON at offset "+strconv.Itoa(offset)+": invalid character '\\x01' in string literal", err.Error())

	_, err = sunco.ParseWebhook([]byte(`{"events":[{"type":"conversation:message","payload":{"message":{"content":{"type":"text","text":tru}}}}]}`))
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "events[0].payload.message.content.text: invalid JSON at offset "), err.Error())
}

// TestUnmarshalUnion checks the Unmarshal function of a union.
func TestUnmarshalUnion(t *testing.T) {
	c, err := sunco.UnmarshalContent([]byte(`{"type":"image","mediaUrl":"https://example.com/a.png"}`))
	require.NoError(t, err)
	img, ok := c.(*sunco.ImageMessage)
	require.True(t, ok, "got %T", c)
	assert.Equal(t, "https://example.com/a.png", img.MediaURL)

	c, err = sunco.UnmarshalContent([]byte(` null `))
	require.NoError(t, err)
	assert.Nil(t, c)

	c, err = sunco.UnmarshalContent([]byte(`[1]`))
	require.NoError(t, err)
	assert.Equal(t, raw(`[1]`), c.(*sunco.UnknownContent).Raw)

	_, err = sunco.UnmarshalContent([]byte(`{"type":`))
	assert.ErrorContains(t, err, "unexpected end of JSON input")

	u, err := sunco.UnmarshalIntegrationUpdate([]byte(`{"displayName":"x"}`))
	require.NoError(t, err)
	assert.NotNil(t, u)
	out, err := json.Marshal(u)
	require.NoError(t, err)
	assert.JSONEq(t, `{"displayName":"x"}`, string(out))
}

// TestVariantWritesDiscriminator checks that encoding a variant writes its
// discriminator value though the caller left it empty.
func TestVariantWritesDiscriminator(t *testing.T) {
	out, err := json.Marshal(sunco.MessagePost{
		Author:  sunco.Author{Type: sunco.AuthorTypeBusiness},
		Content: &sunco.ImageMessage{MediaURL: "https://example.com/a.png"},
	})
	require.NoError(t, err)
	var got struct{ Content map[string]any }
	require.NoError(t, json.Unmarshal(out, &got))
	assert.Equal(t, map[string]any{"type": "image", "mediaUrl": "https://example.com/a.png"}, got.Content)
}

// TestWebhookOddObjects checks that a delivery whose app or webhook
// object is odd still parses, keeping the odd values.
func TestWebhookOddObjects(t *testing.T) {
	body := `{"app":{"id":1234},"webhook":"wh-1","events":[{"id":"ev-1","type":"conversation:typing"}]}`
	p, err := sunco.ParseWebhook([]byte(body))
	require.NoError(t, err)
	require.NotNil(t, p.App)
	assert.Nil(t, p.App.ID)
	assert.Equal(t, raw(`1234`), p.App.Extra["id"])
	assert.Nil(t, p.Webhook)
	assert.Equal(t, raw(`"wh-1"`), p.Extra["webhook"])
	require.Len(t, p.Events, 1)
	out, err := json.Marshal(p)
	require.NoError(t, err)
	assertSameValue(t, body, out)
}

func raw(s string) json.RawMessage { return json.RawMessage(s) }

// assertSameValue checks that two documents are the same JSON value, with
// numbers compared by their literal.
func assertSameValue(t *testing.T, want string, got []byte) {
	t.Helper()
	w, err := decodeUseNumber([]byte(want))
	require.NoError(t, err)
	g, err := decodeUseNumber(got)
	require.NoError(t, err, "%s", got)
	if !reflect.DeepEqual(w, g) {
		t.Errorf("not the same JSON value:\nwant %s\n got %s", want, got)
	}
}

// decodeUseNumber decodes one JSON document as encoding/json does into an
// any with UseNumber.
func decodeUseNumber(data []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	err := d.Decode(&v)
	return v, err
}

// TestDuplicateDiscriminator checks that a duplicate discriminator key
// decides the variant as it decides the variant's field, last wins as in
// encoding/json: the two never disagree, and a value re-decodes from its
// own encoding as the same variant.
func TestDuplicateDiscriminator(t *testing.T) {
	t.Run("message contents", func(t *testing.T) {
		tests := []struct {
			in   string
			want sunco.Content
		}{
			{in: `{"type":"image","text":"hi","type":"text"}`, want: &sunco.TextMessage{}},
			{in: `{"type":"text","text":"hi","type":"image","mediaUrl":"https://example.com/a.png"}`, want: &sunco.ImageMessage{}},
			{in: `{"type":"text","text":"hi","type":"teleport"}`, want: &sunco.UnknownContent{}},
			{in: `{"type":"text","text":"hi","type":5}`, want: &sunco.UnknownContent{}},
		}
		for _, tt := range tests {
			t.Run(tt.in, func(t *testing.T) {
				v, err := sunco.UnmarshalContent([]byte(tt.in))
				require.NoError(t, err)
				require.IsType(t, tt.want, v)
				if _, unknown := v.(*sunco.UnknownContent); !unknown {
					var x struct{ Type string }
					require.NoError(t, json.Unmarshal([]byte(tt.in), &x))
					assert.Equal(t, x.Type, reflect.ValueOf(v).Elem().FieldByName("Type").String(), "the field is encoding/json's: the last wins")
				}
				out, err := json.Marshal(v)
				require.NoError(t, err)
				again, err := sunco.UnmarshalContent(out)
				require.NoError(t, err)
				assert.IsType(t, v, again, "%s re-decodes from %s", tt.in, out)
			})
		}
	})
	t.Run("webhook events", func(t *testing.T) {
		p, err := sunco.ParseWebhook([]byte(`{"events":[{"id":"e1","type":"conversation:message","payload":{},"type":"conversation:remove"}]}`))
		require.NoError(t, err)
		require.Len(t, p.Events, 1)
		ev, ok := p.Events[0].(*sunco.ConversationRemoveEvent)
		require.True(t, ok, "%T", p.Events[0])
		assert.Equal(t, "conversation:remove", ev.GetType())
	})
}
