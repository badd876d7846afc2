package suncotest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
)

// fakeName prefixes every message of the package. The generator rewrites
// this declaration to the generated package's name.
const fakeName = "suncotest"

// Option configures a Server.
type Option func(*config)

type config struct {
	quiet bool
}

// ExpectRefusals makes the Server answer a request the API would refuse
// with the API's 400 alone, without failing the test: for a test of how
// the application handles that answer. Without it, each such request is
// also reported with t.Errorf.
func ExpectRefusals() Option {
	return func(c *config) { c.quiet = true }
}

// Request is a request the Server received, for a test's assertions.
type Request struct {
	// Operation is the operationId of the API operation the request is
	// for, for example PostMessage; "" when it is for none.
	Operation string
	// Method is the request's HTTP method.
	Method string
	// Path is the request's path as received, unescaped.
	Path string
	// Query holds the request's query parameters.
	Query url.Values
	// Header holds the request's headers.
	Header http.Header
	// Body is the request body decoded as the handler receives it: the
	// type of the client method's body argument (or of its Params' body
	// field); nil when the request has none.
	Body any
	// Refusal says why the Server answered 400, as the API would have; ""
	// when it accepted the request.
	Refusal string
}

// fake is the machinery of a Server: the test server, its routes, and
// the requests it received.
type fake struct {
	t        testing.TB
	cfg      config
	srv      *httptest.Server
	routes   []*route
	apiError func(error) (*errorAnswer, bool)
	types    sdkTypes

	mu       sync.Mutex
	requests []Request
}

// route is one operation of the API: how to recognise its requests, and
// the function that decodes them and answers.
type route struct {
	operation string // the operationId
	method    string // the client method, e.g. Messages.Post
	verb      string // the HTTP method
	segments  []segment
	serve     func(*call)
}

// segment is a segment of a path template: a literal, or a parameter
// between a literal prefix and suffix ({id}, or {name}.json).
type segment struct {
	prefix, param, suffix string
}

// newRoute is the route of an operation whose path is template, with its
// parameters in braces.
func newRoute(operation, method, verb, template string, serve func(*call)) *route {
	rt := &route{operation: operation, method: method, verb: verb, serve: serve}
	for _, s := range strings.Split(template, "/") {
		prefix, rest, isParam := strings.Cut(s, "{")
		param, suffix, closed := strings.Cut(rest, "}")
		if !isParam || !closed {
			prefix, param, suffix = s, "", ""
		}
		rt.segments = append(rt.segments, segment{prefix, param, suffix})
	}
	return rt
}

// errorAnswer is an error as the API answers it: a status, headers and
// SunCo's error body, {"errors":[...]}.
type errorAnswer struct {
	status int
	header http.Header
	errors any // the error details, encoded as the body's "errors"
}

// newFake starts a test server on 127.0.0.1 answering routes, closed when
// the test ends. apiError recognises the SDK's *APIError.
func newFake(t testing.TB, opts []Option, routes []*route, apiError func(error) (*errorAnswer, bool), types sdkTypes) *fake {
	f := &fake{t: t, routes: routes, apiError: apiError, types: types}
	for _, opt := range opts {
		if opt != nil {
			opt(&f.cfg)
		}
	}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serveHTTP))
	t.Cleanup(f.srv.Close)
	return f
}

// recorded returns a copy of the requests received so far, in order.
func (f *fake) recorded() []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.requests)
}

func (f *fake) record(r Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, r)
}

// serveHTTP finds the operation a request is for and lets its route
// answer; a request for none is answered 404 (or 405 when another method
// has the path), as the API answers it, and reported.
func (f *fake) serveHTTP(w http.ResponseWriter, r *http.Request) {
	rt, params, allowed := f.match(r)
	c := &call{f: f, w: w, r: r, route: rt, params: params}
	if rt == nil {
		status, problem := http.StatusNotFound, "no operation of the API has the path "+r.URL.Path
		if len(allowed) > 0 {
			w.Header().Set("Allow", strings.Join(allowed, ", "))
			status, problem = http.StatusMethodNotAllowed, fmt.Sprintf("no operation of the API is %s %s (the path takes %s)", r.Method, r.URL.Path, strings.Join(allowed, ", "))
		}
		c.refuse("%s", problem)
		c.finish(status)
		return
	}
	defer func() {
		if v := recover(); v != nil {
			c.fail(fmt.Sprintf("the handler panicked: %v", v))
		}
	}()
	rt.serve(c)
}

