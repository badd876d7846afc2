package sunco

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testUserAgent = "sunco-go/test"

// newTestTransport returns a transport whose retry waits are recorded
// instead of slept; the jitter always picks the top of the range, so waits
// are deterministic.
func newTestTransport(t *testing.T, baseURL string, opts ...Option) (*transport, *[]time.Duration) {
	t.Helper()
	tr, err := newTransport(baseURL, testUserAgent, opts)
	require.NoError(t, err)
	waits := []time.Duration{}
	tr.sleep = func(ctx context.Context, d time.Duration) error {
		waits = append(waits, d)
		return ctx.Err()
	}
	tr.jitter = func(n int64) int64 { return n - 1 }
	return tr, &waits
}

// captured is what a test server saw of one request.
type captured struct {
	method, escapedPath, rawQuery string
	header                        http.Header
	body                          string
}

// recorder keeps what a test server saw; handlers run on other goroutines.
type recorder struct {
	mu   sync.Mutex
	reqs []captured
}

func (r *recorder) add(c captured) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reqs = append(r.reqs, c)
}

// all returns the requests seen so far.
func (r *recorder) all() []captured {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.reqs)
}

// recordingServer answers every request with handler after recording it.
func recordingServer(t *testing.T, handler http.HandlerFunc) (*httptest.Server, *recorder) {
	t.Helper()
	rec := &recorder{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		rec.add(captured{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Clone(), string(body)})
		handler(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, rec
}

func replyJSON(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

func TestRequestHeaders(t *testing.T) {
	tests := []struct {
		name    string
		opts    []Option
		req     request
		reqOpts []RequestOption
		want    map[string]string
	}{
		{
			name: "defaults",
			req:  request{Method: "GET", Path: "/v2/apps"},
			want: map[string]string{"Accept": "application/json", "User-Agent": testUserAgent, "Content-Type": "", "Authorization": ""},
		},
		{
			name: "user agent override",
			opts: []Option{WithUserAgent("my-app/1.0")},
			req:  request{Method: "GET", Path: "/v2/apps"},
			want: map[string]string{"User-Agent": "my-app/1.0"},
		},
		{
			name: "json body",
			req:  request{Method: "POST", Path: "/v2/apps", Body: map[string]string{"a": "b"}},
			want: map[string]string{"Content-Type": "application/json"},
		},
		{
			name: "client, parameter and call headers layer in that order",
			opts: []Option{WithHeader("x-client", "c"), WithHeader("X-Client-Param", "client"), WithHeader("X-Client-Call", "client"), WithHeader("X-All", "client")},
			req: request{Method: "GET", Path: "/v2/apps", Header: http.Header{
				"x-client-param": {"param"}, "X-Param": {"p"}, "X-Param-Call": {"param"}, "X-All": {"param"},
			}},
			reqOpts: []RequestOption{WithRequestHeader("x-client-call", "call"), WithRequestHeader("X-Param-Call", "call"), WithRequestHeader("x-all", "call")},
			want: map[string]string{
				"X-Client": "c", "X-Param": "p",
				"X-Client-Param": "param", "X-Client-Call": "call", "X-Param-Call": "call", "X-All": "call",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, seen := recordingServer(t, replyJSON(200, `{}`))
			tr, _ := newTestTransport(t, srv.URL, tt.opts...)
			require.NoError(t, tr.do(context.Background(), &tt.req, nil, tt.reqOpts))
			reqs := seen.all()
			require.Len(t, reqs, 1)
			for k, v := range tt.want {
				assert.Equal(t, v, reqs[0].header.Get(k), k)
			}
		})
	}
}

func TestJSONBodyAndResponse(t *testing.T) {
	type message struct {
		Text string `json:"text"`
		N    int    `json:"n,omitempty"`
	}
	srv, seen := recordingServer(t, replyJSON(201, `{"text":"back","n":7}`))
	tr, _ := newTestTransport(t, srv.URL)
	var out message
	err := tr.do(context.Background(), &request{Method: "POST", Path: "/v2/x", Body: message{Text: "hi"}}, &out, nil)
	require.NoError(t, err)
	reqs := seen.all()
	require.Len(t, reqs, 1)
	assert.JSONEq(t, `{"text":"hi"}`, reqs[0].body)
	assert.Equal(t, message{Text: "back", N: 7}, out)
}

func TestDecodeResponse(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
		out     any
		wantErr string
	}{
		{name: "nil out discards", handler: replyJSON(200, `not json`), out: nil},
		{name: "no content", handler: func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(204) }, out: new(map[string]any)},
		{name: "invalid json", handler: replyJSON(200, `{"a":`), out: new(map[string]any), wantErr: "sunco: decoding response of GET /v2/x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := recordingServer(t, tt.handler)
			tr, _ := newTestTransport(t, srv.URL)
			err := tr.do(context.Background(), &request{Method: "GET", Path: "/v2/x"}, tt.out, nil)
			if tt.wantErr == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorContains(t, err, tt.wantErr)
		})
	}
}

