package changelog

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// BehaviourChanges are the changes of what the same Go code sees at run
// time, which neither the Go API nor its compatibility shows: a value of
// a sealed union that decoded as one variant (its Unknown one, say) and
// now decodes as another, as when a new variant is added; and a value an
// enum of a response (or a webhook) may now hold, which a switch over the
// known ones does not handle. They come in the order of new's
// declarations, by name.
func BehaviourChanges(old, new *ir.API) []Change {
	var changes []Change
	oldDecls := map[string]ir.Decl{}
	for _, d := range old.Decls {
		oldDecls[d.DeclName()] = d
	}
	received := receivedDecls(new)
	for _, d := range new.Decls {
		switch d := d.(type) {
		case *ir.Union:
			if o, ok := oldDecls[d.Name].(*ir.Union); ok {
				changes = append(changes, unionChanges(o, d)...)
			}
		case *ir.Enum:
			if o, ok := oldDecls[d.Name].(*ir.Enum); ok && received[d] {
				changes = append(changes, enumChanges(o, d)...)
			}
		}
	}
	return changes
}

// unionChanges are the values that decode as another variant of the
// union in new than in old. With a discriminator, each discriminator
// value whose variant changed; without one, each variant new adds, which
// values that matched no variant may now match.
func unionChanges(old, new *ir.Union) []Change {
	var changes []Change
	if new.Discriminator == "" || old.Discriminator != new.Discriminator {
		for _, v := range new.Variants {
			if !slices.ContainsFunc(old.Variants, func(o *ir.Variant) bool { return o.Struct.Name == v.Struct.Name }) {
				changes = append(changes, Change{Subject: new.Name, Text: fmt.Sprintf(
					"values that decoded as `*%s` may now decode as the new variant `*%s`", old.Unknown, v.Struct.Name)})
			}
		}
		return changes
	}
	was, is := variantsByValue(old), variantsByValue(new)
	values := make([]string, 0, len(was)+len(is))
	for v := range is {
		values = append(values, v)
	}
	for v := range was {
		if _, ok := is[v]; !ok {
			values = append(values, v)
		}
	}
	slices.Sort(values)
	for _, v := range values {
		from, to := cmp.Or(was[v], old.Unknown), cmp.Or(is[v], new.Unknown)
		if from != to {
			changes = append(changes, Change{Subject: new.Name, Text: fmt.Sprintf(
				"values with `%s` %q that decoded as `*%s` now decode as `*%s`", new.Discriminator, v, from, to)})
		}
	}
	return changes
}

// variantsByValue maps each discriminator value of u to its variant's name.
func variantsByValue(u *ir.Union) map[string]string {
	m := map[string]string{}
	for _, v := range u.Variants {
		for _, value := range v.Values {
			m[value] = v.Struct.Name
		}
	}
	return m
}

// enumChanges are the values of the enum new, of a response, that old
// does not have.
func enumChanges(old, new *ir.Enum) []Change {
	var changes []Change
	for _, v := range new.Values {
		if !slices.ContainsFunc(old.Values, func(o ir.EnumValue) bool { return o.Value == v.Value }) {
			changes = append(changes, Change{Subject: new.Name, Text: fmt.Sprintf(
				"a response may now hold the new value %q (`%s`), which code that handles the known values does not expect", v.Value, v.Name)})
		}
	}
	return changes
}

// receivedDecls are the declarations of api that values the SDK receives
// may hold: reachable from an operation's result or the webhook payload.
func receivedDecls(api *ir.API) map[ir.Decl]bool {
	seen := map[ir.Decl]bool{}
	var visit func(t ir.Type)
	visitDecl := func(d ir.Decl) {
		if seen[d] {
			return
		}
		seen[d] = true
		switch d := d.(type) {
		case *ir.Struct:
			for _, f := range d.Fields {
				visit(f.Type)
			}
		case *ir.Union:
			for _, v := range d.Variants {
				visit(&ir.Named{Decl: v.Struct})
			}
		case *ir.Alias:
			visit(d.Target)
		}
	}
	visit = func(t ir.Type) {
		switch t := t.(type) {
		case *ir.Named:
			visitDecl(t.Decl)
		case *ir.Slice:
			visit(t.Elem)
		case *ir.Map:
			visit(t.Elem)
		case *ir.Pointer:
			visit(t.Elem)
		case *ir.Nullable:
			visit(t.Elem)
		}
	}
	for _, s := range api.Services {
		for _, o := range s.Operations {
			if o.Result != nil {
				visit(o.Result)
			}
		}
	}
	if api.Webhook != nil {
		visitDecl(api.Webhook.Payload)
	}
	return seen
}
