package sunco

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// statusSequence answers the n-th request with statuses[n], repeating the last.
func statusSequence(statuses ...int) http.HandlerFunc {
	var n atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		i := min(int(n.Add(1))-1, len(statuses)-1)
		replyJSON(statuses[i], `{"errors":[{"code":"c","title":"t"}]}`)(w, r)
	}
}

func TestRetryOnStatus(t *testing.T) {
	tests := []struct {
		name       string
		method     string
		statuses   []int
		attempts   int
		wantStatus int // 0 for success
	}{
		{name: "429 on POST is retried", method: "POST", statuses: []int{429, 200}, attempts: 2},
		{name: "500 on POST is not retried", method: "POST", statuses: []int{500, 200}, attempts: 1, wantStatus: 500},
		{name: "503 on POST is not retried", method: "POST", statuses: []int{503, 200}, attempts: 1, wantStatus: 503},
		{name: "500 on GET is retried up to the max", method: "GET", statuses: []int{500}, attempts: 3, wantStatus: 500},
		{name: "502 on PUT then success", method: "PUT", statuses: []int{502, 200}, attempts: 2},
		{name: "504 on DELETE then success", method: "DELETE", statuses: []int{504, 504, 200}, attempts: 3},
		{name: "429 exhausts retries", method: "PATCH", statuses: []int{429}, attempts: 3, wantStatus: 429},
		{name: "501 is not transient", method: "GET", statuses: []int{501}, attempts: 1, wantStatus: 501},
		{name: "400 is not retried", method: "GET", statuses: []int{400}, attempts: 1, wantStatus: 400},
		{name: "299 is a success", method: "GET", statuses: []int{299}, attempts: 1},
		{name: "300 is an error, not retried", method: "GET", statuses: []int{300}, attempts: 1, wantStatus: 300},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, seen := recordingServer(t, statusSequence(tt.statuses...))
			tr, waits := newTestTransport(t, srv.URL)
			tr.backoffBase, tr.backoffCap = time.Millisecond, 3*time.Millisecond
			body := map[string]any{"text": "same bytes every time", "n": 1}
			err := tr.do(context.Background(), &request{Method: tt.method, Path: "/v2/x", Body: body}, nil, nil)

			if tt.wantStatus == 0 {
				require.NoError(t, err)
			} else {
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, tt.wantStatus, apiErr.StatusCode)
			}
			reqs := seen.all()
			require.Len(t, reqs, tt.attempts)
			for _, r := range reqs {
				assert.Equal(t, reqs[0].body, r.body, "body re-sent intact")
				assert.Equal(t, strconv.Itoa(len(reqs[0].body)), r.header.Get("Content-Length"))
			}
			assert.JSONEq(t, `{"text":"same bytes every time","n":1}`, reqs[0].body)
			// Full jitter at its ceiling: base·2^retry, capped.
			want := []time.Duration{time.Millisecond, 2 * time.Millisecond}[:tt.attempts-1]
			assert.Equal(t, want, *waits)
		})
	}
}

