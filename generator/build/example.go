package build

import (
	"encoding/json"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// mediaType is the type of a JSON body; its examples are recorded with it.
func (b *builder) mediaType(mt *openapi3.MediaType, at site) ir.Type {
	t := b.typeOf(mt.Schema, at)
	b.recordExamples(mt, at.pointer, t)
	return t
}

// recordExamples records the examples of a media type whose schema is at
// pointer and decodes into t.
func (b *builder) recordExamples(mt *openapi3.MediaType, pointer string, t ir.Type) {
	base := pointer[:len(pointer)-len("/schema")]
	if mt.Example != nil {
		b.example(base+"/example", t, mt.Example)
	}
	for _, name := range sortedKeys(mt.Examples) {
		if ex := mt.Examples[name]; ex.Value != nil && ex.Value.Value != nil {
			b.example(jsonptr.Join(base+"/examples", name), t, ex.Value.Value)
		}
	}
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

func (b *builder) example(pointer string, t ir.Type, value any) {
	data, err := json.Marshal(value)
	if err != nil {
		b.warnf(pointer, "example cannot be written as JSON, so no test round-trips it: %v", err)
		return
	}
	b.examples = append(b.examples, &ir.Example{Pointer: pointer, Type: t, JSON: data})
}
