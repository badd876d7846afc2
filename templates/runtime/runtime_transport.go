package sunco

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"sync/atomic"
	"time"
)

// transport is the shared HTTP core of a Client; generated code holds one
// per Client.
type transport struct {
	baseURL    string
	userAgent  string
	auth       *credentials // nil without an auth option
	header     http.Header  // from WithHeader
	client     *http.Client
	middleware []func(http.RoundTripper) http.RoundTripper
	maxRetries int

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
)

// newTransport applies opts over the defaults. defaultBaseURL and userAgent
// come from the generator.
func newTransport(defaultBaseURL, userAgent string, opts []Option) (*transport, error) {
	t := &transport{
		userAgent:     userAgent,
		header:        make(http.Header),
		client:        &http.Client{},
		maxRetries:    defaultMaxRetries,
		backoffBase:   defaultBackoffBase,
		backoffCap:    defaultBackoffCap,
		maxRetryAfter: defaultMaxRetryAfter,
		now:           time.Now,
		sleep:         sleepContext,
		jitter:        rand.Int64N,
	}
	if err := WithBaseURL(defaultBaseURL)(t); err != nil {
		return nil, err
	}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(t); err != nil {
			return nil, err
		}
	}
	if len(t.middleware) > 0 {
		rt := t.client.Transport
		if rt == nil {
			rt = http.DefaultTransport
		}
		for i := len(t.middleware) - 1; i >= 0; i-- {
			if rt = t.middleware[i](rt); rt == nil {
				return nil, fmt.Errorf("sunco: WithMiddleware: middleware %d returned a nil RoundTripper", i)
			}
		}
		// Wrap a copy: the caller's client may be shared.
		c := *t.client
		c.Transport = rt
		t.client = &c
	}
	return t, nil
}

// request describes one API call built by generated service methods.
type request struct {
	Method    string         // "GET", "POST", ...
	Path      string         // already escaped, e.g. "/v2/apps/" + escapePathSegment(appID)
	Query     url.Values     // may be nil; keys like "page[after]"
	Header    http.Header    // may be nil; header parameters
	Body      any            // when non-nil, sent as JSON
	Multipart *multipartFile // when non-nil, streamed as multipart/form-data
	Form      url.Values     // when non-nil, sent as application/x-www-form-urlencoded
	Raw       *rawBody       // when non-nil, streamed as is
}

// do sends req and decodes a 2xx JSON response into out; with a nil out the
// body is discarded. Any other status gives an *APIError.
func (t *transport) do(ctx context.Context, req *request, out any, opts []RequestOption) error {
	resp, err := t.send(ctx, t.client, req, "application/json", opts, isSuccess)
	if err != nil {
		return err
	}
	return decodeResponse(req, resp, out)
}

// redirect sends req, which the API answers with a redirect, and returns
// where it points instead of following it. Any other status gives an
// *APIError.
func (t *transport) redirect(ctx context.Context, req *request, opts []RequestOption) (*url.URL, error) {
	noFollow := *t.client
	noFollow.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := t.send(ctx, &noFollow, req, "*/*", opts, isRedirect)
	if err != nil {
		return nil, err
	}
	defer closeBody(resp.Body)
	loc, err := resp.Location()
	if err != nil {
		return nil, fmt.Errorf("sunco: %s %s answered %d without a usable Location: %w", req.Method, req.Path, resp.StatusCode, err)
	}
	return loc, nil
}

func isSuccess(status int) bool  { return status >= 200 && status < 300 }
func isRedirect(status int) bool { return status >= 300 && status < 400 }

// send sends req with client until a response whose status is expected
// arrives, and returns it with its body open.
//
// A request is retried, at most maxRetries times, on 429 whatever its
// method; on 500, 502, 503, 504 and transport errors only when its method is
// idempotent; and on a failure to connect whatever its method, since then
// nothing was sent. The wait honours Retry-After, else backs off
// exponentially with full jitter, and ends early with ctx.Err() when ctx
// does. A multipart body whose Reader is not an io.Seeker is sent once.
// A response of another status gives an *APIError.
func (t *transport) send(ctx context.Context, client *http.Client, req *request, accept string, opts []RequestOption, expected func(int) bool) (*http.Response, error) {
	cfg := requestConfig{maxRetries: t.maxRetries}
	for _, opt := range opts {
		if opt != nil {
			opt(&cfg)
		}
	}
	target := t.baseURL + req.Path
	if q := encodeQuery(req.Query); q != "" {
		target += "?" + q
	}
	body, err := newRequestBody(req)
	if err != nil {
		return nil, err
	}
	defer body.release()
	idempotent := isIdempotent(req.Method)

	for attempt := 0; ; attempt++ {
		retryable := attempt < cfg.maxRetries && body.replayable()
		// Once a connection is obtained, part of the request may have
		// reached the server.
		var connected atomic.Bool // httptrace hooks may run on other goroutines
		traced := httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
			GotConn: func(httptrace.GotConnInfo) { connected.Store(true) },
		})
		r, err := t.newHTTPRequest(traced, req, target, accept, body, &cfg)
		if err != nil {
			return nil, err
		}
		resp, err := client.Do(r)
		body.release()
		if err != nil {
			if !retryable || !retryableError(ctx, err, idempotent, connected.Load()) {
				return nil, err
			}
			if err := t.sleep(ctx, t.backoff(attempt)); err != nil {
				return nil, err
			}
			continue
		}
		if expected(resp.StatusCode) {
			return resp, nil
		}
		apiErr := newAPIError(resp)
		if !retryable || !retryableStatus(resp.StatusCode, idempotent) {
			return nil, apiErr
		}
		if err := t.sleep(ctx, t.retryDelay(attempt, resp.Header)); err != nil {
			return nil, err
		}
	}
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

// decodeResponse decodes a 2xx body into out and closes it.
func decodeResponse(req *request, resp *http.Response, out any) error {
	defer closeBody(resp.Body)
	if out == nil || resp.StatusCode == http.StatusNoContent {
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("sunco: decoding response of %s %s: %w", req.Method, req.Path, err)
	}
	return nil
}

// closeBody drains a little of what is left of a body before closing it, so
// that the connection can be reused without reading a large remainder.
func closeBody(b io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(b, 4<<10))
	_ = b.Close()
}
