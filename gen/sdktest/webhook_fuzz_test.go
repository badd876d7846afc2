package sdktest

import (
	"encoding/json"
	"testing"

	"github.com/sunco-sdk/sunco-go/gen/sunco"
)

// FuzzParseWebhook checks that sunco.ParseWebhook never panics, whatever
// the body, and that a payload it accepts can be encoded again. The seed
// corpus is every webhook example of the document plus edge cases.
//
//	go test ./gen/sdktest -run '^$' -fuzz FuzzParseWebhook -fuzztime 20s
func FuzzParseWebhook(f *testing.F) {
	for _, ex := range loadSpecWebhook(f).Examples {
		f.Add(ex.JSON)
	}
	for _, seed := range []string{
		``,
		`{}`,
		`[]`,
		`null`,
		`{"events":null}`,
		`{"events":[]}`,
		`{"events":[1]}`,
		`{"events":[null]}`,
		`{"events":[{}]}`,
		`{"events":[{"type":null}]}`,
		`{"events":[{"type":7,"id":[]}]}`,
		`{"events":[{"type":"conversation:message","payload":null}]}`,
		`{"events":[{"type":"conversation:message","payload":{"message":{"content":{"type":"carousel","items":[{}]}}}}]}`,
		`{"events":[{"type":"no:such:event","payload":{"a":[1,{"b":null}]}}],"extra":true}`,
		unknownEventPayload,
		deliveryBody,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := sunco.ParseWebhook(body)
		if err != nil {
			return
		}
		if p == nil {
			t.Fatal("ParseWebhook returned neither a payload nor an error")
		}
		if _, err := json.Marshal(p); err != nil {
			t.Fatalf("ParseWebhook accepted %q, but the payload does not encode: %v", body, err)
		}
	})
}
