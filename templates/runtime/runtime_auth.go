package sunco

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// WithBasicAuth authenticates every request with an API key: its id is the
// user name and its secret the password of HTTP Basic authentication.
func WithBasicAuth(keyID, secret string) Option {
	return func(t *transport) error {
		if keyID == "" || secret == "" {
			return errors.New(sdkName + ": WithBasicAuth: empty key id or secret")
		}
		if strings.Contains(keyID, ":") {
			return errors.New(sdkName + ": WithBasicAuth: key id contains ':'")
		}
		t.auth = newCredentials("Basic", base64.StdEncoding.EncodeToString([]byte(keyID+":"+secret)))
		return nil
	}
}

// WithBearerToken authenticates every request with token, typically a JWT
// signed elsewhere.
func WithBearerToken(token string) Option {
	return func(t *transport) error {
		if token == "" {
			return errors.New(sdkName + ": WithBearerToken: empty token")
		}
		if err := checkHeaderValue(token); err != nil {
			return fmt.Errorf(sdkName+": WithBearerToken: token: %w", err)
		}
		t.auth = newCredentials("Bearer", token)
		return nil
	}
}

// WithJWT authenticates every request with a JWT signed (HS256) by the API
// key keyID/secret. scope is "app" for an app key or "account" for an account
// or service account key. The token is signed once, here; it carries no
// expiry, as the API accepts.
func WithJWT(keyID, secret, scope string) Option {
	return func(t *transport) error {
		if keyID == "" || secret == "" {
			return errors.New(sdkName + ": WithJWT: empty key id or secret")
		}
		if scope != "app" && scope != "account" {
			return fmt.Errorf(sdkName+": WithJWT: scope %q must be \"app\" or \"account\"", scope)
		}
		t.auth = newCredentials("Bearer", signJWT(keyID, secret, scope))
		return nil
	}
}

// signJWT returns the compact serialization of an HS256 JWT with the header
// the API requires ({"alg","typ","kid"}) and a single "scope" claim.
func signJWT(keyID, secret, scope string) string {
	// Marshalling structs of strings cannot fail.
	header, _ := json.Marshal(struct {
		Alg string `json:"alg"`
		Typ string `json:"typ"`
		Kid string `json:"kid"`
	}{"HS256", "JWT", keyID})
	claims, _ := json.Marshal(struct {
		Scope string `json:"scope"`
	}{scope})
	enc := base64.RawURLEncoding
	signed := enc.EncodeToString(header) + "." + enc.EncodeToString(claims)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(signed))
	return signed + "." + enc.EncodeToString(mac.Sum(nil))
}

// credentials holds the ready Authorization header value. It must not leak
// through fmt: a Client reaches it through unexported fields, where fmt
// ignores Format and String methods and, for a verb such as %s, even prints
// the struct a pointer points to. A func is printed as its address whatever
// the verb, so the value is kept inside a closure.
type credentials struct {
	scheme string        // "Basic" or "Bearer": safe to show
	header func() string // the secret value
}

func newCredentials(scheme, value string) *credentials {
	header := scheme + " " + value
	return &credentials{scheme: scheme, header: func() string { return header }}
}

// String returns a redacted description, for code that prints credentials
// directly.
func (c credentials) String() string {
	return sdkName + ".credentials{" + c.scheme + " REDACTED}"
}

// Format prints the redacted description for every verb, including %#v
// and %x, which would otherwise bypass String.
func (c credentials) Format(f fmt.State, _ rune) {
	io.WriteString(f, c.String())
}
