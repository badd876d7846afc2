package bench

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/sunco"
)

// The benchmarks run in `make test` for 100 iterations each:
//
//	go test ./gen/bench -run '^$' -bench . -benchmem -benchtime 100x
//
// gen/bench/peers.sh runs them side by side with ogen's SDK.

func BenchmarkDecodeMessageList(b *testing.B) {
	data := MessageList()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var res sunco.MessageListResponse
		if err := res.UnmarshalJSON(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeMessageList(b *testing.B) {
	data := MessageList()
	var res sunco.MessageListResponse
	require.NoError(b, res.UnmarshalJSON(data))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := res.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseWebhook(b *testing.B) {
	data := WebhookPayload()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sunco.ParseWebhook(data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFixture checks that the fixture is what the benchmarks claim to
// measure: every message and event decodes into a known type, with the
// mix of contents, authors, nulls and clients described, and encodes back
// to the same JSON value.
func TestFixture(t *testing.T) {
	t.Run("message list", func(t *testing.T) {
		data := MessageList()
		var res sunco.MessageListResponse
		require.NoError(t, res.UnmarshalJSON(data))
		require.Len(t, res.Messages, Messages)
		contents, authors := map[string]int{}, map[sunco.AuthorType]int{}
		var clients, metadataNulls int
		for i, m := range res.Messages {
			require.NotNil(t, m.Content, "message %d", i)
			contents[reflect.TypeOf(m.Content).Elem().Name()]++
			require.NotNil(t, m.Author, "message %d", i)
			authors[m.Author.Type]++
			if c, ok := m.Source.Client.Get(); ok {
				require.NotNil(t, c.ID, "message %d: client", i)
				clients++
			}
			if md, ok := m.Metadata.Get(); ok {
				for _, v := range md {
					if v == nil {
						metadataNulls++
					}
				}
			}
			assert.Empty(t, m.Extra, "message %d", i)
		}
		assert.Equal(t, map[string]int{"TextMessage": 25, "ImageMessage": 25, "FileMessage": 25, "CarouselMessage": 25}, contents)
		assert.Equal(t, map[sunco.AuthorType]int{sunco.AuthorTypeBusiness: 34, sunco.AuthorTypeUser: 66}, authors)
		assert.Equal(t, 66, clients)
		assert.Equal(t, 25, metadataNulls)
		assertSameJSON(t, data, &res)
		t.Logf("%d bytes", len(data))
	})
	t.Run("webhook payload", func(t *testing.T) {
		data := WebhookPayload()
		p, err := sunco.ParseWebhook(data)
		require.NoError(t, err)
		require.Len(t, p.Events, Events)
		types := map[string]int{}
		for i, ev := range p.Events {
			name := reflect.TypeOf(ev).Elem().Name()
			require.False(t, strings.HasPrefix(name, "Unknown"), "event %d is %s", i, name)
			types[name]++
		}
		assert.Equal(t, map[string]int{"ConversationMessageEvent": 20, "ConversationReadEvent": 10, "ConversationTypingEvent": 10, "UserUpdateEvent": 10}, types)
		assertSameJSON(t, data, p)
		t.Logf("%d bytes", len(data))
	})
}

// assertSameJSON checks that v encodes to the JSON value of data.
func assertSameJSON(t *testing.T, data []byte, v json.Marshaler) {
	t.Helper()
	out, err := v.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(out))
}
