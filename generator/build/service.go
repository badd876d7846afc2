package build

import (
	"cmp"
	"go/token"
	"go/types"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/sunco-sdk/sunco-go/generator/docs"
	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// paginationExtension, on an operation, names the cursor a paginated list
// follows: "after" (the default) or "before" for lists that page backwards,
// newest page first, each page in chronological order.
const paginationExtension = "x-pagination-direction"

var pathParam = regexp.MustCompile(`\{([^}]+)\}`)

// declareServices names a service per tag before any type is named: the
// service types are the SDK's own, so a schema named like one gives way,
// as it does for Client.
func (b *builder) declareServices() {
	b.byTag = map[string]*ir.Service{}
	fields := newScope("struct Client", b.warnf)
	for _, path := range sortedKeys(b.doc.Paths.Map()) {
		item := b.doc.Paths.Value(path)
		for _, method := range methodsOf(item) {
			tag := operationTag(item.GetOperation(method))
			if b.byTag[tag] == nil {
				pointer := jsonptr.Join("/paths", path, strings.ToLower(method), "tags")
				field := fields.declare(pointer, goName(tag))
				svc := &ir.Service{
					Name:  b.pkg.declare(pointer, field+"Service"),
					Field: field,
				}
				b.byTag[tag] = svc
				b.tags[svc] = tagOf(b.doc, tag)
			}
		}
	}
}

// operationTag is the tag an operation is grouped by: its first.
func operationTag(op *openapi3.Operation) string {
	if len(op.Tags) > 0 {
		return op.Tags[0]
	}
	return "Default"
}

// services groups the operations by their first tag, the services sorted
// by name, their operations in document order of the paths.
func (b *builder) services() []*ir.Service {
	for _, path := range sortedKeys(b.doc.Paths.Map()) {
		item := b.doc.Paths.Value(path)
		for _, method := range methodsOf(item) {
			op := item.GetOperation(method)
			svc := b.byTag[operationTag(op)]
			o := b.operation(path, method, item, op)
			b.serviceOf[o] = svc
			svc.Operations = append(svc.Operations, o)
		}
	}
	out := make([]*ir.Service, 0, len(b.byTag))
	for _, svc := range b.byTag {
		b.methodNames(svc)
		out = append(out, svc)
	}
	slices.SortFunc(out, func(x, y *ir.Service) int { return strings.Compare(x.Field, y.Field) })
	return out
}

// methodNames names the methods of a service: each operationId without
// the words of the service's noun that follow its verb, as go-github and
// Stainless SDKs do (ListMessages is Messages.List, DeleteUserPersonal-
// Information is Users.DeletePersonalInformation). Operations that would
// share a name keep their whole names. Iterators are the method's name
// plus Iter.
func (b *builder) methodNames(svc *ir.Service) {
	stripped := map[*ir.Operation]string{}
	count := map[string]int{}
	for _, o := range svc.Operations {
		stripped[o] = stripNoun(goName(o.ID), svc.Field)
		count[stripped[o]]++
	}
	methods := newScope("the methods of "+svc.Name, b.warnf)
	for _, o := range svc.Operations {
		name := stripped[o]
		if count[name] > 1 {
			name = goName(o.ID)
		}
		o.Name = methods.declare(o.Pointer, name)
		if o.Pager != nil {
			o.Pager.Iter = methods.declare(o.Pointer, o.Name+"Iter")
		}
	}
}

// stripNoun removes from an operation's Go name the words, after the
// first (its verb), that name what the service is about: ListCustom-
// IntegrationKeys in CustomIntegrationAPIKeys gives List.
func stripNoun(name, service string) string {
	noun := map[string]bool{}
	for _, w := range words(service) {
		noun[strings.ToLower(singular(w))] = true
	}
	ws := words(name)
	kept := ws[:1]
	for _, w := range ws[1:] {
		if !noun[strings.ToLower(singular(w))] {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, "")
}

// tagOf is the tag of the document named name; one it does not declare
// has only its name.
func tagOf(doc *openapi3.T, name string) *openapi3.Tag {
	if t := doc.Tags.Get(name); t != nil {
		return t
	}
	return &openapi3.Tag{Name: name}
}

// methodsOf lists the operations of a path item in a fixed order.
func methodsOf(item *openapi3.PathItem) []string {
	var out []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodHead, http.MethodOptions} {
		if item.GetOperation(m) != nil {
			out = append(out, m)
		}
	}
	return out
}

func (b *builder) operation(path, method string, item *openapi3.PathItem, op *openapi3.Operation) *ir.Operation {
	pointer := jsonptr.Join("/paths", path, strings.ToLower(method))
	id := op.OperationID
	if id == "" {
		id = derivedOperationID(method, path)
		b.warnf(pointer, "operation has no operationId; named %s after its method and path", id)
	}
	o := &ir.Operation{
		Name:    goName(id),
		ID:      id,
		Method:  method,
		Path:    path,
		Pointer: pointer,
		Server:  b.operationServer(path, pointer, item, op),
	}
	// An operationId the generator made up has no entry in the reference.
	b.methodDocs[o] = &docs.Method{
		Summary:     op.Summary,
		Description: b.description(op.Extensions, op.Description, pointer),
		OperationID: op.OperationID,
		Endpoint:    method + " " + o.Server + path,
		Server:      o.Server,
		Deprecated:  op.Deprecated,
	}
	params := mergeParams(path, pointer, item.Parameters, op.Parameters)
	args := b.methodScope(o)
	for _, m := range pathParam.FindAllStringSubmatch(path, -1) {
		o.PathParams = append(o.PathParams, b.pathParam(params, m[1], pointer, args))
	}
	b.requestBody(o, op, pointer)
	b.params(o, params, pointer, args)
	b.methodDocs[o].Args = argumentDocs(o, op, params)
	o.Result = b.result(o, op, pointer)
	o.Redirect = o.Result == nil && onlyRedirects(op)
	o.Status = successStatus(op, o.Redirect)
	o.Pager = pager(o, op)
	return o
}

// argumentDocs are the positional arguments of o's method after ctx, with
// the document's descriptions (what they are where it has none): the path
// parameters, the required query and header parameters, and the required
// body.
func argumentDocs(o *ir.Operation, op *openapi3.Operation, params paramList) []docs.Arg {
	var args []docs.Arg
	for _, p := range slices.Concat(o.PathParams, o.Args) {
		a := docs.Arg{Name: p.Name, Description: "The " + p.WireName + " " + p.In + " parameter."}
		if d := params.find(p.In, p.WireName); d != nil && d.ref.Value.Description != "" {
			a.Description = d.ref.Value.Description
		}
		args = append(args, a)
	}
	if body := o.Body; body != nil && body.Required {
		a := docs.Arg{Name: body.Arg, Description: op.RequestBody.Value.Description}
		if a.Description == "" {
			a.Description = bodyDescription(body)
		}
		args = append(args, a)
	}
	return args
}

// bodyDescription says what a request body is when the document does not.
func bodyDescription(body *ir.Body) string {
	switch body.Encoding {
	case ir.MultipartBody:
		return "The file to upload."
	case ir.RawBody:
		return "The request body, sent as " + body.ContentType + "."
	}
	return "The request body."
}

// operationServer returns the API root of an operation that the document
// gives servers of its own (the operation's, else its path's): the first
// whose URL needs no variables, as for the document's own servers. It is
// "" when there are none, and the operation calls the client's base URL.
func (b *builder) operationServer(path, pointer string, item *openapi3.PathItem, op *openapi3.Operation) string {
	servers, at := item.Servers, jsonptr.Join("/paths", path, "servers")
	if op.Servers != nil {
		servers, at = *op.Servers, jsonptr.Join(pointer, "servers")
	}
	if len(servers) == 0 {
		return ""
	}
	for _, s := range servers {
		if strings.Contains(s.URL, "{") {
			continue
		}
		if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil || strings.ContainsAny(s.URL, "?#") {
			b.errorf(at, "server %q is not an absolute http or https URL without credentials, query or fragment, which the SDK could call", s.URL)
			return ""
		}
		return strings.TrimSuffix(s.URL, "/")
	}
	b.errorf(at, "every server of the operation needs variables, which the SDK does not fill")
	return ""
}

// derivedOperationID names an operation that has no operationId after its
// method and the fixed segments of its path, leaving out a leading version
// (GET /v2/apps/{appId}/users gives GetAppsUsers).
func derivedOperationID(method, path string) string {
	name := goName(strings.ToLower(method))
	for i, seg := range strings.Split(path, "/") {
		if seg == "" || strings.Contains(seg, "{") || (i == 1 && versionSegment.MatchString(seg)) {
			continue
		}
		name += goName(seg)
	}
	return name
}

var versionSegment = regexp.MustCompile(`^v[0-9]+$`)

const (
	jsonMedia      = "application/json"
	multipartMedia = "multipart/form-data"
	formMedia      = "application/x-www-form-urlencoded"
	octetMedia     = "application/octet-stream"
)

// requestBody describes the body of o from the first media type of its
// request body the SDK can send, in this order: JSON, multipart, form,
// anything else as raw bytes.
func (b *builder) requestBody(o *ir.Operation, op *openapi3.Operation, pointer string) {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return
	}
	rb := op.RequestBody.Value
	pointer += "/requestBody/content"
	media := bodyMedia(rb.Content)
	if media == "" {
		b.warnf(pointer, "request body has no content; the method sends none")
		return
	}
	mt := rb.Content[media]
	at := site{pointer: jsonptr.Join(pointer, media, "schema"), name: o.Name + "Body", role: &role{kind: roleBody, op: o}}
	body := &ir.Body{Required: rb.Required, Arg: "body"}
	switch mediaBase(media) {
	case multipartMedia:
		body.Encoding, body.Arg = ir.MultipartBody, "file"
		if mt.Schema != nil && mt.Schema.Value != nil {
			props, _, _ := b.flatten(mt.Schema.Value, at.pointer)
			for _, p := range props {
				if p.ref.Value != nil && isType(p.ref.Value, "string") && p.ref.Value.Format == "binary" {
					body.FileField = p.name
					break
				}
			}
		}
		if body.FileField == "" {
			b.errorf(at.pointer, "multipart body without a binary file property")
			return
		}
	case formMedia:
		body.Encoding = ir.FormBody
		body.Type = b.typeOf(mt.Schema, at)
		if m, ok := body.Type.(*ir.Map); ok {
			body.Type = b.formMap(m, at.pointer)
			break
		}
		body.Form = b.keyFields(body.Type, at.pointer, "form body", true)
	default:
		if !isJSONMedia(media) {
			body.Encoding = ir.RawBody
			body.ContentType = media
			if strings.Contains(media, "*") {
				body.ContentType = octetMedia // a range says nothing more precise
			}
			break
		}
		body.Encoding = ir.JSONBody
		body.Type, _ = b.mediaType(mt, at)
	}
	if !body.Required && body.Type != nil && !nilable(body.Type) {
		body.Type = &ir.Pointer{Elem: body.Type} // a Params field: nil sends none
	}
	o.Body = body
}

