package emit

import (
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/sunco-sdk/sunco-go/generator/docs"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// The names the methods of the fake's services declare or use
// themselves: the receiver, the call being answered, the Params, the
// handler and its result (and err), all among ir.MethodLocals, which the
// operations' arguments avoid.
const (
	fakeRecv   = "s"
	fakeCall   = "req"
	fakeParams = "params"
	fakeHook   = "h"
	fakeResult = "res"
)

// fakeFiles are the files of the fake of api, in its directory: the
// package comment, the Server and a file per service.
func fakeFiles(api *ir.API) []File {
	fk := api.Fake
	in := func(name string) string { return path.Join(fk.Package, name) }
	files := []File{
		{Name: in("doc.go"), Emit: func() *jen.File { return fakeDoc(api) }},
		{Name: in("server.go"), Emit: func() *jen.File { return fakeServer(api) }},
	}
	for _, fs := range fk.Services {
		files = append(files, File{Name: in(fs.File), Emit: func() *jen.File { return fakeService(api, fs) }})
	}
	return files
}

// newFakeFile is a file of the fake, which imports the SDK under the name
// the IR gives it.
func newFakeFile(api *ir.API) *jen.File {
	f := jen.NewFile(api.Fake.Package)
	if api.Fake.SDKName == api.Package {
		f.ImportName(api.ImportPath, api.Package)
	} else {
		f.ImportAlias(api.ImportPath, api.Fake.SDKName)
	}
	return f
}

func fakeDoc(api *ir.API) *jen.File {
	f := newFakeFile(api)
	for _, line := range docs.Lines(api.Fake.Doc) {
		f.PackageComment(line)
	}
	return f
}

// fakeServer is server.go: the Server with a field per service, NewServer,
// Client, Requests, the webhook deliveries, and what the runtime needs to
// know of the SDK.
func fakeServer(api *ir.API) *jen.File {
	fk, sdk := api.Fake, api.ImportPath
	f := newFakeFile(api)
	comment(f, "Server is a fake of the API on 127.0.0.1: set the handlers of the operations")
	comment(f, "the test answers itself before the requests they answer. It is safe for")
	comment(f, "concurrent requests.")
	f.Type().Id("Server").StructFunc(func(g *jen.Group) {
		g.Comment("URL is the base URL of the server, http://127.0.0.1:port.")
		g.Id("URL").String()
		for _, fs := range fk.Services {
			doc(g, fs.FieldDoc)
			g.Id(fs.Field).Id(fs.Name)
		}
		if w := fk.Webhook; w != nil {
			g.Comment("Delivery is the webhook delivery SendWebhook and SendWebhookURL post, but")
			g.Comment("for its " + w.EventsField.Name + ", which are the events they are given: the app")
			g.Comment("and the webhook the deliveries come from.")
			g.Id("Delivery").Qual(sdk, w.Payload.Name)
		}
		g.Line()
		g.Id("fake").Op("*").Id("fake")
	})
	f.Line()

	comment(f, "NewServer starts a Server on 127.0.0.1, closed when the test t ends, with")
	comment(f, "no handler set.")
	var routes []jen.Code
	for _, fs := range fk.Services {
		routes = append(routes, jen.Id("s").Dot(fs.Field).Dot("routes").Call())
	}
	all := routes[0]
	if len(routes) > 1 {
		all = jen.Qual("slices", "Concat").Call(routes...)
	}
	f.Func().Id("NewServer").Params(jen.Id("t").Qual("testing", "TB"), jen.Id("opts").Op("...").Id("Option")).Op("*").Id("Server").Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Id("s").Op(":=").Op("&").Id("Server").Values(),
		jen.Id("s").Dot("fake").Op("=").Id("newFake").Call(jen.Id("t"), jen.Id("opts"), all, jen.Id("apiError"), jen.Id("knownTypes")),
		jen.Id("s").Dot("URL").Op("=").Id("s").Dot("fake").Dot("srv").Dot("URL"),
		jen.Return(jen.Id("s")),
	)
	f.Line()

	comment(f, "Client returns a client of the API that calls s for every operation, those")
	comment(f, "the API serves elsewhere too, with an API key s accepts, then configured by")
	comment(f, "opts. The server answers a status the client retries (429, and 5xx to a")
	comment(f, "request it may send again) with Retry-After: 0, unless the handler's error")
	comment(f, "sets one: the client retries without waiting.")
	f.Func().Params(jen.Id("s").Op("*").Id("Server")).Id("Client").Params(jen.Id("opts").Op("...").Qual(sdk, "Option")).Op("*").Qual(sdk, "Client").Block(
		jen.Id("s").Dot("fake").Dot("t").Dot("Helper").Call(),
		jen.List(jen.Id("c"), jen.Err()).Op(":=").Qual(sdk, "NewClient").Call(jen.Append(
			jen.Index().Qual(sdk, "Option").ValuesFunc(func(g *jen.Group) {
				g.Line().Qual(sdk, "WithBaseURL").Call(jen.Id("s").Dot("URL"))
				g.Line().Qual(sdk, "WithOperationBaseURL").Call(jen.Id("s").Dot("URL"))
				g.Line().Qual(sdk, "WithHTTPClient").Call(jen.Id("s").Dot("fake").Dot("srv").Dot("Client").Call())
				g.Line().Qual(sdk, "WithBasicAuth").Call(jen.Id("fakeName"), jen.Id("fakeName"))
				g.Line()
			}),
			jen.Id("opts").Op("..."),
		).Op("...")),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Id("s").Dot("fake").Dot("t").Dot("Fatalf").Call(jen.Lit("%s: Client: %v"), jen.Id("fakeName"), jen.Err()),
		),
		jen.Return(jen.Id("c")),
	)
	f.Line()

	comment(f, "Requests returns the requests s has received so far, in order.")
	f.Func().Params(jen.Id("s").Op("*").Id("Server")).Id("Requests").Params().Index().Id("Request").Block(
		jen.Return(jen.Id("s").Dot("fake").Dot("recorded").Call()),
	)
	f.Line()

	if fk.Webhook != nil {
		fakeWebhook(f, sdk, fk.Webhook)
	}

	comment(f, "apiError recognises the SDK's *APIError, which the server answers as the")
	comment(f, "API answers an error.")
	f.Func().Id("apiError").Params(jen.Err().Error()).Params(jen.Op("*").Id("errorAnswer"), jen.Bool()).Block(
		jen.Var().Id("e").Op("*").Qual(sdk, "APIError"),
		jen.If(jen.Op("!").Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("e"))).Block(jen.Return(jen.Nil(), jen.False())),
		jen.Return(jen.Id("newErrorAnswer").Call(
			jen.Id("e").Dot("StatusCode"), jen.Id("e").Dot("Header"), jen.Id("e").Dot("RequestID"),
			jen.Id("e").Dot("Errors"), jen.Len(jen.Id("e").Dot("Errors")),
		), jen.True()),
	)
	f.Line()
	knownTypes(f, sdk, api.Decls)
	return f
}

