package fixturetest

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/fixturetest/wire"
)

// TestInvalidHeaderValues checks that a header value net/http would refuse
// at every attempt is refused before anything is sent: by NewClient for a
// client option, by the call for a header parameter or a per-call header,
// with no retry.
func TestInvalidHeaderValues(t *testing.T) {
	t.Run("client options", func(t *testing.T) {
		for _, opt := range []wire.Option{
			wire.WithBearerToken("s3cr3t\r\nX-Injected: 1"),
			wire.WithHeader("X-Tenant", "t\nX-Injected: 1"),
			wire.WithUserAgent("app/1\r"),
		} {
			c, err := wire.NewClient(opt)
			require.ErrorContains(t, err, "value holds a control character")
			assert.Nil(t, c)
			assert.NotContains(t, err.Error(), "s3cr3t")
		}
	})
	tests := []struct {
		name    string
		tenant  string
		opts    []wire.RequestOption
		wantErr string
	}{
		{name: "header parameter", tenant: "t1\r\nX-Injected: 1", wantErr: "wire: GET /stores/s1/items: header parameter: value of header X-Tenant: value holds a control character (such as CR or LF)"},
		{name: "per-call header", tenant: "t1", opts: []wire.RequestOption{wire.WithRequestHeader("X-Request", "a\nb")}, wantErr: "wire: GET /stores/s1/items: WithRequestHeader: value of header X-Request: value holds a control character (such as CR or LF)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, replyJSON(http.StatusOK, `{"items":[]}`))
			c := srv.client(t, wire.WithMaxRetries(3))
			_, err := c.Items.List(t.Context(), "s1", tt.tenant, wire.ListItemsFilter{Status: wire.ItemStatusActive}, nil, tt.opts...)
			require.EqualError(t, err, tt.wantErr)
			assert.Empty(t, srv.requests(), "nothing sent, nothing retried")
		})
	}
}

// TestRetryAfterBeyondDeadline checks that a 429 whose Retry-After is
// longer than the call's context has left comes back at once as the
// *APIError, with the wait asked for, instead of a deadline error after
// the context's time: 30 s asked, 2 s left.
func TestRetryAfterBeyondDeadline(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "30")
		replyJSON(http.StatusTooManyRequests, `{"errors":[{"code":"too_many_requests","title":"Slow down"}]}`)(w, r)
	})
	c := srv.client(t, wire.WithMaxRetries(2))
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
	defer cancel()
	start := time.Now()
	_, err := c.Items.Get(ctx, "s1", "i1", nil)
	elapsed := time.Since(start)
	var apiErr *wire.APIError
	require.ErrorAs(t, err, &apiErr)
	t.Logf("%v: status %d after %d attempt(s) and %v, RetryAfter %v", err, apiErr.StatusCode, apiErr.Attempts, elapsed.Round(time.Microsecond), apiErr.RetryAfter)
	assert.Equal(t, http.StatusTooManyRequests, apiErr.StatusCode)
	assert.Equal(t, 30*time.Second, apiErr.RetryAfter)
	assert.Equal(t, 1, apiErr.Attempts)
	assert.False(t, errors.Is(err, context.DeadlineExceeded))
	assert.Less(t, elapsed, time.Second, "returned at once, not at the deadline")
	assert.Len(t, srv.requests(), 1)
}

// TestAPIErrorText checks what the caller sees of an error answer whose
// text would forge log lines: Error() is one line with the server's
// control characters escaped, and HasCode finds the codes.
func TestAPIErrorText(t *testing.T) {
	srv := newServer(t, replyJSON(http.StatusNotFound, `{"errors":[{"code":"item_not_found","title":"No item\n2025-01-01 INFO all good \u001b[2K"},{"code":"store_archived"}]}`))
	_, err := srv.client(t).Items.Get(t.Context(), "s1", "i1", nil)
	var apiErr *wire.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, `wire: 404 Not Found: item_not_found: No item\n2025-01-01 INFO all good \x1b[2K; store_archived`, err.Error())
	assert.NotContains(t, err.Error(), "\n")
	assert.False(t, strings.ContainsRune(err.Error(), 0x1b))
	assert.True(t, apiErr.HasCode("item_not_found"))
	assert.True(t, apiErr.HasCode("store_archived"))
	assert.False(t, apiErr.HasCode("not_found"))
}
