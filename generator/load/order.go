package load

import (
	"gopkg.in/yaml.v3"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
)

// propertyOrder maps the JSON pointer of the properties mapping of every
// schema of root (/components/schemas/message/properties) to its property
// names in document order. kin-openapi holds properties in a Go map, and
// the generated structs list their fields as the document does.
func propertyOrder(root *yaml.Node) map[string][]string {
	order := map[string][]string{}
	_ = walk(root, visitor{schema: func(s schemaNode) error {
		props := mappingValue(s.node, "properties")
		props = unalias(props)
		if props == nil || props.Kind != yaml.MappingNode {
			return nil
		}
		entries := props.Content
		if hasMergeKey(props) {
			entries = mergedEntries(props)
		}
		names := make([]string, 0, len(entries)/2)
		for i := 0; i+1 < len(entries); i += 2 {
			key := entries[i]
			key = unalias(key)
			names = append(names, key.Value)
		}
		order[jsonptr.Join(s.ptr, "properties")] = names
		return nil
	}})
	return order
}
