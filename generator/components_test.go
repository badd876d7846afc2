package generator

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/ir"
	"github.com/sunco-sdk/sunco-go/generator/load"
)

// TestEveryComponentSchemaHasAType checks that each component schema of
// the pinned document, webhook events included, is declared as a Go type.
func TestEveryComponentSchemaHasAType(t *testing.T) {
	spec := pinnedSpec(t)
	res, err := Generate(Config{Spec: spec, Package: "sunco"})
	require.NoError(t, err)
	loaded, err := load.Load(spec, load.Options{})
	require.NoError(t, err)

	byPointer := map[string]ir.Decl{}
	for _, d := range res.API.Decls {
		byPointer[declPointer(d)] = d
	}
	schemas := loaded.Doc.Components.Schemas
	for key := range schemas {
		assert.Contains(t, byPointer, "/components/schemas/"+key, "schema %s has no Go type", key)
	}
	inline := len(res.API.Decls) - len(schemas)
	fmt.Printf("types: %d (%d component schemas, %d named inline schemas)\n", len(res.API.Decls), len(schemas), inline)
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
