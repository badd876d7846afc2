package load

import (
	"fmt"

	"github.com/speakeasy-api/openapi-overlay/pkg/overlay"
	"gopkg.in/yaml.v3"
)

// applyOverlay applies the OpenAPI Overlay 1.0 document data to root, action
// by action. Targets are RFC 9535 JSONPath expressions, and a target that
// matches nothing is an error: an overlay that silently does nothing would
// hide a changed spec.
func applyOverlay(root *yaml.Node, name string, data []byte) error {
	ovRoot, err := parse(name, data)
	if err != nil {
		return err
	}
	var ov overlay.Overlay
	if err := ovRoot.Decode(&ov); err != nil {
		return &Error{File: name, Err: fmt.Errorf("not an overlay: %w", err)}
	}
	if err := ov.Validate(); err != nil {
		return &Error{File: name, Err: err}
	}
	ov.JSONPathVersion = "rfc9535"
	for i, action := range ov.Actions {
		if err := applyAction(root, ov, action); err != nil {
			ptr := child(index("/actions", i), "target")
			return &Error{File: name, Pointer: ptr, Line: lineOf(ovRoot, ptr), Err: err}
		}
	}
	return nil
}

// applyAction applies one action of ov to root.
func applyAction(root *yaml.Node, ov overlay.Overlay, action overlay.Action) error {
	path, err := ov.NewPath(action.Target, nil)
	if err != nil {
		return fmt.Errorf("invalid target %q: %w", action.Target, err)
	}
	if len(path.Query(root)) == 0 {
		return fmt.Errorf("target %q matches nothing", action.Target)
	}
	ov.Actions = []overlay.Action{action}
	if err := ov.ApplyTo(root); err != nil {
		return fmt.Errorf("target %q: %w", action.Target, err)
	}
	return nil
}

// lineOf returns the line of the node at ptr in root, or 0.
func lineOf(root *yaml.Node, ptr string) int {
	if n := lookup(root, ptr); n != nil {
		return n.Line
	}
	return 0
}