func TestOptionErrors(t *testing.T) {
	tests := []struct {
		name    string
		base    string
		opts    []Option
		wantErr string
	}{
		{name: "relative base URL", opts: []Option{WithBaseURL("/v2")}, wantErr: "scheme must be http or https"},
		{name: "ftp base URL", opts: []Option{WithBaseURL("ftp://example.com")}, wantErr: "scheme must be http or https"},
		{name: "no host", opts: []Option{WithBaseURL("https://")}, wantErr: "no host"},
		{name: "unparsable base URL", opts: []Option{WithBaseURL("https://exa mple.com")}, wantErr: "invalid URL"},
		{name: "userinfo in base URL", opts: []Option{WithBaseURL("https://key:hunter2@example.com")}, wantErr: "must not contain credentials"},
		{name: "query in base URL", opts: []Option{WithBaseURL("https://example.com/?a=1")}, wantErr: "query or fragment"},
		{name: "fragment in base URL", opts: []Option{WithBaseURL("https://example.com/#f")}, wantErr: "query or fragment"},
		{name: "invalid default base URL", base: "api.smooch.io", wantErr: "WithBaseURL"},
		{name: "nil http client", opts: []Option{WithHTTPClient(nil)}, wantErr: "nil client"},
		{name: "relative operation base URL", opts: []Option{WithOperationBaseURL("/sc")}, wantErr: "sunco: WithOperationBaseURL: URL scheme must be http or https"},
		{name: "operation base URL with credentials", opts: []Option{WithOperationBaseURL("https://key:hunter2@example.com")}, wantErr: "must not contain credentials"},
		{name: "negative retries", opts: []Option{WithMaxRetries(-1)}, wantErr: "negative count"},
		{name: "negative attempt timeout", opts: []Option{WithAttemptTimeout(-time.Second)}, wantErr: "sunco: WithAttemptTimeout: negative duration -1s"},
		{name: "empty user agent", opts: []Option{WithUserAgent("")}, wantErr: "empty user agent"},
		{name: "empty header name", opts: []Option{WithHeader("", "v")}, wantErr: "empty header name"},
		{name: "nil middleware", opts: []Option{WithMiddleware(nil)}, wantErr: "nil middleware"},
		{name: "middleware returning nil", opts: []Option{WithMiddleware(func(http.RoundTripper) http.RoundTripper { return nil })}, wantErr: "nil RoundTripper"},
		{name: "jwt scope", opts: []Option{WithJWT("app_1", "s", "user")}, wantErr: `scope "user" must be "app" or "account"`},
		{name: "jwt empty secret", opts: []Option{WithJWT("app_1", "", "app")}, wantErr: "empty key id or secret"},
		{name: "basic empty key id", opts: []Option{WithBasicAuth("", "s")}, wantErr: "empty key id or secret"},
		{name: "basic key id with colon", opts: []Option{WithBasicAuth("a:b", "s")}, wantErr: "contains ':'"},
		{name: "empty bearer token", opts: []Option{WithBearerToken("")}, wantErr: "empty token"},
		{name: "bearer token with CR LF", opts: []Option{WithBearerToken("hunter2\r\nX-Injected: 1")}, wantErr: "sunco: WithBearerToken: token: value holds a control character (such as CR or LF)"},
		{name: "bearer token with NUL", opts: []Option{WithBearerToken("hunter2\x00")}, wantErr: "control character"},
		{name: "header value with LF", opts: []Option{WithHeader("X-Tenant", "hunter2\nX: 1")}, wantErr: "sunco: WithHeader: value of header X-Tenant: value holds a control character (such as CR or LF)"},
		{name: "header value with DEL", opts: []Option{WithHeader("X-Tenant", "a\x7f")}, wantErr: "control character"},
		{name: "header name with a space", opts: []Option{WithHeader("X Tenant", "t")}, wantErr: `header name "X Tenant" is not a valid token`},
		{name: "header name with a colon", opts: []Option{WithHeader("X-A:", "t")}, wantErr: "not a valid token"},
		{name: "user agent with CR", opts: []Option{WithUserAgent("app/1\r")}, wantErr: "sunco: WithUserAgent: value holds a control character (such as CR or LF)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := tt.base
			if base == "" {
				base = "https://api.smooch.io"
			}
			tr, err := newTransport(base, testUserAgent, tt.opts)
			require.ErrorContains(t, err, tt.wantErr)
			assert.Nil(t, tr)
			assert.NotContains(t, err.Error(), "hunter2")
		})
	}
}

