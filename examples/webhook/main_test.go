package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testSecret is the webhook secret of the tests.
const testSecret = "webhook-secret"

// messageDelivery returns a delivery shaped like SunCo's: one
// conversation:message event with the given id, author type and content.
func messageDelivery(eventID, authorType, content string) string {
	return `{
		"app": {"id": "app-1"},
		"webhook": {"id": "wh-1", "version": "v2"},
		"events": [{
			"id": "` + eventID + `",
			"createdAt": "2024-05-06T07:08:09.010Z",
			"type": "conversation:message",
			"payload": {
				"conversation": {"id": "conv-1", "type": "personal"},
				"message": {
					"id": "msg-1",
					"received": "2024-05-06T07:08:09.000Z",
					"author": {"userId": "user-1", "displayName": "Ada", "type": "` + authorType + `",
					           "user": {"id": "user-1", "externalId": "ext-1"}},
					"content": ` + content + `,
					"source": {"integrationId": "int-1", "type": "telegram"}
				}
			}
		}]
	}`
}

// apiCall is a request the fake API received.
type apiCall struct {
	Method, Path, User, Password string
	Body                         string
}

// fakeAPI is a SunCo API on 127.0.0.1 that records the requests it gets
// and answers them with status.
type fakeAPI struct {
	mu     sync.Mutex
	calls  []apiCall
	status int
}

func (f *fakeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	user, password, _ := r.BasicAuth()
	f.mu.Lock()
	f.calls = append(f.calls, apiCall{Method: r.Method, Path: r.URL.Path, User: user, Password: password, Body: string(body)})
	status := f.status
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if status < 300 {
		_, _ = io.WriteString(w, `{"messages":[{"id":"msg-echo","author":{"type":"business"},"content":{"type":"text","text":"ok"}}]}`)
	} else {
		_, _ = io.WriteString(w, `{"errors":[{"code":"internal","title":"boom"}]}`)
	}
}

func (f *fakeAPI) recorded() []apiCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]apiCall(nil), f.calls...)
}

// TestEcho posts deliveries to the example's handler and checks which
// echoes it sends to a fake SunCo API.
func TestEcho(t *testing.T) {
	userText := messageDelivery("ev-1", "user", `{"type": "text", "text": "hello there"}`)
	tests := []struct {
		name       string
		deliveries []string
		apiStatus  int // default 201
		wantStatus int
		wantEchoes int
		wantOutput []string
	}{
		{
			name:       "user text is echoed",
			deliveries: []string{userText},
			wantStatus: http.StatusOK,
			wantEchoes: 1,
			wantOutput: []string{`conversation:message: "hello there"`},
		},
		{
			name:       "redelivery is not echoed twice",
			deliveries: []string{userText, userText},
			wantStatus: http.StatusOK,
			wantEchoes: 1,
		},
		{
			name:       "business message is not echoed",
			deliveries: []string{messageDelivery("ev-2", "business", `{"type": "text", "text": "You said: hi"}`)},
			wantStatus: http.StatusOK,
			wantOutput: []string{`conversation:message: "You said: hi"`},
		},
		{
			name:       "image is printed, not echoed",
			deliveries: []string{messageDelivery("ev-3", "user", `{"type": "image", "mediaUrl": "https://example.com/a.png"}`)},
			wantStatus: http.StatusOK,
			wantOutput: []string{"conversation:message (*sunco.ImageMessage)"},
		},
		{
			name: "other events are printed",
			deliveries: []string{`{"app": {"id": "app-1"}, "events": [
				{"id": "ev-4", "type": "conversation:typing", "payload": {"conversation": {"id": "conv-1"}}},
				{"id": "ev-5", "type": "conversation:levitate", "payload": {}}]}`},
			wantStatus: http.StatusOK,
			wantOutput: []string{"conversation:typing\n", "conversation:levitate\n"},
		},
		{
			name:       "API failure asks for a redelivery",
			deliveries: []string{userText},
			apiStatus:  http.StatusInternalServerError,
			wantStatus: http.StatusInternalServerError,
			wantEchoes: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := &fakeAPI{status: tt.apiStatus}
			if api.status == 0 {
				api.status = http.StatusCreated
			}
			srv := httptest.NewServer(api)
			t.Cleanup(srv.Close)
			require.True(t, strings.HasPrefix(srv.URL, "http://127.0.0.1:"), srv.URL)

			client, err := newClient(mapEnv(map[string]string{
				"SUNCO_KEY_ID":     "key-id",
				"SUNCO_KEY_SECRET": "key-secret",
				"SUNCO_BASE_URL":   srv.URL,
			}))
			require.NoError(t, err)
			var out bytes.Buffer
			h := newHandler(testSecret, newEchoBot(client, &out))

			for _, body := range tt.deliveries {
				req := httptest.NewRequestWithContext(context.Background(), http.MethodPost, "/", strings.NewReader(body))
				req.Header.Set("X-API-Key", testSecret)
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				require.Equal(t, tt.wantStatus, rec.Code, "answer: %s", rec.Body)
			}

			calls := api.recorded()
			require.Len(t, calls, tt.wantEchoes)
			for _, c := range calls {
				assert.Equal(t, http.MethodPost, c.Method)
				assert.Equal(t, "/v2/apps/app-1/conversations/conv-1/messages", c.Path)
				assert.Equal(t, "key-id", c.User)
				assert.Equal(t, "key-secret", c.Password)
				assert.JSONEq(t, `{"author": {"type": "business"}, "content": {"type": "text", "text": "You said: hello there"}}`, c.Body)
			}
			for _, want := range tt.wantOutput {
				assert.Contains(t, out.String(), want)
			}
		})
	}
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