// formMap is the type of a form body whose object declares no
// properties ({type: object, properties: {}}): a map whose every entry is
// a field. Fields are text, so a map of any value is a map of strings.
func (b *builder) formMap(m *ir.Map, pointer string) ir.Type {
	if m.Elem == ir.Any {
		return &ir.Map{Elem: ir.String}
	}
	if !scalar(m.Elem) {
		b.errorf(pointer, "the additional properties of a form body hold no text, which has no key=value form")
	}
	return m
}

// bodyMedia picks the media type a request body is sent as: JSON first,
// then multipart, form, and the first other in name order.
func bodyMedia(content openapi3.Content) string {
	media := sortedKeys(content)
	for _, want := range []func(string) bool{
		isJSONMedia,
		func(m string) bool { return mediaBase(m) == multipartMedia },
		func(m string) bool { return mediaBase(m) == formMedia },
		func(string) bool { return true },
	} {
		if i := slices.IndexFunc(media, want); i >= 0 {
			return media[i]
		}
	}
	return ""
}

// mediaBase is a media type without its parameters, in lower case.
func mediaBase(media string) string {
	base, _, _ := strings.Cut(media, ";")
	return strings.ToLower(strings.TrimSpace(base))
}

// isJSONMedia reports application/json and the JSON-based media types
// (application/problem+json, ...).
func isJSONMedia(media string) bool {
	base := mediaBase(media)
	return base == jsonMedia || strings.HasSuffix(base, "+json")
}

