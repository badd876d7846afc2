package load

import (
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"
)

// decodeNodes fills kin-openapi's document straight from the node tree
// root, as kin-openapi's decoders fill it from root's JSON, in a fraction
// of the time: each of them decodes its whole subtree again as a generic
// map for its extensions, at every level, and some encode parts back to
// JSON to decode them once more.
func decodeNodes(root *yaml.Node) (doc *openapi3.T, ok bool) {
	if root.Kind != yaml.DocumentNode || len(root.Content) != 1 {
		return nil, false
	}
	doc = &openapi3.T{}
	if !decodeInto(root.Content[0], doc) {
		return nil, false
	}
	return doc, true
}

// decodeInto fills *v, a zero value of a kin-openapi type or one made of
// them, from n as json.Unmarshal fills it from n's JSON.
//
// It takes the shapes well-formed documents have. On anything else (an
// alias, a merge key, a repeated key, a $ref with siblings, a key kin-openapi
// would match only case-insensitively or keep as an extension though it is
// not one, a value of an unexpected kind or out of range, text that is
// not UTF-8) it leaves *v zero and returns false: the caller then decodes
// n's JSON with kin-openapi, which decides, and words any error, as it
// always does.
func decodeInto[T any](n *yaml.Node, v *T) bool {
	if err := decodeNode(n, reflect.ValueOf(v).Elem()); err != nil {
		*v = *new(T)
		return false
	}
	return true
}

// errUnusual stops decodeNodes at a shape it leaves to kin-openapi.
var errUnusual = errors.New("a shape left to kin-openapi")

// decodeNode fills v, a zero value, from n as json.Unmarshal of n's JSON
// fills it.
func decodeNode(n *yaml.Node, v reflect.Value) error {
	s := classify(n)
	if s == unusual {
		return errUnusual
	}
	t := v.Type()
	if s == jsonNull {
		switch t.Kind() {
		case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface:
			return nil // already nil
		case reflect.String, reflect.Bool, reflect.Float32, reflect.Float64,
			reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			if !isUnmarshaler(t) {
				return nil // null leaves a scalar as it is
			}
		}
		return errUnusual
	}
	if decode, ok := specialDecoders[t]; ok {
		return decode(n, v)
	}
	if st, ok := standardTypes()[t]; ok {
		return decodeStandard(n, v, st)
	}
	if isUnmarshaler(t) {
		return errUnusual
	}
	switch t.Kind() {
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		if err := decodeNode(n, p.Elem()); err != nil {
			return err
		}
		v.Set(p)
		return nil
	case reflect.Interface:
		if t.NumMethod() != 0 {
			return errUnusual
		}
		x, err := generic(n)
		if err != nil {
			return err
		}
		v.Set(reflect.ValueOf(x))
		return nil
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode || t.Elem().Kind() == reflect.Uint8 {
			return errUnusual
		}
		list := reflect.MakeSlice(t, len(n.Content), len(n.Content))
		for i, item := range n.Content {
			if err := decodeNode(item, list.Index(i)); err != nil {
				return err
			}
		}
		v.Set(list)
		return nil
	case reflect.Map:
		if t.Key().Kind() != reflect.String || isUnmarshaler(t.Key()) {
			return errUnusual
		}
		m := reflect.MakeMapWithSize(t, len(n.Content)/2)
		err := eachEntry(n, func(key string, val *yaml.Node) error {
			elem := reflect.New(t.Elem()).Elem()
			if err := decodeNode(val, elem); err != nil {
				return err
			}
			m.SetMapIndex(reflect.ValueOf(key).Convert(t.Key()), elem)
			return nil
		})
		if err != nil {
			return err
		}
		v.Set(m)
		return nil
	}
	return decodeScalar(n, s, v)
}

