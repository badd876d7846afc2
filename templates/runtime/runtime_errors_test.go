package sunco

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAPIErrorFromResponse(t *testing.T) {
	html := "<html>" + strings.Repeat("é", 2000) + "</html>"
	tests := []struct {
		name        string
		status      int
		header      http.Header
		body        string
		wantErrors  []Error
		wantID      string
		wantBody    string
		wantMessage string
	}{
		{
			name:        "json errors and request id",
			status:      404,
			header:      http.Header{"X-Request-Id": {"abc"}},
			body:        `{"errors":[{"code":"not_found","title":"Resource not found"}]}`,
			wantErrors:  []Error{{Code: "not_found", Title: "Resource not found"}},
			wantID:      "abc",
			wantMessage: "sunco: 404 Not Found: not_found: Resource not found (request id abc)",
		},
		{
			name:        "several errors, zendesk request id",
			status:      400,
			header:      http.Header{"X-Zendesk-Request-Id": {"zd-1"}},
			body:        `{"errors":[{"code":"bad_request","title":"Bad request"},{"code":"invalid_param"}]}`,
			wantErrors:  []Error{{Code: "bad_request", Title: "Bad request"}, {Code: "invalid_param"}},
			wantID:      "zd-1",
			wantMessage: "sunco: 400 Bad Request: bad_request: Bad request; invalid_param (request id zd-1)",
		},
		{
			name:        "x-request-id preferred",
			status:      409,
			header:      http.Header{"X-Zendesk-Request-Id": {"zd-1"}, "X-Request-Id": {"abc"}},
			body:        `{"errors":[{"code":"conflict","title":"Conflict"}]}`,
			wantErrors:  []Error{{Code: "conflict", Title: "Conflict"}},
			wantID:      "abc",
			wantMessage: "sunco: 409 Conflict: conflict: Conflict (request id abc)",
		},
		{
			name:        "non-json body excerpt is bounded",
			status:      502,
			body:        html,
			wantBody:    strings.ToValidUTF8(html[:maxBodyExcerpt], ""),
			wantMessage: "sunco: 502 Bad Gateway",
		},
		{
			name:        "json without errors",
			status:      422,
			body:        "  {\"message\":\"nope\"}\n",
			wantBody:    `{"message":"nope"}`,
			wantMessage: "sunco: 422 Unprocessable Entity",
		},
		{
			name:        "server text with line breaks and escape sequences",
			status:      400,
			header:      http.Header{"X-Request-Id": {"id\u202e1"}}, // net/http refuses control characters in headers
			body:        `{"errors":[{"code":"bad\nrequest","title":"No\r\nsunco: 200 OK \u001b[31mred\u2028\u202eevil\u0000"},{"title":"tab\there"}]}`,
			wantErrors:  []Error{{Code: "bad\nrequest", Title: "No\r\nsunco: 200 OK \x1b[31mred\u2028\u202eevil\x00"}, {Title: "tab\there"}},
			wantID:      "id\u202e1",
			wantMessage: `sunco: 400 Bad Request: bad\nrequest: No\r\nsunco: 200 OK \x1b[31mred\u2028\u202eevil\x00; tab\there (request id id\u202e1)`,
		},
		{
			name:        "empty body, unknown status",
			status:      599,
			wantMessage: "sunco: 599",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := recordingServer(t, func(w http.ResponseWriter, _ *http.Request) {
				for k, v := range tt.header {
					w.Header()[k] = v
				}
				w.WriteHeader(tt.status)
				io.WriteString(w, tt.body)
			})
			tr, _ := newTestTransport(t, srv.URL)
			err := tr.do(context.Background(), &request{Method: "POST", Path: "/v2/x"}, nil, nil)
			var apiErr *APIError
			require.True(t, errors.As(err, &apiErr), "got %v", err)
			assert.Equal(t, tt.status, apiErr.StatusCode)
			assert.Equal(t, tt.wantErrors, apiErr.Errors)
			assert.Equal(t, tt.wantID, apiErr.RequestID)
			assert.Equal(t, tt.wantBody, apiErr.Body)
			assert.LessOrEqual(t, len(apiErr.Body), maxBodyExcerpt)
			assert.Equal(t, tt.wantMessage, apiErr.Error())
		})
	}
}

