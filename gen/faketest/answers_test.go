package faketest

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/sunco"
	"github.com/sunco-sdk/sunco-go/gen/sunco/suncotest"
)

// TestHandlerErrors: a handler's *APIError reaches the client as the API's
// error would, with its status, headers, request id and details; any
// other error as a 500. A status the client retries comes with
// Retry-After: 0 (unless the handler sets one), so the retries do not
// wait.
func TestHandlerErrors(t *testing.T) {
	notFound := []sunco.Error{{Code: "conversation_not_found", Title: "Conversation not found"}}
	tests := []struct {
		name       string
		err        error
		opts       []sunco.RequestOption
		status     int
		details    []sunco.Error
		header     map[string]string
		requestID  string
		calls      int32
		retryAfter string
	}{
		{
			name:      "an APIError",
			err:       &sunco.APIError{StatusCode: 404, Errors: notFound, RequestID: "req-1", Header: http.Header{"X-Custom": {"yes"}}},
			status:    404,
			details:   notFound,
			header:    map[string]string{"X-Custom": "yes", "X-Request-Id": "req-1"},
			requestID: "req-1",
			calls:     1,
		},
		{
			name:    "an APIError without details",
			err:     &sunco.APIError{StatusCode: 409},
			status:  409,
			details: []sunco.Error{{Code: "conflict", Title: "Conflict"}},
			calls:   1,
		},
		{
			name:    "a 400, the lowest error status",
			err:     &sunco.APIError{StatusCode: 400},
			status:  400,
			details: []sunco.Error{{Code: "bad_request", Title: "Bad Request"}},
			calls:   1,
		},
		{
			name:       "a 599, the highest",
			err:        &sunco.APIError{StatusCode: 599},
			opts:       []sunco.RequestOption{sunco.WithRequestMaxRetries(0)},
			status:     599,
			details:    []sunco.Error{{Code: "internal_error", Extra: map[string]json.RawMessage{"title": json.RawMessage(`""`)}}},
			calls:      1,
			retryAfter: "0",
		},
		{
			name:       "a 200 is no error status: it is answered 500",
			err:        &sunco.APIError{StatusCode: 200},
			opts:       []sunco.RequestOption{sunco.WithRequestMaxRetries(0)},
			status:     500,
			details:    []sunco.Error{{Code: "internal_error", Title: "Internal Server Error"}},
			calls:      1,
			retryAfter: "0",
		},
		{
			name:       "another error, retried as a 500 of a GET is",
			err:        errors.New("the database is down"),
			status:     500,
			details:    []sunco.Error{{Code: "internal_error", Title: "the database is down"}},
			calls:      3,
			retryAfter: "0",
		},
		{
			name:       "a 503 keeps its status",
			err:        &sunco.APIError{StatusCode: 503},
			opts:       []sunco.RequestOption{sunco.WithRequestMaxRetries(0)},
			status:     503,
			details:    []sunco.Error{{Code: "internal_error", Title: "Service Unavailable"}},
			calls:      1,
			retryAfter: "0",
		},
		{
			name:       "a 429, retried without waiting",
			err:        &sunco.APIError{StatusCode: 429},
			status:     429,
			details:    []sunco.Error{{Code: "too_many_requests", Title: "Too Many Requests"}},
			calls:      3,
			retryAfter: "0",
		},
		{
			name:       "a 429 with a Retry-After of its own",
			err:        &sunco.APIError{StatusCode: 429, Header: http.Header{"Retry-After": {"120"}}},
			opts:       []sunco.RequestOption{sunco.WithRequestMaxRetries(0)},
			status:     429,
			details:    []sunco.Error{{Code: "too_many_requests", Title: "Too Many Requests"}},
			calls:      1,
			retryAfter: "120",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := suncotest.NewServer(t)
			var calls atomic.Int32
			srv.Conversations.Get = func(context.Context, string, string, *sunco.GetConversationParams) (*sunco.ConversationResponse, error) {
				calls.Add(1)
				return nil, tt.err
			}
			var resp *http.Response
			_, err := srv.Client().Conversations.Get(t.Context(), "app_1", "conv_1", nil, append(tt.opts, sunco.WithResponseInto(&resp))...)
			var apiErr *sunco.APIError
			require.True(t, errors.As(err, &apiErr), "%v", err)
			assert.Equal(t, tt.status, apiErr.StatusCode)
			assert.Equal(t, tt.details, apiErr.Errors)
			assert.Equal(t, tt.requestID, apiErr.RequestID)
			for k, v := range tt.header {
				assert.Equal(t, v, apiErr.Header.Get(k), k)
			}
			assert.Equal(t, tt.retryAfter, resp.Header.Get("Retry-After"))
			assert.Equal(t, tt.calls, calls.Load(), "calls of the handler")
		})
	}
}

