package fixturetest

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/fixturetest/wire"
)

// TestOptionalBody checks an optional JSON body, held in the params: none
// is sent (no body, no Content-Type) unless the caller gives one.
func TestOptionalBody(t *testing.T) {
	tests := []struct {
		name            string
		params          *wire.PutItemNoteParams
		wantBody        string
		wantContentType string
	}{
		{"nil params", nil, "", ""},
		{"no body", &wire.PutItemNoteParams{}, "", ""},
		{"empty body", &wire.PutItemNoteParams{Body: &wire.PutItemNoteBody{}}, `{}`, "application/json"},
		{"body", &wire.PutItemNoteParams{Body: &wire.PutItemNoteBody{Text: wire.Ptr("hi")}}, `{"text":"hi"}`, "application/json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, replyJSON(200, `{}`))
			require.NoError(t, srv.client(t).Items.PutNote(t.Context(), "s1", "i1", tt.params))
			got := srv.only(t)
			assert.Equal(t, "PUT", got.Method)
			assert.Equal(t, "/stores/s1/items/i1/note", got.Path)
			assert.Equal(t, tt.wantContentType, got.Header.Get("Content-Type"))
			if tt.wantBody == "" {
				assert.Empty(t, got.Body)
			} else {
				assert.JSONEq(t, tt.wantBody, string(got.Body))
			}
		})
	}
}

// TestFormBody checks a form body: each field under its wire name, an
// array field repeated in order, a null or absent field left out, and
// zero values sent when set.
func TestFormBody(t *testing.T) {
	tests := []struct {
		name string
		body wire.TokenRequest
		want map[string][]string
	}{
		{
			"required only",
			wire.TokenRequest{GrantType: wire.TokenRequestGrantTypeClientCredentials},
			map[string][]string{"grant_type": {"client_credentials"}},
		},
		{
			"every field",
			wire.TokenRequest{
				GrantType: wire.TokenRequestGrantTypeRefreshToken,
				Scope:     []string{"read items", "write&delete"},
				TTL:       wire.Ptr(3600),
				Remember:  wire.NewNullable(true),
			},
			map[string][]string{"grant_type": {"refresh_token"}, "scope": {"read items", "write&delete"}, "ttl": {"3600"}, "remember": {"true"}},
		},
		{
			"zero values",
			wire.TokenRequest{GrantType: "", TTL: wire.Ptr(0), Remember: wire.NewNullable(false)},
			map[string][]string{"grant_type": {""}, "ttl": {"0"}, "remember": {"false"}},
		},
		{
			"null is left out",
			wire.TokenRequest{GrantType: wire.TokenRequestGrantTypeClientCredentials, Remember: wire.Null[bool]()},
			map[string][]string{"grant_type": {"client_credentials"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, replyJSON(200, `{"token":"tok"}`))
			res, err := srv.client(t).Sessions.CreateToken(t.Context(), tt.body, nil)
			require.NoError(t, err)
			require.NotNil(t, res.Token)
			assert.Equal(t, "tok", *res.Token)
			got := srv.only(t)
			assert.Equal(t, "POST", got.Method)
			assert.Equal(t, "/tokens", got.Path)
			assert.Equal(t, "application/x-www-form-urlencoded", got.Header.Get("Content-Type"))
			assert.Equal(t, tt.want, map[string][]string(parseQuery(t, string(got.Body))))
		})
	}
}

// TestFormBodyOfAnyFields checks a form body whose object declares no
// properties ({type: object, properties: {}}): the caller's map, each
// entry a field, and an empty form for none.
func TestFormBodyOfAnyFields(t *testing.T) {
	tests := []struct {
		name string
		body map[string]string
		want map[string][]string
	}{
		{"fields", map[string]string{"subject_token": "a b&c", "audience": ""}, map[string][]string{"subject_token": {"a b&c"}, "audience": {""}}},
		{"none", nil, map[string][]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
			require.NoError(t, srv.client(t).Sessions.ExchangeToken(t.Context(), tt.body, nil))
			got := srv.only(t)
			assert.Equal(t, "/tokens/exchange", got.Path)
			assert.Equal(t, "application/x-www-form-urlencoded", got.Header.Get("Content-Type"))
			assert.Equal(t, tt.want, map[string][]string(parseQuery(t, string(got.Body))))
		})
	}
}