func TestAPIErrorAttemptsAndHeader(t *testing.T) {
	tests := []struct {
		name        string
		maxRetries  int
		wantMessage string
	}{
		{name: "one attempt", maxRetries: 0, wantMessage: "sunco: 429 Too Many Requests: c: t"},
		{name: "several attempts", maxRetries: 2, wantMessage: "sunco: 429 Too Many Requests after 3 attempts: c: t"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := recordingServer(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("X-Rate-Limit-Remaining", "0")
				statusSequence(429)(w, r)
			})
			tr, _ := newTestTransport(t, srv.URL, WithMaxRetries(tt.maxRetries))
			err := tr.do(t.Context(), &request{Method: "POST", Path: "/v2/x"}, nil, nil)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.maxRetries+1, apiErr.Attempts)
			assert.Equal(t, "0", apiErr.Header.Get("X-Rate-Limit-Remaining"))
			assert.EqualError(t, err, tt.wantMessage)
		})
	}
}

// TestContextErrors checks that a call ended by its context gives the same
// error whether the context ended while a request was in flight or during
// the wait before a retry.
func TestContextErrors(t *testing.T) {
	tests := []struct {
		name     string
		deadline bool // end ctx by its deadline rather than by cancel
		inFlight bool // end ctx while the server holds the request
		want     error
		wantMsg  string
	}{
		{name: "canceled in flight", inFlight: true, want: context.Canceled, wantMsg: "sunco: GET /v2/apps/x: context canceled"},
		{name: "canceled while waiting", want: context.Canceled, wantMsg: "sunco: GET /v2/apps/x: context canceled"},
		{name: "deadline in flight", deadline: true, inFlight: true, want: context.DeadlineExceeded, wantMsg: "sunco: GET /v2/apps/x: context deadline exceeded"},
		{name: "deadline while waiting", deadline: true, want: context.DeadlineExceeded, wantMsg: "sunco: GET /v2/apps/x: context deadline exceeded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			if tt.deadline {
				ctx, cancel = context.WithTimeout(ctx, 100*time.Millisecond)
				defer cancel()
			}
			end := func() {
				if tt.deadline {
					<-ctx.Done()
				} else {
					cancel()
				}
			}
			srv, seen := recordingServer(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.inFlight {
					end()
					<-r.Context().Done()
					return
				}
				w.WriteHeader(http.StatusServiceUnavailable)
			})
			tr, _ := newTestTransport(t, srv.URL)
			tr.backoffBase = time.Millisecond // a wait the deadline leaves room for
			tr.sleep = func(ctx context.Context, d time.Duration) error {
				end()
				return sleepContext(ctx, time.Hour)
			}
			err := tr.do(ctx, &request{Method: "GET", Path: "/v2/apps/x", Query: query{"q": {"1"}}}, nil, nil)
			require.ErrorIs(t, err, tt.want)
			assert.EqualError(t, err, tt.wantMsg)
			assert.Len(t, seen.all(), 1)
		})
	}
}

func TestPrintable(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "plain", in: "Resource not found", want: "Resource not found"},
		{name: "non-ASCII letters kept", in: "Ressource introuvable: «é» 日本", want: "Ressource introuvable: «é» 日本"},
		{name: "quotes and backslashes kept", in: `say "hi" \o/`, want: `say "hi" \o/`},
		{name: "CR LF", in: "a\r\nb", want: `a\r\nb`},
		{name: "ANSI escape", in: "\x1b[31mred\x1b[0m", want: `\x1b[31mred\x1b[0m`},
		{name: "NUL, DEL, C1", in: "\x00\x7f\u0085", want: `\x00\x7f\u0085`},
		{name: "line and paragraph separators", in: "a\u2028b\u2029c", want: `a\u2028b\u2029c`},
		{name: "bidirectional override", in: "\u202etxt.exe", want: `\u202etxt.exe`},
		{name: "invalid UTF-8", in: "a\xffb", want: "a\ufffdb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := printable(tt.in)
			assert.Equal(t, tt.want, got)
			assert.NotContains(t, got, "\n")
			assert.NotContains(t, got, "\r")
			assert.NotContains(t, got, "\x1b")
		})
	}
}

func TestHasCode(t *testing.T) {
	e := &APIError{StatusCode: 404, Errors: []Error{{Code: "bad_request"}, {Code: "conversation_not_found", Title: "Conversation not found"}}}
	tests := []struct {
		name string
		err  *APIError
		code string
		want bool
	}{
		{name: "first", err: e, code: "bad_request", want: true},
		{name: "second", err: e, code: "conversation_not_found", want: true},
		{name: "absent", err: e, code: "not_found", want: false},
		{name: "case matters", err: e, code: "Bad_Request", want: false},
		{name: "a title is no code", err: e, code: "Conversation not found", want: false},
		{name: "no details", err: &APIError{StatusCode: 502}, code: "bad_request", want: false},
		{name: "nil", err: nil, code: "bad_request", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.err.HasCode(tt.code))
		})
	}
}
