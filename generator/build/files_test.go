package build

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

func TestFiles(t *testing.T) {
	api, _, err := buildYAML(t, header+`paths:
  /a:
    get:
      operationId: GetA
      tags: [Alpha]
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/alphaResult'}}}}
  /b:
    get:
      operationId: GetB
      tags: [Beta]
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/betaResult'}}}}
  /ios:
    get:
      operationId: GetIOS
      tags: [iOS]
      responses:
        '204': {description: nothing}
components:
  schemas:
    alphaResult:
      type: object
      properties:
        shared: {$ref: '#/components/schemas/sharedThing'}
        page: {$ref: '#/components/schemas/page'}
    betaResult:
      type: object
      properties:
        wrap: {$ref: '#/components/schemas/betaWrap'}
        page: {$ref: '#/components/schemas/page'}
    betaWrap:
      type: object
      properties:
        shared: {$ref: '#/components/schemas/sharedThing'}
    sharedThing: {type: object, properties: {x: {type: string}}}
    page: {type: object, properties: {after: {type: string}}}
    unused: {type: object, properties: {x: {type: string}}}
`)
	require.NoError(t, err)
	type file struct {
		service string
		decls   []string
	}
	got := map[string]file{}
	var names []string
	placed := map[ir.Decl]int{}
	for _, f := range api.Files {
		names = append(names, f.Name)
		var g file
		if f.Service != nil {
			g.service = f.Service.Name
		}
		for _, d := range f.Decls {
			g.decls = append(g.decls, d.DeclName())
			placed[d]++
		}
		got[f.Name] = g
	}
	assert.Equal(t, []string{"models.go", "service_alpha.go", "service_alpha_shared.go", "service_beta.go", "service_ios_service.go"}, names, "sorted by name")
	tests := []struct {
		file string
		want file
		why  string
	}{
		{"service_alpha.go", file{"AlphaService", []string{"AlphaResult"}}, "what only Alpha uses"},
		{"service_beta.go", file{"BetaService", []string{"BetaResult", "BetaWrap"}}, "what only Beta uses, however deep"},
		{"service_ios_service.go", file{"IOSService", nil}, "a service without types of its own"},
		{"service_alpha_shared.go", file{"", []string{"SharedThing"}}, "Alpha reaches it in fewer steps than Beta"},
		{"models.go", file{"", []string{"Page"}}, "as near to Alpha as to Beta"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			assert.Equal(t, tt.want, got[tt.file], tt.why)
		})
	}
	for _, d := range api.Decls {
		assert.Equal(t, 1, placed[d], "%s is declared in exactly one file", d.DeclName())
	}
}

// TestFilesWithoutOperations: a document without operations or webhooks
// reaches no type, and the SDK has none.
func TestFilesWithoutOperations(t *testing.T) {
	api, _, err := buildYAML(t, header+`paths: {}
components:
  schemas:
    thing: {type: object, properties: {x: {type: string}}}
`)
	require.NoError(t, err)
	assert.Empty(t, api.Decls)
	assert.Empty(t, api.Files)
}
