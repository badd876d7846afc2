package emit

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

func client(api *ir.API) *jen.File {
	f := newFile(api)
	comment(f, "DefaultBaseURL is the server a Client talks to unless told otherwise.")
	f.Const().Id("DefaultBaseURL").Op("=").Lit(api.DefaultBaseURL)
	f.Line()
	for _, opt := range api.ServerOptions {
		serverOption(f, opt)
	}
	doc(f, api.ClientDoc)
	f.Type().Id("Client").StructFunc(func(g *jen.Group) {
		for _, svc := range api.Services {
			doc(g, svc.FieldDoc)
			g.Id(svc.Field).Op("*").Id(svc.Name)
		}
	})
	f.Line()
	comment(f, "NewClient returns a Client configured by opts; without options it talks")
	comment(f, "to DefaultBaseURL with no credentials.")
	transport := jen.Id("t")
	if len(api.Services) == 0 {
		transport = jen.Id("_") // a document without operations: nothing uses it
	}
	f.Func().Id("NewClient").Params(jen.Id("opts").Op("...").Id("Option")).Params(jen.Op("*").Id("Client"), jen.Error()).Block(
		jen.List(transport, jen.Err()).Op(":=").Id("newTransport").Call(
			jen.Id("DefaultBaseURL"),
			jen.Lit(api.Package+"-go/").Op("+").Id("SpecVersion").Call(),
			jen.Id("opts"),
		),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Op("&").Id("Client").Values(jen.DictFunc(func(d jen.Dict) {
			for _, svc := range api.Services {
				d[jen.Id(svc.Field)] = jen.Op("&").Id(svc.Name).Values(jen.Dict{jen.Id("t"): jen.Id("t")})
			}
		})), jen.Nil()),
	)
	return f
}

// serverOption is the Option of a server URL template: the runtime's
// serverOption with the URL built from the parameters and their checks.
func serverOption(f *jen.File, opt *ir.ServerOption) {
	doc(f, opt.Doc)
	var params []jen.Code
	for _, v := range opt.Params {
		params = append(params, jen.Id(v.Name).String())
	}
	var url *jen.Statement
	for _, part := range opt.URL {
		piece := jen.Lit(part.Literal)
		if part.Variable != nil {
			piece = jen.Id(part.Variable.Name)
		}
		if url == nil {
			url = piece
		} else {
			url = url.Op("+").Add(piece)
		}
	}
	args := []jen.Code{jen.Lit(opt.Name), url}
	for _, v := range opt.Params {
		switch v.Check {
		case ir.HostLabel:
			args = append(args, jen.Id("checkHostLabel").Call(jen.Lit(v.WireName), jen.Id(v.Name)))
		case ir.OneOf:
			values := []jen.Code{jen.Lit(v.WireName), jen.Id(v.Name)}
			for _, e := range v.Enum {
				values = append(values, jen.Lit(e))
			}
			args = append(args, jen.Id("checkOneOf").Call(values...))
		}
	}
	f.Func().Id(opt.Name).Params(params...).Id("Option").Block(
		jen.Return(jen.Id("serverOption").Call(args...)),
	)
	f.Line()
}

func service(f *jen.File, svc *ir.Service) {
	doc(f, svc.Doc)
	f.Type().Id(svc.Name).Struct(jen.Id("t").Op("*").Id("transport"))
	f.Line()
	for _, op := range svc.Operations {
		paramsStruct(f, op)
		method(f, svc, op)
		if op.Pager != nil {
			iterMethod(f, svc, op)
		}
	}
}

// signature is the parameter list of an operation's method: ctx, the path
// parameters, the required query and header parameters, a required body,
// the Params struct and the request options.
func signature(op *ir.Operation) []jen.Code {
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range append(slices.Clone(op.PathParams), op.Args...) {
		params = append(params, jen.Id(p.Name).Add(typ(p.Type)))
	}
	if b := op.Body; b != nil && b.Required {
		params = append(params, jen.Id(b.Arg).Add(bodyType(b)))
	}
	return append(params,
		jen.Id("params").Op("*").Id(op.Params.Name),
		jen.Id("opts").Op("...").Id("RequestOption"),
	)
}

// args passes the method's positional parameters on, for the Iter variant.
func args(op *ir.Operation) []jen.Code {
	out := []jen.Code{jen.Id("ctx")}
	for _, p := range append(slices.Clone(op.PathParams), op.Args...) {
		out = append(out, jen.Id(p.Name))
	}
	if b := op.Body; b != nil && b.Required {
		out = append(out, jen.Id(b.Arg))
	}
	return out
}

