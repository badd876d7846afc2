package build

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

func TestLiteral(t *testing.T) {
	kind := &ir.Enum{Name: "Kind", Values: []ir.EnumValue{{Name: "KindRound", Value: "round"}}}
	text := &ir.Struct{Name: "Text", Fields: []*ir.Field{
		{Name: "Type", JSONName: "type", Type: ir.String},
		{Name: "Text", JSONName: "text", Type: &ir.Pointer{Elem: ir.String}, Omit: "omitempty"},
	}}
	text.Discriminator = &ir.FixedValue{Field: text.Fields[0], Value: "text"}
	byID := &ir.Struct{Name: "ByID", Fields: []*ir.Field{{Name: "ID", JSONName: "id", Type: ir.String}}}
	content := &ir.Union{Name: "Content", Discriminator: "type", Variants: []*ir.Variant{{Struct: text, Values: []string{"text"}}}}
	target := &ir.Union{Name: "Target", Variants: []*ir.Variant{{Struct: byID, Properties: []string{"id"}, Required: []string{"id"}}}}
	note := &ir.Struct{Name: "Note", Fields: []*ir.Field{
		{Name: "Kind", JSONName: "kind", Type: &ir.Named{Decl: kind}},
		{Name: "Free", JSONName: "free", Type: ir.Any, Omit: "omitempty"},
	}}
	strict := &ir.Struct{Name: "Strict", Fields: []*ir.Field{{Name: "Free", JSONName: "free", Type: ir.Any}}}
	tests := []struct {
		name string
		t    ir.Type
		json string
		want string // "" when no literal says it
	}{
		{"string", ir.String, `"a\"b"`, `"a\"b"`},
		{"int", ir.Int, `42`, `42`},
		{"not an int", ir.Int, `4.2`, ``},
		{"float", ir.Float64, `2`, `2`},
		{"bool", ir.Bool, `true`, `true`},
		{"a string for a number", ir.Int, `"4"`, ``},
		{"any", ir.Any, `{}`, ``},
		{"pointer to a string", &ir.Pointer{Elem: ir.String}, `"x"`, `p.Ptr("x")`},
		{"pointer to a float", &ir.Pointer{Elem: ir.Float64}, `2`, `p.Ptr(float64(2))`},
		{"pointer to an int64", &ir.Pointer{Elem: ir.Int64}, `2`, `p.Ptr(int64(2))`},
		{"pointer to an enum", &ir.Pointer{Elem: &ir.Named{Decl: kind}}, `"round"`, `p.Ptr(p.KindRound)`},
		{"a value the enum does not list", &ir.Named{Decl: kind}, `"square"`, `p.Kind("square")`},
		{"nullable", &ir.Nullable{Elem: ir.String}, `"x"`, `p.NewNullable("x")`},
		{"slice", &ir.Slice{Elem: ir.Int}, `[1, 2]`, "[]int{\n1,\n2,\n}"},
		{"slice of one", &ir.Slice{Elem: ir.String}, `["a"]`, `[]string{"a"}`},
		{"map, keys sorted", &ir.Map{Elem: ir.String}, `{"b": "2", "a": "1"}`, "map[string]string{\n\"a\": \"1\",\n\"b\": \"2\",\n}"},
		{"discriminated union, discriminator left out", &ir.Named{Decl: content}, `{"type": "text", "text": "hi"}`, `&p.Text{Text: p.Ptr("hi")}`},
		{"unknown variant", &ir.Named{Decl: content}, `{"type": "image"}`, ``},
		{"undiscriminated union", &ir.Named{Decl: target}, `{"id": "x"}`, `&p.ByID{ID: "x"}`},
		{"pointer to a struct", &ir.Pointer{Elem: &ir.Named{Decl: byID}}, `{"id": "x"}`, `&p.ByID{ID: "x"}`},
		{"an optional field Go cannot say is left out", &ir.Named{Decl: note}, `{"kind": "round", "free": {}, "extra": 1}`, `p.Note{Kind: p.KindRound}`},
		{"a required one fails", &ir.Named{Decl: strict}, `{"free": {}}`, ``},
		{"alias", &ir.Named{Decl: &ir.Alias{Name: "Name", Target: ir.String}}, `"n"`, `"n"`},
	}
	w := literalWriter{pkg: "p"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := decodeExample([]byte(tt.json))
			assert.True(t, ok)
			got, ok := w.literal(tt.t, v)
			assert.Equal(t, tt.want != "", ok)
			if ok {
				assert.Equal(t, tt.want, got)
			}
		})
	}
}
