package emit

import (
	"fmt"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/sunco-sdk/sunco-go/generator/docs"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// The JSON codecs. Each struct gets decodeJSON and encodeJSON methods that
// walk the bytes once with the runtime's jsonLexer and jsonEncoder, and
// UnmarshalJSON and MarshalJSON built on them; each union a decode
// function, an exported Unmarshal function and codecs for its Unknown
// variant. A decoder is a func(*T, *jsonLexer) bool and an encoder a
// func(*T, *jsonEncoder); see the runtime's runtime_json.go.

// codecNames are the names a codec method gives its lexer and encoder,
// unless the receiver has taken them.
type codecNames struct{ recv, lexer, encoder string }

func namesFor(typeName string) codecNames {
	n := codecNames{recv: receiver(typeName), lexer: "l", encoder: "e"}
	if n.recv == n.lexer {
		n.lexer = "lx"
	}
	if n.recv == n.encoder {
		n.encoder = "enc"
	}
	return n
}

// structCodec writes the codec methods of a struct.
func structCodec(f *jen.File, st *ir.Struct) {
	n := namesFor(st.Name)
	required := absentBits(st)

	comment(f, "UnmarshalJSON decodes "+n.recv+" from data, keeping in "+st.Extra+" the properties the")
	comment(f, "schema does not declare and the values that do not fit their type.")
	f.Func().Params(jen.Id(n.recv).Op("*").Id(st.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Id("unmarshalJSON").Call(jen.Id("data"), jen.Id(n.recv), jen.Parens(jen.Op("*").Id(st.Name)).Dot("decodeJSON"), jen.Lit(st.Name))),
	)
	f.Line()

	doc := "MarshalJSON encodes " + n.recv + " with the properties of " + st.Extra + "."
	if d := st.Discriminator; d != nil {
		doc = "MarshalJSON encodes " + n.recv + " with the properties of " + st.Extra + "; " + strconv.Quote(d.Field.JSONName) + "\nis " + strconv.Quote(d.Value) + " unless " + d.Field.Name + " says otherwise."
	}
	comment(f, doc)
	f.Func().Params(jen.Id(n.recv).Id(st.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("marshalJSON").Call(jen.Op("&").Id(n.recv), jen.Parens(jen.Op("*").Id(st.Name)).Dot("encodeJSON"))),
	)
	f.Line()

	decodeMethod(f, st, n, required)
	encodeMethod(f, st, n, required)
}

// absentBits maps each tracked field of st to its bit in the set of
// absent fields.
func absentBits(st *ir.Struct) map[*ir.Field]int {
	bits := make(map[*ir.Field]int, len(st.Tracked))
	for i, fd := range st.Tracked {
		bits[fd] = i
	}
	return bits
}

func decodeMethod(f *jen.File, st *ir.Struct, n codecNames, required map[*ir.Field]int) {
	r, l := jen.Id(n.recv), jen.Id(n.lexer)
	extra := jen.Op("&").Add(r.Clone()).Dot(st.Extra)
	var member jen.Code = jen.Id("decodeExtra").Call(l, extra)
	if len(st.Fields) > 0 {
		member = jen.Switch(jen.String().Parens(l.Clone().Dot("key"))).BlockFunc(func(g *jen.Group) {
			for _, fd := range st.Fields {
				var body []jen.Code
				if i, ok := required[fd]; ok {
					body = append(body, jen.Id("seen").Dot("add").Call(jen.Lit(i)))
				}
				switch d := st.Discriminator; {
				case d != nil && d.Field == fd:
					body = append(body, jen.Id("decodeField").Call(l, jen.Lit(fd.JSONName), jen.Op("&").Add(r.Clone().Dot(fd.Name)), extra, jen.Id("decodeDiscriminator")))
				case isTime(fd.Type):
					// The decoder keeps the text of the timestamp.
					dec := r.Clone().Dot(st.TimeTexts).Dot("decoder").Call(jen.Lit(fd.JSONName))
					body = append(body, decodeMemberWith(fd, l, r.Clone().Dot(fd.Name), extra, dec))
				default:
					body = append(body, decodeMember(fd, l, r.Clone().Dot(fd.Name), extra))
				}
				g.Case(jen.Lit(fd.JSONName)).Block(body...)
			}
			g.Default().Id("decodeExtra").Call(l, extra)
		})
	}
	body := []jen.Code{
		jen.If(jen.Op("!").Add(l).Dot("enterObject").Call()).Block(jen.Return(jen.False())),
		jen.Op("*").Add(r).Op("=").Id(st.Name).Values(),
	}
	if len(required) > 0 {
		body = append(body, jen.Var().Id("seen").Id("fieldSet"))
	}
	body = append(body, jen.For(l.Clone().Dot("nextMember").Call()).Block(member))
	if len(required) > 0 {
		body = append(body, r.Clone().Dot("absent").Op("=").Id("seen").Dot("missing").Call(jen.Lit(len(required))))
	}
	body = append(body, jen.Return(jen.True()))
	comment(f, "decodeJSON decodes the object at "+n.lexer+" into "+n.recv+", or reports false for another value.")
	f.Func().Params(r.Clone().Op("*").Id(st.Name)).Id("decodeJSON").Params(jen.Id(n.lexer).Op("*").Id("jsonLexer")).Bool().Block(body...)
	f.Line()
}

// decodeMember decodes the value of fd's member at l into target; extra
// is a pointer to the map of raw values that do not fit, or nil.
func decodeMember(fd *ir.Field, l, target, extra jen.Code) jen.Code {
	return decodeMemberWith(fd, l, target, extra, decoder(unwrap(fd.Type)))
}

// decodeMemberWith is decodeMember with dec, the decoder of the value
// of fd that a pointer or Nullable holds, or of fd's type.
func decodeMemberWith(fd *ir.Field, l, target, extra, dec jen.Code) jen.Code {
	fn := "decodeField"
	switch fd.Type.(type) {
	case *ir.Pointer:
		fn = "decodeOptional"
	case *ir.Nullable:
		fn = "decodeNullable"
	}
	return jen.Id(fn).Call(l, jen.Lit(fd.JSONName), jen.Op("&").Add(target), extra, dec)
}

// unwrap is the type a pointer or Nullable holds, or t.
func unwrap(t ir.Type) ir.Type {
	switch t := t.(type) {
	case *ir.Pointer:
		return t.Elem
	case *ir.Nullable:
		return t.Elem
	}
	return t
}

// isTime reports a timestamp field: time.Time, optional or nullable.
func isTime(t ir.Type) bool {
	return unwrap(t) == ir.Time
}

func encodeMethod(f *jen.File, st *ir.Struct, n codecNames, required map[*ir.Field]int) {
	r, e := jen.Id(n.recv), jen.Id(n.encoder)
	extra := r.Clone().Dot(st.Extra)
	body := []jen.Code{
		// As encoding/json writes a nil pointer: a nil variant in a union,
		// a nil request body.
		jen.If(r.Clone().Op("==").Nil()).Block(e.Clone().Dot("null").Call(), jen.Return()),
		e.Clone().Dot("buf").Op("=").Append(e.Clone().Dot("buf"), jen.LitRune('{')),
	}
	declared := []jen.Code{e, extra}
	for _, fd := range st.Fields {
		declared = append(declared, jen.Lit(fd.JSONName))
		key, field := jen.Lit(fd.JSONName), r.Clone().Dot(fd.Name)
		absent := jen.False()
		if i, ok := required[fd]; ok {
			absent = r.Clone().Dot("absent").Dot("has").Call(jen.Lit(i))
		}
		if d := st.Discriminator; d != nil && d.Field == fd {
			body = append(body, jen.Id("encodeDiscriminator").Call(e, key, field, jen.Lit(d.Value), absent, extra))
			continue
		}
		enc := encoder(unwrap(fd.Type))
		if isTime(fd.Type) {
			// The encoder writes a timestamp as received while unchanged.
			enc = r.Clone().Dot(st.TimeTexts).Dot("encoder").Call(jen.Lit(fd.JSONName))
		}
		switch fd.Type.(type) {
		case *ir.Pointer:
			body = append(body, jen.Id("encodePointer").Call(e, key, field, extra, enc))
		case *ir.Nullable:
			body = append(body, jen.Id("encodeNullable").Call(e, key, jen.Op("&").Add(field), extra, enc))
		default:
			if fd.Omit == "" {
				body = append(body, jen.Id("encodeRequired").Call(e, key, jen.Op("&").Add(field), absent, extra, enc))
			} else {
				body = append(body, jen.Id("encodeOptional").Call(e, key, jen.Op("&").Add(field), field.Clone().Op("!=").Nil(), extra, enc))
			}
		}
	}
	body = append(body,
		jen.If(jen.Len(extra).Op(">").Lit(0)).Block(jen.Id("encodeExtra").Call(declared...)),
		e.Clone().Dot("buf").Op("=").Append(e.Clone().Dot("buf"), jen.LitRune('}')),
	)
	comment(f, "encodeJSON writes "+n.recv+" as a JSON object, or null when nil.")
	f.Func().Params(r.Clone().Op("*").Id(st.Name)).Id("encodeJSON").Params(jen.Id(n.encoder).Op("*").Id("jsonEncoder")).Block(body...)
	f.Line()
}

// decoder is the decoder of a value of type t: a func(*t, *jsonLexer) bool.
func decoder(t ir.Type) jen.Code {
	switch t := t.(type) {
	case ir.Builtin:
		switch t {
		case ir.String:
			return jen.Id("decodeString")
		case ir.Int, ir.Int64:
			return jen.Id("decodeInt")
		case ir.Float64:
			return jen.Id("decodeFloat64")
		case ir.Bool:
			return jen.Id("decodeBool")
		case ir.Time:
			return jen.Id("decodeTime")
		}
		return jen.Id("decodeAny")
	case *ir.Named:
		switch d := t.Decl.(type) {
		case *ir.Struct:
			return jen.Parens(jen.Op("*").Id(d.Name)).Dot("decodeJSON")
		case *ir.Union:
			return jen.Id(d.Decoder)
		case *ir.Enum:
			return jen.Id("decodeString")
		case *ir.Alias:
			return jen.Parens(jen.Op("*").Id(d.Name)).Dot("decodeJSON")
		}
	case *ir.Map:
		if t.Elem == ir.Any {
			return jen.Id("decodeFreeForm")
		}
		return jen.Func().Params(jen.Id("v").Op("*").Add(typ(t)), jen.Id("l").Op("*").Id("jsonLexer")).Bool().Block(
			jen.Return(decodeContainer(t, jen.Id("v"), jen.Id("l"))),
		)
	case *ir.Slice, *ir.Pointer:
		return jen.Func().Params(jen.Id("v").Op("*").Add(typ(t)), jen.Id("l").Op("*").Id("jsonLexer")).Bool().Block(
			jen.Return(decodeContainer(t, jen.Id("v"), jen.Id("l"))),
		)
	}
	panic(fmt.Sprintf("emit: no decoder for %T", t))
}

// decodeContainer decodes into v, a pointer to a slice, map or pointer
// (or to another recursive alias), with l.
func decodeContainer(t ir.Type, v, l jen.Code) jen.Code {
	switch t := t.(type) {
	case *ir.Pointer:
		return jen.Id("decodePointee").Call(v, l, decoder(t.Elem))
	case *ir.Slice:
		return jen.Id("decodeSlice").Call(v, l, decoder(t.Elem))
	case *ir.Map:
		return jen.Id("decodeMap").Call(v, l, decoder(t.Elem))
	}
	return jen.Add(decoder(t)).Call(v, l) // another recursive alias
}

// encoder is the encoder of a value of type t: a func(*t, *jsonEncoder).
func encoder(t ir.Type) jen.Code {
	switch t := t.(type) {
	case ir.Builtin:
		switch t {
		case ir.String:
			return jen.Id("encodeString")
		case ir.Int, ir.Int64:
			return jen.Id("encodeInt")
		case ir.Float64:
			return jen.Id("encodeFloat64")
		case ir.Bool:
			return jen.Id("encodeBool")
		case ir.Time:
			return jen.Id("encodeTime")
		}
		return jen.Id("encodeAny")
	case *ir.Named:
		switch d := t.Decl.(type) {
		case *ir.Struct:
			return jen.Parens(jen.Op("*").Id(d.Name)).Dot("encodeJSON")
		case *ir.Union:
			return jen.Id("encodeUnion")
		case *ir.Enum:
			return jen.Id("encodeString")
		case *ir.Alias:
			return jen.Parens(jen.Op("*").Id(d.Name)).Dot("encodeJSON")
		}
	case *ir.Map:
		if t.Elem == ir.Any {
			return jen.Id("encodeFreeForm")
		}
		return jen.Func().Params(jen.Id("v").Op("*").Add(typ(t)), jen.Id("e").Op("*").Id("jsonEncoder")).Block(
			encodeContainer(t, jen.Id("v"), jen.Id("e")),
		)
	case *ir.Slice, *ir.Pointer:
		return jen.Func().Params(jen.Id("v").Op("*").Add(typ(t)), jen.Id("e").Op("*").Id("jsonEncoder")).Block(
			encodeContainer(t, jen.Id("v"), jen.Id("e")),
		)
	}
	panic(fmt.Sprintf("emit: no encoder for %T", t))
}

// encodeContainer encodes v, a pointer to a slice, map or pointer (or to
// another recursive alias), with e.
func encodeContainer(t ir.Type, v, e jen.Code) jen.Code {
	switch t := t.(type) {
	case *ir.Pointer:
		return jen.Id("encodePointee").Call(v, e, encoder(t.Elem))
	case *ir.Slice:
		return jen.Id("encodeSlice").Call(v, e, encoder(t.Elem))
	case *ir.Map:
		return jen.Id("encodeMap").Call(v, e, encoder(t.Elem))
	}
	return jen.Add(encoder(t)).Call(v, e) // another recursive alias
}

// aliasCodec writes the codec methods of a recursive alias, whose decoder
// refers to itself.
func aliasCodec(f *jen.File, a *ir.Alias) {
	n := namesFor(a.Name)
	value := jen.Parens(jen.Op("*").Add(typ(a.Target))).Call(jen.Id(n.recv))
	comment(f, "decodeJSON decodes the value at "+n.lexer+" into "+n.recv+".")
	f.Func().Params(jen.Id(n.recv).Op("*").Id(a.Name)).Id("decodeJSON").Params(jen.Id(n.lexer).Op("*").Id("jsonLexer")).Bool().Block(
		jen.Return(decodeContainer(a.Target, value, jen.Id(n.lexer))),
	)
	f.Line()
	comment(f, "encodeJSON writes "+n.recv+".")
	f.Func().Params(jen.Id(n.recv).Op("*").Id(a.Name)).Id("encodeJSON").Params(jen.Id(n.encoder).Op("*").Id("jsonEncoder")).Block(
		encodeContainer(a.Target, value.Clone(), jen.Id(n.encoder)),
	)
	f.Line()
}

// unionCodec writes the decoder of a union, its Unmarshal function and
// the codecs and getters of its Unknown variant.
func unionCodec(f *jen.File, u *ir.Union) {
	unionDecoder(f, u)

	comment(f, u.Unmarshal+" decodes "+docs.Article(u.Name)+" "+u.Name+" from data; JSON null gives nil. It fails")
	comment(f, "only on malformed JSON: a value that is not a known variant decodes as")
	comment(f, "*"+u.Unknown+".")
	f.Func().Id(u.Unmarshal).Params(jen.Id("data").Index().Byte()).Params(jen.Id(u.Name), jen.Error()).Block(
		jen.Var().Id("v").Id(u.Name),
		jen.Err().Op(":=").Id("unmarshalJSON").Call(jen.Id("data"), jen.Op("&").Id("v"), jen.Id(u.Decoder), jen.Lit(u.Name)),
		jen.Return(jen.Id("v"), jen.Err()),
	)
	f.Line()

	n := namesFor(u.Unknown)
	for _, c := range u.Common {
		unknownGetter(f, u, c, n)
	}
	comment(f, "MarshalJSON encodes the value exactly as it was received.")
	f.Func().Params(jen.Id(n.recv).Id(u.Unknown)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("unknownJSON").Call(jen.Id(n.recv).Dot("Raw"))),
	)
	f.Line()
	comment(f, "encodeJSON writes "+n.recv+".Raw.")
	f.Func().Params(jen.Id(n.recv).Op("*").Id(u.Unknown)).Id("encodeJSON").Params(jen.Id(n.encoder).Op("*").Id("jsonEncoder")).Block(
		jen.If(jen.Id(n.recv).Op("==").Nil()).Block(jen.Id(n.encoder).Dot("null").Call(), jen.Return()),
		jen.Id(n.encoder).Dot("raw").Call(jen.Id(n.recv).Dot("Raw")),
	)
	f.Line()
}