func TestBaseURL(t *testing.T) {
	tests := []struct {
		name string
		opts []Option
		want string
	}{
		{name: "default", want: "https://api.smooch.io"},
		{name: "trailing slash trimmed", opts: []Option{WithBaseURL("https://api.eu-1.smooch.io/")}, want: "https://api.eu-1.smooch.io"},
		{name: "path kept", opts: []Option{WithBaseURL("http://127.0.0.1:8080/proxy/")}, want: "http://127.0.0.1:8080/proxy"},
		{name: "last wins", opts: []Option{WithBaseURL("https://api.eu-1.smooch.io"), WithBaseURL("https://api.smooch.io")}, want: "https://api.smooch.io"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := newTransport("https://api.smooch.io", testUserAgent, tt.opts)
			require.NoError(t, err)
			assert.Equal(t, tt.want, tr.baseURL)
		})
	}
}

// TestNoDefaultBaseURL: a document that names no server without
// variables gives no default base URL; the client is made all the same,
// WithBaseURL gives it one, and without it a request fails before
// anything is sent.
func TestNoDefaultBaseURL(t *testing.T) {
	srv, seen := recordingServer(t, replyJSON(200, `{}`))
	tr, err := newTransport("", testUserAgent, []Option{WithBaseURL(srv.URL)})
	require.NoError(t, err)
	require.NoError(t, tr.do(t.Context(), &request{Method: "GET", Path: "/v2/x"}, nil, nil))
	assert.Len(t, seen.all(), 1)

	tr, err = newTransport("", testUserAgent, nil)
	require.NoError(t, err)
	err = tr.do(t.Context(), &request{Method: "GET", Path: "/v2/x"}, nil, nil)
	require.ErrorContains(t, err, "no base URL")
	assert.Len(t, seen.all(), 1, "nothing sent")
}

