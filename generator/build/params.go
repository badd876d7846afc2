package build

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// declared is a parameter of an operation and the JSON pointer of where
// the document declares it: its entry in the operation's or the path's
// list, or the component its $ref names.
type declared struct {
	ref     *openapi3.ParameterRef
	pointer string
}

// paramList is the parameters of an operation, its own and its path's.
type paramList []declared

// mergeParams lists the parameters of the operation at pointer, on path:
// its own, then those of the path item that it does not override.
func mergeParams(path, pointer string, common, own openapi3.Parameters) paramList {
	var out paramList
	add := func(refs openapi3.Parameters, at string) {
		for i, ref := range refs {
			if ref.Value == nil || out.find(ref.Value.In, ref.Value.Name) != nil {
				continue
			}
			d := declared{ref: ref, pointer: jsonptr.Join(at, strconv.Itoa(i))}
			if strings.HasPrefix(ref.Ref, "#/") {
				d.pointer = strings.TrimPrefix(ref.Ref, "#")
			}
			out = append(out, d)
		}
	}
	add(own, pointer+"/parameters")
	add(common, jsonptr.Join("/paths", path, "parameters"))
	return out
}

func (ps paramList) find(in, name string) *declared {
	for i, d := range ps {
		if d.ref.Value.In == in && d.ref.Value.Name == name {
			return &ps[i]
		}
	}
	return nil
}

// pathParam is the path parameter name of the operation at pointer: a
// string, in the style the document declares it with (simple when it
// does not declare it).
func (b *builder) pathParam(params paramList, name, pointer string, args *scope) *ir.Param {
	param := &ir.Param{
		Name:     b.argName(args, pointer, name),
		WireName: name,
		In:       "path",
		Type:     ir.String,
		Required: true,
		Style:    ir.Simple,
	}
	d := params.find("path", name)
	if d == nil {
		b.warnf(pointer, "path parameter {%s} is not declared; taken as a string", name)
		return param
	}
	p := d.ref.Value
	if s := p.Schema; s != nil && s.Value != nil && isComposite(s.Value) {
		b.errorf(d.pointer, "path parameter %q is a list or an object, which the SDK does not write into a path", name)
	}
	switch p.Style {
	case "", openapi3.SerializationSimple:
	case openapi3.SerializationLabel:
		param.Style = ir.Label
	case openapi3.SerializationMatrix:
		param.Style = ir.Matrix
	default:
		b.errorf(d.pointer, "path parameter %q has style %s, which OpenAPI 3.0 does not define for a path", name, p.Style)
	}
	return param
}

// isComposite reports a schema whose values are lists or objects.
func isComposite(s *openapi3.Schema) bool {
	alts := alternatives(s)
	return isType(s, "array") || isObject(s) || (len(alts) > 0 && allObjects(alts))
}

// ignoredHeaders are the header parameters OpenAPI says to ignore: the
// SDK sets them itself.
var ignoredHeaders = []string{"Accept", "Content-Type", "Authorization"}

// params sorts the query, header and cookie parameters: required ones
// become method arguments (Args), optional ones fields of
// <OperationId>Params, which also holds an optional body.
func (b *builder) params(o *ir.Operation, params paramList, pointer string, args *scope) {
	fields := newScope("struct "+o.Name+"Params", b.warnf)
	o.Params = &ir.ParamsStruct{Name: b.pkg.declare(pointer, o.Name+"Params")}
	if o.Body != nil && !o.Body.Required {
		o.Params.BodyField = fields.declare(pointer+"/requestBody", "Body")
	}
	for _, d := range params {
		p := d.ref.Value
		switch {
		case p.In != "query" && p.In != "header" && p.In != "cookie":
			continue
		case p.In == "header" && isIgnoredHeader(p.Name):
			b.warnf(d.pointer, "header parameter %s is ignored, as OpenAPI says: the SDK sets the header itself", p.Name)
			continue
		}
		at := site{
			pointer: d.pointer + "/schema",
			name:    o.Name + goName(p.Name),
			role:    &role{kind: roleParameter, op: o, name: p.Name},
		}
		ref := d.ref.Ref
		var t ir.Type = ir.String
		switch {
		case b.paramTypes[ref] != nil:
			t = b.paramTypes[ref] // a component parameter has one type,
			if n, ok := t.(*ir.Named); ok {
				b.use(n.Decl, at.role) // and a role in each operation
			}
		case p.Schema != nil:
			t = b.typeOf(p.Schema, at)
			if ref != "" {
				b.paramTypes[ref] = t
			}
		}
		param := &ir.Param{
			WireName: p.Name,
			In:       p.In,
			Type:     t,
			Required: p.Required,
		}
		param.Doc = b.conv.Field(p.Description, p.Deprecated)
		b.paramStyle(param, p, d.pointer)
		if p.Required {
			param.Name = b.argName(args, at.pointer, p.Name)
			o.Args = append(o.Args, param)
			continue
		}
		param.Name = fields.declare(at.pointer, goName(p.Name))
		if !nilable(t) {
			param.Type = &ir.Pointer{Elem: t}
		}
		o.Params.Fields = append(o.Params.Fields, param)
	}
}

func isIgnoredHeader(name string) bool {
	for _, h := range ignoredHeaders {
		if strings.EqualFold(h, name) {
			return true
		}
	}
	return false
}

// valueShape is what a parameter's value is, for its style.
type valueShape int

const (
	noShape     valueShape = iota // no text form: any value, a map, a union, a list of lists or of objects
	singleShape                   // a scalar or an enum
	listShape                     // a list of scalars or enums
	objectShape                   // a struct
)

