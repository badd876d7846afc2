package load

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// parseJSON parses a JSON document whose root is an object into the node
// tree yaml.v3 makes of the same bytes (JSON is YAML): the same kinds,
// tags, values, styles, lines and columns, in a fraction of the time.
// Documents are often JSON, and yaml.v3's general parser was the slowest
// part of loading one.
//
// ok is false for anything it does not read exactly as yaml.v3 would: not
// strict JSON, a duplicate key, a character YAML forbids or reads as a
// line break, nesting deeper than yaml.v3 allows, and the valid JSON that
// yaml.v3 refuses (a "\/" escape, a key over 1024 characters, a tab
// before or after the root object). parse then hands the
// bytes to yaml.v3, which reads them, or words the error.
func parseJSON(data []byte) (root *yaml.Node, ok bool) {
	p := jsonParser{src: data, text: string(data), line: 1}
	p.space()
	// Outside the root's braces YAML may read a tab as indentation, which
	// it forbids: yaml.v3 decides.
	if p.pos >= len(p.src) || p.src[p.pos] != '{' || bytes.IndexByte(data[:p.pos], '\t') >= 0 {
		return nil, false
	}
	doc := p.node(yaml.DocumentNode, "", "")
	value, ok := p.value(0)
	if !ok {
		return nil, false
	}
	end := p.pos
	if p.space(); p.pos != len(p.src) || bytes.IndexByte(data[end:], '\t') >= 0 {
		return nil, false
	}
	doc.Content = []*yaml.Node{value}
	return doc, true
}

// maxJSONDepth is the nesting yaml.v3 accepts.
const maxJSONDepth = 10000

// jsonParser reads JSON bytes into yaml.Nodes, tracking lines and columns
// as yaml.v3 counts them: from 1, a column per character.
type jsonParser struct {
	src       []byte
	text      string // src as a string, of which unescaped strings are slices
	pos       int
	line      int
	lineStart int         // offset of the current line's first byte
	lineRunes int         // characters of the current line before runesAt
	runesAt   int         // offset up to which lineRunes counts
	nodes     []yaml.Node // allocated a slab at a time
	content   []*yaml.Node
}

func (p *jsonParser) node(kind yaml.Kind, tag, value string) *yaml.Node {
	if len(p.nodes) == 0 {
		p.nodes = make([]yaml.Node, 1024)
	}
	n := &p.nodes[0]
	p.nodes = p.nodes[1:]
	n.Kind, n.Tag, n.Value = kind, tag, value
	n.Line, n.Column = p.line, p.column()
	return n
}

// column is the column of p.pos: characters, not bytes, as yaml.v3 counts.
func (p *jsonParser) column() int {
	if p.runesAt < p.lineStart {
		p.runesAt, p.lineRunes = p.lineStart, 0
	}
	p.lineRunes += utf8.RuneCount(p.src[p.runesAt:p.pos])
	p.runesAt = p.pos
	return p.lineRunes + 1
}

// space skips JSON white space, counting lines; "\r\n" is one line break,
// as is a lone "\r", as in YAML.
func (p *jsonParser) space() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t':
			p.pos++
		case '\n':
			p.pos++
			p.line, p.lineStart = p.line+1, p.pos
		case '\r':
			p.pos++
			if p.pos < len(p.src) && p.src[p.pos] == '\n' {
				p.pos++
			}
			p.line, p.lineStart = p.line+1, p.pos
		default:
			return
		}
	}
}

func (p *jsonParser) value(depth int) (*yaml.Node, bool) {
	if depth >= maxJSONDepth || p.pos >= len(p.src) {
		return nil, false
	}
	switch c := p.src[p.pos]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		n := p.node(yaml.ScalarNode, "!!str", "")
		n.Style = yaml.DoubleQuotedStyle
		var ok bool
		n.Value, ok = p.str()
		return n, ok
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	for _, lit := range [...]struct{ text, tag string }{{"true", "!!bool"}, {"false", "!!bool"}, {"null", "!!null"}} {
		if bytes.HasPrefix(p.src[p.pos:], []byte(lit.text)) {
			n := p.node(yaml.ScalarNode, lit.tag, lit.text)
			p.pos += len(lit.text)
			return n, true
		}
	}
	return nil, false
}