// TestOperationServer checks where a request goes: an operation with a
// server of its own calls it whatever the base URL, unless
// WithOperationBaseURL moves it; the others call the base URL.
func TestOperationServer(t *testing.T) {
	base, baseSeen := recordingServer(t, replyJSON(200, `{}`))
	own, ownSeen := recordingServer(t, replyJSON(200, `{}`))
	mock, mockSeen := recordingServer(t, replyJSON(200, `{}`))
	tests := []struct {
		name   string
		opts   []Option
		server string
		want   *recorder
	}{
		{name: "the base URL", want: baseSeen},
		{name: "the operation's own server", server: own.URL + "/sc", want: ownSeen},
		{name: "the operation's own server, base URL moved", opts: []Option{WithBaseURL(mock.URL)}, server: own.URL + "/sc", want: ownSeen},
		{name: "WithOperationBaseURL moves the operation", opts: []Option{WithOperationBaseURL(mock.URL + "/sc/")}, server: own.URL + "/sc", want: mockSeen},
		{name: "WithOperationBaseURL leaves the others", opts: []Option{WithOperationBaseURL(mock.URL)}, want: baseSeen},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := map[*recorder]int{baseSeen: len(baseSeen.all()), ownSeen: len(ownSeen.all()), mockSeen: len(mockSeen.all())}
			tr, _ := newTestTransport(t, base.URL, tt.opts...)
			require.NoError(t, tr.do(t.Context(), &request{Method: "GET", Server: tt.server, Path: "/v2/tokenInfo"}, nil, nil))
			for r, n := range before {
				want := n
				if r == tt.want {
					want++
				}
				require.Len(t, r.all(), want)
			}
			reqs := tt.want.all()
			wantPath := "/v2/tokenInfo"
			if tt.server != "" {
				wantPath = "/sc/v2/tokenInfo"
			}
			assert.Equal(t, wantPath, reqs[len(reqs)-1].escapedPath)
		})
	}
}

// roundTripFunc adapts a function to http.RoundTripper.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestMiddlewareOrder(t *testing.T) {
	srv, _ := recordingServer(t, replyJSON(200, `{}`))
	var log []string
	logging := func(name string) func(http.RoundTripper) http.RoundTripper {
		return func(next http.RoundTripper) http.RoundTripper {
			return roundTripFunc(func(r *http.Request) (*http.Response, error) {
				log = append(log, name+" in")
				resp, err := next.RoundTrip(r)
				log = append(log, name+" out")
				return resp, err
			})
		}
	}
	base := &http.Transport{}
	t.Cleanup(base.CloseIdleConnections)
	hc := &http.Client{Transport: base}
	tr, _ := newTestTransport(t, srv.URL, WithMiddleware(logging("first")), WithHTTPClient(hc), WithMiddleware(logging("second")))

	require.NoError(t, tr.do(context.Background(), &request{Method: "GET", Path: "/v2/x"}, nil, nil))
	assert.Equal(t, []string{"first in", "second in", "second out", "first out"}, log)
	assert.Same(t, base, hc.Transport, "the caller's client is not modified")
}

func TestMaxRetriesOptions(t *testing.T) {
	tests := []struct {
		name     string
		opts     []Option
		reqOpts  []RequestOption
		attempts int
	}{
		{name: "default", attempts: 3},
		{name: "client", opts: []Option{WithMaxRetries(4)}, attempts: 5},
		{name: "disabled", opts: []Option{WithMaxRetries(0)}, attempts: 1},
		{name: "per call", opts: []Option{WithMaxRetries(4)}, reqOpts: []RequestOption{WithRequestMaxRetries(1)}, attempts: 2},
		{name: "per call negative", reqOpts: []RequestOption{WithRequestMaxRetries(-3)}, attempts: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, seen := recordingServer(t, replyJSON(429, `{}`))
			tr, _ := newTestTransport(t, srv.URL, tt.opts...)
			err := tr.do(context.Background(), &request{Method: "POST", Path: "/v2/x"}, nil, tt.reqOpts)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, 429, apiErr.StatusCode)
			assert.Len(t, seen.all(), tt.attempts)
		})
	}
}

