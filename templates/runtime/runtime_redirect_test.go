package sunco

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRedirect(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		location string
		want     string // the URL returned, or "" for an error
		wantErr  int    // the APIError status, when want is ""
	}{
		{name: "absolute location", status: http.StatusFound, location: "https://login.example.com/start?x=1", want: "https://login.example.com/start?x=1"},
		{name: "relative location resolves against the request", status: http.StatusSeeOther, location: "/next", want: "/next"},
		{name: "a 2xx is not the redirect expected", status: http.StatusOK, wantErr: http.StatusOK},
		{name: "an error status", status: http.StatusForbidden, wantErr: http.StatusForbidden},
		// The ends of the 3xx range, each side, with a Location each.
		{name: "300 is a redirect", status: 300, location: "/first", want: "/first"},
		{name: "399 is a redirect", status: 399, location: "/last", want: "/last"},
		{name: "299 is no redirect", status: 299, location: "/next", wantErr: 299},
		{name: "400 is no redirect", status: http.StatusBadRequest, location: "/next", wantErr: http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var accept string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path != "/oauth/authorize" {
					t.Errorf("the redirect was followed to %s", r.URL.Path)
				}
				accept = r.Header.Get("Accept")
				if tt.location != "" {
					w.Header().Set("Location", tt.location)
				}
				w.WriteHeader(tt.status)
			}))
			defer srv.Close()
			tr, _ := newTestTransport(t, srv.URL)

			loc, err := tr.redirect(t.Context(), &request{Method: http.MethodGet, Path: "/oauth/authorize"}, nil)
			assert.Equal(t, "*/*", accept)
			if tt.want == "" {
				var apiErr *APIError
				require.True(t, errors.As(err, &apiErr), "got %v", err)
				assert.Equal(t, tt.wantErr, apiErr.StatusCode)
				return
			}
			require.NoError(t, err)
			if tt.want[0] == '/' {
				tt.want = srv.URL + tt.want
			}
			assert.Equal(t, tt.want, loc.String())
		})
	}
}

// hop is what a server saw of one request that reached it.
type hop struct {
	path, auth, custom, body string
}

// hopServer records the requests that reach it and answers each with
// handler.
func hopServer(t *testing.T, handler http.HandlerFunc) (*httptest.Server, func() []hop) {
	t.Helper()
	var mu sync.Mutex
	var hops []hop
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		hops = append(hops, hop{r.URL.Path, r.Header.Get("Authorization"), r.Header.Get("X-Custom"), string(body)})
		mu.Unlock()
		handler(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []hop {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(hops)
	}
}

// router is a RoundTripper that stands in for DNS: a request to the API's
// host:port goes to the API server, any other to the elsewhere server, so
// a redirect that was followed off the API's origin would be seen there.
type router struct {
	api, elsewhere *httptest.Server
}

func (rt router) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	dst := rt.elsewhere
	if r.URL.Scheme == "http" && r.URL.Host == rt.api.Listener.Addr().String() {
		dst = rt.api
	}
	r.URL.Scheme, r.URL.Host = "http", dst.Listener.Addr().String()
	return http.DefaultTransport.RoundTrip(r)
}

