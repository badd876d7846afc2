package build

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// The names of the webhook types are part of the SDK's contract.
const (
	webhookPayloadName = "WebhookPayload"
	webhookPrefix      = "Webhook" // inline types of the payload: WebhookEvent, ...
	webhookEventsField = "events"
)

// webhookBody is the request body of a webhook: the payload posted to
// webhook targets.
type webhookBody struct {
	pointer string // of its schema
	op      *openapi3.Operation
	media   *openapi3.MediaType
}

// webhookPayload finds the JSON request body of the first x-webhooks entry
// that has one; nil when there is none.
func (b *builder) webhookPayload() *webhookBody {
	for _, name := range sortedKeys(b.hooks) {
		op := b.hooks[name].Post
		if op == nil || op.RequestBody == nil || op.RequestBody.Value == nil {
			continue
		}
		mt := op.RequestBody.Value.Content.Get(jsonMedia)
		if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
			continue
		}
		return &webhookBody{
			pointer: jsonptr.Join("/x-webhooks", name, "post", "requestBody", "content", jsonMedia, "schema"),
			op:      op,
			media:   mt,
		}
	}
	return nil
}

// webhook builds the payload posted to webhook targets; nil when the
// document describes none, or one the SDK cannot describe.
func (b *builder) webhook() *ir.Webhook {
	body := b.webhookPayload()
	if body == nil {
		return nil
	}
	schema := body.media.Schema
	if schema.Ref != "" || classify(schema.Value) != shapeStruct {
		b.warnf(body.pointer, "the webhook payload is not an inline object schema; the SDK has no webhook support")
		return nil
	}
	payload := &ir.Struct{Name: b.pkg.declare(body.pointer, webhookPayloadName), Pointer: body.pointer}
	b.typeDoc(payload, &openapi3.Schema{Description: body.op.Description, Deprecated: body.op.Deprecated}, "")
	b.use(payload, &role{kind: roleWebhook})
	b.decls = append(b.decls, payload)
	b.fillStruct(payload, schema.Value, webhookPrefix)
	b.recordExamples(body.media, body.pointer, &ir.Named{Decl: payload})
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
