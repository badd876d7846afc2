package sunco

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync/atomic"
	"time"
)

// transport is the shared HTTP core of a Client; generated code holds one
// per Client.
type transport struct {
	baseURL        string
	operationURL   string // replaces the servers of operations that have their own; "" for none
	userAgent      string
	auth           *credentials // nil without an auth option
	header         http.Header  // from WithHeader
	client         *http.Client // a copy of the caller's, see newTransport
	middleware     []func(http.RoundTripper) http.RoundTripper
	maxRetries     int
	attemptTimeout time.Duration // 0 for none
	logger         *slog.Logger  // nil for none
	maxResponse    int64         // bytes of a 2xx body, once decompressed

	// Retry pacing, unexported so that tests can make it instant.
	backoffBase   time.Duration
	backoffCap    time.Duration
	maxRetryAfter time.Duration                                    // bounds a server's Retry-After
	now           func() time.Time                                 // for Retry-After dates
	sleep         func(ctx context.Context, d time.Duration) error // returns ctx.Err() if ctx ends first
	jitter        func(n int64) int64                              // uniform in [0, n)
}

const (
	defaultMaxRetries    = 2
	defaultBackoffBase   = 500 * time.Millisecond
	defaultBackoffCap    = 30 * time.Second
	defaultMaxRetryAfter = time.Minute
	// defaultMaxResponse is well above the largest page the API sends, and
	// small enough that a wrong base URL or a misbehaving proxy cannot
	// exhaust memory.
	defaultMaxResponse = 16 << 20
)

// newTransport applies opts over the defaults. defaultBaseURL and userAgent
// come from the generator.
func newTransport(defaultBaseURL, userAgent string, opts []Option) (*transport, error) {
	t := &transport{
		userAgent:     userAgent,
		header:        make(http.Header),
		client:        &http.Client{},
		maxRetries:    defaultMaxRetries,
		maxResponse:   defaultMaxResponse,
		backoffBase:   defaultBackoffBase,
		backoffCap:    defaultBackoffCap,
		maxRetryAfter: defaultMaxRetryAfter,
		now:           time.Now,
		sleep:         sleepContext,
		jitter:        rand.Int64N,
	}
	if defaultBaseURL != "" { // "": the document names no server without variables
		if err := WithBaseURL(defaultBaseURL)(t); err != nil {
			return nil, err
		}
	}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(t); err != nil {
			return nil, err
		}
	}
	// Work on a copy: the caller's client may be shared.
	c := *t.client
	c.CheckRedirect = sameOriginRedirects(c.CheckRedirect)
	if len(t.middleware) > 0 {
		rt := c.Transport
		if rt == nil {
			rt = http.DefaultTransport
		}
		for i := len(t.middleware) - 1; i >= 0; i-- {
			if rt = t.middleware[i](rt); rt == nil {
				return nil, fmt.Errorf(sdkName+": WithMiddleware: middleware %d returned a nil RoundTripper", i)
			}
		}
		c.Transport = rt
	}
	t.client = &c
	return t, nil
}

// request describes one API call built by generated service methods. It
// has at most one of Body, Multipart, Form and Raw.
type request struct {
	Method    string         // "GET", "POST", ...
	Server    string         // the operation's own API root, if the document gives one; "" for the client's
	Path      string         // already escaped, e.g. "/v2/apps/" + escapePathSegment(appID)
	Query     query          // may be nil; keys like "page[after]"
	Header    http.Header    // may be nil; header parameters
	Body      any            // when non-nil, sent as JSON
	Multipart *multipartFile // when non-nil, streamed as multipart/form-data
	Form      url.Values     // when non-nil, sent as application/x-www-form-urlencoded
	Raw       *rawBody       // when non-nil, streamed as is
}

// config returns the settings of one call: the client's, then opts. The
// error of the first option that fails is kept in cfg.err, which fails the
// call before anything is sent.
func (t *transport) config(opts []RequestOption) requestConfig {
	cfg := requestConfig{maxRetries: t.maxRetries, attemptTimeout: t.attemptTimeout, logger: t.logger}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&cfg); err != nil && cfg.err == nil {
			cfg.err = err
		}
	}
	return cfg
}

