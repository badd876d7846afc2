package sunco

import (
	"context"
	"crypto/tls"
	"errors"
	"math"
	"net"
	"net/http"
	"strconv"
	"time"
)

// isIdempotent reports whether sending a request with this method twice has
// the effect of sending it once (RFC 9110, section 9.2.2).
func isIdempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// retryableStatus reports whether a response with this status is worth
// retrying. A 429 means the server refused the request without acting on
// it, so any method may be retried; a 5xx may come after the server acted,
// so only idempotent methods are.
func retryableStatus(code int, idempotent bool) bool {
	switch code {
	case http.StatusTooManyRequests:
		return true
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return idempotent
	}
	return false
}

// retryableError reports whether a failed round trip is worth retrying.
// connected reports whether a connection was obtained: before that, no byte
// of the request can have reached the server.
func retryableError(ctx context.Context, err error, idempotent, connected bool) bool {
	if ctx.Err() != nil {
		return false
	}
	// A certificate the client rejects will be rejected again.
	var certErr *tls.CertificateVerificationError
	if errors.As(err, &certErr) {
		return false
	}
	if idempotent {
		return true
	}
	// Nothing was sent if the failure was to dial and no connection was
	// obtained. The trace alone is not proof: a RoundTripper other than
	// net/http's may not report connections.
	var opErr *net.OpError
	return !connected && errors.As(err, &opErr) && opErr.Op == "dial"
}

// backoff returns the wait before retry number retry+1: full jitter, uniform
// in [0, min(cap, base·2^retry)].
func (t *transport) backoff(retry int) time.Duration {
	d := t.backoffBase
	for i := 0; i < retry && d < t.backoffCap; i++ {
		d *= 2
	}
	d = min(d, t.backoffCap)
	return time.Duration(t.jitter(int64(d) + 1))
}

// retryDelay returns the wait before retrying a response: the wait its
// Retry-After asks for, bounded by maxRetryAfter, else the backoff.
func (t *transport) retryDelay(retry int, asked time.Duration, ok bool) time.Duration {
	if !ok {
		return t.backoff(retry)
	}
	return min(asked, t.maxRetryAfter)
}

// retryAfter returns the wait a valid Retry-After header of h asks for, in
// delay-seconds or as an HTTP date; ok is false without one.
func (t *transport) retryAfter(h http.Header) (wait time.Duration, ok bool) {
	v := h.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseUint(v, 10, 64); err == nil {
		if secs > uint64(math.MaxInt64/time.Second) {
			return math.MaxInt64, true
		}
		return time.Duration(secs) * time.Second, true
	}
	if date, err := http.ParseTime(v); err == nil {
		return max(date.Sub(t.now()), 0), true
	}
	return 0, false
}

// outlasts reports whether a wait of d would end after ctx's deadline.
func (t *transport) outlasts(ctx context.Context, d time.Duration) bool {
	deadline, ok := ctx.Deadline()
	return ok && d > deadline.Sub(t.now())
}

// sleepContext waits for d or until ctx ends, whichever is first, and
// returns ctx.Err() in the latter case.
func sleepContext(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
