package sunco

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// testPayload is what the fake parse function returns.
type testPayload struct{ body string }

// parseTestPayload accepts bodies starting with "{" and fails with a
// multi-line message otherwise.
func parseTestPayload(b []byte) (testPayload, error) {
	if !strings.HasPrefix(string(b), "{") {
		return testPayload{}, errors.New("bad json: want an object\nsecond line")
	}
	return testPayload{body: string(b)}, nil
}

func TestWebhookHandler(t *testing.T) {
	const secret = "whsec-1"
	tests := []struct {
		name       string
		noSecret   bool
		parse      func([]byte) (testPayload, error) // default parseTestPayload
		method     string
		apiKey     string
		body       string
		opts       []WebhookOption
		fnErr      error
		fnPanic    bool
		wantStatus int
		wantBody   string
		wantCalled bool
		wantAllow  string
	}{
		{name: "delivered", method: "POST", apiKey: secret, body: `{"events":[]}`, wantStatus: 200, wantCalled: true},
		{name: "wrong method", method: "GET", apiKey: secret, wantStatus: 405, wantAllow: "POST", wantBody: "method not allowed\n"},
		{name: "missing key", method: "POST", body: `{}`, wantStatus: 401, wantBody: "unauthorized\n"},
		{name: "wrong key", method: "POST", apiKey: "whsec-2", body: `{}`, wantStatus: 401},
		{name: "key prefix", method: "POST", apiKey: "whsec", body: `{}`, wantStatus: 401},
		{name: "empty secret matches nothing", noSecret: true, method: "POST", body: `{}`, wantStatus: 401},
		{name: "body over default cap", method: "POST", apiKey: secret, body: "{" + strings.Repeat(" ", 1<<20) + "}", wantStatus: 413},
		{name: "body over custom cap", method: "POST", apiKey: secret, body: `{"a":1}`, opts: []WebhookOption{WithMaxBodyBytes(4)}, wantStatus: 413},
		{name: "body one over custom cap", method: "POST", apiKey: secret, body: `{"a":1}`, opts: []WebhookOption{WithMaxBodyBytes(6)}, wantStatus: 413},
		{name: "body at custom cap", method: "POST", apiKey: secret, body: `{"a":1}`, opts: []WebhookOption{WithMaxBodyBytes(7)}, wantStatus: 200, wantCalled: true},
		{name: "body at default cap", method: "POST", apiKey: secret, body: "{" + strings.Repeat(" ", 1<<20-2) + "}", wantStatus: 200, wantCalled: true},
		{name: "body one over default cap", method: "POST", apiKey: secret, body: "{" + strings.Repeat(" ", 1<<20-1) + "}", wantStatus: 413},
		// The checks run in the order method, API key, size, parse: a
		// request failing several gets the answer of the first.
		{name: "GET with wrong key", method: "GET", apiKey: "whsec-2", wantStatus: 405, wantAllow: "POST"},
		{name: "wrong key and invalid JSON", method: "POST", apiKey: "whsec-2", body: `nope`, wantStatus: 401, wantBody: "unauthorized\n"},
		{name: "oversized body without key", method: "POST", body: `{"a":1}`, opts: []WebhookOption{WithMaxBodyBytes(4)}, wantStatus: 401, wantBody: "unauthorized\n"},
		{name: "oversized invalid JSON", method: "POST", apiKey: secret, body: `nope!`, opts: []WebhookOption{WithMaxBodyBytes(4)}, wantStatus: 413},
		{name: "non-positive cap keeps default", method: "POST", apiKey: secret, body: `{"a":1}`, opts: []WebhookOption{WithMaxBodyBytes(0)}, wantStatus: 200, wantCalled: true},
		{name: "parse error", method: "POST", apiKey: secret, body: `nope`, wantStatus: 400, wantBody: "invalid payload: bad json: want an object\n"},
		{
			name:       "parse error reason is bounded",
			parse:      func([]byte) (testPayload, error) { return testPayload{}, errors.New(strings.Repeat("x", 5000)) },
			method:     "POST",
			apiKey:     secret,
			body:       `{}`,
			wantStatus: 400,
			wantBody:   "invalid payload: " + strings.Repeat("x", maxReasonLen) + "\n",
		},
		{name: "handler error", method: "POST", apiKey: secret, body: `{}`, fnErr: errors.New("db down: password=hunter2"), wantStatus: 500, wantBody: "internal error\n", wantCalled: true},
		{name: "handler panic", method: "POST", apiKey: secret, body: `{}`, fnPanic: true, wantStatus: 500, wantBody: "internal error\n", wantCalled: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := secret
			if tt.noSecret {
				s = ""
			}
			parse := tt.parse
			if parse == nil {
				parse = parseTestPayload
			}
			called := false
			fn := func(ctx context.Context, p testPayload) error {
				called = true
				assert.NotNil(t, ctx)
				assert.Equal(t, tt.body, p.body)
				if tt.fnPanic {
					panic("boom")
				}
				return tt.fnErr
			}
			h := newWebhookHandler(s, parse, fn, tt.opts)
			req := httptest.NewRequest(tt.method, "/webhooks/sunco", strings.NewReader(tt.body))
			if tt.apiKey != "" {
				req.Header.Set("X-API-Key", tt.apiKey)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)

			assert.Equal(t, tt.wantStatus, rec.Code)
			assert.Equal(t, tt.wantCalled, called)
			assert.Equal(t, tt.wantAllow, rec.Header().Get("Allow"))
			if tt.wantBody != "" {
				assert.Equal(t, tt.wantBody, rec.Body.String())
				assert.Equal(t, "text/plain; charset=utf-8", rec.Header().Get("Content-Type"))
			}
			assert.NotContains(t, rec.Body.String(), "hunter2")
		})
	}
}
