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
	comment(f, "type this SDK does not know, or that are not objects, decode as Unknown")
	comment(f, "variants without failing the others, and a property whose value does not")
	comment(f, "fit its type is kept in the Extra of its object.")
	comment(f, doc)
	f.Func().Id("ParseWebhook").Params(jen.Id("body").Index().Byte()).Params(jen.Op("*").Id(p), jen.Error()).Block(body...)
	f.Line()
	comment(f, "NewWebhookHandler returns an http.Handler for webhook deliveries. It checks the")
	comment(f, "X-API-Key header against secret, decodes the payload with ParseWebhook and calls fn;")
	comment(f, "an error or panic in fn answers 500 so the delivery is retried.")
	f.Func().Id("NewWebhookHandler").Params(
		jen.Id("secret").String(),
		jen.Id("fn").Func().Params(jen.Qual("context", "Context"), jen.Op("*").Id(p)).Error(),
		jen.Id("opts").Op("...").Id("WebhookOption"),
	).Qual("net/http", "Handler").Block(
		jen.Return(jen.Id("newWebhookHandler").Call(jen.Id("secret"), jen.Id("ParseWebhook"), jen.Id("fn"), jen.Id("opts"))),
	)
	f.Line()
}