// TestHandlerFaults: a handler that panics, or returns neither a result
// nor an error, is a fault of the test: the fake answers 500 and reports
// it with t.Errorf.
func TestHandlerFaults(t *testing.T) {
	tests := []struct {
		name    string
		handler func(context.Context, string, *sunco.GetAppParams) (*sunco.AppResponseWithSubdomain, error)
		report  string
	}{
		{"panic", func(context.Context, string, *sunco.GetAppParams) (*sunco.AppResponseWithSubdomain, error) {
			panic("boom")
		}, "GetApp (Apps.Get): the handler panicked: boom; answered 500"},
		{"no result", func(context.Context, string, *sunco.GetAppParams) (*sunco.AppResponseWithSubdomain, error) {
			return nil, nil
		}, "GetApp (Apps.Get): the handler returned neither a result nor an error; answered 500"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rt := &recordingT{TB: t}
			srv := suncotest.NewServer(rt)
			srv.Apps.Get = tt.handler
			_, err := srv.Client().Apps.Get(t.Context(), "app_1", nil, sunco.WithRequestMaxRetries(0))
			var apiErr *sunco.APIError
			require.True(t, errors.As(err, &apiErr), "%v", err)
			assert.Equal(t, http.StatusInternalServerError, apiErr.StatusCode)
			require.Len(t, rt.reported(), 1)
			assert.Equal(t, "suncotest: "+tt.report, rt.reported()[0])
		})
	}
}

// TestRequests: the fake lists the requests it received, each with its
// operation and its body decoded as the handler's argument.
func TestRequests(t *testing.T) {
	srv := suncotest.NewServer(t)
	c := srv.Client()
	_, err := c.Messages.Post(t.Context(), "app_1", "conv/1", sunco.MessagePost{
		Author:  sunco.Author{Type: sunco.AuthorTypeBusiness},
		Content: &sunco.TextMessage{Text: sunco.Ptr("hi")},
	}, nil)
	require.NoError(t, err)
	_, err = c.Conversations.List(t.Context(), "app_1", sunco.ConversationListFilter{UserID: sunco.Ptr("u1")}, nil)
	require.NoError(t, err)

	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "PostMessage", reqs[0].Operation)
	assert.Equal(t, http.MethodPost, reqs[0].Method)
	assert.Equal(t, "/v2/apps/app_1/conversations/conv/1/messages", reqs[0].Path, "the path as received, unescaped")
	body, ok := reqs[0].Body.(sunco.MessagePost)
	require.True(t, ok, "the body is a %T", reqs[0].Body)
	assert.Equal(t, &sunco.TextMessage{Type: "text", Text: sunco.Ptr("hi")}, body.Content)
	assert.Equal(t, "ListConversations", reqs[1].Operation)
	assert.Equal(t, "u1", reqs[1].Query.Get("filter[userId]"))
	assert.Nil(t, reqs[1].Body)
	assert.Empty(t, reqs[0].Refusal+reqs[1].Refusal)
}
