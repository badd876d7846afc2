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
	return File{Name: "examples_test.go", Jen: f}
}

// exampleDecoder is a func([]byte) (any, error) decoding into t.
func exampleDecoder(t ir.Type) jen.Code {
	var body []jen.Code
	if ir.HasUnion(t) && !hasStruct(t) {
		body = []jen.Code{
			jen.Var().Id("raw").Add(rawType(t)),
			jen.If(jen.Err().Op(":=").Qual(jsonPkg, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("raw")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Err()),
			),
			jen.Return(decodeCall(t, jen.Id("raw"))),
		}
	} else {
		body = []jen.Code{
			jen.Var().Id("v").Add(typ(t)),
			jen.Err().Op(":=").Qual(jsonPkg, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("v")),
			jen.Return(jen.Id("v"), jen.Err()),
		}
	}
	return jen.Func().Params(jen.Id("data").Index().Byte()).Params(jen.Any(), jen.Error()).Block(body...)
}
