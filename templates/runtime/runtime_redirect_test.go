package sunco

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRedirect(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		location string
		want     string // the URL returned, or "" for an error
		wantErr  int    // the APIError status, when want is ""
	}{
		{name: "absolute location", status: http.StatusFound, location: "https://login.example.com/start?x=1", want: "https://login.example.com/start?x=1"},
		{name: "relative location resolves against the request", status: http.StatusSeeOther, location: "/next", want: "/next"},
		{name: "a 2xx is not the redirect expected", status: http.StatusOK, wantErr: http.StatusOK},
		{name: "an error status", status: http.StatusForbidden, wantErr: http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var accept string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path != "/oauth/authorize" {
					t.Errorf("the redirect was followed to %s", r.URL.Path)
				}
				accept = r.Header.Get("Accept")
				if tt.location != "" {
					w.Header().Set("Location", tt.location)
				}
				w.WriteHeader(tt.status)
			}))
			defer srv.Close()
			tr, _ := newTestTransport(t, srv.URL)

			loc, err := tr.redirect(t.Context(), &request{Method: http.MethodGet, Path: "/oauth/authorize"}, nil)
			assert.Equal(t, "*/*", accept)
			if tt.want == "" {
				var apiErr *APIError
				require.True(t, errors.As(err, &apiErr), "got %v", err)
				assert.Equal(t, tt.wantErr, apiErr.StatusCode)
				return
			}
			require.NoError(t, err)
			if tt.want[0] == '/' {
				tt.want = srv.URL + tt.want
			}
			assert.Equal(t, tt.want, loc.String())
		})
	}
}
