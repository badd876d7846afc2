package sunco

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Option configures a Client. Options are applied in the order given; when a
// setting is given more than once (base URL, credentials, user agent,
// retries, timeout, logger) the last one wins.
type Option func(*transport) error

// WithBaseURL sets the API root, for example "https://api.eu-1.smooch.io".
// It must be an absolute http or https URL without credentials, query or
// fragment; a trailing slash is ignored. The few operations that the API
// document gives a server of their own (their doc names it) keep calling
// that server: WithOperationBaseURL moves them too.
func WithBaseURL(u string) Option { return serverOption("WithBaseURL", u) }

// WithHTTPClient sends requests through c instead of a default
// &http.Client{}. Use it for timeouts, proxies or TLS settings. c itself is
// never modified. Redirects are followed only to the origin (scheme, host
// and port) of the request, and then only if c's CheckRedirect, when set,
// allows them.
func WithHTTPClient(c *http.Client) Option {
	return func(t *transport) error {
		if c == nil {
			return errors.New(sdkName + ": WithHTTPClient: nil client")
		}
		t.client = c
		return nil
	}
}

// WithOperationBaseURL sets the API root of the operations that the API
// document gives a server of their own, which otherwise call that server
// whatever WithBaseURL says (each such method's doc names its server).
// With WithBaseURL it points a client at a test server or a proxy as a
// whole:
//
//	c, err := NewClient(WithBaseURL(srv.URL), WithOperationBaseURL(srv.URL))
//
// u must be an absolute http or https URL, as for WithBaseURL.
func WithOperationBaseURL(u string) Option {
	return func(t *transport) error {
		base, err := parseBaseURL(u)
		if err != nil {
			return fmt.Errorf(sdkName+": WithOperationBaseURL: %w", err)
		}
		t.operationURL = base
		return nil
	}
}

// WithMaxRetries sets how many times a failed request may be retried (so at
// most n+1 attempts); 0 disables retries. The default is 2;
// WithRequestMaxRetries sets it for one call.
//
// A request is retried on:
//   - 429 Too Many Requests, whatever its method: the server refused it
//     without acting on it;
//   - 500, 502, 503 and 504, a connection dropped or reset, and an attempt
//     that timed out (WithAttemptTimeout), only when its method is
//     idempotent (GET, HEAD, PUT, DELETE, OPTIONS): a POST or a PATCH may
//     have been acted on, and sending it again could, say, post a message
//     twice;
//   - a failure to connect, whatever its method, since nothing was sent.
//
// Nothing else is retried: not another status, not a TLS certificate the
// client rejects, not an error of the call itself that would recur (an
// invalid header value, a body that cannot be encoded), and not once the
// call's ctx has ended.
//
// A JSON or form body is re-sent as it was encoded for the first attempt.
// A streamed body (an upload, a raw body) is re-sent only when its Reader
// is also an io.Seeker, from the offset it had when the call began;
// otherwise the request is sent once.
//
// Before a retry the client waits as the response's Retry-After header
// asks (delay-seconds or an HTTP date), at most one minute; without one it
// backs off exponentially with full jitter: a random wait of up to 0.5 s,
// 1 s, 2 s, and so on, at most 30 s. The wait ends early when ctx ends. A
// wait that would end after ctx's deadline is not begun: the call returns
// the last error at once, and for a 429 that is the *APIError, whose
// RetryAfter is the wait the server asked for.
func WithMaxRetries(n int) Option {
	return func(t *transport) error {
		if n < 0 {
			return fmt.Errorf(sdkName+": WithMaxRetries: negative count %d", n)
		}
		t.maxRetries = n
		return nil
	}
}

// WithUserAgent replaces the default User-Agent header.
func WithUserAgent(ua string) Option {
	return func(t *transport) error {
		if ua == "" {
			return errors.New(sdkName + ": WithUserAgent: empty user agent")
		}
		if err := checkHeaderValue(ua); err != nil {
			return fmt.Errorf(sdkName+": WithUserAgent: %w", err)
		}
		t.userAgent = ua
		return nil
	}
}

// WithHeader sends the header key: value on every request. It replaces any
// value the client would set for key itself, except per-request headers.
// key must be a valid header name and value must not hold control
// characters (CR and LF among them) other than tab.
func WithHeader(key, value string) Option {
	return func(t *transport) error {
		if err := checkHeader(key, value); err != nil {
			return fmt.Errorf(sdkName+": WithHeader: %w", err)
		}
		t.header.Set(key, value)
		return nil
	}
}

// WithMiddleware wraps the round trip of every attempt, for logging, metrics
// or tracing. Middlewares compose in the order given: the first one is the
// outermost and sees each request first.
func WithMiddleware(mw func(http.RoundTripper) http.RoundTripper) Option {
	return func(t *transport) error {
		if mw == nil {
			return errors.New(sdkName + ": WithMiddleware: nil middleware")
		}
		t.middleware = append(t.middleware, mw)
		return nil
	}
}

// WithAttemptTimeout bounds each attempt of every request, retries
// included, to d; see WithRequestAttemptTimeout. 0, the default, sets no
// bound beyond the context's and the http.Client's own Timeout.
func WithAttemptTimeout(d time.Duration) Option {
	return func(t *transport) error {
		if d < 0 {
			return fmt.Errorf(sdkName+": WithAttemptTimeout: negative duration %v", d)
		}
		t.attemptTimeout = d
		return nil
	}
}

