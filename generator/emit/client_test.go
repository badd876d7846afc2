package emit

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// source is the Go source of code, as gofmt prints it.
func source(code ...jen.Code) string {
	return fmt.Sprintf("%#v", jen.Add(code...))
}

// point is a plain struct of an object parameter: x required, y optional.
var (
	point     = &ir.Struct{Name: "Point", Plain: true}
	pointKeys = []*ir.KeyField{
		{Field: "X", WireKey: "x", Type: ir.Int, Required: true},
		{Field: "Y", WireKey: "y", Type: &ir.Pointer{Elem: ir.Int}},
	}
	status = &ir.Enum{Name: "Status"}
)

// TestEncodeParam checks what each parameter style writes for each
// shape of value: the runtime call, the key, how an absent value is left
// out (a nil pointer, an unset or null Nullable), and the text of a value.
func TestEncodeParam(t *testing.T) {
	optionalPoint := &ir.Pointer{Elem: &ir.Named{Decl: point}}
	tests := []struct {
		name  string
		param *ir.Param
		want  string
	}{
		{
			"query: a required value",
			&ir.Param{WireName: "q", In: "query", Type: ir.String, Style: ir.FormExploded},
			`q.Set("q", formatParam(arg))`,
		},
		{
			"query: an optional value is left out when nil",
			&ir.Param{WireName: "limit", In: "query", Type: &ir.Pointer{Elem: ir.Int}, Style: ir.FormExploded},
			"if x := arg; x != nil {\n\tq.Set(\"limit\", formatParam(*x))\n}",
		},
		{
			"query: a nullable value is left out when unset or null",
			&ir.Param{WireName: "note", In: "query", Type: &ir.Nullable{Elem: ir.String}, Style: ir.FormExploded},
			"if x, ok := arg.Get(); ok {\n\tq.Set(\"note\", formatParam(x))\n}",
		},
		{
			"query: a timestamp in the API's layout",
			&ir.Param{WireName: "since", In: "query", Type: ir.Time, Style: ir.FormExploded},
			`q.Set("since", formatTime(arg))`,
		},
		{
			"form with explode: a list repeats the key",
			&ir.Param{WireName: "ids", In: "query", Type: &ir.Slice{Elem: ir.Int}, Style: ir.FormExploded},
			"for _, x := range arg {\n\tq.Add(\"ids\", formatParam(x))\n}",
		},
		{
			"form without explode: a list in one value",
			&ir.Param{WireName: "colors", In: "query", Type: &ir.Slice{Elem: ir.String}, Style: ir.FormCompact},
			`q.setList(styleForm, "colors", formatList(arg))`,
		},
		{
			"form without explode: a single value as with explode",
			&ir.Param{WireName: "limit", In: "query", Type: ir.Int, Style: ir.FormCompact},
			`q.Set("limit", formatParam(arg))`,
		},
		{
			"pipeDelimited: a list",
			&ir.Param{WireName: "sizes", In: "query", Type: &ir.Slice{Elem: &ir.Named{Decl: status}}, Style: ir.PipeDelimited},
			`q.setList(stylePipeDelimited, "sizes", formatList(arg))`,
		},
		{
			"spaceDelimited: an object's keys and values in one value",
			&ir.Param{WireName: "box", In: "query", Type: optionalPoint, Style: ir.SpaceDelimited, Properties: pointKeys},
			"if v := arg; v != nil {\n\tvar kv []string\n\tkv = append(kv, \"x\", formatParam(v.X))\n\tif x := v.Y; x != nil {\n\t\tkv = append(kv, \"y\", formatParam(*x))\n\t}\n\tq.setList(styleSpaceDelimited, \"box\", kv)\n}",
		},
		{
			"form with explode: an object's properties as parameters",
			&ir.Param{WireName: "range", In: "query", Type: optionalPoint, Style: ir.FormExploded, Properties: pointKeys},
			"if v := arg; v != nil {\n\tq.Set(\"x\", formatParam(v.X))\n\tif x := v.Y; x != nil {\n\t\tq.Set(\"y\", formatParam(*x))\n\t}\n}",
		},
		{
			"deepObject: a required object",
			&ir.Param{WireName: "filter", In: "query", Type: &ir.Named{Decl: point}, Style: ir.DeepObject, Deep: pointKeys},
			"{\n\tv := arg\n\tq.Set(\"filter[x]\", formatParam(v.X))\n\tif x := v.Y; x != nil {\n\t\tq.Set(\"filter[y]\", formatParam(*x))\n\t}\n}",
		},
		{
			"header: a value",
			&ir.Param{WireName: "X-Count", In: "header", Type: &ir.Pointer{Elem: ir.Int}, Style: ir.Simple},
			"if x := arg; x != nil {\n\th.Set(\"X-Count\", formatParam(*x))\n}",
		},
		{
			"header: a list in one value",
			&ir.Param{WireName: "X-Trace", In: "header", Type: &ir.Slice{Elem: ir.String}, Style: ir.Simple},
			`setHeaderList(h, styleSimple, "X-Trace", formatList(arg))`,
		},
		{
			"header with explode: an object as key=value pairs",
			&ir.Param{WireName: "X-Range", In: "header", Type: optionalPoint, Style: ir.SimpleExploded, Properties: pointKeys},
			"if v := arg; v != nil {\n\tvar kv []string\n\tkv = append(kv, \"x\", formatParam(v.X))\n\tif x := v.Y; x != nil {\n\t\tkv = append(kv, \"y\", formatParam(*x))\n\t}\n\tsetHeaderList(h, styleSimpleExploded, \"X-Range\", kv)\n}",
		},
		{
			"cookie: a pair of the Cookie header",
			&ir.Param{WireName: "theme", In: "cookie", Type: &ir.Pointer{Elem: &ir.Named{Decl: status}}, Style: ir.FormCookie},
			"if x := arg; x != nil {\n\taddCookie(h, \"theme\", formatParam(*x))\n}",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, source(encodeParam(tt.param, jen.Id("arg"))))
		})
	}
}