// object reads {...} into a flow mapping. A key twice is left to yaml.v3,
// whose tree keeps both entries.
func (p *jsonParser) object(depth int) (*yaml.Node, bool) {
	n := p.node(yaml.MappingNode, "!!map", "")
	n.Style = yaml.FlowStyle
	p.pos++
	mark := len(p.content)
	var seen map[string]bool // once the mapping is too long to scan
	for first := true; ; first = false {
		p.space()
		if p.pos >= len(p.src) {
			return nil, false
		}
		if p.src[p.pos] == '}' && first {
			p.pos++
			break
		}
		if p.src[p.pos] != '"' {
			return nil, false
		}
		keyStart := p.pos
		key := p.node(yaml.ScalarNode, "!!str", "")
		key.Style = yaml.DoubleQuotedStyle
		var ok bool
		if key.Value, ok = p.str(); !ok {
			return nil, false
		}
		entries := p.content[mark:]
		switch {
		case seen != nil:
			if seen[key.Value] {
				return nil, false
			}
			seen[key.Value] = true
		case len(entries) < 32:
			for i := 0; i < len(entries); i += 2 {
				if entries[i].Value == key.Value {
					return nil, false
				}
			}
		default:
			seen = make(map[string]bool, len(entries))
			for i := 0; i < len(entries); i += 2 {
				seen[entries[i].Value] = true
			}
			if seen[key.Value] {
				return nil, false
			}
			seen[key.Value] = true
		}
		if p.space(); p.pos >= len(p.src) || p.src[p.pos] != ':' || !p.simpleKey(keyStart) {
			return nil, false
		}
		p.pos++
		p.space()
		value, ok := p.value(depth + 1)
		if !ok {
			return nil, false
		}
		p.content = append(p.content, key, value)
		if p.space(); p.pos >= len(p.src) {
			return nil, false
		}
		if p.src[p.pos] == '}' {
			p.pos++
			break
		}
		if p.src[p.pos] != ',' {
			return nil, false
		}
		p.pos++
	}
	n.Content = p.take(mark)
	return n, true
}

// simpleKey reports whether the ':' at p.pos is within 1024 characters of
// the key that starts at keyStart, yaml.v3's limit for a key.
func (p *jsonParser) simpleKey(keyStart int) bool {
	return p.pos-keyStart <= 1024 || utf8.RuneCount(p.src[keyStart:p.pos]) <= 1024
}

// array reads [...] into a flow sequence.
func (p *jsonParser) array(depth int) (*yaml.Node, bool) {
	n := p.node(yaml.SequenceNode, "!!seq", "")
	n.Style = yaml.FlowStyle
	p.pos++
	mark := len(p.content)
	for first := true; ; first = false {
		p.space()
		if p.pos >= len(p.src) {
			return nil, false
		}
		if p.src[p.pos] == ']' && first {
			p.pos++
			break
		}
		item, ok := p.value(depth + 1)
		if !ok {
			return nil, false
		}
		p.content = append(p.content, item)
		if p.space(); p.pos >= len(p.src) {
			return nil, false
		}
		if p.src[p.pos] == ']' {
			p.pos++
			break
		}
		if p.src[p.pos] != ',' {
			return nil, false
		}
		p.pos++
	}
	n.Content = p.take(mark)
	return n, true
}

// take moves the nodes of p.content from mark on into a slice of their own.
func (p *jsonParser) take(mark int) []*yaml.Node {
	if len(p.content) == mark {
		return nil
	}
	c := make([]*yaml.Node, len(p.content)-mark)
	copy(c, p.content[mark:])
	p.content = p.content[:mark]
	return c
}

