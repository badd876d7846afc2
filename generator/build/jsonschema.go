package build

import (
	"math"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
)

// What a schema says of its values, in the words of OpenAPI 3.0 and of
// 3.1 (JSON Schema 2020-12) alike: a type array may list "null" beside
// one type (type: [string, "null"] is type: string, nullable: true), a
// const is an enum of one value whose type is that of the value, and an
// alternative {type: "null"} of a oneOf or anyOf makes it nullable, the
// other alternatives being what it is.

// isType reports a schema whose values, null aside, are of type typ
// alone: its type, or that of its const.
func isType(s *openapi3.Schema, typ string) bool {
	types := valueTypes(s)
	return len(types) == 1 && types[0] == typ
}

// valueTypes are the types a schema's values other than null may have:
// those its type lists, or the type of its const; none when it says
// nothing. Integers are numbers, so [integer, number] is number.
func valueTypes(s *openapi3.Schema) []string {
	var types []string
	for _, t := range s.Type.Slice() {
		if t != openapi3.TypeNull {
			types = append(types, t)
		}
	}
	if len(types) == 0 && s.Const != nil {
		if t := constType(s.Const); t != "" {
			types = append(types, t)
		}
	}
	if len(types) == 2 && slices.Contains(types, openapi3.TypeInteger) && slices.Contains(types, openapi3.TypeNumber) {
		return []string{openapi3.TypeNumber}
	}
	return types
}

// constType is the JSON type of a const value; "" for an object or a
// list, which no Go type but any holds.
func constType(v any) string {
	switch v := v.(type) {
	case string:
		return openapi3.TypeString
	case bool:
		return openapi3.TypeBoolean
	case float64:
		if v == math.Trunc(v) {
			return openapi3.TypeInteger
		}
		return openapi3.TypeNumber
	}
	return ""
}

// isNullable reports a schema that allows null besides its values.
func isNullable(s *openapi3.Schema) bool {
	if s.Nullable || s.Type.IncludesNull() {
		return true
	}
	for _, alt := range rawAlternatives(s) {
		if isNullSchema(alt) {
			return true
		}
	}
	return false
}

// isNullSchema reports {type: "null"}, a schema whose only value is null.
func isNullSchema(ref *openapi3.SchemaRef) bool {
	return ref.Value != nil && slices.Equal(ref.Value.Type.Slice(), []string{openapi3.TypeNull})
}

// enumValues are the values an enum, or a const, allows.
func enumValues(s *openapi3.Schema) []any {
	if len(s.Enum) == 0 && s.Const != nil {
		return []any{s.Const}
	}
	return s.Enum
}

// rawAlternatives are the alternatives of a oneOf, else of an anyOf, as
// the document lists them.
func rawAlternatives(s *openapi3.Schema) openapi3.SchemaRefs {
	if len(s.OneOf) > 0 {
		return s.OneOf
	}
	return s.AnyOf
}

// alternatives are the alternatives of a oneOf, else of an anyOf, but
// {type: "null"}, which makes the schema nullable rather than being one.
func alternatives(s *openapi3.Schema) openapi3.SchemaRefs {
	alts := rawAlternatives(s)
	if !slices.ContainsFunc(alts, isNullSchema) {
		return alts
	}
	var out openapi3.SchemaRefs
	for _, alt := range alts {
		if !isNullSchema(alt) {
			out = append(out, alt)
		}
	}
	return out
}

// soleAlternative is the one alternative of a oneOf or anyOf that is
// not {type: "null"}, when there is only one, and its index in the
// document's list.
func soleAlternative(s *openapi3.Schema) (*openapi3.SchemaRef, int, bool) {
	alts := alternatives(s)
	if len(alts) != 1 {
		return nil, 0, false
	}
	return alts[0], slices.Index(rawAlternatives(s), alts[0]), true
}
