package sunco

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
		wantErr    string // given to WithWebhookErrorFunc's function; "" for none
	}{
		{name: "delivered", method: "POST", apiKey: secret, body: `{"events":[]}`, wantStatus: 200, wantCalled: true},
		{name: "wrong method", method: "GET", apiKey: secret, wantStatus: 405, wantAllow: "POST", wantBody: "method not allowed\n", wantErr: `sunco: webhook request method is "GET", not POST`},
		{name: "missing key", method: "POST", body: `{}`, wantStatus: 401, wantBody: "unauthorized\n", wantErr: "sunco: webhook request has no valid X-API-Key header"},
		{name: "wrong key", method: "POST", apiKey: "whsec-2", body: `{}`, wantStatus: 401, wantErr: "sunco: webhook request has no valid X-API-Key header"},
		{name: "key prefix", method: "POST", apiKey: "whsec", body: `{}`, wantStatus: 401, wantErr: "sunco: webhook request has no valid X-API-Key header"},
		{name: "empty secret matches nothing", noSecret: true, method: "POST", body: `{}`, wantStatus: 401, wantErr: "sunco: webhook request has no valid X-API-Key header"},
		{name: "body over default cap", method: "POST", apiKey: secret, body: "{" + strings.Repeat(" ", 1<<20) + "}", wantStatus: 413, wantErr: "sunco: webhook body is larger than 1048576 bytes (WithMaxBodyBytes): http: request body too large"},
		{name: "body over custom cap", method: "POST", apiKey: secret, body: `{"a":1}`, opts: []WebhookOption{WithMaxBodyBytes(4)}, wantStatus: 413, wantErr: "sunco: webhook body is larger than 4 bytes (WithMaxBodyBytes): http: request body too large"},
		{name: "body one over custom cap", method: "POST", apiKey: secret, body: `{"a":1}`, opts: []WebhookOption{WithMaxBodyBytes(6)}, wantStatus: 413, wantErr: "sunco: webhook body is larger than 6 bytes (WithMaxBodyBytes): http: request body too large"},
		{name: "body at custom cap", method: "POST", apiKey: secret, body: `{"a":1}`, opts: []WebhookOption{WithMaxBodyBytes(7)}, wantStatus: 200, wantCalled: true},
		{name: "body at default cap", method: "POST", apiKey: secret, body: "{" + strings.Repeat(" ", 1<<20-2) + "}", wantStatus: 200, wantCalled: true},
		{name: "body one over default cap", method: "POST", apiKey: secret, body: "{" + strings.Repeat(" ", 1<<20-1) + "}", wantStatus: 413, wantErr: "sunco: webhook body is larger than 1048576 bytes (WithMaxBodyBytes): http: request body too large"},
		// The checks run in the order method, API key, size, parse: a
		// request failing several gets the answer of the first.
		{name: "GET with wrong key", method: "GET", apiKey: "whsec-2", wantStatus: 405, wantAllow: "POST", wantErr: `sunco: webhook request method is "GET", not POST`},
		{name: "wrong key and invalid JSON", method: "POST", apiKey: "whsec-2", body: `nope`, wantStatus: 401, wantBody: "unauthorized\n", wantErr: "sunco: webhook request has no valid X-API-Key header"},
		{name: "oversized body without key", method: "POST", body: `{"a":1}`, opts: []WebhookOption{WithMaxBodyBytes(4)}, wantStatus: 401, wantBody: "unauthorized\n", wantErr: "sunco: webhook request has no valid X-API-Key header"},
		{name: "oversized invalid JSON", method: "POST", apiKey: secret, body: `nope!`, opts: []WebhookOption{WithMaxBodyBytes(4)}, wantStatus: 413, wantErr: "sunco: webhook body is larger than 4 bytes (WithMaxBodyBytes): http: request body too large"},
		{name: "non-positive cap keeps default", method: "POST", apiKey: secret, body: `{"a":1}`, opts: []WebhookOption{WithMaxBodyBytes(0)}, wantStatus: 200, wantCalled: true},
		{name: "parse error", method: "POST", apiKey: secret, body: `nope`, wantStatus: 400, wantBody: "invalid payload: bad json: want an object\n", wantErr: "bad json: want an object\nsecond line"},
		{
			name:       "parse error reason is bounded",
			parse:      func([]byte) (testPayload, error) { return testPayload{}, errors.New(strings.Repeat("x", 5000)) },
			method:     "POST",
			apiKey:     secret,
			body:       `{}`,
			wantStatus: 400,
			wantBody:   "invalid payload: " + strings.Repeat("x", maxReasonLen) + "\n",
			wantErr:    strings.Repeat("x", 5000),
		},
		{name: "handler error", method: "POST", apiKey: secret, body: `{}`, fnErr: errors.New("db down: password=hunter2"), wantStatus: 500, wantBody: "internal error\n", wantCalled: true, wantErr: "sunco: webhook handler: db down: password=hunter2"},
		{name: "handler panic", method: "POST", apiKey: secret, body: `{}`, fnPanic: true, wantStatus: 500, wantBody: "internal error\n", wantCalled: true, wantErr: "sunco: webhook handler panicked: boom"},
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
			var reported []error
			onError := WithWebhookErrorFunc(func(r *http.Request, err error) {
				assert.Equal(t, "/webhooks/sunco", r.URL.Path)
				reported = append(reported, err)
			})
			h := newWebhookHandler(s, parse, fn, append(tt.opts, onError))
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
			if tt.wantErr == "" {
				assert.Empty(t, reported)
				return
			}
			require.Len(t, reported, 1, "errors reported")
			assert.EqualError(t, reported[0], tt.wantErr)
			if tt.fnErr != nil {
				assert.ErrorIs(t, reported[0], tt.fnErr)
			}
		})
	}
}

// TestWebhookPanicError checks that a handler's panic with an error keeps
// that error reachable.
func TestWebhookPanicError(t *testing.T) {
	errBoom := errors.New("boom")
	err := callHandler(t.Context(), func(context.Context, int) error { panic(errBoom) }, 0)
	assert.ErrorIs(t, err, errBoom)
	assert.EqualError(t, err, "sunco: webhook handler panicked: boom")
}

func TestVerifyWebhookRequest(t *testing.T) {
	tests := []struct {
		name    string
		secret  string
		header  []string // X-API-Key values
		wantErr bool
	}{
		{name: "the secret", secret: "whsec-1", header: []string{"whsec-1"}},
		{name: "no header", secret: "whsec-1", wantErr: true},
		{name: "empty header", secret: "whsec-1", header: []string{""}, wantErr: true},
		{name: "another key", secret: "whsec-1", header: []string{"whsec-2"}, wantErr: true},
		{name: "a prefix", secret: "whsec-1", header: []string{"whsec-"}, wantErr: true},
		{name: "longer", secret: "whsec-1", header: []string{"whsec-1 "}, wantErr: true},
		{name: "case differs", secret: "whsec-1", header: []string{"WHSEC-1"}, wantErr: true},
		{name: "the first of two headers counts", secret: "whsec-1", header: []string{"x", "whsec-1"}, wantErr: true},
		{name: "empty secret matches nothing", secret: "", header: []string{""}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/webhooks/sunco", nil)
			r.Header["X-Api-Key"] = tt.header
			err := VerifyWebhookRequest(r, tt.secret)
			if tt.wantErr {
				assert.EqualError(t, err, "sunco: webhook request has no valid X-API-Key header")
				return
			}
			assert.NoError(t, err)
		})
	}
}