// TestRetryableStatus: which statuses are retried, for every method: 429
// whatever the method, 500, 502, 503 and 504 for the idempotent ones
// only, and no other status.
func TestRetryableStatus(t *testing.T) {
	idempotent := []string{"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}
	for _, method := range []string{"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "POST", "PATCH", "TRACE"} {
		for _, status := range []int{200, 400, 408, 425, 429, 499, 500, 501, 502, 503, 504, 505, 599} {
			want := status == 429 || slices.Contains([]int{500, 502, 503, 504}, status) && slices.Contains(idempotent, method)
			assert.Equal(t, want, retryableStatus(status, isIdempotent(method)), "%s answered %d", method, status)
		}
	}
}

func TestBackoff(t *testing.T) {
	tr, _ := newTestTransport(t, "https://api.smooch.io")
	tr.backoffBase, tr.backoffCap = time.Second, 5*time.Second
	var ceilings []int64
	tr.jitter = func(n int64) int64 {
		ceilings = append(ceilings, n)
		return n / 2
	}
	tests := []struct {
		retry int
		want  time.Duration
	}{
		{retry: 0, want: time.Second / 2},
		{retry: 1, want: time.Second},
		{retry: 2, want: 2 * time.Second},
		{retry: 3, want: 5 * time.Second / 2},
		{retry: 1000, want: 5 * time.Second / 2},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.retry), func(t *testing.T) {
			ceilings = nil
			assert.Equal(t, tt.want, tr.backoff(tt.retry))
			assert.Equal(t, []int64{int64(2*tt.want) + 1}, ceilings, "jitter spans [0, ceiling]")
		})
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		retryAfter string
		want       time.Duration
	}{
		{name: "delta seconds", retryAfter: "3", want: 3 * time.Second},
		{name: "zero", retryAfter: "0", want: 0},
		{name: "capped", retryAfter: "3600", want: time.Minute},
		{name: "huge", retryAfter: "99999999999999999999", want: 20 * time.Millisecond},
		{name: "http date", retryAfter: now.Add(10 * time.Second).Format(http.TimeFormat), want: 10 * time.Second},
		{name: "http date capped", retryAfter: now.Add(time.Hour).Format(http.TimeFormat), want: time.Minute},
		{name: "http date in the past", retryAfter: now.Add(-time.Hour).Format(http.TimeFormat), want: 0},
		{name: "invalid falls back to backoff", retryAfter: "soon", want: 20 * time.Millisecond},
		{name: "negative falls back to backoff", retryAfter: "-1", want: 20 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n atomic.Int32
			srv, _ := recordingServer(t, func(w http.ResponseWriter, r *http.Request) {
				if n.Add(1) == 1 {
					w.Header().Set("Retry-After", tt.retryAfter)
					w.WriteHeader(http.StatusTooManyRequests)
					return
				}
				replyJSON(200, `{}`)(w, r)
			})
			tr, waits := newTestTransport(t, srv.URL)
			tr.backoffBase = 20 * time.Millisecond
			tr.now = func() time.Time { return now }
			require.NoError(t, tr.do(context.Background(), &request{Method: "POST", Path: "/v2/x"}, nil, nil))
			assert.Equal(t, []time.Duration{tt.want}, *waits)
		})
	}
}

func TestRetryWaitEndsWithContext(t *testing.T) {
	srv, seen := recordingServer(t, statusSequence(503))
	tr, _ := newTestTransport(t, srv.URL)
	tr.backoffBase, tr.backoffCap = time.Hour, time.Hour
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// The context ends once the wait has begun; the real sleep must then
	// return at once rather than after an hour.
	tr.sleep = func(ctx context.Context, d time.Duration) error {
		assert.Equal(t, time.Hour, d)
		cancel()
		return sleepContext(ctx, d)
	}
	err := tr.do(ctx, &request{Method: "GET", Path: "/v2/x"}, nil, nil)
	require.ErrorIs(t, err, context.Canceled)
	assert.Len(t, seen.all(), 1)
}

func TestSleepContext(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		d    time.Duration
		want error
	}{
		{name: "context already ended", ctx: canceled, d: time.Hour, want: context.Canceled},
		{name: "no wait", ctx: context.Background(), d: 0, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.ErrorIs(t, sleepContext(tt.ctx, tt.d), tt.want)
		})
	}
}

// closedAddr returns an address on which nothing listens.
func closedAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	return addr
}

