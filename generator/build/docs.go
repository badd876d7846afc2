package build

import (
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

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

// typeDoc records what the doc of d is made of: the description, title and
// deprecation of its schema s, and the pointer of a component schema ("" for
// one declared inline).
func (b *builder) typeDoc(d ir.Decl, s *openapi3.Schema, component string) {
	t := &docs.Type{Description: s.Description, Title: s.Title, Deprecated: s.Deprecated}
	if component != "" {
		t.Pointer = "#" + component
	}
	b.typeDocs[d] = t
}

// newConverter is the converter of the document's descriptions; its
// relative links resolve against the document's externalDocs URL, the API
// reference (the SunCo overlay sets it), else they are dropped.
func (b *builder) newConverter() *docs.Converter {
	reference := ""
	if b.doc.ExternalDocs != nil {
		reference = b.doc.ExternalDocs.URL
	}
	c, err := docs.New(reference)
	if err != nil {
		b.warnf("/externalDocs/url", "%v; relative links of the descriptions are dropped", err)
		c, _ = docs.New("")
	}
	return c
}

// document writes every doc comment of api but those of fields and
// parameters, which name no Go type: those of types, methods and services
// link to one another, so they wait until every name is known.
func (b *builder) document(api *ir.API) {
	for _, d := range b.decls {
		b.declDoc(d)
	}
	for _, svc := range api.Services {
		tag := b.tags[svc]
		svc.Doc = b.conv.Type(docs.Type{
			Name:        svc.Name,
			Description: tag.Description,
			Role:        "the client of the " + tag.Name + " operations, [Client." + svc.Field + "]",
		})
		svc.FieldDoc = b.conv.Text(svc.Field+" calls the "+tag.Name+" operations.", "")
		for _, o := range svc.Operations {
			b.operationDocs(o)
		}
	}
	api.ClientDoc = b.conv.Text("Client calls the "+clientOf(api)+". Its fields group the operations as the API reference does. A Client is safe for concurrent use.", "")
	api.Doc = b.packageDoc(api)
}

// clientOf names the API a Client calls: its title, followed by "API"
// unless it ends so.
func clientOf(api *ir.API) string {
	title := strings.Join(strings.Fields(api.Title), " ")
	if !strings.HasSuffix(strings.ToUpper(title), "API") {
		title = strings.TrimSpace(title + " API")
	}
	return title
}

func (b *builder) declDoc(d ir.Decl) {
	t := b.typeDocs[d]
	if t == nil {
		t = &docs.Type{}
	}
	t.Name = d.DeclName()
	t.Role = b.roleOf(d)
	switch d := d.(type) {
	case *ir.Struct:
		d.Doc = b.conv.Type(*t)
	case *ir.Union:
		t.More = variantSentence(d)
		d.Doc = b.conv.Type(*t)
	case *ir.Enum:
		t.More = "Values other than the constants below may be received and are kept as they are."
		d.Doc = b.conv.Type(*t)
		d.ValuesDoc = b.conv.Text("Values of ["+d.Name+"].", "")
	case *ir.Alias:
		d.Doc = b.conv.Type(*t)
	}
}

// variantSentence lists the Go types a union's value may have.
func variantSentence(u *ir.Union) string {
	links := make([]string, 0, len(u.Variants)+1)
	for _, v := range u.Variants {
		links = append(links, "[*"+v.Struct.Name+"]")
	}
	links = append(links, "[*"+u.Unknown+"]")
	return "Its dynamic type is one of " + enumerate(links, "or") + "."
}

// enumerate joins items as English does: "a", "a or b", "a, b or c".
func enumerate(items []string, conj string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// roleOf is the role of d, completing "Name is ...": what its one use
// says it is, the unions it is a variant of, or, used in several places,
// "used by" them. It is "" for a type no place uses.
func (b *builder) roleOf(d ir.Decl) string {
	var texts, unions, owners []string
	for _, r := range b.roles[d] {
		texts = append(texts, b.roleText(r))
		if r.kind == roleVariant {
			unions = append(unions, "["+r.decl.DeclName()+"]")
		}
		owners = append(owners, b.owner(r))
	}
	texts, unions, owners = uniqueSorted(texts), uniqueSorted(unions), uniqueSorted(owners)
	switch {
	case len(texts) == 0:
		return ""
	case len(texts) == 1:
		return texts[0]
	case len(unions) == len(texts):
		return "a variant of " + enumerate(unions, "and")
	}
	const shown = 4
	if len(owners) > shown+1 {
		owners = append(owners[:shown], strconv.Itoa(len(owners)-shown)+" more")
	}
	return "used by " + enumerate(owners, "and")
}

func uniqueSorted(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}

// roleText is a role as a noun phrase completing "Name is ...".
func (b *builder) roleText(r *role) string {
	switch r.kind {
	case roleBody:
		return "the request body of " + b.methodLink(r.op)
	case roleResponse:
		return "the response of " + b.methodLink(r.op)
	case roleParameter:
		return "the " + r.name + " parameter of " + b.methodLink(r.op)
	case roleProperty:
		return "the " + r.name + " property of [" + r.decl.DeclName() + "]"
	case roleVariant:
		return "a variant of [" + r.decl.DeclName() + "]"
	case roleAlias:
		return "the type of [" + r.decl.DeclName() + "]"
	case roleElement:
		return "an element of " + b.containerText(r.of)
	case roleValue:
		return "a value of " + b.containerText(r.of)
	case roleWebhook:
		return "the payload of a webhook delivery, which [ParseWebhook] decodes"
	}
	return ""
}

// containerText names the array or map playing r: an alias by its name.
func (b *builder) containerText(r *role) string {
	if r.kind == roleAlias {
		return "[" + r.decl.DeclName() + "]"
	}
	return b.roleText(r)
}

// owner is the doc link of the type or method that a role places a type
// in.
func (b *builder) owner(r *role) string {
	switch r.kind {
	case roleBody, roleResponse, roleParameter:
		return b.methodLink(r.op)
	case roleElement, roleValue:
		return b.owner(r.of)
	case roleWebhook:
		return "[ParseWebhook]"
	}
	return "[" + r.decl.DeclName() + "]"
}

// methodLink is the doc link of an operation's method: [Service.Method].
func (b *builder) methodLink(o *ir.Operation) string {
	return "[" + b.serviceOf[o].Name + "." + o.Name + "]"
}

// operationDocs writes the docs of an operation's method, its Params
// struct and its iterator.
func (b *builder) operationDocs(o *ir.Operation) {
	m := *b.methodDocs[o]
	m.Name = o.Name
	link := b.methodLink(o)
	ps := o.Params
	o.Doc = b.conv.Method(m)
	ps.Doc = b.conv.Text(ps.Name+" holds the optional parameters of "+link+"; a nil *"+ps.Name+" sends none of them.", "")
	if ps.BodyField != "" {
		ps.BodyDoc = b.conv.Text(ps.BodyField+" is the request body; nil sends none.", "")
	}
	if pg := o.Pager; pg != nil {
		lead := pg.Iter + " returns an iterator over the items of every page of " + link + ", fetching each next page as the loop goes on."
		if pg.Reverse {
			lead = pg.Iter + " returns an iterator over the items of " + link + ", newest first. The list pages backwards, from the most recent page to the oldest, and each page holds its items oldest first: the iterator yields them in reverse, fetching each older page as the loop goes on."
		}
		pg.IterDoc = b.conv.Text(lead+"\n\nIt stops after the last page, when the loop breaks, or at the first error, which it yields.", "")
	}
}
