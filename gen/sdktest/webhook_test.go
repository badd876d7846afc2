package sdktest

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/sunco"
)

// rawEvent is the part of an event the tests read from its JSON to know
// what to expect of its decoded form.
type rawEvent struct {
	ID        string          `json:"id"`
	Type      string          `json:"type"`
	CreatedAt string          `json:"createdAt"`
	Payload   json.RawMessage `json:"payload"`
}

// rawPayload is the part of a webhook body the tests read from its JSON.
type rawPayload struct {
	App    *struct{ ID string } `json:"app"`
	Events []json.RawMessage    `json:"events"`
}

// TestWebhookExamples decodes every webhook example of the document with
// sunco.ParseWebhook and checks that each event is the Go type the IR
// maps its type to, that its fields are populated, and that the payload
// re-encodes to the example. Examples that contradict their schema are no
// exception: the odd value is kept in Extra (TestWebhookReferralExample).
func TestWebhookExamples(t *testing.T) {
	spec := loadSpecWebhook(t)
	require.NotEmpty(t, spec.Examples, "the document has no webhook examples")

	parsed := 0
	for _, ex := range spec.Examples {
		ok := t.Run(ex.Name, func(t *testing.T) {
			var want rawPayload
			require.NoError(t, json.Unmarshal(ex.JSON, &want))
			require.NotEmpty(t, want.Events, "example has no events")

			p, err := sunco.ParseWebhook(ex.JSON)
			require.NoError(t, err)
			require.NotNil(t, p)

			if want.App != nil {
				require.NotNil(t, p.App)
				assert.Equal(t, want.App.ID, deref(p.App.ID), "app.id")
			}
			require.Len(t, p.Events, len(want.Events))
			var types []string
			for i, rawEv := range want.Events {
				var w rawEvent
				require.NoError(t, json.Unmarshal(rawEv, &w))
				ev := p.Events[i]
				require.NotNil(t, ev, "event %d", i)

				wantType := spec.ExpectedType(w.Type)
				require.NotEqual(t, spec.Events.Unknown, wantType, "event %d: the document maps no variant to %q", i, w.Type)
				gotType := reflect.TypeOf(ev).Elem().Name()
				assert.Equal(t, wantType, gotType, "event %d of type %q", i, w.Type)
				types = append(types, w.Type+" → "+gotType)

				assertEventFields(t, ev, w)
				if len(w.Payload) > 0 && !bytes.Equal(w.Payload, []byte("null")) {
					payload := reflect.ValueOf(ev).Elem().FieldByName("Payload")
					require.True(t, payload.IsValid(), "%s has no Payload field", gotType)
					assert.False(t, payload.IsZero(), "%s.Payload is empty", gotType)
				}
				if e, ok := ev.(*sunco.ConversationMessageEvent); ok {
					assertMessageText(t, e, w.Payload)
				}
			}

			out, err := json.Marshal(p)
			require.NoError(t, err)
			assert.JSONEq(t, string(ex.JSON), string(out), "re-encoded payload differs from the example")
			t.Logf("%s: %v", ex.Name, types)
		})
		if ok {
			parsed++
		}
	}
	t.Logf("webhook examples parsed: %d/%d", parsed, len(spec.Examples))
}

// TestWebhookReferralExample checks the conversation:referral example,
// whose payload.user.externalId is a number where the schema says string:
// it decodes into its own event type, the number kept in the user's Extra
// and ExternalID left absent, and encodes back unchanged.
func TestWebhookReferralExample(t *testing.T) {
	spec := loadSpecWebhook(t)
	i := slices.IndexFunc(spec.Examples, func(ex webhookExample) bool { return ex.Name == "conversation:referral" })
	require.GreaterOrEqual(t, i, 0, "the document has no conversation:referral example")
	p, err := sunco.ParseWebhook(spec.Examples[i].JSON)
	require.NoError(t, err)
	require.Len(t, p.Events, 1)
	ev, ok := p.Events[0].(*sunco.ConversationReferralEvent)
	require.True(t, ok, "event decodes as %T", p.Events[0])
	require.NotNil(t, ev.Payload)
	require.NotNil(t, ev.Payload.User)
	assert.False(t, ev.Payload.User.ExternalID.IsSet(), "ExternalID")
	assert.Equal(t, json.RawMessage("912382197"), ev.Payload.User.Extra["externalId"])
	out, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, string(spec.Examples[i].JSON), string(out))
}

// assertEventFields checks that the properties every event has (id, type,
// createdAt), read through the WebhookEvent getters, hold what the JSON
// says.
func assertEventFields(t *testing.T, ev sunco.WebhookEvent, w rawEvent) {
	t.Helper()
	assert.Equal(t, w.Type, ev.GetType(), "GetType")
	assert.Equal(t, w.ID, ev.GetID(), "GetID")
	var createdAt time.Time
	if w.CreatedAt != "" {
		var err error
		createdAt, err = time.Parse(time.RFC3339Nano, w.CreatedAt)
		require.NoError(t, err)
	}
	assert.Equal(t, createdAt, ev.GetCreatedAt(), "GetCreatedAt")
}

