package build

import (
	"maps"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// The runtime declares the type of one error detail of an API error
// response, which APIError.Errors holds:
//
//	type Error struct{ Code, Title string; Extra map[string]json.RawMessage }
//
// with the codec and getters of a generated struct. A document's own
// schema of that shape is that type, not a twin of it; a document without
// one still gets an APIError that reads the details.
const (
	errorDetailName = "Error"
	errorCode       = "code"
	errorTitle      = "title"
)

// isErrorDetail reports an object schema that is exactly an error detail
// of the runtime's shape: the string properties code and title, nothing
// else declared, and no further constraint on what it holds.
func isErrorDetail(s *openapi3.Schema) bool {
	if len(s.AllOf) > 0 || len(s.OneOf) > 0 || len(s.AnyOf) > 0 || s.AdditionalProperties.Schema != nil || isNullable(s) {
		return false
	}
	if !slices.Equal(slices.Sorted(maps.Keys(s.Properties)), []string{errorCode, errorTitle}) {
		return false
	}
	for _, p := range s.Properties {
		v := p.Value
		if v == nil || !isType(v, "string") || len(enumValues(v)) > 0 || v.Format != "" || isNullable(v) {
			return false
		}
	}
	return true
}

// errorDetail is the runtime's error detail type, for the component
// schema at pointer: the SDK does not declare it, so it is in no file.
func (b *builder) errorDetail(pointer string) *ir.Struct {
	if b.runtimeError == nil {
		b.runtimeError = &ir.Struct{
			Name:    errorDetailName,
			Pointer: pointer,
			Fields: []*ir.Field{
				{Name: "Code", JSONName: errorCode, Type: ir.String},
				{Name: "Title", JSONName: errorTitle, Type: ir.String},
			},
			Extra: "Extra",
		}
	}
	return b.runtimeError
}
