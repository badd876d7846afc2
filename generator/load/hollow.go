package load

import (
	"encoding/json"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"
)

// decodeSchema decodes the schema n into ref as kin-openapi decodes its
// JSON, in a fraction of the time. kin-openapi's decoders read a schema's
// whole subtree several times (for a $ref, for the fields, for the
// extensions) and again at every level below, so a schema costs its depth
// times its size. decodeSchema gives kin-openapi each inline schema
// hollowed, its subschemas written {}, then decodes each subschema the same
// way into the place kin-openapi made for it.
//
// Only the subschema positions of OpenAPI 3.0 are hollowed (properties,
// items, not, additionalProperties, allOf, oneOf, anyOf), and only inline
// mappings there; a $ref, a boolean, an alias, a merge key or anything else
// is left in the JSON for kin-openapi to decode whole.
func decodeSchema(n *yaml.Node, ref *openapi3.SchemaRef) error {
	w := jsonWriter{limit: jsonLimit(0)}
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
			data, _, err := toJSON(n, 0, jsonLimit(0))
			if err != nil {
				return err
			}
			return json.Unmarshal(data, ref)
		}
		*place = openapi3.SchemaRef{}
		if err := decodeSchema(sub.node, place); err != nil {
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
	if !hollowable(n) || hasMergeKey(n) {
		return nil, w.value(n)
	}
	var subs []subschema
	w.buf = append(w.buf, '{')
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if key.Kind != yaml.ScalarNode {
			w.buf = w.buf[:0]
			return nil, w.value(n) // the writer says why
		}
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		w.buf = appendJSONString(w.buf, key.Value)
		w.buf = append(w.buf, ':')
		var err error
		switch key.Value {
		case "properties":
			err = w.hollowProperties(val, &subs)
		case "items", "not", "additionalProperties":
			err = w.hollowOne(val, key.Value, &subs)
		case "allOf", "oneOf", "anyOf":
			err = w.hollowList(val, key.Value, &subs)
		default:
			err = w.value(val)
		}
		if err != nil {
			return nil, err
		}
	}
	w.buf = append(w.buf, '}')
	return subs, nil
}

// hollowable reports an inline schema: a mapping without $ref.
func hollowable(n *yaml.Node) bool {
	return n.Kind == yaml.MappingNode && mappingValue(n, "$ref") == nil
}

func (w *jsonWriter) hollowProperties(props *yaml.Node, subs *[]subschema) error {
	if props.Kind != yaml.MappingNode || hasMergeKey(props) {
		return w.value(props)
	}
	w.buf = append(w.buf, '{')
	for i := 0; i+1 < len(props.Content); i += 2 {
		key, val := props.Content[i], props.Content[i+1]
		if key.Kind != yaml.ScalarNode {
			return w.value(props) // fails, naming the key
		}
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		w.buf = appendJSONString(w.buf, key.Value)
		w.buf = append(w.buf, ':')
		if !hollowable(val) {
			if err := w.value(val); err != nil {
				return err
			}
			continue
		}
		w.buf = append(w.buf, "{}"...)
		name := key.Value
		*subs = append(*subs, subschema{val, func(s *openapi3.Schema) *openapi3.SchemaRef {
			return s.Properties[name]
		}})
	}
	w.buf = append(w.buf, '}')
	return nil
}

func (w *jsonWriter) hollowOne(val *yaml.Node, key string, subs *[]subschema) error {
	if !hollowable(val) {
		return w.value(val)
	}
	w.buf = append(w.buf, "{}"...)
	*subs = append(*subs, subschema{val, func(s *openapi3.Schema) *openapi3.SchemaRef {
		switch key {
		case "items":
			return s.Items
		case "not":
			return s.Not
		}
		return s.AdditionalProperties.Schema
	}})
	return nil
}

func (w *jsonWriter) hollowList(list *yaml.Node, key string, subs *[]subschema) error {
	if list.Kind != yaml.SequenceNode {
		return w.value(list)
	}
	w.buf = append(w.buf, '[')
	for i, item := range list.Content {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		if !hollowable(item) {
			if err := w.value(item); err != nil {
				return err
			}
			continue
		}
		w.buf = append(w.buf, "{}"...)
		*subs = append(*subs, subschema{item, func(s *openapi3.Schema) *openapi3.SchemaRef {
			refs := s.AnyOf
			switch key {
			case "allOf":
				refs = s.AllOf
			case "oneOf":
				refs = s.OneOf
			}
			if i >= len(refs) {
				return nil
			}
			return refs[i]
		}})
	}
	w.buf = append(w.buf, ']')
	return nil
}
