package load

import (
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
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
		schema: func(s schemaNode) error {
			fixTypelessNullable(root, s, warn)
			return fixBooleanRequired(s, warn)
		},
		server: func(n *yaml.Node, ptr string) error { fixServerVariables(n, ptr, warn); return nil },
	})
	if err != nil {
		return nil, err
	}
	// A second pass, once every `required` is a list: whether a oneOf is
	// ambiguous depends on what its alternatives require.
	err = walk(root, visitor{
		schema: func(s schemaNode) error { fixAmbiguousOneOf(root, s, warn); return nil },
	})
	if err != nil {
		return nil, err
	}
	// A third pass, over whole unions: a variant may be shared by several.
	if err := fixDiscriminators(root, warn); err != nil {
		return nil, err
	}
	return ws, nil
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
		return &Error{Pointer: jsonptr.Join(s.ptr, "required"), Line: req.Line, Err: err}
	}
	removeKey(s.node, "required")
	ptr := jsonptr.Join(s.ptr, "required")
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

// fixTypelessNullable gives meaning to `nullable` in a schema without
// `type`, where OpenAPI 3.0 says it has none (and validators such as
// Prism's fail to compile it): `nullable: false` is dropped, and
// `nullable: true` on `allOf: [$ref]` gets the type of the referenced
// schema, so null is allowed as the document intends.
func fixTypelessNullable(root *yaml.Node, s schemaNode, warn warnFunc) {
	nullable := mappingValue(s.node, "nullable")
	if !isBool(nullable) || mappingValue(s.node, "type") != nil {
		return
	}
	ptr := jsonptr.Join(s.ptr, "nullable")
	if nullable.Value == "false" {
		removeKey(s.node, "nullable")
		warn(ptr, "`nullable: false` without `type` has no effect; removed it")
		return
	}
	target := singleAllOfTarget(root, s.node)
	typ := mappingValue(target, "type")
	if typ == nil || typ.Kind != yaml.ScalarNode {
		return
	}
	appendKey(s.node, "type", scalar(typ.Value))
	warn(ptr, "`nullable: true` without `type` has no effect in OpenAPI 3.0; added `type: %s` from the schema its allOf references", typ.Value)
}

// singleAllOfTarget is the schema referenced by `allOf: [{$ref}]`, or nil.
func singleAllOfTarget(root, schema *yaml.Node) *yaml.Node {
	allOf := mappingValue(schema, "allOf")
	if allOf == nil || allOf.Kind != yaml.SequenceNode || len(allOf.Content) != 1 {
		return nil
	}
	return resolve(root, allOf.Content[0])
}

// resolve follows the local $ref of n, if any, to the node it names.
func resolve(root, n *yaml.Node) *yaml.Node {
	ref := mappingValue(n, "$ref")
	if ref == nil || ref.Kind != yaml.ScalarNode {
		return n
	}
	frag, err := refFragment(ref.Value)
	if err != nil {
		return nil
	}
	return lookup(root, frag)
}

// fixAmbiguousOneOf repairs a oneOf without discriminator whose
// alternatives require nothing, so that any object matches several of
// them and no value is valid. An inline alternative with a single
// property is taken to require it; if two alternatives still require
// nothing, the oneOf becomes an anyOf.
func fixAmbiguousOneOf(root *yaml.Node, s schemaNode, warn warnFunc) {
	oneOf := mappingValue(s.node, "oneOf")
	if oneOf == nil || oneOf.Kind != yaml.SequenceNode || mappingValue(s.node, "discriminator") != nil {
		return
	}
	free := 0
	for i, alt := range oneOf.Content {
		if !isObjectSchema(root, alt) || requiresSomething(root, alt) {
			continue
		}
		props := mappingValue(alt, "properties")
		if mappingValue(alt, "$ref") == nil && props != nil && props.Kind == yaml.MappingNode && len(props.Content) == 2 {
			name := props.Content[0].Value
			appendKey(alt, "required", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{scalar(name)}})
			warn(jsonptr.Index(jsonptr.Join(s.ptr, "oneOf"), i), "oneOf alternative requires nothing, so it matches what the others match; it has the single property %q, now required", name)
			continue
		}
		free++
	}
	if free < 2 {
		return
	}
	for i := 0; i+1 < len(s.node.Content); i += 2 {
		if s.node.Content[i].Value == "oneOf" {
			s.node.Content[i].Value = "anyOf"
		}
	}
	warn(jsonptr.Join(s.ptr, "oneOf"), "%d oneOf alternatives require nothing, so any object matches several and none is valid; made it anyOf", free)
}

// requiresSomething reports an object schema, or a composition through
// allOf, with a non-empty `required`.
func requiresSomething(root, n *yaml.Node) bool {
	n = resolve(root, n)
	if n == nil || n.Kind != yaml.MappingNode {
		return false
	}
	if req := mappingValue(n, "required"); req != nil && req.Kind == yaml.SequenceNode && len(req.Content) > 0 {
		return true
	}
	allOf := mappingValue(n, "allOf")
	if allOf == nil || allOf.Kind != yaml.SequenceNode {
		return false
	}
	for _, part := range allOf.Content {
		if requiresSomething(root, part) {
			return true
		}
	}
	return false
}

// isObjectSchema reports a schema for objects: typed so, or with
// properties or an allOf composition.
func isObjectSchema(root, n *yaml.Node) bool {
	n = resolve(root, n)
	if n == nil || n.Kind != yaml.MappingNode {
		return false
	}
	if typ := mappingValue(n, "type"); typ != nil {
		return typ.Value == "object"
	}
	return mappingValue(n, "properties") != nil || mappingValue(n, "allOf") != nil
}