// TestRetryConnectionRefused: a refused connection is retried, a POST's
// too (nothing reached the server), with a timeout per attempt or not.
func TestRetryConnectionRefused(t *testing.T) {
	tests := []struct {
		name   string
		method string
		opts   []Option
	}{
		{name: "POST", method: "POST"},
		{name: "GET", method: "GET"},
		{name: "POST, with a timeout per attempt", method: "POST", opts: []Option{WithAttemptTimeout(time.Minute)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, seen := recordingServer(t, replyJSON(200, `{}`))
			refused := closedAddr(t)
			// The first dial goes to a closed port, later ones to the server.
			var dials atomic.Int32
			var d net.Dialer
			hc := &http.Client{Transport: &http.Transport{
				DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
					addr := srv.Listener.Addr().String()
					if dials.Add(1) == 1 {
						addr = refused
					}
					return d.DialContext(ctx, network, addr)
				},
			}}
			tr, waits := newTestTransport(t, srv.URL, append([]Option{WithHTTPClient(hc)}, tt.opts...)...)
			err := tr.do(context.Background(), &request{Method: tt.method, Path: "/v2/x", Body: map[string]int{"a": 1}}, nil, nil)
			require.NoError(t, err)
			assert.Equal(t, int32(2), dials.Load())
			assert.Len(t, seen.all(), 1)
			assert.Len(t, *waits, 1)
		})
	}
}

func TestRetryAfterConnectionDropped(t *testing.T) {
	tests := []struct {
		name     string
		method   string
		attempts int
		wantErr  string
	}{
		{name: "POST may have been processed", method: "POST", attempts: 1, wantErr: "sunco: POST /v2/x: EOF"},
		{name: "GET is retried", method: "GET", attempts: 3, wantErr: "sunco: GET /v2/x: after 3 attempts: EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The server reads the request, then drops the connection.
			srv, seen := recordingServer(t, func(w http.ResponseWriter, _ *http.Request) {
				conn, _, err := http.NewResponseController(w).Hijack()
				if assert.NoError(t, err) {
					conn.Close()
				}
			})
			tr, _ := newTestTransport(t, srv.URL)
			err := tr.do(context.Background(), &request{Method: tt.method, Path: "/v2/x", Query: query{"q": {"secret-query"}}}, nil, nil)
			require.ErrorIs(t, err, io.EOF)
			// net/http's own error would quote the whole URL, query included.
			assert.EqualError(t, err, tt.wantErr)
			assert.Len(t, seen.all(), tt.attempts)
		})
	}
}

func TestRetryableError(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	dialErr := &url.Error{Op: "Post", URL: "http://x", Err: &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}}
	readErr := &url.Error{Op: "Post", URL: "http://x", Err: &net.OpError{Op: "read", Net: "tcp", Err: errors.New("connection reset")}}
	certErr := &url.Error{Op: "Get", URL: "https://x", Err: &tls.CertificateVerificationError{Err: errors.New("unknown authority")}}
	tests := []struct {
		name       string
		ctx        context.Context
		err        error
		idempotent bool
		connected  bool
		want       bool
	}{
		{name: "idempotent read error", ctx: context.Background(), err: readErr, idempotent: true, connected: true, want: true},
		{name: "non-idempotent dial error before connecting", ctx: context.Background(), err: dialErr, want: true},
		{name: "non-idempotent dial error after connecting", ctx: context.Background(), err: dialErr, connected: true, want: false},
		{name: "non-idempotent read error", ctx: context.Background(), err: readErr, connected: true, want: false},
		{name: "non-idempotent other error without connection", ctx: context.Background(), err: io.ErrUnexpectedEOF, want: false},
		{name: "context ended", ctx: canceled, err: dialErr, idempotent: true, want: false},
		{name: "certificate rejected", ctx: context.Background(), err: certErr, idempotent: true, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, retryableError(tt.ctx, tt.err, tt.idempotent, tt.connected))
		})
	}
}

