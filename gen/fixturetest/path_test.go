package fixturetest

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/fixturetest/wire"
)

// TestPathParameterIsOneSegment sends ids that could reach another path
// if they were not escaped (a slash, a query, a fragment, dot segments)
// and requires each to arrive as exactly one segment that unescapes to the
// id, with nothing in the query.
func TestPathParameterIsOneSegment(t *testing.T) {
	ids := []string{"i1", "a/b", "../admin", "a?b=c", "a#b", "..", ".", "...", "a b", "%2F", "é", "a;b", "a+b", `a\b`}
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			srv := newServer(t, replyJSON(200, anItem))
			_, err := srv.client(t).Items.Get(t.Context(), "store 1", id, nil)
			require.NoError(t, err)
			got := srv.only(t)
			segments := strings.Split(got.Path, "/")
			require.Len(t, segments, 5, "path %s", got.Path)
			assert.Equal(t, []string{"", "stores", "store%201", "items"}, segments[:4])
			assert.NotContains(t, []string{".", ".."}, segments[4], "a dot segment would be resolved")
			unescaped, err := url.PathUnescape(segments[4])
			require.NoError(t, err)
			assert.Equal(t, id, unescaped)
			assert.Empty(t, got.Query)
		})
	}
}

// TestPathParametersInOrder calls an operation whose path parameters are
// named like a Go keyword (type) and like a local of the method (req):
// each value lands in its own segment, in path order.
func TestPathParametersInOrder(t *testing.T) {
	srv := newServer(t, replyJSON(200, `{"path":"p"}`))
	res, err := srv.client(t).Items.GetPart(t.Context(), "s1", "bolt/m4", "..", nil)
	require.NoError(t, err)
	assert.Equal(t, "/stores/s1/parts/bolt%2Fm4/%2E%2E", srv.only(t).Path)
	require.NotNil(t, res.Path)
	assert.Equal(t, "p", *res.Path)
}

// TestEmptyPathParameterRefused requires every operation to refuse an
// empty path parameter, naming it, before anything is sent: an empty
// segment would address another resource.
func TestEmptyPathParameterRefused(t *testing.T) {
	tests := []struct {
		name  string
		param string
		call  func(ctx context.Context, c *wire.Client) error
	}{
		{"List, empty storeId", "storeId", func(ctx context.Context, c *wire.Client) error {
			_, err := c.Items.List(ctx, "", "t1", wire.ListItemsFilter{Status: wire.ItemStatusActive}, nil)
			return err
		}},
		{"Get, empty storeId", "storeId", func(ctx context.Context, c *wire.Client) error {
			_, err := c.Items.Get(ctx, "", "i1", nil)
			return err
		}},
		{"Get, empty itemId", "itemId", func(ctx context.Context, c *wire.Client) error {
			_, err := c.Items.Get(ctx, "s1", "", nil)
			return err
		}},
		{"Update, empty itemId", "itemId", func(ctx context.Context, c *wire.Client) error {
			_, err := c.Items.Update(ctx, "s1", "", wire.ItemUpdate{}, nil)
			return err
		}},
		{"Delete, empty itemId", "itemId", func(ctx context.Context, c *wire.Client) error {
			return c.Items.Delete(ctx, "s1", "", nil)
		}},
		{"PutNote, empty itemId", "itemId", func(ctx context.Context, c *wire.Client) error {
			return c.Items.PutNote(ctx, "s1", "", nil)
		}},
		{"PutImage, empty itemId", "itemId", func(ctx context.Context, c *wire.Client) error {
			return c.Items.PutImage(ctx, "s1", "", strings.NewReader("png"), nil)
		}},
		{"GetPart, empty type", "type", func(ctx context.Context, c *wire.Client) error {
			_, err := c.Items.GetPart(ctx, "s1", "", "r", nil)
			return err
		}},
		{"GetPart, empty req", "req", func(ctx context.Context, c *wire.Client) error {
			_, err := c.Items.GetPart(ctx, "s1", "t", "", nil)
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, replyJSON(200, `{}`))
			err := tt.call(t.Context(), srv.client(t))
			require.Error(t, err)
			assert.Equal(t, "wire: path parameter "+tt.param+" is empty", err.Error())
			assert.Empty(t, srv.requests(), "nothing may be sent")
		})
	}
}