func shapeOf(t ir.Type) valueShape {
	switch {
	case structOf(t) != nil:
		return objectShape
	case scalar(t):
		return singleShape
	}
	if s, ok := t.(*ir.Slice); ok && scalar(s.Elem) {
		return listShape
	}
	return noShape
}

// shapeless says what a value of t, of no shape a style writes, is.
func shapeless(t ir.Type) string {
	switch t := t.(type) {
	case *ir.Map:
		return "a map"
	case *ir.Slice:
		return "a list of lists or objects"
	case *ir.Named:
		if _, ok := t.Decl.(*ir.Union); ok {
			return "a union"
		}
	}
	return "any JSON value"
}

// scalar reports a type written as one piece of text: a string, number,
// boolean or timestamp, or an enum.
func scalar(t ir.Type) bool {
	_, list := t.(*ir.Slice)
	return !list && flat(t)
}

// cookieName is a token (RFC 6265), which a cookie's name must be.
var cookieName = regexp.MustCompile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")

// paramStyle decides how param, the parameter p declared at pointer, goes
// on the wire: its Style, and the keys of an object. What OpenAPI 3.0
// does not define, or the SDK could not write exactly as the document
// says, is refused with the parameter's pointer.
func (b *builder) paramStyle(param *ir.Param, p *openapi3.Parameter, pointer string) {
	style := p.Style
	if style == "" {
		style = openapi3.SerializationForm // query and cookie
		if p.In == "header" {
			style = openapi3.SerializationSimple
		}
	}
	explode := style == openapi3.SerializationForm
	if p.Explode != nil {
		explode = *p.Explode
	}
	shape := shapeOf(param.Type)
	refuse := func(format string, args ...any) {
		b.errorf(pointer, "%s parameter %q: "+format, append([]any{p.In, p.Name}, args...)...)
	}
	switch {
	case shape == noShape:
		refuse("%s has no form in style %s", shapeless(param.Type), style)
		return
	case shape == objectShape && len(structOf(param.Type).Fields) == 0:
		refuse("an object that declares no properties has no keys to send")
		return
	}
	schema := pointer + "/schema"
	switch p.In + " " + style {
	case "query form":
		param.Style = ir.FormCompact
		if explode {
			param.Style = ir.FormExploded
		}
		if shape == objectShape {
			param.Properties = b.keyFields(param.Type, schema, "form parameter", explode)
		}
	case "query spaceDelimited", "query pipeDelimited":
		param.Style = ir.SpaceDelimited
		if style == openapi3.SerializationPipeDelimited {
			param.Style = ir.PipeDelimited
		}
		switch {
		case explode:
			refuse("style %s is defined without explode only", style)
		case shape == singleShape:
			refuse("style %s is defined for a list or an object only", style)
		case shape == objectShape:
			param.Properties = b.keyFields(param.Type, schema, style+" parameter", false)
		}
	case "query deepObject":
		param.Style = ir.DeepObject
		param.Deep = b.keyFields(param.Type, schema, "deepObject parameter", true)
	case "header simple":
		param.Style = ir.Simple
		if shape == objectShape {
			if explode {
				param.Style = ir.SimpleExploded
			}
			param.Properties = b.keyFields(param.Type, schema, "header parameter", false)
		}
	case "cookie form":
		param.Style = ir.FormCookie
		switch {
		case shape != singleShape:
			refuse("a list or an object in style form would put , or & into the cookie, which a cookie value may not hold")
		case !cookieName.MatchString(p.Name):
			refuse("the name is not a cookie name (an HTTP token)")
		}
	default:
		refuse("style %s is not one OpenAPI 3.0 defines for a %s parameter", style, p.In)
	}
}

// keyFields are the fields of the struct t names, each sent as a key and
// a value: the keys of an object parameter or the fields of a form body.
// A field that holds an object has no such form, nor one that holds a
// list unless lists says the style repeats the key for each item.
func (b *builder) keyFields(t ir.Type, pointer, what string, lists bool) []*ir.KeyField {
	st := structOf(t)
	if st == nil {
		b.errorf(pointer, "a %s must be an object schema", what)
		return nil
	}
	var keys []*ir.KeyField
	for _, f := range st.Fields {
		_, list := unwrapOptional(f.Type).(*ir.Slice)
		switch {
		case !flat(f.Type):
			b.errorf(pointer, "property %q of a %s holds an object, which has no key=value form", f.JSONName, what)
			continue
		case list && !lists:
			b.errorf(pointer, "property %q of a %s holds a list, which its style does not define", f.JSONName, what)
			continue
		}
		keys = append(keys, &ir.KeyField{Field: f.Name, WireKey: f.JSONName, Type: f.Type, Required: f.Omit == ""})
	}
	return keys
}

// flat reports a type whose values are written as text: a scalar, an enum,
// or a slice of them, optional or not.
func flat(t ir.Type) bool {
	switch t := t.(type) {
	case ir.Builtin:
		return t != ir.Any
	case *ir.Pointer:
		return flat(t.Elem)
	case *ir.Nullable:
		return flat(t.Elem)
	case *ir.Slice:
		_, nested := t.Elem.(*ir.Slice)
		return !nested && flat(t.Elem)
	case *ir.Named:
		_, isEnum := t.Decl.(*ir.Enum)
		return isEnum
	}
	return false
}

// structOf is the struct a type names, or nil.
func structOf(t ir.Type) *ir.Struct {
	if n, ok := t.(*ir.Named); ok {
		st, _ := n.Decl.(*ir.Struct)
		return st
	}
	return nil
}
