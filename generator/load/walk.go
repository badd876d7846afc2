package load

import (
	"gopkg.in/yaml.v3"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
)

// schemaNode is a schema object found by a walk.
type schemaNode struct {
	node     *yaml.Node // the schema mapping
	ptr      string     // its JSON pointer
	parent   *yaml.Node // the object schema whose properties hold node, or nil
	property string     // the name of node under parent's properties
}

// visitor receives what a walk finds. Any callback may be nil. A callback
// may change the node it is given (and a schema callback its parent schema):
// the walk descends into the node after the callback returns.
type visitor struct {
	schema func(s schemaNode) error
	server func(n *yaml.Node, ptr string) error
	ref    func(n *yaml.Node, ptr string) error // n is the $ref value, ptr the pointer of the object holding it
}

// The keys a walk treats specially. Outside schemas, the values of
// genericDataKeys are data (an example, an Example Object's value) and are
// not walked. Inside a schema only the subschema keys below are walked: the
// rest (example, default, enum, x-* extensions, ...) is data or scalar.
var (
	genericDataKeys = map[string]bool{"example": true, "value": true}
	schemaMapKeys   = map[string]bool{"properties": true}                                       // name → schema
	schemaOneKeys   = map[string]bool{"items": true, "not": true, "additionalProperties": true} // one schema
	schemaListKeys  = map[string]bool{"allOf": true, "oneOf": true, "anyOf": true}              // schema list
)

// walk visits the OpenAPI document root in document order, telling schema
// positions (schema, schemas, properties, items, allOf, oneOf, anyOf, not,
// additionalProperties) from the rest of the document.
func walk(root *yaml.Node, v visitor) error {
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	return v.generic(root, "")
}

// generic walks a node that is not a schema.
func (v visitor) generic(n *yaml.Node, ptr string) error {
	switch n.Kind {
	case yaml.SequenceNode:
		for i, item := range n.Content {
			if err := v.generic(item, jsonptr.Index(ptr, i)); err != nil {
				return err
			}
		}
	case yaml.MappingNode:
		if err := v.visitRef(n, ptr); err != nil {
			return err
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if err := v.genericEntry(n.Content[i].Value, n.Content[i+1], ptr); err != nil {
				return err
			}
		}
	}
	return nil
}

// genericEntry walks the value of key in a mapping that is not a schema.
func (v visitor) genericEntry(key string, val *yaml.Node, ptr string) error {
	if genericDataKeys[key] || val.Kind == yaml.ScalarNode || val.Kind == yaml.AliasNode {
		return nil // nothing to visit: no pointer to make
	}
	p := jsonptr.Join(ptr, key)
	switch {
	case key == "schema":
		return v.schemaAt(val, p, nil, "")
	case key == "schemas":
		return v.schemaMap(val, p, nil)
	case key == "servers":
		if err := v.servers(val, p); err != nil {
			return err
		}
	}
	return v.generic(val, p)
}

// servers reports each server object of a servers list.
func (v visitor) servers(n *yaml.Node, ptr string) error {
	if v.server == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	for i, s := range n.Content {
		if s.Kind != yaml.MappingNode {
			continue
		}
		if err := v.server(s, jsonptr.Index(ptr, i)); err != nil {
			return err
		}
	}
	return nil
}

// schemaMap walks a mapping from names to schemas. When parent is not nil
// the mapping holds its properties.
func (v visitor) schemaMap(n *yaml.Node, ptr string, parent *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		name := n.Content[i].Value
		if err := v.schemaAt(n.Content[i+1], jsonptr.Join(ptr, name), parent, name); err != nil {
			return err
		}
	}
	return nil
}

// schemaAt visits the schema n and walks its subschemas.
func (v visitor) schemaAt(n *yaml.Node, ptr string, parent *yaml.Node, property string) error {
	if n.Kind != yaml.MappingNode {
		return nil // an alias, or a boolean additionalProperties
	}
	if err := v.visitRef(n, ptr); err != nil {
		return err
	}
	if v.schema != nil {
		if err := v.schema(schemaNode{node: n, ptr: ptr, parent: parent, property: property}); err != nil {
			return err
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if err := v.schemaEntry(n, n.Content[i].Value, n.Content[i+1], ptr); err != nil {
			return err
		}
	}
	return nil
}

// schemaEntry walks the value of key in the schema s.
func (v visitor) schemaEntry(s *yaml.Node, key string, val *yaml.Node, ptr string) error {
	switch {
	case schemaMapKeys[key]:
		return v.schemaMap(val, jsonptr.Join(ptr, key), s)
	case schemaOneKeys[key]:
		return v.schemaAt(val, jsonptr.Join(ptr, key), nil, "")
	case schemaListKeys[key] && val.Kind == yaml.SequenceNode:
		p := jsonptr.Join(ptr, key)
		for i, item := range val.Content {
			if err := v.schemaAt(item, jsonptr.Index(p, i), nil, ""); err != nil {
				return err
			}
		}
	}
	return nil
}

// visitRef reports the $ref of the mapping n, if it has a string one.
func (v visitor) visitRef(n *yaml.Node, ptr string) error {
	if v.ref == nil {
		return nil
	}
	if r := mappingValue(n, "$ref"); r != nil && r.Kind == yaml.ScalarNode {
		return v.ref(r, ptr)
	}
	return nil
}
