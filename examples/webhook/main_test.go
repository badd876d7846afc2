package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/sunco"
	"github.com/sunco-sdk/sunco-go/gen/sunco/suncotest"
)

// testSecret is the webhook secret of the tests.
const testSecret = "webhook-secret"

// messageEvent is a conversation:message event with the given id, author
// type and content, in conversation conv-1.
func messageEvent(id string, author sunco.AuthorWebhookType, content sunco.Content) *sunco.ConversationMessageEvent {
	return &sunco.ConversationMessageEvent{
		ID: sunco.Ptr(id),
		Payload: &sunco.ConversationMessageEventPayload{
			Conversation: &sunco.ConversationTruncated{ID: sunco.Ptr("conv-1")},
			Message: &sunco.MessageWebhook{
				ID:      sunco.Ptr("msg-1"),
				Author:  &sunco.AuthorWebhook{Type: author, UserID: sunco.Ptr("user-1")},
				Content: content,
			},
		},
	}
}

// TestEcho posts deliveries to the example's handler, as SunCo does, and
// checks which echoes it posts to a fake of the API.
func TestEcho(t *testing.T) {
	userText := messageEvent("ev-1", sunco.AuthorWebhookTypeUser, &sunco.TextMessage{Text: sunco.Ptr("hello there")})
	tests := []struct {
		name       string
		deliveries [][]sunco.WebhookEvent
		apiError   error // what the API answers the echo with
		wantStatus int
		wantEchoes int
		wantOutput []string
	}{
		{
			name:       "user text is echoed",
			deliveries: [][]sunco.WebhookEvent{{userText}},
			wantStatus: http.StatusOK,
			wantEchoes: 1,
			wantOutput: []string{`conversation:message: "hello there"`},
		},
		{
			name:       "redelivery is not echoed twice",
			deliveries: [][]sunco.WebhookEvent{{userText}, {userText}},
			wantStatus: http.StatusOK,
			wantEchoes: 1,
		},
		{
			name:       "business message is not echoed",
			deliveries: [][]sunco.WebhookEvent{{messageEvent("ev-2", sunco.AuthorWebhookTypeBusiness, &sunco.TextMessage{Text: sunco.Ptr("You said: hi")})}},
			wantStatus: http.StatusOK,
			wantOutput: []string{`conversation:message: "You said: hi"`},
		},
		{
			name:       "image is printed, not echoed",
			deliveries: [][]sunco.WebhookEvent{{messageEvent("ev-3", sunco.AuthorWebhookTypeUser, &sunco.ImageMessage{MediaURL: "https://example.com/a.png"})}},
			wantStatus: http.StatusOK,
			wantOutput: []string{"conversation:message (*sunco.ImageMessage)"},
		},
		{
			name: "other events are printed",
			deliveries: [][]sunco.WebhookEvent{{
				&sunco.ConversationTypingEvent{ID: sunco.Ptr("ev-4"), Payload: &sunco.ConversationTypingEventPayload{Conversation: &sunco.ConversationTruncated{ID: sunco.Ptr("conv-1")}}},
				&sunco.UnknownWebhookEvent{Type: "conversation:levitate", Raw: json.RawMessage(`{"id": "ev-5", "type": "conversation:levitate", "payload": {}}`)},
			}},
			wantStatus: http.StatusOK,
			wantOutput: []string{"conversation:typing\n", "conversation:levitate\n"},
		},
		{
			name:       "API failure asks for a redelivery",
			deliveries: [][]sunco.WebhookEvent{{userText}},
			apiError:   &sunco.APIError{StatusCode: http.StatusInternalServerError},
			wantStatus: http.StatusInternalServerError,
			wantEchoes: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := suncotest.NewServer(t)
			api.Delivery.App = &sunco.AppInfo{ID: sunco.Ptr("app-1")}
			api.Delivery.Webhook = &sunco.WebhookInfo{ID: sunco.Ptr("wh-1"), Version: sunco.Ptr("v2")}
			api.Messages.Post = func(context.Context, string, string, sunco.MessagePost, *sunco.PostMessageParams) (*sunco.MessagePostResponse, error) {
				if tt.apiError != nil {
					return nil, tt.apiError
				}
				return &sunco.MessagePostResponse{}, nil
			}
			client, err := newClient(mapEnv(map[string]string{
				"SUNCO_KEY_ID":     "key-id",
				"SUNCO_KEY_SECRET": "key-secret",
				"SUNCO_BASE_URL":   api.URL,
			}))
			require.NoError(t, err)
			var out bytes.Buffer
			h := newHandler(testSecret, newEchoBot(client, &out))

			for _, events := range tt.deliveries {
				resp, err := api.SendWebhook(t.Context(), h, testSecret, events...)
				require.NoError(t, err)
				require.Equal(t, tt.wantStatus, resp.StatusCode, "answer: %s", readBody(t, resp))
			}

			echoes := api.Requests()
			require.Len(t, echoes, tt.wantEchoes)
			for _, r := range echoes {
				assert.Equal(t, "PostMessage", r.Operation)
				assert.Equal(t, "/v2/apps/app-1/conversations/conv-1/messages", r.Path)
				user, password, _ := (&http.Request{Header: r.Header}).BasicAuth()
				assert.Equal(t, "key-id", user)
				assert.Equal(t, "key-secret", password)
				body := r.Body.(sunco.MessagePost)
				assert.Equal(t, sunco.AuthorTypeBusiness, body.Author.Type)
				assert.Equal(t, &sunco.TextMessage{Type: "text", Text: sunco.Ptr("You said: hello there")}, body.Content)
			}
			for _, want := range tt.wantOutput {
				assert.Contains(t, out.String(), want)
			}
		})
	}
}

