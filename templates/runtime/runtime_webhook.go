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
	onError      func(*http.Request, error) // nil for none
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

// WithWebhookErrorFunc calls f with the request and the error of every
// delivery the handler does not acknowledge: a method other than POST, a
// missing or wrong X-API-Key, a body too large, unreadable or not a
// payload, and an error or panic of the handler's function (its error is
// wrapped, for errors.Is and errors.As). The handler answers the delivery
// as it would without f, which is for logging and metrics; f must not
// write to the response. A nil f, the default, reports nothing.
func WithWebhookErrorFunc(f func(*http.Request, error)) WebhookOption {
	return func(c *webhookConfig) {
		c.onError = f
	}
}

// errWebhookKey is the error of a request without the webhook's secret.
var errWebhookKey = errors.New(sdkName + ": webhook request has no valid X-API-Key header")

// VerifyWebhookRequest checks that r carries secret, the webhook's secret,
// in its X-API-Key header, as SunCo sends it, and returns an error
// otherwise; an empty secret matches no request. The comparison takes
// the same time however much of a guessed key is right. It is the check
// NewWebhookHandler makes, for handlers of other frameworks, which then
// decode the body with ParseWebhook.
func VerifyWebhookRequest(r *http.Request, secret string) error {
	if secret == "" || subtle.ConstantTimeCompare([]byte(r.Header.Get("X-API-Key")), []byte(secret)) != 1 {
		return errWebhookKey
	}
	return nil
}

// maxReasonLen bounds the parse error echoed to the sender in a 400.
const maxReasonLen = 200

// newWebhookHandler returns the handler behind NewWebhookHandler. It accepts
// only POST requests whose X-API-Key header is the webhook's secret, parses
// the body with parse and passes the payload to fn. It answers 405, 401,
// 413 or 400 when the request is refused, 500 when fn fails or panics, and
// 200 otherwise, and reports every answer but 200 to the error function of
// WithWebhookErrorFunc. SunCo retries a delivery unless it gets a 2xx or
// one of 400, 401, 403, 404, 406: a 500 gets the whole payload sent again,
// a payload that cannot be parsed is not.
func newWebhookHandler[P any](secret string, parse func([]byte) (P, error), fn func(context.Context, P) error, opts []WebhookOption) http.Handler {
	cfg := webhookConfig{maxBodyBytes: defaultMaxWebhookBody}
	for _, opt := range opts {
		if opt != nil {
			opt(&cfg)
		}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		refuse := func(status int, answer string, err error) {
			if cfg.onError != nil {
				cfg.onError(r, err)
			}
			http.Error(w, answer, status)
		}
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			refuse(http.StatusMethodNotAllowed, "method not allowed", fmt.Errorf(sdkName+": webhook request method is %.20q, not POST", r.Method))
			return
		}
		if err := VerifyWebhookRequest(r, secret); err != nil {
			refuse(http.StatusUnauthorized, "unauthorized", err)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, cfg.maxBodyBytes))
		if err != nil {
			var tooLarge *http.MaxBytesError
			if errors.As(err, &tooLarge) {
				refuse(http.StatusRequestEntityTooLarge, "request body too large", fmt.Errorf(sdkName+": webhook body is larger than %d bytes (WithMaxBodyBytes): %w", tooLarge.Limit, err))
				return
			}
			refuse(http.StatusBadRequest, "cannot read request body", fmt.Errorf(sdkName+": reading webhook body: %w", err))
			return
		}
		payload, err := parse(body)
		if err != nil {
			refuse(http.StatusBadRequest, "invalid payload: "+webhookParseReason(err), err)
			return
		}
		// fn's error is the application's: it is not shown to the sender.
		if err := callHandler(r.Context(), fn, payload); err != nil {
			refuse(http.StatusInternalServerError, "internal error", err)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}

// callHandler runs fn, turning a panic into an error so that one bad event
// answers 500 instead of dropping the connection.
func callHandler[P any](ctx context.Context, fn func(context.Context, P) error, p P) (err error) {
	if fn == nil {
		return nil // nothing to do: acknowledge, or SunCo retries forever
	}
	defer func() {
		switch v := recover().(type) {
		case nil:
		case error:
			err = fmt.Errorf(sdkName+": webhook handler panicked: %w", v)
		default:
			err = fmt.Errorf(sdkName+": webhook handler panicked: %v", v)
		}
	}()
	if err := fn(ctx, p); err != nil {
		return fmt.Errorf(sdkName+": webhook handler: %w", err)
	}
	return nil
}

// webhookParseReason returns the first line of err's message, bounded.
func webhookParseReason(err error) string {
	line, _, _ := strings.Cut(err.Error(), "\n")
	return bodyExcerpt([]byte(line), maxReasonLen)
}
