package sunco

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestResponseInto(t *testing.T) {
	tests := []struct {
		name       string
		statuses   []int
		wantStatus int // of the captured response; 0 for none
		wantErr    bool
	}{
		{name: "success", statuses: []int{200}, wantStatus: 200},
		{name: "api error", statuses: []int{404}, wantStatus: 404, wantErr: true},
		{name: "the last of several attempts", statuses: []int{503, 201}, wantStatus: 201},
		{name: "retries exhausted", statuses: []int{503}, wantStatus: 503, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n atomic.Int32
			srv, _ := recordingServer(t, func(w http.ResponseWriter, r *http.Request) {
				i := int(n.Add(1))
				w.Header().Set("X-Attempt", strings.Repeat("i", i))
				replyJSON(tt.statuses[min(i, len(tt.statuses))-1], `{"n":1}`)(w, r)
			})
			tr, _ := newTestTransport(t, srv.URL)
			var resp *http.Response
			var out struct{ N int }
			err := tr.do(t.Context(), &request{Method: "GET", Path: "/v2/x"}, &out, []RequestOption{WithResponseInto(&resp)})
			if tt.wantErr {
				require.Error(t, err)
			} else {
				require.NoError(t, err)
				assert.Equal(t, 1, out.N, "the body was decoded before the response was handed over")
			}
			require.NotNil(t, resp)
			assert.Equal(t, tt.wantStatus, resp.StatusCode)
			assert.Equal(t, strings.Repeat("i", int(n.Load())), resp.Header.Get("X-Attempt"), "the last response")
			assert.Equal(t, http.NoBody, resp.Body)
		})
	}
	t.Run("no response", func(t *testing.T) {
		tr, _ := newTestTransport(t, "http://"+closedAddr(t), WithMaxRetries(0))
		resp := &http.Response{StatusCode: 200} // from an earlier call
		err := tr.do(t.Context(), &request{Method: "GET", Path: "/v2/x"}, nil, []RequestOption{WithResponseInto(&resp)})
		require.Error(t, err)
		assert.Nil(t, resp)
	})
	t.Run("redirect", func(t *testing.T) {
		srv, _ := recordingServer(t, func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Location", "/next")
			w.WriteHeader(http.StatusFound)
		})
		tr, _ := newTestTransport(t, srv.URL)
		var resp *http.Response
		_, err := tr.redirect(t.Context(), &request{Method: "GET", Path: "/v2/x"}, []RequestOption{WithResponseInto(&resp)})
		require.NoError(t, err)
		require.NotNil(t, resp)
		assert.Equal(t, http.StatusFound, resp.StatusCode)
		assert.Equal(t, "/next", resp.Header.Get("Location"))
	})
}

// hangFirst answers 200 with body, except that the first n requests get no
// answer until the client gives up on them.
func hangFirst(n int32, body string) http.HandlerFunc {
	var seen atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		if seen.Add(1) <= n {
			<-r.Context().Done()
			return
		}
		replyJSON(200, body)(w, r)
	}
}

