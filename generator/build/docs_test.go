package build

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// docsSpec has a type in every role a type doc can state, and a
// description, a title and a deprecation.
const docsSpec = `tags:
  - {name: Notes, description: "A note is a line of text. This set of endpoints manages <b>notes</b>."}
  - {name: Folders, description: "REST talk.", x-go-doc: "Folders hold notes."}
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
        - {$ref: '#/components/parameters/page'}
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
  /folders/{folderId}:
    get:
      operationId: ListFolderNotes
      tags: [Folders]
      description: "Lists the notes of a folder. This API is paginated through cursors."
      x-go-doc: "Lists the notes of a folder."
      parameters:
        - {name: folderId, in: path, required: true, description: Identifies the folder., schema: {type: string}}
        - {name: view, in: query, required: true, schema: {type: string}}
        - {name: color, in: header, required: true, description: "Only red for now.", schema: {type: string}}
        - {$ref: '#/components/parameters/page'}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pin'}}}}
components:
  parameters:
    page: {name: page, in: query, style: deepObject, schema: {$ref: '#/components/schemas/Page'}}
  schemas:
    Page: {type: object, properties: {after: {type: string}}}
    Pin:
      anyOf:
        - {type: object, title: PinByID, properties: {id: {type: string}, at: {type: string}}, required: [id]}
        - {type: object, title: PinByName, properties: {name: {type: string}, at: {type: string}}}
    Unused: {type: object, properties: {x: {type: string}}}
    Described: {type: object, description: "REST talk.", x-go-doc: "A thing described in our words.", properties: {x: {type: string}}}
    Note:
      type: object
      properties:
        text: {type: string, description: "The text, in <code>Markdown</code>."}
        old: {type: string, deprecated: true}
        created: {type: string, format: date-time, description: "A datetime string with the format YYYY-MM-DD representing when the note was made."}
        tags: {type: object, additionalProperties: {type: object, properties: {n: {type: integer}}}}
        orphan: {$ref: '#/components/schemas/Orphan'}
        gone: {$ref: '#/components/schemas/Gone'}
        described: {$ref: '#/components/schemas/Described'}
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
		{
			"used in several places",
			declDoc("Note"),
			"Note is the response of [NotesService.Create] and an element of the notes\nproperty of [ListNotesResponse].\n\nSchema: #/components/schemas/Note",
		},
		{"parameter of several methods", declDoc("Page"), "Page is the page parameter of [FoldersService.ListNotes] and\n[NotesService.List].\n\nSchema: #/components/schemas/Page"},
		{"variant", declDoc("Circle"), "Circle is a [Shape] whose kind is \"Circle\".\n\nSchema: #/components/schemas/Circle"},
		{"variant told apart by a required property", declDoc("PinByID"), "PinByID is a [Pin] with id."},
		{"variant told apart by a property of its own", declDoc("PinByName"), "PinByName is a [Pin] with name."},
		{"x-go-doc", declDoc("Described"), "Described is a thing described in our words.\n\nSchema: #/components/schemas/Described"},
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
		{"time field: no text format", field(decl(api, "Note").(*ir.Struct), "created").Doc, "When the note was made."},
		{"deprecated field", field(decl(api, "Note").(*ir.Struct), "old").Doc, "Deprecated: the API reference marks this field as deprecated."},
		{
			"service: the tag's text follows",
			api.Services[1].Doc,
			"NotesService is the client of the Notes operations, [Client.Notes].\n\nA note is a line of text. This set of endpoints manages notes.",
		},
		{"service, x-go-doc", api.Services[0].Doc, "FoldersService is the client of the Folders operations, [Client.Folders].\n\nFolders hold notes."},
		{
			"method: x-go-doc and the arguments",
			operation(api, "ListFolderNotes").Doc,
			"ListNotes lists the notes of a folder.\n\nfolderID identifies the folder. view is the view query parameter. color:\nOnly red for now.\n\nOperation ListFolderNotes (GET /folders/{folderId}).",
		},
		{
			"method: the body argument",
			operation(api, "CreateNote").Doc,
			"Create calls the CreateNote operation.\n\nbody is the request body.\n\nOperation CreateNote (POST /notes).",
		},
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

// TestGoDocNotAString: an x-go-doc that is not Markdown text is refused
// with its pointer.
func TestGoDocNotAString(t *testing.T) {
	_, _, err := buildYAML(t, header+`paths: {}
components:
  schemas:
    Note: {type: object, x-go-doc: [a, b], properties: {x: {type: string}}}
`)
	es := errs(t, err)
	require.Len(t, es, 1)
	assert.Equal(t, "/components/schemas/Note/x-go-doc", es[0].Pointer)
}

// TestRoleOwnersShown: a type's doc names up to five owners of the same
// role; of more, it names four and counts the rest. Roles that differ
// by more than their owner are said apart.
func TestRoleOwnersShown(t *testing.T) {
	holders := func(shared string, n int) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "    %s%d: {type: object, properties: {s: {$ref: '#/components/schemas/%s'}}}\n", shared, i, shared)
		}
		return b.String()
	}
	var names []string
	for i := 1; i <= 6; i++ {
		names = append(names, fmt.Sprintf("Five%d", i), fmt.Sprintf("Six%d", i))
	}
	names = append(names, "HolderA", "HolderB")
	api, _, err := buildYAML(t, header+returning(slices.DeleteFunc(names, func(n string) bool { return n == "Five6" })...)+`
components:
  schemas:
    Five: {type: object, properties: {x: {type: string}}}
    Six: {type: object, properties: {x: {type: string}}}
    Mixed: {type: object, properties: {x: {type: string}}}
    HolderA: {type: object, properties: {a: {$ref: '#/components/schemas/Mixed'}}}
    HolderB: {type: object, properties: {b: {$ref: '#/components/schemas/Mixed'}, c: {type: array, items: {$ref: '#/components/schemas/Mixed'}}}}
`+holders("Five", 5)+holders("Six", 6))
	require.NoError(t, err)
	doc := func(name string) string { return strings.Join(strings.Fields(decl(api, name).(*ir.Struct).Doc), " ") }
	assert.Equal(t, "Five is the s property of [Five1], [Five2], [Five3], [Five4] and [Five5]. Schema: #/components/schemas/Five", doc("Five"))
	assert.Equal(t, "Six is the s property of [Six1], [Six2], [Six3], [Six4] and 2 more. Schema: #/components/schemas/Six", doc("Six"))
	assert.Equal(t, "Mixed is the a property of [HolderA], the b property of [HolderB], and an element of the c property of [HolderB]. Schema: #/components/schemas/Mixed",
		doc("Mixed"), "roles of one kind, said apart")
}
