package fixturetest

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/fixturetest/wire"
)

// resultKind is what a method of the SDK returns beside its error.
type resultKind string

const (
	pointerResult  resultKind = "pointer"  // *T, a struct or a value
	sliceResult    resultKind = "slice"    // []T
	mapResult      resultKind = "map"      // map[string]T
	unionResult    resultKind = "union"    // a sealed interface
	errorOnly      resultKind = "error"    // nothing but the error
	redirectResult resultKind = "redirect" // *url.URL, where the API redirects
	iteratorResult resultKind = "iterator" // iter.Seq2[T, error]
)

var urlType = reflect.TypeFor[*url.URL]()

// kindOf is the kind of result of a method of type m.
func kindOf(m reflect.Type) resultKind {
	switch out := m.Out(0); {
	case m.NumOut() == 1 && out == reflect.TypeFor[error]():
		return errorOnly
	case out == urlType:
		return redirectResult
	case out.Kind() == reflect.Func:
		return iteratorResult
	case out.Kind() == reflect.Pointer:
		return pointerResult
	case out.Kind() == reflect.Slice:
		return sliceResult
	case out.Kind() == reflect.Map:
		return mapResult
	case out.Kind() == reflect.Interface:
		return unionResult
	}
	return ""
}

// sdkMethod is a method of a service of the fixture SDK.
type sdkMethod struct {
	name string // Service.Method
	kind resultKind
	call func(ctx context.Context, c *wire.Client, opts ...wire.RequestOption) (result reflect.Value, err error)
}

// sdkMethods lists every method of every service of the fixture SDK,
// each called with valid arguments: text for a string, one of each, a
// reader for a reader, a nil Params.
func sdkMethods(t *testing.T) []sdkMethod {
	t.Helper()
	var out []sdkMethod
	client := reflect.TypeFor[wire.Client]()
	for i := range client.NumField() {
		svc := client.Field(i)
		for j := range svc.Type.NumMethod() {
			m := svc.Type.Method(j)
			out = append(out, sdkMethod{
				name: strings.TrimSuffix(svc.Type.Elem().Name(), "Service") + "." + m.Name,
				kind: kindOf(m.Type),
				call: func(ctx context.Context, c *wire.Client, opts ...wire.RequestOption) (reflect.Value, error) {
					recv := reflect.ValueOf(c).Elem().Field(i)
					args := []reflect.Value{recv, reflect.ValueOf(ctx)}
					for k := 2; k < m.Type.NumIn()-1; k++ {
						args = append(args, argument(t, m.Type.In(k)))
					}
					args = append(args, reflect.ValueOf(opts))
					res := m.Func.CallSlice(args)
					if kindOf(m.Type) == errorOnly {
						err, _ := res[0].Interface().(error)
						return reflect.Value{}, err
					}
					if len(res) == 1 { // an iterator, whose errors it yields
						return res[0], nil
					}
					err, _ := res[1].Interface().(error)
					return res[0], err
				},
			})
		}
	}
	return out
}

var readerType = reflect.TypeFor[io.Reader]()

// argument is a valid argument of type typ: text for a string (a path
// parameter may not be empty), a list of one, a reader for a reader
// (also in a struct's fields), the zero value of anything else.
func argument(t *testing.T, typ reflect.Type) reflect.Value {
	v := reflect.New(typ).Elem()
	switch {
	case typ == readerType:
		v.Set(reflect.ValueOf(strings.NewReader("content")))
	case typ.Kind() == reflect.String:
		v.SetString("x")
	case typ.Kind() == reflect.Slice:
		v.Set(reflect.Append(v, argument(t, typ.Elem())))
	case typ.Kind() == reflect.Struct:
		for i := range typ.NumField() {
			if typ.Field(i).Type == readerType {
				v.Field(i).Set(argument(t, readerType))
			}
		}
	}
	return v
}

// kindHeader tells the test server what a call expects of a success, so
// that one handler answers every method.
const kindHeader = "X-Contract-Kind"

