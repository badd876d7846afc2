package faketest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/internal/calls"
	"github.com/sunco-sdk/sunco-go/gen/internal/operations"
	"github.com/sunco-sdk/sunco-go/gen/sunco"
	"github.com/sunco-sdk/sunco-go/gen/sunco/suncotest"
)

// TestEveryOperationWithoutHandlers calls every operation of the table
// through the fake's client with no handler set: each gets a result
// without error, the document's example decoded by the SDK, which encodes
// back to the body the fake sent; the fake accepts every request.
func TestEveryOperationWithoutHandlers(t *testing.T) {
	srv := suncotest.NewServer(t)
	bodies := &lastBodies{}
	c := srv.Client(sunco.WithMiddleware(bodies.middleware))
	for _, op := range operations.Table {
		t.Run(op.ID, func(t *testing.T) {
			res, err := op.Call(t.Context(), c)
			require.NoError(t, err)
			require.NotNil(t, res, "no result")
			reqs := srv.Requests()
			last := reqs[len(reqs)-1]
			assert.Equal(t, op.ID, last.Operation)
			assert.Empty(t, last.Refusal)
			if _, redirect := res.(interface{ Redacted() string }); redirect {
				return // a *url.URL: the redirect's Location, no body
			}
			got, err := json.Marshal(res)
			require.NoError(t, err)
			assert.JSONEq(t, string(bodies.last()), string(got), "the result does not encode back to the body the fake sent")
		})
	}
	assert.Equal(t, len(operations.Table), len(srv.Requests()), "requests received")
}

// TestHandlersReceiveTheArguments sets a handler for every operation of
// the table and checks that it receives the arguments the client was
// called with (see calls.Difference).
func TestHandlersReceiveTheArguments(t *testing.T) {
	srv := suncotest.NewServer(t)
	c := srv.Client()
	for _, op := range operations.Table {
		t.Run(op.ID, func(t *testing.T) {
			params, err := calls.Params(c, op.Method)
			require.NoError(t, err)
			var got []any
			require.NoError(t, calls.SetHandler(srv, op.Method, func(args []reflect.Value) {
				for _, a := range args[1:] {
					got = append(got, a.Interface())
				}
			}))
			_, err = op.Call(t.Context(), c)
			require.NoError(t, err)
			want := op.Args()[:len(params)]
			require.Len(t, got, len(want))
			for i := range want {
				diff := calls.Difference(params[i], want[i], got[i])
				reason, ambiguous := ambiguous[op.ID]
				switch {
				case ambiguous && strings.HasSuffix(diff, calls.SameEncoding):
					t.Logf("argument %d is %s: %s", i+1, diff, reason)
				case diff != "":
					t.Errorf("argument %d (%s) is %s", i+1, params[i], diff)
				case ambiguous && params[i].Kind() == reflect.Interface:
					t.Errorf("argument %d is the %T sent: remove %s from ambiguous", i+1, got[i], op.ID)
				}
			}
		})
	}
}

// ambiguous are the operations whose body, a value of an undiscriminated
// union, the SDK decodes as another variant than the one the table sends,
// with the same JSON, and why. A listed operation whose handler gets the
// variant sent fails the test, so that the list cannot go stale.
var ambiguous = map[string]string{
	"UpdateIntegration": "CustomUpdate has displayName alone, which every variant of IntegrationUpdate has: it decodes as the first, AndroidUpdate",
}

// lastBodies keeps the body of the last response the client received.
type lastBodies struct {
	mu   sync.Mutex
	body []byte
}

func (b *lastBodies) middleware(next http.RoundTripper) http.RoundTripper {
	return roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := next.RoundTrip(r)
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		resp.Body = io.NopCloser(bytes.NewReader(data))
		b.mu.Lock()
		b.body = data
		b.mu.Unlock()
		return resp, err
	})
}

func (b *lastBodies) last() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.body
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
