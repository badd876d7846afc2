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

// TestEncodeQuery adds parameters to a query as the generated code does
// and checks the query string: each value escaped once, under its key,
// the keys sorted, and url.ParseQuery reading back what was added.
func TestEncodeQuery(t *testing.T) {
	tests := []struct {
		name string
		add  func(q query)
		want string
		back url.Values // what url.ParseQuery reads
	}{
		{name: "none", add: func(query) {}, want: "", back: url.Values{}},
		{
			name: "deepObject keys keep brackets, sorted",
			add:  func(q query) { q.Set("page[size]", "25"); q.Set("page[after]", "5ebee0975ac5304b664a12fa") },
			want: "page[after]=5ebee0975ac5304b664a12fa&page[size]=25",
			back: url.Values{"page[size]": {"25"}, "page[after]": {"5ebee0975ac5304b664a12fa"}},
		},
		{
			name: "dotted key",
			add:  func(q query) { q.Set("filter[identities.email]", "a+b@example.com") },
			want: "filter[identities.email]=a%2Bb%40example.com",
			back: url.Values{"filter[identities.email]": {"a+b@example.com"}},
		},
		{
			name: "values fully escaped",
			add:  func(q query) { q.Set("q", "a&b=[c] d") },
			want: "q=a%26b%3D%5Bc%5D+d",
			back: url.Values{"q": {"a&b=[c] d"}},
		},
		{
			name: "other key characters escaped",
			add:  func(q query) { q.Set("a b&c", "1") },
			want: "a+b%26c=1",
			back: url.Values{"a b&c": {"1"}},
		},
		{
			name: "repeated values",
			add:  func(q query) { q.Add("types", "user"); q.Add("types", "business") },
			want: "types=user&types=business",
			back: url.Values{"types": {"user", "business"}},
		},
		{
			name: "Set replaces",
			add:  func(q query) { q.Add("a", "1"); q.Set("a", "2") },
			want: "a=2",
			back: url.Values{"a": {"2"}},
		},
		{
			name: "a list in one value, separators as they are, items escaped",
			add:  func(q query) { q.setList(styleForm, "colors", []string{"red", "a,b", "c d"}) },
			want: "colors=red,a%2Cb,c+d",
			back: url.Values{"colors": {"red,a,b,c d"}},
		},
		{
			name: "pipes",
			add:  func(q query) { q.setList(stylePipeDelimited, "sizes", []string{"s", "m|l"}) },
			want: "sizes=s|m%7Cl",
			back: url.Values{"sizes": {"s|m|l"}},
		},
		{
			name: "spaces",
			add:  func(q query) { q.setList(styleSpaceDelimited, "sizes", []string{"s", "m"}) },
			want: "sizes=s%20m",
			back: url.Values{"sizes": {"s m"}},
		},
		{
			name: "an empty list sends nothing",
			add:  func(q query) { q.setList(styleForm, "colors", nil) },
			want: "",
			back: url.Values{},
		},
		{
			name: "a list of one empty item is an empty value",
			add:  func(q query) { q.setList(styleForm, "colors", []string{""}) },
			want: "colors=",
			back: url.Values{"colors": {""}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := query{}
			tt.add(q)
			got := encodeQuery(q)
			assert.Equal(t, tt.want, got)
			parsed, err := url.ParseQuery(got)
			require.NoError(t, err)
			assert.Equal(t, tt.back, parsed)
		})
	}
}

func TestQueryOnTheWire(t *testing.T) {
	srv, seen := recordingServer(t, replyJSON(200, `{}`))
	tr, _ := newTestTransport(t, srv.URL)
	q := query{}
	q.Set("page[after]", "c1")
	q.Set("page[size]", "25")
	q.Set("filter[userId]", "u/1")
	require.NoError(t, tr.do(context.Background(), &request{Method: "GET", Path: "/v2/apps/a/conversations", Query: q}, nil, nil))
	assert.Equal(t, "filter[userId]=u%2F1&page[after]=c1&page[size]=25", seen.all()[0].rawQuery)
}