// fakeWebhook writes SendWebhook, SendWebhookURL and the delivery they
// post.
func fakeWebhook(f *jen.File, sdk string, w *ir.Webhook) {
	event := typeIn(sdk, w.EventsField.Type.(*ir.Slice).Elem)
	send := func(name string, target jen.Code, deliver string) {
		f.Func().Params(jen.Id("s").Op("*").Id("Server")).Id(name).Params(
			jen.Id("ctx").Qual("context", "Context"), target, jen.Id("secret").String(), jen.Id("events").Op("...").Add(event),
		).Params(jen.Op("*").Qual("net/http", "Response"), jen.Error()).Block(
			jen.List(jen.Id("body"), jen.Err()).Op(":=").Id("s").Dot("delivery").Call(jen.Id("events")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Return(jen.Id(deliver).Call(jen.Id("ctx"), jen.Id("target"), jen.Id("secret"), jen.Id("body"))),
		)
		f.Line()
	}
	comment(f, "SendWebhook posts a delivery of events to target, the application's webhook")
	comment(f, "handler, as the API posts one: s.Delivery with events as its "+w.EventsField.Name+",")
	comment(f, "encoded by the SDK, with secret in the X-API-Key header. target serves it")
	comment(f, "in the calling goroutine, at the path /; the response is its answer.")
	send("SendWebhook", jen.Id("target").Qual("net/http", "Handler"), "deliverTo")
	comment(f, "SendWebhookURL posts a delivery of events to target, the URL of the")
	comment(f, "application's webhook, as SendWebhook posts it to a handler. The caller")
	comment(f, "closes the response's body.")
	send("SendWebhookURL", jen.Id("target").String(), "deliverURL")

	comment(f, "delivery is s.Delivery with events as its "+w.EventsField.Name+", encoded by the SDK.")
	f.Func().Params(jen.Id("s").Op("*").Id("Server")).Id("delivery").Params(jen.Id("events").Index().Add(event)).Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Id("d").Op(":=").Id("s").Dot("Delivery"),
		jen.Id("d").Dot(w.EventsField.Name).Op("=").Id("events"),
		jen.List(jen.Id("body"), jen.Err()).Op(":=").Qual("encoding/json", "Marshal").Call(jen.Op("&").Id("d")),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit("%s: encoding the delivery: %w"), jen.Id("fakeName"), jen.Err())),
		),
		jen.Return(jen.Id("body"), jen.Nil()),
	)
	f.Line()
}