// number reads a JSON number, tagged as yaml.v3 resolves it: !!int when it
// fits 64 bits signed or unsigned, else !!float, or !!str out of float64's
// range.
func (p *jsonParser) number() (*yaml.Node, bool) {
	n := p.node(yaml.ScalarNode, "!!float", "")
	start := p.pos
	if p.src[p.pos] == '-' {
		p.pos++
	}
	switch {
	case p.pos < len(p.src) && p.src[p.pos] == '0':
		p.pos++
	case p.digits() == 0:
		return nil, false
	}
	integer := true
	if p.pos < len(p.src) && p.src[p.pos] == '.' {
		p.pos++
		if p.digits() == 0 {
			return nil, false
		}
		integer = false
	}
	if p.pos < len(p.src) && (p.src[p.pos] == 'e' || p.src[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.src) && (p.src[p.pos] == '+' || p.src[p.pos] == '-') {
			p.pos++
		}
		if p.digits() == 0 {
			return nil, false
		}
		integer = false
	}
	n.Value = p.text[start:p.pos]
	if integer {
		if _, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
			n.Tag = "!!int"
		} else if _, err := strconv.ParseUint(n.Value, 10, 64); err == nil {
			n.Tag = "!!int"
		}
	}
	if _, err := strconv.ParseFloat(n.Value, 64); n.Tag == "!!float" && err != nil {
		n.Tag = "!!str"
	}
	return n, true
}

func (p *jsonParser) digits() int {
	start := p.pos
	for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
		p.pos++
	}
	return p.pos - start
}

// str reads a JSON string at p.pos, its escapes decoded as yaml.v3 decodes
// them in a double-quoted scalar. Characters YAML forbids, or reads as line
// breaks inside a quoted scalar, are not ok.
func (p *jsonParser) str() (string, bool) {
	p.pos++ // "
	start := p.pos
	var buf []byte // the decoded string, once an escape is met
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '"':
			p.pos++
			if buf == nil {
				return p.text[start : p.pos-1], true
			}
			return string(buf), true
		case c == '\\':
			if buf == nil {
				buf = append(make([]byte, 0, p.pos-start+16), p.src[start:p.pos]...)
			}
			var ok bool
			if buf, ok = p.escape(buf); !ok {
				return "", false
			}
		case c < 0x20 || c == 0x7f:
			return "", false
		case c < utf8.RuneSelf:
			if buf != nil {
				buf = append(buf, c)
			}
			p.pos++
		default:
			r, size := utf8.DecodeRune(p.src[p.pos:])
			if !yamlPrintable(r) || r == utf8.RuneError && size == 1 {
				return "", false
			}
			if buf != nil {
				buf = append(buf, p.src[p.pos:p.pos+size]...)
			}
			p.pos += size
		}
	}
	return "", false
}

// escape decodes the escape at p.pos onto buf. "\/" and a \u escape of a
// surrogate are valid JSON but not ok: yaml.v3 refuses them, and its error
// is the one given.
func (p *jsonParser) escape(buf []byte) ([]byte, bool) {
	if p.pos+1 >= len(p.src) {
		return buf, false
	}
	c := p.src[p.pos+1]
	p.pos += 2
	switch c {
	case '"', '\\':
		return append(buf, c), true
	case 'b':
		return append(buf, '\b'), true
	case 'f':
		return append(buf, '\f'), true
	case 'n':
		return append(buf, '\n'), true
	case 'r':
		return append(buf, '\r'), true
	case 't':
		return append(buf, '\t'), true
	case 'u':
		if p.pos+4 > len(p.src) {
			return buf, false
		}
		v, err := strconv.ParseUint(p.text[p.pos:p.pos+4], 16, 32)
		if err != nil || v >= 0xD800 && v <= 0xDFFF {
			return buf, false
		}
		p.pos += 4
		return utf8.AppendRune(buf, rune(v)), true
	}
	return buf, false
}

// yamlPrintable reports whether YAML allows the non-ASCII character r in a
// document, and does not read it as a line break (NEL, LS, PS), the
// printable set yaml.v3 enforces.
func yamlPrintable(r rune) bool {
	switch {
	case r == 0x85, r == 0x2028, r == 0x2029, r == 0xFEFF:
		return false
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}
