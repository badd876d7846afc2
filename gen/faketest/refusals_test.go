package faketest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/sunco"
	"github.com/sunco-sdk/sunco-go/gen/sunco/suncotest"
)

// recordingT stands in for the test the fake reports to: it keeps what
// the fake reports with Errorf instead of failing the test, and passes
// the rest (Cleanup, Helper) on to the test it wraps.
type recordingT struct {
	testing.TB
	mu     sync.Mutex
	errors []string
}

func (r *recordingT) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recordingT) reported() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.errors...)
}

// message is the body of a PostMessage request valid against the
// document, but for what replace changes in it.
func message(replace ...string) string {
	body := `{"author": {"type": "business"}, "content": {"type": "text", "text": "hi"}}`
	return strings.NewReplacer(replace...).Replace(body)
}

const messages = "/v2/apps/app_1/conversations/conv_1/messages"

// multipartBody is a multipart/form-data body with one part, named name.
func multipartBody(name string) string {
	return "--b\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"a.gif\"\r\nContent-Type: image/gif\r\n\r\nGIF89a\r\n--b--\r\n"
}

// TestRefusals sends requests the API would refuse, each of a kind: the
// fake answers each with the API's status and error body, naming the
// problem, and reports it with t.Errorf naming the operation and the
// problem, unless the test expects refusals.
func TestRefusals(t *testing.T) {
	tests := []struct {
		name         string
		method, path string
		contentType  string
		body         string
		status       int
		operation    string // "" for a request for no operation
		problem      string
	}{
		{"empty path parameter", "GET", "/v2/apps//conversations/conv_1", "", "", 400,
			"GetConversation", "path parameter appId is empty"},
		{"required query parameter missing", "GET", "/oauth/authorize?client_id=c1", "", "", 400,
			"Authorize", "required query parameter response_type is missing"},
		{"required deepObject parameter missing", "GET", "/v2/apps/app_1/conversations?page[size]=10", "", "", 400,
			"ListConversations", "required query parameter filter is missing"},
		{"query parameter not of its type", "GET", "/v2/apps/app_1/conversations?filter[userId]=u1&page[size]=ten", "", "", 400,
			"ListConversations", `query parameter page[size]: "ten" is not an integer`},
		{"query parameter not one of its enum's values", "GET", "/oauth/authorize?client_id=c1&response_type=token", "", "", 400,
			"Authorize", `query parameter response_type is "token", not one of "code"`},
		{"body missing", "POST", messages, "", "", 400,
			"PostMessage", "the request body is missing"},
		{"body not sent as JSON", "POST", messages, "text/plain", message(), 400,
			"PostMessage", `the body is sent as "text/plain", not as application/json`},
		{"body not valid JSON", "POST", messages, "application/json", `{"author": `, 400,
			"PostMessage", "the body is not valid JSON: unexpected EOF"},
		{"body not of its type", "POST", messages, "application/json", `[1]`, 400,
			"PostMessage", "the body: sunco: cannot decode a JSON array into MessagePost"},
		{"required property missing", "POST", messages, "application/json", message(`"author": {"type": "business"}, `, ""), 400,
			"PostMessage", "body.author is required"},
		{"required property of a property missing", "POST", messages, "application/json", message(`"type": "business"`, `"userId": "u1"`), 400,
			"PostMessage", "body.author.type is required"},
		{"property not of its type", "POST", messages, "application/json", message(`"business"`, `5`), 400,
			"PostMessage", "body.author.type is a number, not a string"},
		{"union value of no variant", "POST", messages, "application/json", message(`"text", "text"`, `"hologram", "text"`), 400,
			"PostMessage", `body.content is no Content: no variant has "type" "hologram"`},
		{"enum value not one of its values", "POST", messages, "application/json", message(`"business"`, `"robot"`), 400,
			"PostMessage", `body.author.type is "robot", not one of "business", "user"`},
		{"multipart body missing", "POST", "/v2/apps/app_1/attachments?access=public", "", "", 400,
			"UploadAttachment", "the request body is missing"},
		{"multipart body sent as another type", "POST", "/v2/apps/app_1/attachments?access=public", "application/json", "{}", 400,
			"UploadAttachment", `the body is sent as "application/json", not as multipart/form-data`},
		{"multipart body without its file", "POST", "/v2/apps/app_1/attachments?access=public", "multipart/form-data; boundary=b", multipartBody("other"), 400,
			"UploadAttachment", `the multipart body has no part "source"`},
		{"no operation at the path", "GET", "/v2/nope", "", "", 404,
			"", "no operation of the API has the path /v2/nope"},
		{"no operation with the method", "PUT", messages, "", "", 405,
			"", "no operation of the API is PUT " + messages + " (the path takes DELETE, GET, POST)"},
		{"no operation with the method, the path taking one", "GET", "/v2/apps/app_1/attachments", "", "", 405,
			"", "no operation of the API is GET /v2/apps/app_1/attachments (the path takes POST)"},
	}
	for _, tt := range tests {
		for _, expected := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/expected %v", tt.name, expected), func(t *testing.T) {
				rt := &recordingT{TB: t}
				var opts []suncotest.Option
				if expected {
					opts = append(opts, suncotest.ExpectRefusals())
				}
				srv := suncotest.NewServer(rt, opts...)
				status, details := send(t, srv, tt.method, tt.path, tt.contentType, tt.body)

				assert.Equal(t, tt.status, status)
				code := map[int]string{400: "bad_request", 404: "not_found", 405: "method_not_allowed"}[tt.status]
				assert.Equal(t, []sunco.Error{{Code: code, Title: tt.problem}}, details, "SunCo's error body")
				reqs := srv.Requests()
				require.Len(t, reqs, 1)
				assert.Equal(t, tt.operation, reqs[0].Operation)
				assert.Equal(t, tt.problem, reqs[0].Refusal)
				if expected {
					assert.Empty(t, rt.reported(), "a refusal the test expects is not reported")
					return
				}
				reported := rt.reported()
				require.Len(t, reported, 1, "reported with t.Errorf")
				assert.Contains(t, reported[0], tt.problem)
				if tt.operation != "" {
					assert.Contains(t, reported[0], tt.operation)
				}
			})
		}
	}
}

// send sends a request to srv and returns its status and the error
// details of its body, as the SDK decodes them.
func send(t *testing.T, srv *suncotest.Server, method, path, contentType, body string) (int, []sunco.Error) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, srv.URL+path, strings.NewReader(body))
	require.NoError(t, err)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var doc struct{ Errors []sunco.Error }
	require.NoError(t, json.Unmarshal(data, &doc), "%s", data)
	return resp.StatusCode, doc.Errors
}

// TestRefusalThroughTheClient: a request the SDK sends but the API would
// refuse (a value the SDK cannot check, here an enum value of the
// caller's) reaches the caller as the API's *APIError.
func TestRefusalThroughTheClient(t *testing.T) {
	rt := &recordingT{TB: t}
	srv := suncotest.NewServer(rt)
	_, err := srv.Client().Messages.Post(t.Context(), "app_1", "conv_1", sunco.MessagePost{
		Author:  sunco.Author{Type: "robot"},
		Content: &sunco.TextMessage{Text: sunco.Ptr("hi")},
	}, nil)
	var apiErr *sunco.APIError
	require.True(t, errors.As(err, &apiErr), "%v", err)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.True(t, apiErr.HasCode("bad_request"))
	require.Len(t, rt.reported(), 1)
	assert.Contains(t, rt.reported()[0], `PostMessage (Messages.Post): body.author.type is "robot"`)
}
