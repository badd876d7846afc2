package sdktest

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/sunco"
)

// TestDesignContract runs the client example of DESIGN.md §4 against a
// fake API: the discriminator of a variant is written without the caller
// setting it, a list is followed across pages, and a 404 is an *APIError.
func TestDesignContract(t *testing.T) {
	var posted map[string]any
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/v2/apps/app1/conversations/conv1/messages":
			data, _ := io.ReadAll(r.Body)
			require.NoError(t, json.Unmarshal(data, &posted))
			w.WriteHeader(http.StatusCreated)
			io.WriteString(w, `{"messages":[{"id":"m1","content":{"type":"text","text":"hi"},"author":{"type":"business"}}]}`)
		case r.URL.Path == "/v2/apps/app1/conversations" && r.URL.Query().Get("page[after]") == "":
			io.WriteString(w, `{"conversations":[{"id":"c1"},{"id":"c2"}],"meta":{"hasMore":true,"afterCursor":"c2"}}`)
		case r.URL.Path == "/v2/apps/app1/conversations" && r.URL.Query().Get("page[after]") == "c2":
			io.WriteString(w, `{"conversations":[{"id":"c3"}],"meta":{"hasMore":false}}`)
		default:
			w.Header().Set("X-Request-Id", "req-1")
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"errors":[{"code":"not_found","title":"App not found"}]}`)
		}
	}))
	defer srv.Close()

	c, err := sunco.NewClient(
		sunco.WithBasicAuth("key", "secret"),
		sunco.WithBaseURL(srv.URL),
		sunco.WithHTTPClient(srv.Client()),
		sunco.WithMaxRetries(2),
	)
	require.NoError(t, err)
	ctx := t.Context()

	res, err := c.Messages.Post(ctx, "app1", "conv1", sunco.MessagePost{
		Author:  sunco.Author{Type: sunco.AuthorTypeBusiness},
		Content: &sunco.TextMessage{Text: sunco.Ptr("hi")},
	}, nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"type": "text", "text": "hi"}, posted["content"], "the variant's type is written for the caller")
	require.Len(t, res.Messages, 1)
	text, ok := res.Messages[0].Content.(*sunco.TextMessage)
	require.True(t, ok, "content decodes as %T", res.Messages[0].Content)
	assert.Equal(t, "hi", text.GetText())

	var ids []string
	filter := sunco.ConversationListFilter{UserID: sunco.Ptr("u1")}
	for conv, err := range c.Conversations.ListIter(ctx, "app1", filter, nil) {
		require.NoError(t, err)
		ids = append(ids, conv.GetID())
	}
	assert.Equal(t, []string{"c1", "c2", "c3"}, ids)

	_, err = c.Apps.Get(ctx, "nope", nil)
	var apiErr *sunco.APIError
	require.True(t, errors.As(err, &apiErr), "got %v", err)
	assert.Equal(t, http.StatusNotFound, apiErr.StatusCode)
	assert.Equal(t, "req-1", apiErr.RequestID)
	require.Len(t, apiErr.Errors, 1)
	assert.Equal(t, "not_found", apiErr.Errors[0].Code)
}

// TestListMessagesPagesBackwards checks that Messages.ListIter follows
// meta.beforeCursor with page[before], as the API pages messages from the
// most recent backwards, yields the messages newest first (each page
// lists its messages oldest first), and stops when the caller breaks.
func TestListMessagesPagesBackwards(t *testing.T) {
	var queries []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.RawQuery)
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Query().Get("page[before]") {
		case "":
			io.WriteString(w, `{"messages":[{"id":"m5"},{"id":"m6"}],"meta":{"hasMore":true,"beforeCursor":"m5","afterCursor":"zzz"}}`)
		case "m5":
			io.WriteString(w, `{"messages":[{"id":"m3"},{"id":"m4"}],"meta":{"hasMore":true,"beforeCursor":"m3"}}`)
		default:
			t.Errorf("fetched past the break: %s", r.URL.RawQuery)
			io.WriteString(w, `{"messages":[],"meta":{"hasMore":false}}`)
		}
	}))
	defer srv.Close()
	c, err := sunco.NewClient(sunco.WithBaseURL(srv.URL), sunco.WithHTTPClient(srv.Client()))
	require.NoError(t, err)

	var ids []string
	for msg, err := range c.Messages.ListIter(t.Context(), "app1", "conv1", nil) {
		require.NoError(t, err)
		ids = append(ids, msg.GetID())
		if len(ids) == 3 {
			break
		}
	}
	assert.Equal(t, []string{"m6", "m5", "m4"}, ids)
	assert.Equal(t, []string{"", "page[before]=m5"}, queries)
}

// TestWithZendeskSubdomain: the document's server
// https://{subdomain}.zendesk.com/sc gives the option that points the
// client at a Zendesk account's API root, and refuses a subdomain that
// is not a DNS label.
func TestWithZendeskSubdomain(t *testing.T) {
	var sent []string
	recorder := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		sent = append(sent, r.URL.String())
		w := httptest.NewRecorder()
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"app":{"id":"app1"}}`)
		return w.Result(), nil
	})
	c, err := sunco.NewClient(sunco.WithZendeskSubdomain("acme-2"), sunco.WithHTTPClient(&http.Client{Transport: recorder}))
	require.NoError(t, err)
	_, err = c.Apps.Get(t.Context(), "app1", nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"https://acme-2.zendesk.com/sc/v2/apps/app1"}, sent)

	_, err = sunco.NewClient(sunco.WithZendeskSubdomain("evil.example/x"))
	assert.ErrorContains(t, err, `sunco: WithZendeskSubdomain: "evil.example/x" is not a valid subdomain`)
}

// roundTripFunc adapts a function to http.RoundTripper.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
