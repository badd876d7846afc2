package build

import (
	"slices"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// prune keeps the types that an operation or the webhook reaches, and
// marks the structs that only travel as query or header parameters or as
// form fields, never as JSON, plain. A component schema is declared, and
// its name taken, whether or not anything reaches it, so that the names
// of the others do not depend on it.
func (b *builder) prune(api *ir.API) {
	reached := map[ir.Decl]bool{} // the value: reached as JSON
	var reach func(t ir.Type, asJSON bool)
	reach = func(t ir.Type, asJSON bool) {
		d := declOf(t)
		if d == nil {
			return
		}
		if seen, ok := reached[d]; ok && (seen || !asJSON) {
			return
		}
		reached[d] = asJSON
		switch d := d.(type) {
		case *ir.Struct:
			for _, f := range d.Fields {
				reach(f.Type, asJSON)
			}
		case *ir.Union:
			for _, v := range d.Variants {
				reach(&ir.Named{Decl: v.Struct}, asJSON)
			}
		case *ir.Alias:
			reach(d.Target, asJSON)
		}
	}
	for _, svc := range api.Services {
		for _, op := range svc.Operations {
			for _, p := range slices.Concat(op.PathParams, op.Args, op.Params.Fields) {
				reach(p.Type, false)
			}
			if body := op.Body; body != nil {
				reach(body.Type, body.Encoding == ir.JSONBody)
			}
			reach(op.Result, true)
		}
	}
	if api.Webhook != nil {
		reach(&ir.Named{Decl: api.Webhook.Payload}, true)
	}
	b.decls = slices.DeleteFunc(b.decls, func(d ir.Decl) bool {
		asJSON, ok := reached[d]
		if st, isStruct := d.(*ir.Struct); isStruct && ok {
			st.Plain = !asJSON
			st.Unions = slices.DeleteFunc(st.Unions, func(u *ir.Union) bool { return !hasKey(reached, ir.Decl(u)) })
		}
		return !ok
	})
	b.examples = slices.DeleteFunc(b.examples, func(ex *ir.Example) bool {
		d := declOf(ex.Type)
		return d != nil && !hasKey(reached, d)
	})
	for d, roles := range b.roles {
		b.roles[d] = slices.DeleteFunc(roles, func(r *role) bool { return !roleReached(r, reached) })
	}
}

// roleReached reports whether the place a role names is in the SDK: an
// operation, the webhook, or a type that is reached.
func roleReached(r *role, reached map[ir.Decl]bool) bool {
	for r.of != nil {
		r = r.of
	}
	return r.decl == nil || hasKey(reached, r.decl)
}

func hasKey[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}
