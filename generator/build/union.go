package build

import (
	"slices"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// unionPlan is a union whose variants are resolved once every component
// struct has its fields, since variants are told apart by their fields.
type unionPlan struct {
	union  *ir.Union
	schema *openapi3.Schema
}

func (b *builder) planUnion(u *ir.Union, s *openapi3.Schema) {
	u.Unknown = b.pkg.declare(u.Pointer, "Unknown"+u.Name)
	u.Marker = "is" + u.Name // a method: unexported, so no field can take it
	u.Decoder = b.pkg.declare(u.Pointer, "decode"+u.Name)
	u.Unmarshal = b.pkg.declare(u.Pointer, "Unmarshal"+u.Name)
	if s.Discriminator != nil {
		u.Discriminator = s.Discriminator.PropertyName
	}
	b.unions = append(b.unions, &unionPlan{union: u, schema: s})
}

// finishUnions resolves the variants of every planned union.
func (b *builder) finishUnions() {
	fixed := map[*ir.Struct]map[string]bool{} // discriminator values each struct is given
	// Resolving a variant may declare inline types with unions of their
	// own, which append to b.unions: iterate by index.
	for i := 0; i < len(b.unions); i++ {
		b.finishUnion(b.unions[i], fixed)
	}
	for st, values := range fixed {
		if len(values) != 1 {
			st.Discriminator = nil // variant of unions that disagree on its value
		}
	}
}

func (b *builder) finishUnion(plan *unionPlan, fixed map[*ir.Struct]map[string]bool) {
	u, s := plan.union, plan.schema
	for i, alt := range b.variantRefs(s) {
		index := i
		if j := slices.Index(rawAlternatives(s), alt); j >= 0 {
			index = j // the place in the document's list, {type: "null"} included
		}
		at := site{
			pointer: u.Pointer + "/" + alternativesKey(s) + "/" + strconv.Itoa(index),
			name:    u.Name + strconv.Itoa(i+1),
			role:    &role{kind: roleVariant, decl: u},
		}
		st := b.variantStruct(alt, at)
		if st == nil || slices.Contains(st.Unions, u) {
			continue // not an object, or several alternatives are the same Go type
		}
		v := &ir.Variant{Struct: st}
		if u.Discriminator != "" {
			v.Values = b.discriminatorValues(s, alt, at.pointer)
			field := b.requireField(st, u.Discriminator)
			if len(v.Values) == 1 {
				st.Discriminator = &ir.FixedValue{Field: field, Value: v.Values[0]}
			}
			if fixed[st] == nil {
				fixed[st] = map[string]bool{}
			}
			for _, val := range v.Values {
				fixed[st][val] = true
			}
		} else {
			for _, f := range st.Fields {
				v.Properties = append(v.Properties, f.JSONName)
				if f.Required {
					v.Required = append(v.Required, f.JSONName)
				}
			}
		}
		st.Unions = append(st.Unions, u)
		u.Variants = append(u.Variants, v)
	}
}

func alternativesKey(s *openapi3.Schema) string {
	switch {
	case len(s.OneOf) > 0:
		return "oneOf"
	case len(s.AnyOf) > 0:
		return "anyOf"
	}
	return "discriminator/mapping"
}

// variantRefs lists the alternatives of a union; for a polymorphic base
// they are the distinct targets of its mapping, in order of value.
func (b *builder) variantRefs(s *openapi3.Schema) openapi3.SchemaRefs {
	if !isPolymorphicBase(s) {
		return alternatives(s)
	}
	var refs openapi3.SchemaRefs
	seen := map[string]bool{}
	for _, value := range sortedKeys(s.Discriminator.Mapping) {
		m := s.Discriminator.Mapping[value]
		if !seen[m.Ref] {
			seen[m.Ref] = true
			refs = append(refs, b.mappingTarget(m))
		}
	}
	return refs
}

// mappingTarget is the schema a discriminator mapping entry names; the
// loader resolves only the $refs of schemas, so a component is looked up.
func (b *builder) mappingTarget(m openapi3.MappingRef) *openapi3.SchemaRef {
	ref := &openapi3.SchemaRef{Ref: m.Ref, Value: m.Value}
	if key, ok := componentKey(m.Ref); ok && ref.Value == nil && b.schemas()[key] != nil {
		ref.Value = b.schemas()[key].Value
	}
	return ref
}

// discriminatorValues are the values selecting alt: those the mapping
// gives it, else the single value its discriminator property's enum allows,
// else (as OpenAPI specifies) the name of its schema.
func (b *builder) discriminatorValues(s *openapi3.Schema, alt *openapi3.SchemaRef, pointer string) []string {
	var values []string
	for _, value := range sortedKeys(s.Discriminator.Mapping) {
		if alt.Ref != "" && s.Discriminator.Mapping[value].Ref == alt.Ref {
			values = append(values, value)
		}
	}
	if len(values) > 0 {
		return values
	}
	props, _, _ := b.flatten(alt.Value, pointer)
	for _, p := range props {
		if p.name == s.Discriminator.PropertyName && p.ref.Value != nil && len(p.ref.Value.Enum) == 1 {
			if v, ok := p.ref.Value.Enum[0].(string); ok {
				return []string{v}
			}
		}
	}
	if key, ok := componentKey(alt.Ref); ok {
		return []string{key}
	}
	b.errorf(pointer, "cannot tell the %s value of this inline variant: give it a mapping entry or a one-value enum", s.Discriminator.PropertyName)
	return nil
}

// variantStruct is the struct a union alternative decodes into, or nil
// (with an error) when it is not an object.
func (b *builder) variantStruct(alt *openapi3.SchemaRef, at site) *ir.Struct {
	t := b.typeOf(alt, at)
	seen := map[ir.Decl]bool{}
	for {
		n, ok := t.(*ir.Named)
		if !ok || seen[n.Decl] {
			break
		}
		seen[n.Decl] = true
		switch d := n.Decl.(type) {
		case *ir.Struct:
			return d
		case *ir.Alias:
			t = d.Target
			continue
		}
		break
	}
	b.errorf(at.pointer, "union alternative is not an object schema")
	return nil
}

// requireField returns the discriminator field of st, adding it when the
// variant schema does not declare it, and makes it a required plain string
// (the loader gives it a one-value enum for validators) so encoding always
// writes it.
func (b *builder) requireField(st *ir.Struct, jsonName string) *ir.Field {
	for _, f := range st.Fields {
		if f.JSONName == jsonName {
			f.Type = ir.String
			f.Omit = ""
			f.Required = true
			return f
		}
	}
	f := &ir.Field{Name: b.structScope(st).declare(st.Pointer, goName(jsonName)), JSONName: jsonName, Type: ir.String, Required: true}
	st.Fields = append(st.Fields, f)
	return f
}

func fieldByJSONName(st *ir.Struct, name string) *ir.Field {
	for _, f := range st.Fields {
		if f.JSONName == name {
			return f
		}
	}
	return nil
}

// typeKey spells a type out, so two types can be compared.
func typeKey(t ir.Type) string {
	switch t := t.(type) {
	case ir.Builtin:
		return string(t)
	case *ir.Named:
		return t.Decl.DeclName()
	case *ir.Slice:
		return "[]" + typeKey(t.Elem)
	case *ir.Map:
		return "map[string]" + typeKey(t.Elem)
	case *ir.Pointer:
		return "*" + typeKey(t.Elem)
	case *ir.Nullable:
		return "Nullable[" + typeKey(t.Elem) + "]"
	}
	return "?"
}

func unwrapOptional(t ir.Type) ir.Type {
	switch t := t.(type) {
	case *ir.Pointer:
		return t.Elem
	case *ir.Nullable:
		return t.Elem
	}
	return t
}
