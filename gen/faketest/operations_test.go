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
	"github.com/sunco-sdk/sunco-go/generator"
)

// TestEveryOperationWithoutHandlers calls every operation of the table
// through the fake's client with no handler set: each gets a result
// without error, which encodes back to the body the fake sent: the
// document's example of the result, decoded by the SDK, or an empty
// result where the document has none; the fake accepts every request.
func TestEveryOperationWithoutHandlers(t *testing.T) {
	res, err := generator.Generate(generator.Config{Spec: "../../spec/openapi.yaml", Package: "sunco"})
	require.NoError(t, err)
	examples := map[string][]byte{} // by operationId
	for _, svc := range res.API.Services {
		for _, op := range svc.Operations {
			if op.Example != nil {
				examples[op.ID] = op.Example.JSON
			}
		}
	}
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
			if example, ok := examples[op.ID]; ok {
				assert.JSONEq(t, string(example), string(bodies.last()), "the fake did not answer with the document's example")
			} else if _, empty := res.(calls.Empty); !empty {
				assert.Contains(t, []string{"{}", "[]"}, string(bodies.last()), "the answer without an example is an empty result")
			}
		})
	}
	assert.Equal(t, len(operations.Table), len(srv.Requests()), "requests received")
	t.Logf("%d operations, %d answered with the document's example", len(operations.Table), len(examples))
}

// TestTableCoversTheSDK: the table has every operation of the SDK, so
// that the tests above drive each of them.
func TestTableCoversTheSDK(t *testing.T) {
	tabled := map[string]bool{}
	for _, op := range operations.Table {
		tabled[op.Method] = true
	}
	n := 0
	ct := reflect.TypeFor[sunco.Client]()
	for i := range ct.NumField() {
		svc := ct.Field(i)
		for j := range svc.Type.NumMethod() {
			if m := svc.Type.Method(j).Name; !strings.HasSuffix(m, "Iter") {
				n++
				assert.True(t, tabled[svc.Name+"."+m], "%s.%s is not in the table", svc.Name, m)
			}
		}
	}
	assert.Equal(t, n, len(tabled))
	t.Logf("%d operations", n)
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