// decodeScalar fills v, of a scalar kind, from the scalar n of sort s.
func decodeScalar(n *yaml.Node, s scalarSort, v reflect.Value) error {
	switch v.Kind() {
	case reflect.String:
		if s == jsonString {
			v.SetString(n.Value)
			return nil
		}
	case reflect.Bool:
		if s == jsonBool {
			v.SetBool(isTrue(n))
			return nil
		}
	case reflect.Float32, reflect.Float64:
		if s == jsonNumber {
			f, err := strconv.ParseFloat(n.Value, v.Type().Bits())
			if err == nil {
				v.SetFloat(f)
				return nil
			}
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if i, ok := exactInteger(n, s); ok && !v.OverflowInt(i) {
			v.SetInt(i)
			return nil
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if i, ok := exactInteger(n, s); ok && i >= 0 && !v.OverflowUint(uint64(i)) {
			v.SetUint(uint64(i))
			return nil
		}
	}
	return errUnusual
}

// exactInteger is the integer the number n spells in digits alone, when a
// float64 holds it exactly: kin-openapi decodes some parts of a document
// from generic maps it encodes back to JSON, where a number has been a
// float64 on the way.
func exactInteger(n *yaml.Node, s scalarSort) (int64, bool) {
	if s != jsonNumber || strings.ContainsAny(n.Value, ".eE") {
		return 0, false
	}
	i, err := strconv.ParseInt(n.Value, 10, 64)
	const exact = 1 << 53
	return i, err == nil && -exact <= i && i <= exact
}

// generic is n as json.Unmarshal decodes its JSON into an any.
func generic(n *yaml.Node) (any, error) {
	switch s := classify(n); s {
	case jsonNull:
		return nil, nil
	case jsonBool:
		return isTrue(n), nil
	case jsonNumber:
		f, err := strconv.ParseFloat(n.Value, 64)
		if err != nil {
			return nil, errUnusual
		}
		return f, nil
	case jsonString:
		return n.Value, nil
	case jsonObject:
		m := make(map[string]any, len(n.Content)/2)
		err := eachEntry(n, func(key string, val *yaml.Node) error {
			x, err := generic(val)
			m[key] = x
			return err
		})
		return m, err
	case jsonArray:
		list := make([]any, len(n.Content))
		for i, item := range n.Content {
			x, err := generic(item)
			if err != nil {
				return nil, err
			}
			list[i] = x
		}
		return list, nil
	}
	return nil, errUnusual
}

// classify tells what n is in JSON as jsonWriter writes it, or unusual for
// a node it leaves to kin-openapi: an alias, a number or boolean YAML
// spells in a way JSON does not, text that is not UTF-8.
func classify(n *yaml.Node) scalarSort {
	switch n.Kind {
	case yaml.MappingNode:
		return jsonObject
	case yaml.SequenceNode:
		return jsonArray
	case yaml.ScalarNode:
		switch s := scalarSortOf(n); {
		case s == yamlOnly, s == jsonString && !utf8.ValidString(n.Value):
			return unusual
		default:
			return s
		}
	}
	return unusual
}

// eachEntry calls f with each entry of the mapping n, in order. Merge
// keys, keys that are not plain scalars and repeated keys are unusual.
func eachEntry(n *yaml.Node, f func(key string, val *yaml.Node) error) error {
	if n.Kind != yaml.MappingNode {
		return errUnusual
	}
	var seen map[string]bool
	if len(n.Content) > 16 {
		seen = make(map[string]bool, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode || isMergeKey(k) || !utf8.ValidString(k.Value) {
			return errUnusual
		}
		if seen != nil {
			if seen[k.Value] {
				return errUnusual
			}
			seen[k.Value] = true
		} else {
			for j := 0; j < i; j += 2 {
				if n.Content[j].Value == k.Value {
					return errUnusual
				}
			}
		}
		if err := f(k.Value, n.Content[i+1]); err != nil {
			return err
		}
	}
	return nil
}

// decodeStandard fills v, a kin-openapi type whose decoder takes its
// fields by their JSON names and keeps every other key as an extension,
// from the mapping n. Only keys starting with x- are taken as extensions.
func decodeStandard(n *yaml.Node, v reflect.Value, st *standardType) error {
	var ext map[string]any
	err := eachEntry(n, func(key string, val *yaml.Node) error {
		if i, ok := st.fields[key]; ok {
			return decodeNode(val, v.Field(i))
		}
		if !strings.HasPrefix(key, "x-") {
			return errUnusual
		}
		x, err := generic(val)
		if ext == nil {
			ext = map[string]any{}
		}
		ext[key] = x
		return err
	})
	if err != nil {
		return err
	}
	if ext != nil {
		v.Field(st.extensions).Set(reflect.ValueOf(ext))
	}
	return nil
}

// A standardType is a kin-openapi type decodeStandard decodes: the indices
// of its fields by JSON name, and of its Extensions.
type standardType struct {
	fields     map[string]int
	extensions int
}

// standardTypes are the kin-openapi types decodeStandard decodes.
var standardTypes = sync.OnceValue(func() map[reflect.Type]*standardType {
	types := map[reflect.Type]*standardType{}
	for _, t := range []reflect.Type{
		reflect.TypeFor[openapi3.T](),
		reflect.TypeFor[openapi3.Components](),
		reflect.TypeFor[openapi3.Info](),
		reflect.TypeFor[openapi3.Contact](),
		reflect.TypeFor[openapi3.License](),
		reflect.TypeFor[openapi3.Server](),
		reflect.TypeFor[openapi3.ServerVariable](),
		reflect.TypeFor[openapi3.Tag](),
		reflect.TypeFor[openapi3.ExternalDocs](),
		reflect.TypeFor[openapi3.PathItem](),
		reflect.TypeFor[openapi3.Operation](),
		reflect.TypeFor[openapi3.Parameter](),
		reflect.TypeFor[openapi3.RequestBody](),
		reflect.TypeFor[openapi3.Response](),
		reflect.TypeFor[openapi3.MediaType](),
		reflect.TypeFor[openapi3.Encoding](),
		reflect.TypeFor[openapi3.Example](),
		reflect.TypeFor[openapi3.Link](),
		reflect.TypeFor[openapi3.SecurityScheme](),
		reflect.TypeFor[openapi3.OAuthFlows](),
		reflect.TypeFor[openapi3.OAuthFlow](),
		reflect.TypeFor[openapi3.Schema](),
		reflect.TypeFor[openapi3.Discriminator](),
		reflect.TypeFor[openapi3.XML](),
	} {
		ext, _ := t.FieldByName("Extensions")
		types[t] = &standardType{fields: jsonFields(t), extensions: ext.Index[0]}
	}
	return types
})

// jsonFields maps the JSON names of t's fields, as encoding/json reads
// them, to their indices. Fields whose JSON encoding/json would read as a
// string (the ,string option) are left out: their keys are unusual.
func jsonFields(t reflect.Type) map[string]int {
	fields := map[string]int{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if !f.IsExported() || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		if f.Anonymous || strings.Contains(","+opts+",", ",string,") {
			continue
		}
		fields[name] = i
	}
	return fields
}

// specialDecoders decode the kin-openapi types whose decoders do more than
// decodeStandard.
var specialDecoders map[reflect.Type]func(n *yaml.Node, v reflect.Value) error

func init() {
	specialDecoders = map[reflect.Type]func(*yaml.Node, reflect.Value) error{
		reflect.TypeFor[openapi3.Paths]():          decodeMapLike(openapi3.NewPathsWithCapacity, (*openapi3.Paths).Set),
		reflect.TypeFor[openapi3.Responses]():      decodeMapLike(openapi3.NewResponsesWithCapacity, (*openapi3.Responses).Set),
		reflect.TypeFor[openapi3.Callback]():       decodeMapLike(openapi3.NewCallbackWithCapacity, (*openapi3.Callback).Set),
		reflect.TypeFor[openapi3.Operation]():      decodeOperation,
		reflect.TypeFor[openapi3.Header]():         decodeHeader,
		reflect.TypeFor[openapi3.Types]():          decodeTypes,
		reflect.TypeFor[openapi3.BoolSchema]():     decodeBoolSchema,
		reflect.TypeFor[openapi3.ExclusiveBound](): decodeExclusiveBound,
		reflect.TypeFor[openapi3.MappingRef]():     decodeMappingRef,
	}
	for _, t := range []reflect.Type{
		reflect.TypeFor[openapi3.SchemaRef](),
		reflect.TypeFor[openapi3.ParameterRef](),
		reflect.TypeFor[openapi3.HeaderRef](),
		reflect.TypeFor[openapi3.RequestBodyRef](),
		reflect.TypeFor[openapi3.ResponseRef](),
		reflect.TypeFor[openapi3.ExampleRef](),
		reflect.TypeFor[openapi3.LinkRef](),
		reflect.TypeFor[openapi3.CallbackRef](),
		reflect.TypeFor[openapi3.SecuritySchemeRef](),
	} {
		ref, _ := t.FieldByName("Ref")
		value, _ := t.FieldByName("Value")
		specialDecoders[t] = decodeRef(ref.Index[0], value.Index[0])
	}
}

// decodeMapLike decodes a Paths, Responses or Callback: every key but the
// x- ones is an entry, and Extensions is never nil.
func decodeMapLike[M any, V any](newMap func(int) M, set func(M, string, *V)) func(*yaml.Node, reflect.Value) error {
	return func(n *yaml.Node, v reflect.Value) error {
		m := newMap(len(n.Content) / 2)
		ext := map[string]any{}
		err := eachEntry(n, func(key string, val *yaml.Node) error {
			if strings.HasPrefix(key, "x-") {
				x, err := generic(val)
				ext[key] = x
				return err
			}
			if val.Kind != yaml.MappingNode {
				return errUnusual // kin-openapi makes an entry of null
			}
			entry := new(V)
			set(m, key, entry)
			return decodeNode(val, reflect.ValueOf(entry).Elem())
		})
		if err != nil {
			return err
		}
		mv := reflect.ValueOf(m).Elem()
		mv.FieldByName("Extensions").Set(reflect.ValueOf(ext))
		v.Set(mv)
		return nil
	}
}

// decodeOperation decodes an Operation, whose decoder marks responses
// given as null.
func decodeOperation(n *yaml.Node, v reflect.Value) error {
	if r := mappingValue(n, "responses"); r != nil && classify(r) == jsonNull {
		return errUnusual
	}
	return decodeStandard(n, v, standardTypes()[v.Type()])
}

// decodeHeader decodes a Header as the Parameter it embeds.
func decodeHeader(n *yaml.Node, v reflect.Value) error {
	return decodeNode(n, v.FieldByName("Parameter"))
}

// decodeTypes decodes a schema's type: one name, or a list of them.
func decodeTypes(n *yaml.Node, v reflect.Value) error {
	if classify(n) == jsonString {
		v.Set(reflect.ValueOf(openapi3.Types{n.Value}))
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return errUnusual
	}
	types := make(openapi3.Types, len(n.Content))
	for i, item := range n.Content {
		if classify(item) != jsonString {
			return errUnusual
		}
		types[i] = item.Value
	}
	v.Set(reflect.ValueOf(types))
	return nil
}

// decodeBoolSchema decodes additionalProperties and its kin: a boolean,
// or a schema.
func decodeBoolSchema(n *yaml.Node, v reflect.Value) error {
	bs := v.Addr().Interface().(*openapi3.BoolSchema)
	switch classify(n) {
	case jsonBool:
		has := isTrue(n)
		bs.Has = &has
		return nil
	case jsonObject:
		bs.Schema = &openapi3.SchemaRef{}
		return decodeNode(n, reflect.ValueOf(bs.Schema).Elem())
	}
	return errUnusual
}

// decodeExclusiveBound decodes exclusiveMinimum or exclusiveMaximum: a
// boolean (OpenAPI 3.0) or a number (3.1).
func decodeExclusiveBound(n *yaml.Node, v reflect.Value) error {
	eb := v.Addr().Interface().(*openapi3.ExclusiveBound)
	switch classify(n) {
	case jsonBool:
		b := isTrue(n)
		eb.Bool = &b
		return nil
	case jsonNumber:
		f, err := strconv.ParseFloat(n.Value, 64)
		if err != nil {
			return errUnusual
		}
		eb.Value = &f
		return nil
	}
	return errUnusual
}

// decodeMappingRef decodes a discriminator mapping's target, a string.
func decodeMappingRef(n *yaml.Node, v reflect.Value) error {
	if classify(n) != jsonString {
		return errUnusual
	}
	v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.Value))
	return nil
}

// decodeRef decodes a SchemaRef, ParameterRef and the like, whose fields
// Ref and Value have the indices ref and value: a $ref alone, or the value
// declared in place. A $ref with siblings is unusual: kin-openapi keeps
// them where only it can.
func decodeRef(ref, value int) func(*yaml.Node, reflect.Value) error {
	return func(n *yaml.Node, v reflect.Value) error {
		if n.Kind != yaml.MappingNode {
			return errUnusual
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i].Value
			if key == "$ref" {
				if len(n.Content) != 2 || classify(n.Content[1]) != jsonString || n.Content[1].Value == "" {
					return errUnusual
				}
				v.Field(ref).SetString(n.Content[1].Value)
				return nil
			}
			if strings.EqualFold(key, "$ref") {
				return errUnusual
			}
		}
		return decodeNode(n, v.Field(value))
	}
}

// isUnmarshaler reports whether encoding/json would decode t through its
// own method.
func isUnmarshaler(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return p.Implements(jsonUnmarshaler) || p.Implements(textUnmarshaler)
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)
