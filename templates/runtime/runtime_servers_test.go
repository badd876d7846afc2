package sunco

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestServerOption: the option of a server URL template sets the base URL
// when the values of its variables pass their checks and make a base URL,
// and fails naming the option otherwise. A variable in the host must be a
// DNS label, so that no value points the client at another host.
func TestServerOption(t *testing.T) {
	zendesk := func(sub string) Option {
		return serverOption("WithZendeskSubdomain", "https://"+sub+".zendesk.com/sc", checkHostLabel("subdomain", sub))
	}
	region := func(r string) Option {
		return serverOption("WithPetstoreRegion", "https://api.petstore.io/"+r, checkOneOf("region", r, "us", "eu"))
	}
	tests := []struct {
		name    string
		opt     Option
		want    string
		wantErr string
	}{
		{name: "a subdomain", opt: zendesk("acme-2"), want: "https://acme-2.zendesk.com/sc"},
		{name: "an enum value", opt: region("eu"), want: "https://api.petstore.io/eu"},
		{name: "unchecked, in the path", opt: serverOption("WithX", "https://x.example/v2/"), want: "https://x.example/v2"},
		{name: "empty subdomain", opt: zendesk(""), wantErr: `sunco: WithZendeskSubdomain: "" is not a valid subdomain (a DNS label: `},
		{name: "another host", opt: zendesk("evil.com/x"), wantErr: `"evil.com/x" is not a valid subdomain`},
		{name: "leading dash", opt: zendesk("-acme"), wantErr: "not a valid subdomain"},
		{name: "trailing dash", opt: zendesk("acme-"), wantErr: "not a valid subdomain"},
		{name: "upper case", opt: zendesk("Acme"), wantErr: "not a valid subdomain"},
		{name: "the longest label", opt: zendesk(strings.Repeat("a", 63)), want: "https://" + strings.Repeat("a", 63) + ".zendesk.com/sc"},
		{name: "one character", opt: zendesk("a"), want: "https://a.zendesk.com/sc"},
		{name: "digits", opt: zendesk("0123"), want: "https://0123.zendesk.com/sc"},
		{name: "too long", opt: zendesk(strings.Repeat("a", 64)), wantErr: "not a valid subdomain"},
		{name: "an underscore", opt: zendesk("a_b"), wantErr: "not a valid subdomain"},
		{name: "two labels", opt: zendesk("a.b"), wantErr: "not a valid subdomain"},
		{name: "not an enum value", opt: region("us/../x"), wantErr: `sunco: WithPetstoreRegion: "us/../x" is not a valid region (one of ["us" "eu"])`},
		{name: "not a base URL", opt: serverOption("WithX", "https://x.example/?q"), wantErr: "sunco: WithX: URL must not have a query or fragment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := newTransport("https://api.smooch.io", testUserAgent, []Option{tt.opt})
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, tr.baseURL)
		})
	}
}

// TestDNSLabelEveryByte: each of the 256 bytes inside a label is taken
// when it is a lower-case letter, a digit or '-', and at either end when
// it is a letter or a digit.
func TestDNSLabelEveryByte(t *testing.T) {
	const inside, ends = "abcdefghijklmnopqrstuvwxyz0123456789-", "abcdefghijklmnopqrstuvwxyz0123456789"
	for c := range 256 {
		b := string([]byte{byte(c)})
		assert.Equal(t, strings.Contains(inside, b), isDNSLabel("a"+b+"z"), "byte %#x inside", c)
		assert.Equal(t, strings.Contains(ends, b), isDNSLabel(b+"a"), "byte %#x first", c)
		assert.Equal(t, strings.Contains(ends, b), isDNSLabel("a"+b), "byte %#x last", c)
		assert.Equal(t, strings.Contains(ends, b), isDNSLabel(b), "byte %#x alone", c)
	}
}
