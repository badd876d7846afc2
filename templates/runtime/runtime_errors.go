package sunco

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// APIError is the error returned for any response whose status is not 2xx.
// Use errors.As to inspect it.
type APIError struct {
	// StatusCode is the HTTP status of the response.
	StatusCode int
	// Errors are the API's error details, decoded from a body of the form
	// {"errors":[{"code":…,"title":…}]}.
	Errors []Error
	// RequestID identifies the request to Zendesk support, when the
	// response carried one.
	RequestID string
	// Body is the beginning of the response body when it did not hold error
	// details, for example an HTML page from a proxy.
	Body string
}

// Error is one entry of the errors list of an API error response.
type Error struct {
	Code  string `json:"code"`  // classifies the error, e.g. not_found
	Title string `json:"title"` // describes it, e.g. Resource not found
}

// Error returns a line such as
// "sunco: 404 Not Found: not_found: Resource not found (request id abc)".
// The body excerpt is left out: it is server text of arbitrary shape.
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("sunco: ")
	b.WriteString(strconv.Itoa(e.StatusCode))
	if text := http.StatusText(e.StatusCode); text != "" {
		b.WriteString(" " + text)
	}
	for i, d := range e.Errors {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		switch {
		case d.Code != "" && d.Title != "":
			b.WriteString(d.Code + ": " + d.Title)
		default:
			b.WriteString(d.Code + d.Title)
		}
	}
	if e.RequestID != "" {
		b.WriteString(" (request id " + e.RequestID + ")")
	}
	return b.String()
}

const (
	// maxErrorBody bounds how much of an error response is read: enough for
	// any error document, small enough that a misbehaving server cannot make
	// the client buffer a large page.
	maxErrorBody = 64 << 10
	// maxBodyExcerpt bounds APIError.Body.
	maxBodyExcerpt = 512
)

// requestIDHeaders are the response headers that may carry a request id,
// in order of preference.
var requestIDHeaders = []string{"X-Request-Id", "X-Zendesk-Request-Id"}

// newAPIError reads and closes the body of a non-2xx response.
func newAPIError(resp *http.Response) *APIError {
	// A read error leaves a partial body, which is still worth reporting.
	data, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	closeBody(resp.Body)

	e := &APIError{StatusCode: resp.StatusCode}
	for _, h := range requestIDHeaders {
		if v := resp.Header.Get(h); v != "" {
			e.RequestID = v
			break
		}
	}
	var doc struct {
		Errors []Error `json:"errors"`
	}
	if json.Unmarshal(data, &doc) == nil && len(doc.Errors) > 0 {
		e.Errors = doc.Errors
		return e
	}
	e.Body = bodyExcerpt(data, maxBodyExcerpt)
	return e
}

// bodyExcerpt returns at most n bytes of data as trimmed, valid UTF-8; a rune
// cut in half at the limit is dropped.
func bodyExcerpt(data []byte, n int) string {
	if len(data) > n {
		data = data[:n]
	}
	return strings.TrimSpace(strings.ToValidUTF8(string(data), ""))
}
