package emit

import (
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

const jsonPkg = "encoding/json"

// marshalStruct writes a MarshalJSON that adds the undeclared properties
// kept in Extra and, for a union variant, sets the discriminator, so
// callers never have to fill it in.
func marshalStruct(f *jen.File, st *ir.Struct) {
	r := receiver(st.Name)
	body := []jen.Code{
		jen.Type().Id("plain").Id(st.Name),
		jen.Id("wire").Op(":=").Id("plain").Call(jen.Id(r)),
	}
	doc := "MarshalJSON encodes " + st.Name + " with the properties of " + st.Extra + "."
	if d := st.Discriminator; d != nil {
		body = append(body, jen.Id("wire").Dot(d.Field.Name).Op("=").Lit(d.Value))
		doc = "MarshalJSON encodes " + st.Name + " with " + d.Field.JSONName + " set to " + strconv.Quote(d.Value) + " and the properties of " + st.Extra + "."
	}
	body = append(body,
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(jsonPkg, "Marshal").Call(jen.Id("wire")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id("withExtra").Call(jen.Id("data"), jen.Id(r).Dot(st.Extra))),
	)
	comment(f, doc)
	f.Func().Params(jen.Id(r).Id(st.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(body...)
	f.Line()
}

// unmarshalStruct writes an UnmarshalJSON that lets encoding/json decode
// the plain fields, decodes union fields from their raw JSON (an
// interface cannot be decoded into directly) and keeps the undeclared
// properties in Extra.
func unmarshalStruct(f *jen.File, st *ir.Struct) {
	r := receiver(st.Name)
	var unionFields []*ir.Field
	var known []jen.Code
	for _, fd := range st.Fields {
		if taggable(fd.JSONName) { // others stay in Extra, since their tag is "-"
			known = append(known, jen.Lit(fd.JSONName))
		}
		if ir.HasUnion(fd.Type) {
			unionFields = append(unionFields, fd)
		}
	}
	body := []jen.Code{jen.Type().Id("plain").Id(st.Name)}
	if len(unionFields) == 0 {
		body = append(body,
			jen.If(jen.Err().Op(":=").Qual(jsonPkg, "Unmarshal").Call(jen.Id("data"), jen.Parens(jen.Op("*").Id("plain")).Call(jen.Id(r))), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Err()),
			),
		)
	} else {
		body = append(body,
			jen.Var().Id("wire").StructFunc(func(g *jen.Group) {
				g.Op("*").Id("plain")
				for _, fd := range unionFields {
					g.Id(fd.Name).Add(rawType(fd.Type)).Tag(map[string]string{"json": fd.JSONName})
				}
			}),
			jen.Id("wire").Dot("plain").Op("=").Parens(jen.Op("*").Id("plain")).Call(jen.Id(r)),
			jen.If(jen.Err().Op(":=").Qual(jsonPkg, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("wire")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Err()),
			),
		)
	}
	body = append(body, jen.Var().Err().Error())
	for _, fd := range unionFields {
		body = append(body, jen.If(
			jen.List(jen.Id(r).Dot(fd.Name), jen.Err()).Op("=").Add(decodeCall(fd.Type, jen.Id("wire").Dot(fd.Name))),
			jen.Err().Op("!=").Nil(),
		).Block(
			jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit(fd.JSONName+": %w"), jen.Err())),
		))
	}
	body = append(body,
		jen.List(jen.Id(r).Dot(st.Extra), jen.Err()).Op("=").Id("extraProperties").Call(append([]jen.Code{jen.Id("data")}, known...)...),
		jen.Return(jen.Err()),
	)
	comment(f, "UnmarshalJSON decodes "+st.Name+", keeping undeclared properties in "+st.Extra+".")
	f.Func().Params(jen.Id(r).Op("*").Id(st.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(body...)
	f.Line()
}

// rawType is t with every union replaced by json.RawMessage: the shape in
// which encoding/json can hold a union field before it is decoded.
func rawType(t ir.Type) jen.Code {
	switch t := t.(type) {
	case *ir.Named:
		switch d := t.Decl.(type) {
		case *ir.Union:
			return jen.Qual(jsonPkg, "RawMessage")
		case *ir.Alias:
			return rawType(d.Target)
		}
	case *ir.Slice:
		return jen.Index().Add(rawType(t.Elem))
	case *ir.Map:
		return jen.Map(jen.String()).Add(rawType(t.Elem))
	case *ir.Nullable:
		return jen.Id("Nullable").Types(rawType(t.Elem))
	}
	return typ(t)
}

// decodeCall decodes raw, of rawType(t), into a value of type t.
func decodeCall(t ir.Type, raw jen.Code) jen.Code {
	switch t := t.(type) {
	case *ir.Named:
		switch d := t.Decl.(type) {
		case *ir.Union:
			return jen.Id(d.Decoder).Call(raw)
		case *ir.Alias:
			return decodeCall(d.Target, raw)
		}
	case *ir.Slice:
		return jen.Id("decodeSlice").Call(raw, decoderFunc(t.Elem))
	case *ir.Map:
		return jen.Id("decodeMap").Call(raw, decoderFunc(t.Elem))
	case *ir.Nullable:
		return jen.Id("decodeNullable").Call(raw, decoderFunc(t.Elem))
	}
	panic("emit: decodeCall on a type without union")
}

// decoderFunc is a function value decoding rawType(t) into t.
func decoderFunc(t ir.Type) jen.Code {
	if n, ok := t.(*ir.Named); ok {
		if u, ok := n.Decl.(*ir.Union); ok {
			return jen.Id(u.Decoder)
		}
	}
	return jen.Func().Params(jen.Id("raw").Add(rawType(t))).Params(typ(t), jen.Error()).Block(
		jen.Return(decodeCall(t, jen.Id("raw"))),
	)
}

// unknownGetter reads a common property of an unknown variant from its
// raw JSON; the discriminator is at hand in Type.
func unknownGetter(f *jen.File, u *ir.Union, c *ir.Getter) {
	r := receiver(u.Unknown)
	comment(f, c.Method+" returns the "+strconv.Quote(c.Field.JSONName)+" property, read from Raw.")
	var body []jen.Code
	if c.IsDiscriminator {
		body = []jen.Code{jen.Return(jen.Id(r).Dot("Type"))}
	} else {
		body = []jen.Code{
			jen.Var().Id("v").Add(typ(c.Field.Type)),
			jen.Id("property").Call(jen.Id(r).Dot("Raw"), jen.Lit(c.Field.JSONName), jen.Op("&").Id("v")),
			jen.Return(jen.Id("v")),
		}
	}
	f.Func().Params(jen.Id(r).Op("*").Id(u.Unknown)).Id(c.Method).Params().Add(typ(c.Field.Type)).Block(body...)
	f.Line()
}

func unknownMarshal(f *jen.File, u *ir.Union) {
	r := receiver(u.Unknown)
	comment(f, "MarshalJSON encodes the value exactly as it was received.")
	f.Func().Params(jen.Id(r).Id(u.Unknown)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("unknownJSON").Call(jen.Id(r).Dot("Raw"))),
	)
	f.Line()
}

// unionDecoder writes the function that decodes a union from raw JSON:
// by discriminator value, or else by which properties are present.
func unionDecoder(f *jen.File, u *ir.Union) {
	body := []jen.Code{
		jen.If(jen.Id("isNull").Call(jen.Id("data"))).Block(jen.Return(jen.Nil(), jen.Nil())),
	}
	var unknown jen.Code
	if u.Discriminator != "" {
		body = append(body,
			jen.List(jen.Id("value"), jen.Err()).Op(":=").Id("discriminator").Call(jen.Id("data"), jen.Lit(u.Discriminator)),
		)
		unknown = jen.Op("&").Id(u.Unknown).Values(jen.Dict{
			jen.Id("Type"): jen.Id("value"),
			jen.Id("Raw"):  jen.Qual("slices", "Clone").Call(jen.Id("data")),
		})
	} else {
		body = append(body,
			jen.List(jen.Id("value"), jen.Err()).Op(":=").Id("pickVariant").Call(jen.Id("data"), variantShapes(u)),
		)
		unknown = jen.Op("&").Id(u.Unknown).Values(jen.Dict{
			jen.Id("Raw"): jen.Qual("slices", "Clone").Call(jen.Id("data")),
		})
	}
	body = append(body,
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Var().Id("v").Id(u.Name),
		jen.Switch(jen.Id("value")).BlockFunc(func(g *jen.Group) {
			for i, v := range u.Variants {
				var values []jen.Code
				if u.Discriminator != "" {
					for _, val := range v.Values {
						values = append(values, jen.Lit(val))
					}
				} else {
					values = append(values, jen.Lit(i))
				}
				g.Case(values...).Id("v").Op("=").New(jen.Id(v.Struct.Name))
			}
			g.Default().Return(unknown, jen.Nil())
		}),
		// A variant whose content contradicts its schema is kept raw
		// rather than failing the whole document: nothing is lost.
		jen.If(jen.Qual(jsonPkg, "Unmarshal").Call(jen.Id("data"), jen.Id("v")).Op("!=").Nil()).Block(
			jen.Return(unknown, jen.Nil()),
		),
		jen.Return(jen.Id("v"), jen.Nil()),
	)
	comment(f, u.Decoder+" decodes "+article(u.Name)+" "+u.Name+"; JSON null gives nil. Content")
	comment(f, "that is not a known variant, or does not decode as one, gives the Unknown variant.")
	f.Func().Id(u.Decoder).Params(jen.Id("data").Qual(jsonPkg, "RawMessage")).Params(jen.Id(u.Name), jen.Error()).Block(body...)
	f.Line()
}

func variantShapes(u *ir.Union) jen.Code {
	return jen.Index().Id("variantShape").ValuesFunc(func(g *jen.Group) {
		for _, v := range u.Variants {
			g.Values(jen.Dict{
				jen.Id("properties"): stringList(v.Properties),
				jen.Id("required"):   stringList(v.Required),
			})
		}
	})
}

func stringList(list []string) jen.Code {
	if len(list) == 0 {
		return jen.Nil()
	}
	return jen.Index().String().ValuesFunc(func(g *jen.Group) {
		for _, s := range list {
			g.Lit(s)
		}
	})
}
