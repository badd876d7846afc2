package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/stretchr/testify/assert"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// render is the source of the declarations that emit writes into a file.
func render(emit func(f *jen.File)) string {
	f := jen.NewFile("sdk")
	emit(f)
	return fmt.Sprintf("%#v", f)
}

// TestTyp checks the Go type expression of each IR type.
func TestTyp(t *testing.T) {
	union := &ir.Union{Name: "Shape"}
	tests := []struct {
		t    ir.Type
		want string
	}{
		{ir.String, "string"},
		{ir.Int64, "int64"},
		{ir.Any, "any"},
		{ir.Time, "time.Time"},
		{&ir.Named{Decl: point}, "Point"},
		{&ir.Slice{Elem: &ir.Named{Decl: union}}, "[]Shape"},
		{&ir.Map{Elem: &ir.Slice{Elem: ir.Int}}, "map[string][]int"},
		{&ir.Pointer{Elem: ir.Bool}, "*bool"},
		{&ir.Nullable{Elem: &ir.Slice{Elem: ir.String}}, "Nullable[[]string]"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, "var v "+tt.want, source(jen.Var().Id("v").Add(typ(tt.t))))
		})
	}
}

// TestJSONTag: the tag says the wire name and the omit option; a name
// encoding/json cannot spell in a tag gets "-" (the codecs go by the
// IR's name, never by the tag).
func TestJSONTag(t *testing.T) {
	tests := []struct {
		field *ir.Field
		want  string
	}{
		{&ir.Field{JSONName: "id"}, "id"},
		{&ir.Field{JSONName: "name", Omit: "omitempty"}, "name,omitempty"},
		{&ir.Field{JSONName: "labels", Omit: "omitzero"}, "labels,omitzero"},
		{&ir.Field{JSONName: "owner.email", Omit: "omitempty"}, "owner.email,omitempty"},
		{&ir.Field{JSONName: ""}, "-"},
		{&ir.Field{JSONName: "a,b"}, "-"},
		{&ir.Field{JSONName: `say "hi"`}, "-"},
		{&ir.Field{JSONName: `a\b`}, "-"},
	}
	for _, tt := range tests {
		t.Run(tt.field.JSONName, func(t *testing.T) {
			assert.Equal(t, tt.want, jsonTag(tt.field))
		})
	}
}

// TestGetters checks what each kind of getter returns, and that each
// returns the zero value of its type on a nil receiver.
func TestGetters(t *testing.T) {
	tests := []struct {
		name   string
		getter *ir.Getter
		want   string
	}{
		{
			"a field",
			&ir.Getter{Method: "GetCount", Field: &ir.Field{Name: "Count"}, Type: ir.Int, Kind: ir.GetField},
			"func (p *Point) GetCount() int {\n\tif p == nil {\n\t\treturn 0\n\t}\n\treturn p.Count\n}",
		},
		{
			"a discriminator with its default",
			&ir.Getter{Method: "GetKind", Field: &ir.Field{Name: "Kind"}, Type: ir.String, Kind: ir.GetField, Default: "circle"},
			"func (p *Point) GetKind() string {\n\tif p == nil {\n\t\treturn \"\"\n\t}\n\tif p.Kind == \"\" {\n\t\treturn \"circle\"\n\t}\n\treturn p.Kind\n}",
		},
		{
			"a pointee",
			&ir.Getter{Method: "GetSince", Field: &ir.Field{Name: "Since"}, Type: ir.Time, Kind: ir.GetPointee},
			"func (p *Point) GetSince() time.Time {\n\tif p == nil || p.Since == nil {\n\t\treturn time.Time{}\n\t}\n\treturn *p.Since\n}",
		},
		{
			"the address of a struct",
			&ir.Getter{Method: "GetHome", Field: &ir.Field{Name: "Home"}, Type: &ir.Pointer{Elem: &ir.Named{Decl: point}}, Kind: ir.GetAddress},
			"func (p *Point) GetHome() *Point {\n\tif p == nil {\n\t\treturn nil\n\t}\n\treturn &p.Home\n}",
		},
		{
			"a nullable value",
			&ir.Getter{Method: "GetStatus", Field: &ir.Field{Name: "Status"}, Type: &ir.Named{Decl: status}, Kind: ir.GetNullable},
			"func (p *Point) GetStatus() Status {\n\tif p == nil {\n\t\treturn \"\"\n\t}\n\treturn nullableValue(&p.Status)\n}",
		},
		{
			"a nullable struct",
			&ir.Getter{Method: "GetNext", Field: &ir.Field{Name: "Next"}, Type: &ir.Pointer{Elem: &ir.Named{Decl: point}}, Kind: ir.GetNullablePointer},
			"func (p *Point) GetNext() *Point {\n\tif p == nil {\n\t\treturn nil\n\t}\n\treturn nullablePointer(&p.Next)\n}",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(func(f *jen.File) { getter(f, point, tt.getter) })
			assert.Contains(t, got, tt.want)
		})
	}
}

