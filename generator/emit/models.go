package emit

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"

	"github.com/sunco-sdk/sunco-go/generator/docs"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

func decls(f *jen.File, decls []ir.Decl) {
	for _, d := range decls {
		switch d := d.(type) {
		case *ir.Struct:
			structDecl(f, d)
		case *ir.Union:
			unionDecl(f, d)
		case *ir.Enum:
			enumDecl(f, d)
		case *ir.Alias:
			doc(f, d.Doc)
			f.Type().Id(d.Name).Add(typ(d.Target))
			f.Line()
			aliasCodec(f, d)
		}
	}
}

func structDecl(f *jen.File, st *ir.Struct) {
	doc(f, st.Doc)
	f.Type().Id(st.Name).StructFunc(func(g *jen.Group) {
		for _, fd := range st.Fields {
			doc(g, fd.Doc)
			field := g.Id(fd.Name).Add(typ(fd.Type))
			if !st.Plain {
				field.Tag(map[string]string{"json": jsonTag(fd)})
			}
		}
		if st.Plain {
			return
		}
		comment(g, st.Extra+" holds the properties the schema does not declare and those whose")
		comment(g, "value does not fit their type, so that encoding loses nothing received.")
		g.Id(st.Extra).Map(jen.String()).Qual("encoding/json", "RawMessage").Tag(map[string]string{"json": "-"})
		if len(st.Tracked) > 0 {
			comment(g, "absent are the required properties the decoded JSON lacked.")
			g.Id("absent").Id("fieldSet")
		}
		if st.TimeTexts != "" {
			comment(g, st.TimeTexts+" are the texts of decoded timestamps, written again while unchanged.")
			g.Id(st.TimeTexts).Id("timeTexts")
		}
	})
	f.Line()
	for _, u := range st.Unions {
		f.Func().Params(jen.Op("*").Id(st.Name)).Id(u.Marker).Params().Block()
		f.Line()
	}
	for _, g := range st.Getters {
		getter(f, st, g)
	}
	if !st.Plain {
		structCodec(f, st)
	}
}

// getter writes the getter g of st.
func getter(f *jen.File, st *ir.Struct, g *ir.Getter) {
	r := jen.Id(receiver(st.Name))
	field := r.Clone().Dot(g.Field.Name)
	nilReceiver := jen.If(r.Clone().Op("==").Nil()).Block(jen.Return(zeroValue(g.Type)))
	var body []jen.Code
	switch g.Kind {
	case ir.GetPointee:
		body = []jen.Code{
			jen.If(r.Clone().Op("==").Nil().Op("||").Add(field.Clone()).Op("==").Nil()).Block(jen.Return(zeroValue(g.Type))),
			jen.Return(jen.Op("*").Add(field)),
		}
	case ir.GetAddress:
		body = []jen.Code{nilReceiver, jen.Return(jen.Op("&").Add(field))}
	case ir.GetNullable:
		body = []jen.Code{nilReceiver, jen.Return(jen.Id("nullableValue").Call(jen.Op("&").Add(field)))}
	case ir.GetNullablePointer:
		body = []jen.Code{nilReceiver, jen.Return(jen.Id("nullablePointer").Call(jen.Op("&").Add(field)))}
	default:
		body = []jen.Code{nilReceiver}
		if g.Default != "" {
			body = append(body, jen.If(field.Clone().Op("==").Lit("")).Block(jen.Return(jen.Lit(g.Default))))
		}
		body = append(body, jen.Return(field))
	}
	doc(f, g.Doc)
	f.Func().Params(r.Clone().Op("*").Id(st.Name)).Id(g.Method).Params().Add(typ(g.Type)).Block(body...)
	f.Line()
}

// zeroValue is the zero value of t, as a Go expression.
func zeroValue(t ir.Type) jen.Code {
	switch t := t.(type) {
	case ir.Builtin:
		switch t {
		case ir.String:
			return jen.Lit("")
		case ir.Bool:
			return jen.False()
		case ir.Int, ir.Int64, ir.Float64:
			return jen.Lit(0)
		case ir.Time:
			return jen.Qual("time", "Time").Values()
		}
	case *ir.Named:
		if _, isEnum := t.Decl.(*ir.Enum); isEnum {
			return jen.Lit("")
		}
	}
	return jen.Nil()
}

// jsonTag is the json struct tag of a field: its wire name and omit
// option, or "-" when encoding/json cannot spell the name in a tag (the
// empty name, quotes, backslashes, commas): the generated codecs go by
// Field.JSONName, never by the tag.
func jsonTag(fd *ir.Field) string {
	if !taggable(fd.JSONName) {
		return "-"
	}
	if fd.Omit == "" {
		return fd.JSONName
	}
	return fd.JSONName + "," + fd.Omit
}

func enumDecl(f *jen.File, e *ir.Enum) {
	doc(f, e.Doc)
	f.Type().Id(e.Name).String()
	f.Line()
	if len(e.Values) == 0 {
		return
	}
	doc(f, e.ValuesDoc)
	f.Const().DefsFunc(func(g *jen.Group) {
		for _, v := range e.Values {
			g.Id(v.Name).Id(e.Name).Op("=").Lit(v.Value)
		}
	})
	f.Line()
}

func unionDecl(f *jen.File, u *ir.Union) {
	doc(f, u.Doc)
	f.Type().Id(u.Name).InterfaceFunc(func(g *jen.Group) {
		for _, c := range u.Common {
			comment(g, c.Method+" returns the "+strconv.Quote(c.Field.JSONName)+" property, or the zero value.")
			g.Id(c.Method).Params().Add(typ(c.Type))
		}
		g.Id(u.Marker).Params()
		g.Id("encodeJSON").Params(jen.Op("*").Id("jsonEncoder"))
	})
	f.Line()

	comment(f, u.Unknown+" is "+docs.Article(u.Name)+" "+u.Name+" this SDK does not know, or one whose")
	comment(f, "content does not match its schema. Raw holds it as it was received, and it is")
	comment(f, "encoded back unchanged.")
	f.Type().Id(u.Unknown).StructFunc(func(g *jen.Group) {
		if u.Discriminator != "" {
			comment(g, "Type is the value of its "+strconv.Quote(u.Discriminator)+" property.")
			g.Id("Type").String()
		}
		g.Id("Raw").Qual("encoding/json", "RawMessage")
	})
	f.Line()
	f.Func().Params(jen.Op("*").Id(u.Unknown)).Id(u.Marker).Params().Block()
	f.Line()
	unionCodec(f, u)
}

// taggable reports a name encoding/json accepts in a struct tag.
func taggable(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", r) {
			return false
		}
	}
	return true
}
