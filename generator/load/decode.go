package load

import (
	"encoding/json"
	"sync/atomic"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"

	"github.com/sunco-sdk/sunco-go/generator/internal/parallel"
)

// decodeParts decodes the document root with kin-openapi in parts, on
// every core: the paths and the rest, each written as JSON on its own, and
// each component schema, through a schemaDecoder. Each of kin-openapi's decoders decodes its
// bytes twice (into its struct, and again as a generic map for the
// extensions), at every level, so decoding the largest parts on their own
// also spares the generic decoding of the whole document at the top
// levels. The result is the document that decoding the JSON of root as a
// whole gives; size is the length of the document's source, what its
// JSON is likely to need.
//
// ok is false when the document is not shaped for the split (no paths,
// no component schemas, merge keys or repeated keys on the way) or a part
// fails to write or decode: the caller then decodes it whole, which is
// slower but reports what is wrong the way it always does.
func decodeParts(root *yaml.Node, size int) (doc *openapi3.T, ok bool) {
	if root.Kind != yaml.DocumentNode || len(root.Content) != 1 {
		return nil, false
	}
	top := entries(root.Content[0])
	components := entries(top["components"])
	schemas, paths := components["schemas"], top["paths"]
	if entries(schemas) == nil || paths == nil || paths.Kind != yaml.MappingNode {
		return nil, false
	}

	// The rest is the document without the paths and the schemas: copies
	// of its two upper mappings without them.
	rest := without(root.Content[0], "paths")
	for i := 1; i < len(rest.Content); i += 2 {
		if rest.Content[i-1].Value == "components" {
			rest.Content[i] = without(rest.Content[i], "schemas")
		}
	}
	var names []string
	var nodes []*yaml.Node
	for i := 0; i+1 < len(schemas.Content); i += 2 {
		names = append(names, schemas.Content[i].Value)
		nodes = append(nodes, schemas.Content[i+1])
	}
	w := jsonWriter{buf: make([]byte, 0, size), limit: jsonLimit(size)}
	parts := make([][]byte, 2)
	for i, n := range []*yaml.Node{rest, paths} {
		start := len(w.buf)
		if err := w.value(n); err != nil {
			return nil, false
		}
		parts[i] = w.buf[start:len(w.buf):len(w.buf)]
	}
	// The schemas' writers share the limit on what aliases expand to with
	// w, so that it holds for the document.
	schema := schemaDecoder{limit: w.limit, spent: new(atomic.Int64)}
	schema.spent.Store(int64(len(w.buf)))

	doc = &openapi3.T{}
	decodedPaths := &openapi3.Paths{}
	decodedSchemas := make([]openapi3.SchemaRef, len(names))
	// The two largest parts first, so that no core is left with one of
	// them at the end.
	err := parallel.Do(2+len(nodes), func(i int) error {
		switch i {
		case 0:
			return json.Unmarshal(parts[0], doc)
		case 1:
			return json.Unmarshal(parts[1], decodedPaths)
		}
		return schema.decode(nodes[i-2], &decodedSchemas[i-2])
	})
	if err != nil {
		return nil, false
	}
	doc.Paths = decodedPaths
	doc.Components.Schemas = make(openapi3.Schemas, len(names))
	for i, name := range names {
		doc.Components.Schemas[name] = &decodedSchemas[i]
	}
	return doc, true
}

// entries maps the keys of the mapping n to their values; nil when n is
// not a mapping, or one whose keys are not all plain and different (merge
// keys, aliases, repeats), which the JSON writer resolves.
func entries(n *yaml.Node) map[string]*yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	m := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if _, repeated := m[k.Value]; repeated || k.Kind != yaml.ScalarNode || isMergeKey(k) {
			return nil
		}
		m[k.Value] = n.Content[i+1]
	}
	return m
}

// without is a copy of the mapping n without the entry key.
func without(n *yaml.Node, key string) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, 0, len(n.Content))
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value != key {
			c.Content = append(c.Content, n.Content[i], n.Content[i+1])
		}
	}
	return &c
}