// do sends req and decodes a 2xx JSON response into out; with a nil out the
// body is discarded. Any other status gives an *APIError.
func (t *transport) do(ctx context.Context, req *request, out any, opts []RequestOption) error {
	cfg := t.config(opts)
	resp, err := t.send(ctx, t.client, req, "application/json", &cfg, isSuccess)
	if err == nil {
		err = decodeResponse(req, resp, out, t.maxResponse)
	}
	cfg.capture(resp)
	return err
}

// redirect sends req, which the API answers with a redirect, and returns
// where it points instead of following it. Any other status gives an
// *APIError.
func (t *transport) redirect(ctx context.Context, req *request, opts []RequestOption) (*url.URL, error) {
	cfg := t.config(opts)
	noFollow := *t.client
	noFollow.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := t.send(ctx, &noFollow, req, "*/*", &cfg, isRedirect)
	defer cfg.capture(resp)
	if err != nil {
		return nil, err
	}
	closeBody(resp.Body)
	loc, err := resp.Location()
	if err != nil {
		return nil, fmt.Errorf(sdkName+": %s %s answered %d without a usable Location: %w", req.Method, req.Path, resp.StatusCode, err)
	}
	return loc, nil
}

func isSuccess(status int) bool  { return status >= 200 && status < 300 }
func isRedirect(status int) bool { return status >= 300 && status < 400 }

// send sends req with client until a response whose status is expected
// arrives, and returns it with its body open.
//
// Requests are retried as WithMaxRetries says, at most cfg.maxRetries
// times. A wait that would end after ctx's deadline is not begun: the last
// response's *APIError, or the last error, is returned at once.
//
// A response of another status gives an *APIError, returned together with
// the response, whose body is then closed. Any other failure gives an error
// that names the method and path, with a nil response.
func (t *transport) send(ctx context.Context, client *http.Client, req *request, accept string, cfg *requestConfig, expected func(int) bool) (*http.Response, error) {
	// What is wrong before the first attempt would be wrong at every one.
	if err := cfg.err; err != nil {
		return nil, callError(req, 0, err)
	}
	if err := checkHeaderParams(req.Header); err != nil {
		return nil, callError(req, 0, err)
	}
	root := t.root(req)
	if root == "" {
		return nil, callError(req, 0, errors.New("no base URL: the API document names no server, so set one with WithBaseURL"))
	}
	target := root + req.Path
	if q := encodeQuery(req.Query); q != "" {
		target += "?" + q
	}
	body, err := newRequestBody(req)
	if err != nil {
		return nil, err
	}
	defer body.release()
	idempotent := isIdempotent(req.Method)

	for attempt := 1; ; attempt++ {
		retryable := attempt <= cfg.maxRetries && body.replayable()
		attemptCtx, cancel := attemptContext(ctx, cfg.attemptTimeout)
		r, err := t.newHTTPRequest(attemptCtx, req, target, accept, body, cfg)
		if err != nil {
			cancel()
			return nil, err
		}
		resp, connected, err := roundTrip(ctx, client, r, cancel, req, cfg, attempt)
		body.release()
		if err != nil {
			if !retryable || !retryableError(ctx, err, idempotent, connected) {
				return nil, callError(req, attempt, err)
			}
			// Waiting past ctx's deadline would only replace err by
			// context.DeadlineExceeded.
			wait := t.backoff(attempt - 1)
			if t.outlasts(ctx, wait) {
				return nil, callError(req, attempt, err)
			}
			if err := t.sleep(ctx, wait); err != nil {
				return nil, callError(req, attempt, err)
			}
			continue
		}
		if expected(resp.StatusCode) {
			return resp, nil
		}
		apiErr := newAPIError(resp, attempt)
		asked, ok := t.retryAfter(resp.Header)
		apiErr.RetryAfter = asked
		if !retryable || !retryableStatus(resp.StatusCode, idempotent) {
			return resp, apiErr
		}
		wait := t.retryDelay(attempt-1, asked, ok)
		if t.outlasts(ctx, wait) {
			return resp, apiErr
		}
		if err := t.sleep(ctx, wait); err != nil {
			return nil, callError(req, attempt, err)
		}
	}
}

