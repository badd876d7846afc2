package docs

import (
	"go/doc/comment"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// width is the widest line of text, not counting the "// " before it; a
// list item's text is indented four more columns.
const width = 76

// How a doc writes its links: as [text] with a definition at the end, or
// inline, as "text (URL)", for the docs of fields and constants, which
// pkgsite shows inside the code block of their type, where a definition
// would show as written.
const (
	definedLinks = false
	inlineLinks  = true
)

// render prints blocks as Go doc text, its links written as inline says.
func (c *Converter) render(blocks []block, inline bool) string {
	r := &renderer{defs: map[string]string{}, bracketed: map[string]bool{}, inline: inline}
	for _, b := range blocks {
		switch b := b.(type) {
		case *paragraph:
			r.reserve(b.spans)
		case *list:
			for _, item := range b.items {
				r.reserve(item)
			}
		}
	}
	doc := &comment.Doc{}
	for _, b := range unindented(separate(blocks)) {
		var out comment.Block
		switch b := b.(type) {
		case *paragraph:
			if t := r.text(noted(b), width); t != "" {
				out = &comment.Paragraph{Text: []comment.Text{comment.Plain(t)}}
			}
		case *heading:
			out = &comment.Heading{Text: []comment.Text{comment.Plain(b.text)}}
		case *code:
			out = &comment.Code{Text: b.text}
		case *list:
			if l := r.list(b); l != nil {
				out = l
			}
		}
		if out != nil {
			doc.Content = append(doc.Content, out)
		}
	}
	doc.Links = r.links
	unheading(doc)
	return c.settle(doc)
}

// settle prints doc as Go doc and gofmt will keep it. The blocks built
// above print so, but for text no Go doc can hold (a code block whose
// first line reads as a list item is a list to Go doc): that is printed
// as Go doc reads it, and counted.
func (c *Converter) settle(doc *comment.Doc) string {
	var (
		pr comment.Printer
		p  comment.Parser
	)
	text := string(pr.Comment(doc))
	for range 3 {
		again := string(pr.Comment(p.Parse(text)))
		if again == text {
			break
		}
		c.counts.settled++
		text = again
	}
	return strings.TrimRight(text, "\n")
}

// separate keeps code blocks and lists apart: Go doc reads indented lines
// after a blank line as part of the indented block before, so adjacent
// code blocks are one, adjacent lists are one, and the item of a list next
// to a code block becomes a paragraph between them. Empty lists go.
func separate(blocks []block) []block {
	var out []block
	for _, b := range blocks {
		var prev block
		if len(out) > 0 {
			prev = out[len(out)-1]
		}
		switch b := b.(type) {
		case *code:
			switch p := prev.(type) {
			case *code:
				p.text += "\n" + b.text
				continue
			case *list:
				last := p.items[len(p.items)-1]
				if p.items = p.items[:len(p.items)-1]; len(p.items) == 0 {
					out = out[:len(out)-1]
				}
				out = append(out, &paragraph{spans: last})
			}
		case *list:
			if len(b.items) == 0 {
				continue
			}
			switch p := prev.(type) {
			case *list:
				p.items = append(p.items, b.items...)
				continue
			case *code:
				out = append(out, &paragraph{spans: b.items[0]})
				b = &list{numbered: b.numbered, start: b.start + 1, items: b.items[1:]}
				if len(b.items) == 0 {
					continue
				}
			}
			out = append(out, b)
			continue
		}
		out = append(out, b)
	}
	return out
}

// unheading ends with a period each one-line paragraph between two
// unindented blocks (link definitions are one) that Go doc would otherwise
// take for an old-style heading ("Error code", between two paragraphs).
func unheading(doc *comment.Doc) {
	content := doc.Content
	for i := 1; i < len(content); i++ {
		p, ok := content[i].(*comment.Paragraph)
		if !ok {
			continue
		}
		if i+1 == len(content) && len(doc.Links) == 0 {
			continue
		}
		if i+1 < len(content) {
			switch content[i+1].(type) {
			case *comment.Paragraph, *comment.Heading:
			default:
				continue
			}
		}
		if line := string(p.Text[0].(comment.Plain)); looksLikeHeading(line) {
			p.Text[0] = comment.Plain(line + ".")
		}
	}
}

// looksLikeHeading reports whether a line has the form go/doc/comment
// reads as an old-style heading: one line starting with a capital letter
// and ending with a letter or digit, without punctuation but for commas,
// parentheses, a possessive 's and periods inside words.
func looksLikeHeading(line string) bool {
	first, _ := utf8.DecodeRuneInString(line)
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.Contains(line, "\n") || !unicode.IsUpper(first) ||
		!unicode.IsLetter(last) && !unicode.IsDigit(last) ||
		strings.ContainsAny(line, ";:!?+*/=[]{}_^°&§~%#@<\">\\") {
		return false
	}
	for _, after := range strings.Split(line, "'")[1:] {
		if after != "s" && !strings.HasPrefix(after, "s ") {
			return false
		}
	}
	for _, after := range strings.Split(line, ".")[1:] {
		if after == "" || strings.HasPrefix(after, " ") {
			return false
		}
	}
	return true
}

// unindented makes the first block a paragraph when every block is a code
// block or a list: Go doc removes the indentation all lines share, so it
// reads a doc of indented lines alone as paragraphs. A list gives its first
// item, a code block its text.
func unindented(blocks []block) []block {
	for _, b := range blocks {
		switch b.(type) {
		case *paragraph, *heading:
			return blocks
		}
	}
	if len(blocks) == 0 {
		return nil
	}
	switch b := blocks[0].(type) {
	case *list:
		rest := &list{numbered: b.numbered, start: b.start + 1, items: b.items[1:]}
		first := &paragraph{spans: b.items[0]}
		if len(rest.items) == 0 {
			return append([]block{first}, blocks[1:]...)
		}
		return append([]block{first, rest}, blocks[1:]...)
	case *code:
		return append([]block{plainParagraph(b.text)}, blocks[1:]...)
	}
	return blocks
}

// A renderer writes the text of one doc, collecting its link definitions.
type renderer struct {
	inline    bool              // every link written "text (URL)"
	defs      map[string]string // link text → URL
	links     []*comment.LinkDef
	bracketed map[string]bool // [text] written in plain text, which a definition would turn into a link
}

var bracketedText = regexp.MustCompile(`\[([^\[\]]*)\]`)

func (r *renderer) reserve(spans []span) {
	for _, s := range spans {
		if s.url == "" {
			for _, m := range bracketedText.FindAllStringSubmatch(s.text, -1) {
				r.bracketed[strings.Join(strings.Fields(m[1]), " ")] = true
			}
		}
	}
}

func (r *renderer) list(l *list) *comment.List {
	out := &comment.List{ForceBlankBefore: true}
	for i, item := range l.items {
		t := r.text(item, width-4)
		if t == "" {
			continue
		}
		number := ""
		if l.numbered {
			number = strconv.Itoa(l.start + i)
		}
		out.Items = append(out.Items, &comment.ListItem{
			Number:  number,
			Content: []comment.Block{&comment.Paragraph{Text: []comment.Text{comment.Plain(t)}}},
		})
	}
	if len(out.Items) == 0 {
		return nil
	}
	return out
}

// text is spans written out and wrapped at w columns.
func (r *renderer) text(spans []span, w int) string {
	var s strings.Builder
	for _, sp := range spans {
		if sp.url == "" {
			s.WriteString(quotes(sp.text))
		} else {
			s.WriteString(r.link(sp))
		}
	}
	return wrap(s.String(), w)
}

// link writes a link: [text] with a definition at the end of the doc, or
// "text (URL)" inline or where a definition cannot say it (text already
// linked elsewhere, or that the doc writes in brackets; a URL Go doc does
// not link), or the URL alone when it is its own text.
func (r *renderer) link(sp span) string {
	text := quotes(strings.Join(strings.Fields(sp.text), " "))
	switch {
	case text == "" || text == sp.url:
		return sp.url
	case r.inline || !strings.Contains(sp.url, "://") || strings.ContainsAny(text, "[]") ||
		r.bracketed[text] || (r.defs[text] != "" && r.defs[text] != sp.url):
		return text + " (" + sp.url + ")"
	}
	if r.defs[text] == "" {
		r.defs[text] = sp.url
		r.links = append(r.links, &comment.LinkDef{Text: text, URL: sp.url, Used: true})
	}
	return "[" + text + "]"
}

// quotes writes two backticks and two apostrophes as the quotes Go doc
// makes of them, “ and ”, leaving runs of three backticks or more.
func quotes(s string) string {
	if !strings.Contains(s, "``") && !strings.Contains(s, "''") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		switch t := s[i:]; {
		case strings.HasPrefix(t, "```"):
			n := len(t) - len(strings.TrimLeft(t, "`"))
			b.WriteString(t[:n])
			i += n
		case strings.HasPrefix(t, "``"):
			b.WriteString("“")
			i += 2
		case strings.HasPrefix(t, "''"):
			b.WriteString("”")
			i += 2
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

// wrap fills lines of at most w columns with the words of s (a longer word
// gets a line of its own). It never starts a line with a list marker,
// which would begin a new list item.
func wrap(s string, w int) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(s) {
		l := utf8.RuneCountInString(word)
		if i > 0 {
			if n+1+l > w && !isListMarker(word) {
				b.WriteByte('\n')
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(word)
		n += l
	}
	return b.String()
}

// isListMarker reports whether a line starting with word would start a
// list item: -, *, +, • or a number followed by . or ).
func isListMarker(word string) bool {
	switch word {
	case "-", "*", "+", "•":
		return true
	}
	digits := strings.TrimLeft(word, "0123456789")
	return len(digits) < len(word) && (digits == "." || digits == ")")
}