// TestRawBody checks an octet-stream body: the reader's bytes are sent as
// they are, under application/octet-stream.
func TestRawBody(t *testing.T) {
	data := []byte("\x89PNG\r\n\x1a\n\x00\xff{\"not\":\"json\"}")
	tests := []struct {
		name string
		body func() io.Reader
	}{
		{"a reader that can seek", func() io.Reader { return bytes.NewReader(data) }},
		{"a reader that cannot", func() io.Reader { return io.MultiReader(bytes.NewReader(data)) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
			require.NoError(t, srv.client(t).Items.PutImage(t.Context(), "s1", "i1", tt.body(), nil))
			got := srv.only(t)
			assert.Equal(t, "PUT", got.Method)
			assert.Equal(t, "/stores/s1/items/i1/image", got.Path)
			assert.Equal(t, "application/octet-stream", got.Header.Get("Content-Type"))
			assert.Equal(t, data, got.Body)
		})
	}
}

// TestOptionalRawBody checks an optional raw body of another media type
// than octet-stream, held in the params: sent as it is under its media
// type, or not at all.
func TestOptionalRawBody(t *testing.T) {
	tests := []struct {
		name            string
		params          *wire.PutItemDescriptionParams
		wantBody        string
		wantContentType string
	}{
		{"nil params", nil, "", ""},
		{"no body", &wire.PutItemDescriptionParams{}, "", ""},
		{"body", &wire.PutItemDescriptionParams{Body: strings.NewReader("# Bolt\n\n*M4*, steel")}, "# Bolt\n\n*M4*, steel", "text/markdown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
			require.NoError(t, srv.client(t).Items.PutDescription(t.Context(), "s1", "i1", tt.params))
			got := srv.only(t)
			assert.Equal(t, "/stores/s1/items/i1/description", got.Path)
			assert.Equal(t, tt.wantContentType, got.Header.Get("Content-Type"))
			assert.Equal(t, tt.wantBody, string(got.Body))
		})
	}
}

// TestMultipartBody checks a multipart upload: one part, named after the
// schema's binary property, with the file's name, content type and bytes;
// the required query parameter beside it. An *os.File gives its base name
// and the type of its extension; a name cannot add headers to the part.
func TestMultipartBody(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "cat.png"), []byte("\x89PNG..."), 0o600))
	file, err := os.Open(filepath.Join(dir, "cat.png"))
	require.NoError(t, err)
	t.Cleanup(func() { file.Close() })
	tests := []struct {
		name            string
		file            wire.UploadFile
		wantName        string
		wantContentType string
	}{
		{"with a content type", wire.UploadFile{Reader: strings.NewReader("\x89PNG..."), Name: "a b.png", ContentType: "image/png"}, "a b.png", "image/png"},
		{"type from the extension", wire.UploadFile{Reader: strings.NewReader("\x89PNG..."), Name: "a.png"}, "a.png", "image/png"},
		{"without", wire.UploadFile{Reader: strings.NewReader("\x89PNG..."), Name: "x"}, "x", "application/octet-stream"},
		{"an *os.File", wire.UploadFile{Reader: file}, "cat.png", "image/png"},
		{"a name that would add headers", wire.UploadFile{Reader: strings.NewReader("\x89PNG..."), Name: "a.png\r\nContent-Type: text/html\r\n\r\n<script>", ContentType: "image/png"}, "a.png%0D%0AContent-Type: text/html%0D%0A%0D%0A<script>", "image/png"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, replyJSON(http.StatusCreated, `{"mediaUrl":"https://media.example.test/a"}`))
			res, err := srv.client(t).Items.UploadAttachment(t.Context(), "s1", wire.UploadAttachmentAccessPublic, tt.file, nil)
			require.NoError(t, err)
			require.NotNil(t, res.MediaURL)
			assert.Equal(t, "https://media.example.test/a", *res.MediaURL)

			got := srv.only(t)
			assert.Equal(t, "POST", got.Method)
			assert.Equal(t, "/stores/s1/attachments", got.Path)
			assert.Equal(t, "access=public", got.Query)
			media, params, err := mime.ParseMediaType(got.Header.Get("Content-Type"))
			require.NoError(t, err)
			assert.Equal(t, "multipart/form-data", media)
			parts := multipart.NewReader(bytes.NewReader(got.Body), params["boundary"])
			part, err := parts.NextPart()
			require.NoError(t, err)
			assert.Equal(t, "source", part.FormName())
			_, disposition, err := mime.ParseMediaType(part.Header.Get("Content-Disposition"))
			require.NoError(t, err)
			assert.Equal(t, tt.wantName, disposition["filename"])
			assert.Equal(t, tt.wantContentType, part.Header.Get("Content-Type"))
			assert.Len(t, part.Header, 2, "Content-Disposition and Content-Type only")
			content, err := io.ReadAll(part)
			require.NoError(t, err)
			assert.Equal(t, "\x89PNG...", string(content))
			_, err = parts.NextPart()
			assert.Equal(t, io.EOF, err, "one part only")
		})
	}
}

