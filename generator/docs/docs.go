// Package docs turns the descriptions of an OpenAPI document, CommonMark
// with inline and block HTML, into Go doc comment text, and writes the
// sentences that open the doc of a type or a method ("List lists the
// messages of a conversation.").
//
// The text it returns is valid go/doc/comment syntax, without comment
// markers, in the form gofmt prints it: paragraphs wrapped at 76 columns,
// "# Heading" headings, indented lists, code blocks indented with a tab,
// links written [Go home page] with their definitions
// ("[Go home page]: https://go.dev/") at the end.
// No HTML tag survives, relative links are resolved against the API
// reference or dropped, and code keeps its content. Lines turns such a
// text into "//" lines.
package docs

import (
	"fmt"
	"go/doc/comment"
	"net/url"
	"strconv"
	"strings"
)

// A Converter converts descriptions, resolving their relative links against
// the API reference it was made with. It is not safe for concurrent use.
type Converter struct {
	reference *url.URL // nil when the document names none
	counts    counts
	fields    map[fieldKey]string // Field's docs: many fields share a description
}

// fieldKey is what the doc of a field is made of.
type fieldKey struct {
	markdown   string
	deprecated bool
}

// counts tally what the converter did, for tests and reports.
type counts struct {
	texts    int // descriptions converted
	resolved int // relative links resolved against the reference
	dropped  int // links dropped, their text kept
	settled  int // docs printed as Go doc reads them, not as built
}

// New returns a Converter for an API whose reference documentation is at
// reference, an absolute URL such as
// https://developer.zendesk.com/api-reference/conversations/. Anchors
// (#operation/X, #tag/X, #section/...) resolve against it. With reference
// "" (a document that names no reference) relative links are dropped,
// their text kept, and method docs link to nothing.
func New(reference string) (*Converter, error) {
	c := &Converter{fields: map[fieldKey]string{}}
	if reference == "" {
		return c, nil
	}
	u, err := url.Parse(reference)
	if err != nil || !u.IsAbs() || u.Host == "" {
		return nil, fmt.Errorf("docs: API reference %q is not an absolute URL", reference)
	}
	c.reference = u
	return c, nil
}

// Text converts a description: lead, Go doc text such as a sentence the
// caller wrote, comes first, then markdown converted. Either may be empty.
func (c *Converter) Text(lead, markdown string) string {
	return c.render(append(c.goDoc(lead), c.markdown(markdown)...), definedLinks)
}

// Field converts the description of a struct field or an enum constant,
// adding a Deprecated paragraph when deprecated. Its links are written
// inline, "text (URL)": pkgsite shows the doc inside its type's code
// block, where a link definition would show as written.
func (c *Converter) Field(markdown string, deprecated bool) string {
	key := fieldKey{markdown, deprecated}
	if doc, ok := c.fields[key]; ok {
		return doc
	}
	blocks := c.markdown(markdown)
	if deprecated {
		blocks = append(blocks, plainParagraph("Deprecated: the API reference marks this field as deprecated."))
	}
	doc := c.render(blocks, inlineLinks)
	c.fields[key] = doc
	return doc
}

// Lines turns doc text, as the methods of Converter return it, into
// comment lines as gofmt writes them: "// text", "//\tcode" and "//".
func Lines(doc string) []string {
	if doc == "" {
		return nil
	}
	lines := strings.Split(doc, "\n")
	for i, l := range lines {
		switch {
		case l == "":
			lines[i] = "//"
		case l[0] == '\t':
			lines[i] = "//" + l
		default:
			lines[i] = "// " + l
		}
	}
	return lines
}

// goDoc parses text already in Go doc syntax into blocks.
func (c *Converter) goDoc(text string) []block {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	var p comment.Parser
	d := p.Parse(text)
	var out []block
	for _, b := range d.Content {
		switch b := b.(type) {
		case *comment.Paragraph:
			out = append(out, &paragraph{spans: goDocSpans(b.Text)})
		case *comment.Heading:
			out = append(out, &heading{text: flatten(goDocSpans(b.Text)), level: 1})
		case *comment.Code:
			out = append(out, &code{text: b.Text})
		case *comment.List:
			l := &list{numbered: len(b.Items) > 0 && b.Items[0].Number != ""}
			for _, item := range b.Items {
				var spans []span
				for _, p := range item.Content {
					spans = append(spans, span{text: " "})
					spans = append(spans, goDocSpans(p.(*comment.Paragraph).Text)...)
				}
				l.items = append(l.items, spans)
				if l.numbered && len(l.items) == 1 {
					l.start, _ = strconv.Atoi(item.Number)
				}
			}
			out = append(out, l)
		}
	}
	return out
}

// goDocSpans turns parsed Go doc text back into spans: links keep their
// URL, doc links their brackets.
func goDocSpans(texts []comment.Text) []span {
	var out []span
	for _, t := range texts {
		switch t := t.(type) {
		case comment.Plain:
			out = append(out, span{text: string(t)})
		case comment.Italic:
			out = append(out, span{text: string(t)})
		case *comment.Link:
			out = append(out, span{text: flatten(goDocSpans(t.Text)), url: t.URL})
		case *comment.DocLink:
			out = append(out, span{text: "[" + flatten(goDocSpans(t.Text)) + "]"})
		}
	}
	return out
}
