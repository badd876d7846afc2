package build

import (
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/sunco-sdk/sunco-go/generator/docs"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// goDocExtension holds Markdown that stands in for the description of a
// schema, an operation or a tag in the Go docs: an overlay's own words
// where the document's do not read as Go docs, or say nothing.
const goDocExtension = "x-go-doc"

// description is what documents something whose extensions are ext: its
// x-go-doc, else its description. pointer locates it.
func (b *builder) description(ext map[string]any, description, pointer string) string {
	v, ok := ext[goDocExtension]
	if !ok {
		return description
	}
	if s, ok := v.(string); ok {
		return s
	}
	b.errorf(pointer+"/"+goDocExtension, "%s must be a string, not %v", goDocExtension, v)
	return description
}

// typeDoc records what the doc of d is made of: the description (or
// x-go-doc), title and deprecation of its schema s, and the pointer of a
// component schema ("" for one declared inline).
func (b *builder) typeDoc(d ir.Decl, s *openapi3.Schema, component string) {
	description := b.description(s.Extensions, s.Description, declPointer(d))
	t := &docs.Type{Description: description, Title: s.Title, Deprecated: s.Deprecated}
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
		svc.Doc = b.conv.Text(
			svc.Name+" is the client of the "+tag.Name+" operations, [Client."+svc.Field+"].",
			b.description(tag.Extensions, tag.Description, b.tagPointer(tag)),
		)
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

// operationDocs writes the docs of an operation's method, its Params
// struct and its iterator.
func (b *builder) operationDocs(o *ir.Operation) {
	m := *b.methodDocs[o]
	m.Name = o.Name
	link := b.methodLink(o)
	if o.Pager != nil {
		m.Iterator = "[" + b.serviceOf[o].Name + "." + o.Pager.Iter + "]"
	}
	ps := o.Params
	o.Doc = b.conv.Method(m)
	ps.Doc = b.conv.Text(ps.Name+" holds the optional parameters of "+link+"; a nil *"+ps.Name+" sends none of them.", "")
	if ps.BodyField != "" {
		ps.BodyDoc = b.conv.Text(ps.BodyField+" is the request body; nil sends none.", "")
	}
	if pg := o.Pager; pg != nil {
		lead := pg.Iter + " returns an iterator over the items of every page of " + link + ", called with the same arguments, fetching each next page as the loop goes on."
		if pg.Reverse {
			lead = pg.Iter + " returns an iterator over the items of " + link + ", called with the same arguments, newest first. The list pages backwards, from the most recent page to the oldest, and each page holds its items oldest first: the iterator yields them in reverse, fetching each older page as the loop goes on."
		}
		pg.IterDoc = b.conv.Text(lead+"\n\nIt stops after the last page, when the loop breaks, or at the first error, which it yields.", "")
	}
}

// declPointer is the JSON pointer of the schema d comes from.
func declPointer(d ir.Decl) string {
	switch d := d.(type) {
	case *ir.Struct:
		return d.Pointer
	case *ir.Union:
		return d.Pointer
	case *ir.Enum:
		return d.Pointer
	case *ir.Alias:
		return d.Pointer
	}
	return ""
}

// tagPointer is the JSON pointer of a tag of the document; "/tags" for
// one it does not declare.
func (b *builder) tagPointer(tag *openapi3.Tag) string {
	if i := slices.Index(b.doc.Tags, tag); i >= 0 {
		return "/tags/" + strconv.Itoa(i)
	}
	return "/tags"
}
