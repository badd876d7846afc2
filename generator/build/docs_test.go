package build

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// docsSpec has a type in every role a type doc can state, and a
// description, a title and a deprecation.
const docsSpec = `tags: [{name: Notes, description: "This set of endpoints manages <b>notes</b>."}]
paths:
  /notes:
    get:
      operationId: ListNotes
      tags: [Notes]
      summary: List Notes
      description: "List the notes of a [folder](#tag/Folders)."
      deprecated: true
      parameters:
        - {name: order, in: query, schema: {type: string, enum: [asc, desc]}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  notes: {type: array, items: {$ref: '#/components/schemas/Note'}}
                  shape: {$ref: '#/components/schemas/Shape'}
    post:
      operationId: CreateNote
      tags: [Notes]
      requestBody:
        required: true
        content: {application/json: {schema: {type: object, properties: {text: {type: string}}}}}
      responses:
        '201': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}}
components:
  schemas:
    Note:
      type: object
      properties:
        text: {type: string, description: "The text, in <code>Markdown</code>."}
        old: {type: string, deprecated: true}
        tags: {type: object, additionalProperties: {type: object, properties: {n: {type: integer}}}}
        orphan: {$ref: '#/components/schemas/Orphan'}
        gone: {$ref: '#/components/schemas/Gone'}
    Orphan: {type: object, title: The orphan of the document, properties: {x: {type: string}}}
    Circle: {type: object, properties: {kind: {type: string}}}
    Square: {type: object, properties: {kind: {type: string}}}
    Shape:
      oneOf: [{$ref: '#/components/schemas/Circle'}, {$ref: '#/components/schemas/Square'}]
      discriminator: {propertyName: kind}
    Gone: {type: object, properties: {x: {type: string}}, description: "The gone thing.", deprecated: true}
`

func TestDocs(t *testing.T) {
	api, _, err := buildYAML(t, header+docsSpec)
	require.NoError(t, err)
	declDoc := func(name string) string {
		switch d := decl(api, name).(type) {
		case *ir.Struct:
			return d.Doc
		case *ir.Union:
			return d.Doc
		case *ir.Enum:
			return d.Doc
		case *ir.Alias:
			return d.Doc
		}
		t.Fatalf("no type %s", name)
		return ""
	}
	tests := []struct{ name, got, want string }{
		{"request body", declDoc("CreateNoteBody"), "CreateNoteBody is the request body of [NotesService.Create]."},
		{"response", declDoc("ListNotesResponse"), "ListNotesResponse is the response of [NotesService.List]."},
		{"used in several places", declDoc("Note"), "Note is used by [ListNotesResponse] and [NotesService.Create].\n\nSchema: #/components/schemas/Note"},
		{"variant", declDoc("Circle"), "Circle is a variant of [Shape].\n\nSchema: #/components/schemas/Circle"},
		{
			"union",
			declDoc("Shape"),
			"Shape is the shape property of [ListNotesResponse].\n\nIts dynamic type is one of [*Circle], [*Square] or [*UnknownShape].\n\nSchema: #/components/schemas/Shape",
		},
		{
			"enum parameter",
			declDoc("ListNotesOrder"),
			"ListNotesOrder is the order parameter of [NotesService.List].\n\nValues other than the constants below may be received and are kept as they\nare.",
		},
		{"value of a map", declDoc("NoteTagsValue"), "NoteTagsValue is a value of the tags property of [Note]."},
		{"title", declDoc("Orphan"), "Orphan is the orphan of the document.\n\nSchema: #/components/schemas/Orphan"},
		{
			"description, deprecated",
			declDoc("Gone"),
			"Gone is the gone thing.\n\nSchema: #/components/schemas/Gone\n\nDeprecated: the API reference marks this type as deprecated.",
		},
		{"field", field(decl(api, "Note").(*ir.Struct), "text").Doc, "The text, in Markdown."},
		{"deprecated field", field(decl(api, "Note").(*ir.Struct), "old").Doc, "Deprecated: the API reference marks this field as deprecated."},
		{"service", api.Services[0].Doc, "NotesService is the client of the Notes operations, [Client.Notes].\n\nThis set of endpoints manages notes."},
		{
			"method without a reference: the relative link is dropped",
			operation(api, "ListNotes").Doc,
			"List lists the notes of a folder.\n\nOperation ListNotes (GET /notes).\n\nDeprecated: the API reference marks this operation as deprecated.",
		},
		{
			"params",
			operation(api, "ListNotes").Params.Doc,
			"ListNotesParams holds the optional parameters of [NotesService.List]; a nil\n*ListNotesParams sends none of them.",
		},
		{"client", api.ClientDoc, "Client calls the T API. Its fields group the operations as the API reference\ndoes. A Client is safe for concurrent use."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.got)
		})
	}
}

// TestDocsReference: the document's externalDocs URL is the API
// reference, which relative links and method docs point into.
func TestDocsReference(t *testing.T) {
	api, _, err := buildYAML(t, header+"externalDocs: {url: 'https://example.com/reference/'}\n"+docsSpec)
	require.NoError(t, err)
	assert.Equal(t, `List lists the notes of a [folder].

API reference: [ListNotes] (GET /notes).

Deprecated: the API reference marks this operation as deprecated.

[folder]: https://example.com/reference/#tag/Folders
[ListNotes]: https://example.com/reference/#operation/ListNotes`, operation(api, "ListNotes").Doc)
}

func TestPackageDoc(t *testing.T) {
	api, _, err := buildYAML(t, `openapi: 3.0.3
info:
  title: Notes
  version: 1.0.0
  description: |
    Notes of a <em>folder</em>.

    Deprecated: version 1 goes away in May.
`+docsSpec)
	require.NoError(t, err)
	doc := api.Doc
	assert.Regexp(t, `^Package sdk is a Go client for the Notes API\.\n\nNotes of a folder\.\n\n\(Deprecated\) version 1 goes away in May\.\n\n# Using the client\n`, doc)
	assert.NotContains(t, doc, "\nDeprecated:", "the package is not deprecated")
	for _, want := range []string{
		"# Handling errors",

		"\tswitch v := shape.(type) {\n\tcase *sdk.Circle:",
		"\tcase *sdk.UnknownShape:",
	} {
		assert.Contains(t, doc, want)
	}
	assert.NotContains(t, doc, "res, err :=", "the one GET is deprecated: no call")
	assert.NotContains(t, doc, "# Iterating over pages", "no paginated list, no section")
	assert.NotContains(t, doc, "# Receiving webhooks", "no webhook, no section")
}
