package sdktest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/sunco"
)

// handlerSecret is the webhook secret of the handler tests.
const handlerSecret = "test-webhook-secret"

// deliveryBody is a delivery with two events; the handler must hand both
// ids to fn, in order, so that it can drop events it has already handled.
const deliveryBody = `{
	"app": {"id": "app-1"},
	"webhook": {"id": "wh-1", "version": "v2"},
	"events": [
		{"id": "ev-1", "type": "conversation:typing", "payload": {"conversation": {"id": "conv-1"}}},
		{"id": "ev-2", "type": "conversation:unheard-of", "payload": {}}
	]
}`

// TestWebhookHandler drives the generated sunco.NewWebhookHandler through
// net/http as SunCo would, and checks the status of each answer and
// whether fn was called.
func TestWebhookHandler(t *testing.T) {
	tests := []struct {
		name       string
		method     string // default POST
		apiKey     *string
		body       string
		opts       []sunco.WebhookOption
		nilFn      bool
		fnErr      error
		fnPanic    bool
		wantStatus int
		wantCalled bool
		wantAllow  string
		wantIDs    []string // event ids fn receives
	}{
		{name: "delivered", apiKey: sunco.Ptr(handlerSecret), body: deliveryBody, wantStatus: http.StatusOK, wantCalled: true, wantIDs: []string{"ev-1", "ev-2"}},
		{name: "missing API key", body: deliveryBody, wantStatus: http.StatusUnauthorized},
		{name: "empty API key", apiKey: sunco.Ptr(""), body: deliveryBody, wantStatus: http.StatusUnauthorized},
		{name: "wrong API key", apiKey: sunco.Ptr("not-the-secret"), body: deliveryBody, wantStatus: http.StatusUnauthorized},
		{name: "API key with a suffix", apiKey: sunco.Ptr(handlerSecret + "x"), body: deliveryBody, wantStatus: http.StatusUnauthorized},
		{name: "GET", method: http.MethodGet, apiKey: sunco.Ptr(handlerSecret), wantStatus: http.StatusMethodNotAllowed, wantAllow: http.MethodPost},
		{name: "PUT", method: http.MethodPut, apiKey: sunco.Ptr(handlerSecret), body: deliveryBody, wantStatus: http.StatusMethodNotAllowed, wantAllow: http.MethodPost},
		{name: "body over the cap", apiKey: sunco.Ptr(handlerSecret), body: deliveryBody, opts: []sunco.WebhookOption{sunco.WithMaxBodyBytes(16)}, wantStatus: http.StatusRequestEntityTooLarge},
		{name: "body at the cap", apiKey: sunco.Ptr(handlerSecret), body: `{"events":[]}`, opts: []sunco.WebhookOption{sunco.WithMaxBodyBytes(int64(len(`{"events":[]}`)))}, wantStatus: http.StatusOK, wantCalled: true},
		{name: "body one over the cap", apiKey: sunco.Ptr(handlerSecret), body: `{"events":[]}`, opts: []sunco.WebhookOption{sunco.WithMaxBodyBytes(int64(len(`{"events":[]}`) - 1))}, wantStatus: http.StatusRequestEntityTooLarge},
		// Method, then API key, then size, then parse: a request that fails
		// several checks gets the answer of the first.
		{name: "GET with a wrong API key", method: http.MethodGet, apiKey: sunco.Ptr("not-the-secret"), wantStatus: http.StatusMethodNotAllowed, wantAllow: http.MethodPost},
		{name: "wrong API key and invalid JSON", apiKey: sunco.Ptr("not-the-secret"), body: `{"events": [`, wantStatus: http.StatusUnauthorized},
		{name: "body over the cap without API key", body: deliveryBody, opts: []sunco.WebhookOption{sunco.WithMaxBodyBytes(16)}, wantStatus: http.StatusUnauthorized},
		{name: "invalid JSON over the cap", apiKey: sunco.Ptr(handlerSecret), body: `{"events": [` + strings.Repeat(" ", 16), opts: []sunco.WebhookOption{sunco.WithMaxBodyBytes(16)}, wantStatus: http.StatusRequestEntityTooLarge},
		{name: "invalid JSON", apiKey: sunco.Ptr(handlerSecret), body: `{"events": [`, wantStatus: http.StatusBadRequest},
		{name: "empty body", apiKey: sunco.Ptr(handlerSecret), body: ``, wantStatus: http.StatusBadRequest},
		{name: "JSON array", apiKey: sunco.Ptr(handlerSecret), body: `[{"events":[]}]`, wantStatus: http.StatusBadRequest},
		{name: "JSON null", apiKey: sunco.Ptr(handlerSecret), body: `null`, wantStatus: http.StatusBadRequest},
		{name: "JSON string", apiKey: sunco.Ptr(handlerSecret), body: `"events"`, wantStatus: http.StatusBadRequest},
		{name: "object without events", apiKey: sunco.Ptr(handlerSecret), body: `{"app":{"id":"app-1"}}`, wantStatus: http.StatusBadRequest},
		{name: "events not an array", apiKey: sunco.Ptr(handlerSecret), body: `{"events":{"id":"ev-1"}}`, wantStatus: http.StatusBadRequest},
		{name: "event not an object", apiKey: sunco.Ptr(handlerSecret), body: `{"events":[1,{"id":"ev-2","type":"conversation:typing"}]}`, wantStatus: http.StatusOK, wantCalled: true, wantIDs: []string{"", "ev-2"}},
		{name: "a null event", apiKey: sunco.Ptr(handlerSecret), body: `{"events":[{"id":"ev-1","type":"conversation:typing"},null,{"id":"ev-3","type":"user:update"}]}`, wantStatus: http.StatusOK, wantCalled: true, wantIDs: []string{"ev-1", "", "ev-3"}},
		{name: "only odd events", apiKey: sunco.Ptr(handlerSecret), body: `{"events":[null,"x",[],{}]}`, wantStatus: http.StatusOK, wantCalled: true, wantIDs: []string{"", "", "", ""}},
		{name: "app.id a number", apiKey: sunco.Ptr(handlerSecret), body: `{"app":{"id":1234},"events":[{"id":"ev-1"}]}`, wantStatus: http.StatusOK, wantCalled: true, wantIDs: []string{"ev-1"}},
		{name: "app not an object", apiKey: sunco.Ptr(handlerSecret), body: `{"app":"app-1","events":[{"id":"ev-1"}]}`, wantStatus: http.StatusOK, wantCalled: true, wantIDs: []string{"ev-1"}},
		{name: "webhook object odd", apiKey: sunco.Ptr(handlerSecret), body: `{"webhook":{"id":"wh-1","version":2,"ID":["x"]},"events":[{"id":"ev-1"}]}`, wantStatus: http.StatusOK, wantCalled: true, wantIDs: []string{"ev-1"}},
		{name: "webhook null", apiKey: sunco.Ptr(handlerSecret), body: `{"webhook":null,"events":[{"id":"ev-1"}]}`, wantStatus: http.StatusOK, wantCalled: true, wantIDs: []string{"ev-1"}},
		{name: "nil fn", apiKey: sunco.Ptr(handlerSecret), body: deliveryBody, nilFn: true, wantStatus: http.StatusOK},
		{name: "fn error", apiKey: sunco.Ptr(handlerSecret), body: deliveryBody, fnErr: errors.New("database unavailable"), wantStatus: http.StatusInternalServerError, wantCalled: true, wantIDs: []string{"ev-1", "ev-2"}},
		{name: "fn panic", apiKey: sunco.Ptr(handlerSecret), body: deliveryBody, fnPanic: true, wantStatus: http.StatusInternalServerError, wantCalled: true, wantIDs: []string{"ev-1", "ev-2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			called := false
			var ids []string
			fn := func(ctx context.Context, p *sunco.WebhookPayload) error {
				called = true
				assert.NotNil(t, ctx)
				require.NotNil(t, p)
				for _, ev := range p.Events {
					ids = append(ids, ev.GetID())
				}
				if tt.fnPanic {
					panic("handler bug")
				}
				return tt.fnErr
			}
			if tt.nilFn {
				fn = nil
			}
			var reported []error
			onError := sunco.WithWebhookErrorFunc(func(_ *http.Request, err error) { reported = append(reported, err) })
			h := sunco.NewWebhookHandler(handlerSecret, fn, append(tt.opts, onError)...)

			method := tt.method
			if method == "" {
				method = http.MethodPost
			}
			req := httptest.NewRequest(method, "/webhooks/sunco", strings.NewReader(tt.body))
			req.Header.Set("Content-Type", "application/json")
			if tt.apiKey != nil {
				req.Header.Set("X-API-Key", *tt.apiKey)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)

			assert.Equal(t, tt.wantStatus, rec.Code, "body: %s", rec.Body)
			assert.Equal(t, tt.wantCalled, called, "fn called")
			assert.Equal(t, tt.wantIDs, ids, "event ids given to fn")
			if tt.wantAllow != "" {
				assert.Equal(t, tt.wantAllow, rec.Header().Get("Allow"))
			}
			if tt.fnErr != nil {
				assert.NotContains(t, rec.Body.String(), tt.fnErr.Error(), "fn's error is shown to the sender")
			}
			if tt.wantStatus == http.StatusOK {
				assert.Empty(t, reported, "errors reported")
				return
			}
			require.Len(t, reported, 1, "errors reported")
			if tt.fnErr != nil {
				assert.ErrorIs(t, reported[0], tt.fnErr)
			}
		})
	}
}
