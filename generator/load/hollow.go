package load

import (
	"encoding/json"
	"sync/atomic"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"
)

// A schemaDecoder decodes schemas as kin-openapi decodes their JSON, in a
// fraction of the time. kin-openapi's decoders read a schema's whole
// subtree several times (for a $ref, for the fields, for the extensions)
// and again at every level below, so a schema costs its depth times its
// size. decode gives kin-openapi each inline schema hollowed, its
// subschemas written {}, then decodes each subschema the same way into the
// place kin-openapi made for it.
//
// Only the subschema positions of OpenAPI 3.0 are hollowed (properties,
// items, not, additionalProperties, allOf, oneOf, anyOf), and only inline
// mappings there; a $ref, a boolean, an alias, a merge key or anything else is left in
// the JSON for kin-openapi to decode whole.
type schemaDecoder struct {
	limit int           // the most bytes aliases may expand the document's JSON to
	spent *atomic.Int64 // what the document's writers wrote so far, counted against limit
}

func (d schemaDecoder) decode(n *yaml.Node, ref *openapi3.SchemaRef) error {
	w := jsonWriter{limit: d.limit, spent: d.spent}
	defer func() { d.spent.Add(int64(len(w.buf))) }()
	subs, err := w.hollow(n)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(w.buf, ref); err != nil {
		return err
	}
	for _, sub := range subs {
		place := sub.place(ref.Value)
		if place == nil {
			// kin-openapi made nothing of the {}: decode all of n whole.
			*ref = openapi3.SchemaRef{}
			w.buf = w.buf[:0]
			if err := w.value(n); err != nil {
				return err
			}
			return json.Unmarshal(w.buf, ref)
		}
		*place = openapi3.SchemaRef{}
		if err := d.decode(sub.node, place); err != nil {
			return err
		}
	}
	return nil
}

// A subschema is an inline schema that hollow wrote {}: its node, and how
// to find the SchemaRef kin-openapi decoded the {} into.
type subschema struct {
	node  *yaml.Node
	place func(parent *openapi3.Schema) *openapi3.SchemaRef // nil when missing
}

// hollow writes the schema n as JSON with its inline subschemas written {},
// and returns them.
func (w *jsonWriter) hollow(n *yaml.Node) ([]subschema, error) {
	if !hollowable(n) {
		return nil, w.value(n)
	}
	var subs []subschema
	err := w.mappingOf(n, func(key string, val *yaml.Node) error {
		switch key {
		case "properties":
			if val.Kind != yaml.MappingNode {
				return w.value(val)
			}
			return w.mappingOf(val, func(name string, prop *yaml.Node) error {
				return w.subschema(prop, &subs, func(s *openapi3.Schema) *openapi3.SchemaRef { return s.Properties[name] })
			})
		case "items":
			return w.subschema(val, &subs, func(s *openapi3.Schema) *openapi3.SchemaRef { return s.Items })
		case "not":
			return w.subschema(val, &subs, func(s *openapi3.Schema) *openapi3.SchemaRef { return s.Not })
		case "additionalProperties":
			return w.subschema(val, &subs, func(s *openapi3.Schema) *openapi3.SchemaRef { return s.AdditionalProperties.Schema })
		case "allOf", "oneOf", "anyOf":
			if val.Kind != yaml.SequenceNode {
				return w.value(val)
			}
			w.buf = append(w.buf, '[')
			for i, item := range val.Content {
				if i > 0 {
					w.buf = append(w.buf, ',')
				}
				if err := w.subschema(item, &subs, func(s *openapi3.Schema) *openapi3.SchemaRef { return nth(listOf(s, key), i) }); err != nil {
					return err
				}
			}
			w.buf = append(w.buf, ']')
			return nil
		}
		return w.value(val)
	})
	return subs, err
}

// subschema writes val as {} when it is an inline schema, adding it to subs
// with place, where kin-openapi will have decoded the {}; else it writes
// val whole.
func (w *jsonWriter) subschema(val *yaml.Node, subs *[]subschema, place func(*openapi3.Schema) *openapi3.SchemaRef) error {
	if !hollowable(val) {
		return w.value(val)
	}
	w.buf = append(w.buf, "{}"...)
	*subs = append(*subs, subschema{val, place})
	return nil
}

// hollowable reports an inline schema: a mapping without $ref, nor merge
// keys that could bring one.
func hollowable(n *yaml.Node) bool {
	return n.Kind == yaml.MappingNode && mappingValue(n, "$ref") == nil && !hasMergeKey(n)
}

// listOf is the allOf, oneOf or anyOf of s.
func listOf(s *openapi3.Schema, key string) openapi3.SchemaRefs {
	switch key {
	case "allOf":
		return s.AllOf
	case "oneOf":
		return s.OneOf
	}
	return s.AnyOf
}

func nth(refs openapi3.SchemaRefs, i int) *openapi3.SchemaRef {
	if i >= len(refs) {
		return nil
	}
	return refs[i]
}
