package faketest

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/sunco"
	"github.com/sunco-sdk/sunco-go/gen/sunco/suncotest"
)

// events are a delivery's events, of two kinds: one the SDK knows, one it
// does not.
var events = []sunco.WebhookEvent{
	&sunco.ConversationMessageEvent{
		ID: sunco.Ptr("ev_1"),
		Payload: &sunco.ConversationMessageEventPayload{
			Conversation: &sunco.ConversationTruncated{ID: sunco.Ptr("conv_1")},
			Message:      &sunco.MessageWebhook{Content: &sunco.TextMessage{Text: sunco.Ptr("hello")}},
		},
	},
	&sunco.UnknownWebhookEvent{Type: "conversation:levitate", Raw: json.RawMessage(`{"type":"conversation:levitate","id":"ev_2"}`)},
}

// TestSendWebhook: a delivery reaches the SDK's webhook handler as SunCo
// sends it, the events given with the app and webhook of Delivery, and the
// handler's answer is the response; a delivery with another secret is
// refused by the handler.
func TestSendWebhook(t *testing.T) {
	srv := suncotest.NewServer(t)
	srv.Delivery.App = &sunco.AppInfo{ID: sunco.Ptr("app_1")}
	srv.Delivery.Webhook = &sunco.WebhookInfo{ID: sunco.Ptr("wh_1"), Version: sunco.Ptr("v2")}
	var got *sunco.WebhookPayload
	h := sunco.NewWebhookHandler("secret", func(_ context.Context, p *sunco.WebhookPayload) error {
		got = p
		return nil
	})

	resp, err := srv.SendWebhook(t.Context(), h, "secret", events...)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	require.NotNil(t, got)
	assert.Equal(t, "app_1", got.GetApp().GetID())
	assert.Equal(t, "v2", got.GetWebhook().GetVersion())
	assertSameEvents(t, events, got.Events)

	got = nil
	resp, err = srv.SendWebhook(t.Context(), h, "another secret", events...)
	require.NoError(t, err)
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	assert.Nil(t, got)

	_, err = srv.SendWebhook(t.Context(), nil, "secret", events...)
	assert.ErrorContains(t, err, "nil handler")
}

// TestSendWebhookURL: a delivery posted to a URL is a POST of the
// delivery's JSON with the secret in X-API-Key.
func TestSendWebhookURL(t *testing.T) {
	srv := suncotest.NewServer(t)
	type received struct {
		method, contentType, key string
		body                     []byte
	}
	got := make(chan received, 1)
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		got <- received{r.Method, r.Header.Get("Content-Type"), r.Header.Get("X-API-Key"), body}
		w.WriteHeader(http.StatusAccepted)
	}))
	t.Cleanup(target.Close)

	resp, err := srv.SendWebhookURL(t.Context(), target.URL+"/webhook", "secret", events...)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	r := <-got
	assert.Equal(t, http.MethodPost, r.method)
	assert.Equal(t, "application/json", r.contentType)
	assert.Equal(t, "secret", r.key)
	payload, err := sunco.ParseWebhook(r.body)
	require.NoError(t, err)
	assertSameEvents(t, events, payload.Events)
}

// assertSameEvents checks that got are want, decoded from their encoding:
// the same variants, encoding the same.
func assertSameEvents(t *testing.T, want, got []sunco.WebhookEvent) {
	t.Helper()
	require.Len(t, got, len(want))
	for i := range want {
		assert.IsType(t, want[i], got[i])
		w, err := json.Marshal(want[i])
		require.NoError(t, err)
		g, err := json.Marshal(got[i])
		require.NoError(t, err)
		assert.JSONEq(t, string(w), string(g))
	}
}
