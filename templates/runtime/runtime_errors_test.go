package sunco

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

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
