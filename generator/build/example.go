package build

import (
	"encoding/json"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// mediaType is the type of a JSON body, and its example (see
// recordExamples); its examples are recorded with it.
func (b *builder) mediaType(mt *openapi3.MediaType, at site) (ir.Type, *ir.Example) {
	t := b.typeOf(mt.Schema, at)
	return t, b.recordExamples(mt, at.pointer, t)
}

// recordExamples records the examples of a media type whose schema is at
// pointer and decodes into t, and returns the first: its example, else
// the first of its named examples; nil when it has none.
func (b *builder) recordExamples(mt *openapi3.MediaType, pointer string, t ir.Type) *ir.Example {
	base := pointer[:len(pointer)-len("/schema")]
	var first *ir.Example
	record := func(pointer string, value any) {
		if ex := b.example(pointer, t, value); first == nil {
			first = ex
		}
	}
	if mt.Example != nil {
		record(base+"/example", mt.Example)
	}
	for _, name := range sortedKeys(mt.Examples) {
		if ex := mt.Examples[name]; ex.Value != nil && ex.Value.Value != nil {
			record(jsonptr.Join(base+"/examples", name), ex.Value.Value)
		}
	}
	return first
}

// schemaExamples records the examples of component schemas that become
// structs or unions: examples of plain values say nothing about decoding.
func (b *builder) schemaExamples() {
	schemas := b.schemas()
	for _, key := range sortedKeys(schemas) {
		s := schemas[key].Value
		if _, isObject := s.Example.(map[string]any); !isObject {
			continue
		}
		switch d := b.components[key]; d.(type) {
		case *ir.Struct, *ir.Union:
			b.example(jsonptr.Join("/components/schemas", key, "example"), &ir.Named{Decl: d}, s.Example)
		}
	}
}

// example records value, at pointer, as an example of t, and returns it;
// nil, with a warning, when it cannot be written as JSON.
func (b *builder) example(pointer string, t ir.Type, value any) *ir.Example {
	data, err := json.Marshal(value)
	if err != nil {
		b.warnf(pointer, "example cannot be written as JSON, so no test round-trips it: %v", err)
		return nil
	}
	ex := &ir.Example{Pointer: pointer, Type: t, JSON: data}
	b.examples = append(b.examples, ex)
	return ex
}