func TestAttemptTimeout(t *testing.T) {
	// Long enough for a successful attempt on a loaded machine.
	const timeout = 250 * time.Millisecond
	tests := []struct {
		name     string
		opts     []Option
		reqOpts  []RequestOption
		method   string
		hang     int32
		deadline time.Duration // of the call; default 10s
		attempts int
		wantErr  string // "" for success
	}{
		{name: "GET retried after a timeout", reqOpts: []RequestOption{WithRequestAttemptTimeout(timeout)}, method: "GET", hang: 2, attempts: 3},
		{name: "client default", opts: []Option{WithAttemptTimeout(timeout)}, method: "GET", hang: 1, attempts: 2},
		{
			name:     "POST not retried",
			reqOpts:  []RequestOption{WithRequestAttemptTimeout(timeout)},
			method:   "POST",
			hang:     1,
			attempts: 1,
			wantErr:  "sunco: POST /v2/x: attempt timed out after 250ms: context deadline exceeded",
		},
		{
			name:     "every attempt times out",
			reqOpts:  []RequestOption{WithRequestAttemptTimeout(timeout)},
			method:   "GET",
			hang:     3,
			attempts: 3,
			wantErr:  "sunco: GET /v2/x: after 3 attempts: attempt timed out after 250ms: context deadline exceeded",
		},
		{
			name:     "per call 0 removes the client's bound",
			opts:     []Option{WithAttemptTimeout(timeout)},
			reqOpts:  []RequestOption{WithRequestAttemptTimeout(0)},
			method:   "GET",
			hang:     1,
			deadline: 2 * timeout,
			attempts: 1,
			wantErr:  "sunco: GET /v2/x: context deadline exceeded", // the call's own
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, seen := recordingServer(t, hangFirst(tt.hang, `{"ok":true}`))
			tr, _ := newTestTransport(t, srv.URL, tt.opts...)
			deadline := tt.deadline
			if deadline == 0 {
				deadline = 10 * time.Second
			}
			ctx, cancel := context.WithTimeout(t.Context(), deadline)
			defer cancel()
			var out struct{ OK bool }
			err := tr.do(ctx, &request{Method: tt.method, Path: "/v2/x"}, &out, tt.reqOpts)
			assert.Len(t, seen.all(), tt.attempts)
			if tt.wantErr == "" {
				require.NoError(t, err)
				assert.True(t, out.OK)
				return
			}
			require.ErrorIs(t, err, context.DeadlineExceeded)
			assert.EqualError(t, err, tt.wantErr)
		})
	}
}

// TestAttemptTimeoutCoversBody checks that an attempt's context lives until
// its response body has been read, not only until the headers arrived, and
// that the timeout also bounds reading the body.
func TestAttemptTimeoutCoversBody(t *testing.T) {
	tests := []struct {
		name    string
		timeout time.Duration
		wantErr bool
	}{
		{name: "body read within the timeout", timeout: 5 * time.Second},
		{name: "body too slow", timeout: 100 * time.Millisecond, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := recordingServer(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				io.WriteString(w, `{"a":`)
				http.NewResponseController(w).Flush()
				select {
				case <-time.After(300 * time.Millisecond):
				case <-r.Context().Done():
					return
				}
				io.WriteString(w, `1}`)
			})
			tr, _ := newTestTransport(t, srv.URL)
			var out struct{ A int }
			err := tr.do(t.Context(), &request{Method: "GET", Path: "/v2/x"}, &out, []RequestOption{WithRequestAttemptTimeout(tt.timeout)})
			if tt.wantErr {
				require.ErrorIs(t, err, context.DeadlineExceeded)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, 1, out.A)
		})
	}
}

func TestAttemptTimeoutBoundedByContext(t *testing.T) {
	srv, seen := recordingServer(t, hangFirst(100, `{}`))
	tr, waits := newTestTransport(t, srv.URL, WithMaxRetries(100))
	ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
	defer cancel()
	err := tr.do(ctx, &request{Method: "GET", Path: "/v2/x"}, nil, []RequestOption{WithRequestAttemptTimeout(time.Minute)})
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.EqualError(t, err, "sunco: GET /v2/x: context deadline exceeded")
	assert.Len(t, seen.all(), 1)
	assert.Empty(t, *waits)
}

// debugLog returns a logger that writes text records at Debug level to buf.
func debugLog(buf *bytes.Buffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{
		Level: slog.LevelDebug,
		// Fixed durations and no time make records comparable.
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			switch a.Key {
			case slog.TimeKey:
				return slog.Attr{}
			case "duration":
				return slog.String("duration", "D")
			}
			return a
		},
	}))
}

