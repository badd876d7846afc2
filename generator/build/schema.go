package build

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/sunco-sdk/sunco-go/generator/docs"
	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// shape is the kind of Go declaration a schema becomes.
type shape int

const (
	shapeAlias shape = iota // no struct of its own: a builtin, slice, map or another type
	shapeStruct
	shapeUnion
	shapeEnum
)

func classify(s *openapi3.Schema) shape {
	switch {
	case len(s.OneOf) > 0 || len(s.AnyOf) > 0:
		switch {
		case mergeableAnyOf(s):
			return shapeStruct
		case len(alternatives(s)) > 1 && allObjects(alternatives(s)):
			return shapeUnion
		}
		return shapeAlias
	case isPolymorphicBase(s):
		return shapeUnion
	case len(s.AllOf) > 0:
		if isRefWrapper(s) {
			return shapeAlias
		}
		return shapeStruct
	case len(enumValues(s)) > 0 && isType(s, "string"):
		return shapeEnum
	case len(s.Properties) > 0:
		return shapeStruct
	}
	return shapeAlias
}

// isPolymorphicBase reports a schema that lists its own subtypes in a
// discriminator mapping, each subtype being allOf this base plus more.
func isPolymorphicBase(s *openapi3.Schema) bool {
	return s.Discriminator != nil && len(s.Discriminator.Mapping) > 0 && len(s.OneOf) == 0 && len(s.AnyOf) == 0
}

// isRefWrapper reports allOf: [$ref] with nothing else but annotations
// (description, nullable): it is the referenced type itself.
func isRefWrapper(s *openapi3.Schema) bool {
	return len(s.AllOf) == 1 && s.AllOf[0].Ref != "" && len(s.Properties) == 0
}

func isObject(s *openapi3.Schema) bool {
	if isType(s, "object") || len(s.Properties) > 0 || isPolymorphicBase(s) {
		return true
	}
	return len(s.AllOf) > 0 && allObjects(s.AllOf)
}

func allObjects(refs openapi3.SchemaRefs) bool {
	for _, r := range refs {
		if !isObject(r.Value) {
			return false
		}
	}
	return true
}

// mergeableAnyOf reports an anyOf of objects whose properties never clash:
// any combination of them is valid, so one struct with every property
// optional describes it exactly.
func mergeableAnyOf(s *openapi3.Schema) bool {
	if len(s.AnyOf) == 0 || len(s.OneOf) > 0 || s.Discriminator != nil || len(alternatives(s)) < 2 || !allObjects(alternatives(s)) {
		return false
	}
	seen := map[string]*openapi3.SchemaRef{}
	for _, alt := range alternatives(s) {
		if len(alt.Value.AllOf) > 0 {
			return false
		}
		for name, p := range alt.Value.Properties {
			if prev, ok := seen[name]; ok && !sameSchema(prev, p) {
				return false
			}
			seen[name] = p
		}
	}
	return true
}

func sameSchema(a, b *openapi3.SchemaRef) bool {
	if a.Ref != "" || b.Ref != "" {
		return a.Ref == b.Ref
	}
	return a.Value == b.Value
}

// site is where a schema is used: its JSON pointer and the Go name a type
// declared there would get if the schema has no name of its own.
type site struct {
	pointer string
	name    string
	role    *role // what a type used there is for
}

// goNameExtension names the Go type of a schema, overriding every rule.
const goNameExtension = "x-go-name"

// eventSuffix ends the name of every webhook event type.
const eventSuffix = "Event"

// clashSuffix ends the name of a type whose own name is taken: by the SDK
// (a client schema gives ClientInfo), or by another schema once tidied
// (appSubSchema gives AppInfo beside app's App).
const clashSuffix = "Info"

// typeName is the Go name the schema s asks for: its x-go-name, else the
// name derived from its key or title (base) tidied, with the Event suffix
// when it is a webhook event. chosen reports an x-go-name.
func (b *builder) typeName(s *openapi3.Schema, pointer, base string) (name string, chosen bool) {
	if v, ok := s.Extensions[goNameExtension]; ok {
		name, _ := v.(string)
		if isExportedIdent(name) {
			return name, true
		}
		b.errorf(pointer+"/"+goNameExtension, "%q is not an exported Go identifier", fmt.Sprint(v))
	}
	name = tidyName(base)
	if b.events[s] && !strings.HasSuffix(name, eventSuffix) {
		name += eventSuffix
	}
	return name, false
}

