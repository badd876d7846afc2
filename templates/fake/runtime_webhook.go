package suncotest

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
)

// deliverTo posts a webhook delivery, body, to h as SunCo posts it: a
// JSON body with the webhook's secret in the X-API-Key header. h serves
// it in the calling goroutine, at the path /; its answer is the response.
func deliverTo(ctx context.Context, h http.Handler, secret string, body []byte) (*http.Response, error) {
	if h == nil {
		return nil, fmt.Errorf("%s: SendWebhook: nil handler", fakeName)
	}
	r := httptest.NewRequestWithContext(ctx, http.MethodPost, "/", bytes.NewReader(body))
	setDeliveryHeader(r, secret)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result(), nil
}

// deliverURL posts a webhook delivery, body, to target as SunCo posts it.
// The caller closes the response's body.
func deliverURL(ctx context.Context, target, secret string, body []byte) (*http.Response, error) {
	r, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("%s: SendWebhookURL: %w", fakeName, err)
	}
	setDeliveryHeader(r, secret)
	return http.DefaultClient.Do(r)
}

func setDeliveryHeader(r *http.Request, secret string) {
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("X-API-Key", secret)
}