// root returns the API root req goes to: the operation's own server, or
// what WithOperationBaseURL put in its place, else the client's base URL.
func (t *transport) root(req *request) string {
	switch {
	case req.Server == "":
		return t.baseURL
	case t.operationURL != "":
		return t.operationURL
	}
	return req.Server
}

// checkHeaderParams rejects a header parameter that net/http would refuse
// at every attempt.
func checkHeaderParams(h http.Header) error {
	for key, values := range h {
		for _, v := range values {
			if err := checkHeader(key, v); err != nil {
				return fmt.Errorf("header parameter: %w", err)
			}
		}
	}
	return nil
}

// roundTrip sends r, the request of attempt n, and logs the attempt.
// cancel ends r's context: on success closing the response body calls it,
// on failure roundTrip does. Errors are stripped of net/http's *url.Error,
// which repeats the full URL, query included; when ctx, the call's context,
// has ended the error is ctx.Err(), and when r's own deadline passed it
// says that the attempt timed out. connected reports whether a connection
// was obtained: once it was, part of the request may have reached the
// server.
func roundTrip(ctx context.Context, client *http.Client, r *http.Request, cancel context.CancelFunc, req *request, cfg *requestConfig, n int) (resp *http.Response, connected bool, err error) {
	var gotConn atomic.Bool // httptrace hooks may run on other goroutines
	r = r.WithContext(httptrace.WithClientTrace(r.Context(), &httptrace.ClientTrace{
		GotConn: func(httptrace.GotConnInfo) { gotConn.Store(true) },
	}))
	start := time.Now()
	resp, err = client.Do(r)
	elapsed := time.Since(start)
	if err != nil {
		timedOut := r.Context().Err() != nil
		cancel()
		var urlErr *url.Error
		if errors.As(err, &urlErr) {
			err = urlErr.Err
		}
		switch {
		case ctx.Err() != nil:
			err = ctx.Err()
		case timedOut:
			err = fmt.Errorf("attempt timed out after %v: %w", cfg.attemptTimeout, context.DeadlineExceeded)
		}
		logAttempt(ctx, cfg.logger, req, n, elapsed, slog.String("error", err.Error()))
		return nil, gotConn.Load(), err
	}
	logAttempt(ctx, cfg.logger, req, n, elapsed, slog.Int("status", resp.StatusCode))
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	return resp, gotConn.Load(), nil
}

// attemptContext returns the context of one attempt: ctx, bounded by d when
// d > 0.
func attemptContext(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	if d <= 0 {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, d)
}

// logAttempt writes the Debug record of one attempt. Its fields are chosen
// to be safe to log: never a credential, a header value, a query or a body.
func logAttempt(ctx context.Context, l *slog.Logger, req *request, attempt int, elapsed time.Duration, outcome slog.Attr) {
	if l == nil || !l.Enabled(ctx, slog.LevelDebug) {
		return
	}
	l.LogAttrs(ctx, slog.LevelDebug, sdkName+": HTTP request",
		slog.String("method", req.Method),
		slog.String("path", req.Path),
		slog.Int("attempt", attempt),
		outcome,
		slog.Duration("duration", elapsed))
}

// callError is the error of a call that ended without a usable response:
// "sunco: GET /v2/apps/x: context canceled", with "after 3 attempts: "
// before the cause when there were several. The cause stays reachable
// through errors.Is and errors.As.
func callError(req *request, attempts int, err error) error {
	if attempts > 1 {
		return fmt.Errorf(sdkName+": %s %s: after %d attempts: %w", req.Method, req.Path, attempts, err)
	}
	return fmt.Errorf(sdkName+": %s %s: %w", req.Method, req.Path, err)
}

// cancelOnClose ends an attempt's context once its response body is closed.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}

// sameOriginRedirects returns the CheckRedirect of the transport's client.
// A redirect to another origin (scheme, host, port) is not followed, so
// credentials, headers and bodies never leave the API's origin: the 3xx
// becomes the response, and the caller gets an *APIError. Same-origin
// redirects go through next, the caller's own policy, when there is one,
// else net/http's default of at most 10.
func sameOriginRedirects(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(r *http.Request, via []*http.Request) error {
		if !sameOrigin(r.URL, via[0].URL) {
			return http.ErrUseLastResponse
		}
		if next != nil {
			return next(r, via)
		}
		if len(via) >= maxRedirects {
			return fmt.Errorf("stopped after %d redirects", maxRedirects)
		}
		return nil
	}
}