// unknownGetter reads a common property of an Unknown variant from its
// raw JSON, as the variants decode it; the discriminator is at hand in
// Type.
func unknownGetter(f *jen.File, u *ir.Union, c *ir.Getter, n codecNames) {
	comment(f, c.Method+" returns the "+strconv.Quote(c.Field.JSONName)+" property, read from Raw; the zero value when")
	comment(f, n.recv+" is nil or the property is absent or does not fit.")
	body := []jen.Code{jen.If(jen.Id(n.recv).Op("==").Nil()).Block(jen.Return(zeroValue(c.Type)))}
	if c.IsDiscriminator {
		body = append(body, jen.Return(jen.Id(n.recv).Dot("Type")))
	} else {
		var read jen.Code
		key, v := jen.Lit(c.Field.JSONName), jen.Op("&").Id("v")
		if p, ok := c.Type.(*ir.Pointer); ok {
			read = jen.Id("decodeOptional").Call(jen.Id("l"), key, v, jen.Nil(), decoder(p.Elem))
		} else {
			read = jen.Id("decodeField").Call(jen.Id("l"), key, v, jen.Nil(), decoder(c.Type))
		}
		body = append(body,
			jen.Var().Id("v").Add(typ(c.Type)),
			jen.For(jen.Id("l").Op(":=").Range().Id("propertyValues").Call(jen.Id(n.recv).Dot("Raw"), jen.Lit(c.Field.JSONName))).Block(read),
			jen.Return(jen.Id("v")),
		)
	}
	f.Func().Params(jen.Id(n.recv).Op("*").Id(u.Unknown)).Id(c.Method).Params().Add(typ(c.Type)).Block(body...)
	f.Line()
}

