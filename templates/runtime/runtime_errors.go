package sunco

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// sdkName prefixes every error message of the package. The generator
// rewrites this declaration to the generated package's name.
const sdkName = "sunco"

// APIError is the error returned for any response whose status is not 2xx,
// and for a redirect that is not followed because it leaves the API's
// origin. Use errors.As to inspect it.
type APIError struct {
	// StatusCode is the HTTP status of the response.
	StatusCode int
	// Header holds the response headers, for example Retry-After, or the
	// Location of a redirect that was not followed.
	Header http.Header
	// Attempts is the number of attempts made, retries included.
	Attempts int
	// RetryAfter is the wait the response's Retry-After header asked for
	// (usually with a 429 or a 503), 0 without one. When the client does
	// not retry because the wait would outlast the call's context, this is
	// the time to wait before calling again.
	RetryAfter time.Duration
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
	// Extra holds the other properties, so that encoding loses nothing.
	Extra map[string]json.RawMessage `json:"-"`
}

// Error returns one line such as
// "sunco: 404 Not Found: not_found: Resource not found (request id abc)",
// or "sunco: 429 Too Many Requests after 3 attempts: …" when the request was
// retried. In the server's codes, titles and request id, every character
// that is not printable (CR, LF, ESC and the other control characters,
// Unicode line separators and bidirectional controls) is escaped as in a
// Go string literal, so that logging the error cannot forge a log line or
// send a terminal an escape sequence. The body excerpt is left out: it is
// server text of arbitrary shape.
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString(sdkName + ": ")
	b.WriteString(strconv.Itoa(e.StatusCode))
	if text := http.StatusText(e.StatusCode); text != "" {
		b.WriteString(" " + text)
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " after %d attempts", e.Attempts)
	}
	for i, d := range e.Errors {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		switch {
		case d.Code != "" && d.Title != "":
			b.WriteString(printable(d.Code) + ": " + printable(d.Title))
		default:
			b.WriteString(printable(d.Code + d.Title))
		}
	}
	if e.RequestID != "" {
		b.WriteString(" (request id " + printable(e.RequestID) + ")")
	}
	return b.String()
}

// HasCode reports whether code, such as "conversation_not_found", is the
// code of one of the API's error details in Errors.
func (e *APIError) HasCode(code string) bool {
	if e == nil {
		return false
	}
	for _, d := range e.Errors {
		if d.Code == code {
			return true
		}
	}
	return false
}

// printable returns s with each character that is not printable escaped
// as in a Go string literal: "\n", "\x1b", "\u2028". Text that is not
// valid UTF-8 shows U+FFFD for its invalid bytes.
func printable(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, unprintable) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unprintable(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1]) // without its quotes
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unprintable reports whether r is to be escaped: anything but the
// letters, marks, numbers, punctuation, symbols and the ASCII space.
func unprintable(r rune) bool {
	return !unicode.IsPrint(r)
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

// newAPIError reads and closes the body of a response whose status was not
// the one expected, received at the given attempt.
func newAPIError(resp *http.Response, attempts int) *APIError {
	// A read error leaves a partial body, which is still worth reporting.
	data, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	closeBody(resp.Body)

	e := &APIError{StatusCode: resp.StatusCode, Header: resp.Header, Attempts: attempts}
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