// match finds the route of r: the one whose path matches with the most
// literal segments (a literal /users/sync before /users/{userId}), and the
// values of its path parameters. Without one, allowed lists the methods of
// the routes that match the path.
func (f *fake) match(r *http.Request) (best *route, params map[string]string, allowed []string) {
	segments := strings.Split(r.URL.EscapedPath(), "/")
	bestLiterals := -1
	for _, rt := range f.routes {
		values, literals, ok := rt.matchPath(segments)
		switch {
		case !ok:
		case rt.verb != r.Method:
			if !slices.Contains(allowed, rt.verb) {
				allowed = append(allowed, rt.verb)
			}
		case literals > bestLiterals:
			best, params, bestLiterals = rt, values, literals
		}
	}
	if best != nil {
		return best, params, nil
	}
	slices.Sort(allowed)
	return nil, nil, allowed
}

// matchPath matches the escaped segments of a path against the route's
// template, returning its parameters unescaped and how many literal
// segments matched. An empty segment matches a parameter: the route then
// refuses the request for its empty parameter.
func (rt *route) matchPath(segments []string) (values map[string]string, literals int, ok bool) {
	if len(segments) != len(rt.segments) {
		return nil, 0, false
	}
	values = map[string]string{}
	for i, want := range rt.segments {
		if want.param == "" {
			if segments[i] != want.prefix {
				return nil, 0, false
			}
			literals++
			continue
		}
		escaped, hasPrefix := strings.CutPrefix(segments[i], want.prefix)
		escaped, hasSuffix := strings.CutSuffix(escaped, want.suffix)
		if !hasPrefix || !hasSuffix {
			return nil, 0, false
		}
		value, err := url.PathUnescape(escaped)
		if err != nil {
			return nil, 0, false
		}
		values[want.param] = value
	}
	return values, literals, true
}

// call is one request being answered.
type call struct {
	f        *fake
	w        http.ResponseWriter
	r        *http.Request
	route    *route
	params   map[string]string // the path parameters, by name
	form     url.Values        // a form body's fields
	body     any
	problems []string
	answered bool
}