// TestFieldCodecs checks how a struct's codec decodes and encodes a
// field of each kind: the runtime function (a required field remembers
// its absence, an optional one is left out when nil or unset, a nullable
// one keeps null), the value's own decoder and encoder, a timestamp kept
// as received, and a discriminator written whatever the field holds.
func TestFieldCodecs(t *testing.T) {
	shape := &ir.Union{Name: "Shape", Decoder: "decodeShape"}
	tests := []struct {
		name         string
		field        *ir.Field
		tracked      bool
		discriminate string // the struct's discriminator value, for this field
		decode       string
		encode       string
	}{
		{
			"a required string", &ir.Field{Name: "ID", JSONName: "id", Type: ir.String}, true, "",
			`decodeField(l, "id", &p.ID, &p.Extra, decodeString)`,
			`encodeRequired(e, "id", &p.ID, p.absent.has(0), p.Extra, encodeString)`,
		},
		{
			"an optional integer", &ir.Field{Name: "Size", JSONName: "size", Type: &ir.Pointer{Elem: ir.Int}, Omit: "omitempty"}, false, "",
			`decodeOptional(l, "size", &p.Size, &p.Extra, decodeInt)`,
			`encodePointer(e, "size", p.Size, p.Extra, encodeInt)`,
		},
		{
			"a nullable enum", &ir.Field{Name: "Status", JSONName: "status", Type: &ir.Nullable{Elem: &ir.Named{Decl: status}}, Omit: "omitzero"}, false, "",
			`decodeNullable(l, "status", &p.Status, &p.Extra, decodeString)`,
			`encodeNullable(e, "status", &p.Status, p.Extra, encodeString)`,
		},
		{
			"an optional list of unions", &ir.Field{Name: "Shapes", JSONName: "shapes", Type: &ir.Slice{Elem: &ir.Named{Decl: shape}}, Omit: "omitzero"}, false, "",
			"decodeField(l, \"shapes\", &p.Shapes, &p.Extra, func(v *[]Shape, l *jsonLexer) bool {\n\t\t\t\treturn decodeSlice(v, l, decodeShape)\n\t\t\t})",
			"encodeOptional(e, \"shapes\", &p.Shapes, p.Shapes != nil, p.Extra, func(v *[]Shape, e *jsonEncoder) {\n\t\tencodeSlice(v, e, encodeUnion)\n\t})",
		},
		{
			"a free-form object", &ir.Field{Name: "Metadata", JSONName: "metadata", Type: &ir.Map{Elem: ir.Any}, Omit: "omitzero"}, false, "",
			`decodeField(l, "metadata", &p.Metadata, &p.Extra, decodeFreeForm)`,
			`encodeOptional(e, "metadata", &p.Metadata, p.Metadata != nil, p.Extra, encodeFreeForm)`,
		},
		{
			"a timestamp", &ir.Field{Name: "At", JSONName: "at", Type: &ir.Pointer{Elem: ir.Time}, Omit: "omitempty"}, false, "",
			`decodeOptional(l, "at", &p.At, &p.Extra, p.times.decoder("at"))`,
			`encodePointer(e, "at", p.At, p.Extra, p.times.encoder("at"))`,
		},
		{
			"a discriminator", &ir.Field{Name: "Kind", JSONName: "kind", Type: ir.String}, true, "circle",
			`decodeField(l, "kind", &p.Kind, &p.Extra, decodeDiscriminator)`,
			`encodeDiscriminator(e, "kind", p.Kind, "circle", p.absent.has(0), p.Extra)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &ir.Struct{Name: "Part", Extra: "Extra", TimeTexts: "times", Fields: []*ir.Field{tt.field}}
			if tt.tracked {
				st.Tracked = []*ir.Field{tt.field}
			}
			if tt.discriminate != "" {
				st.Discriminator = &ir.FixedValue{Field: tt.field, Value: tt.discriminate}
			}
			got := strings.ReplaceAll(render(func(f *jen.File) { structCodec(f, st) }), "(p *Part)", "")
			assert.Contains(t, got, tt.decode)
			assert.Contains(t, got, tt.encode)
		})
	}
}

// TestAliasCodec: a recursive alias decodes and encodes through the
// container it is, with its own codec for the elements.
func TestAliasCodec(t *testing.T) {
	forest := &ir.Alias{Name: "Forest"}
	forest.Target = &ir.Slice{Elem: &ir.Named{Decl: forest}}
	index := &ir.Alias{Name: "Index"}
	index.Target = &ir.Map{Elem: &ir.Named{Decl: index}}
	got := render(func(f *jen.File) { aliasCodec(f, forest); aliasCodec(f, index) })
	for _, want := range []string{
		"return decodeSlice((*[]Forest)(f), l, (*Forest).decodeJSON)",
		"encodeSlice((*[]Forest)(f), e, (*Forest).encodeJSON)",
		"return decodeMap((*map[string]Index)(i), l, (*Index).decodeJSON)",
		"encodeMap((*map[string]Index)(i), e, (*Index).encodeJSON)",
	} {
		assert.Contains(t, got, want)
	}
}

// TestCodecNames: a codec's lexer and encoder take other names when the
// receiver, the type's initial, has taken theirs.
func TestCodecNames(t *testing.T) {
	assert.Equal(t, codecNames{recv: "p", lexer: "l", encoder: "e"}, namesFor("Point"))
	assert.Equal(t, codecNames{recv: "l", lexer: "lx", encoder: "e"}, namesFor("Literal"))
	assert.Equal(t, codecNames{recv: "e", lexer: "l", encoder: "enc"}, namesFor("Event"))
}