// TestWaitBeyondDeadline checks that a wait the call's context would not
// outlive is not begun: a Retry-After longer than the time left returns
// the 429's *APIError at once, with the wait the server asked for, where
// sleeping would have ended in context.DeadlineExceeded; and that a wait
// that fits is waited.
func TestWaitBeyondDeadline(t *testing.T) {
	now := time.Now()
	tests := []struct {
		name           string
		method         string
		timeout        time.Duration // of the call's context; 0 for none
		status         int
		retryAfter     string
		wantStatus     int // of the *APIError; 0 for success
		wantRetryAfter time.Duration
		wantWaits      []time.Duration
	}{
		{name: "Retry-After 30 s, 2 s left", method: "POST", timeout: 2 * time.Second, status: 429, retryAfter: "30", wantStatus: 429, wantRetryAfter: 30 * time.Second, wantWaits: []time.Duration{}},
		{name: "Retry-After as a date 30 s ahead, 2 s left", method: "GET", timeout: 2 * time.Second, status: 429, retryAfter: now.Add(30 * time.Second).UTC().Format(http.TimeFormat), wantStatus: 429, wantRetryAfter: 30 * time.Second, wantWaits: []time.Duration{}},
		{name: "Retry-After 1 s, 2 s left", method: "POST", timeout: 2 * time.Second, status: 429, retryAfter: "1", wantWaits: []time.Duration{time.Second}},
		{name: "Retry-After 30 s, no deadline", method: "POST", status: 429, retryAfter: "30", wantWaits: []time.Duration{30 * time.Second}},
		{name: "Retry-After an hour, capped within 2 min left", method: "POST", timeout: 2 * time.Minute, status: 429, retryAfter: "3600", wantWaits: []time.Duration{time.Minute}},
		{name: "backoff past the deadline", method: "GET", timeout: 2 * time.Second, status: 503, wantStatus: 503, wantWaits: []time.Duration{}},
		{name: "not retried, Retry-After still reported", method: "POST", status: 503, retryAfter: "5", wantStatus: 503, wantRetryAfter: 5 * time.Second, wantWaits: []time.Duration{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n atomic.Int32
			srv, seen := recordingServer(t, func(w http.ResponseWriter, r *http.Request) {
				if n.Add(1) == 1 {
					if tt.retryAfter != "" {
						w.Header().Set("Retry-After", tt.retryAfter)
					}
					replyJSON(tt.status, `{"errors":[{"code":"too_many_requests","title":"Slow down"}]}`)(w, r)
					return
				}
				replyJSON(200, `{}`)(w, r)
			})
			tr, waits := newTestTransport(t, srv.URL)
			tr.backoffBase = 10 * time.Second
			ctx := t.Context()
			if tt.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.timeout)
				defer cancel()
			}
			start := time.Now()
			err := tr.do(ctx, &request{Method: tt.method, Path: "/v2/x"}, nil, nil)
			elapsed := time.Since(start)
			assert.Equal(t, tt.wantWaits, *waits, "waits begun")
			if tt.wantStatus == 0 {
				require.NoError(t, err)
				assert.Len(t, seen.all(), 2)
				return
			}
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			t.Logf("%v after %v and %d attempt(s), RetryAfter %v", err, elapsed.Round(time.Millisecond), apiErr.Attempts, apiErr.RetryAfter)
			assert.Equal(t, tt.wantStatus, apiErr.StatusCode)
			assert.Equal(t, 1, apiErr.Attempts)
			assert.InDelta(t, tt.wantRetryAfter, apiErr.RetryAfter, float64(time.Second), "RetryAfter")
			assert.NotErrorIs(t, err, context.DeadlineExceeded)
			assert.Len(t, seen.all(), 1)
		})
	}
}

// TestErrorWaitBeyondDeadline checks that a transport error whose backoff
// would outlast the context is returned at once, not replaced by
// context.DeadlineExceeded. An attempt timeout that did not expire does not turn the error into one.
func TestErrorWaitBeyondDeadline(t *testing.T) {
	for _, opts := range [][]Option{nil, {WithAttemptTimeout(time.Minute)}} {
		tr, waits := newTestTransport(t, "http://"+closedAddr(t), opts...)
		tr.backoffBase = time.Hour
		ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
		err := tr.do(ctx, &request{Method: "GET", Path: "/v2/x"}, nil, nil)
		cancel()
		require.ErrorIs(t, err, syscall.ECONNREFUSED)
		assert.NotErrorIs(t, err, context.DeadlineExceeded)
		assert.NotContains(t, err.Error(), "timed out")
		assert.Empty(t, *waits)
	}
}