// bodyType is the Go type of the request body, as a method parameter or
// the Params field of an optional body.
func bodyType(b *ir.Body) jen.Code { return bodyTypeIn("", b) }

// bodyTypeIn is bodyType in a package that imports the SDK from sdk.
func bodyTypeIn(sdk string, b *ir.Body) jen.Code {
	switch b.Encoding {
	case ir.MultipartBody:
		if !b.Required {
			return jen.Op("*").Qual(sdk, "UploadFile")
		}
		return jen.Qual(sdk, "UploadFile")
	case ir.RawBody:
		return jen.Qual("io", "Reader")
	}
	return typeIn(sdk, b.Type)
}

// sendBody sets the body of req from value, the body parameter or the
// Params field; a form body is encoded into the url.Values form first.
func sendBody(b *ir.Body, value *jen.Statement) []jen.Code {
	set := func(field string, v jen.Code) jen.Code { return jen.Id("req").Dot(field).Op("=").Add(v) }
	switch b.Encoding {
	case ir.MultipartBody:
		return []jen.Code{set("Multipart", value.Dot("part").Call(jen.Lit(b.FileField)))}
	case ir.RawBody:
		return []jen.Code{set("Raw", jen.Op("&").Id("rawBody").Values(jen.Dict{
			jen.Id("Reader"):      value,
			jen.Id("ContentType"): jen.Lit(b.ContentType),
		}))}
	case ir.FormBody:
		out := []jen.Code{jen.Id("form").Op(":=").Qual("net/url", "Values").Values()}
		if m, ok := b.Type.(*ir.Map); ok {
			out = append(out, jen.For(jen.List(jen.Id("k"), jen.Id("v")).Op(":=").Range().Add(value)).Block(
				setParam("form", jen.Id("k"), m.Elem, jen.Id("v")),
			))
		}
		for _, k := range b.Form {
			out = append(out, setParam("form", jen.Lit(k.WireKey), k.Type, value.Clone().Dot(k.Field)))
		}
		return append(out, set("Form", jen.Id("form")))
	}
	return []jen.Code{set("Body", value)}
}

// pathExpr builds the request path, escaping each path parameter into
// its own segment.
func pathExpr(op *ir.Operation) jen.Code {
	var parts []jen.Code
	rest := op.Path
	for _, p := range op.PathParams {
		before, after, _ := strings.Cut(rest, "{"+p.WireName+"}")
		if before != "" {
			parts = append(parts, jen.Lit(before))
		}
		parts = append(parts, pathValue(p))
		rest = after
	}
	if rest != "" || len(parts) == 0 {
		parts = append(parts, jen.Lit(rest))
	}
	expr := jen.Add(parts[0])
	for _, p := range parts[1:] {
		expr = expr.Op("+").Add(p)
	}
	return expr
}

// pathValue is the text of path parameter p in the path: its value
// escaped into one segment, after the prefix of its style.
func pathValue(p *ir.Param) jen.Code {
	if p.Style == ir.Simple {
		return jen.Id("escapePathSegment").Call(jen.Id(p.Name))
	}
	return jen.Id("expandPath").Call(jen.Id(runtimeStyle[p.Style]), jen.Lit(p.WireName), jen.Id(p.Name))
}

