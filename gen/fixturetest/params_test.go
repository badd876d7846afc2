package fixturetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/fixturetest/wire"
)

// TestQueryOnTheWire checks the query string listItems sends: deepObject
// parameters as key[prop]=value (an array property repeated, a dot kept in
// the key), an array parameter repeated in order, enums, booleans and
// numbers in their plain form, zero values when they are set and nothing
// for what is not.
func TestQueryOnTheWire(t *testing.T) {
	active := wire.ListItemsFilter{Status: wire.ItemStatusActive}
	tests := []struct {
		name   string
		filter wire.ListItemsFilter
		params *wire.ListItemsParams
		want   string
	}{
		{"required only", active, nil, "filter[status]=active"},
		{"no optional parameter set", active, &wire.ListItemsParams{}, "filter[status]=active"},
		{
			"every parameter",
			wire.ListItemsFilter{Status: wire.ItemStatusArchived, Tags: []string{"a b", "c&d"}, OwnerEmail: wire.Ptr("o@example.test")},
			&wire.ListItemsParams{
				Page:     &wire.ListItemsPage{After: wire.Ptr("cur/1"), Size: wire.Ptr(25)},
				IDs:      []int{3, 1, 2},
				Sort:     wire.Ptr(wire.ListItemsSortName2),
				InStock:  wire.Ptr(true),
				MinPrice: wire.Ptr(9.5),
			},
			"filter[owner.email]=o%40example.test&filter[status]=archived&filter[tags]=a+b&filter[tags]=c%26d" +
				"&ids=3&ids=1&ids=2&inStock=true&minPrice=9.5&page[after]=cur%2F1&page[size]=25&sort=-name",
		},
		{
			"zero values that are set are sent",
			active,
			&wire.ListItemsParams{Page: &wire.ListItemsPage{Size: wire.Ptr(0)}, InStock: wire.Ptr(false), MinPrice: wire.Ptr(0.0)},
			"filter[status]=active&inStock=false&minPrice=0&page[size]=0",
		},
		{"an empty page sends nothing", active, &wire.ListItemsParams{Page: &wire.ListItemsPage{}}, "filter[status]=active"},
		{
			"empty arrays send nothing",
			wire.ListItemsFilter{Status: wire.ItemStatusActive, Tags: []string{}},
			&wire.ListItemsParams{IDs: []int{}},
			"filter[status]=active",
		},
		{"a large number is not in exponent form", active, &wire.ListItemsParams{MinPrice: wire.Ptr(1e8)}, "filter[status]=active&minPrice=100000000"},
		{"a fraction", active, &wire.ListItemsParams{MinPrice: wire.Ptr(0.1)}, "filter[status]=active&minPrice=0.1"},
		{
			"enum values the SDK does not know are sent as they are",
			wire.ListItemsFilter{Status: "frozen"},
			&wire.ListItemsParams{Sort: wire.Ptr(wire.ListItemsSort("price"))},
			"filter[status]=frozen&sort=price",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, replyJSON(200, `{"items":[]}`))
			res, err := srv.client(t).Items.List(t.Context(), "s1", "t1", tt.filter, tt.params)
			require.NoError(t, err)
			assert.Empty(t, res.Items)
			got := srv.only(t)
			assert.Equal(t, "GET", got.Method)
			assert.Equal(t, "/stores/s1/items", got.Path)
			assert.Equal(t, tt.want, got.Query)
		})
	}
}

// TestHeaderParameters checks header parameters on the wire, required
// (X-Tenant, an argument) and optional (X-Trace-Id, in the params), and
// how they layer with the client's headers (WithHeader, overridden by a
// parameter) and the call's (WithRequestHeader, which override a
// parameter). Each header is sent once.
func TestHeaderParameters(t *testing.T) {
	tests := []struct {
		name       string
		client     []wire.Option
		traceID    *string
		call       []wire.RequestOption
		wantTrace  []string // nil: not sent
		wantTenant string
	}{
		{name: "parameters", traceID: wire.Ptr("tr-1"), wantTrace: []string{"tr-1"}, wantTenant: "t1"},
		{name: "optional header absent", wantTenant: "t1"},
		{name: "a value with spaces", traceID: wire.Ptr("a b, c"), wantTrace: []string{"a b, c"}, wantTenant: "t1"},
		{
			name:    "a parameter overrides the client's header",
			client:  []wire.Option{wire.WithHeader("X-Trace-Id", "client"), wire.WithHeader("x-tenant", "client")},
			traceID: wire.Ptr("param"), wantTrace: []string{"param"}, wantTenant: "t1",
		},
		{
			name:      "the client's header when the parameter is absent",
			client:    []wire.Option{wire.WithHeader("X-Trace-Id", "client")},
			wantTrace: []string{"client"}, wantTenant: "t1",
		},
		{
			name:      "the call's header overrides a parameter",
			traceID:   wire.Ptr("param"),
			call:      []wire.RequestOption{wire.WithRequestHeader("x-trace-id", "call"), wire.WithRequestHeader("X-Tenant", "call")},
			wantTrace: []string{"call"}, wantTenant: "call",
		},
		{
			name:      "the call's header overrides the client's and a parameter",
			client:    []wire.Option{wire.WithHeader("X-Trace-Id", "client")},
			traceID:   wire.Ptr("param"),
			call:      []wire.RequestOption{wire.WithRequestHeader("X-Trace-Id", "call")},
			wantTrace: []string{"call"}, wantTenant: "t1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Run("List", func(t *testing.T) {
				srv := newServer(t, replyJSON(200, `{"items":[]}`))
				params := &wire.ListItemsParams{XTraceID: tt.traceID}
				_, err := srv.client(t, tt.client...).Items.List(t.Context(), "s1", "t1", wire.ListItemsFilter{Status: wire.ItemStatusActive}, params, tt.call...)
				require.NoError(t, err)
				got := srv.only(t)
				assert.Equal(t, tt.wantTrace, got.Header.Values("X-Trace-Id"))
				assert.Equal(t, []string{tt.wantTenant}, got.Header.Values("X-Tenant"))
			})
			t.Run("Get", func(t *testing.T) {
				srv := newServer(t, replyJSON(200, anItem))
				_, err := srv.client(t, tt.client...).Items.Get(t.Context(), "s1", "i1", &wire.GetItemParams{XTraceID: tt.traceID}, tt.call...)
				require.NoError(t, err)
				assert.Equal(t, tt.wantTrace, srv.only(t).Header.Values("X-Trace-Id"))
			})
		})
	}
}

// TestUserAgent checks the User-Agent every request carries: the
// package's name and the document's version, unless the client says
// otherwise.
func TestUserAgent(t *testing.T) {
	tests := []struct {
		name string
		opts []wire.Option
		want string
	}{
		{"default", nil, "wire-go/1.0.0"},
		{"WithUserAgent", []wire.Option{wire.WithUserAgent("shop/2.1")}, "shop/2.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, replyJSON(200, anItem))
			_, err := srv.client(t, tt.opts...).Items.Get(t.Context(), "s1", "i1", nil)
			require.NoError(t, err)
			assert.Equal(t, tt.want, srv.only(t).Header.Get("User-Agent"))
		})
	}
}