// knownTypes writes what the fake checks requests against besides their
// Go types: the Unknown variant of each union, the values of each enum.
func knownTypes(f *jen.File, sdk string, decls []ir.Decl) {
	unknown, enums := jen.Dict{}, jen.Dict{}
	for _, d := range decls {
		switch d := d.(type) {
		case *ir.Union:
			key := jen.Qual("reflect", "TypeFor").Types(jen.Op("*").Qual(sdk, d.Unknown)).Call()
			unknown[key] = jen.Values(jen.Dict{jen.Id("union"): jen.Lit(d.Name), jen.Id("discriminator"): jen.Lit(d.Discriminator)})
		case *ir.Enum:
			var values []jen.Code
			for _, v := range d.Values {
				values = append(values, jen.Lit(v.Value))
			}
			enums[jen.Qual("reflect", "TypeFor").Types(jen.Qual(sdk, d.Name)).Call()] = jen.Values(values...)
		}
	}
	comment(f, "knownTypes are the unions and enums of the SDK, which requests are checked")
	comment(f, "against.")
	f.Var().Id("knownTypes").Op("=").Id("sdkTypes").Values(jen.Dict{
		jen.Id("unknown"): jen.Map(jen.Qual("reflect", "Type")).Id("unknownVariant").Values(unknown),
		jen.Id("enums"):   jen.Map(jen.Qual("reflect", "Type")).Index().String().Values(enums),
	})
}

