package build

import (
	"slices"
	"strconv"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// finishStructs decides what every struct declares besides its fields,
// once the types are pruned: the Extra field of those that travel as JSON
// (and the field keeping the text of their timestamps), and a getter of
// every field. A union's getters come first: every variant
// must give the getter of a property they share the same name.
func (b *builder) finishStructs() {
	for _, plan := range b.unions {
		if slices.Contains(b.decls, ir.Decl(plan.union)) {
			b.commonGetters(plan.union)
		}
	}
	for _, d := range b.decls {
		st, ok := d.(*ir.Struct)
		if !ok {
			continue
		}
		if !st.Plain {
			st.Extra = b.structScope(st).declare(st.Pointer, "Extra")
			if slices.ContainsFunc(st.Fields, func(f *ir.Field) bool { return unwrapOptional(f.Type) == ir.Time }) {
				st.TimeTexts = b.structScope(st).declare(st.Pointer, "times")
			}
		}
		for _, f := range st.Fields {
			if !slices.ContainsFunc(st.Getters, func(g *ir.Getter) bool { return g.Field == f }) {
				method := b.structScope(st).declare(st.Pointer, "Get"+f.Name)
				st.Getters = append(st.Getters, b.getter(st, f, method))
			}
		}
		slices.SortStableFunc(st.Getters, func(x, y *ir.Getter) int {
			return slices.Index(st.Fields, x.Field) - slices.Index(st.Fields, y.Field)
		})
	}
}

// getter is the getter of st's field f named method: it returns the
// field's value, the zero value when st is nil or the field is absent or
// null, so that a chain of getters needs no nil checks. A struct is
// returned by pointer, so that the chain goes on.
func (b *builder) getter(st *ir.Struct, f *ir.Field, method string) *ir.Getter {
	g := &ir.Getter{Method: method, Field: f, Type: getterType(f.Type)}
	_, returnsPointer := g.Type.(*ir.Pointer)
	var lead string
	switch t := f.Type.(type) {
	case *ir.Pointer:
		g.Kind = ir.GetField
		lead = f.Name + ", or nil when the receiver is nil"
		if !returnsPointer {
			g.Kind = ir.GetPointee
			lead = "the value of " + f.Name + ", or the zero value when " + f.Name + " or the receiver is nil"
		}
	case *ir.Nullable:
		g.Kind = ir.GetNullable
		lead = "the value " + f.Name + " holds, or the zero value when the receiver is nil or " + f.Name + " is absent or null"
		if _, holdsPointer := t.Elem.(*ir.Pointer); returnsPointer && !holdsPointer {
			g.Kind = ir.GetNullablePointer
			lead = "a pointer to the value " + f.Name + " holds, or nil when the receiver is nil or " + f.Name + " is absent or null"
		}
	default:
		g.Kind = ir.GetField
		lead = f.Name + ", or the zero value when the receiver is nil"
		if returnsPointer {
			g.Kind = ir.GetAddress
			lead = "a pointer to " + f.Name + ", or nil when the receiver is nil"
		}
		if d := st.Discriminator; d != nil && d.Field == f {
			// A variant built by hand says what it is, as its JSON does.
			g.Default = d.Value
			lead = f.Name + ", or " + strconv.Quote(d.Value) + " when it is empty, as encoding writes it; \"\" when the receiver is nil"
		}
	}
	g.Doc = b.conv.Text(method+" returns "+lead+".", "")
	return g
}

// getterType is what the getter of a field of type t returns: the value
// an optional or nullable field holds, and a pointer to a struct.
func getterType(t ir.Type) ir.Type {
	switch t := t.(type) {
	case *ir.Pointer:
		if structOf(t.Elem) != nil {
			return t
		}
		return t.Elem
	case *ir.Nullable:
		return getterType(&ir.Pointer{Elem: t.Elem})
	case *ir.Named:
		if structOf(t) != nil {
			return &ir.Pointer{Elem: t}
		}
	}
	return t
}

// commonGetters gives the union a getter for every property that all its
// variants have with the same getter type, and each variant the method.
// The getter is Get<Field>, unless a variant has a field of that name.
func (b *builder) commonGetters(u *ir.Union) {
	if len(u.Variants) == 0 {
		return
	}
	for _, f := range u.Variants[0].Struct.Fields {
		t := getterType(f.Type)
		shared := true
		for _, v := range u.Variants[1:] {
			other := fieldByJSONName(v.Struct, f.JSONName)
			if other == nil || typeKey(getterType(other.Type)) != typeKey(t) {
				shared = false
				break
			}
		}
		if !shared {
			continue
		}
		method := b.getterName(u, f)
		u.Common = append(u.Common, &ir.Getter{
			Method:          method,
			Field:           f,
			Type:            t,
			IsDiscriminator: f.JSONName == u.Discriminator && f.Type == ir.String,
		})
		for _, v := range u.Variants {
			if !hasGetter(v.Struct, method) {
				v.Struct.Getters = append(v.Struct.Getters, b.getter(v.Struct, fieldByJSONName(v.Struct, f.JSONName), method))
			}
		}
	}
}

// getterName is the name of the getter of f in every variant of u: the
// first of Get<Field>, Get<Field>2, ... that no variant declares for
// something else, declared in all of them.
func (b *builder) getterName(u *ir.Union, f *ir.Field) string {
	want := "Get" + f.Name
	free := func(name string) bool {
		for _, v := range u.Variants {
			if b.structScope(v.Struct).taken(name) && !hasGetter(v.Struct, name) {
				return false
			}
		}
		return true
	}
	name := want
	for i := 2; !free(name); i++ {
		name = want + strconv.Itoa(i)
	}
	if name != want {
		b.warnf(u.Pointer, "the getter of %q in union %s cannot be %s, which a variant declares; named %s instead", f.JSONName, u.Name, want, name)
	}
	for _, v := range u.Variants {
		b.structScope(v.Struct).reserve("a getter of union "+u.Name, name)
	}
	return name
}

// hasGetter reports whether st already has a getter named method, for a
// union it is also a variant of.
func hasGetter(st *ir.Struct, method string) bool {
	return slices.ContainsFunc(st.Getters, func(g *ir.Getter) bool { return g.Method == method })
}