// WithMaxResponseBytes sets the largest body of a successful response the
// client reads, counted once decompressed; a call whose response is
// larger fails with an error saying so. The default is 16 MiB, well above
// any page the API sends.
func WithMaxResponseBytes(n int64) Option {
	return func(t *transport) error {
		if n <= 0 {
			return fmt.Errorf(sdkName+": WithMaxResponseBytes: %d is not a positive size", n)
		}
		t.maxResponse = n
		return nil
	}
}

// WithLogger logs every attempt of every request to l at level Debug: its
// method, path (without query), attempt number, duration, and status or
// error. Credentials, header values, query strings and bodies are never
// logged. A nil l, the default, logs nothing.
func WithLogger(l *slog.Logger) Option {
	return func(t *transport) error {
		t.logger = l
		return nil
	}
}

// RequestOption adjusts a single API call. An option given an invalid
// value fails the call before anything is sent.
type RequestOption func(*requestConfig) error

// requestConfig holds the per-call settings; it starts from the client's.
type requestConfig struct {
	header         http.Header
	maxRetries     int
	attemptTimeout time.Duration
	logger         *slog.Logger
	response       **http.Response
	err            error // of the first option that failed
}

// WithRequestHeader sends the header key: value on this call only, replacing
// any value set by the client or the operation's parameters. As for
// WithHeader, key must be a valid header name and value must not hold
// control characters other than tab: the call fails otherwise.
func WithRequestHeader(key, value string) RequestOption {
	return func(c *requestConfig) error {
		if err := checkHeader(key, value); err != nil {
			return fmt.Errorf("WithRequestHeader: %w", err)
		}
		if c.header == nil {
			c.header = make(http.Header)
		}
		c.header.Set(key, value)
		return nil
	}
}

// WithRequestMaxRetries overrides the client's maximum number of retries for
// this call; a negative n is treated as 0.
func WithRequestMaxRetries(n int) RequestOption {
	return func(c *requestConfig) error {
		c.maxRetries = max(n, 0)
		return nil
	}
}

// WithRequestAttemptTimeout bounds each attempt of this call to d, from
// sending the request until its response has been read, overriding the
// client's WithAttemptTimeout; d <= 0 removes the bound. An attempt that times
// out before its response arrives is retried as a dropped connection would
// be: only when the method is idempotent (GET, PUT, DELETE). The call's ctx
// still bounds all attempts and the waits between them. The error of a call
// whose last attempt timed out satisfies
// errors.Is(err, context.DeadlineExceeded).
func WithRequestAttemptTimeout(d time.Duration) RequestOption {
	return func(c *requestConfig) error {
		c.attemptTimeout = max(d, 0)
		return nil
	}
}

// WithRequestLogger logs the attempts of this call to l instead of the
// client's WithLogger; a nil l logs nothing.
func WithRequestLogger(l *slog.Logger) RequestOption {
	return func(c *requestConfig) error {
		c.logger = l
		return nil
	}
}

// WithResponseInto sets *dst, once the call returns, to the last HTTP
// response received, for its status and headers: on success, and also when
// the call returns an *APIError. Its Body has already been read and closed,
// and is replaced by http.NoBody. Its Request field holds the request as
// sent, credentials included: do not log it whole. *dst is set to nil when
// the call fails without a response to report, on a network error or when
// ctx ends.
func WithResponseInto(dst **http.Response) RequestOption {
	return func(c *requestConfig) error {
		c.response = dst
		return nil
	}
}

// capture stores resp where WithResponseInto asked, its body replaced.
func (c *requestConfig) capture(resp *http.Response) {
	if c.response == nil {
		return
	}
	if resp != nil {
		resp.Body = http.NoBody
	}
	*c.response = resp
}

// parseBaseURL validates an API root and returns it without trailing slash.
// Its errors never quote the URL, which could carry a password.
func parseBaseURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		var urlErr *url.Error
		if errors.As(err, &urlErr) {
			err = urlErr.Err // url.Error repeats the raw URL
		}
		return "", fmt.Errorf("invalid URL: %w", err)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", errors.New("URL scheme must be http or https")
	case u.Host == "":
		return "", errors.New("URL has no host")
	case u.User != nil:
		return "", errors.New("URL must not contain credentials; use an auth option")
	case strings.ContainsAny(raw, "?#"):
		return "", errors.New("URL must not have a query or fragment")
	}
	return strings.TrimRight(raw, "/"), nil
}

// checkHeader reports why key: value cannot be sent as a header field.
func checkHeader(key, value string) error {
	if key == "" {
		return errors.New("empty header name")
	}
	for _, c := range []byte(key) {
		if !isTokenChar(c) {
			return fmt.Errorf("header name %q is not a valid token", key)
		}
	}
	if err := checkHeaderValue(value); err != nil {
		return fmt.Errorf("value of header %s: %w", key, err)
	}
	return nil
}

// errControlChar rejects a header value that net/http would refuse at
// every attempt; CR and LF would end the header early. The message never
// quotes the value, which may be a secret.
var errControlChar = errors.New("value holds a control character (such as CR or LF)")

// checkHeaderValue rejects control characters other than tab, as net/http
// does (RFC 9110, section 5.5).
func checkHeaderValue(v string) error {
	for _, c := range []byte(v) {
		if (c < ' ' && c != '\t') || c == 0x7f {
			return errControlChar
		}
	}
	return nil
}

// isTokenChar reports whether c may appear in a header name (RFC 9110,
// section 5.6.2).
func isTokenChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}
