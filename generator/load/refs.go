package load

import (
	"errors"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
)

// checkRefs returns an *Error for the first reference, in document order,
// that is not a local reference to an existing node: a $ref, or a schema
// a discriminator mapping names.
func checkRefs(root *yaml.Node) error {
	return walk(root, visitor{
		ref: func(r *yaml.Node, ptr string) error {
			return checkRef(root, r, r.Value, jsonptr.Join(ptr, "$ref"))
		},
		schema: func(s schemaNode) error {
			return checkMapping(root, s)
		},
	})
}

// checkMapping checks the schemas the discriminator mapping of s names.
// kin-openapi leaves them unresolved, and refuses an external one without
// saying where it is.
func checkMapping(root *yaml.Node, s schemaNode) error {
	mapping := mappingValue(mappingValue(s.node, "discriminator"), "mapping")
	if mapping == nil || mapping.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(mapping.Content); i += 2 {
		target := mapping.Content[i+1]
		if target.Kind != yaml.ScalarNode {
			continue // kin-openapi refuses it with its pointer
		}
		ptr := jsonptr.Join(s.ptr, "discriminator", "mapping", mapping.Content[i].Value)
		if err := checkRef(root, target, mappingTarget(target), ptr); err != nil {
			return err
		}
	}
	return nil
}

// checkRef checks the reference ref, the value of the node r at ptr.
func checkRef(root, r *yaml.Node, ref, ptr string) error {
	if ref == "" {
		return &Error{Pointer: ptr, Line: r.Line, Err: errors.New("empty reference")}
	}
	if !strings.HasPrefix(ref, "#") {
		return &Error{Pointer: ptr, Line: r.Line, Err: fmt.Errorf("external reference %s is not allowed", ref)}
	}
	frag, err := refFragment(ref)
	if err != nil {
		return &Error{Pointer: ptr, Line: r.Line, Err: fmt.Errorf("malformed reference %s: %w", ref, err)}
	}
	if lookup(root, frag) == nil {
		return &Error{Pointer: ptr, Line: r.Line, Err: fmt.Errorf("dangling reference %s", ref)}
	}
	return nil
}