// TestInvalidHeaderFailsBeforeSending checks that a header value net/http
// would refuse at every attempt fails the call at once, before anything is
// sent or retried, and that tabs and non-ASCII text are sent.
func TestInvalidHeaderFailsBeforeSending(t *testing.T) {
	tests := []struct {
		name    string
		header  http.Header // the operation's header parameters
		reqOpts []RequestOption
		wantErr string // "" when the call is sent
	}{
		{name: "per-call value with CR LF", reqOpts: []RequestOption{WithRequestHeader("X-A", "a\r\nX-Injected: 1")}, wantErr: "sunco: GET /v2/x: WithRequestHeader: value of header X-A: value holds a control character (such as CR or LF)"},
		{name: "per-call invalid name", reqOpts: []RequestOption{WithRequestHeader("X(A)", "v")}, wantErr: `sunco: GET /v2/x: WithRequestHeader: header name "X(A)" is not a valid token`},
		{name: "first failing option reported", reqOpts: []RequestOption{WithRequestHeader("", "v"), WithRequestHeader("X-A", "\n")}, wantErr: "sunco: GET /v2/x: WithRequestHeader: empty header name"},
		{name: "header parameter with LF", header: http.Header{"X-Tenant": {"t\nX-Injected: 1"}}, wantErr: "sunco: GET /v2/x: header parameter: value of header X-Tenant: value holds a control character (such as CR or LF)"},
		{name: "tab and UTF-8 are valid", header: http.Header{"X-Tenant": {"a\tb é"}}, reqOpts: []RequestOption{WithRequestHeader("X-A", "\u00e9\t1")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, seen := recordingServer(t, replyJSON(200, `{}`))
			tr, waits := newTestTransport(t, srv.URL, WithMaxRetries(3))
			var resp *http.Response
			opts := append([]RequestOption{WithResponseInto(&resp)}, tt.reqOpts...)
			err := tr.do(t.Context(), &request{Method: "GET", Path: "/v2/x", Header: tt.header}, nil, opts)
			if tt.wantErr == "" {
				require.NoError(t, err)
				assert.Len(t, seen.all(), 1)
				return
			}
			require.EqualError(t, err, tt.wantErr)
			assert.Empty(t, seen.all(), "nothing sent")
			assert.Empty(t, *waits, "no retry")
			assert.Nil(t, resp)
		})
	}
}

// spaces is a JSON document of n bytes: whitespace around an empty object.
func spaces(n int) []byte {
	b := bytes.Repeat([]byte(" "), n)
	b[0], b[1] = '{', '}'
	return b
}

// gzipped compresses data as a server would for Content-Encoding: gzip.
func gzipped(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	require.NoError(t, err)
	_, err = w.Write(data)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return buf.Bytes()
}

// TestResponseBodyCap checks that a 2xx body is read up to the limit,
// counted after net/http's transparent gzip decompression, and that a
// larger one fails the call with an error naming the option that raises
// the limit, without the client allocating much more than the limit: a
// 199 KiB gzip bomb and a 200 MiB plain body, with the default limit.
func TestResponseBodyCap(t *testing.T) {
	const huge = 200 << 20
	bomb := gzipped(t, spaces(huge))
	tests := []struct {
		name      string
		opts      []Option
		body      []byte
		gzip      bool // sent with Content-Encoding: gzip
		length    bool // sent with a Content-Length
		wantErr   string
		maxAllocs int64 // bytes the call may allocate; 0 for no check
	}{
		{name: "gzip bomb", body: bomb, gzip: true, wantErr: "sunco: response of GET /v2/x: body exceeds the limit of 16777216 bytes (WithMaxResponseBytes raises it)", maxAllocs: 2*defaultMaxResponse + 2<<20},
		{name: "200 MiB plain, chunked", body: spaces(huge), wantErr: "body exceeds the limit of 16777216 bytes", maxAllocs: 2*defaultMaxResponse + 2<<20},
		{name: "200 MiB plain, with length", body: spaces(huge), length: true, wantErr: "body exceeds the limit of 16777216 bytes", maxAllocs: 1 << 20},
		{name: "at the limit", opts: []Option{WithMaxResponseBytes(1000)}, body: spaces(1000)},
		{name: "at the limit, gzipped", opts: []Option{WithMaxResponseBytes(1000)}, body: gzipped(t, spaces(1000)), gzip: true},
		{name: "a byte past the limit", opts: []Option{WithMaxResponseBytes(1000)}, body: spaces(1001), wantErr: "body exceeds the limit of 1000 bytes"},
		{name: "a byte past the limit, with length", opts: []Option{WithMaxResponseBytes(1000)}, body: spaces(1001), length: true, wantErr: "body exceeds the limit of 1000 bytes"},
		{name: "a byte past the limit once decompressed", opts: []Option{WithMaxResponseBytes(1000)}, body: gzipped(t, spaces(1001)), gzip: true, wantErr: "body exceeds the limit of 1000 bytes"},
		{name: "limit raised", opts: []Option{WithMaxResponseBytes(20 << 20)}, body: spaces(17 << 20), length: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				if tt.gzip {
					w.Header().Set("Content-Encoding", "gzip")
				}
				if tt.length {
					w.Header().Set("Content-Length", strconv.Itoa(len(tt.body)))
				}
				// Written in pieces, so that net/http does not set a
				// Content-Length itself.
				for b := tt.body; len(b) > 0; b = b[min(len(b), 1<<20):] {
					if _, err := w.Write(b[:min(len(b), 1<<20)]); err != nil {
						return
					}
				}
			}))
			t.Cleanup(srv.Close)
			tr, _ := newTestTransport(t, srv.URL, tt.opts...)
			var out map[string]any
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			err := tr.do(t.Context(), &request{Method: "GET", Path: "/v2/x"}, &out, nil)
			runtime.ReadMemStats(&after)
			allocated := int64(after.TotalAlloc - before.TotalAlloc)
			t.Logf("%d bytes sent; the call allocated %.1f MiB", len(tt.body), float64(allocated)/(1<<20))
			if tt.maxAllocs > 0 {
				assert.Less(t, allocated, tt.maxAllocs, "bytes allocated by the call")
			}
			if tt.wantErr == "" {
				require.NoError(t, err)
				assert.Equal(t, map[string]any{}, out)
				return
			}
			require.ErrorContains(t, err, tt.wantErr)
			assert.ErrorIs(t, err, errResponseTooLarge)
		})
	}
}