// fakeService is the file of a service of the fake: its struct of
// handlers, its routes and a method serving each operation.
func fakeService(api *ir.API, fs *ir.FakeService) *jen.File {
	sdk := api.ImportPath
	f := newFakeFile(api)
	doc(f, fs.Doc)
	f.Type().Id(fs.Name).StructFunc(func(g *jen.Group) {
		for _, h := range fs.Handlers {
			doc(g, h.Doc)
			g.Id(h.Operation.Name).Func().Params(handlerParams(sdk, h.Operation)...).Params(handlerResults(sdk, h.Operation)...)
		}
	})
	f.Line()
	var routes []jen.Code
	for _, h := range fs.Handlers {
		o := h.Operation
		routes = append(routes, jen.Id("newRoute").Call(
			jen.Lit(o.ID), jen.Lit(fs.Service.Field+"."+o.Name), jen.Lit(o.Method), jen.Lit(o.Path),
			jen.Id(fakeRecv).Dot(serveName(o)),
		))
	}
	comment(f, "routes are the operations of the service, each with the method serving it.")
	f.Func().Params(jen.Id(fakeRecv).Op("*").Id(fs.Name)).Id("routes").Params().Index().Op("*").Id("route").Block(
		jen.Return(jen.Index().Op("*").Id("route").ValuesFunc(func(g *jen.Group) {
			for _, r := range routes {
				g.Line().Add(r)
			}
			g.Line()
		})),
	)
	f.Line()
	for _, h := range fs.Handlers {
		serveOperation(f, sdk, fs, h.Operation)
	}
	return f
}

// serveName is the method serving o.
func serveName(o *ir.Operation) string { return "serve" + o.Name }

// handlerParams are the parameters of o's handler: the method's, without
// the request options.
func handlerParams(sdk string, o *ir.Operation) []jen.Code {
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range slices.Concat(o.PathParams, o.Args) {
		params = append(params, jen.Id(p.Name).Add(typeIn(sdk, p.Type)))
	}
	if b := o.Body; b != nil && b.Required {
		params = append(params, jen.Id(b.Arg).Add(bodyTypeIn(sdk, b)))
	}
	return append(params, jen.Id(fakeParams).Op("*").Qual(sdk, o.Params.Name))
}

// handlerResults are the results of o's handler: the method's.
func handlerResults(sdk string, o *ir.Operation) []jen.Code {
	switch {
	case o.Result != nil:
		return []jen.Code{typeIn(sdk, o.Result), jen.Error()}
	case o.Redirect:
		return []jen.Code{jen.Op("*").Qual("net/url", "URL"), jen.Error()}
	}
	return []jen.Code{jen.Error()}
}

// serveOperation writes the method serving o: it decodes the request into
// the handler's arguments, noting what the API would refuse, then answers
// with the handler, or without one as its doc says.
func serveOperation(f *jen.File, sdk string, fs *ir.FakeService, o *ir.Operation) {
	req := jen.Id(fakeCall)
	var body []jen.Code
	args := []jen.Code{req.Clone().Dot("r").Dot("Context").Call()}
	for _, p := range o.PathParams {
		body = append(body, jen.Id(p.Name).Op(":=").Add(req.Clone()).Dot("pathParam").Call(jen.Lit(p.WireName), jen.Id(fakeStyle[p.Style])))
		args = append(args, jen.Id(p.Name))
	}
	for _, p := range o.Args {
		body = append(body, jen.Var().Id(p.Name).Add(typeIn(sdk, p.Type)))
		body = append(body, decodeParam(sdk, p, jen.Id(p.Name))...)
		args = append(args, jen.Id(p.Name))
	}
	body = append(body, jen.Id(fakeParams).Op(":=").Op("&").Qual(sdk, o.Params.Name).Values())
	for _, p := range o.Params.Fields {
		body = append(body, decodeParam(sdk, p, jen.Id(fakeParams).Dot(p.Name))...)
	}
	if b := o.Body; b != nil {
		if b.Required {
			body = append(body, jen.Var().Id(b.Arg).Add(bodyTypeIn(sdk, b)))
			body = append(body, decodeBody(sdk, b, jen.Id(b.Arg))...)
			args = append(args, jen.Id(b.Arg))
		} else {
			body = append(body, decodeBody(sdk, b, jen.Id(fakeParams).Dot(o.Params.BodyField))...)
		}
	}
	args = append(args, jen.Id(fakeParams))
	body = append(body, jen.If(req.Clone().Dot("refused").Call()).Block(jen.Return()))
	body = append(body, answer(sdk, fs, o, args)...)
	comment(f, serveName(o)+" decodes a request of "+o.ID+" and answers it.")
	f.Func().Params(jen.Id(fakeRecv).Op("*").Id(fs.Name)).Id(serveName(o)).Params(req.Clone().Op("*").Id("call")).Block(body...)
	f.Line()
}