// declareType declares the Go name of the type of schema s, at pointer,
// derived from base. A taken name gets the clash suffix; when only tidying
// made it clash, that is no defect of the document, and goes unwarned.
func (b *builder) declareType(s *openapi3.Schema, pointer, base string) string {
	want, chosen := b.typeName(s, pointer, base)
	fallback := want + clashSuffix
	if !chosen && want != base && b.pkg.taken(want) && !b.pkg.taken(fallback) {
		return b.pkg.declare(pointer, fallback)
	}
	return b.pkg.declare(pointer, want, fallback)
}

// declareComponents declares a type for every component schema that is
// one: a struct, a union or an enum, or a recursive alias. Any other
// schema (a string, a list of strings, a free-form object, allOf of one
// $ref) is no type of its own: its uses take the type it stands for.
func (b *builder) declareComponents() {
	schemas := b.schemas()
	b.recursive = b.recursiveAliases()
	for _, key := range sortedKeys(schemas) {
		s := schemas[key].Value
		kind := classify(s)
		pointer := jsonptr.Join("/components/schemas", key)
		if kind == shapeAlias && !b.recursive[key] {
			b.typeName(s, pointer, goName(key)) // reports an x-go-name that cannot be one
			continue
		}
		if kind == shapeStruct && isErrorDetail(s) && !b.variants[s] {
			b.components[key] = b.errorDetail(pointer)
			continue
		}
		d := newDecl(kind, b.declareType(s, pointer, goName(key)), pointer)
		b.typeDoc(d, s, pointer)
		b.components[key] = d
		b.decls = append(b.decls, d)
	}
}

// newDecl is an empty declaration of the given shape.
func newDecl(kind shape, name, pointer string) ir.Decl {
	switch kind {
	case shapeStruct:
		return &ir.Struct{Name: name, Pointer: pointer}
	case shapeUnion:
		return &ir.Union{Name: name, Pointer: pointer}
	case shapeEnum:
		return &ir.Enum{Name: name, Pointer: pointer}
	}
	return &ir.Alias{Name: name, Pointer: pointer}
}

// fillComponents fills the declared shells, the recursive aliases first,
// so that the structs using one find it filled.
func (b *builder) fillComponents() {
	schemas := b.schemas()
	keys := sortedKeys(schemas)
	slices.SortStableFunc(keys, func(x, y string) int {
		_, xAlias := b.components[x].(*ir.Alias)
		_, yAlias := b.components[y].(*ir.Alias)
		switch {
		case xAlias && !yAlias:
			return -1
		case yAlias && !xAlias:
			return 1
		}
		return 0
	})
	for _, key := range keys {
		if d := b.components[key]; d != nil {
			b.fill(d, schemas[key].Value)
		}
	}
}

// recursiveAliases finds the component schemas of shape alias that are
// part of their own type, through arrays, maps and other such schemas
// (forest: {type: array, items: {$ref: forest}}): Go has no recursive
// type alias, so each is a defined type of its own.
func (b *builder) recursiveAliases() map[string]bool {
	edges := map[string][]string{}
	schemas := b.schemas()
	for _, key := range sortedKeys(schemas) {
		if s := schemas[key].Value; classify(s) == shapeAlias {
			b.aliasRefs(&openapi3.SchemaRef{Value: s}, func(to string) { edges[key] = append(edges[key], to) })
		}
	}
	recursive := map[string]bool{}
	for key := range edges {
		seen := map[string]bool{}
		var reaches func(from string) bool
		reaches = func(from string) bool {
			for _, to := range edges[from] {
				if to == key {
					return true
				}
				if !seen[to] {
					seen[to] = true
					if reaches(to) {
						return true
					}
				}
			}
			return false
		}
		recursive[key] = reaches(key)
	}
	return recursive
}

// aliasRefs calls fn with the key of every component schema of shape alias
// that the Go type of ref is made of without a declared type in between:
// through allOf of one $ref, a single alternative, the items of an array,
// the values of a map, and inline schemas of the same shape.
func (b *builder) aliasRefs(ref *openapi3.SchemaRef, fn func(key string)) {
	if ref == nil || ref.Value == nil {
		return
	}
	if key, ok := componentKey(ref.Ref); ok {
		if classify(ref.Value) == shapeAlias {
			fn(key)
		}
		return
	}
	s := ref.Value
	switch {
	case classify(s) != shapeAlias:
	case isRefWrapper(s):
		b.aliasRefs(s.AllOf[0], fn)
	case len(alternatives(s)) == 1:
		b.aliasRefs(alternatives(s)[0], fn)
	case len(s.OneOf) > 0 || len(s.AnyOf) > 0:
	case isType(s, "array"):
		b.aliasRefs(s.Items, fn)
	case isType(s, "object"):
		b.aliasRefs(s.AdditionalProperties.Schema, fn)
	}
}