// unionDecoder writes the function that decodes a union at a lexer: by
// the discriminator, looked up ahead, or else by which properties are
// present.
func unionDecoder(f *jen.File, u *ir.Union) {
	l := jen.Id("l")
	var pick jen.Code
	unknown := []jen.Code{jen.Id("Raw").Op(":").Add(l.Clone().Dot("copyRaw").Call())}
	if u.Discriminator != "" {
		pick = jen.List(jen.Id("value"), jen.Id("ok")).Op(":=").Add(l).Dot("discriminator").Call(jen.Lit(u.Discriminator))
		unknown = append([]jen.Code{jen.Id("Type").Op(":").String().Parens(jen.Id("value"))}, unknown...)
	} else {
		pick = jen.List(jen.Id("value"), jen.Id("ok")).Op(":=").Add(l).Dot("pickVariant").Call(variantShapes(u))
	}
	var tag jen.Code = jen.Id("value")
	if u.Discriminator != "" {
		tag = jen.String().Parens(jen.Id("value"))
	}
	body := []jen.Code{
		pick,
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.False())),
		jen.Switch(tag).BlockFunc(func(g *jen.Group) {
			for i, v := range u.Variants {
				var values []jen.Code
				if u.Discriminator != "" {
					for _, val := range v.Values {
						values = append(values, jen.Lit(val))
					}
				} else {
					values = append(values, jen.Lit(i))
				}
				g.Case(values...).Op("*").Id("v").Op("=").Id("decodeVariant").Types(jen.Id(v.Struct.Name)).Call(l)
			}
			g.Default().Op("*").Id("v").Op("=").Op("&").Id(u.Unknown).Values(unknown...)
		}),
		jen.Return(jen.True()),
	}
	how := "the variant its " + strconv.Quote(u.Discriminator) + " property names"
	if u.Discriminator == "" {
		how = "the variant whose properties are present"
	}
	comment(f, u.Decoder+" decodes the "+u.Name+" at l into v:")
	comment(f, how+", else *"+u.Unknown+" with the value as it")
	comment(f, "is, null included. It reports false for malformed JSON.")
	f.Func().Id(u.Decoder).Params(jen.Id("v").Op("*").Id(u.Name), l.Clone().Op("*").Id("jsonLexer")).Bool().Block(body...)
	f.Line()
}

func variantShapes(u *ir.Union) jen.Code {
	return jen.Index().Id("variantShape").ValuesFunc(func(g *jen.Group) {
		for _, v := range u.Variants {
			g.Line().Values(jen.DictFunc(func(d jen.Dict) {
				d[jen.Id("properties")] = stringList(v.Properties)
				if len(v.Required) > 0 {
					d[jen.Id("required")] = stringList(v.Required)
				}
			}))
		}
		g.Line()
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

// typeName is the Go spelling of t, for error messages.
func typeName(t ir.Type) string {
	return fmt.Sprintf("%#v", typ(t))
}
