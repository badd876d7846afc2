package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

func webhook(api *ir.API) *jen.File {
	f := newFile(api)
	p := api.Webhook.Payload.Name
	comment(f, "ParseWebhook decodes the body of a webhook request. Events of a type this SDK")
	comment(f, "does not know decode as Unknown variants without failing the others.")
	f.Func().Id("ParseWebhook").Params(jen.Id("body").Index().Byte()).Params(jen.Op("*").Id(p), jen.Error()).Block(
		jen.If(jen.Err().Op(":=").Id("requireProperty").Call(jen.Id("body"), jen.Lit("events")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err()),
		),
		jen.Var().Id("payload").Id(p),
		jen.If(jen.Err().Op(":=").Qual(jsonPkg, "Unmarshal").Call(jen.Id("body"), jen.Op("&").Id("payload")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err()),
		),
		jen.Return(jen.Op("&").Id("payload"), jen.Nil()),
	)
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
	return f
}