// TestPathExpr checks the path a method requests: the template's
// literal text with each parameter, by its Go name, in its style.
func TestPathExpr(t *testing.T) {
	param := func(name, wire string, style ir.ParamStyle) *ir.Param {
		return &ir.Param{Name: name, WireName: wire, In: "path", Type: ir.String, Required: true, Style: style}
	}
	tests := []struct {
		path   string
		params []*ir.Param
		want   string
	}{
		{"/v2/apps", nil, `"/v2/apps"`},
		{"/v2/apps/{appId}", []*ir.Param{param("appID", "appId", ir.Simple)}, `"/v2/apps/" + escapePathSegment(appID)`},
		{"/{id}/", []*ir.Param{param("id", "id", ir.Simple)}, `"/" + escapePathSegment(id) + "/"`},
		{"/files/{name}.json", []*ir.Param{param("name", "name", ir.Simple)}, `"/files/" + escapePathSegment(name) + ".json"`},
		{
			"/a/{type}{color}/b",
			[]*ir.Param{param("typeParam", "type", ir.Label), param("color", "color", ir.Matrix)},
			`"/a/" + expandPath(styleLabel, "type", typeParam) + expandPath(styleMatrix, "color", color) + "/b"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			assert.Equal(t, tt.want, source(pathExpr(&ir.Operation{Path: tt.path, PathParams: tt.params})))
		})
	}
}

// TestParamTargets: query parameters need the query, header and cookie
// parameters the headers; path parameters neither.
func TestParamTargets(t *testing.T) {
	tests := []struct {
		in            []string
		query, header bool
	}{
		{nil, false, false},
		{[]string{"path"}, false, false},
		{[]string{"query"}, true, false},
		{[]string{"header"}, false, true},
		{[]string{"cookie"}, false, true},
		{[]string{"cookie", "query"}, true, true},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.in, ","), func(t *testing.T) {
			var params []*ir.Param
			for _, in := range tt.in {
				params = append(params, &ir.Param{In: in})
			}
			query, header := paramTargets(params)
			assert.Equal(t, tt.query, query, "query")
			assert.Equal(t, tt.header, header, "header")
		})
	}
}

// TestSendBody checks how each body encoding is put into the request.
func TestSendBody(t *testing.T) {
	tests := []struct {
		name string
		body *ir.Body
		want string
	}{
		{"JSON", &ir.Body{Encoding: ir.JSONBody, Type: &ir.Named{Decl: point}}, "req.Body = body"},
		{"multipart", &ir.Body{Encoding: ir.MultipartBody, FileField: "source"}, `req.Multipart = body.part("source")`},
		{"raw", &ir.Body{Encoding: ir.RawBody, ContentType: "text/markdown"}, "req.Raw = &rawBody{\n\tContentType: \"text/markdown\",\n\tReader:      body,\n}"},
		{
			"form of declared fields",
			&ir.Body{Encoding: ir.FormBody, Type: &ir.Named{Decl: point}, Form: pointKeys},
			"form := url.Values{}\nform.Set(\"x\", formatParam(body.X))\nif x := body.Y; x != nil {\n\tform.Set(\"y\", formatParam(*x))\n}\nreq.Form = form",
		},
		{
			"form of any fields",
			&ir.Body{Encoding: ir.FormBody, Type: &ir.Map{Elem: ir.String}},
			"form := url.Values{}\nfor k, v := range body {\n\tform.Set(k, formatParam(v))\n}\nreq.Form = form",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var lines []string
			for _, c := range sendBody(tt.body, jen.Id("body")) {
				lines = append(lines, source(c))
			}
			assert.Equal(t, tt.want, strings.Join(lines, "\n"))
		})
	}
}

// TestDecodeResult checks how a result is decoded and returned: a struct
// with its own decoder and returned by pointer, any other type with its
// decoder and returned as it is.
func TestDecodeResult(t *testing.T) {
	union := &ir.Union{Name: "Shape", Decoder: "decodeShape"}
	tests := []struct {
		name   string
		result ir.Type
		want   string
	}{
		{
			"a struct",
			&ir.Pointer{Elem: &ir.Named{Decl: point}},
			"var out Point\nif err := s.t.do(ctx, req, &out, opts); err != nil {\n\treturn nil, err\n}\nreturn &out, nil",
		},
		{
			"a union",
			&ir.Named{Decl: union},
			"var out Shape\nif err := s.t.do(ctx, req, decodeInto(&out, decodeShape, \"Shape\"), opts); err != nil {\n\treturn nil, err\n}\nreturn out, nil",
		},
		{
			"a list",
			&ir.Slice{Elem: ir.String},
			"var out []string\nif err := s.t.do(ctx, req, decodeInto(&out, func(v *[]string, l *jsonLexer) bool {\n\treturn decodeSlice(v, l, decodeString)\n}, \"[]string\"), opts); err != nil {\n\treturn nil, err\n}\nreturn out, nil",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var lines []string
			for _, c := range decodeResult(tt.result) {
				lines = append(lines, source(c))
			}
			assert.Equal(t, tt.want, strings.Join(lines, "\n"))
		})
	}
}

// TestSignature checks the order of a method's parameters: ctx, the path
// parameters, the required query, header and cookie parameters, a
// required body, the Params struct and the request options.
func TestSignature(t *testing.T) {
	op := &ir.Operation{
		PathParams: []*ir.Param{{Name: "storeID", Type: ir.String}},
		Args:       []*ir.Param{{Name: "tenant", Type: ir.String}, {Name: "ids", Type: &ir.Slice{Elem: ir.Int}}},
		Body:       &ir.Body{Encoding: ir.MultipartBody, Required: true, Arg: "file"},
		Params:     &ir.ParamsStruct{Name: "UploadParams"},
	}
	assert.Equal(t,
		"func f(ctx context.Context, storeID string, tenant string, ids []int, file UploadFile, params *UploadParams, opts ...RequestOption) {\n}",
		source(jen.Func().Id("f").Params(signature(op)...).Block()))
	assert.Equal(t, "f(ctx, storeID, tenant, ids, file)", source(jen.Id("f").Call(args(op)...)), "what the iterator passes on")
}

// TestServerOptionChecks: each variable of a server option is checked as
// the IR says before it is put into the URL.
func TestServerOptionChecks(t *testing.T) {
	region := &ir.ServerVariable{Name: "region", WireName: "region", Check: ir.OneOf, Enum: []string{"eu", "us"}}
	sub := &ir.ServerVariable{Name: "subdomain", WireName: "subdomain", Check: ir.HostLabel}
	version := &ir.ServerVariable{Name: "version", WireName: "version", Check: ir.NoCheck}
	opt := &ir.ServerOption{
		Name:   "WithRegion",
		URL:    []ir.URLPart{{Literal: "https://"}, {Variable: sub}, {Literal: "."}, {Variable: region}, {Literal: ".example.test/"}, {Variable: version}},
		Params: []*ir.ServerVariable{sub, region, version},
	}
	f := jen.NewFile("sdk")
	serverOption(f, opt)
	assert.Contains(t, fmt.Sprintf("%#v", f),
		`func WithRegion(subdomain string, region string, version string) Option {
	return serverOption("WithRegion", "https://"+subdomain+"."+region+".example.test/"+version, checkHostLabel("subdomain", subdomain), checkOneOf("region", region, "eu", "us"))
}`)
}

// sampleService is a service with one paginated operation that uses
// every kind of parameter and a required body, and one with an optional
// form body and a redirect.
func sampleService() *ir.Service {
	page := &ir.Struct{Name: "ListPage", Plain: true, Fields: []*ir.Field{{Name: "After", JSONName: "after", Type: &ir.Pointer{Elem: ir.String}}}}
	after := &ir.KeyField{Field: "After", WireKey: "after", Type: &ir.Pointer{Elem: ir.String}}
	meta := &ir.Struct{Name: "Meta", Fields: []*ir.Field{
		{Name: "HasMore", JSONName: "hasMore", Type: ir.Bool},
		{Name: "AfterCursor", JSONName: "afterCursor", Type: &ir.Pointer{Elem: ir.String}},
	}}
	list := &ir.Struct{Name: "ItemList", Fields: []*ir.Field{
		{Name: "Items", JSONName: "items", Type: &ir.Slice{Elem: ir.String}},
		{Name: "Meta", JSONName: "meta", Type: &ir.Pointer{Elem: &ir.Named{Decl: meta}}},
	}}
	pageParam := &ir.Param{Name: "Page", WireName: "page", In: "query", Type: &ir.Pointer{Elem: &ir.Named{Decl: page}}, Style: ir.DeepObject, Deep: []*ir.KeyField{after}}
	list1 := &ir.Operation{
		Name: "List", ID: "listItems", Method: "GET", Path: "/stores/{storeId}/items",
		PathParams: []*ir.Param{{Name: "storeID", WireName: "storeId", In: "path", Type: ir.String, Required: true, Style: ir.Simple}},
		Args: []*ir.Param{
			{Name: "tenant", WireName: "X-Tenant", In: "header", Type: ir.String, Required: true, Style: ir.Simple},
			{Name: "session", WireName: "session", In: "cookie", Type: ir.String, Required: true, Style: ir.FormCookie},
			{Name: "colors", WireName: "colors", In: "query", Type: &ir.Slice{Elem: ir.String}, Required: true, Style: ir.FormCompact},
			{Name: "box", WireName: "box", In: "query", Type: &ir.Named{Decl: point}, Required: true, Style: ir.PipeDelimited, Properties: pointKeys},
		},
		Params: &ir.ParamsStruct{Name: "ListItemsParams", Fields: []*ir.Param{
			pageParam,
			{Name: "Sort", WireName: "sort", In: "query", Type: &ir.Pointer{Elem: ir.String}, Style: ir.FormExploded},
			{Name: "XTrace", WireName: "X-Trace", In: "header", Type: &ir.Slice{Elem: ir.String}, Style: ir.Simple},
		}},
		Body:   &ir.Body{Encoding: ir.JSONBody, Type: &ir.Named{Decl: point}, Required: true, Arg: "body"},
		Result: &ir.Pointer{Elem: &ir.Named{Decl: list}},
	}
	list1.Pager = &ir.Pager{
		Item: ir.String, Items: list.Fields[0], Meta: list.Fields[1], HasMore: meta.Fields[0], Cursor: meta.Fields[1],
		PageParam: pageParam, PageType: &ir.Named{Decl: page}, CursorKey: after, Iter: "ListIter", Reverse: true,
	}
	login := &ir.Operation{
		Name: "Login", ID: "login", Method: "POST", Path: "/login",
		Params:   &ir.ParamsStruct{Name: "LoginParams", BodyField: "Body"},
		Body:     &ir.Body{Encoding: ir.FormBody, Type: &ir.Map{Elem: ir.String}},
		Redirect: true,
	}
	return &ir.Service{Name: "ItemsService", Field: "Items", Operations: []*ir.Operation{list1, login}}
}

// TestMethodsDeclareOnlyReservedNames renders a service and checks that
// each of its functions declares, in its own scope (parameters, results,
// the statements of its body, and those of a function literal in it),
// only the names of ir.MethodLocals or those the IR gives its parameters:
// the builder keeps a parameter's name clear of the first, so no local
// hides a parameter. Names declared in an inner block of an if or for
// hold a value read before them and nothing else.
func TestMethodsDeclareOnlyReservedNames(t *testing.T) {
	svc := sampleService()
	allowed := slices.Clone(ir.MethodLocals)
	for _, op := range svc.Operations {
		for _, p := range slices.Concat(op.PathParams, op.Args) {
			allowed = append(allowed, p.Name)
		}
		if op.Body != nil && op.Body.Required {
			allowed = append(allowed, op.Body.Arg)
		}
	}
	api := &ir.API{Package: "sdk"}
	f := file(api, &ir.File{Name: "service_items.go", Service: svc})
	var buf bytes.Buffer
	require.NoError(t, f.Render(&buf))
	parsed, err := parser.ParseFile(token.NewFileSet(), "service_items.go", buf.Bytes(), 0)
	require.NoError(t, err, buf.String())
	funcs := 0
	for _, d := range parsed.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		funcs++
		for _, name := range scopeNames(fn.Recv, fn.Type, fn.Body) {
			assert.Contains(t, allowed, name, "%s declares %s", fn.Name.Name, name)
		}
	}
	assert.Equal(t, 4, funcs, "List, its Params' encode, ListIter and Login:\n%s", buf.String())
}

// scopeNames are the names a function declares in its own scope: its
// receiver, parameters and results, and those of the statements of its
// body, with those of the function literals in them.
func scopeNames(recv *ast.FieldList, typ *ast.FuncType, body *ast.BlockStmt) []string {
	var names []string
	fields := func(list *ast.FieldList) {
		if list == nil {
			return
		}
		for _, f := range list.List {
			for _, n := range f.Names {
				names = append(names, n.Name)
			}
		}
	}
	fields(recv)
	fields(typ.Params)
	fields(typ.Results)
	for _, stmt := range body.List {
		switch s := stmt.(type) {
		case *ast.AssignStmt:
			if s.Tok == token.DEFINE {
				for _, lhs := range s.Lhs {
					names = append(names, lhs.(*ast.Ident).Name)
				}
			}
		case *ast.DeclStmt:
			for _, spec := range s.Decl.(*ast.GenDecl).Specs {
				for _, n := range spec.(*ast.ValueSpec).Names {
					names = append(names, n.Name)
				}
			}
		}
		ast.Inspect(stmt, func(n ast.Node) bool {
			if lit, ok := n.(*ast.FuncLit); ok {
				names = append(names, scopeNames(nil, lit.Type, lit.Body)...)
				return false
			}
			return true
		})
	}
	return names
}

// TestPackageNamesAreReserved: the package-level names client.go,
// spec.go and the webhook's file declare are those of ir.PackageNames,
// besides the services and server options the IR names.
func TestPackageNamesAreReserved(t *testing.T) {
	payload := &ir.Struct{Name: "WebhookPayload"}
	api := &ir.API{
		Package:       "sdk",
		Services:      []*ir.Service{{Name: "ItemsService", Field: "Items"}},
		ServerOptions: []*ir.ServerOption{{Name: "WithRegion", URL: []ir.URLPart{{Literal: "https://eu.example.test"}}}},
		Webhook:       &ir.Webhook{Payload: payload},
	}
	allowed := append(slices.Clone(ir.PackageNames), "ItemsService", "WithRegion")
	files := []*jen.File{client(api), spec(api), file(api, &ir.File{Name: "webhook.go", Webhook: api.Webhook})}
	for _, f := range files {
		var buf bytes.Buffer
		require.NoError(t, f.Render(&buf))
		parsed, err := parser.ParseFile(token.NewFileSet(), "", buf.Bytes(), 0)
		require.NoError(t, err)
		for _, d := range parsed.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					assert.Contains(t, allowed, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						assert.Contains(t, allowed, s.Name.Name)
					case *ast.ValueSpec:
						for _, n := range s.Names {
							assert.Contains(t, allowed, n.Name)
						}
					}
				}
			}
		}
	}
}
