package load

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
)

// checkRefs returns an *Error for the first $ref, in document order, that is
// not a local reference to an existing node.
func checkRefs(root *yaml.Node) error {
	return walk(root, visitor{ref: func(r *yaml.Node, ptr string) error {
		return checkRef(root, r, jsonptr.Join(ptr, "$ref"))
	}})
}

// checkRef checks the $ref value r found at ptr.
func checkRef(root, r *yaml.Node, ptr string) error {
	ref := r.Value
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
