package fixturetest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/fixturetest/wire"
)

// noContent answers 204.
func noContent(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) }

// TestQueryStyles checks the query string of queryStyles, a parameter in
// each query style a list or an object may take, against OpenAPI 3.0.3's
// table of styles (RFC 6570): separators written as they are, the items
// escaped, so that an item holding a separator stays one item.
// TestQueryOnTheWire covers form with explode (the default) and
// deepObject.
func TestQueryStyles(t *testing.T) {
	colors := []string{"blue", "black"}
	tests := []struct {
		name   string
		colors []string
		params *wire.QueryStylesParams
		want   string
	}{
		{"form without explode: a list", colors, nil, "colors=blue,black"},
		{"an item holding the separator", []string{"a,b", "c d"}, nil, "colors=a%2Cb,c+d"},
		{"one item", []string{"blue"}, nil, "colors=blue"},
		{"an empty item", []string{""}, nil, "colors="},
		{"an empty list sends nothing", nil, nil, ""},
		{
			"pipeDelimited: a list",
			colors, &wire.QueryStylesParams{Sizes: []wire.ItemStatus{wire.ItemStatusActive, "a|b"}},
			"colors=blue,black&sizes=active|a%7Cb",
		},
		{
			"spaceDelimited: a list",
			colors, &wire.QueryStylesParams{Words: []string{"red", "green"}},
			"colors=blue,black&words=red%20green",
		},
		{
			"form without explode: an object",
			colors, &wire.QueryStylesParams{Point: &wire.Point{X: 1, Y: wire.Ptr(-2)}},
			"colors=blue,black&point=x,1,y,-2",
		},
		{
			"an object without its optional property",
			colors, &wire.QueryStylesParams{Point: &wire.Point{X: 0}},
			"colors=blue,black&point=x,0",
		},
		{
			"form with explode: an object's properties as parameters",
			colors, &wire.QueryStylesParams{Range: &wire.QueryStylesRange{Min: wire.Ptr(1), Max: wire.Ptr(9), At: []int{3, 4}}},
			"at=3&at=4&colors=blue,black&max=9&min=1",
		},
		{
			"an exploded object without a property set sends nothing of it",
			colors, &wire.QueryStylesParams{Range: &wire.QueryStylesRange{}},
			"colors=blue,black",
		},
		{
			"pipeDelimited: an object",
			colors, &wire.QueryStylesParams{Corner: &wire.Point{X: 3, Y: wire.Ptr(4)}},
			"colors=blue,black&corner=x|3|y|4",
		},
		{
			"spaceDelimited: an object",
			colors, &wire.QueryStylesParams{Box: &wire.Point{X: 5, Y: wire.Ptr(6)}},
			"box=x%205%20y%206&colors=blue,black",
		},
		{
			"form without explode: a single value",
			colors, &wire.QueryStylesParams{Limit: wire.Ptr(5)},
			"colors=blue,black&limit=5",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, noContent)
			require.NoError(t, srv.client(t).Styles.Query(t.Context(), tt.colors, tt.params))
			got := srv.only(t)
			assert.Equal(t, "/styles/query", got.Path)
			assert.Equal(t, tt.want, got.Query)
		})
	}
}