// assertMessageText checks that the text of a conversation:message event
// is the text of its JSON payload.
func assertMessageText(t *testing.T, e *sunco.ConversationMessageEvent, payload json.RawMessage) {
	t.Helper()
	var w struct {
		Message struct {
			Content struct {
				Type string  `json:"type"`
				Text *string `json:"text"`
			} `json:"content"`
		} `json:"message"`
	}
	require.NoError(t, json.Unmarshal(payload, &w))
	require.NotNil(t, e.Payload)
	require.NotNil(t, e.Payload.Message)
	if w.Message.Content.Type != "text" {
		return
	}
	text, ok := e.Payload.Message.Content.(*sunco.TextMessage)
	require.True(t, ok, "content is %T, want *sunco.TextMessage", e.Payload.Message.Content)
	require.NotNil(t, w.Message.Content.Text)
	require.NotNil(t, text.Text)
	assert.Equal(t, *w.Message.Content.Text, *text.Text)
}

// deref returns *p, or "" for nil.
func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// unknownEventPayload has a known event, an event of a type the SDK does
// not know, with properties in no particular order and whitespace, and
// another known event.
const unknownEventPayload = `{
	"app": {"id": "app-1"},
	"webhook": {"id": "wh-1", "version": "v2"},
	"events": [
		{"id": "ev-1", "type": "conversation:typing", "createdAt": "2024-01-02T03:04:05.000Z",
		 "payload": {"conversation": {"id": "conv-1"}}},
		{ "type" : "conversation:teleport",  "id":"ev-2",
		  "payload": {"to": {"planet": "Mars", "eta": [1, 2.50, null]}, "z": true, "a": "é\u00e9"},
		  "createdAt": "2024-01-02T03:04:06.000Z" },
		{"id": "ev-3", "type": "user:update", "payload": {"user": {"id": "user-1"}}}
	]
}`

// TestWebhookUnknownEvent checks that an event of an unknown type decodes
// as the Unknown variant, that it does not stop the others from decoding,
// and that it re-encodes unchanged.
func TestWebhookUnknownEvent(t *testing.T) {
	var raw rawPayload
	require.NoError(t, json.Unmarshal([]byte(unknownEventPayload), &raw))
	require.Len(t, raw.Events, 3)

	p, err := sunco.ParseWebhook([]byte(unknownEventPayload))
	require.NoError(t, err)
	require.Len(t, p.Events, 3)

	t.Run("known events still decode", func(t *testing.T) {
		typing, ok := p.Events[0].(*sunco.ConversationTypingEvent)
		require.True(t, ok, "event 0 is %T", p.Events[0])
		require.NotNil(t, typing.Payload)
		require.NotNil(t, typing.Payload.Conversation)
		assert.Equal(t, "conv-1", deref(typing.Payload.Conversation.ID))

		update, ok := p.Events[2].(*sunco.UserUpdateEvent)
		require.True(t, ok, "event 2 is %T", p.Events[2])
		assert.Equal(t, "ev-3", update.GetID())
	})

	t.Run("unknown event keeps type and raw JSON", func(t *testing.T) {
		unknown, ok := p.Events[1].(*sunco.UnknownWebhookEvent)
		require.True(t, ok, "event 1 is %T", p.Events[1])
		assert.Equal(t, "conversation:teleport", unknown.Type)
		assert.Equal(t, string(raw.Events[1]), string(unknown.Raw), "Raw is not the bytes received")
		assertEventFields(t, unknown, rawEvent{
			ID:        "ev-2",
			Type:      "conversation:teleport",
			CreatedAt: "2024-01-02T03:04:06.000Z",
		})
	})

	t.Run("re-encoding keeps the unknown event", func(t *testing.T) {
		out, err := json.Marshal(p)
		require.NoError(t, err)
		assert.JSONEq(t, unknownEventPayload, string(out))

		var again rawPayload
		require.NoError(t, json.Unmarshal(out, &again))
		require.Len(t, again.Events, 3)
		var want bytes.Buffer
		require.NoError(t, json.Compact(&want, raw.Events[1]))
		assert.Equal(t, want.String(), string(again.Events[1]), "unknown event changed (beyond whitespace)")
	})
}

// TestWebhookOddEvents checks that events that are not objects, null
// included, decode as Unknown events without failing the valid ones, and
// re-encode as they came.
func TestWebhookOddEvents(t *testing.T) {
	tests := []struct {
		name    string
		odd     string
		wantRaw string
	}{
		{name: "null", odd: `null`, wantRaw: `null`},
		{name: "a number", odd: `5`, wantRaw: `5`},
		{name: "a string", odd: `"conversation:message"`, wantRaw: `"conversation:message"`},
		{name: "an array", odd: `[]`, wantRaw: `[]`},
		{name: "an object without type", odd: `{"id":"ev-x"}`, wantRaw: `{"id":"ev-x"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := `{"events":[{"id":"ev-1","type":"conversation:typing","payload":{"conversation":{"id":"conv-1"}}},` + tt.odd + `,{"id":"ev-3","type":"user:update"}]}`
			p, err := sunco.ParseWebhook([]byte(body))
			require.NoError(t, err)
			require.Len(t, p.Events, 3)
			assert.IsType(t, &sunco.ConversationTypingEvent{}, p.Events[0])
			assert.IsType(t, &sunco.UserUpdateEvent{}, p.Events[2])
			unknown, ok := p.Events[1].(*sunco.UnknownWebhookEvent)
			require.True(t, ok, "event 1 is %T", p.Events[1])
			assert.Equal(t, tt.wantRaw, string(unknown.Raw))
			assert.Empty(t, unknown.Type)
			assert.Empty(t, p.Extra, "the events are not kept raw in Extra")
			out, err := json.Marshal(p)
			require.NoError(t, err)
			assert.JSONEq(t, body, string(out))
		})
	}
}
