package sunco

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEscapePathSegment(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{in: "", want: ""},
		{in: "5963c0d619a30a2e00de36b8", want: "5963c0d619a30a2e00de36b8"},
		{in: ".", want: "%2E"},
		{in: "..", want: "%2E%2E"},
		{in: "...", want: "..."},
		{in: "../../apps", want: "..%2F..%2Fapps"},
		{in: "a/b?c#d", want: "a%2Fb%3Fc%23d"},
		{in: "a b%", want: "a%20b%25"},
		{in: "héllo✓", want: "h%C3%A9llo%E2%9C%93"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, escapePathSegment(tt.in))
		})
	}
}

func TestPathSegmentOnTheWire(t *testing.T) {
	for _, id := range []string{"../../apps", "a/b?c#d", "..", ".", "héllo✓", "%2F", "a;b=c"} {
		t.Run(id, func(t *testing.T) {
			srv, seen := recordingServer(t, replyJSON(200, `{}`))
			tr, _ := newTestTransport(t, srv.URL)
			path := "/v2/apps/" + escapePathSegment(id) + "/users"
			require.NoError(t, tr.do(context.Background(), &request{Method: "GET", Path: path}, nil, nil))

			got := seen.all()[0]
			assert.Equal(t, path, got.escapedPath)
			segments := strings.Split(got.escapedPath, "/")
			require.Len(t, segments, 5, "the id stays one segment")
			assert.Equal(t, []string{"", "v2", "apps"}, segments[:3])
			assert.Equal(t, "users", segments[4])
			seg, err := url.PathUnescape(segments[3])
			require.NoError(t, err)
			assert.Equal(t, id, seg)
			assert.Empty(t, got.rawQuery)
		})
	}
}

func TestEncodeQuery(t *testing.T) {
	tests := []struct {
		name string
		q    url.Values
		want string
	}{
		{name: "nil", q: nil, want: ""},
		{name: "absent parameters", q: url.Values{"page[after]": nil}, want: ""},
		{name: "deepObject keys keep brackets, sorted", q: url.Values{"page[size]": {"25"}, "page[after]": {"5ebee0975ac5304b664a12fa"}}, want: "page[after]=5ebee0975ac5304b664a12fa&page[size]=25"},
		{name: "dotted key", q: url.Values{"filter[identities.email]": {"a+b@example.com"}}, want: "filter[identities.email]=a%2Bb%40example.com"},
		{name: "values fully escaped", q: url.Values{"q": {"a&b=[c] d"}}, want: "q=a%26b%3D%5Bc%5D+d"},
		{name: "other key characters escaped", q: url.Values{"a b&c": {"1"}}, want: "a+b%26c=1"},
		{name: "repeated values", q: url.Values{"types": {"user", "business"}}, want: "types=user&types=business"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := encodeQuery(tt.q)
			assert.Equal(t, tt.want, got)
			parsed, err := url.ParseQuery(got)
			require.NoError(t, err)
			for k, v := range tt.q {
				if len(v) > 0 {
					assert.Equal(t, v, parsed[k], k)
				}
			}
		})
	}
}

func TestQueryOnTheWire(t *testing.T) {
	srv, seen := recordingServer(t, replyJSON(200, `{}`))
	tr, _ := newTestTransport(t, srv.URL)
	q := url.Values{"page[after]": {"c1"}, "page[size]": {"25"}, "filter[userId]": {"u/1"}, "page[before]": nil}
	require.NoError(t, tr.do(context.Background(), &request{Method: "GET", Path: "/v2/apps/a/conversations", Query: q}, nil, nil))
	assert.Equal(t, "filter[userId]=u%2F1&page[after]=c1&page[size]=25", seen.all()[0].rawQuery)
}
