package fixturetest

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/fixturetest/wire"
)

// TestServerOption: the option the document's server URL template
// https://{region}.wire.example.test/{version} gives sends requests to the
// URL with the caller's values, and refuses a region that is not a DNS
// label (which could name another host) and a version its enum lacks.
func TestServerOption(t *testing.T) {
	tests := []struct {
		name            string
		region, version string
		want            string // the URL the request went to
		wantErr         string
	}{
		{name: "values", region: "eu-1", version: "v2", want: "https://eu-1.wire.example.test/v2/stores/s1/items/i1"},
		{name: "another host", region: "evil.example/x", version: "v1",
			wantErr: `wire: WithExampleRegionVersion: "evil.example/x" is not a valid region (a DNS label: 1 to 63 of a-z, 0-9 and '-', not starting or ending with '-')`},
		{name: "a version not in the enum", region: "eu", version: "v3",
			wantErr: `wire: WithExampleRegionVersion: "v3" is not a valid version (one of ["v1" "v2"])`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sent []string
			recorder := roundTripFunc(func(r *http.Request) (*http.Response, error) {
				sent = append(sent, r.URL.String())
				w := httptest.NewRecorder()
				replyJSON(200, anItem)(w, r)
				return w.Result(), nil
			})
			c, err := wire.NewClient(wire.WithExampleRegionVersion(tt.region, tt.version), wire.WithHTTPClient(&http.Client{Transport: recorder}))
			if tt.wantErr != "" {
				require.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			_, err = c.Items.Get(t.Context(), "s1", "i1", nil)
			require.NoError(t, err)
			assert.Equal(t, []string{tt.want}, sent)
		})
	}
}
