package load

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// TestOverlayUpdateMerge pins Overlay 1.0's update rules on small trees:
// mappings merge recursively, sequences are appended to, and anything else
// is replaced.
func TestOverlayUpdateMerge(t *testing.T) {
	tests := []struct {
		name, target, update, want string
	}{
		{"new key appended", "{a: 1}", "{b: 2}", `{"a":1,"b":2}`},
		{"scalar replaced", "{a: 1, b: 2}", "{a: x}", `{"a":"x","b":2}`},
		{"scalar replaced, tag and all", "{a: 1}", `{a: "1"}`, `{"a":"1"}`},
		{"mapping merged recursively", "{a: {b: 1, c: {d: 1}}}", "{a: {c: {e: 2}, f: 3}}", `{"a":{"b":1,"c":{"d":1,"e":2},"f":3}}`},
		{"sequence appended", "{a: [1, 2]}", "{a: [3]}", `{"a":[1,2,3]}`},
		{"sequence in a merged mapping appended", "{a: {b: [x]}}", "{a: {b: [y, z]}}", `{"a":{"b":["x","y","z"]}}`},
		{"mapping replaces a scalar", "{a: 1}", "{a: {b: 2}}", `{"a":{"b":2}}`},
		{"scalar replaces a mapping", "{a: {b: 2}}", "{a: null}", `{"a":null}`},
		{"sequence replaces a mapping", "{a: {b: 2}}", "{a: [1]}", `{"a":[1]}`},
		{"mapping replaces a sequence", "{a: [1]}", "{a: {b: 2}}", `{"a":{"b":2}}`},
		{"update of a sequence target appends", "[1]", "[2, 3]", `[1,2,3]`},
		{"update of a scalar target replaces it", "x", "y", `"y"`},
		{"aliased target is copied, not shared", "{a: &s {b: 1}, c: *s}", "{c: {d: 2}}", `{"a":{"b":1},"c":{"b":1,"d":2}}`},
		{"alias in the update is expanded", "{a: 1}", "{b: &x [1], c: *x}", `{"a":1,"b":[1],"c":[1]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target := yamlNode(t, tt.target).Content[0]
			u := yamlNode(t, tt.update).Content[0]
			update(target, u)
			got, _, err := toJSON(target, 0, jsonLimit(0))
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))
		})
	}
}

func TestOverlayUpdateDoesNotShareNodes(t *testing.T) {
	target := yamlNode(t, "{a: {}, b: {}}").Content[0]
	u := yamlNode(t, "{x: {y: 1}}").Content[0]
	update(mappingValue(target, "a"), u)
	update(mappingValue(target, "b"), u)
	mappingValue(mappingValue(mappingValue(target, "a"), "x"), "y").Value = "2"
	got, _, err := toJSON(target, 0, jsonLimit(0))
	require.NoError(t, err)
	assert.Equal(t, `{"a":{"x":{"y":2}},"b":{"x":{"y":1}}}`, string(got))
	assert.Zero(t, mappingValue(mappingValue(target, "b"), "x").Line, "copied nodes carry no line of the overlay")
}

func TestOverlayActions(t *testing.T) {
	doc := fixture(`
paths:
  /pets:
    get:
      tags: [pets]
      responses:
        "200": {description: ok}
    delete:
      responses:
        "204": {description: gone}
components:
  schemas:
    pet: {type: object, properties: {name: {type: string}, age: {type: integer}}}
    old: {type: string}
`)
	tests := []struct {
		name     string
		overlays []Overlay
		warnings []string
		check    func(t *testing.T, res *Result)
	}{
		{
			name: "update and remove",
			overlays: []Overlay{{Name: "o.yaml", Data: []byte(`overlay: 1.0.0
info: {title: t, version: "1"}
actions:
  - target: $.components.schemas.pet.properties.name
    update: {description: added, required: true}
  - target: $.paths["/pets"].get.tags
    update: [animals]
  - target: $.components.schemas.old
    remove: true
  - target: $.components.schemas.pet.properties.age
    remove: true
  - target: $.paths["/pets"].delete
    remove: true
`)}},
			warnings: []string{"/components/schemas/pet/properties/name/required: boolean `required: true`"},
			check: func(t *testing.T, res *Result) {
				pet := schema(t, res, "pet")
				assert.Equal(t, "added", pet.Properties["name"].Value.Description)
				assert.Equal(t, []string{"name"}, pet.Required, "normalizations run after the overlay")
				assert.NotContains(t, pet.Properties, "age")
				assert.NotContains(t, res.Doc.Components.Schemas, "old")
				item := res.Doc.Paths.Value("/pets")
				assert.Equal(t, []string{"pets", "animals"}, item.Get.Tags)
				assert.Nil(t, item.Delete)
				assert.Contains(t, string(normalizedYAML(t, res)), "description: added")
			},
		},
		{
			name: "a target that matches nothing is a warning naming the overlay and the action",
			overlays: []Overlay{{Name: "o.yaml", Data: []byte(`overlay: 1.0.0
info: {title: t, version: "1"}
actions:
  - target: $.info
    update: {x-ok: true}
  - target: $.components.schemas.nope
    update: {description: gone}
  - target: $.paths["/cats"]
    remove: true
`)}},
			warnings: []string{
				"o.yaml: /actions/1/target: target $.components.schemas.nope matches nothing in this document; action skipped",
				"o.yaml: /actions/2/target: target $.paths[\"/cats\"] matches nothing",
			},
			check: func(t *testing.T, res *Result) {
				assert.Equal(t, true, res.Doc.Info.Extensions["x-ok"])
				assert.Equal(t, "o.yaml", res.Warnings[0].File)
			},
		},
		{
			name: "an overlay for the document's API applies, and warns of the targets the document lacks",
			overlays: []Overlay{{Name: "sunco.yaml", Data: []byte(`overlay: 1.0.0
info: {title: t, version: "1"}
x-applies-to: $[?@.title == 'fixture']
actions:
  - target: $.components.schemas.pet
    update: {description: builtin}
  - target: $.components.schemas.cat
    update: {description: nothing}
  - target: $
    update: {externalDocs: {url: "https://example.com/reference/"}}
`)}},
			warnings: []string{"sunco.yaml: /actions/1/target: target $.components.schemas.cat matches nothing"},
			check: func(t *testing.T, res *Result) {
				assert.Equal(t, "builtin", schema(t, res, "pet").Description)
				require.NotNil(t, res.Doc.ExternalDocs)
				assert.Equal(t, "https://example.com/reference/", res.Doc.ExternalDocs.URL)
			},
		},
		{
			name: "an overlay for another API applies to nothing, even where its targets match: one warning",
			overlays: []Overlay{{Name: "sunco.yaml", Data: []byte(`overlay: 1.0.0
info: {title: t, version: "1"}
x-applies-to: $[?@.title == 'Sunshine Conversations API']
actions:
  - target: $.components.schemas.pet
    update: {x-go-name: PetAction}
  - target: $.components.schemas.cat
    update: {description: nothing}
  - target: $
    update: {externalDocs: {url: "https://example.com/reference/"}}
`)}},
			warnings: []string{`sunco.yaml: : not applied: written for the documents in which $[?@.title == 'Sunshine Conversations API'] finds something, and this one ("fixture") is another API`},
			check: func(t *testing.T, res *Result) {
				assert.NotContains(t, schema(t, res, "pet").Extensions, "x-go-name")
				assert.Nil(t, res.Doc.ExternalDocs)
				assert.Empty(t, res.Warnings[0].Pointer, "about the overlay as a whole")
			},
		},
		{
			name: "overlays apply in order, each on the result of the one before",
			overlays: []Overlay{
				{Name: "first.yaml", Data: []byte(`overlay: 1.0.0
info: {title: t, version: "1"}
actions:
  - target: $.components.schemas.pet
    update: {description: first, x-first: true}
`)},
				{Name: "second.yaml", Data: []byte(`overlay: 1.0.0
info: {title: t, version: "1"}
actions:
  - target: $.components.schemas[?@["x-first"] == true]
    update: {description: second}
  - target: $.components.schemas.cat
    update: {description: nothing}
`)},
			},
			warnings: []string{"second.yaml: /actions/1/target: target $.components.schemas.cat matches nothing"},
			check: func(t *testing.T, res *Result) {
				assert.Equal(t, "second", schema(t, res, "pet").Description)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := LoadData("fixture.yaml", doc, Options{Overlays: tt.overlays})
			require.NoError(t, err)
			require.Len(t, res.Warnings, len(tt.warnings), "%v", res.Warnings)
			for i, want := range tt.warnings {
				assert.Contains(t, res.Warnings[i].String(), want)
			}
			tt.check(t, res)
		})
	}
}

func TestOverlayRemoveRoot(t *testing.T) {
	e := loadError(t, fixture("paths: {}\n"), Options{Overlays: []Overlay{{Name: "o.yaml", Data: []byte(`overlay: 1.0.0
info: {title: t, version: "1"}
actions:
  - target: $
    remove: true
`)}}})
	assert.Equal(t, "o.yaml:4: /actions/0/target: cannot remove the whole document", e.Error())
}

func TestOverlayAppliesToIsAQuery(t *testing.T) {
	tests := []struct{ value, want string }{
		{"[1]", "o.yaml:3: /x-applies-to: x-applies-to is not a JSONPath query"},
		{"$[?", `o.yaml:3: /x-applies-to: invalid query "$[?": `},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			e := loadError(t, fixture("paths: {}\n"), Options{Overlays: []Overlay{{Name: "o.yaml", Data: []byte(`overlay: 1.0.0
info: {title: t, version: "1"}
x-applies-to: ` + tt.value + `
actions:
  - target: $
    update: {x-a: 1}
`)}}})
			assert.Contains(t, e.Error(), tt.want)
		})
	}
}

func TestPrune(t *testing.T) {
	root := yamlNode(t, "a: [1, 2, 3]\nb: {c: 1, d: 2}\n")
	doc := root.Content[0]
	seq := mappingValue(doc, "a")
	b := mappingValue(doc, "b")
	dKey := b.Content[2]
	require.NoError(t, removeNodes(root, []*yaml.Node{seq.Content[1], dKey}))
	got, _, err := toJSON(root, 0, jsonLimit(0))
	require.NoError(t, err)
	assert.Equal(t, `{"a":[1,3],"b":{"c":1}}`, string(got), "an item leaves its sequence; a selected key takes its value along")
}