func method(f *jen.File, svc *ir.Service, op *ir.Operation) {
	doc(f, op.Doc)
	var body []jen.Code
	fail := []jen.Code{jen.Err()}
	if op.Result != nil || op.Redirect {
		fail = []jen.Code{jen.Nil(), jen.Err()}
	}
	if len(op.PathParams) > 0 {
		var pairs []jen.Code
		for _, p := range op.PathParams {
			pairs = append(pairs, jen.Lit(p.WireName), jen.Id(p.Name))
		}
		body = append(body, jen.If(jen.Err().Op(":=").Id("checkPathParams").Call(pairs...), jen.Err().Op("!=").Nil()).Block(jen.Return(fail...)))
	}
	req := jen.Dict{
		jen.Id("Method"): jen.Lit(op.Method),
		jen.Id("Path"):   pathExpr(op),
	}
	if op.Server != "" {
		req[jen.Id("Server")] = jen.Lit(op.Server)
	}
	query, header := paramTargets(append(slices.Clone(op.Args), op.Params.Fields...))
	if query {
		body = append(body, jen.Id("q").Op(":=").Id("query").Values())
		req[jen.Id("Query")] = jen.Id("q")
	}
	if header {
		body = append(body, jen.Id("h").Op(":=").Qual("net/http", "Header").Values())
		req[jen.Id("Header")] = jen.Id("h")
	}
	for _, p := range op.Args {
		body = append(body, encodeParam(p, jen.Id(p.Name)))
	}
	if len(op.Params.Fields) > 0 {
		body = append(body, jen.If(jen.Id("params").Op("!=").Nil()).Block(
			jen.Id("params").Dot("encode").Call(encodeArgs(op.Params)...),
		))
	}
	body = append(body, jen.Id("req").Op(":=").Op("&").Id("request").Values(req))
	if b := op.Body; b != nil {
		if b.Required {
			body = append(body, sendBody(b, jen.Id(b.Arg))...)
		} else {
			field := jen.Id("params").Dot(op.Params.BodyField)
			body = append(body, jen.If(jen.Id("params").Op("!=").Nil().Op("&&").Add(field.Clone()).Op("!=").Nil()).Block(sendBody(b, field)...))
		}
	}
	results := []jen.Code{jen.Error()}
	switch {
	case op.Result != nil:
		results = []jen.Code{typ(op.Result), jen.Error()}
		body = append(body, decodeResult(op.Result)...)
	case op.Redirect:
		results = []jen.Code{jen.Op("*").Qual("net/url", "URL"), jen.Error()}
		body = append(body, jen.Return(jen.Id("s").Dot("t").Dot("redirect").Call(jen.Id("ctx"), jen.Id("req"), jen.Id("opts"))))
	default:
		body = append(body, jen.Return(jen.Id("s").Dot("t").Dot("do").Call(jen.Id("ctx"), jen.Id("req"), jen.Nil(), jen.Id("opts"))))
	}
	f.Func().Params(jen.Id("s").Op("*").Id(svc.Name)).Id(op.Name).Params(signature(op)...).Params(results...).Block(body...)
	f.Line()
}

// decodeResult sends the request and decodes the response into out, with
// its UnmarshalJSON when it is a struct, else with its decoder, and returns
// out as result says: out itself, or a pointer to it.
func decodeResult(result ir.Type) []jen.Code {
	t, ret := result, jen.Id("out")
	if p, ok := result.(*ir.Pointer); ok {
		t, ret = p.Elem, jen.Op("&").Id("out")
	}
	var out jen.Code = jen.Op("&").Id("out")
	if _, isStruct := namedDecl(t).(*ir.Struct); !isStruct {
		out = jen.Id("decodeInto").Call(jen.Op("&").Id("out"), decoder(t), jen.Lit(typeName(t)))
	}
	return []jen.Code{
		jen.Var().Id("out").Add(typ(t)),
		jen.If(
			jen.Err().Op(":=").Id("s").Dot("t").Dot("do").Call(jen.Id("ctx"), jen.Id("req"), out, jen.Id("opts")),
			jen.Err().Op("!=").Nil(),
		).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(ret, jen.Nil()),
	}
}

// paramsStruct writes <OperationId>Params and, when it has parameters, its
// encode method, which puts each one that is set into the query string or
// headers.
func paramsStruct(f *jen.File, op *ir.Operation) {
	ps := op.Params
	doc(f, ps.Doc)
	f.Type().Id(ps.Name).StructFunc(func(g *jen.Group) {
		for _, p := range ps.Fields {
			doc(g, p.Doc)
			g.Id(p.Name).Add(typ(p.Type))
		}
		if ps.BodyField != "" {
			doc(g, ps.BodyDoc)
			g.Id(ps.BodyField).Add(bodyType(op.Body))
		}
	})
	f.Line()
	if len(ps.Fields) == 0 {
		return
	}
	var sets []jen.Code
	for _, p := range ps.Fields {
		sets = append(sets, encodeParam(p, jen.Id("p").Dot(p.Name)))
	}
	var params []jen.Code
	query, header := paramTargets(ps.Fields)
	if query {
		params = append(params, jen.Id("q").Id("query"))
	}
	if header {
		params = append(params, jen.Id("h").Qual("net/http", "Header"))
	}
	f.Func().Params(jen.Id("p").Op("*").Id(ps.Name)).Id("encode").Params(params...).Block(sets...)
	f.Line()
}

// paramTargets reports whether params go into the query string, and
// into the headers (header and cookie parameters).
func paramTargets(params []*ir.Param) (query, header bool) {
	for _, p := range params {
		switch p.In {
		case "query":
			query = true
		case "header", "cookie":
			header = true
		}
	}
	return query, header
}

// encodeArgs passes the query and header values to a Params' encode.
func encodeArgs(ps *ir.ParamsStruct) []jen.Code {
	var out []jen.Code
	query, header := paramTargets(ps.Fields)
	if query {
		out = append(out, jen.Id("q"))
	}
	if header {
		out = append(out, jen.Id("h"))
	}
	return out
}