// success answers a call of the kind its header names as the API does
// when all goes well: a redirect, nothing, or a JSON body of the result's
// kind.
func success(w http.ResponseWriter, r *http.Request) {
	switch resultKind(r.Header.Get(kindHeader)) {
	case redirectResult:
		w.Header().Set("Location", "https://login.example.test/next")
		w.WriteHeader(http.StatusFound)
	case errorOnly:
		w.WriteHeader(http.StatusNoContent)
	case sliceResult:
		replyJSON(http.StatusOK, `[]`)(w, r)
	default:
		replyJSON(http.StatusOK, `{}`)(w, r)
	}
}

// expectation is what a method returns, for a failure and its kind of
// result.
type expectation struct {
	err      func(t *testing.T, err error) // nil: no error
	response int                           // the status of the response WithResponseInto captures, 0 for none
}

func wantAPIError(status int) func(t *testing.T, err error) {
	return func(t *testing.T, err error) {
		var apiErr *wire.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, status, apiErr.StatusCode)
		assert.True(t, apiErr.HasCode("contract"), "the error detail of the body: %v", apiErr.Errors)
	}
}

// wantCallError is an error of the call itself, no answer of the API,
// whose text says what it is.
func wantCallError(text string) func(t *testing.T, err error) {
	return func(t *testing.T, err error) {
		var apiErr *wire.APIError
		assert.False(t, errors.As(err, &apiErr), "no *APIError: %v", err)
		assert.Regexp(t, `^wire: `, err.Error())
		assert.Contains(t, err.Error(), text)
	}
}

func wantIs(target error) func(t *testing.T, err error) {
	return func(t *testing.T, err error) { assert.ErrorIs(t, err, target) }
}