// result is the type of the first 2xx response with a JSON body; nil when
// that body is an empty object, which says nothing but success.
func (b *builder) result(o *ir.Operation, op *openapi3.Operation, pointer string) ir.Type {
	if op.Responses == nil {
		return nil
	}
	for _, code := range sortedKeys(op.Responses.Map()) {
		if len(code) != 3 || code[0] != '2' {
			continue
		}
		res := op.Responses.Value(code)
		if res == nil || res.Value == nil {
			continue
		}
		mt := res.Value.Content.Get(jsonMedia)
		if mt == nil || mt.Schema == nil {
			continue
		}
		if emptyObject(mt.Schema.Value) {
			return nil
		}
		at := site{
			pointer: jsonptr.Join(pointer+"/responses", code, "content", jsonMedia, "schema"),
			name:    o.Name + "Response",
			role:    &role{kind: roleResponse, op: o},
		}
		t, example := b.mediaType(mt, at)
		o.Example = cmp.Or(example, b.schemaExample(mt.Schema))
		return returned(t)
	}
	return nil
}

// schemaExample is the recorded example of the component schema ref
// refers to; nil for an inline schema, or one without an example.
func (b *builder) schemaExample(ref *openapi3.SchemaRef) *ir.Example {
	if ref.Ref == "" {
		return nil
	}
	pointer := strings.TrimPrefix(ref.Ref, "#") + "/example"
	for _, ex := range b.examples {
		if ex.Pointer == pointer {
			return ex
		}
	}
	return nil
}

