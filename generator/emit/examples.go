package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// ExamplesTest emits examples_test.go for the generated package: a test
// that decodes every example of the document into its Go type, encodes it
// again and compares the two as JSON. It is written only by tests of the
// generator, since the examples are the document's text.
func ExamplesTest(api *ir.API) File {
	return File{Name: "examples_test.go", Emit: func() *jen.File { return examplesTest(api) }}
}

func examplesTest(api *ir.API) *jen.File {
	f := jen.NewFile(api.Package)
	f.Var().Id("examples").Op("=").Index().Id("example").ValuesFunc(func(g *jen.Group) {
		for _, ex := range api.Examples {
			g.Values(jen.Dict{
				jen.Id("pointer"): jen.Lit(ex.Pointer),
				jen.Id("decode"):  exampleDecoder(ex.Type),
				jen.Id("json"):    jen.Lit(string(ex.JSON)),
			})
		}
	})
	return f
}

// exampleDecoder is a func([]byte) (any, error) decoding into t: a
// struct with its UnmarshalJSON, a union with its Unmarshal function (an
// example that gives the Unknown variant fails), anything else with its
// decoder.
func exampleDecoder(t ir.Type) jen.Code {
	var body []jen.Code
	switch d := namedDecl(t).(type) {
	case *ir.Struct:
		body = []jen.Code{
			jen.Var().Id("v").Add(typ(t)),
			jen.Err().Op(":=").Id("v").Dot("UnmarshalJSON").Call(jen.Id("data")),
			jen.Return(jen.Id("v"), jen.Err()),
		}
	case *ir.Union:
		body = []jen.Code{
			jen.List(jen.Id("v"), jen.Err()).Op(":=").Id(d.Unmarshal).Call(jen.Id("data")),
			jen.If(jen.List(jen.Id("_"), jen.Id("unknown")).Op(":=").Id("v").Assert(jen.Op("*").Id(d.Unknown)), jen.Id("unknown")).Block(
				jen.Return(jen.Nil(), jen.Qual("errors", "New").Call(jen.Lit("decodes as *"+d.Unknown))),
			),
			jen.Return(jen.Id("v"), jen.Err()),
		}
	default:
		body = []jen.Code{
			jen.Var().Id("v").Add(typ(t)),
			jen.Err().Op(":=").Id("unmarshalJSON").Call(jen.Id("data"), jen.Op("&").Id("v"), decoder(t), jen.Lit(typeName(t))),
			jen.Return(jen.Id("v"), jen.Err()),
		}
	}
	return jen.Func().Params(jen.Id("data").Index().Byte()).Params(jen.Any(), jen.Error()).Block(body...)
}

// namedDecl is the declaration t names, or nil.
func namedDecl(t ir.Type) ir.Decl {
	if n, ok := t.(*ir.Named); ok {
		return n.Decl
	}
	return nil
}
