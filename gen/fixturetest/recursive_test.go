package fixturetest

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/fixturetest/recursive"
)

// recursiveClient is a client of the recursive fixture SDK talking to s.
func recursiveClient(t *testing.T, s *server) *recursive.Client {
	t.Helper()
	c, err := recursive.NewClient(recursive.WithBaseURL(s.URL), recursive.WithMaxRetries(0))
	require.NoError(t, err)
	return c
}

// TestRecursiveAliases decodes the types that are lists or maps of
// themselves (Forest, a list of Forests; Index, a map of Indexes; Grove, a
// list of Thickets, each a Grove by another name), as a response of the
// recursive fixture SDK, and encodes them again: the same JSON value,
// whatever their depth, and one that does not fit kept as it came.
func TestRecursiveAliases(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		check func(t *testing.T, n *recursive.Node)
	}{
		{
			"forest", `{"name":"n","forest":[[[]],[[],[[]]]]}`,
			func(t *testing.T, n *recursive.Node) {
				require.Len(t, n.Forest, 2)
				require.Len(t, n.Forest[0], 1)
				assert.Empty(t, n.Forest[0][0])
				require.Len(t, n.Forest[1], 2)
				assert.Equal(t, recursive.Forest{{}}, n.Forest[1][1])
			},
		},
		{
			"empty forest", `{"name":"n","forest":[]}`,
			func(t *testing.T, n *recursive.Node) {
				assert.NotNil(t, n.Forest, "an empty list is not an absent one")
				assert.Empty(t, n.Forest)
			},
		},
		{
			"index", `{"name":"n","index":{"a":{"b":{},"c":{"d":{}}},"e":{}}}`,
			func(t *testing.T, n *recursive.Node) {
				assert.Equal(t, recursive.Index{
					"a": {"b": {}, "c": {"d": {}}},
					"e": {},
				}, n.Index)
			},
		},
		{
			"grove of thickets", `{"name":"n","grove":[[[],[[]]],[]]}`,
			func(t *testing.T, n *recursive.Node) {
				require.Len(t, n.Grove, 2)
				require.Len(t, n.Grove[0], 2)
				assert.Equal(t, recursive.Thicket{{}}, n.Grove[0][1])
				assert.Empty(t, n.Grove[1])
			},
		},
		{
			"all three beside the rest", `{"name":"root","forest":[[]],"index":{"k":{}},"grove":[[]],"children":[{"name":"leaf","forest":[],"index":{}}]}`,
			func(t *testing.T, n *recursive.Node) {
				require.Len(t, n.Children, 1)
				assert.Equal(t, recursive.Forest{}, n.Children[0].Forest)
				assert.Equal(t, recursive.Index{}, n.Children[0].Index)
				assert.Equal(t, recursive.Forest{{}}, n.Forest)
			},
		},
		{
			"a value that does not fit is kept", `{"name":"n","forest":[[],"leaf"],"index":{"a":1}}`,
			func(t *testing.T, n *recursive.Node) {
				assert.Nil(t, n.Forest)
				assert.Nil(t, n.Index)
				assert.JSONEq(t, `[[],"leaf"]`, string(n.Extra["forest"]))
				assert.JSONEq(t, `{"a":1}`, string(n.Extra["index"]))
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, replyJSON(200, tt.body))
			n, err := recursiveClient(t, srv).Trees.Get(t.Context(), "t1", nil)
			require.NoError(t, err)
			tt.check(t, n)
			out, err := json.Marshal(n)
			require.NoError(t, err)
			assert.JSONEq(t, tt.body, string(out))
		})
	}
}

// TestRecursiveAliasesEncode encodes values built in Go: what a caller
// sets is what goes out, nil lists and maps left out.
func TestRecursiveAliasesEncode(t *testing.T) {
	n := &recursive.Node{
		Name:   "n",
		Forest: recursive.Forest{{{}}, {}},
		Index:  recursive.Index{"a": {"b": nil}},
		Grove:  recursive.Grove{recursive.Thicket{{}}},
	}
	out, err := json.Marshal(n)
	require.NoError(t, err)
	assert.JSONEq(t, `{"name":"n","forest":[[[]],[]],"index":{"a":{"b":{}}},"grove":[[[]]]}`, string(out))
}

// TestRecursiveUnion sends a union whose variant holds the union again
// (a Sum of terms that are Exprs) and decodes it back from what the
// server received.
func TestRecursiveUnion(t *testing.T) {
	srv := newServer(t, replyJSON(200, `{"text":"t"}`))
	expr := &recursive.Sum{Terms: []recursive.Expr{
		&recursive.Literal{Value: 1},
		&recursive.Sum{Terms: []recursive.Expr{&recursive.Literal{Value: 2.5}}},
	}}
	res, err := recursiveClient(t, srv).Trees.Evaluate(t.Context(), expr, nil)
	require.NoError(t, err)
	assert.Equal(t, "t", res.Text)
	sent := srv.only(t).Body
	assert.JSONEq(t, `{"op":"sum","terms":[{"op":"lit","value":1},{"op":"sum","terms":[{"op":"lit","value":2.5}]}]}`, string(sent))
	back, err := recursive.UnmarshalExpr(sent)
	require.NoError(t, err)
	sum, ok := back.(*recursive.Sum)
	require.True(t, ok, "%T", back)
	require.Len(t, sum.Terms, 2)
	inner, ok := sum.Terms[1].(*recursive.Sum)
	require.True(t, ok, "%T", sum.Terms[1])
	assert.Equal(t, 2.5, inner.Terms[0].(*recursive.Literal).Value)
}
