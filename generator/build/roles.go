package build

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/sunco-sdk/sunco-go/generator/docs"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// A role is what a type is for, as a place that uses it says: the request
// body of an operation, a property of a struct, a variant of a union.
// The doc of a type that has no description of its own says it.
type role struct {
	kind roleKind
	op   *ir.Operation // body, response, parameter
	decl ir.Decl       // property: the struct; variant: the union; alias: the alias
	name string        // property, parameter: its name in the document
	of   *role         // element, value: the role of the array or map
}

type roleKind int

const (
	roleBody roleKind = iota
	roleResponse
	roleParameter
	roleProperty
	roleVariant
	roleAlias   // the target of an alias
	roleElement // an element of an array
	roleValue   // a value of a map
	roleWebhook // the payload of a webhook delivery
)

// element and value are the roles of the items of an array and the values
// of a map that plays r.
func (r *role) element() *role { return &role{kind: roleElement, of: r} }
func (r *role) value() *role   { return &role{kind: roleValue, of: r} }

// use records that the type d plays role r somewhere.
func (b *builder) use(d ir.Decl, r *role) {
	if r != nil {
		b.roles[d] = append(b.roles[d], r)
	}
}

// A phrase says one role as lead + owner + tail, completing "Name is
// ...": "the response of " + "[Notes.Get]", or "a [Shape]" + " whose kind
// is "circle"". The roles whose phrases differ only by owner are said
// together: "the response of [Notes.Get] and [Notes.Update]".
type phrase struct {
	kind        roleKind
	lead, owner string
	tail        string
}

// shownOwners is how many owners a phrase names before "and N more".
const shownOwners = 4

// roleOf is the role of d, completing "Name is ...": its roles said
// together, each kind once, "the request body of [Notes.Create] and the
// note property of [Folder]". It is "" for a type no place uses.
func (b *builder) roleOf(d ir.Decl) string {
	type group struct {
		phrase
		owners []string
	}
	var groups []*group
	for _, r := range b.roles[d] {
		p := b.phrase(d, r)
		i := slices.IndexFunc(groups, func(g *group) bool {
			return g.kind == p.kind && g.lead == p.lead && g.tail == p.tail
		})
		if i < 0 {
			groups = append(groups, &group{phrase: p})
			i = len(groups) - 1
		}
		groups[i].owners = append(groups[i].owners, p.owner)
	}
	slices.SortFunc(groups, func(x, y *group) int {
		return cmp.Or(cmp.Compare(x.kind, y.kind), cmp.Compare(x.lead, y.lead), cmp.Compare(x.tail, y.tail))
	})
	texts := make([]string, len(groups))
	for i, g := range groups {
		owners := slices.Compact(slices.Sorted(slices.Values(g.owners)))
		if len(owners) > shownOwners+1 {
			owners = append(owners[:shownOwners], strconv.Itoa(len(owners)-shownOwners)+" more")
		}
		texts[i] = g.lead + enumerate(owners, "and") + g.tail
	}
	return joinClauses(texts)
}

// enumerate joins items as English does: "a", "a or b", "a, b or c".
func enumerate(items []string, conj string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// quotedList is "a", "b" or "c".
func quotedList(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = strconv.Quote(v)
	}
	return enumerate(q, "or")
}

// joinClauses joins phrases that may hold "and" themselves: "a and b",
// "a, b, and c", and "a, and b" when a has an "and" of its own.
func joinClauses(texts []string) string {
	switch {
	case len(texts) < 2:
		return strings.Join(texts, "")
	case len(texts) == 2 && !strings.Contains(texts[0], " and "):
		return texts[0] + " and " + texts[1]
	}
	return strings.Join(texts[:len(texts)-1], ", ") + ", and " + texts[len(texts)-1]
}

// phrase says the role r that d plays.
func (b *builder) phrase(d ir.Decl, r *role) phrase {
	p := phrase{kind: r.kind}
	switch r.kind {
	case roleBody:
		p.lead, p.owner = "the request body of ", b.methodLink(r.op)
	case roleResponse:
		p.lead, p.owner = "the response of ", b.methodLink(r.op)
	case roleParameter:
		p.lead, p.owner = "the "+r.name+" parameter of ", b.methodLink(r.op)
	case roleProperty:
		p.lead, p.owner = "the "+r.name+" property of ", "["+r.decl.DeclName()+"]"
	case roleVariant:
		u := r.decl.(*ir.Union)
		p.owner = docs.Article(u.Name) + " [" + u.Name + "]"
		p.tail = variantCondition(u, d)
	case roleAlias:
		p.lead, p.owner = "the type of ", "["+r.decl.DeclName()+"]"
	case roleElement, roleValue:
		of := "an element of "
		if r.kind == roleValue {
			of = "a value of "
		}
		if r.of.kind == roleAlias { // an alias names the array or map
			p.lead, p.owner = of, "["+r.of.decl.DeclName()+"]"
			break
		}
		container := b.phrase(d, r.of)
		p.lead, p.owner, p.tail = of+container.lead, container.owner, container.tail
	case roleWebhook:
		p.lead = "the payload of a webhook delivery, which [ParseWebhook] decodes"
	}
	return p
}

// variantCondition says which values of the union u the variant d is:
// ` whose type is "text"` for a discriminated union; for one told apart by
// the properties present, ` with userId`, its required properties, else
// those no other variant has. It is "" when none says it.
func variantCondition(u *ir.Union, d ir.Decl) string {
	i := slices.IndexFunc(u.Variants, func(v *ir.Variant) bool { return v.Struct == d })
	if i < 0 {
		return ""
	}
	v := u.Variants[i]
	if u.Discriminator != "" && len(v.Values) > 0 {
		return " whose " + u.Discriminator + " is " + quotedList(v.Values)
	}
	props := v.Required
	if len(props) == 0 {
		props = slices.DeleteFunc(slices.Clone(v.Properties), func(p string) bool {
			return slices.ContainsFunc(u.Variants, func(o *ir.Variant) bool { return o != v && slices.Contains(o.Properties, p) })
		})
	}
	const shown = 3
	switch {
	case len(props) == 0:
		return ""
	case len(props) > shown:
		return " with " + strings.Join(props[:shown], ", ") + " and other properties"
	}
	return " with " + enumerate(props, "and")
}

// methodLink is the doc link of an operation's method: [Service.Method].
func (b *builder) methodLink(o *ir.Operation) string {
	return "[" + b.serviceOf[o].Name + "." + o.Name + "]"
}