func (b *builder) fill(d ir.Decl, s *openapi3.Schema) {
	switch d := d.(type) {
	case *ir.Struct:
		b.fillStruct(d, s, d.Name)
	case *ir.Union:
		b.planUnion(d, s)
	case *ir.Enum:
		b.fillEnum(d, s)
	case *ir.Alias:
		d.Target = b.plainType(s, site{pointer: d.Pointer, name: singular(d.Name), role: &role{kind: roleAlias, decl: d}})
	}
}

// typeOf is the Go type of a schema used at a site, without the pointer or
// Nullable wrapper that optional and nullable fields add.
func (b *builder) typeOf(ref *openapi3.SchemaRef, at site) ir.Type {
	if ref == nil {
		return ir.Any
	}
	if ref.Ref != "" {
		key, ok := componentKey(ref.Ref)
		switch {
		case ok && b.components[key] != nil:
			b.use(b.components[key], at.role)
			return &ir.Named{Decl: b.components[key]}
		case ok && b.schemas()[key] != nil && ref.Value != nil:
			// A component that is no type of its own is what it stands
			// for wherever it is used; what it declares inline is named
			// after it, the same from every use.
			pointer := jsonptr.Join("/components/schemas", key)
			name, _ := b.typeName(ref.Value, pointer, goName(key))
			return b.plainType(ref.Value, site{pointer: pointer, name: singular(name), role: at.role})
		}
		b.errorf(at.pointer, "unsupported reference %s: only #/components/schemas/ may be referenced", ref.Ref)
		return ir.Any
	}
	s := ref.Value
	if s == nil {
		return ir.Any
	}
	kind := classify(s)
	if kind == shapeAlias {
		return b.plainType(s, at)
	}
	// An inline schema reached again, through an allOf that merges its
	// component into another, is the same type.
	if d := b.inline[s]; d != nil {
		b.use(d, at.role)
		return &ir.Named{Decl: d}
	}
	d := newDecl(kind, b.inlineName(s, at), at.pointer)
	b.typeDoc(d, s, "")
	b.use(d, at.role)
	b.inline[s] = d
	b.decls = append(b.decls, d)
	b.fill(d, s)
	return &ir.Named{Decl: d}
}

// inlineName names a type declared inline: by its x-go-name, else its
// title when that is free, else by where it is used.
func (b *builder) inlineName(s *openapi3.Schema, at site) string {
	base := at.name
	if s.Title != "" {
		if name, _ := b.typeName(s, at.pointer, goName(s.Title)); !b.pkg.taken(name) {
			base = goName(s.Title)
		}
	}
	return b.declareType(s, at.pointer, base)
}

// plainType is the type of a schema that declares nothing of its own.
func (b *builder) plainType(s *openapi3.Schema, at site) ir.Type {
	switch {
	case isRefWrapper(s):
		return b.typeOf(s.AllOf[0], site{pointer: at.pointer + "/allOf/0", name: at.name, role: at.role})
	case len(alternatives(s)) == 1:
		alt, i, _ := soleAlternative(s)
		return b.typeOf(alt, site{pointer: at.pointer + "/" + alternativesKey(s) + "/" + strconv.Itoa(i), name: at.name, role: at.role})
	case len(s.OneOf) > 0 || len(s.AnyOf) > 0:
		return ir.Any // alternatives of different kinds: keep whatever arrives
	case len(s.PrefixItems) > 0:
		b.errorf(at.pointer+"/prefixItems", "a tuple (prefixItems) has no Go type but a list of any value; the SDK does not generate one")
		return ir.Any
	case isType(s, "array"):
		// Callers name the site of an array after one element (events
		// gives Event), so the items take the name as it is.
		return &ir.Slice{Elem: b.typeOf(s.Items, site{pointer: at.pointer + "/items", name: at.name, role: at.role.element()})}
	case isType(s, "object"):
		if ap := s.AdditionalProperties.Schema; ap != nil {
			return &ir.Map{Elem: b.typeOf(ap, site{pointer: at.pointer + "/additionalProperties", name: at.name + "Value", role: at.role.value()})}
		}
		return &ir.Map{Elem: ir.Any}
	case isType(s, "string"):
		return ir.String
	case isType(s, "integer"):
		if s.Format == "int64" {
			return ir.Int64
		}
		return ir.Int
	case isType(s, "number"):
		return ir.Float64
	case isType(s, "boolean"):
		return ir.Bool
	}
	b.untyped(s, at.pointer)
	return ir.Any
}