// encodeParam adds the value of parameter p to the query string q or the
// headers h, as its style says.
func encodeParam(p *ir.Param, value *jen.Statement) jen.Code {
	target := "q"
	if p.In != "query" {
		target = "h"
	}
	name := jen.Lit(p.WireName)
	switch {
	case p.Style == ir.DeepObject:
		var keys []jen.Code
		for _, k := range p.Deep {
			keys = append(keys, setParam(target, jen.Lit(p.WireName+"["+k.WireKey+"]"), k.Type, jen.Id("v").Dot(k.Field)))
		}
		return object(p.Type, value, keys)
	case p.Style == ir.FormCookie:
		return present(p.Type, value, func(t ir.Type, v jen.Code) jen.Code {
			return jen.Id("addCookie").Call(jen.Id("h"), name, formatted(t, v))
		})
	case len(p.Properties) > 0 && p.Style == ir.FormExploded:
		var keys []jen.Code
		for _, k := range p.Properties {
			keys = append(keys, setParam(target, jen.Lit(k.WireKey), k.Type, jen.Id("v").Dot(k.Field)))
		}
		return object(p.Type, value, keys)
	case len(p.Properties) > 0:
		pairs := []jen.Code{jen.Var().Id("kv").Index().String()}
		for _, k := range p.Properties {
			pairs = append(pairs, present(k.Type, jen.Id("v").Dot(k.Field), func(t ir.Type, v jen.Code) jen.Code {
				return jen.Id("kv").Op("=").Append(jen.Id("kv"), jen.Lit(k.WireKey), formatted(t, v))
			}))
		}
		return object(p.Type, value, append(pairs, joinList(target, p.Style, name, jen.Id("kv"))))
	}
	if _, list := unwrap(p.Type).(*ir.Slice); list && p.Style != ir.FormExploded {
		return present(p.Type, value, func(_ ir.Type, v jen.Code) jen.Code {
			return joinList(target, p.Style, name, jen.Id("formatList").Call(v))
		})
	}
	return setParam(target, name, p.Type, value)
}

// object runs keys, which read the object parameter as v, with v the
// value of an object parameter unless a nil pointer leaves it out.
func object(t ir.Type, value jen.Code, keys []jen.Code) jen.Code {
	if _, ok := t.(*ir.Pointer); ok {
		return jen.If(jen.Id("v").Op(":=").Add(value), jen.Id("v").Op("!=").Nil()).Block(keys...)
	}
	return jen.Block(append([]jen.Code{jen.Id("v").Op(":=").Add(value)}, keys...)...)
}

// joinList writes values, the items of a list or an object's keys and
// values in turn, as the one value of name in style.
func joinList(target string, style ir.ParamStyle, name, values jen.Code) jen.Code {
	if target == "q" {
		return jen.Id("q").Dot("setList").Call(jen.Id(runtimeStyle[style]), name, values)
	}
	return jen.Id("setHeaderList").Call(jen.Id(target), jen.Id(runtimeStyle[style]), name, values)
}

// runtimeStyle names the runtime's paramStyle of each style that writes
// a list, an object or a path parameter as one value.
var runtimeStyle = map[ir.ParamStyle]string{
	ir.FormCompact:    "styleForm",
	ir.SpaceDelimited: "styleSpaceDelimited",
	ir.PipeDelimited:  "stylePipeDelimited",
	ir.Simple:         "styleSimple",
	ir.SimpleExploded: "styleSimpleExploded",
	ir.Label:          "styleLabel",
	ir.Matrix:         "styleMatrix",
}

// present runs write with the value of value, of type t, unless it is
// absent: a nil pointer, or a Nullable that is null or unset.
func present(t ir.Type, value jen.Code, write func(t ir.Type, v jen.Code) jen.Code) jen.Code {
	switch t := t.(type) {
	case *ir.Pointer:
		return jen.If(jen.Id("x").Op(":=").Add(value), jen.Id("x").Op("!=").Nil()).Block(
			present(t.Elem, jen.Op("*").Id("x"), write),
		)
	case *ir.Nullable:
		return jen.If(jen.List(jen.Id("x"), jen.Id("ok")).Op(":=").Add(value).Dot("Get").Call(), jen.Id("ok")).Block(
			present(t.Elem, jen.Id("x"), write),
		)
	}
	return write(t, value)
}

// formatted is the text of value, of the scalar type t.
func formatted(t ir.Type, value jen.Code) jen.Code {
	if t == ir.Time {
		return jen.Id("formatTime").Call(value)
	}
	return jen.Id("formatParam").Call(value)
}

