package load

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/sunco-sdk/sunco-go/generator/internal/parallel"
)

// decodeParts decodes data, the JSON form of a document, with kin-openapi
// in parts on every core: the paths, each component schema, and the rest.
// Each of kin-openapi's decoders decodes its bytes twice (into its struct,
// and again as a generic map for the extensions), at every level, so
// decoding the largest parts on their own also spares the generic
// decoding of the whole document at the top levels. The result is the
// document a decode of data as a whole gives.
//
// ok is false when the document is not shaped for the split or a part
// fails to decode: the caller then decodes it whole, which is slower but
// says what is wrong the way kin-openapi does.
func decodeParts(data []byte) (doc *openapi3.T, ok bool) {
	top, ok := objectMembers(data)
	if !ok {
		return nil, false
	}
	components, ok := objectMembers(top["components"])
	if !ok {
		return nil, false
	}
	schemas, ok := objectMembers(components["schemas"])
	if !ok {
		return nil, false
	}
	paths := top["paths"]
	if !isObject(paths) {
		return nil, false
	}
	delete(components, "schemas")
	delete(top, "paths")
	var err error
	if top["components"], err = json.Marshal(components); err != nil {
		return nil, false
	}
	rest, err := json.Marshal(top)
	if err != nil {
		return nil, false
	}

	names := slices.Sorted(maps.Keys(schemas))
	doc = &openapi3.T{}
	decodedPaths := &openapi3.Paths{}
	decodedSchemas := make([]openapi3.SchemaRef, len(names))
	// The two largest parts first, so that no core is left with one of
	// them at the end.
	err = parallel.Do(2+len(names), func(i int) error {
		switch i {
		case 0:
			return json.Unmarshal(rest, doc)
		case 1:
			return json.Unmarshal(paths, decodedPaths)
		}
		return json.Unmarshal(schemas[names[i-2]], &decodedSchemas[i-2])
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

// objectMembers splits the JSON object data into its members; ok is false
// when data is not an object.
func objectMembers(data []byte) (members map[string]json.RawMessage, ok bool) {
	if !isObject(data) {
		return nil, false
	}
	if err := json.Unmarshal(data, &members); err != nil {
		return nil, false
	}
	return members, true
}

// isObject reports whether the JSON value data, compact as the loader
// writes it, is an object.
func isObject(data []byte) bool {
	return bytes.HasPrefix(data, []byte("{"))
}