// untyped refuses a schema whose values no Go type but any holds and
// that says so on purpose, by the words of OpenAPI 3.1: a type array of
// several types (whose oneOf an SDK would make a union), a type null
// alone, a const that is an object or a list. A schema that says nothing
// of its type ({}) is any value.
func (b *builder) untyped(s *openapi3.Schema, pointer string) {
	switch types := valueTypes(s); {
	case len(types) > 1:
		b.errorf(pointer+"/type", "a value that is a %s has no Go type but any; the SDK does not type it any", strings.Join(types, " or "))
	case s.Type.Slice() != nil && len(types) == 0:
		b.errorf(pointer+"/type", "a schema whose only type is null has no Go type")
	case s.Const != nil && len(types) == 0:
		b.errorf(pointer+"/const", "a const that is an object or a list has no Go type but any; the SDK does not type it any")
	}
}

func (b *builder) fillEnum(e *ir.Enum, s *openapi3.Schema) {
	for i, v := range enumValues(s) {
		if v == nil {
			continue // null in a nullable enum: the field's Nullable says it
		}
		pointer := e.Pointer + "/enum/" + strconv.Itoa(i)
		if len(s.Enum) == 0 {
			pointer = e.Pointer + "/const"
		}
		str, ok := v.(string)
		if !ok {
			b.warnf(pointer, "enum value %v of a string schema is not a string; it has no constant", v)
			continue
		}
		e.Values = append(e.Values, ir.EnumValue{Name: b.pkg.declare(pointer, e.Name+goSuffix(str)), Value: str})
	}
}

// property is one property of an object after allOf flattening.
type property struct {
	name    string
	ref     *openapi3.SchemaRef
	pointer string
	// component is the key of the component schema that declares the
	// property, when it comes from an allOf part that refers to one.
	component string
}

// flatten lists the properties of s and of every allOf part, in order,
// with the names that are required; a later part overrides an earlier
// property of the same name. Parts that are unions cannot be merged into
// a struct: they are left out, and their pointers returned.
func (b *builder) flatten(s *openapi3.Schema, pointer string) (props []property, required, unions []string) {
	add := func(p property) {
		for i := range props {
			if props[i].name == p.name {
				props[i] = p
				return
			}
		}
		props = append(props, p)
	}
	for i, part := range s.AllOf {
		partPointer := pointer + "/allOf/" + strconv.Itoa(i)
		if key, ok := componentKey(part.Ref); ok {
			partPointer = jsonptr.Join("/components/schemas", key)
		}
		if part.Value == nil {
			continue
		}
		if len(part.Value.OneOf) > 0 || len(part.Value.AnyOf) > 0 {
			unions = append(unions, partPointer)
			continue
		}
		ps, req, un := b.flatten(part.Value, partPointer)
		for _, p := range ps {
			if key, ok := componentKey(part.Ref); ok && p.component == "" {
				p.component = key
			}
			add(p)
		}
		required = append(required, req...)
		unions = append(unions, un...)
	}
	for _, name := range b.propertyNames(s, pointer) {
		add(property{name: name, ref: s.Properties[name], pointer: jsonptr.Join(pointer+"/properties", name)})
	}
	return props, append(required, s.Required...), unions
}

// propertyNames lists the properties of s, the schema at pointer, in
// document order; those the loader's order does not name (a schema built
// in memory, or reached by a pointer the document does not spell) follow,
// sorted by name.
func (b *builder) propertyNames(s *openapi3.Schema, pointer string) []string {
	names := make([]string, 0, len(s.Properties))
	listed := map[string]bool{}
	for _, name := range b.order[pointer+"/properties"] {
		if _, ok := s.Properties[name]; ok && !listed[name] {
			listed[name] = true
			names = append(names, name)
		}
	}
	for _, name := range sortedKeys(s.Properties) {
		if !listed[name] {
			names = append(names, name)
		}
	}
	return names
}

