package build

import (
	"bytes"
	"encoding/json"
	"go/format"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// A literalWriter writes a JSON value of the document as the Go
// expression of the SDK's types that encodes to it, for the examples of
// the docs: {"author":{"type":"business"}} as a MessagePost is
// sunco.MessagePost{Author: sunco.Author{Type: sunco.AuthorTypeBusiness}}.
type literalWriter struct {
	pkg string // the package qualifier, "sunco"
}

// decodeExample decodes an example's JSON, numbers kept as written.
func decodeExample(data []byte) (any, bool) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	return v, d.Decode(&v) == nil
}

// literal is the expression of type t for the JSON value v; ok is false
// when Go cannot say it with the SDK's types (a free-form value, a null).
func (w literalWriter) literal(t ir.Type, v any) (string, bool) {
	switch t := t.(type) {
	case ir.Builtin:
		return w.builtin(t, v)
	case *ir.Pointer:
		if structOf(t.Elem) != nil {
			lit, ok := w.literal(t.Elem, v)
			return "&" + lit, ok
		}
		lit, ok := w.literal(t.Elem, v)
		if b, isBuiltin := t.Elem.(ir.Builtin); isBuiltin && b != ir.String && b != ir.Bool && b != ir.Int {
			lit = string(b) + "(" + lit + ")" // Ptr(2) would be a *int
		}
		return w.pkg + ".Ptr(" + lit + ")", ok
	case *ir.Nullable:
		lit, ok := w.literal(t.Elem, v)
		return w.pkg + ".NewNullable(" + lit + ")", ok
	case *ir.Slice:
		items, isArray := v.([]any)
		if !isArray {
			return "", false
		}
		elems := make([]string, len(items))
		for i, item := range items {
			var ok bool
			if elems[i], ok = w.literal(t.Elem, item); !ok {
				return "", false
			}
		}
		return w.typeName(t) + composite(elems), true
	case *ir.Map:
		obj, isObject := v.(map[string]any)
		if !isObject {
			return "", false
		}
		var elems []string
		for _, k := range slices.Sorted(maps.Keys(obj)) {
			lit, ok := w.literal(t.Elem, obj[k])
			if !ok {
				return "", false
			}
			elems = append(elems, strconv.Quote(k)+": "+lit)
		}
		return w.typeName(t) + composite(elems), true
	case *ir.Named:
		return w.named(t.Decl, v)
	}
	return "", false
}

func (w literalWriter) builtin(t ir.Builtin, v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v), t == ir.String
	case bool:
		return strconv.FormatBool(v), t == ir.Bool
	case json.Number:
		switch t {
		case ir.Int, ir.Int64:
			_, err := strconv.ParseInt(v.String(), 10, 64)
			return v.String(), err == nil
		case ir.Float64:
			return v.String(), true
		}
	}
	return "", false
}

func (w literalWriter) named(d ir.Decl, v any) (string, bool) {
	switch d := d.(type) {
	case *ir.Struct:
		obj, isObject := v.(map[string]any)
		if !isObject {
			return "", false
		}
		return w.structLiteral(d, obj)
	case *ir.Union:
		obj, isObject := v.(map[string]any)
		if st := variantOf(d, obj); isObject && st != nil {
			lit, ok := w.structLiteral(st, obj)
			return "&" + lit, ok
		}
	case *ir.Enum:
		s, isString := v.(string)
		if i := slices.IndexFunc(d.Values, func(e ir.EnumValue) bool { return e.Value == s }); isString && i >= 0 {
			return w.pkg + "." + d.Values[i].Name, true
		}
		return w.pkg + "." + d.Name + "(" + strconv.Quote(s) + ")", isString
	case *ir.Alias:
		return w.literal(d.Target, v)
	}
	return "", false
}

// structLiteral is st's literal for obj: its fields in order, but for the
// discriminator, which encoding writes itself, and the properties Go
// cannot say, which must be optional.
func (w literalWriter) structLiteral(st *ir.Struct, obj map[string]any) (string, bool) {
	var elems []string
	for _, f := range st.Fields {
		v, present := obj[f.JSONName]
		if !present || st.Discriminator != nil && st.Discriminator.Field == f {
			continue
		}
		lit, ok := w.literal(f.Type, v)
		if !ok {
			if f.Omit == "" {
				return "", false
			}
			continue
		}
		elems = append(elems, f.Name+": "+lit)
	}
	return w.pkg + "." + st.Name + composite(elems), true
}

// variantOf is the variant of u that obj is: the one its discriminator
// names, or the first whose required properties it has and that declares
// all of its properties; nil for none.
func variantOf(u *ir.Union, obj map[string]any) *ir.Struct {
	for _, v := range u.Variants {
		if u.Discriminator != "" {
			if s, ok := obj[u.Discriminator].(string); ok && slices.Contains(v.Values, s) {
				return v.Struct
			}
			continue
		}
		fits := !slices.ContainsFunc(v.Required, func(p string) bool { _, ok := obj[p]; return !ok })
		for k := range obj {
			fits = fits && slices.Contains(v.Properties, k)
		}
		if fits {
			return v.Struct
		}
	}
	return nil
}

// composite is the braces of a composite literal around elems, one a line
// when there are several, as gofmt lays them out.
func composite(elems []string) string {
	if len(elems) < 2 {
		return "{" + strings.Join(elems, "") + "}"
	}
	return "{\n" + strings.Join(elems, ",\n") + ",\n}"
}

// typeName is the Go spelling of t in the examples.
func (w literalWriter) typeName(t ir.Type) string {
	switch t := t.(type) {
	case ir.Builtin:
		return string(t)
	case *ir.Named:
		return w.pkg + "." + t.Decl.DeclName()
	case *ir.Pointer:
		return "*" + w.typeName(t.Elem)
	case *ir.Nullable:
		return w.pkg + ".Nullable[" + w.typeName(t.Elem) + "]"
	case *ir.Slice:
		return "[]" + w.typeName(t.Elem)
	case *ir.Map:
		return "map[string]" + w.typeName(t.Elem)
	}
	return "any"
}

// gofmt lays out Go statements as gofmt does; ok is false for text that
// is not Go.
func gofmt(src string) (string, bool) {
	out, err := format.Source([]byte(src))
	return strings.TrimSpace(string(out)), err == nil
}
