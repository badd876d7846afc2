package emit

import (
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

func webhook(f *jen.File, hook *ir.Webhook) {
	p := hook.Payload.Name
	doc := "It fails only on malformed JSON and on a body that is not an object."
	body := []jen.Code{
		jen.Var().Id("payload").Id(p),
		jen.If(
			jen.Err().Op(":=").Id("unmarshalJSON").Call(jen.Id("body"), jen.Op("&").Id("payload"), jen.Parens(jen.Op("*").Id(p)).Dot("decodeJSON"), jen.Lit(p)),
			jen.Err().Op("!=").Nil(),
		).Block(jen.Return(jen.Nil(), jen.Err())),
	}
	if events := hook.EventsField; events != nil {
		doc = "It fails only on malformed JSON and on a body that is not an object with\nan " + strconv.Quote(events.JSONName) + " array."
		body = append(body, jen.If(jen.Id("payload").Dot(events.Name).Op("==").Nil()).Block(
			jen.Return(jen.Nil(), jen.Qual("errors", "New").Call(jen.Lit("sunco: webhook payload has no "+strconv.Quote(events.JSONName)+" array"))),
		))
	}
	body = append(body, jen.Return(jen.Op("&").Id("payload"), jen.Nil()))
	comment(f, "ParseWebhook decodes the body of a webhook request in one pass. Events of a")
	comment(f, "type this SDK does not know, or that are not objects (null included), decode")
	comment(f, "as Unknown variants without failing the others, and a property whose value")
	comment(f, "does not fit its type is kept in the Extra of its object. It does not check")
	comment(f, "the request: see [VerifyWebhookRequest].")
	comment(f, doc)
	f.Func().Id("ParseWebhook").Params(jen.Id("body").Index().Byte()).Params(jen.Op("*").Id(p), jen.Error()).Block(body...)
	f.Line()
	comment(f, "NewWebhookHandler returns an http.Handler for webhook deliveries. It accepts")
	comment(f, "POST requests whose X-API-Key header is secret ([VerifyWebhookRequest]), decodes")
	comment(f, "the payload with [ParseWebhook] and calls fn with it.")
	comment(f, "")
	comment(f, "Its answer tells SunCo what to do with the delivery. 200, when fn returns nil,")
	comment(f, "acknowledges it. 401 (a wrong key) and 400 (a body that is not a payload) are")
	comment(f, "not retried. 500, when fn returns an error or panics, makes SunCo deliver the")
	comment(f, "whole payload again later, every event of it, including those fn handled")
	comment(f, "before it failed: deduplicate events by their ID. [WithWebhookErrorFunc]")
	comment(f, "receives the error of every delivery not answered 200, which the handler does")
	comment(f, "not log itself.")
	comment(f, "")
	comment(f, "The body is read whole, up to [WithMaxBodyBytes], before fn is called. The")
	comment(f, "handler cannot bound the time a slow client takes to send it: the server's")
	comment(f, "[http.Server.ReadTimeout] does, so serve the handler with a server that sets")
	comment(f, "one.")
	f.Func().Id("NewWebhookHandler").Params(
		jen.Id("secret").String(),
		jen.Id("fn").Func().Params(jen.Qual("context", "Context"), jen.Op("*").Id(p)).Error(),
		jen.Id("opts").Op("...").Id("WebhookOption"),
	).Qual("net/http", "Handler").Block(
		jen.Return(jen.Id("newWebhookHandler").Call(jen.Id("secret"), jen.Id("ParseWebhook"), jen.Id("fn"), jen.Id("opts"))),
	)
	f.Line()
}
