package build

import (
	"go/token"
	"go/types"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// paginationExtension, on an operation, names the cursor a paginated list
// follows: "after" (the default) or "before" for lists that page backwards.
const paginationExtension = "x-pagination-direction"

var pathParam = regexp.MustCompile(`\{([^}]+)\}`)

// declareServices names a service per tag before any type is named: the
// service types are the SDK's own, so a schema named like one gives way,
// as it does for Client.
func (b *builder) declareServices() {
	b.byTag = map[string]*ir.Service{}
	fields := namespace{}
	for _, path := range sortedKeys(b.doc.Paths.Map()) {
		item := b.doc.Paths.Value(path)
		for _, method := range methodsOf(item) {
			tag := operationTag(item.GetOperation(method))
			if b.byTag[tag] == nil {
				field := fields.claim(goName(tag))
				b.byTag[tag] = &ir.Service{Name: b.names.claim(field + "Service"), Field: field, Doc: tagDoc(b.doc, tag)}
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
	methodNames := map[*ir.Service]namespace{}
	for _, path := range sortedKeys(b.doc.Paths.Map()) {
		item := b.doc.Paths.Value(path)
		for _, method := range methodsOf(item) {
			op := item.GetOperation(method)
			svc := b.byTag[operationTag(op)]
			if methodNames[svc] == nil {
				methodNames[svc] = namespace{}
			}
			o := b.operation(path, method, item, op)
			o.Name = methodNames[svc].claim(o.Name)
			svc.Operations = append(svc.Operations, o)
		}
	}
	out := make([]*ir.Service, 0, len(b.byTag))
	for _, svc := range b.byTag {
		out = append(out, svc)
	}
	slices.SortFunc(out, func(x, y *ir.Service) int { return strings.Compare(x.Field, y.Field) })
	return out
}

func tagDoc(doc *openapi3.T, name string) string {
	if t := doc.Tags.Get(name); t != nil {
		return strings.TrimSpace(t.Description)
	}
	return ""
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
	pointer := pointerJoin("/paths", path, strings.ToLower(method))
	if op.OperationID == "" {
		fail(pointer, "operation has no operationId")
	}
	o := &ir.Operation{
		Name:    goName(op.OperationID),
		ID:      op.OperationID,
		Doc:     operationDoc(op),
		Method:  method,
		Path:    path,
		Pointer: pointer,
	}
	params := mergeParams(item.Parameters, op.Parameters)
	argNames := namespace{}
	for _, m := range pathParam.FindAllStringSubmatch(path, -1) {
		p := params.find("path", m[1])
		if p == nil {
			fail(pointer, "path parameter {%s} is not declared", m[1])
		}
		o.PathParams = append(o.PathParams, &ir.Param{
			Name:     b.argName(m[1], argNames),
			WireName: m[1],
			In:       "path",
			Doc:      strings.TrimSpace(p.Value.Description),
			Type:     ir.String,
			Required: true,
		})
	}
	b.params(o, params, pointer)
	b.requestBody(o, op, pointer)
	o.Result = b.result(o, op, pointer)
	o.Redirect = o.Result == nil && onlyRedirects(op)
	o.Pager = pager(o, op)
	return o
}

func operationDoc(op *openapi3.Operation) string {
	parts := []string{strings.TrimSpace(op.Summary), strings.TrimSpace(op.Description)}
	return strings.TrimSpace(strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), "\n\n"))
}

type paramList openapi3.Parameters

// mergeParams lets operation parameters override path item ones.
func mergeParams(common, own openapi3.Parameters) paramList {
	out := slices.Clone(own)
	for _, p := range common {
		if paramList(own).find(p.Value.In, p.Value.Name) == nil {
			out = append(out, p)
		}
	}
	return paramList(out)
}

func (ps paramList) find(in, name string) *openapi3.ParameterRef {
	for _, p := range ps {
		if p.Value.In == in && p.Value.Name == name {
			return p
		}
	}
	return nil
}

// params collects query and header parameters into <Operation>Params.
func (b *builder) params(o *ir.Operation, params paramList, pointer string) {
	var fields []*ir.Param
	names := namespace{}
	for i, ref := range params {
		p := ref.Value
		if p.In != "query" && p.In != "header" {
			continue
		}
		at := site{pointer: pointerJoin(pointer+"/parameters", strconv.Itoa(i), "schema"), name: o.Name + goName(p.Name)}
		if ref.Ref != "" {
			at.pointer = strings.TrimPrefix(ref.Ref, "#") + "/schema"
		}
		var t ir.Type = ir.String
		switch {
		case b.paramTypes[ref.Ref] != nil:
			t = b.paramTypes[ref.Ref] // a component parameter has one type
		case p.Schema != nil:
			t = b.typeOf(p.Schema, at)
			if ref.Ref != "" {
				b.paramTypes[ref.Ref] = t
			}
		}
		param := &ir.Param{
			Name:     names.claim(goName(p.Name)),
			WireName: p.Name,
			In:       p.In,
			Doc:      strings.TrimSpace(p.Description),
			Required: p.Required,
		}
		if p.Style == openapi3.SerializationDeepObject {
			param.Deep = deepKeys(t, at.pointer)
		}
		param.Type = t
		if !p.Required && !nilable(t) {
			param.Type = &ir.Pointer{Elem: t}
		}
		fields = append(fields, param)
	}
	if len(fields) > 0 {
		o.Params = &ir.ParamsStruct{Name: b.names.claim(o.Name + "Params"), Fields: fields}
	}
}

// deepKeys are the bracketed keys of a deepObject parameter: the fields
// of its struct.
func deepKeys(t ir.Type, pointer string) []*ir.DeepKey {
	st := structOf(t)
	if st == nil {
		fail(pointer, "deepObject parameter must be an object schema")
	}
	var keys []*ir.DeepKey
	for _, f := range st.Fields {
		if ir.HasUnion(f.Type) {
			fail(pointer, "deepObject property %q holds a union, which has no query form", f.JSONName)
		}
		keys = append(keys, &ir.DeepKey{Field: f.Name, WireKey: f.JSONName, Type: f.Type, Required: f.Omit == ""})
	}
	return keys
}

// structOf follows aliases to the struct a type names, or nil.
func structOf(t ir.Type) *ir.Struct {
	for {
		n, ok := t.(*ir.Named)
		if !ok {
			return nil
		}
		switch d := n.Decl.(type) {
		case *ir.Struct:
			return d
		case *ir.Alias:
			t = d.Target
		default:
			return nil
		}
	}
}

const (
	jsonMedia      = "application/json"
	multipartMedia = "multipart/form-data"
)

func (b *builder) requestBody(o *ir.Operation, op *openapi3.Operation, pointer string) {
	if op.RequestBody == nil {
		return
	}
	rb := op.RequestBody.Value
	pointer += "/requestBody/content"
	if mt := rb.Content.Get(jsonMedia); mt != nil && mt.Schema != nil {
		at := site{pointer: pointerJoin(pointer, jsonMedia, "schema"), name: o.Name + "Body"}
		t := b.mediaType(mt, at)
		o.Body = &ir.Body{Type: t, Required: rb.Required}
		return
	}
	if mt := rb.Content.Get(multipartMedia); mt != nil && mt.Schema != nil {
		at := pointerJoin(pointer, multipartMedia, "schema")
		props, _ := flatten(mt.Schema.Value, at)
		for _, p := range props {
			if p.ref.Value.Type.Is("string") && p.ref.Value.Format == "binary" {
				o.Body = &ir.Body{Multipart: &ir.Multipart{FileField: p.name}, Required: rb.Required}
				return
			}
		}
		fail(at, "multipart body without a binary file property")
	}
	fail(pointer, "request body has no %s or %s content", jsonMedia, multipartMedia)
}

// result is the type of the first 2xx response with a JSON body.
func (b *builder) result(o *ir.Operation, op *openapi3.Operation, pointer string) ir.Type {
	if op.Responses == nil {
		return nil
	}
	for _, code := range sortedKeys(op.Responses.Map()) {
		if len(code) != 3 || code[0] != '2' {
			continue
		}
		mt := op.Responses.Value(code).Value.Content.Get(jsonMedia)
		if mt == nil || mt.Schema == nil {
			continue
		}
		at := site{pointer: pointerJoin(pointer+"/responses", code, "content", jsonMedia, "schema"), name: o.Name + "Response"}
		return b.mediaType(mt, at)
	}
	return nil
}

// pager recognises cursor pagination: a deepObject page parameter with
// after/before keys, and a response with meta (hasMore and cursors) and
// one list of items.
func pager(o *ir.Operation, op *openapi3.Operation) *ir.Pager {
	if o.Params == nil || o.Result == nil {
		return nil
	}
	res := structOf(o.Result)
	if res == nil {
		return nil
	}
	direction := "after"
	if v, ok := op.Extensions[paginationExtension].(string); ok {
		direction = v
	}
	var page *ir.Param
	var cursorKey *ir.DeepKey
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

// argName is the Go name of a path parameter, a method argument: its
// name in lower camel case, with "Param" appended when that is a Go
// keyword or predeclared identifier, a name the method declares itself or
// a package-level name it would shadow (type becomes typeParam).
func (b *builder) argName(wire string, taken namespace) string {
	name := lowerFirst(goName(wire))
	if token.IsKeyword(name) || types.Universe.Lookup(name) != nil || b.locals[name] || b.names[name] {
		name += "Param"
	}
	return taken.claim(name)
}

// lowerFirst makes a Go parameter name from an exported one, lowering a
// leading initialism whole: ID gives id, URLPath gives urlPath.
func lowerFirst(s string) string {
	r := []rune(s)
	n := 0
	for n < len(r) && unicode.IsUpper(r[n]) {
		n++
	}
	if n > 1 && n < len(r) {
		n-- // the last capital starts the next word
	}
	return strings.ToLower(string(r[:n])) + string(r[n:])
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