// setParam adds value, of type t, under key unless it is absent; slices
// add one entry per element (form style, exploded). target is a query,
// an http.Header or a url.Values: each has Set and Add.
func setParam(target string, key jen.Code, t ir.Type, value jen.Code) jen.Code {
	return present(t, value, func(t ir.Type, v jen.Code) jen.Code {
		if s, ok := t.(*ir.Slice); ok {
			return jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Add(v)).Block(
				jen.Id(target).Dot("Add").Call(key, formatted(s.Elem, jen.Id("x"))),
			)
		}
		return jen.Id(target).Dot("Set").Call(key, formatted(t, v))
	})
}

// pageOrder is fetch, the function getting a page, or, for a list whose
// pages the iterator yields in reverse, fetch wrapped by reversePages.
func pageOrder(pg *ir.Pager, fetch jen.Code) jen.Code {
	if pg.Reverse {
		return jen.Id("reversePages").Call(fetch)
	}
	return fetch
}

// iterMethod writes <Operation>Iter, which follows the page cursors.
func iterMethod(f *jen.File, svc *ir.Service, op *ir.Operation) {
	pg := op.Pager
	name := pg.Iter
	doc(f, pg.IterDoc)
	item := typ(pg.Item)
	res := jen.Id("res")
	more := res.Clone().Dot(pg.Meta.Name).Dot(pg.HasMore.Name)
	var cond jen.Code = jen.Op("!").Add(more)
	if _, ok := pg.HasMore.Type.(*ir.Pointer); ok {
		cond = jen.Add(more.Clone()).Op("==").Nil().Op("||").Op("!").Op("*").Add(more.Clone())
	}
	if _, ok := pg.Meta.Type.(*ir.Pointer); ok {
		cond = jen.Add(res.Clone().Dot(pg.Meta.Name)).Op("==").Nil().Op("||").Add(cond)
	}
	var next jen.Code = res.Clone().Dot(pg.Meta.Name).Dot(pg.Cursor.Name)
	if _, ok := pg.Cursor.Type.(*ir.Pointer); !ok {
		next = jen.Op("&").Add(next)
	}
	var setCursor jen.Code = jen.Id("page").Dot(pg.CursorKey.Field).Op("=").Id("cursor")
	if _, ok := pg.CursorKey.Type.(*ir.Pointer); !ok {
		setCursor = jen.Id("page").Dot(pg.CursorKey.Field).Op("=").Op("*").Id("cursor")
	}
	pageField := jen.Id("p").Dot(pg.PageParam.Name)
	_, pagePtr := pg.PageParam.Type.(*ir.Pointer)
	var loadPage, storePage jen.Code
	if pagePtr {
		loadPage = jen.If(pageField.Clone().Op("!=").Nil()).Block(jen.Id("page").Op("=").Op("*").Add(pageField.Clone()))
		storePage = pageField.Clone().Op("=").Op("&").Id("page")
	} else {
		loadPage = jen.Id("page").Op("=").Add(pageField.Clone())
		storePage = pageField.Clone().Op("=").Id("page")
	}
	fetch := jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("cursor").Op("*").String()).Params(jen.Index().Add(item), jen.Bool(), jen.Op("*").String(), jen.Error()).Block(
		jen.Id("p").Op(":=").Id("base"),
		jen.If(jen.Id("cursor").Op("!=").Nil()).Block(
			jen.Var().Id("page").Add(typ(pg.PageType)),
			loadPage,
			setCursor,
			storePage,
		),
		jen.List(jen.Id("res"), jen.Err()).Op(":=").Id("s").Dot(op.Name).Call(append(args(op), jen.Op("&").Id("p"), jen.Id("opts").Op("..."))...),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.False(), jen.Nil(), jen.Err())),
		jen.If(cond).Block(jen.Return(res.Clone().Dot(pg.Items.Name), jen.False(), jen.Nil(), jen.Nil())),
		jen.Return(res.Clone().Dot(pg.Items.Name), jen.True(), next, jen.Nil()),
	)
	f.Func().Params(jen.Id("s").Op("*").Id(svc.Name)).Id(name).Params(signature(op)...).Qual("iter", "Seq2").Types(item, jen.Error()).Block(
		jen.Var().Id("base").Id(op.Params.Name),
		jen.If(jen.Id("params").Op("!=").Nil()).Block(jen.Id("base").Op("=").Op("*").Id("params")),
		jen.Return(jen.Id("paginate").Call(jen.Id("ctx"), pageOrder(pg, fetch))),
	)
	f.Line()
}
