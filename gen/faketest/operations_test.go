package faketest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
// called with: the path and query parameters as they were, the body and
// the Params as the SDK encodes them (the body is decoded, so its Go
// value has what decoding adds), an upload's name, type and content.
func TestHandlersReceiveTheArguments(t *testing.T) {
	srv := suncotest.NewServer(t)
	c := srv.Client()
	for _, op := range operations.Table {
		t.Run(op.ID, func(t *testing.T) {
			params, err := op.Params(c)
			require.NoError(t, err)
			var got []any
			setHandler(t, srv, op.Method, func(args []reflect.Value) {
				for _, a := range args[1:] {
					got = append(got, a.Interface())
				}
			})
			_, err = op.Call(t.Context(), c)
			require.NoError(t, err)
			want := op.Args()[:len(params)]
			require.Len(t, got, len(want))
			for i := range want {
				assertSameArg(t, op.ID, params[i], want[i], got[i], i+1)
			}
		})
	}
}

// setHandler sets the handler of method (e.g. Messages.Post) on srv to a
// func that passes its arguments to record and returns a result of its
// type that is not nil, and no error.
func setHandler(t *testing.T, srv *suncotest.Server, method string, record func([]reflect.Value)) {
	t.Helper()
	field := reflect.ValueOf(srv).Elem().FieldByName(service(method)).FieldByName(name(method))
	require.True(t, field.IsValid(), "the fake has no handler for %s", method)
	ft := field.Type()
	field.Set(reflect.MakeFunc(ft, func(args []reflect.Value) []reflect.Value {
		record(args)
		out := make([]reflect.Value, ft.NumOut())
		for i := range out {
			out[i] = nonNil(ft.Out(i))
		}
		return out
	}))
}

// nonNil is a value of type t: for a redirect, a URL; for a pointer, a
// pointer to a zero value; an empty map; the zero value otherwise (a nil
// error).
func nonNil(t reflect.Type) reflect.Value {
	if t == reflect.TypeFor[*url.URL]() {
		return reflect.ValueOf(&url.URL{Scheme: "https", Host: "example.com", Path: "/authorized"})
	}
	switch t.Kind() {
	case reflect.Pointer:
		return reflect.New(t.Elem())
	case reflect.Map:
		return reflect.MakeMap(t)
	}
	return reflect.Zero(t)
}

// ambiguous are the operations whose body, a value of an undiscriminated
// union, the SDK decodes as another variant than the one the table sends,
// with the same JSON, and why. A listed operation whose handler gets the
// variant sent fails the test, so that the list cannot go stale.
var ambiguous = map[string]string{
	"UpdateIntegration": "CustomUpdate has displayName alone, which every variant of IntegrationUpdate has: it decodes as the first, AndroidUpdate",
}

// assertSameArg checks that got, argument n of the handler of op, of type
// typ, is want, the client's argument: of the same type and equal as the
// SDK encodes them, a nil *Params being an empty one; an upload with the
// same name, content type and content.
func assertSameArg(t *testing.T, op string, typ reflect.Type, want, got any, n int) {
	t.Helper()
	if want != nil && reflect.TypeOf(got) != reflect.TypeOf(want) {
		if reason, known := ambiguous[op]; known {
			t.Logf("argument %d is a %T, sent as a %T: %s", n, got, want, reason)
		} else {
			t.Errorf("argument %d is a %T, want a %T", n, got, want)
			return
		}
	} else if _, known := ambiguous[op]; known && typ.Kind() == reflect.Interface {
		t.Errorf("argument %d is the %T sent: remove %s from ambiguous", n, got, op)
	}
	if w, ok := want.(sunco.UploadFile); ok {
		g := got.(sunco.UploadFile)
		assert.Equal(t, w.Name, g.Name, "argument %d: file name", n)
		assert.Equal(t, w.ContentType, g.ContentType, "argument %d: content type", n)
		assert.Equal(t, readAll(t, w.Reader), readAll(t, g.Reader), "argument %d: content", n)
		return
	}
	if want == nil && typ.Kind() == reflect.Pointer {
		want = reflect.New(typ.Elem()).Interface() // a nil *Params sends what an empty one sends
	}
	wantJSON, err := json.Marshal(want)
	require.NoError(t, err)
	gotJSON, err := json.Marshal(got)
	require.NoError(t, err)
	assert.JSONEq(t, string(wantJSON), string(gotJSON), "argument %d (%s)", n, typ)
}

func readAll(t *testing.T, r io.Reader) []byte {
	t.Helper()
	data, err := io.ReadAll(r)
	require.NoError(t, err)
	return data
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
