package build

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// runtimeNames are the names a runtime with every option declares.
var runtimeNames = []string{
	"Nullable", "Ptr", "WithBasicAuth", "WithJWT",
	"WithBearerToken", "WithBaseURL", "WithMaxRetries",
}

// buildWithRuntime builds a document given as YAML with the names of
// runtimeNames reserved.
func buildWithRuntime(t *testing.T, doc string) (*ir.API, []Warning) {
	t.Helper()
	d, err := openapi3.NewLoader().LoadFromData([]byte(doc))
	require.NoError(t, err)
	api, warnings, err := Build(Input{Doc: d, Reserved: runtimeNames}, "sdk")
	require.NoError(t, err)
	return api, warnings
}

// tourSpec authenticates as its securitySchemes say, has a server
// variable, a body with an example whose property is a union, a paginated
// list, and an introduction with sections to replace.
const tourSpec = `openapi: 3.0.3
info:
  title: Notes
  version: 1.0.0
  description: |
    # Introduction

    Notes of a <em>folder</em>.

    ## Retries

    You should retry on 429.

    ### Backoff

    Back off exponentially.

    ## Libraries

    There is a library for Java.

    ## Errors

    Errors come as a list:

    ` + "```" + `
    {"errors": []}
    ` + "```" + `

    Deprecated: version 1 goes away in May.
  x-go-doc-sections:
    Retries: "The client retries: see [WithMaxRetries]."
    Libraries: ""
    Gone: "A section the description lacks."
servers:
  - url: https://{tenantSubdomain}.notes.example.com
    variables: {tenantSubdomain: {default: acme}}
  - url: https://api.notes.example.com
components:
  securitySchemes:
    basicAuth: {type: http, scheme: basic}
    bearerAuth: {type: http, scheme: bearer, bearerFormat: JWT}
  schemas:
    Text: {type: object, properties: {kind: {type: string}, text: {type: string}, size: {type: number}}}
    Image: {type: object, properties: {kind: {type: string}, url: {type: string}}}
    Body:
      oneOf: [{$ref: '#/components/schemas/Text'}, {$ref: '#/components/schemas/Image'}]
      discriminator: {propertyName: kind, mapping: {text: '#/components/schemas/Text', image: '#/components/schemas/Image'}}
    Note:
      type: object
      required: [body]
      properties:
        body: {$ref: '#/components/schemas/Body'}
        tags: {type: array, items: {type: string}}
        pinned: {type: boolean}
paths:
  /folders/{folderId}/notes:
    post:
      operationId: PostNote
      tags: [Notes]
      parameters: [{name: folderId, in: path, required: true, schema: {type: string}}]
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Note'}
            examples:
              other: {value: {body: {kind: image, url: "https://example.com/i.png"}}}
              default: {value: {body: {kind: text, text: Hi, size: 2}, tags: [a, b], pinned: true, unknown: 1}}
      responses:
        '201': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}}
    get:
      operationId: ListNotes
      tags: [Notes]
      parameters:
        - {name: folderId, in: path, required: true, schema: {type: string}}
        - {name: page, in: query, style: deepObject, schema: {type: object, properties: {after: {type: string}}}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  notes: {type: array, items: {$ref: '#/components/schemas/Note'}}
                  meta: {type: object, properties: {hasMore: {type: boolean}, afterCursor: {type: string}}}
`

func TestPackageDoc(t *testing.T) {
	api, warnings := buildWithRuntime(t, tourSpec)
	doc := api.Doc
	assert.Regexp(t, `^Package sdk is a Go client for the Notes API\.\n\n# Creating a client\n`, doc)
	for _, want := range []string{
		"Options authenticate its calls\n([WithBasicAuth], [WithJWT] or [WithBearerToken]) and choose the server it\ncalls ([WithExampleTenantSubdomain], [WithBaseURL]; [DefaultBaseURL] by\ndefault),",
		"\tclient, err := sdk.NewClient(sdk.WithBasicAuth(keyID, secret))\n",
		"\tclient, err := sdk.NewClient(\n\t\tsdk.WithJWT(keyID, secret, \"app\"),\n\t\tsdk.WithExampleTenantSubdomain(tenantSubdomain),\n\t)",
		"For example, [NotesService.Post], an optional field set with [Ptr]:\n\n" +
			"\tres, err := client.Notes.Post(ctx, folderID, sdk.Note{\n" +
			"\t\tBody: &sdk.Text{\n\t\t\tSize: sdk.Ptr(float64(2)),\n\t\t\tText: sdk.Ptr(\"Hi\"),\n\t\t},\n" +
			"\t\tPinned: sdk.Ptr(true),\n" +
			"\t\tTags: []string{\n\t\t\t\"a\",\n\t\t\t\"b\",\n\t\t},\n\t}, nil)",
		"\tfor note, err := range client.Notes.ListIter(ctx, folderID, nil) {",
		"# Errors and retries",
		"[WithMaxRetries] has the rules",
		"\tswitch v := body.(type) {\n\tcase *sdk.Text:",
		"# The Notes API\n\nNotes of a folder.\n\nRetries: The client retries: see [WithMaxRetries].\n\nErrors: Errors come as a list:\n\n\t{\"errors\": []}\n\n(Deprecated) version 1 goes away in May.",
	} {
		assert.Contains(t, doc, want)
	}
	for _, moot := range []string{"Introduction", "retry on 429", "Back off", "Java", "\nDeprecated:", "# Receiving webhooks"} {
		assert.NotContains(t, doc, moot)
	}
	assert.Contains(t, warnings, Warning{Pointer: "/info/x-go-doc-sections/Gone", Message: `the description has no section headed "Gone"; nothing replaced`})
}

// TestPackageDocMinimal: a document without security schemes, server
// variables, examples or lists has a tour of what it does have.
func TestPackageDocMinimal(t *testing.T) {
	api, _ := buildWithRuntime(t, header+`paths:
  /notes/{id}:
    get:
      operationId: GetNote
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {x: {type: string}}}}}}}
`)
	doc := api.Doc
	assert.Contains(t, doc, "[NewClient] makes a [Client]. Options choose the server it calls\n([WithBaseURL]; [DefaultBaseURL] by default)")
	assert.Contains(t, doc, "\tclient, err := sdk.NewClient()\n")
	assert.Contains(t, doc, "For example:\n\n\tres, err := client.Default.GetNote(ctx, id, nil)")
	for _, absent := range []string{"WithBasicAuth", "WithJWT", "Subdomain", "Options combine", "# Iterating", "# Telling", "# The T API"} {
		assert.NotContains(t, doc, absent)
	}
}

// TestGoDocSectionsNotAMap: x-go-doc-sections must map headings to text.
func TestGoDocSectionsNotAMap(t *testing.T) {
	for name, value := range map[string]string{"not a map": "[a]", "a value not a string": "{Errors: [a]}"} {
		t.Run(name, func(t *testing.T) {
			_, _, err := buildYAML(t, "openapi: 3.0.3\ninfo: {title: T, version: 1.0.0, description: d, x-go-doc-sections: "+value+"}\npaths: {}\n")
			require.Len(t, errs(t, err), 1)
			assert.Contains(t, errs(t, err)[0].Pointer, "/info/x-go-doc-sections")
		})
	}
}