func TestRedirectFollowing(t *testing.T) {
	const secret = "redirect-secret"
	tests := []struct {
		name     string
		status   int
		location func(api, elsewhere string) string // host:port of each
		wantHops []hop                              // at the API server
	}{
		{
			name:     "same origin 307 replays the body with credentials",
			status:   http.StatusTemporaryRedirect,
			location: func(string, string) string { return "/next" },
			wantHops: []hop{
				{path: "/v2/x", custom: "c", body: `{"text":"hi"}`},
				{path: "/next", custom: "c", body: `{"text":"hi"}`},
			},
		},
		{
			name:     "same origin, absolute URL",
			status:   http.StatusPermanentRedirect,
			location: func(api, _ string) string { return "http://" + api + "/next" },
			wantHops: []hop{
				{path: "/v2/x", custom: "c", body: `{"text":"hi"}`},
				{path: "/next", custom: "c", body: `{"text":"hi"}`},
			},
		},
		{
			name:   "other host",
			status: http.StatusTemporaryRedirect,
			location: func(api, _ string) string {
				return "http://elsewhere.example:" + api[strings.LastIndex(api, ":")+1:] + "/next"
			},
		},
		{
			name:     "other port",
			status:   http.StatusTemporaryRedirect,
			location: func(_, elsewhere string) string { return "http://" + elsewhere + "/next" },
		},
		{
			name:     "other scheme",
			status:   http.StatusTemporaryRedirect,
			location: func(api, _ string) string { return "https://" + api + "/next" },
		},
		{
			name:     "other host by 302",
			status:   http.StatusFound,
			location: func(string, string) string { return "http://elsewhere.example/next" },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			elsewhere, leaked := hopServer(t, replyJSON(200, `{}`))
			var api *httptest.Server
			var apiHops func() []hop
			api, apiHops = hopServer(t, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/next" {
					replyJSON(200, `{}`)(w, r)
					return
				}
				w.Header().Set("Location", tt.location(api.Listener.Addr().String(), elsewhere.Listener.Addr().String()))
				w.WriteHeader(tt.status)
			})
			hc := &http.Client{Transport: router{api: api, elsewhere: elsewhere}}
			tr, _ := newTestTransport(t, api.URL, WithHTTPClient(hc), WithBearerToken(secret), WithHeader("X-Custom", "c"))
			err := tr.do(t.Context(), &request{Method: "POST", Path: "/v2/x", Body: map[string]string{"text": "hi"}}, nil, nil)

			assert.Empty(t, leaked(), "a request reached another origin")
			got := apiHops()
			for i := range got {
				assert.Equal(t, "Bearer "+secret, got[i].auth)
				got[i].auth = ""
			}
			if tt.wantHops != nil {
				require.NoError(t, err)
				assert.Equal(t, tt.wantHops, got)
				return
			}
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.status, apiErr.StatusCode)
			assert.Equal(t, tt.location(api.Listener.Addr().String(), elsewhere.Listener.Addr().String()), apiErr.Header.Get("Location"))
			assert.Len(t, got, 1)
		})
	}
}

func TestRedirectPolicyOfCallersClient(t *testing.T) {
	tests := []struct {
		name     string
		check    func(*http.Request, []*http.Request) error
		wantHops int
		wantErr  string // "" for success
		wantCode int    // of the *APIError, when there is one
	}{
		{name: "default policy follows", wantHops: 2},
		{name: "caller's policy consulted", check: func(r *http.Request, _ []*http.Request) error { return errors.New("no redirects here") }, wantHops: 1, wantErr: "sunco: GET /v2/x: no redirects here"},
		{name: "caller's policy may keep the 3xx", check: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }, wantHops: 1, wantCode: http.StatusFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, hops := hopServer(t, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/next" {
					replyJSON(200, `{}`)(w, r)
					return
				}
				http.Redirect(w, r, "/next", http.StatusFound)
			})
			hc := &http.Client{CheckRedirect: tt.check}
			tr, _ := newTestTransport(t, api.URL, WithHTTPClient(hc), WithMaxRetries(0))
			err := tr.do(t.Context(), &request{Method: "GET", Path: "/v2/x"}, nil, nil)
			assert.Len(t, hops(), tt.wantHops)
			switch {
			case tt.wantCode != 0:
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, tt.wantCode, apiErr.StatusCode)
			case tt.wantErr != "":
				assert.EqualError(t, err, tt.wantErr)
			default:
				require.NoError(t, err)
			}
			assert.Equal(t, tt.check == nil, hc.CheckRedirect == nil, "the caller's client is not modified")
		})
	}
}

func TestRedirectLoopStops(t *testing.T) {
	api, hops := hopServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/again", http.StatusFound)
	})
	tr, _ := newTestTransport(t, api.URL, WithMaxRetries(0))
	err := tr.do(t.Context(), &request{Method: "GET", Path: "/v2/x"}, nil, nil)
	assert.EqualError(t, err, "sunco: GET /v2/x: stopped after 10 redirects")
	assert.Len(t, hops(), 10)
}

func TestSameOrigin(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{a: "https://api.smooch.io/v2/a", b: "https://api.smooch.io/other?x=1", want: true},
		{a: "https://api.smooch.io", b: "https://API.Smooch.IO:443", want: true},
		{a: "http://127.0.0.1", b: "http://127.0.0.1:80", want: true},
		{a: "https://api.smooch.io", b: "http://api.smooch.io", want: false},
		{a: "https://api.smooch.io", b: "https://api.smooch.io:8443", want: false},
		{a: "http://127.0.0.1:8080", b: "http://127.0.0.1:8081", want: false},
		{a: "https://api.smooch.io", b: "https://evil.smooch.io", want: false},
		{a: "https://api.smooch.io", b: "https://api.smooch.io.evil.com", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.a+" "+tt.b, func(t *testing.T) {
			a, err := url.Parse(tt.a)
			require.NoError(t, err)
			b, err := url.Parse(tt.b)
			require.NoError(t, err)
			assert.Equal(t, tt.want, sameOrigin(a, b))
			assert.Equal(t, tt.want, sameOrigin(b, a))
		})
	}
}