// answer calls the handler of o with args, or gives what the server
// answers without one, and answers with it.
func answer(sdk string, fs *ir.FakeService, o *ir.Operation, args []jen.Code) []jen.Code {
	hook := jen.Id(fakeHook)
	call := hook.Clone().Call(args...)
	status := jen.Lit(o.Status)
	req := jen.Id(fakeCall)
	hooked := []jen.Code{jen.Id(fakeHook).Op(":=").Id(fakeRecv).Dot(o.Name), jen.Id(fakeHook).Op("!=").Nil()}
	switch {
	case o.Result == nil && !o.Redirect:
		return []jen.Code{
			jen.Var().Err().Error(),
			jen.If(hooked...).Block(jen.Err().Op("=").Add(call)),
			req.Dot("answer").Call(status, jen.Nil(), jen.Err()),
		}
	case o.Redirect:
		return []jen.Code{
			jen.Var().Id(fakeResult).Op("*").Qual("net/url", "URL"),
			jen.Var().Err().Error(),
			jen.If(hooked...).Block(jen.List(jen.Id(fakeResult), jen.Err()).Op("=").Add(call)),
			req.Dot("redirect").Call(status, jen.Id(fakeResult), jen.Err()),
		}
	}
	fallback := jen.Id("zero").Types(typeIn(sdk, o.Result)).Call()
	if o.Example != nil {
		fallback = jen.Id("example").Call(stringLit(string(o.Example.JSON)), fakeDecoder(sdk, o.Result))
	}
	return []jen.Code{
		jen.Var().Id(fakeResult).Add(typeIn(sdk, o.Result)),
		jen.Var().Err().Error(),
		jen.If(hooked...).Block(
			jen.List(jen.Id(fakeResult), jen.Err()).Op("=").Add(call),
		).Else().Block(
			jen.List(jen.Id(fakeResult), jen.Err()).Op("=").Add(fallback),
		),
		req.Dot("answer").Call(status, jen.Id(fakeResult), jen.Err()),
	}
}

// fakeDecoder is the function decoding JSON into a value of type t with the
// SDK's codecs: encoding/json, which calls the UnmarshalJSON of the SDK's
// types, but for a union, which only the SDK's Unmarshal function decodes,
// and the slices, maps and pointers holding one.
func fakeDecoder(sdk string, t ir.Type) jen.Code {
	if !holdsUnion(t) {
		return jen.Id("decodeJSON").Types(typeIn(sdk, t))
	}
	switch t := t.(type) {
	case *ir.Named:
		return jen.Qual(sdk, t.Decl.(*ir.Union).Unmarshal)
	case *ir.Slice:
		return jen.Id("decodeSlice").Call(fakeDecoder(sdk, t.Elem))
	case *ir.Map:
		return jen.Id("decodeMap").Call(fakeDecoder(sdk, t.Elem))
	case *ir.Pointer:
		return jen.Id("decodePointer").Call(fakeDecoder(sdk, t.Elem))
	}
	panic("emit: no decoder")
}

// holdsUnion reports whether t is a union, or a slice, map or pointer of
// one.
func holdsUnion(t ir.Type) bool {
	switch t := t.(type) {
	case *ir.Named:
		_, ok := t.Decl.(*ir.Union)
		return ok
	case *ir.Slice:
		return holdsUnion(t.Elem)
	case *ir.Map:
		return holdsUnion(t.Elem)
	case *ir.Pointer:
		return holdsUnion(t.Elem)
	}
	return false
}