// maxRedirects is net/http's default limit.
const maxRedirects = 10

// sameOrigin reports whether a and b have the same scheme, host and port,
// a missing port being the scheme's default.
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) &&
		strings.EqualFold(a.Hostname(), b.Hostname()) &&
		portOf(a) == portOf(b)
}

// portOf returns u's port, or its scheme's default.
func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	switch strings.ToLower(u.Scheme) {
	case "http":
		return "80"
	case "https":
		return "443"
	}
	return ""
}

// newHTTPRequest builds the request of one attempt. target is parsed by
// url.Parse, which keeps the escaped path, so %2F stays within its segment.
func (t *transport) newHTTPRequest(ctx context.Context, req *request, target, accept string, body *requestBody, cfg *requestConfig) (*http.Request, error) {
	r, err := body.newHTTPRequest(ctx, req.Method, target)
	if err != nil {
		return nil, err
	}
	// Later sources override earlier ones.
	r.Header.Set("Accept", accept)
	if t.userAgent != "" {
		r.Header.Set("User-Agent", t.userAgent)
	}
	if body.contentType != "" {
		r.Header.Set("Content-Type", body.contentType)
	}
	if t.auth != nil {
		r.Header.Set("Authorization", t.auth.header())
	}
	for _, h := range []http.Header{t.header, req.Header, cfg.header} {
		for k, v := range h {
			r.Header[http.CanonicalHeaderKey(k)] = v
		}
	}
	return r, nil
}

// decodeResponse decodes a 2xx body of at most limit bytes into out and
// closes it. The limit counts the bytes as decoded: net/http's transparent
// decompression has already undone a gzip Content-Encoding.
func decodeResponse(req *request, resp *http.Response, out any, limit int64) error {
	defer closeBody(resp.Body)
	if out == nil || resp.StatusCode == http.StatusNoContent {
		return nil
	}
	data, err := readBody(resp.Body, resp.ContentLength, limit)
	if err == nil {
		err = unmarshalResponse(data, out)
	}
	switch {
	case errors.Is(err, errResponseTooLarge):
		return fmt.Errorf(sdkName+": response of %s %s: %w of %d bytes (WithMaxResponseBytes raises it)", req.Method, req.Path, err, limit)
	case err != nil:
		return fmt.Errorf(sdkName+": decoding response of %s %s: %w", req.Method, req.Path, err)
	}
	return nil
}

// errResponseTooLarge is the error of a response body past the limit.
var errResponseTooLarge = errors.New("body exceeds the limit")

// maxSizeHint bounds what a Content-Length, which a server may get wrong,
// makes readBody allocate before reading.
const maxSizeHint = 64 << 20

// readBody reads r, of size bytes (-1 when unknown), whole, or fails with
// errResponseTooLarge once it has more than limit bytes. The buffer
// doubles as it fills but never grows past limit, so reading allocates at
// most about twice the limit, whatever r holds.
func readBody(r io.Reader, size, limit int64) ([]byte, error) {
	if size > limit {
		return nil, errResponseTooLarge
	}
	initial := int64(bytes.MinRead)
	if size >= 0 {
		initial = min(size, maxSizeHint)
	}
	buf := make([]byte, 0, min(initial, limit))
	for {
		if len(buf) == cap(buf) {
			full := int64(len(buf))
			if full >= limit || full == size {
				// Whether r is done is one byte away: read it alone
				// rather than grow the buffer for it.
				var one [1]byte
				n, err := io.ReadFull(r, one[:])
				switch {
				case n == 0 && err == io.EOF:
					return buf, nil
				case n == 0:
					return nil, err
				case full >= limit:
					return nil, errResponseTooLarge
				}
				buf = append(buf, one[0])
				continue
			}
			grown := make([]byte, full, min(max(2*full, bytes.MinRead), limit))
			copy(grown, buf)
			buf = grown
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		switch {
		case err == io.EOF:
			return buf, nil
		case err != nil:
			return nil, err
		}
	}
}

// closeBody drains a little of what is left of a body before closing it, so
// that the connection can be reused without reading a large remainder.
func closeBody(b io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(b, 4<<10))
	_ = b.Close()
}
