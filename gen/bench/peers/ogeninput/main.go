// Command ogeninput turns the output of `sunco-gen normalize` into a
// document ogen v1.24.0 accepts, for gen/bench/peers.sh. ogen needs,
// on top of our normalization: every server URL variable declared; the
// uniqueItems/minItems/maxItems of author.subtypes on the array rather
// than its items; schema client renamed ClientObject (ogen declares a
// Client of its own); and no nullable on message.quotedMessage.
//
//	go run ./gen/bench/peers/ogeninput -in normalized.yaml -out openapi.yaml
package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

func main() {
	in := flag.String("in", "", "normalized document (YAML)")
	out := flag.String("out", "", "document for ogen")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "ogeninput:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return err
	}
	root := doc.Content[0]
	for _, edit := range []func(*yaml.Node) error{declareServerVariables, moveSubtypesLimits, renameClient, dropQuotedMessageNullable} {
		if err := edit(root); err != nil {
			return err
		}
	}
	data, err = yaml.Marshal(&doc)
	if err != nil {
		return err
	}
	return os.WriteFile(out, data, 0o644)
}

var templateVar = regexp.MustCompile(`\{([^}]+)\}`)

func declareServerVariables(root *yaml.Node) error {
	servers := get(root, "servers")
	if servers == nil {
		return nil
	}
	for _, s := range servers.Content {
		url := get(s, "url")
		if url == nil {
			continue
		}
		for _, m := range templateVar.FindAllStringSubmatch(url.Value, -1) {
			vars := get(s, "variables")
			if vars == nil {
				vars = &yaml.Node{Kind: yaml.MappingNode}
				set(s, "variables", vars)
			}
			if get(vars, m[1]) == nil {
				set(vars, m[1], mapping("default", m[1]))
			}
		}
	}
	return nil
}

func moveSubtypesLimits(root *yaml.Node) error {
	subtypes, err := path(root, "components", "schemas", "author", "properties", "subtypes")
	if err != nil {
		return err
	}
	items := get(subtypes, "items")
	if items == nil {
		return fmt.Errorf("author.subtypes has no items")
	}
	for _, key := range []string{"uniqueItems", "minItems", "maxItems"} {
		if v := get(items, key); v != nil {
			remove(items, key)
			set(subtypes, key, v)
		}
	}
	return nil
}

func renameClient(root *yaml.Node) error {
	client, err := path(root, "components", "schemas", "client")
	if err != nil {
		return err
	}
	set(client, "x-ogen-name", &yaml.Node{Kind: yaml.ScalarNode, Value: "ClientObject"})
	return nil
}

func dropQuotedMessageNullable(root *yaml.Node) error {
	quoted, err := path(root, "components", "schemas", "message", "properties", "quotedMessage")
	if err != nil {
		return err
	}
	remove(quoted, "nullable")
	return nil
}

// get returns the value of key in the mapping m, or nil.
func get(m *yaml.Node, key string) *yaml.Node {
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

func path(m *yaml.Node, keys ...string) (*yaml.Node, error) {
	for i, k := range keys {
		if m = get(m, k); m == nil {
			return nil, fmt.Errorf("the document has no %s", strings.Join(keys[:i+1], "."))
		}
	}
	return m, nil
}

func set(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
}

func remove(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

func mapping(key, value string) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Value: key},
		{Kind: yaml.ScalarNode, Value: value},
	}}
}
