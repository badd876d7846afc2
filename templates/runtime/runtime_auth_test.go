package sunco

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAuthorizationHeader(t *testing.T) {
	tests := []struct {
		name string
		opt  Option
		want string
	}{
		{name: "none", want: ""},
		{name: "basic", opt: WithBasicAuth("app_123", "s3cret"), want: "Basic " + base64.StdEncoding.EncodeToString([]byte("app_123:s3cret"))},
		{name: "bearer", opt: WithBearerToken("tok.en.value"), want: "Bearer tok.en.value"},
		{name: "jwt", opt: WithJWT("app_123", "s3cret", "app"), want: "Bearer " + signJWT("app_123", "s3cret", "app")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, seen := recordingServer(t, replyJSON(200, `{}`))
			tr, _ := newTestTransport(t, srv.URL, tt.opt)
			require.NoError(t, tr.do(context.Background(), &request{Method: "GET", Path: "/v2/apps"}, nil, nil))
			assert.Equal(t, tt.want, seen.all()[0].header.Get("Authorization"))
		})
	}
}

func TestJWT(t *testing.T) {
	tests := []struct {
		name, keyID, secret, scope string
	}{
		{name: "app scope", keyID: "app_5963ceb97cde542d000dbdb1", secret: "s3cret", scope: "app"},
		{name: "account scope", keyID: "act_5963ceb97cde542d000dbdb1", secret: "another secret", scope: "account"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := newTransport("https://api.smooch.io", testUserAgent, []Option{WithJWT(tt.keyID, tt.secret, tt.scope)})
			require.NoError(t, err)
			token, ok := strings.CutPrefix(tr.auth.header(), "Bearer ")
			require.True(t, ok)
			parts := strings.Split(token, ".")
			require.Len(t, parts, 3)

			decode := func(s string) map[string]any {
				raw, err := base64.RawURLEncoding.DecodeString(s)
				require.NoError(t, err)
				var m map[string]any
				require.NoError(t, json.Unmarshal(raw, &m))
				return m
			}
			assert.Equal(t, map[string]any{"alg": "HS256", "typ": "JWT", "kid": tt.keyID}, decode(parts[0]))
			assert.Equal(t, map[string]any{"scope": tt.scope}, decode(parts[1]))

			mac := hmac.New(sha256.New, []byte(tt.secret))
			mac.Write([]byte(parts[0] + "." + parts[1]))
			sig, err := base64.RawURLEncoding.DecodeString(parts[2])
			require.NoError(t, err)
			assert.True(t, hmac.Equal(mac.Sum(nil), sig), "signature")
		})
	}
}

func TestCredentialsRedacted(t *testing.T) {
	const keyID, secret, token = "app_1", "hunter2-secret", "tok-hunter2"
	jwt := signJWT(keyID, secret, "app")
	forbidden := []string{
		secret, token, jwt,
		base64.StdEncoding.EncodeToString([]byte(keyID + ":" + secret)),
	}
	tests := []struct {
		name string
		opt  Option
	}{
		{name: "basic", opt: WithBasicAuth(keyID, secret)},
		{name: "bearer", opt: WithBearerToken(token)},
		{name: "jwt", opt: WithJWT(keyID, secret, "app")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := newTransport("http://127.0.0.1:1", testUserAgent, []Option{tt.opt})
			require.NoError(t, err)
			// client stands for the generated Client, which holds its
			// transport in an unexported field.
			type client struct{ t *transport }
			values := []any{tr, *tr, tr.auth, *tr.auth, tt.opt, client{tr}, &client{tr}}
			for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
				for _, v := range values {
					out := fmt.Sprintf(verb, v)
					for _, f := range forbidden {
						assert.NotContains(t, out, f, "%s of %T", verb, v)
					}
				}
			}
			assert.Contains(t, fmt.Sprintf("%+v", *tr.auth), "REDACTED")
		})
	}
}

func TestCredentialsNotInErrors(t *testing.T) {
	const secret = "hunter2-secret"
	tests := []struct {
		name    string
		handler http.HandlerFunc
	}{
		{name: "api error", handler: replyJSON(401, `{"errors":[{"code":"unauthorized","title":"Authorization is invalid"}]}`)},
		{name: "decode error", handler: replyJSON(200, `{`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := recordingServer(t, tt.handler)
			tr, _ := newTestTransport(t, srv.URL, WithBasicAuth("app_1", secret))
			err := tr.do(context.Background(), &request{Method: "GET", Path: "/v2/apps"}, &map[string]any{}, nil)
			require.Error(t, err)
			for _, s := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)} {
				assert.NotContains(t, s, secret)
				assert.NotContains(t, s, base64.StdEncoding.EncodeToString([]byte("app_1:"+secret)))
			}
		})
	}
}
