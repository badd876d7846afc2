package load

import (
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// normalize fixes, in place and in document order, the defects that a strict
// OpenAPI 3.0 loader rejects but whose meaning is clear. Each fix is driven
// by the shape of the document only and reports exactly one Warning.
func normalize(root *yaml.Node) ([]Warning, error) {
	var ws []Warning
	warn := func(ptr, format string, args ...any) {
		ws = append(ws, Warning{Pointer: ptr, Message: fmt.Sprintf(format, args...)})
	}
	err := walk(root, visitor{
		schema: func(s schemaNode) error { return fixBooleanRequired(s, warn) },
		server: func(n *yaml.Node, ptr string) error { fixServerVariables(n, ptr, warn); return nil },
	})
	return ws, err
}

// warnFunc records one Warning.
type warnFunc func(ptr, format string, args ...any)

// fixBooleanRequired removes a boolean `required` from a schema (OpenAPI
// Parameter style, invalid in a Schema Object) and, when it is true and the
// schema is a property, lists the property in its parent's `required`.
func fixBooleanRequired(s schemaNode, warn warnFunc) error {
	req := mappingValue(s.node, "required")
	if !isBool(req) {
		return nil
	}
	var required bool
	if err := req.Decode(&required); err != nil {
		return &Error{Pointer: child(s.ptr, "required"), Line: req.Line, Err: err}
	}
	removeKey(s.node, "required")
	ptr := child(s.ptr, "required")
	switch {
	case !required:
		warn(ptr, "boolean `required: false` in a schema is invalid; removed it")
	case s.parent == nil:
		warn(ptr, "boolean `required: true` in a schema that is not an object property is invalid; removed it")
	default:
		if err := addRequired(s.parent, s.property); err != nil {
			return &Error{Pointer: ptr, Line: req.Line, Err: err}
		}
		warn(ptr, "boolean `required: true` in a schema is invalid; removed it and listed %q in the parent schema's `required`", s.property)
	}
	return nil
}

// addRequired adds name to the `required` list of the object schema parent,
// creating the list if needed and never adding a name twice.
func addRequired(parent *yaml.Node, name string) error {
	list := mappingValue(parent, "required")
	if list == nil {
		list = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		appendKey(parent, "required", list)
	}
	if list.Kind != yaml.SequenceNode {
		return fmt.Errorf("cannot list %q as required: the parent schema's `required` is not a list", name)
	}
	for _, n := range list.Content {
		if n.Value == name {
			return nil
		}
	}
	list.Content = append(list.Content, scalar(name))
	return nil
}

// templateVariable matches a {variable} in a server URL template.
var templateVariable = regexp.MustCompile(`\{([^{}]+)\}`)

// fixServerVariables declares the variables a server URL template uses but
// does not declare, each with its own name as default value.
func fixServerVariables(server *yaml.Node, ptr string, warn warnFunc) {
	url := mappingValue(server, "url")
	if url == nil || url.Kind != yaml.ScalarNode {
		return
	}
	vars := mappingValue(server, "variables")
	if vars != nil && vars.Kind != yaml.MappingNode {
		return // not ours to guess: the validator reports it
	}
	missing := undeclaredVariables(url.Value, vars)
	if len(missing) == 0 {
		return
	}
	if vars == nil {
		vars = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		appendKey(server, "variables", vars)
	}
	for _, name := range missing {
		def := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		appendKey(def, "default", scalar(name))
		appendKey(vars, name, def)
	}
	warn(ptr, "server URL %q uses undeclared variables {%s}; declared each with its name as default", url.Value, strings.Join(missing, "}, {"))
}

// undeclaredVariables returns, in order and without duplicates, the
// variables of the URL template that the mapping vars does not declare.
func undeclaredVariables(template string, vars *yaml.Node) []string {
	var missing []string
	seen := map[string]bool{}
	for _, m := range templateVariable.FindAllStringSubmatch(template, -1) {
		name := m[1]
		if seen[name] || mappingValue(vars, name) != nil {
			continue
		}
		seen[name] = true
		missing = append(missing, name)
	}
	return missing
}
