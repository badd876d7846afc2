package sunco

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Option configures a Client. Options are applied in the order given; when a
// setting is given more than once (base URL, credentials, user agent, retries)
// the last one wins.
type Option func(*transport) error

// WithBaseURL sets the API root, for example "https://api.eu-1.smooch.io".
// It must be an absolute http or https URL without credentials, query or
// fragment; a trailing slash is ignored.
func WithBaseURL(u string) Option {
	return func(t *transport) error {
		base, err := parseBaseURL(u)
		if err != nil {
			return fmt.Errorf("sunco: WithBaseURL: %w", err)
		}
		t.baseURL = base
		return nil
	}
}

// WithZendeskSubdomain sets the base URL to https://{sub}.zendesk.com/sc,
// the API root of a Zendesk account. sub must be a DNS label: 1 to 63 of
// a-z, 0-9 and '-', not starting or ending with '-'.
func WithZendeskSubdomain(sub string) Option {
	return func(t *transport) error {
		if !isDNSLabel(sub) {
			return fmt.Errorf("sunco: WithZendeskSubdomain: %q is not a valid subdomain", sub)
		}
		t.baseURL = "https://" + sub + ".zendesk.com/sc"
		return nil
	}
}

// WithHTTPClient sends requests through c instead of a default
// &http.Client{}. Use it for timeouts, proxies or TLS settings.
func WithHTTPClient(c *http.Client) Option {
	return func(t *transport) error {
		if c == nil {
			return errors.New("sunco: WithHTTPClient: nil client")
		}
		t.client = c
		return nil
	}
}

// WithMaxRetries sets how many times a failed request may be retried (so at
// most n+1 attempts); 0 disables retries. The default is 2.
func WithMaxRetries(n int) Option {
	return func(t *transport) error {
		if n < 0 {
			return fmt.Errorf("sunco: WithMaxRetries: negative count %d", n)
		}
		t.maxRetries = n
		return nil
	}
}

// WithUserAgent replaces the default User-Agent header.
func WithUserAgent(ua string) Option {
	return func(t *transport) error {
		if ua == "" {
			return errors.New("sunco: WithUserAgent: empty user agent")
		}
		t.userAgent = ua
		return nil
	}
}

// WithHeader sends the header key: value on every request. It replaces any
// value the client would set for key itself, except per-request headers.
func WithHeader(key, value string) Option {
	return func(t *transport) error {
		if key == "" {
			return errors.New("sunco: WithHeader: empty header name")
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
			return errors.New("sunco: WithMiddleware: nil middleware")
		}
		t.middleware = append(t.middleware, mw)
		return nil
	}
}

// RequestOption adjusts a single API call.
type RequestOption func(*requestConfig)

// requestConfig holds the per-call settings; it starts from the client's.
type requestConfig struct {
	header     http.Header
	maxRetries int
}

// WithRequestHeader sends the header key: value on this call only, replacing
// any value set by the client or the operation's parameters.
func WithRequestHeader(key, value string) RequestOption {
	return func(c *requestConfig) {
		if c.header == nil {
			c.header = make(http.Header)
		}
		c.header.Set(key, value)
	}
}

// WithRequestMaxRetries overrides the client's maximum number of retries for
// this call; a negative n is treated as 0.
func WithRequestMaxRetries(n int) RequestOption {
	return func(c *requestConfig) {
		c.maxRetries = max(n, 0)
	}
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

// isDNSLabel reports whether s is a lower-case DNS label (RFC 1123).
func isDNSLabel(s string) bool {
	if len(s) == 0 || len(s) > 63 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, c := range []byte(s) {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}
