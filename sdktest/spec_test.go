package sdktest

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/build"
	"github.com/sunco-sdk/sunco-go/generator/emit"
	"github.com/sunco-sdk/sunco-go/generator/ir"
	"github.com/sunco-sdk/sunco-go/generator/load"
	"github.com/sunco-sdk/sunco-go/templates"
)

// The pinned document and its overlay, as `make` uses them.
const (
	specPath    = "../spec/openapi.yaml"
	overlayPath = "../spec/overlay.yaml"
	// webhookName is the x-webhooks entry describing webhook deliveries.
	webhookName = "Webhook Event"
)

// webhookExample is one example of the webhook request body.
type webhookExample struct {
	Name string // its key under examples, e.g. "conversation:message"
	JSON []byte // its value, marshalled
}

// specWebhook is what the tests read from the document: the examples of
// the webhook body and the IR of the events union the SDK is generated
// from.
type specWebhook struct {
	Examples []webhookExample // sorted by name
	Events   *ir.Union
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

// readSpecWebhook loads the document the way the generator does (same
// overlay, same reserved names) and extracts the webhook examples and the
// events union.
func readSpecWebhook() (*specWebhook, error) {
	overlay, err := os.ReadFile(overlayPath)
	if err != nil {
		return nil, err
	}
	loaded, err := load.Load(specPath, load.Options{Overlay: overlay, OverlayName: overlayPath})
	if err != nil {
		return nil, err
	}
	reserved, err := templates.RuntimeNames()
	if err != nil {
		return nil, err
	}
	api, err := build.Build(build.Input{
		Doc:      loaded.Doc,
		Webhooks: loaded.Webhooks,
		Reserved: append(reserved, emit.FixedNames...),
	}, "sunco")
	if err != nil {
		return nil, err
	}
	if api.Webhook == nil || api.Webhook.Events == nil {
		return nil, errors.New("the document describes no webhook events")
	}
	hook := loaded.Webhooks[webhookName]
	if hook == nil || hook.Post == nil || hook.Post.RequestBody == nil || hook.Post.RequestBody.Value == nil {
		return nil, fmt.Errorf("no x-webhooks %q post request body", webhookName)
	}
	media := hook.Post.RequestBody.Value.Content["application/json"]
	if media == nil {
		return nil, errors.New("no application/json webhook body")
	}
	out := &specWebhook{Events: api.Webhook.Events}
	for name, ref := range media.Examples {
		if ref == nil || ref.Value == nil {
			return nil, fmt.Errorf("webhook example %q is unresolved", name)
		}
		data, err := json.Marshal(ref.Value.Value)
		if err != nil {
			return nil, err
		}
		out.Examples = append(out.Examples, webhookExample{Name: name, JSON: data})
	}
	slices.SortFunc(out.Examples, func(a, b webhookExample) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}