// TestMethodContractOnError calls every method of the fixture SDK, for
// each way a call can fail, and checks what it returns: the error, and
// beside it nothing (a nil pointer, slice, map, union or URL; an
// iterator that yields the zero value with the error, once), or the
// result when the failure does not concern it (a body an error-only
// method does not read); and the response WithResponseInto captures.
func TestMethodContractOnError(t *testing.T) {
	methods := sdkMethods(t)
	kinds := map[resultKind]bool{}
	for _, m := range methods {
		require.NotEmpty(t, m.kind, "%s returns something of no kind the contract knows", m.name)
		kinds[m.kind] = true
	}
	for _, k := range []resultKind{pointerResult, sliceResult, mapResult, unionResult, errorOnly, redirectResult, iteratorResult} {
		assert.True(t, kinds[k], "the fixture SDK has a method returning a %s", k)
	}

	errorBody := `{"errors":[{"code":"contract","title":"Refused"}]}`
	every := func(e expectation) map[resultKind]expectation {
		return map[resultKind]expectation{pointerResult: e, sliceResult: e, mapResult: e, unionResult: e, errorOnly: e, redirectResult: e, iteratorResult: e}
	}
	ofResults := func(results, errOnly, redirect expectation) map[resultKind]expectation {
		m := every(results)
		m[errorOnly], m[redirectResult] = errOnly, redirect
		return m
	}
	tests := []struct {
		name     string
		handler  http.HandlerFunc // nil: no server listens
		cancel   bool             // the context is canceled before the call
		opts     []wire.Option
		expected map[resultKind]expectation
	}{
		{name: "success", handler: success, expected: map[resultKind]expectation{
			pointerResult: {response: 200}, sliceResult: {response: 200}, mapResult: {response: 200}, unionResult: {response: 200},
			errorOnly: {response: 204}, redirectResult: {response: 302}, iteratorResult: {response: 200},
		}},
		{name: "4xx", handler: replyJSON(http.StatusNotFound, errorBody), expected: every(expectation{err: wantAPIError(404), response: 404})},
		{name: "5xx", handler: replyJSON(http.StatusServiceUnavailable, errorBody), expected: every(expectation{err: wantAPIError(503), response: 503})},
		{
			name: "undecodable body",
			handler: func(w http.ResponseWriter, r *http.Request) {
				if resultKind(r.Header.Get(kindHeader)) == redirectResult {
					w.WriteHeader(http.StatusFound) // and no Location
					return
				}
				replyJSON(http.StatusOK, `{"id":`)(w, r)
			},
			expected: ofResults(
				expectation{err: wantCallError("decoding response of "), response: 200},
				expectation{response: 200}, // the body is not read
				expectation{err: wantCallError("without a usable Location"), response: 302},
			),
		},
		{
			name: "too large a body",
			handler: func(w http.ResponseWriter, r *http.Request) {
				if resultKind(r.Header.Get(kindHeader)) == redirectResult {
					w.Header().Set("Location", "https://login.example.test/next")
					w.WriteHeader(http.StatusFound)
					io.WriteString(w, strings.Repeat("x", 256))
					return
				}
				replyJSON(http.StatusOK, `{"padding":"`+strings.Repeat("x", 256)+`"}`)(w, r)
			},
			opts: []wire.Option{wire.WithMaxResponseBytes(64)},
			expected: ofResults(
				expectation{err: wantCallError("body exceeds the limit of 64 bytes (WithMaxResponseBytes raises it)"), response: 200},
				expectation{response: 200}, // the body is not read
				expectation{response: 302},
			),
		},
		{name: "no server", expected: every(expectation{err: func(t *testing.T, err error) {
			wantCallError(" ")(t, err)
			var netErr *net.OpError
			assert.ErrorAs(t, err, &netErr, "the network's error")
		}})},
		{name: "canceled context", handler: success, cancel: true, expected: every(expectation{err: wantIs(context.Canceled)})},
	}
	for _, tt := range tests {
		for _, m := range methods {
			t.Run(tt.name+"/"+m.name, func(t *testing.T) {
				var srv *server
				if tt.handler != nil {
					srv = newServer(t, tt.handler)
				} else { // a port where no one listens any more
					srv = newServer(t, success)
					srv.Close()
				}
				base := srv.URL
				c, err := wire.NewClient(append([]wire.Option{wire.WithBaseURL(base), wire.WithOperationBaseURL(base), wire.WithMaxRetries(0)}, tt.opts...)...)
				require.NoError(t, err)
				ctx, cancel := context.WithCancel(t.Context())
				defer cancel()
				if tt.cancel {
					cancel()
				}
				var resp *http.Response
				opts := []wire.RequestOption{wire.WithRequestHeader(kindHeader, string(m.kind)), wire.WithResponseInto(&resp)}

				result, err := m.call(ctx, c, opts...)

				want := tt.expected[m.kind]
				if m.kind == iteratorResult {
					result, err = reflect.Value{}, drain(t, result, want.err != nil)
				}
				if want.err == nil {
					require.NoError(t, err)
					if result.IsValid() {
						assert.False(t, result.IsNil(), "a result beside no error")
					}
				} else {
					require.Error(t, err)
					want.err(t, err)
					if result.IsValid() {
						assert.True(t, result.IsNil(), "nothing beside the error, not %#v", result.Interface())
					}
				}
				if want.response == 0 {
					assert.Nil(t, resp, "no response captured")
				} else if assert.NotNil(t, resp, "the response captured") {
					assert.Equal(t, want.response, resp.StatusCode)
				}
				if tt.cancel {
					assert.Empty(t, srv.requests(), "nothing sent once the context is done")
				}
			})
		}
	}
}

// drain ranges over the iterator an iterator method returned, and
// returns the error it yielded: with failed, checking that it yields the
// zero value beside it, once, and nothing after.
func drain(t *testing.T, seq reflect.Value, failed bool) error {
	t.Helper()
	var items []reflect.Value
	var errs []error
	yield := reflect.MakeFunc(seq.Type().In(0), func(args []reflect.Value) []reflect.Value {
		items = append(items, args[0])
		err, _ := args[1].Interface().(error)
		errs = append(errs, err)
		return []reflect.Value{reflect.ValueOf(true)}
	})
	seq.Call([]reflect.Value{yield})
	if !failed {
		return errors.Join(errs...)
	}
	require.Len(t, errs, 1, "one error, then nothing")
	assert.True(t, items[0].IsZero(), "the zero value beside the error, not %#v", items[0].Interface())
	return errs[0]
}