// TestEmptyResult checks operations that return only an error: success
// whether the body is empty (204) or an empty object, and an *APIError
// with the API's details otherwise.
func TestEmptyResult(t *testing.T) {
	tests := []struct {
		name       string
		reply      http.HandlerFunc
		wantStatus int // 0: success
	}{
		{"204", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) }, 0},
		{"an empty object", replyJSON(200, `{}`), 0},
		{"404", replyJSON(404, `{"errors":[{"code":"not_found","title":"Item not found"}]}`), 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, tt.reply)
			err := srv.client(t).Items.Delete(t.Context(), "s1", "i1", nil)
			got := srv.only(t)
			assert.Equal(t, "DELETE", got.Method)
			assert.Equal(t, "/stores/s1/items/i1", got.Path)
			if tt.wantStatus == 0 {
				assert.NoError(t, err)
				return
			}
			var apiErr *wire.APIError
			require.True(t, errors.As(err, &apiErr), "got %v", err)
			assert.Equal(t, tt.wantStatus, apiErr.StatusCode)
			assert.Equal(t, []wire.Error{{Code: "not_found", Title: "Item not found"}}, apiErr.Errors)
		})
	}
}

// TestRedirectOperation checks startLogin, whose answer is a redirect: it
// returns where the redirect points, resolved against the request, without
// following it; any other answer is an *APIError.
func TestRedirectOperation(t *testing.T) {
	t.Run("redirect", func(t *testing.T) {
		srv := newServer(t, func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Location", "/sso/start?from=app")
			w.WriteHeader(http.StatusFound)
		})
		loc, err := srv.client(t).Sessions.StartLogin(t.Context(), &wire.StartLoginParams{ReturnTo: wire.Ptr("/home?tab=1")})
		require.NoError(t, err)
		assert.Equal(t, srv.URL+"/sso/start?from=app", loc.String())
		got := srv.only(t)
		assert.Equal(t, "/login", got.Path)
		assert.Equal(t, "returnTo=%2Fhome%3Ftab%3D1", got.Query)
	})
	t.Run("not a redirect", func(t *testing.T) {
		srv := newServer(t, replyJSON(200, `{}`))
		_, err := srv.client(t).Sessions.StartLogin(t.Context(), nil)
		var apiErr *wire.APIError
		require.True(t, errors.As(err, &apiErr), "got %v", err)
		assert.Equal(t, 200, apiErr.StatusCode)
		assert.Empty(t, srv.only(t).Query)
	})
}

// TestRedirectFollowed checks an ordinary operation answered with a
// redirect: followed within the API's origin, credentials and header
// parameters kept; not followed to another origin, which receives nothing,
// the redirect being an *APIError.
func TestRedirectFollowed(t *testing.T) {
	t.Run("same origin", func(t *testing.T) {
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/stores/s1/items/i1" {
				http.Redirect(w, r, "/stores/s1/items/moved", http.StatusTemporaryRedirect)
				return
			}
			replyJSON(200, `{"id":"moved","status":"active"}`)(w, r)
		})
		item, err := srv.client(t, wire.WithBearerToken("tok")).Items.Get(t.Context(), "s1", "i1", &wire.GetItemParams{XTraceID: wire.Ptr("tr")})
		require.NoError(t, err)
		assert.Equal(t, "moved", item.ID)
		reqs := srv.requests()
		require.Len(t, reqs, 2)
		assert.Equal(t, "/stores/s1/items/moved", reqs[1].Path)
		assert.Equal(t, "Bearer tok", reqs[1].Header.Get("Authorization"))
		assert.Equal(t, "tr", reqs[1].Header.Get("X-Trace-Id"))
	})
	t.Run("another origin", func(t *testing.T) {
		elsewhere := newServer(t, replyJSON(200, anItem))
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, elsewhere.URL+"/stores/s1/items/i1", http.StatusTemporaryRedirect)
		})
		_, err := srv.client(t, wire.WithBearerToken("tok")).Items.Get(t.Context(), "s1", "i1", nil)
		var apiErr *wire.APIError
		require.True(t, errors.As(err, &apiErr), "got %v", err)
		assert.Equal(t, http.StatusTemporaryRedirect, apiErr.StatusCode)
		assert.Equal(t, elsewhere.URL+"/stores/s1/items/i1", apiErr.Header.Get("Location"))
		assert.Len(t, srv.requests(), 1)
		assert.Empty(t, elsewhere.requests(), "nothing reaches another origin")
	})
}
