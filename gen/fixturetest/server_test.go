package fixturetest

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/fixturetest/wire"
)

// exchange is a request as the test server received it: the path and the
// query still escaped, as they came over the wire.
type exchange struct {
	Method string
	Path   string
	Query  string
	Header http.Header
	Body   []byte
}

// server is an httptest server (on 127.0.0.1) that records every request
// and answers it with reply, which can read the body again.
type server struct {
	*httptest.Server
	mu   sync.Mutex
	seen []exchange
}

func newServer(t *testing.T, reply http.HandlerFunc) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		path, query, _ := strings.Cut(r.RequestURI, "?")
		s.mu.Lock()
		s.seen = append(s.seen, exchange{r.Method, path, query, r.Header.Clone(), body})
		s.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(body))
		reply(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// requests returns the requests received so far.
func (s *server) requests() []exchange {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]exchange(nil), s.seen...)
}

// only returns the one request received, failing the test if there were
// more or none.
func (s *server) only(t *testing.T) exchange {
	t.Helper()
	reqs := s.requests()
	require.Len(t, reqs, 1, "requests received")
	return reqs[0]
}

// client returns a client of the fixture SDK talking to s, without
// retries unless opts say otherwise.
func (s *server) client(t *testing.T, opts ...wire.Option) *wire.Client {
	t.Helper()
	c, err := wire.NewClient(append([]wire.Option{wire.WithBaseURL(s.URL), wire.WithMaxRetries(0)}, opts...)...)
	require.NoError(t, err)
	return c
}

// replyJSON answers with status and a JSON body.
func replyJSON(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

// anItem is a response body of getItem with the required properties only.
const anItem = `{"id":"i1","status":"active"}`

// parseQuery parses a raw query the server received.
func parseQuery(t *testing.T, raw string) url.Values {
	t.Helper()
	q, err := url.ParseQuery(raw)
	require.NoError(t, err)
	return q
}
