package load

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecodePartsIsWholeDecode: the document decoded in parts is the one
// kin-openapi decodes from the whole, for every golden fixture and every
// SunCo document here (sunCoSpecs).
func TestDecodePartsIsWholeDecode(t *testing.T) {
	root := moduleRoot(t)
	files, err := filepath.Glob(filepath.Join(root, "golden", "testdata", "*", "spec.yaml"))
	require.NoError(t, err)
	files = append(files, sunCoSpecs(t)...)
	require.NotEmpty(t, files)
	for _, file := range files {
		rel, _ := filepath.Rel(root, file)
		t.Run(rel, func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			n, err := parse(file, data)
			require.NoError(t, err)
			_, err = normalize(n)
			require.NoError(t, err)
			normalized, _, err := toJSON(n, len(data), jsonLimit(len(data))) // as a whole
			require.NoError(t, err)
			whole := &openapi3.T{}
			require.NoError(t, json.Unmarshal(normalized, whole))

			parts, ok := decodeParts(n, len(data))
			if whole.Components == nil || whole.Components.Schemas == nil || whole.Paths == nil {
				assert.False(t, ok, "a document without paths or component schemas is decoded whole")
				return
			}
			require.True(t, ok)
			assert.Equal(t, whole, parts)
		})
	}
}

func TestDecodePartsRefuses(t *testing.T) {
	tests := []struct{ name, doc string }{
		{"no components", `{"openapi":"3.0.3","paths":{}}`},
		{"components not an object", `{"openapi":"3.0.3","paths":{},"components":[]}`},
		{"no schemas", `{"openapi":"3.0.3","paths":{},"components":{}}`},
		{"schemas null", `{"openapi":"3.0.3","paths":{},"components":{"schemas":null}}`},
		{"no paths", `{"openapi":"3.0.3","components":{"schemas":{}}}`},
		{"a schema that does not decode", `{"openapi":"3.0.3","paths":{},"components":{"schemas":{"a":{"type":7}}}}`},
		{"paths that do not decode", `{"openapi":"3.0.3","paths":{"/a":{"get":[]}},"components":{"schemas":{}}}`},
		{"the rest does not decode", `{"openapi":"3.0.3","info":[],"paths":{},"components":{"schemas":{}}}`},
		{"a repeated key", "openapi: 3.0.3\npaths: {}\npaths: {}\ncomponents: {schemas: {}}\n"},
		{"a merge key", "openapi: 3.0.3\nbase: &b {paths: {}}\n<<: *b\ncomponents: {schemas: {}}\n"},
		{"paths an alias", "openapi: 3.0.3\nx-p: &p {}\npaths: *p\ncomponents: {schemas: {}}\n"},
		{"a key with no JSON form", "openapi: 3.0.3\npaths: {}\ncomponents: {schemas: {a: {[1]: x}}}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := parse("doc.yaml", []byte(tt.doc))
			require.NoError(t, err)
			_, ok := decodeParts(root, len(tt.doc))
			assert.False(t, ok)
		})
	}
}
