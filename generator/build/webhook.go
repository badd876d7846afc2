package build

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// The names of the webhook types are part of the SDK's contract.
const (
	webhookPayloadName = "WebhookPayload"
	webhookPrefix      = "Webhook" // inline types of the payload: WebhookEvent, ...
	webhookEventsField = "events"
)

// webhook builds the payload posted to webhook targets from the first
// x-webhooks entry with a JSON request body.
func (b *builder) webhook(hooks map[string]*openapi3.PathItem) *ir.Webhook {
	for _, name := range sortedKeys(hooks) {
		op := hooks[name].Post
		if op == nil || op.RequestBody == nil {
			continue
		}
		mt := op.RequestBody.Value.Content.Get(jsonMedia)
		if mt == nil || mt.Schema == nil {
			continue
		}
		pointer := pointerJoin("/x-webhooks", name, "post", "requestBody", "content", jsonMedia, "schema")
		if mt.Schema.Ref != "" || classify(mt.Schema.Value) != shapeStruct {
			fail(pointer, "webhook payload must be an inline object schema")
		}
		payload := &ir.Struct{Name: b.names.claim(webhookPayloadName), Doc: op.Description, Pointer: pointer}
		b.decls = append(b.decls, payload)
		b.fillStruct(payload, mt.Schema.Value, webhookPrefix)
		b.recordExamples(mt, pointer, &ir.Named{Decl: payload})
		w := &ir.Webhook{Payload: payload}
		for _, f := range payload.Fields {
			if s, ok := f.Type.(*ir.Slice); ok && f.JSONName == webhookEventsField {
				w.EventsField = f
				if n, ok := s.Elem.(*ir.Named); ok {
					w.Events, _ = n.Decl.(*ir.Union)
				}
			}
		}
		return w
	}
	return nil
}
