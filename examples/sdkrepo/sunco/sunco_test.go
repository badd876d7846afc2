package sunco_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"example.com/sunco-sdk/sunco"
)

// A delivery of one conversation:message event, written for this test.
const delivery = `{
  "app": {"id": "app1"},
  "webhook": {"id": "wh1", "version": "v2"},
  "events": [{
    "id": "ev1",
    "createdAt": "2025-01-02T03:04:05.000Z",
    "type": "conversation:message",
    "payload": {
      "conversation": {"id": "conv1", "type": "personal"},
      "message": {
        "id": "msg1",
        "received": "2025-01-02T03:04:05.000Z",
        "author": {"type": "user", "userId": "user1"},
        "content": {"type": "text", "text": "Hello there"}
      }
    }
  }]
}`

func TestParseWebhook(t *testing.T) {
	p, err := sunco.ParseWebhook([]byte(delivery))
	require.NoError(t, err)
	require.Len(t, p.Events, 1)
	ev, ok := p.Events[0].(*sunco.ConversationMessageEvent)
	require.True(t, ok, "decoded as %T", p.Events[0])
	msg := ev.GetPayload().GetMessage()
	assert.Equal(t, "msg1", msg.GetID())
	assert.Equal(t, "conv1", ev.GetPayload().GetConversation().GetID())
	assert.Equal(t, 2025, msg.GetReceived().Year())
	text, ok := msg.GetContent().(*sunco.TextMessage)
	require.True(t, ok, "content decoded as %T", msg.GetContent())
	assert.Equal(t, "Hello there", text.GetText())
}

// TestListMessagesBackwards pages through a conversation from its most
// recent messages back to its first, following meta.beforeCursor.
func TestListMessagesBackwards(t *testing.T) {
	var queries []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.RawQuery)
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Query().Get("page[before]") {
		case "":
			io.WriteString(w, `{"messages":[{"id":"m3"},{"id":"m4"}],"meta":{"hasMore":true,"beforeCursor":"m3"}}`)
		case "m3":
			io.WriteString(w, `{"messages":[{"id":"m1"},{"id":"m2"}],"meta":{"hasMore":false}}`)
		default:
			http.Error(w, `{"errors":[{"code":"bad_request","title":"unexpected cursor"}]}`, http.StatusBadRequest)
		}
	}))
	defer srv.Close()
	c, err := sunco.NewClient(sunco.WithBaseURL(srv.URL), sunco.WithHTTPClient(srv.Client()))
	require.NoError(t, err)

	var ids []string
	for msg, err := range c.Messages.ListIter(t.Context(), "app1", "conv1", nil) {
		require.NoError(t, err)
		ids = append(ids, msg.GetID())
	}
	require.Len(t, ids, 4)
	assert.Equal(t, []string{"m4", "m3", "m2", "m1"}, ids, "newest first")
	assert.Equal(t, []string{"", "page[before]=m3"}, queries)
}
