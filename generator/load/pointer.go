package load

import (
	"net/url"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
)

// mappingValue returns the value of key in the mapping node m, or nil.
func mappingValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// unalias is n, or the node the alias n refers to through any aliases.
func unalias(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// removeKey deletes key (and its value) from the mapping node m.
func removeKey(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

// appendKey adds key: value at the end of the mapping node m.
func appendKey(m *yaml.Node, key string, value *yaml.Node) {
	m.Content = append(m.Content, scalar(key), value)
}

// scalar returns a plain string scalar node.
func scalar(v string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
}

// isBool reports whether n is a boolean scalar.
func isBool(n *yaml.Node) bool {
	return n != nil && n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool"
}

// refFragment returns the JSON pointer of a local reference ("#/a/b").
func refFragment(ref string) (string, error) {
	u, err := url.Parse(ref)
	if err != nil {
		return "", err
	}
	return u.Fragment, nil
}

// lookup resolves the JSON pointer ptr against root and returns the node, or
// nil when it does not exist.
func lookup(root *yaml.Node, ptr string) *yaml.Node {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	if ptr == "" {
		return n
	}
	if !strings.HasPrefix(ptr, "/") {
		return nil
	}
	for tok := range strings.SplitSeq(ptr[1:], "/") {
		if n = step(n, jsonptr.Unescape(tok)); n == nil {
			return nil
		}
	}
	return n
}

// step descends from n by one unescaped reference token.
func step(n *yaml.Node, tok string) *yaml.Node {
	n = unalias(n)
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		return mappingValue(n, tok)
	case yaml.SequenceNode:
		i, err := strconv.Atoi(tok)
		if err != nil || i < 0 || i >= len(n.Content) || strconv.Itoa(i) != tok {
			return nil
		}
		return n.Content[i]
	}
	return nil
}

// pointerOf returns the JSON pointer of the node target in root, searching
// the tree in document order without following aliases.
func pointerOf(root, target *yaml.Node) (string, bool) {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	return findPointer(n, target, "")
}

func findPointer(n, target *yaml.Node, ptr string) (string, bool) {
	if n == target {
		return ptr, true
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i]
			if key == target {
				return jsonptr.Join(ptr, key.Value), true
			}
			if p, ok := findPointer(n.Content[i+1], target, jsonptr.Join(ptr, key.Value)); ok {
				return p, true
			}
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			if p, ok := findPointer(item, target, jsonptr.Index(ptr, i)); ok {
				return p, true
			}
		}
	}
	return "", false
}
