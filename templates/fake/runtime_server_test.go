package suncotest

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMatch: a request goes to the route whose template matches its path
// with the most literal segments; its parameters are unescaped, an empty
// one matches (to be refused by the route); a path another method has
// gives the methods allowed.
func TestMatch(t *testing.T) {
	noop := func(*call) {}
	routes := []*route{
		newRoute("GetUser", "Users.Get", "GET", "/apps/{appId}/users/{userId}", noop),
		newRoute("SyncUsers", "Users.Sync", "GET", "/apps/{appId}/users/sync", noop),
		newRoute("DeleteUser", "Users.Delete", "DELETE", "/apps/{appId}/users/{userId}", noop),
		newRoute("ListUsers", "Users.List", "GET", "/apps/{appId}/users", noop),
		newRoute("GetExport", "Users.Export", "GET", "/apps/{appId}/exports/{name}.json", noop),
	}
	f := &fake{routes: routes}
	tests := []struct {
		method, path string
		route        string
		params       map[string]string
		allowed      []string
	}{
		{"GET", "/apps/a1/users/u1", "GetUser", map[string]string{"appId": "a1", "userId": "u1"}, nil},
		{"GET", "/apps/a1/users/sync", "SyncUsers", map[string]string{"appId": "a1"}, nil},
		{"GET", "/apps/a%2F1/users/u%201", "GetUser", map[string]string{"appId": "a/1", "userId": "u 1"}, nil},
		{"GET", "/apps//users", "ListUsers", map[string]string{"appId": ""}, nil},
		{"PUT", "/apps/a1/users/u1", "", nil, []string{"DELETE", "GET"}},
		{"GET", "/apps/a1/users/u1/more", "", nil, nil},
		{"GET", "/apps/a1/exports/all%20users.json", "GetExport", map[string]string{"appId": "a1", "name": "all users"}, nil},
		{"GET", "/apps/a1/exports/users.csv", "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, tt.path, nil)
			rt, params, allowed := f.match(r)
			if tt.route == "" {
				assert.Nil(t, rt)
			} else {
				require.NotNil(t, rt)
				assert.Equal(t, tt.route, rt.operation)
			}
			assert.Equal(t, tt.params, params)
			assert.Equal(t, tt.allowed, allowed)
		})
	}
}

func TestParsers(t *testing.T) {
	n, err := parseInt[int]("42")
	require.NoError(t, err)
	assert.Equal(t, 42, n)
	for _, bad := range []string{"4.2", "", "1e3", "x"} {
		_, err := parseInt[int](bad)
		assert.Error(t, err, bad)
	}
	_, err = parseInt[int64]("9223372036854775807")
	assert.NoError(t, err)
	f, err := parseFloat[float64]("2.5")
	require.NoError(t, err)
	assert.Equal(t, 2.5, f)
	b, err := parseBool[bool]("false")
	require.NoError(t, err)
	assert.False(t, b)
	_, err = parseBool[bool]("1")
	assert.EqualError(t, err, `"1" is not true or false`, "the SDK writes true and false alone")
	tm, err := parseTime("2024-05-06T07:08:09.5Z")
	require.NoError(t, err)
	assert.Equal(t, 500_000_000, tm.Nanosecond())
	_, err = parseTime("yesterday")
	assert.Error(t, err)

	values, err := each(parseInt[int])([]string{"1", "2"})
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2}, values)
	p, err := pointer(one(parseString[string]))([]string{"first", "second"})
	require.NoError(t, err)
	assert.Equal(t, "first", *p)
}

func TestZero(t *testing.T) {
	type result struct{ N int }
	p, err := zero[*result]()
	require.NoError(t, err)
	assert.Equal(t, &result{}, p, "a pointer to a zero value, which encodes as an object")
	m, _ := zero[map[string]any]()
	assert.NotNil(t, m)
	s, _ := zero[[]int]()
	assert.NotNil(t, s)
	v, _ := example(`not JSON`, decodeJSON[*result])
	assert.Equal(t, &result{}, v, "an example that does not decode gives the zero value")
	v, _ = example(`{"N": 3}`, decodeJSON[*result])
	assert.Equal(t, &result{N: 3}, v)
}