// fillStruct adds the fields of s to st; types declared inline for them
// are named prefix + property.
func (b *builder) fillStruct(st *ir.Struct, s *openapi3.Schema, prefix string) {
	var props []property
	var required []string
	if len(s.AnyOf) > 0 {
		props = b.mergedAnyOf(s, st.Pointer)
	} else {
		var unions []string
		props, required, unions = b.flatten(s, st.Pointer)
		for _, u := range unions {
			b.errorf(u, "an allOf part that is a oneOf or anyOf cannot be merged into the struct %s", st.Name)
		}
	}
	fields := b.structScope(st)
	for _, p := range props {
		if p.ref == nil || p.ref.Value == nil {
			continue
		}
		f := &ir.Field{
			Name:     fields.declare(p.pointer, goName(p.name)),
			JSONName: p.name,
		}
		description := propertyDescription(p.ref.Value)
		if b.discriminators[variantProperty{s, p.name}] {
			// The discriminator of a union variant holds one fixed value:
			// a plain string, never an enum type of its own.
			f.Type = ir.String
			f.Doc = b.conv.Field(description, p.ref.Value.Deprecated)
			st.Fields = append(st.Fields, f)
			continue
		}
		// A type declared inline for the property is named after the
		// schema that declares it, wherever that is merged into.
		owner, ownerName := ir.Decl(st), prefix
		if d := b.components[p.component]; d != nil {
			owner, ownerName = d, d.DeclName()
		}
		name := ownerName + goName(p.name)
		if isType(p.ref.Value, "array") {
			name = ownerName + goName(singular(p.name))
		}
		t := b.typeOf(p.ref, site{pointer: p.pointer, name: name, role: &role{kind: roleProperty, decl: owner, name: p.name}})
		if t == ir.String && isTimestamp(p.ref.Value) {
			t = ir.Time
			// A time.Time has no text format to describe.
			description = docs.TimeDescription(description)
		}
		f.Doc = b.conv.Field(description, p.ref.Value.Deprecated)
		if _, isObject := p.ref.Value.Example.(map[string]any); isObject && p.ref.Ref == "" {
			b.example(p.pointer+"/example", t, p.ref.Value.Example)
		}
		f.Required = slices.Contains(required, p.name)
		f.Type, f.Omit = fieldType(t, isNullable(p.ref.Value), f.Required)
		st.Fields = append(st.Fields, f)
	}
}

// isTimestamp reports a property whose schema is a string of format
// date-time (which the SunCo overlay gives the properties the API
// documents as timestamps), directly or through allOf of one $ref.
func isTimestamp(s *openapi3.Schema) bool {
	s = objectSchema(s)
	return isType(s, "string") && s.Format == "date-time" && len(enumValues(s)) == 0
}

// propertyDescription is the description of a property's schema s, else
// that of the schema it stands for when it is allOf of one $ref: the
// description of a component that is no type of its own (name:
// {type: string, description: …}) still documents the fields of its type.
func propertyDescription(s *openapi3.Schema) string {
	for s.Description == "" && isRefWrapper(s) && s.AllOf[0].Value != nil {
		s = s.AllOf[0].Value
	}
	return s.Description
}

// mergedAnyOf lists the properties of every alternative of a mergeable
// anyOf; none is required, since any alternative may be the one present.
func (b *builder) mergedAnyOf(s *openapi3.Schema, pointer string) []property {
	var props []property
	seen := map[string]bool{}
	for i, alt := range s.AnyOf {
		if isNullSchema(alt) {
			continue
		}
		ps, _, _ := b.flatten(alt.Value, pointer+"/anyOf/"+strconv.Itoa(i))
		for _, p := range ps {
			if !seen[p.name] {
				seen[p.name] = true
				props = append(props, p)
			}
		}
	}
	return props
}

// fieldType wraps t for a field: nullable fields are tri-state, optional
// ones a pointer unless their zero value already means absent.
func fieldType(t ir.Type, nullable, required bool) (ir.Type, string) {
	switch {
	case nullable:
		return &ir.Nullable{Elem: t}, "omitzero"
	case required:
		return t, ""
	case nilable(t):
		return t, "omitzero"
	}
	return &ir.Pointer{Elem: t}, "omitempty"
}

// nilable reports types whose zero value is nil and so can stand for an
// absent value: slices, maps, interfaces. omitzero keeps an empty but
// present [] or {} on the wire, unlike omitempty.
func nilable(t ir.Type) bool {
	switch t := t.(type) {
	case *ir.Slice, *ir.Map:
		return true
	case ir.Builtin:
		return t == ir.Any
	case *ir.Named:
		switch t.Decl.(type) {
		case *ir.Union, *ir.Alias: // a recursive alias is a slice or a map
			return true
		}
	}
	return false
}

// trackRequiredFields decides, once every struct has its fields, which
// required fields remember their absence: the first 64 of each struct.
func (b *builder) trackRequiredFields() {
	const tracked = 64 // the bits of the runtime's fieldSet
	for _, d := range b.decls {
		st, ok := d.(*ir.Struct)
		if !ok || st.Plain {
			continue
		}
		for _, fd := range st.Fields {
			if fd.Omit == "" && len(st.Tracked) < tracked {
				st.Tracked = append(st.Tracked, fd)
			}
		}
	}
}
