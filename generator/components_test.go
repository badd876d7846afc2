package generator

import (
	"fmt"
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/ir"
	"github.com/sunco-sdk/sunco-go/generator/load"
)

// unreachedSchemas are the component schemas of the pinned document that
// would be Go types but that no operation or webhook reaches: bodies of
// error responses, mixins merged by allOf only, a multipart body.
var unreachedSchemas = []string{
	"activity", "activityTypes", "appSubdomain", "attachmentUploadBody", "defaultResponder",
	"defaultResponderId", "errorResponse", "eventSubSchema", "matchCriteriaBase", "showAIDisclaimer",
}

// TestComponentSchemaTypes checks what became of each component schema of
// the pinned document, webhook events included: a Go type of its own; no
// type of its own (a string, a list, a free-form object, allOf of one
// $ref: its uses have the type it stands for); the runtime's Error (the
// error schema); or, reached by nothing, no type at all.
func TestComponentSchemaTypes(t *testing.T) {
	spec := pinnedSpec(t)
	res, err := Generate(Config{Spec: spec, Package: "sunco"})
	require.NoError(t, err)
	loaded, err := load.Load(spec, load.Options{})
	require.NoError(t, err)

	declared := map[string]bool{}
	for _, d := range res.API.Decls {
		declared[declPointer(d)] = true
	}
	var typed, plain, unreached []string
	for key, s := range loaded.Doc.Components.Schemas {
		switch {
		case declared["/components/schemas/"+key]:
			typed = append(typed, key)
		case standsForAnother(s.Value):
			plain = append(plain, key)
		case key == "error":
		default:
			unreached = append(unreached, key)
		}
	}
	slices.Sort(unreached)
	assert.Equal(t, unreachedSchemas, unreached, "component schemas without a Go type")
	fmt.Printf("component schemas: %d with a Go type, %d without one of their own, 1 the runtime's Error, %d reached by nothing\n",
		len(typed), len(plain), len(unreached))
	fmt.Printf("types: %d (%d named inline schemas)\n", len(res.API.Decls), len(res.API.Decls)-len(typed))
}

// standsForAnother reports a schema that is no Go type of its own.
func standsForAnother(s *openapi3.Schema) bool {
	isEnum := len(s.Enum) > 0 && s.Type.Is("string")
	wrapper := len(s.AllOf) == 0 || len(s.AllOf) == 1 && s.AllOf[0].Ref != ""
	return len(s.Properties) == 0 && !isEnum && len(s.OneOf)+len(s.AnyOf) <= 1 && wrapper
}

func declPointer(d ir.Decl) string {
	switch d := d.(type) {
	case *ir.Struct:
		return d.Pointer
	case *ir.Union:
		return d.Pointer
	case *ir.Enum:
		return d.Pointer
	case *ir.Alias:
		return d.Pointer
	}
	return ""
}