// decodeParam decodes the query, header or cookie parameter p into dst,
// as its style says: an object from its keys, a list written as one value
// from its items, any other value from the values it is sent as.
func decodeParam(sdk string, p *ir.Param, dst *jen.Statement) []jen.Code {
	req := jen.Id(fakeCall)
	keys := p.Properties
	if p.Style == ir.DeepObject {
		keys = p.Deep
	}
	if len(keys) > 0 {
		var names []jen.Code
		for _, k := range keys {
			names = append(names, jen.Lit(k.WireKey))
		}
		var fields []jen.Code
		if ptr, ok := p.Type.(*ir.Pointer); ok {
			fields = append(fields, dst.Clone().Op("=").Op("&").Add(typeIn(sdk, ptr.Elem)).Values())
		}
		for _, k := range keys {
			fields = append(fields, jen.Id("field").Call(req.Clone(), jen.Id("obj"), jen.Lit(k.WireKey), jen.Lit(k.Required),
				jen.Op("&").Add(dst.Clone().Dot(k.Field)), paramDecoder(sdk, k.Type)))
		}
		return []jen.Code{jen.If(
			jen.List(jen.Id("obj"), jen.Id("ok")).Op(":=").Add(req.Clone()).Dot("object").Call(
				jen.Lit(p.In), jen.Lit(p.WireName), jen.Id(fakeStyle[p.Style]), jen.Index().String().Values(names...), jen.Lit(p.Required)),
			jen.Id("ok"),
		).Block(fields...)}
	}
	if _, list := unwrap(p.Type).(*ir.Slice); list && p.Style != ir.FormExploded {
		return []jen.Code{jen.Id("listParam").Call(req.Clone(), jen.Lit(p.In), jen.Lit(p.WireName), jen.Id(fakeStyle[p.Style]),
			jen.Lit(p.Required), jen.Op("&").Add(dst), paramDecoder(sdk, p.Type))}
	}
	return []jen.Code{paramCall(sdk, p.In, p.WireName, p.Required, dst, p.Type)}
}

// fakeStyle names the fake runtime's paramStyle of each style.
var fakeStyle = map[ir.ParamStyle]string{
	ir.FormExploded:   "styleFormExploded",
	ir.FormCompact:    "styleForm",
	ir.SpaceDelimited: "styleSpaceDelimited",
	ir.PipeDelimited:  "stylePipeDelimited",
	ir.DeepObject:     "styleDeepObject",
	ir.Simple:         "styleSimple",
	ir.SimpleExploded: "styleSimpleExploded",
	ir.Label:          "styleLabel",
	ir.Matrix:         "styleMatrix",
	ir.FormCookie:     "styleFormExploded",
}

// paramCall decodes the parameter or form field name, in in, of type t
// into dst.
func paramCall(sdk, in, name string, required bool, dst *jen.Statement, t ir.Type) jen.Code {
	return jen.Id("param").Call(jen.Id(fakeCall), jen.Lit(in), jen.Lit(name), jen.Lit(required), jen.Op("&").Add(dst), paramDecoder(sdk, t))
}

// paramDecoder is the function decoding the values of a parameter of type
// t: the first value of a scalar, each value of a slice (one name=value
// per element, as the client sends them).
func paramDecoder(sdk string, t ir.Type) jen.Code {
	switch t := t.(type) {
	case *ir.Pointer:
		return jen.Id("pointer").Call(paramDecoder(sdk, t.Elem))
	case *ir.Nullable:
		return jen.Id("wrapped").Call(paramDecoder(sdk, t.Elem), jen.Qual(sdk, "NewNullable").Types(typeIn(sdk, t.Elem)))
	case *ir.Slice:
		return jen.Id("each").Call(paramParser(sdk, t.Elem))
	}
	return jen.Id("one").Call(paramParser(sdk, t))
}

