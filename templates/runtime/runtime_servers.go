package sunco

import (
	"errors"
	"fmt"
	"slices"
)

// serverOption is the Option of a server URL template of the document
// (WithExampleRegion for https://{region}.example.com), named option: it
// sets the base URL to url, the template with the caller's values, unless
// one of checks, the checks of those values, failed or url is not a base
// URL.
func serverOption(option, url string, checks ...error) Option {
	return func(t *transport) error {
		err := errors.Join(checks...)
		if err == nil {
			url, err = parseBaseURL(url)
		}
		if err != nil {
			return fmt.Errorf(sdkName+": %s: %w", option, err)
		}
		t.baseURL = url
		return nil
	}
}

// checkHostLabel checks value, of the server variable name, which is in
// the URL's host name: it must be a DNS label, so that no value can point
// the client at another host.
func checkHostLabel(name, value string) error {
	if !isDNSLabel(value) {
		return fmt.Errorf("%q is not a valid %s (a DNS label: 1 to 63 of a-z, 0-9 and '-', not starting or ending with '-')", value, name)
	}
	return nil
}

// checkOneOf checks value, of the server variable name, against the
// values the document allows it.
func checkOneOf(name, value string, values ...string) error {
	if !slices.Contains(values, value) {
		return fmt.Errorf("%q is not a valid %s (one of %q)", value, name, values)
	}
	return nil
}

// isDNSLabel reports whether s is a lower-case DNS label (RFC 1123).
func isDNSLabel(s string) bool {
	if len(s) == 0 || len(s) > 63 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, c := range []byte(s) {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}