func TestLogger(t *testing.T) {
	const (
		secret      = "s3cr3t-api-secret"
		headerValue = "custom-header-secret"
		callHeader  = "call-header-secret"
		queryValue  = "query-secret"
		bodyValue   = "body-secret"
	)
	basic := base64.StdEncoding.EncodeToString([]byte("app_1:" + secret))
	srv, _ := recordingServer(t, statusSequence(503, 200))
	var clientLog, callLog bytes.Buffer
	tr, _ := newTestTransport(t, srv.URL, WithBasicAuth("app_1", secret), WithHeader("X-Custom", headerValue), WithLogger(debugLog(&clientLog)))
	req := func() *request {
		return &request{
			Method: "PUT", Path: "/v2/apps/a",
			Query:  query{"token": {queryValue}},
			Header: http.Header{"X-Param": {headerValue}},
			Body:   map[string]string{"text": bodyValue},
		}
	}
	var logs []string // everything logged, checked for leaks at the end
	require.NoError(t, tr.do(t.Context(), req(), nil, []RequestOption{WithRequestHeader("X-Call", callHeader)}))
	logs = append(logs, clientLog.String())
	assert.Equal(t,
		"level=DEBUG msg=\"sunco: HTTP request\" method=PUT path=/v2/apps/a attempt=1 status=503 duration=D\n"+
			"level=DEBUG msg=\"sunco: HTTP request\" method=PUT path=/v2/apps/a attempt=2 status=200 duration=D\n",
		clientLog.String())

	// A transport error is logged with its message, which never carries
	// the URL.
	clientLog.Reset()
	down, _ := newTestTransport(t, "http://"+closedAddr(t), WithBasicAuth("app_1", secret), WithLogger(debugLog(&clientLog)), WithMaxRetries(0))
	require.Error(t, down.do(t.Context(), req(), nil, nil))
	logs = append(logs, clientLog.String())
	assert.Contains(t, clientLog.String(), "method=PUT path=/v2/apps/a attempt=1 error=")
	assert.Contains(t, clientLog.String(), "connection refused")

	// A per-call logger replaces the client's.
	clientLog.Reset()
	require.NoError(t, tr.do(t.Context(), req(), nil, []RequestOption{WithRequestLogger(debugLog(&callLog))}))
	logs = append(logs, callLog.String())
	assert.Empty(t, clientLog.String())
	assert.Contains(t, callLog.String(), "attempt=1 status=200")
	require.NoError(t, tr.do(t.Context(), req(), nil, []RequestOption{WithRequestLogger(nil)}))
	assert.Empty(t, clientLog.String(), "a nil per-call logger logs nothing")

	for _, out := range logs {
		for _, leak := range []string{secret, basic, headerValue, callHeader, queryValue, bodyValue, "Basic", "Authorization"} {
			assert.NotContains(t, out, leak)
		}
	}
}

func TestLoggerLevel(t *testing.T) {
	srv, _ := recordingServer(t, replyJSON(200, `{}`))
	var buf bytes.Buffer
	info := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo}))
	tr, _ := newTestTransport(t, srv.URL, WithLogger(info))
	require.NoError(t, tr.do(t.Context(), &request{Method: "GET", Path: "/v2/x"}, nil, nil))
	assert.Empty(t, buf.String(), "attempts are logged at Debug level")
}

// TestCheckHeaderEveryByte: each of the 256 bytes in a header name is
// taken when RFC 9110 calls it a token character, and in a value unless
// it is a control character other than tab.
func TestCheckHeaderEveryByte(t *testing.T) {
	const token = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	for c := range 256 {
		b := byte(c)
		nameErr := checkHeader(string([]byte{'X', b, 'y'}), "v")
		assert.Equal(t, strings.IndexByte(token, b) >= 0, nameErr == nil, "byte %#x in a name: %v", b, nameErr)
		valueErr := checkHeaderValue(string([]byte{'v', b, 'w'}))
		assert.Equal(t, b >= ' ' && b != 0x7f || b == '\t', valueErr == nil, "byte %#x in a value: %v", b, valueErr)
	}
}
