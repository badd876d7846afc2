package docs

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// A block is one block of converted text: *paragraph, *heading, *code or
// *list, each holding text already free of Markdown and HTML.
type block any

type paragraph struct {
	spans []span
	note  bool // from an <aside>: starts with "Note:"
}

type heading struct {
	text  string
	level int // 1 for #, 2 for ##, ...: Go doc has one level, Intro uses them
}

type code struct{ text string }

type list struct {
	numbered bool
	start    int      // number of the first item of a numbered list
	items    [][]span // one paragraph each: Go doc lists do not nest
}

// A span is a run of text, a link when url is set.
type span struct {
	text string
	url  string // absolute; "" for plain text
}

// parser reads CommonMark with GitHub's tables, the only extension the
// descriptions use.
var parser = goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()

// markdown converts a description into blocks.
func (c *Converter) markdown(src string) []block {
	if strings.TrimSpace(src) == "" {
		return nil
	}
	c.counts.texts++
	return c.parse(sourceSafe.Replace(strings.ToValidUTF8(src, "\uFFFD")), 0)
}

// sourceSafe replaces what Go source cannot hold, NUL, and the carriage
// returns gofmt drops.
var sourceSafe = strings.NewReplacer("\x00", "\uFFFD", "\r\n", "\n", "\r", "\n")

// parse converts Markdown; depth counts the HTML blocks it is nested in.
func (c *Converter) parse(src string, depth int) []block {
	b := &blocks{c: c, src: []byte(src), depth: depth}
	doc := parser.Parse(text.NewReader(b.src))
	return b.children(doc)
}

// blocks converts the block nodes of one parsed source.
type blocks struct {
	c     *Converter
	src   []byte
	depth int
}

func (b *blocks) children(n ast.Node) []block {
	var out []block
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, b.block(c)...)
	}
	return out
}

func (b *blocks) block(n ast.Node) []block {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return b.inline(n, false)
	case *ast.Heading: // Go doc headings are text alone
		spans := b.inlineSpans(n)
		for _, s := range spans {
			if s.url != "" {
				b.c.counts.dropped++
			}
		}
		if t := flatten(spans); t != "" {
			return []block{&heading{text: t, level: n.Level}}
		}
		return nil
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return codeBlock(b.lines(n))
	case *ast.List:
		return b.list(n)
	case *ast.HTMLBlock:
		raw := b.lines(n)
		if n.HasClosure() {
			raw += string(n.ClosureLine.Value(b.src))
		}
		return b.c.html(raw, b.depth+1)
	case *extast.Table:
		return b.table(n)
	case *ast.ThematicBreak:
		return nil
	default: // blockquotes and anything else: their content
		return b.children(n)
	}
}

// lines is the raw text of a block node's lines.
func (b *blocks) lines(n ast.Node) string {
	var s strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		s.Write(seg.Value(b.src))
	}
	return s.String()
}

// codeBlock is a code block of raw, its lines as written but for trailing
// blanks and the indentation they all share, which Go doc would remove.
func codeBlock(raw string) []block {
	lines := strings.Split(raw, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return nil
	}
	prefix := indentation(lines[0])
	for _, l := range lines[1:] {
		if l != "" {
			prefix = commonPrefix(prefix, indentation(l))
		}
	}
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, prefix)
	}
	return []block{&code{text: strings.Join(lines, "\n") + "\n"}}
}

func indentation(line string) string {
	return line[:len(line)-len(strings.TrimLeft(line, " \t"))]
}

func commonPrefix(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[:i]
}

// list converts a Markdown list. Go doc lists hold one paragraph per item
// and do not nest: nested items join the list, and a code block or table
// inside an item ends the list, which goes on after it.
func (b *blocks) list(n *ast.List) []block {
	cur := &list{numbered: n.IsOrdered(), start: n.Start}
	var out []block
	next := n.Start
	add := func(spans []span) {
		if flatten(spans) == "" {
			return
		}
		if len(cur.items) == 0 {
			cur.start = next
		}
		cur.items = append(cur.items, spans)
		next++
	}
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		var text []span
		var after []block
		for _, blk := range b.children(item) {
			switch blk := blk.(type) {
			case *paragraph:
				if len(after) > 0 {
					after = append(after, blk)
					continue
				}
				if len(text) > 0 {
					text = append(text, span{text: " "})
				}
				text = append(text, noted(blk)...)
			case *list:
				if len(after) > 0 {
					after = append(after, blk)
					continue
				}
				add(text)
				text = nil
				for _, it := range blk.items {
					add(it)
				}
			default:
				after = append(after, blk)
			}
		}
		add(text)
		if len(after) > 0 {
			if len(cur.items) > 0 {
				out = append(out, cur)
			}
			out = append(out, after...)
			cur = &list{numbered: cur.numbered}
		}
	}
	if len(cur.items) > 0 {
		out = append(out, cur)
	}
	return out
}

// noted is the text of p with its "Note:" when it comes from an aside.
func noted(p *paragraph) []span {
	if p.note && !startsWithNote(flatten(p.spans)) {
		return append([]span{{text: "Note: "}}, p.spans...)
	}
	return p.spans
}

func startsWithNote(s string) bool {
	return strings.HasPrefix(s, "Note:") || strings.HasPrefix(s, "Note ")
}

// inline converts the inline content of n into paragraphs: HTML line
// breaks and asides split it. With single, it stays one paragraph.
func (b *blocks) inline(n ast.Node, single bool) []block {
	in := &inliner{c: b.c, src: b.src, single: single}
	in.children(n)
	// A paragraph that is only a code span reads as a code block, but for
	// a list item's: a list of values (- `idle`) stays a list.
	if in.breakParagraph(); !single && len(in.paras) == 1 && isCodeSpanOnly(n) && n.Parent().Kind() != ast.KindListItem {
		return codeBlock(in.paras[0].spans[0].text)
	}
	return in.blocks()
}