// paramParser is the function parsing one value of a parameter of type t, a
// scalar or an enum.
func paramParser(sdk string, t ir.Type) jen.Code {
	switch t {
	case ir.String:
		return jen.Id("parseString").Types(jen.String())
	case ir.Int, ir.Int64:
		return jen.Id("parseInt").Types(typeIn(sdk, t))
	case ir.Float64:
		return jen.Id("parseFloat").Types(jen.Float64())
	case ir.Bool:
		return jen.Id("parseBool").Types(jen.Bool())
	case ir.Time:
		return jen.Id("parseTime")
	}
	return jen.Id("parseString").Types(typeIn(sdk, t)) // an enum
}

// decodeBody decodes the request body b into dst: the body argument, or
// the Params field of an optional body.
func decodeBody(sdk string, b *ir.Body, dst *jen.Statement) []jen.Code {
	req := jen.Id(fakeCall)
	switch b.Encoding {
	case ir.JSONBody:
		return []jen.Code{jen.Id("jsonBody").Call(req, jen.Lit(b.Required), jen.Op("&").Add(dst), fakeDecoder(sdk, b.Type))}
	case ir.FormBody:
		if m, ok := unwrap(b.Type).(*ir.Map); ok {
			return []jen.Code{jen.If(req.Clone().Dot("formBody").Call(jen.Lit(b.Required))).Block(
				jen.Id("formMap").Call(req.Clone(), jen.Op("&").Add(dst.Clone()), paramDecoder(sdk, m.Elem)),
				req.Clone().Dot("keepBody").Call(dst.Clone()),
			)}
		}
		var fields []jen.Code
		target := dst
		if ptr, ok := b.Type.(*ir.Pointer); ok {
			fields = append(fields, dst.Clone().Op("=").Op("&").Add(typeIn(sdk, ptr.Elem)).Values())
		}
		for _, k := range b.Form {
			fields = append(fields, paramCall(sdk, "form", k.WireKey, k.Required, target.Clone().Dot(k.Field), k.Type))
		}
		fields = append(fields, req.Clone().Dot("keepBody").Call(dst.Clone()))
		return []jen.Code{jen.If(req.Clone().Dot("formBody").Call(jen.Lit(b.Required))).Block(fields...)}
	case ir.MultipartBody:
		file := func() jen.Code {
			return jen.Qual(sdk, "UploadFile").Values(jen.Dict{
				jen.Id("Reader"):      jen.Qual("bytes", "NewReader").Call(jen.Id("out").Dot("content")),
				jen.Id("Name"):        jen.Id("out").Dot("name"),
				jen.Id("ContentType"): jen.Id("out").Dot("contentType"),
			})
		}
		amp := jen.Null()
		if !b.Required {
			amp = jen.Op("&")
		}
		return []jen.Code{jen.If(
			jen.List(jen.Id("out"), jen.Id("ok")).Op(":=").Add(req.Clone()).Dot("upload").Call(jen.Lit(b.FileField), jen.Lit(b.Required)),
			jen.Id("ok"),
		).Block(
			dst.Clone().Op("=").Add(amp.Clone()).Add(file()),
			req.Clone().Dot("keepBody").Call(jen.Add(amp.Clone()).Add(file())),
		)}
	}
	return []jen.Code{jen.If(
		jen.List(jen.Id("raw"), jen.Id("ok")).Op(":=").Add(req.Clone()).Dot("rawBody").Call(jen.Lit(b.ContentType), jen.Lit(b.Required)),
		jen.Id("ok"),
	).Block(
		dst.Clone().Op("=").Qual("bytes", "NewReader").Call(jen.Id("raw")),
		req.Clone().Dot("keepBody").Call(jen.Qual("bytes", "NewReader").Call(jen.Id("raw"))),
	)}
}

// stringLit is a string literal of s: raw, as JSON reads best, unless s
// holds what a raw string cannot.
func stringLit(s string) jen.Code {
	if strings.ContainsAny(s, "`\r") || !utf8.ValidString(s) {
		return jen.Lit(s)
	}
	return jen.Op("`" + s + "`")
}