// successStatus is the status the API answers op with when it succeeds:
// its first documented 2xx, or 3xx for an operation that redirects; 200
// when it documents none.
func successStatus(op *openapi3.Operation, redirect bool) int {
	class := byte('2')
	if redirect {
		class = '3'
	}
	if op.Responses != nil {
		for _, code := range sortedKeys(op.Responses.Map()) {
			if n, err := strconv.Atoi(code); err == nil && len(code) == 3 && code[0] == class {
				return n
			}
		}
	}
	return http.StatusOK
}

// returned is the type a method returns for a result of type t: a map, a
// slice, a union or any value as it is, nil already meaning none of it;
// anything else behind a pointer.
func returned(t ir.Type) ir.Type {
	if nilable(t) {
		return t
	}
	return &ir.Pointer{Elem: t}
}

// emptyObject reports an object schema that declares nothing: no
// properties, no additional properties, no parts. {type: object,
// additionalProperties: true} is a free-form object, not an empty one.
func emptyObject(s *openapi3.Schema) bool {
	if s == nil || !isType(s, "object") {
		return false // {} without a type is any JSON value
	}
	ap := s.AdditionalProperties
	return len(s.Properties) == 0 && len(s.AllOf) == 0 && len(s.OneOf) == 0 && len(s.AnyOf) == 0 &&
		s.Items == nil && ap.Schema == nil && (ap.Has == nil || !*ap.Has) && !isPolymorphicBase(s)
}

// pager recognises cursor pagination: a deepObject page parameter with
// after/before keys, and a response with meta (hasMore and cursors) and
// one list of items.
func pager(o *ir.Operation, op *openapi3.Operation) *ir.Pager {
	if o.Result == nil {
		return nil
	}
	ptr, ok := o.Result.(*ir.Pointer)
	if !ok {
		return nil
	}
	res := structOf(ptr.Elem)
	if res == nil {
		return nil
	}
	direction := "after"
	if v, ok := op.Extensions[paginationExtension].(string); ok {
		direction = v
	}
	var page *ir.Param
	var cursorKey *ir.KeyField
	for _, p := range o.Params.Fields {
		for _, k := range p.Deep {
			if k.WireKey == direction {
				page, cursorKey = p, k
			}
		}
	}
	if page == nil {
		return nil
	}
	var items, meta *ir.Field
	for _, f := range res.Fields {
		switch t := unwrapOptional(f.Type).(type) {
		case *ir.Slice:
			if items != nil {
				return nil // more than one list: not a plain page of items
			}
			items = f
		case *ir.Named:
			if structOf(t) != nil && f.JSONName == "meta" {
				meta = f
			}
		}
	}
	if items == nil || meta == nil {
		return nil
	}
	pg := &ir.Pager{
		Item:      unwrapOptional(items.Type).(*ir.Slice).Elem,
		Items:     items,
		Meta:      meta,
		PageParam: page,
		PageType:  unwrapOptional(page.Type),
		CursorKey: cursorKey,
		Reverse:   direction == "before",
	}
	for _, f := range structOf(unwrapOptional(meta.Type)).Fields {
		switch f.JSONName {
		case "hasMore":
			pg.HasMore = f
		case direction + "Cursor":
			pg.Cursor = f
		}
	}
	if pg.HasMore == nil || pg.Cursor == nil {
		return nil
	}
	return pg
}

// methodScope is the scope of the parameters of o's method, where the
// locals its body declares are already taken.
func (b *builder) methodScope(o *ir.Operation) *scope {
	sc := newScope("the method of "+o.ID, b.warnf)
	sc.reserve("a local of the method", ir.MethodLocals...)
	// The fake's method of the operation declares the parameters too, and
	// refers to the SDK by the name it imports it under.
	sc.reserve("a local of the fake's method", append(slices.Clone(ir.FakeMethodLocals), b.fakeSDKName())...)
	return sc
}

// argName is the Go name of a method parameter: its name in lower camel
// case, with "Param" appended when that is a Go keyword or predeclared
// identifier or a package-level name it would shadow (type gives
// typeParam), or, with a warning, when the method's body declares it.
func (b *builder) argName(args *scope, pointer, wire string) string {
	name := lowerName(wire)
	if token.IsKeyword(name) || types.Universe.Lookup(name) != nil || b.pkg.taken(name) {
		name += "Param"
	}
	return args.declare(pointer, name, name+"Param")
}

// onlyRedirects reports an operation whose documented successes are all
// redirects (3xx), such as the start of an OAuth flow.
func onlyRedirects(op *openapi3.Operation) bool {
	if op.Responses == nil {
		return false
	}
	redirects := 0
	for code := range op.Responses.Map() {
		switch {
		case len(code) == 3 && code[0] == '2':
			return false
		case len(code) == 3 && code[0] == '3':
			redirects++
		}
	}
	return redirects > 0
}