// refuse notes a reason the API would refuse the request.
func (c *call) refuse(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

// refused reports whether the request is refused, and if so answers it
// with the API's 400: the caller stops there.
func (c *call) refused() bool {
	if len(c.problems) == 0 {
		return false
	}
	c.finish(http.StatusBadRequest)
	return true
}

// finish records the request and, when it is refused, answers status with
// one error detail per problem, and reports it unless the test expects
// refusals.
func (c *call) finish(status int) {
	req := Request{
		Method: c.r.Method,
		Path:   c.r.URL.Path,
		Query:  c.r.URL.Query(),
		Header: c.r.Header.Clone(),
		Body:   c.body,
	}
	name := "no operation"
	if c.route != nil {
		req.Operation = c.route.operation
		name = c.route.operation + " (" + c.route.method + ")"
	}
	if len(c.problems) == 0 {
		c.f.record(req)
		return
	}
	req.Refusal = strings.Join(c.problems, "; ")
	c.f.record(req)
	if !c.f.cfg.quiet {
		c.f.t.Errorf("%s: %s %s: the API would refuse it (%d): %s", fakeName, c.r.Method, c.r.URL.Path, status, name+": "+req.Refusal)
	}
	details := make([]errorDetail, len(c.problems))
	for i, p := range c.problems {
		details[i] = errorDetail{Code: errorCode(status), Title: p}
	}
	c.writeError(&errorAnswer{status: status, errors: details})
}

// errorDetail is an entry of SunCo's error body.
type errorDetail struct {
	Code  string `json:"code"`
	Title string `json:"title"`
}

// errorCode is the code SunCo's error body gives a status.
func errorCode(status int) string {
	switch status {
	case http.StatusBadRequest:
		return "bad_request"
	case http.StatusUnauthorized:
		return "unauthorized"
	case http.StatusForbidden:
		return "forbidden"
	case http.StatusNotFound:
		return "not_found"
	case http.StatusMethodNotAllowed:
		return "method_not_allowed"
	case http.StatusConflict:
		return "conflict"
	case http.StatusTooManyRequests:
		return "too_many_requests"
	}
	if status >= 500 {
		return "internal_error"
	}
	return strings.ReplaceAll(strings.ToLower(http.StatusText(status)), " ", "_")
}

// answer answers an accepted request with status and the result of its
// handler, encoded by the SDK (nil for an operation without a result: an
// empty object), or with err as the API answers an error.
func (c *call) answer(status int, result any, err error) {
	if err != nil {
		c.answerError(err)
		return
	}
	body := []byte("{}")
	if isNil(result) {
		c.fail("the handler returned neither a result nor an error")
		return
	}
	if result != nil {
		var merr error
		if body, merr = json.Marshal(result); merr != nil {
			c.fail(fmt.Sprintf("the result %T cannot be encoded: %v", result, merr))
			return
		}
	}
	c.finish(status)
	c.answered = true
	if status == http.StatusNoContent {
		c.w.WriteHeader(status)
		return
	}
	c.w.Header().Set("Content-Type", "application/json")
	c.w.WriteHeader(status)
	_, _ = c.w.Write(body)
}

// redirect answers an accepted request with status and a Location of
// where, the result of its handler; nil points at the server's root.
func (c *call) redirect(status int, where *url.URL, err error) {
	if err != nil {
		c.answerError(err)
		return
	}
	location := c.f.srv.URL + "/"
	if where != nil {
		location = where.String()
	}
	c.finish(status)
	c.answered = true
	c.w.Header().Set("Location", location)
	c.w.WriteHeader(status)
}

// answerError answers the error a handler returned: the status, headers
// and details of an *APIError, anything else as a 500.
func (c *call) answerError(err error) {
	a, ok := c.f.apiError(err)
	if !ok {
		a = &errorAnswer{status: http.StatusInternalServerError, errors: []errorDetail{{Code: errorCode(http.StatusInternalServerError), Title: err.Error()}}}
	}
	c.finish(a.status)
	c.writeError(a)
}

// fail answers 500 for a fault of the test's handler, reported with
// t.Errorf.
func (c *call) fail(problem string) {
	if c.answered {
		c.f.t.Errorf("%s: %s (%s): %s", fakeName, c.route.operation, c.route.method, problem)
		return
	}
	c.f.t.Errorf("%s: %s (%s): %s; answered 500", fakeName, c.route.operation, c.route.method, problem)
	c.finish(http.StatusInternalServerError)
	c.writeError(&errorAnswer{status: http.StatusInternalServerError, errors: []errorDetail{{Code: errorCode(http.StatusInternalServerError), Title: problem}}})
}

// writeError writes a as SunCo does. A status the client retries (429 and
// 5xx) comes with Retry-After: 0, unless a sets one, so that the client
// retries without waiting.
func (c *call) writeError(a *errorAnswer) {
	c.answered = true
	h := c.w.Header()
	for k, v := range a.header {
		h[k] = v
	}
	if (a.status == http.StatusTooManyRequests || a.status >= 500) && h.Get("Retry-After") == "" {
		h.Set("Retry-After", "0")
	}
	body, err := json.Marshal(map[string]any{"errors": a.errors})
	if err != nil {
		body, _ = json.Marshal(map[string]any{"errors": []errorDetail{{Code: errorCode(a.status), Title: err.Error()}}})
	}
	h.Set("Content-Type", "application/json")
	h.Del("Content-Length")
	c.w.WriteHeader(a.status)
	_, _ = c.w.Write(body)
}

// newErrorAnswer is the answer of an *APIError with status, header,
// request id and details (the SDK's error details, count of them). A
// status that is not an error status is answered 500; no details give one
// from the status; a request id goes in X-Request-Id unless header has it.
func newErrorAnswer(status int, header http.Header, requestID string, details any, count int) *errorAnswer {
	if status < 400 || status > 599 {
		status = http.StatusInternalServerError
	}
	header = header.Clone()
	if header == nil {
		header = http.Header{}
	}
	if requestID != "" && header.Get("X-Request-Id") == "" {
		header.Set("X-Request-Id", requestID)
	}
	if count == 0 {
		details = []errorDetail{{Code: errorCode(status), Title: http.StatusText(status)}}
	}
	return &errorAnswer{status: status, header: header, errors: details}
}
