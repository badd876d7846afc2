package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
)

// maxJSONDepth is the deepest nesting readJSON accepts: that of yaml.v3,
// and of encoding/json, through which kin-openapi decodes the document.
const maxJSONDepth = 10000

// readJSON reads a JSON document into the node tree yaml.v3 makes of the
// same text (JSON is YAML): the same kinds, tags, values and styles, and
// the line and column of every node. yaml.v3 itself refuses some valid
// JSON (a "\/" escape, a surrogate pair, a tab around the root value, a
// key over 1024 characters); the standard library's tokenizer reads it
// all. A syntax error is an *Error with its line and the pointer of the
// value being read.
func readJSON(data []byte) (*yaml.Node, error) {
	r := jsonReader{data: data, dec: json.NewDecoder(bytes.NewReader(data)), line: 1, column: 1}
	r.dec.UseNumber()
	var doc *yaml.Node
	for {
		start := r.nextToken()
		tok, err := r.dec.Token()
		if err == io.EOF && doc != nil && len(r.open) == 0 {
			return doc, nil
		}
		if err != nil {
			return nil, r.syntaxError(err)
		}
		if doc != nil && len(r.open) == 0 {
			return nil, r.syntaxError(errors.New("text after the document's value"))
		}
		n := r.node(tok, start)
		if n == nil { // the end of a mapping or a sequence
			r.open = r.open[:len(r.open)-1]
			continue
		}
		if doc == nil {
			doc = &yaml.Node{Kind: yaml.DocumentNode, Line: n.Line, Column: n.Column, Content: []*yaml.Node{n}}
		} else {
			parent := r.open[len(r.open)-1]
			parent.Content = append(parent.Content, n)
		}
		if n.Kind != yaml.ScalarNode {
			if len(r.open) == maxJSONDepth {
				return nil, r.errorAt(start, fmt.Errorf("nesting deeper than %d levels", maxJSONDepth))
			}
			r.open = append(r.open, n)
		}
	}
}

// jsonReader is the state of readJSON.
type jsonReader struct {
	data []byte
	dec  *json.Decoder
	open []*yaml.Node // the mappings and sequences being read, innermost last

	// The position of the last token located: its offset, line, the
	// offset at which its line starts, and its column.
	pos, line, lineStart, column int
}

// node is the node that starts with the token tok at offset start, or nil
// for the end of a mapping or a sequence.
func (r *jsonReader) node(tok json.Token, start int) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode}
	switch tok := tok.(type) {
	case json.Delim:
		switch tok {
		case '{':
			n.Kind, n.Tag, n.Style = yaml.MappingNode, "!!map", yaml.FlowStyle
		case '[':
			n.Kind, n.Tag, n.Style = yaml.SequenceNode, "!!seq", yaml.FlowStyle
		default:
			return nil
		}
	case string:
		n.Tag, n.Value, n.Style = "!!str", tok, yaml.DoubleQuotedStyle
	case json.Number:
		// Tagged as yaml.v3 resolves the plain scalar: !!int, !!float, or
		// !!str for a number no float64 holds.
		n.Value = string(tok)
		n.Tag = n.ShortTag()
	case bool:
		n.Tag, n.Value = "!!bool", "false"
		if tok {
			n.Value = "true"
		}
	case nil:
		n.Tag, n.Value = "!!null", "null"
	}
	n.Line, n.Column = r.locate(start)
	return n
}

// nextToken is the offset at which the decoder's next token starts.
func (r *jsonReader) nextToken() int {
	i := int(r.dec.InputOffset())
	for i < len(r.data) && strings.IndexByte(" \t\r\n,:", r.data[i]) >= 0 {
		i++
	}
	return i
}

// locate returns the line and column of the offset at, counted from 1 as
// yaml.v3 counts them: lines end at "\n", columns are characters. Offsets
// are located in increasing order, so the text is scanned once.
func (r *jsonReader) locate(at int) (line, column int) {
	at = min(at, len(r.data))
	if at < r.pos {
		return r.line, r.column
	}
	seen := r.data[r.pos:at]
	if nl := bytes.LastIndexByte(seen, '\n'); nl >= 0 {
		r.line += bytes.Count(seen, []byte{'\n'})
		r.lineStart = r.pos + nl + 1
		r.column = 1 + utf8.RuneCount(r.data[r.lineStart:at])
	} else {
		r.column += utf8.RuneCount(seen)
	}
	r.pos = at
	return r.line, r.column
}

// syntaxError is the *Error for the decoder's error err. The tokenizer's
// errors do not always say where they are, so the whole text is scanned
// again by encoding/json's validator, which does: this is the failure
// path only.
func (r *jsonReader) syntaxError(err error) *Error {
	at := len(r.data)
	var syntax *json.SyntaxError
	if errors.As(json.Unmarshal(r.data, new(json.RawMessage)), &syntax) {
		at, err = int(syntax.Offset)-1, syntax // the offset after the byte at fault
	}
	return r.errorAt(at, fmt.Errorf("JSON syntax error: %w", err))
}

// errorAt is the *Error err at offset at: its line, and the pointer of
// the value being read there.
func (r *jsonReader) errorAt(at int, err error) *Error {
	line, _ := r.locate(at)
	ptr := ""
	for i, n := range r.open {
		inner := i == len(r.open)-1
		switch {
		case n.Kind == yaml.SequenceNode && !inner: // reading its last item
			ptr = jsonptr.Index(ptr, len(n.Content)-1)
		case n.Kind == yaml.MappingNode && !inner: // reading its last value
			ptr = jsonptr.Join(ptr, n.Content[len(n.Content)-2].Value)
		case n.Kind == yaml.MappingNode && len(n.Content)%2 == 1: // a key read, its value not
			ptr = jsonptr.Join(ptr, n.Content[len(n.Content)-1].Value)
		}
	}
	return &Error{Pointer: ptr, Line: line, Err: err}
}
