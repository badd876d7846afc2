package sunco

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// WebhookOption configures a webhook handler.
type WebhookOption func(*webhookConfig)

type webhookConfig struct {
	maxBodyBytes int64
}

// defaultMaxWebhookBody is well above the size of any webhook payload.
const defaultMaxWebhookBody = 1 << 20

// WithMaxBodyBytes sets the largest webhook body accepted; larger requests
// are answered 413. The default is 1 MiB; n <= 0 keeps it.
func WithMaxBodyBytes(n int64) WebhookOption {
	return func(c *webhookConfig) {
		if n > 0 {
			c.maxBodyBytes = n
		}
	}
}

// maxReasonLen bounds the parse error echoed to the sender in a 400.
const maxReasonLen = 200

// newWebhookHandler returns the handler behind NewWebhookHandler. It accepts
// only POST requests whose X-API-Key header is the webhook's secret, parses
// the body with parse and passes the payload to fn. It answers 405, 401,
// 413 or 400 when the request is refused, 500 when fn fails or panics, and
// 200 otherwise. SunCo retries a delivery unless it gets a 2xx or one of
// 400, 401, 403, 404, 406: a 500 gets the event sent again, a payload that
// cannot be parsed is not.
func newWebhookHandler[P any](secret string, parse func([]byte) (P, error), fn func(context.Context, P) error, opts []WebhookOption) http.Handler {
	cfg := webhookConfig{maxBodyBytes: defaultMaxWebhookBody}
	for _, opt := range opts {
		if opt != nil {
			opt(&cfg)
		}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if !validAPIKey(r.Header.Get("X-API-Key"), secret) {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, cfg.maxBodyBytes))
		if err != nil {
			var tooLarge *http.MaxBytesError
			if errors.As(err, &tooLarge) {
				http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
				return
			}
			http.Error(w, "cannot read request body", http.StatusBadRequest)
			return
		}
		payload, err := parse(body)
		if err != nil {
			http.Error(w, "invalid payload: "+webhookParseReason(err), http.StatusBadRequest)
			return
		}
		// fn's error is the application's: it is not shown to the sender.
		if err := callHandler(r.Context(), fn, payload); err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}

// validAPIKey compares in constant time, so response timing does not reveal
// how much of a guessed key is right. An empty secret matches nothing.
func validAPIKey(got, secret string) bool {
	return secret != "" && subtle.ConstantTimeCompare([]byte(got), []byte(secret)) == 1
}

// callHandler runs fn, turning a panic into an error so that one bad event
// answers 500 instead of dropping the connection.
func callHandler[P any](ctx context.Context, fn func(context.Context, P) error, p P) (err error) {
	if fn == nil {
		return nil // nothing to do: acknowledge, or SunCo retries forever
	}
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf(sdkName+": webhook handler panicked: %v", v)
		}
	}()
	return fn(ctx, p)
}

// webhookParseReason returns the first line of err's message, bounded.
func webhookParseReason(err error) string {
	line, _, _ := strings.Cut(err.Error(), "\n")
	return bodyExcerpt([]byte(line), maxReasonLen)
}
