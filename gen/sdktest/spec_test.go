package sdktest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// The pinned document, as `make` uses it (with the embedded overlay).
const specPath = "../../spec/openapi.yaml"

// webhookExample is one example of the webhook request body.
type webhookExample struct {
	Name string // its key under examples, e.g. "conversation:message"
	JSON []byte // its value, marshalled
}

// specWebhook is what the tests read from the document: the examples of
// the webhook body and the IR of the events union the SDK is generated
// from, and the IR of the whole SDK.
type specWebhook struct {
	Examples []webhookExample // sorted by name
	Events   *ir.Union
	API      *ir.API
}

// ExpectedType returns the Go type name an event whose discriminator is
// value decodes to: the variant the IR maps value to, or the Unknown
// variant for a value the document does not list.
func (s *specWebhook) ExpectedType(value string) string {
	for _, v := range s.Events.Variants {
		if slices.Contains(v.Values, value) {
			return v.Struct.Name
		}
	}
	return s.Events.Unknown
}

var (
	specOnce   sync.Once
	specResult *specWebhook
	specErr    error
)

// loadSpecWebhook loads the document once per test binary and fails tb
// when it cannot be used.
func loadSpecWebhook(tb testing.TB) *specWebhook {
	tb.Helper()
	specOnce.Do(func() { specResult, specErr = readSpecWebhook() })
	require.NoError(tb, specErr, "run `make` first: it fetches %s", specPath)
	return specResult
}

// readSpecWebhook generates the SDK's IR the way `make` does and takes from
// it the events union and the examples of the webhook body.
func readSpecWebhook() (*specWebhook, error) {
	res, err := generator.Generate(generator.Config{Spec: specPath, Package: "sunco"})
	if err != nil {
		return nil, err
	}
	api := res.API
	if api.Webhook == nil || api.Webhook.Events == nil {
		return nil, errors.New("the document describes no webhook events")
	}
	out := &specWebhook{Events: api.Webhook.Events, API: api}
	prefix := api.Webhook.Payload.Pointer[:len(api.Webhook.Payload.Pointer)-len("schema")] + "examples/"
	for _, ex := range api.Examples {
		if name, ok := strings.CutPrefix(ex.Pointer, prefix); ok {
			name = strings.NewReplacer("~1", "/", "~0", "~").Replace(name)
			out.Examples = append(out.Examples, webhookExample{Name: name, JSON: ex.JSON})
		}
	}
	if len(out.Examples) == 0 {
		return nil, fmt.Errorf("no examples under %s", prefix)
	}
	slices.SortFunc(out.Examples, func(a, b webhookExample) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}
