package docs

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// breaking lists the HTML elements that end a paragraph: CommonMark's
// block-level tags.
var breaking = set(`address article aside base basefont blockquote body
	caption center col colgroup dd details dialog dir div dl dt fieldset
	figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head
	header hr html iframe legend li link main menu menuitem nav noframes ol
	optgroup option p param pre script search section style summary table
	tbody td textarea tfoot th thead title tr track ul`)

// tag handles an inline HTML tag: <a href> is a link, <br> a line break,
// <img> its alt text, <aside> a "Note:" paragraph, a block-level tag a
// paragraph break, any other element nothing but its text. A tag that
// names no HTML element (a placeholder such as <subdomain>) is text.
func (in *inliner) tag(raw string) {
	z := html.NewTokenizer(strings.NewReader(raw))
	tt := z.Next()
	if tt != html.StartTagToken && tt != html.EndTagToken && tt != html.SelfClosingTagToken {
		return // a comment, a declaration
	}
	t := z.Token()
	if t.DataAtom == 0 {
		in.text(raw)
		return
	}
	start := tt != html.EndTagToken
	switch t.DataAtom {
	case atom.A:
		switch href, ok := attr(t, "href"); {
		case !start:
			in.closeLink()
		case ok:
			in.openLink(href)
		}
	case atom.Br:
		in.lineBreak()
	case atom.Img:
		alt, _ := attr(t, "alt")
		in.text(alt)
	case atom.Aside:
		in.lineBreak()
		in.note = start && !in.single
	default:
		if breaking[t.Data] {
			in.lineBreak()
		}
	}
}

func attr(t html.Token, name string) (string, bool) {
	for _, a := range t.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

// html converts an HTML block. Block-level elements split it into chunks,
// each converted as Markdown (the descriptions write Markdown inside
// their asides); <aside> makes a "Note:" paragraph and <ul>, <ol>, <li> a
// list; what <script> and <style> hold is no text. depth is the number of HTML blocks this one is nested in: a chunk
// is one line, so it parses as an HTML block again only when it is a lone
// tag, which then needs no Markdown.
func (c *Converter) html(raw string, depth int) []block {
	if depth > 1 {
		return c.htmlInline(raw)
	}
	var (
		out   []block
		chunk strings.Builder
		note  bool  // the next paragraph starts an aside
		items *list // an open <ul> or <ol>
		item  bool  // inside its <li>
		code  bool  // inside a <script> or <style>
	)
	flush := func() {
		text := strings.Join(strings.Fields(chunk.String()), " ")
		chunk.Reset()
		if text == "" {
			return
		}
		converted := c.parse(text, depth)
		if note && len(converted) > 0 {
			if p, ok := converted[0].(*paragraph); ok {
				p.note = true
			} else {
				converted = append([]block{plainParagraph("Note:")}, converted...)
			}
			note = false
		}
		for _, b := range converted {
			if p, ok := b.(*paragraph); ok && item {
				last := &items.items[len(items.items)-1]
				if len(*last) > 0 {
					*last = append(*last, span{text: " "})
				}
				*last = append(*last, noted(p)...)
				continue
			}
			out = append(out, b)
		}
	}
	closeList := func() {
		if items != nil && len(items.items) > 0 {
			out = append(out, items)
		}
		items, item = nil, false
	}
	z := html.NewTokenizer(strings.NewReader(raw))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			closeList()
			return out
		case html.TextToken:
			if !code {
				chunk.Write(z.Raw())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			start := tt == html.StartTagToken
			switch a := atom.Lookup(name); a {
			case atom.Script, atom.Style:
				flush()
				code = start
			case atom.Aside:
				flush()
				note = start
			case atom.Ul, atom.Ol:
				flush()
				closeList()
				if start {
					items = &list{numbered: a == atom.Ol, start: 1}
				}
			case atom.Li:
				flush()
				item = start
				if start {
					if items == nil {
						items = &list{}
					}
					items.items = append(items.items, nil)
				}
			default:
				if breaking[string(name)] {
					flush()
				} else {
					chunk.Write(z.Raw())
				}
			}
		}
	}
}

// htmlInline converts an HTML fragment without Markdown, its tags taken as
// inline tags.
func (c *Converter) htmlInline(raw string) []block {
	in := &inliner{c: c}
	z := html.NewTokenizer(strings.NewReader(raw))
	for {
		switch z.Next() {
		case html.ErrorToken:
			in.breakParagraph()
			return in.blocks()
		case html.TextToken:
			in.text(string(z.Text()))
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			in.tag(string(z.Raw()))
		}
	}
}

func plainParagraph(text string) *paragraph {
	return &paragraph{spans: []span{{text: text}}}
}

// resolve is the absolute URL a link points to, or "" when it is dropped:
// anchors (#operation/X, /#section/Y) resolve against the API reference,
// other relative links and schemes other than http, https and mailto are
// dropped.
func (c *Converter) resolve(href string) string {
	href = strings.TrimSpace(href)
	u, err := url.Parse(href)
	switch {
	case err != nil || href == "":
		c.counts.dropped++
		return ""
	case u.IsAbs():
		if u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto" {
			c.counts.dropped++
			return ""
		}
		return u.String()
	case u.Host != "": // //host/path
		u.Scheme = "https"
		c.counts.resolved++
		return u.String()
	case (u.Path == "" || u.Path == "/") && u.RawQuery == "" && u.Fragment != "" && c.reference != nil:
		c.counts.resolved++
		return c.reference.ResolveReference(&url.URL{Fragment: u.Fragment}).String()
	default:
		c.counts.dropped++
		return ""
	}
}