// TestSecretChecked: a delivery with another secret than the webhook's
// is refused before the bot sees it.
func TestSecretChecked(t *testing.T) {
	api := suncotest.NewServer(t)
	var out bytes.Buffer
	h := newHandler(testSecret, newEchoBot(api.Client(), &out))
	resp, err := api.SendWebhook(t.Context(), h, "another secret", messageEvent("ev-1", sunco.AuthorWebhookTypeUser, &sunco.TextMessage{Text: sunco.Ptr("hi")}))
	require.NoError(t, err)
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	assert.Empty(t, out.String())
	assert.Empty(t, api.Requests())
}

func readBody(t *testing.T, resp *http.Response) string {
	t.Helper()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(data)
}

// TestRunNeedsConfiguration checks that run refuses to start without a
// webhook secret or API key, before listening.
func TestRunNeedsConfiguration(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		wantErr string
	}{
		{name: "no webhook secret", env: map[string]string{"SUNCO_KEY_ID": "k", "SUNCO_KEY_SECRET": "s"}, wantErr: "SUNCO_WEBHOOK_SECRET"},
		{name: "no API key", env: map[string]string{"SUNCO_WEBHOOK_SECRET": "w"}, wantErr: "WithBasicAuth"},
		{name: "bad base URL", env: map[string]string{"SUNCO_WEBHOOK_SECRET": "w", "SUNCO_KEY_ID": "k", "SUNCO_KEY_SECRET": "s", "SUNCO_BASE_URL": "ftp://x"}, wantErr: "WithBaseURL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(context.Background(), "127.0.0.1:0", mapEnv(tt.env), io.Discard)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}

// TestSeenIDs checks that the de-duplication set forgets the oldest ids
// beyond its capacity.
func TestSeenIDs(t *testing.T) {
	s := newSeenIDs(2)
	s.add("a")
	s.add("b")
	s.add("a") // already there: not added twice
	assert.True(t, s.has("a"))
	assert.True(t, s.has("b"))
	s.add("c")
	assert.False(t, s.has("a"), "oldest id kept beyond capacity")
	assert.True(t, s.has("b"))
	assert.True(t, s.has("c"))
}

// mapEnv is a getenv reading env.
func mapEnv(env map[string]string) func(string) string {
	return func(k string) string { return env[k] }
}