// TestAnswers: what a call answers with, and what it reports, for an
// accepted request, a refused one, a handler's errors and faults.
func TestAnswers(t *testing.T) {
	apiError := func(err error) (*errorAnswer, bool) {
		var s statusError
		if errors.As(err, &s) {
			return newErrorAnswer(int(s), http.Header{"X-Extra": {"1"}}, "req-1", nil, 0), true
		}
		return nil, false
	}
	// failsWith serves a call whose handler returns an *APIError of status.
	failsWith := func(status int) func(*call) {
		return func(c *call) { c.answer(200, nil, statusError(status)) }
	}
	tests := []struct {
		name    string
		serve   func(*call)
		status  int
		header  map[string]string
		body    string
		reports int
	}{
		{"a result", func(c *call) { c.answer(201, map[string]int{"n": 1}, nil) }, 201, nil, `{"n":1}`, 0},
		{"no result", func(c *call) { c.answer(200, nil, nil) }, 200, nil, `{}`, 0},
		{"no content", func(c *call) { c.answer(204, nil, nil) }, 204, nil, ``, 0},
		{"a redirect", func(c *call) { c.redirect(302, &url.URL{Scheme: "https", Host: "example.com"}, nil) }, 302,
			map[string]string{"Location": "https://example.com"}, ``, 0},
		{"a refusal", func(c *call) { c.refuse("x is missing"); c.refused() }, 400, nil,
			`{"errors":[{"code":"bad_request","title":"x is missing"}]}`, 1},
		{"an API error", failsWith(404), 404,
			map[string]string{"X-Extra": "1", "X-Request-Id": "req-1"}, `{"errors":[{"code":"not_found","title":"Not Found"}]}`, 0},
		{"an API error of no error status", failsWith(200), 500,
			map[string]string{"Retry-After": "0"}, `{"errors":[{"code":"internal_error","title":"Internal Server Error"}]}`, 0},
		// The ends of the error statuses, and which ones say the client
		// may retry at once.
		{"399 is no error status", failsWith(399), 500,
			map[string]string{"Retry-After": "0"}, `{"errors":[{"code":"internal_error","title":"Internal Server Error"}]}`, 0},
		{"400", failsWith(400), 400,
			map[string]string{"Retry-After": ""}, `{"errors":[{"code":"bad_request","title":"Bad Request"}]}`, 0},
		{"409", failsWith(409), 409,
			map[string]string{"Retry-After": ""}, `{"errors":[{"code":"conflict","title":"Conflict"}]}`, 0},
		{"422, a code from its text", failsWith(422), 422,
			map[string]string{"Retry-After": ""}, `{"errors":[{"code":"unprocessable_entity","title":"Unprocessable Entity"}]}`, 0},
		{"429 may be retried at once", failsWith(429), 429,
			map[string]string{"Retry-After": "0"}, `{"errors":[{"code":"too_many_requests","title":"Too Many Requests"}]}`, 0},
		{"499", failsWith(499), 499,
			map[string]string{"Retry-After": ""}, `{"errors":[{"code":"","title":""}]}`, 0},
		{"500 may be retried at once", failsWith(500), 500,
			map[string]string{"Retry-After": "0"}, `{"errors":[{"code":"internal_error","title":"Internal Server Error"}]}`, 0},
		{"503", failsWith(503), 503,
			map[string]string{"Retry-After": "0"}, `{"errors":[{"code":"internal_error","title":"Service Unavailable"}]}`, 0},
		{"599", failsWith(599), 599,
			map[string]string{"Retry-After": "0"}, `{"errors":[{"code":"internal_error","title":""}]}`, 0},
		{"600 is no error status", failsWith(600), 500,
			map[string]string{"Retry-After": "0"}, `{"errors":[{"code":"internal_error","title":"Internal Server Error"}]}`, 0},
		{"another error", func(c *call) { c.answer(200, nil, errors.New("boom")) }, 500,
			map[string]string{"Retry-After": "0"}, `{"errors":[{"code":"internal_error","title":"boom"}]}`, 0},
		{"a nil result", func(c *call) { c.answer(200, (*struct{})(nil), nil) }, 500, nil,
			`{"errors":[{"code":"internal_error","title":"the handler returned neither a result nor an error"}]}`, 1},
		{"a result that cannot be encoded", func(c *call) { c.answer(200, func() {}, nil) }, 500, nil,
			`{"errors":[{"code":"internal_error","title":"the result func() cannot be encoded: json: unsupported type: func()"}]}`, 1},
		{"a panic", func(*call) { panic("boom") }, 500, nil,
			`{"errors":[{"code":"internal_error","title":"the handler panicked: boom"}]}`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rt := &recordingT{TB: t}
			f := newFake(rt, nil, []*route{newRoute("Op", "S.Op", "GET", "/op", tt.serve)}, apiError, sdkTypes{})
			client := f.srv.Client()
			client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
			resp, err := client.Get(f.srv.URL + "/op")
			require.NoError(t, err)
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.Equal(t, tt.status, resp.StatusCode)
			for k, v := range tt.header {
				assert.Equal(t, v, resp.Header.Get(k), k)
			}
			assert.Equal(t, tt.body, string(body))
			assert.Len(t, rt.errors, tt.reports, "reports: %q", rt.errors)
			assert.Len(t, f.recorded(), 1)
		})
	}
}

type statusError int

func (s statusError) Error() string { return http.StatusText(int(s)) }

// recordingT keeps what the fake reports instead of failing the test.
type recordingT struct {
	testing.TB
	errors []string
}

func (r *recordingT) Errorf(format string, args ...any) {
	r.errors = append(r.errors, format)
}

// TestBodies: the body helpers decode a body as declared, and refuse what
// the API would.
func TestBodies(t *testing.T) {
	type note struct {
		Text  string                     `json:"text"`
		Extra map[string]json.RawMessage `json:"-"`
	}
	tests := []struct {
		name        string
		contentType string
		body        string
		required    bool
		problems    []string
		present     bool
	}{
		{"JSON", "application/json", `{"text": "hi"}`, true, nil, true},
		{"a JSON media type", "application/problem+json; charset=utf-8", `{"text": "hi"}`, true, nil, true},
		{"absent, optional", "", "", false, nil, false},
		{"absent, required", "", "", true, []string{"the request body is missing"}, false},
		{"another media type", "text/plain", `{"text": "hi"}`, true, []string{`the body is sent as "text/plain", not as application/json`}, false},
		{"a required property absent", "application/json", `{}`, true, []string{"body.text is required"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/", strings.NewReader(tt.body))
			if tt.contentType != "" {
				r.Header.Set("Content-Type", tt.contentType)
			}
			c := &call{f: &fake{}, r: r}
			var got note
			jsonBody(c, tt.required, &got, decodeJSON[note])
			assert.Equal(t, tt.problems, c.problems)
			assert.Equal(t, tt.present, c.body != nil, "recorded")
		})
	}
}
