package load

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// jsonWriter writes a yaml.Node tree as compact JSON, in document order, in
// one pass: the loader hands kin-openapi the parsed document this way
// instead of printing it as YAML for kin-openapi to parse again.
//
// Scalars are written by their resolved YAML tag (!!null, !!bool, !!int,
// !!float; anything else is a string, timestamps included, as kin-openapi
// reads them); aliases are written as the node they refer to, and merge
// keys (<<) as the entries they merge.
type jsonWriter struct {
	buf   []byte
	limit int        // the most bytes aliases may expand the output to
	bad   *yaml.Node // the node that has no JSON form, when writing fails
}

// errAliasExpansion refuses a document whose aliases expand it beyond
// reason ("billion laughs").
var errAliasExpansion = errors.New("aliases expand the document beyond reason")

// toJSON returns the JSON form of n, for which it reserves size bytes. The
// output may grow through aliases to at most limit bytes. On failure it
// also returns the node at fault.
func toJSON(n *yaml.Node, size, limit int) ([]byte, *yaml.Node, error) {
	w := jsonWriter{buf: make([]byte, 0, size), limit: limit}
	if err := w.value(n); err != nil {
		return nil, w.bad, err
	}
	return w.buf, nil, nil
}

// jsonLimit is the output limit for a document of size bytes: a generous
// multiple, so that aliases used for sharing pass and alias bombs do not.
func jsonLimit(size int) int {
	return 16*size + 64<<20
}

func (w *jsonWriter) value(n *yaml.Node) error {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			w.buf = append(w.buf, "null"...)
			return nil
		}
		return w.value(n.Content[0])
	case yaml.MappingNode:
		return w.mapping(n)
	case yaml.SequenceNode:
		w.buf = append(w.buf, '[')
		for i, item := range n.Content {
			if i > 0 {
				w.buf = append(w.buf, ',')
			}
			if err := w.value(item); err != nil {
				return err
			}
		}
		w.buf = append(w.buf, ']')
		return nil
	case yaml.AliasNode:
		if len(w.buf) > w.limit {
			w.bad = n
			return errAliasExpansion
		}
		return w.value(n.Alias)
	case yaml.ScalarNode:
		return w.scalar(n)
	}
	w.bad = n
	return fmt.Errorf("unexpected YAML node kind %d", n.Kind)
}

func (w *jsonWriter) mapping(n *yaml.Node) error {
	entries := n.Content
	if hasMergeKey(n) {
		entries = mergedEntries(n)
	}
	w.buf = append(w.buf, '{')
	for i := 0; i+1 < len(entries); i += 2 {
		key := entries[i]
		key = unalias(key)
		if key.Kind != yaml.ScalarNode {
			w.bad = key
			return errors.New("a mapping key that is not a scalar has no JSON form")
		}
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		w.buf = appendJSONString(w.buf, key.Value)
		w.buf = append(w.buf, ':')
		if err := w.value(entries[i+1]); err != nil {
			return err
		}
	}
	w.buf = append(w.buf, '}')
	return nil
}

// scalar writes the scalar n by its resolved YAML tag: null, a boolean, a
// number, or a string for anything else, timestamps included, as
// kin-openapi reads them. A boolean or number YAML spells in a way JSON
// does not is written as yaml.v3 decodes it.
func (w *jsonWriter) scalar(n *yaml.Node) error {
	switch n.ShortTag() {
	case "!!null":
		w.buf = append(w.buf, "null"...)
	case "!!bool":
		switch n.Value {
		case "true", "True", "TRUE":
			w.buf = append(w.buf, "true"...)
		case "false", "False", "FALSE":
			w.buf = append(w.buf, "false"...)
		default:
			return w.decodedScalar(n)
		}
	case "!!int", "!!float":
		if !isJSONNumber(n.Value) {
			return w.decodedScalar(n)
		}
		w.buf = append(w.buf, n.Value...)
	default:
		w.buf = appendJSONString(w.buf, n.Value)
	}
	return nil
}

// decodedScalar writes a boolean or number that YAML spells in a way JSON
// does not (0x1F, 1_000, +.5, an explicit !!bool yes), as yaml.v3 decodes
// it.
func (w *jsonWriter) decodedScalar(n *yaml.Node) error {
	var v any
	if err := n.Decode(&v); err != nil {
		w.bad = n
		return err
	}
	switch v := v.(type) {
	case bool:
		w.buf = strconv.AppendBool(w.buf, v)
	case int:
		w.buf = strconv.AppendInt(w.buf, int64(v), 10)
	case int64:
		w.buf = strconv.AppendInt(w.buf, v, 10)
	case uint64:
		w.buf = strconv.AppendUint(w.buf, v, 10)
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			w.bad = n
			return fmt.Errorf("%s has no JSON form", n.Value)
		}
		w.buf = strconv.AppendFloat(w.buf, v, 'g', -1, 64)
	default:
		w.buf = appendJSONString(w.buf, n.Value)
	}
	return nil
}

// hasMergeKey reports whether the mapping n has a YAML merge key (<<).
func hasMergeKey(n *yaml.Node) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if isMergeKey(n.Content[i]) {
			return true
		}
	}
	return false
}

func isMergeKey(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Value == "<<" && k.ShortTag() == "!!merge"
}

// mergedEntries are the entries of the mapping n with its merge keys
// replaced by the entries they merge: n's own keys win, then earlier merged
// mappings win over later ones, as the YAML merge key type specifies.
func mergedEntries(n *yaml.Node) []*yaml.Node {
	var own, merged []*yaml.Node
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if !isMergeKey(n.Content[i]) {
			own = append(own, n.Content[i], n.Content[i+1])
			seen[n.Content[i].Value] = true
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if !isMergeKey(n.Content[i]) {
			continue
		}
		for _, m := range mergeSources(n.Content[i+1]) {
			for j := 0; j+1 < len(m.Content); j += 2 {
				if key := m.Content[j].Value; !seen[key] {
					seen[key] = true
					merged = append(merged, m.Content[j], m.Content[j+1])
				}
			}
		}
	}
	return append(own, merged...)
}

// mergeSources are the mappings the value of a merge key names: one
// mapping or a sequence of them, usually through aliases.
func mergeSources(v *yaml.Node) []*yaml.Node {
	v = unalias(v)
	if v.Kind == yaml.MappingNode {
		return []*yaml.Node{v}
	}
	var maps []*yaml.Node
	if v.Kind == yaml.SequenceNode {
		for _, item := range v.Content {
			maps = append(maps, mergeSources(item)...)
		}
	}
	return maps
}

// isJSONNumber reports whether s is a number as JSON spells it: JSON text
// that starts as only a number does.
func isJSONNumber(s string) bool {
	return s != "" && (s[0] == '-' || '0' <= s[0] && s[0] <= '9') && json.Valid([]byte(s))
}

// hexDigits spell the \u00XX escapes of control characters.
const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string. Invalid UTF-8 becomes
// U+FFFD, as encoding/json does.
func appendJSONString(buf []byte, s string) []byte {
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			buf = append(buf, s[start:i]...)
			switch c {
			case '"', '\\':
				buf = append(buf, '\\', c)
			case '\n':
				buf = append(buf, '\\', 'n')
			case '\r':
				buf = append(buf, '\\', 'r')
			case '\t':
				buf = append(buf, '\\', 't')
			default:
				buf = append(buf, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			buf = append(buf, s[start:i]...)
			buf = append(buf, `\ufffd`...)
			i++
			start = i
			continue
		}
		i += size
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}