var errRead = errors.New("read failed")

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errRead }

func TestReadBody(t *testing.T) {
	tests := []struct {
		name    string
		r       io.Reader
		size    int64
		limit   int64
		want    string
		wantErr error
	}{
		{name: "known size", r: strings.NewReader("abc"), size: 3, limit: 10, want: "abc"},
		{name: "unknown size", r: strings.NewReader("abc"), size: -1, limit: 10, want: "abc"},
		{name: "empty", r: strings.NewReader(""), size: -1, limit: 10, want: ""},
		{name: "exactly the limit", r: strings.NewReader("abcd"), size: -1, limit: 4, want: "abcd"},
		{name: "past the limit", r: strings.NewReader("abcde"), size: -1, limit: 4, wantErr: errResponseTooLarge},
		{name: "size past the limit, nothing read", r: errReader{}, size: 5, limit: 4, wantErr: errResponseTooLarge},
		{name: "more than the size says", r: strings.NewReader("abcdef"), size: 3, limit: 10, want: "abcdef"},
		{name: "less than the size says", r: strings.NewReader("ab"), size: 3, limit: 10, want: "ab"},
		{name: "a size far past what is sent", r: strings.NewReader("ab"), size: 1 << 40, limit: 1 << 50, want: "ab"},
		{name: "longer than the first buffer", r: strings.NewReader(strings.Repeat("x", 5000)), size: -1, limit: 5000, want: strings.Repeat("x", 5000)},
		{name: "read error", r: io.MultiReader(strings.NewReader("ab"), errReader{}), size: -1, limit: 10, wantErr: errRead},
		{name: "read error at the limit", r: io.MultiReader(strings.NewReader("ab"), errReader{}), size: -1, limit: 2, wantErr: errRead},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readBody(tt.r, tt.size, tt.limit)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))
		})
	}
}

func TestMaxResponseBytesOption(t *testing.T) {
	for _, n := range []int64{0, -1} {
		_, err := newTransport("https://api.smooch.io", testUserAgent, []Option{WithMaxResponseBytes(n)})
		require.EqualError(t, err, "sunco: WithMaxResponseBytes: "+strconv.FormatInt(n, 10)+" is not a positive size")
	}
}