// TestHeaderStyles checks header parameters of each shape in style
// simple (a list as a,b; an object as x,1,y,2, or x=1,y=2 with explode)
// and cookie parameters, all pairs of one Cookie header, as
// net/http's server reads them.
func TestHeaderStyles(t *testing.T) {
	tests := []struct {
		name    string
		trace   []string
		session string
		params  *wire.HeaderStylesParams
		want    http.Header // the headers checked; a nil value: not sent
	}{
		{
			"required only", []string{"a", "b"}, "s1", nil,
			http.Header{"X-Trace": {"a,b"}, "Cookie": {"session=s1"}, "X-Point": nil, "X-Range": nil, "X-Count": nil},
		},
		{
			"one item", []string{"a b"}, "s1", nil,
			http.Header{"X-Trace": {"a b"}},
		},
		{
			"an empty list sends no header", nil, "s1", nil,
			http.Header{"X-Trace": nil},
		},
		{
			"every parameter", []string{"a"}, "s 1;x",
			&wire.HeaderStylesParams{
				XPoint: &wire.Point{X: 1, Y: wire.Ptr(2)},
				XRange: &wire.Point{X: 3, Y: wire.Ptr(4)},
				XCount: wire.Ptr(0),
				Theme:  wire.Ptr(wire.HeaderStylesThemeDark),
				Visits: wire.Ptr(7),
			},
			http.Header{
				"X-Trace": {"a"},
				"X-Point": {"x,1,y,2"},
				"X-Range": {"x=3,y=4"},
				"X-Count": {"0"},
				"Cookie":  {"session=s%201%3Bx; theme=dark; visits=7"},
			},
		},
		{
			"an object without its optional property", []string{"a"}, "s1",
			&wire.HeaderStylesParams{XPoint: &wire.Point{X: 1}, XRange: &wire.Point{X: 3}},
			http.Header{"X-Point": {"x,1"}, "X-Range": {"x=3"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, noContent)
			require.NoError(t, srv.client(t).Styles.Header(t.Context(), tt.trace, tt.session, tt.params))
			got := srv.only(t)
			for key, want := range tt.want {
				assert.Equal(t, want, got.Header.Values(key), key)
			}
		})
	}
}

// TestCookieParametersAsTheServerReadsThem checks that net/http's server
// reads each cookie parameter, its value escaped as form style says.
func TestCookieParametersAsTheServerReadsThem(t *testing.T) {
	var cookies []*http.Cookie
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		cookies = r.Cookies()
		w.WriteHeader(http.StatusNoContent)
	})
	params := &wire.HeaderStylesParams{Theme: wire.Ptr(wire.HeaderStylesTheme("a,b")), Visits: wire.Ptr(3)}
	require.NoError(t, srv.client(t).Styles.Header(t.Context(), []string{"a"}, `x"y`, params))
	got := map[string]string{}
	for _, c := range cookies {
		got[c.Name] = c.Value
	}
	assert.Equal(t, map[string]string{"session": "x%22y", "theme": "a%2Cb", "visits": "3"}, got)
}

// TestCookieParameterAndTheClientsCookie checks that cookie parameters
// make the Cookie header, as header parameters make theirs: over a
// Cookie header of the client's, under one of the call's.
func TestCookieParameterAndTheClientsCookie(t *testing.T) {
	tests := []struct {
		name   string
		client []wire.Option
		call   []wire.RequestOption
		want   string
	}{
		{"the client's", []wire.Option{wire.WithHeader("Cookie", "other=1")}, nil, "session=s1"},
		{"the call's", nil, []wire.RequestOption{wire.WithRequestHeader("Cookie", "other=2")}, "other=2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, noContent)
			require.NoError(t, srv.client(t, tt.client...).Styles.Header(t.Context(), []string{"a"}, "s1", nil, tt.call...))
			assert.Equal(t, []string{tt.want}, srv.only(t).Header.Values("Cookie"))
		})
	}
}

// TestPathStyles checks path parameters in style label (.value) and
// matrix (;name=value, the same with explode for a single value), each
// escaped into its segment, and an empty one refused before sending.
func TestPathStyles(t *testing.T) {
	tests := []struct {
		name                    string
		label, matrix, exploded string
		want                    string
	}{
		{"values", "blue", "red", "5", "/styles/paths/.blue/;matrix=red/;exploded=5"},
		{"escaped", "a/b.c", "x;y=z", "a b", "/styles/paths/.a%2Fb.c/;matrix=x%3By=z/;exploded=a%20b"},
		{"a dot", ".", "..", ".", "/styles/paths/.%2E/;matrix=%2E%2E/;exploded=%2E"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, noContent)
			require.NoError(t, srv.client(t).Styles.Path(t.Context(), tt.label, tt.matrix, tt.exploded, nil))
			assert.Equal(t, tt.want, srv.only(t).Path)
		})
	}
	t.Run("empty", func(t *testing.T) {
		srv := newServer(t, noContent)
		err := srv.client(t).Styles.Path(t.Context(), "", "red", "5", nil)
		require.ErrorContains(t, err, "path parameter label is empty")
		assert.Empty(t, srv.requests())
	})
}
