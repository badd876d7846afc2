package fixturetest

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/fixturetest/wire"
)

// TestOperationServers checks the operations the document gives servers
// of their own: getTokenInfo its path's, revokeToken its own (the first
// that needs no variables) over its path's. They call that server whatever
// the client's base URL, unless WithOperationBaseURL moves them; the other
// operations call the base URL.
func TestOperationServers(t *testing.T) {
	calls := map[string]func(context.Context, *wire.Client) error{
		"getTokenInfo": func(ctx context.Context, c *wire.Client) error {
			_, err := c.Sessions.GetTokenInfo(ctx, nil)
			return err
		},
		"revokeToken": func(ctx context.Context, c *wire.Client) error {
			return c.Sessions.RevokeToken(ctx, nil)
		},
		"getItem": func(ctx context.Context, c *wire.Client) error {
			_, err := c.Items.Get(ctx, "s1", "i1", nil)
			return err
		},
	}
	tests := []struct {
		name            string
		operationServer bool // WithOperationBaseURL(the test server)
		op              string
		want            string // the URL requested; "" for the test server's
		wantPath        string // the path the test server receives
	}{
		{name: "a path's server", op: "getTokenInfo", want: "https://auth.example.test/v1/tokens/info"},
		{name: "an operation's server over its path's", op: "revokeToken", want: "https://auth.example.test/v2/tokens/revoke"},
		{name: "the base URL", op: "getItem", wantPath: "/stores/s1/items/i1"},
		{name: "a path's server moved", operationServer: true, op: "getTokenInfo", wantPath: "/tokens/info"},
		{name: "an operation's server moved", operationServer: true, op: "revokeToken", wantPath: "/tokens/revoke"},
		{name: "the base URL, not moved", operationServer: true, op: "getItem", wantPath: "/stores/s1/items/i1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, replyJSON(http.StatusOK, anItem))
			// Requests to another host are answered here, never sent.
			var elsewhere []string
			answerOthers := func(next http.RoundTripper) http.RoundTripper {
				return roundTripFunc(func(r *http.Request) (*http.Response, error) {
					if strings.HasPrefix(r.URL.String(), srv.URL) {
						return next.RoundTrip(r)
					}
					elsewhere = append(elsewhere, r.URL.String())
					return &http.Response{StatusCode: http.StatusOK, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(`{}`)), Request: r}, nil
				})
			}
			opts := []wire.Option{wire.WithMiddleware(answerOthers)}
			if tt.operationServer {
				opts = append(opts, wire.WithOperationBaseURL(srv.URL))
			}
			require.NoError(t, calls[tt.op](t.Context(), srv.client(t, opts...)))
			if tt.want != "" {
				assert.Equal(t, []string{tt.want}, elsewhere)
				assert.Empty(t, srv.requests())
				return
			}
			assert.Empty(t, elsewhere)
			assert.Equal(t, tt.wantPath, srv.only(t).Path)
		})
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