// blocks are the paragraphs collected.
func (in *inliner) blocks() []block {
	out := make([]block, len(in.paras))
	for i, p := range in.paras {
		out[i] = p
	}
	return out
}

// inlineSpans is the inline content of n as one run of spans.
func (b *blocks) inlineSpans(n ast.Node) []span {
	var out []span
	for _, p := range b.inline(n, true) {
		if p, ok := p.(*paragraph); ok {
			out = append(out, p.spans...)
		}
	}
	return out
}

func isCodeSpanOnly(n ast.Node) bool {
	c := n.FirstChild()
	return c != nil && c.NextSibling() == nil && c.Kind() == ast.KindCodeSpan
}

// inliner walks inline nodes, collecting text and links into paragraphs.
type inliner struct {
	c      *Converter
	src    []byte
	single bool // line breaks are spaces (list items, table cells, headings)
	breaks int  // line breaks met

	paras []*paragraph
	cur   []span
	note  bool // the paragraph being built comes from an <aside>

	link     bool   // inside a link: text goes to linkText
	linkURL  string // "" when the link is dropped
	linkText strings.Builder
}

func (in *inliner) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		in.node(c)
	}
}

func (in *inliner) node(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		in.text(unescape(string(n.Segment.Value(in.src))))
		if n.SoftLineBreak() || n.HardLineBreak() {
			in.text(" ")
		}
	case *ast.String:
		in.text(string(n.Value))
	case *ast.CodeSpan:
		var s strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				s.Write(t.Segment.Value(in.src))
			}
		}
		in.text(s.String())
	case *ast.Link:
		in.openLink(string(n.Destination))
		in.children(n)
		in.closeLink()
	case *ast.AutoLink:
		u := string(n.URL(in.src))
		if n.AutoLinkType == ast.AutoLinkEmail {
			u = "mailto:" + u
		}
		in.openLink(u)
		in.text(string(n.Label(in.src)))
		in.closeLink()
	case *ast.Image: // its alt text
		in.children(n)
	case *ast.RawHTML:
		var s strings.Builder
		for i := range n.Segments.Len() {
			seg := n.Segments.At(i)
			s.Write(seg.Value(in.src))
		}
		in.tag(s.String())
	default: // emphasis and the like: their text
		in.children(n)
	}
}

// text adds plain text to the link or paragraph being built.
func (in *inliner) text(s string) {
	if in.link {
		in.linkText.WriteString(s)
		return
	}
	if k := len(in.cur) - 1; k >= 0 && in.cur[k].url == "" {
		in.cur[k].text += s
		return
	}
	in.cur = append(in.cur, span{text: s})
}

func (in *inliner) openLink(href string) {
	in.closeLink()
	in.link = true
	in.linkURL = in.c.resolve(href)
}

// closeLink ends the open link, if any: a link without text shows its
// URL, a dropped link its text.
func (in *inliner) closeLink() {
	if !in.link {
		return
	}
	text, u := in.linkText.String(), in.linkURL
	in.link, in.linkURL = false, ""
	in.linkText.Reset()
	switch {
	case u == "":
		in.text(text)
	case strings.TrimSpace(text) == "":
		in.cur = append(in.cur, span{text: u, url: u})
	default:
		in.cur = append(in.cur, span{text: text, url: u})
	}
}

// lineBreak is an HTML line break: a new paragraph, or a space where there
// can be only one.
func (in *inliner) lineBreak() {
	in.breaks++
	if in.single {
		in.text(" ")
		return
	}
	in.breakParagraph()
}

func (in *inliner) breakParagraph() {
	in.closeLink()
	if flatten(in.cur) != "" {
		in.paras = append(in.paras, &paragraph{spans: in.cur, note: in.note})
		in.note = false
	}
	in.cur = nil
}

// unescape resolves Markdown backslash escapes and entity references:
// the named references HTML5 defines, and decimal and hexadecimal ones,
// each ending in ";" (CommonMark's rules: &nbsp without it, or &#x; or
// &#87654321;, is text).
func unescape(s string) string {
	if !strings.ContainsAny(s, `\&`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i++
		case c == '&':
			if ref := entityRef.FindString(s[i:]); ref != "" {
				if r, ok := entity(ref); ok {
					b.WriteString(r)
					i += len(ref) - 1
					continue
				}
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// entityRef is an entity reference as CommonMark spells one, at the
// start of a string.
var entityRef = regexp.MustCompile(`^&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`)

// entity is the text of an entity reference entityRef matched: a named
// one HTML5 defines, or a code point, U+FFFD when it is none a string
// may hold (0, a surrogate, past U+10FFFF).
func entity(ref string) (string, bool) {
	name := ref[1 : len(ref)-1]
	num, ok := strings.CutPrefix(name, "#")
	if !ok {
		// Every entity is one or two characters; a longer result is a
		// legacy name without its ";" decoded, &amp in &ampfoo;.
		text := html.UnescapeString(ref)
		return text, text != ref && utf8.RuneCountInString(text) <= 2
	}
	base := 10
	if hex, ok := strings.CutPrefix(strings.ToLower(num), "x"); ok {
		num, base = hex, 16
	}
	n, err := strconv.ParseUint(num, base, 32)
	if r := rune(n); err == nil && r != 0 && utf8.ValidRune(r) {
		return string(r), true
	}
	return "\uFFFD", true
}

func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// flatten is the text of spans, whitespace collapsed.
func flatten(spans []span) string {
	var s strings.Builder
	for _, sp := range spans {
		s.WriteString(sp.text)
	}
	return strings.Join(strings.Fields(s.String()), " ")
}
