package load

import (
	"errors"
	"fmt"

	"github.com/speakeasy-api/openapi-overlay/pkg/overlay"
	"gopkg.in/yaml.v3"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
)

// Overlay is an OpenAPI Overlay 1.0 document to apply to the spec before
// it is normalized.
type Overlay struct {
	Name string // names the overlay in warnings and errors
	Data []byte // the document, YAML or JSON
	// Builtin marks the generator's own overlay, written for one API: a
	// document in which none of its targets but the document itself ($)
	// match is another API, and the overlay is skipped without warnings.
	Builtin bool
}

// applyOverlay applies the overlay o to root, action by action, in place.
// Targets are RFC 9535 JSONPath expressions. A target that matches nothing
// is a Warning, not an error: an overlay written for the current spec
// still applies to older versions that lack some of its targets, and the
// warning keeps a changed spec from going unnoticed.
//
// openapi-overlay parses and validates the overlay and evaluates its
// JSONPath; the actions themselves are applied here, without its ApplyTo,
// which marshals the whole document to YAML around every update.
func applyOverlay(root *yaml.Node, o Overlay) ([]Warning, error) {
	if o.Name == "" {
		o.Name = "overlay"
	}
	ovRoot, err := parse(o.Name, o.Data)
	if err != nil {
		return nil, err
	}
	var ov overlay.Overlay
	if err := ovRoot.Decode(&ov); err != nil {
		return nil, &Error{File: o.Name, Err: fmt.Errorf("not an overlay: %w", err)}
	}
	if err := ov.Validate(); err != nil {
		return nil, &Error{File: o.Name, Err: err}
	}
	ov.JSONPathVersion = "rfc9535"
	paths := make([]overlay.Queryable, len(ov.Actions))
	for i, action := range ov.Actions {
		if paths[i], err = ov.NewPath(action.Target, nil); err != nil {
			ptr := jsonptr.Join(jsonptr.Index("/actions", i), "target")
			return nil, &Error{File: o.Name, Pointer: ptr, Line: lineOf(ovRoot, ptr), Err: fmt.Errorf("invalid target %q: %w", action.Target, err)}
		}
	}
	if o.Builtin && !writtenFor(paths, root) {
		return nil, nil
	}
	var warnings []Warning
	for i, action := range ov.Actions {
		ptr := jsonptr.Join(jsonptr.Index("/actions", i), "target")
		fail := func(err error) error {
			return &Error{File: o.Name, Pointer: ptr, Line: lineOf(ovRoot, ptr), Err: err}
		}
		targets := paths[i].Query(root)
		switch {
		case len(targets) == 0:
			warnings = append(warnings, Warning{File: o.Name, Pointer: ptr,
				Message: fmt.Sprintf("target %s matches nothing in this document; action skipped", action.Target)})
		case action.Remove:
			if err := removeNodes(root, targets); err != nil {
				return nil, fail(err)
			}
		case !action.Update.IsZero():
			for _, n := range targets {
				update(n, &action.Update)
			}
		}
	}
	return warnings, nil
}

// writtenFor reports whether some of paths, the targets of an overlay,
// match a node of the document root other than the document itself.
func writtenFor(paths []overlay.Queryable, root *yaml.Node) bool {
	doc := lookup(root, "")
	for _, p := range paths {
		for _, n := range p.Query(root) {
			if n != doc && n != root {
				return true
			}
		}
	}
	return false
}

// update merges the overlay value u into the target node n, as Overlay 1.0
// specifies: a mapping merges into a mapping key by key (recursively), a
// sequence is appended to a sequence, and anything else replaces n.
func update(n, u *yaml.Node) {
	for u.Kind == yaml.AliasNode {
		u = u.Alias
	}
	if n.Kind == yaml.AliasNode {
		// Copy on write: the anchored node is shared with other places.
		*n = *clone(n)
	}
	switch {
	case n.Kind == yaml.MappingNode && u.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(u.Content); i += 2 {
			key, val := u.Content[i], u.Content[i+1]
			if old := mappingValue(n, key.Value); old != nil {
				update(old, val)
			} else {
				n.Content = append(n.Content, clone(key), clone(val))
			}
		}
	case n.Kind == yaml.SequenceNode && u.Kind == yaml.SequenceNode:
		for _, item := range u.Content {
			n.Content = append(n.Content, clone(item))
		}
	default:
		*n = *clone(u)
	}
}

// clone returns a deep copy of n with aliases expanded, anchors and
// comments dropped, and no position: a line number of the overlay must not
// pass for one of the spec.
func clone(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	c := &yaml.Node{Kind: n.Kind, Style: n.Style, Tag: n.Tag, Value: n.Value}
	if n.Content != nil {
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, item := range n.Content {
			c.Content[i] = clone(item)
		}
	}
	return c
}

// removeNodes removes each target from the mapping or sequence that holds
// it (a mapping entry goes whole, whether its key or its value is the
// target).
func removeNodes(root *yaml.Node, targets []*yaml.Node) error {
	doomed := make(map[*yaml.Node]bool, len(targets))
	for _, t := range targets {
		if t == root || t == lookup(root, "") {
			return errors.New("cannot remove the whole document")
		}
		doomed[t] = true
	}
	prune(root, doomed)
	return nil
}

// prune removes the doomed nodes below n.
func prune(n *yaml.Node, doomed map[*yaml.Node]bool) {
	kept := n.Content[:0]
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if !doomed[n.Content[i]] && !doomed[n.Content[i+1]] {
				kept = append(kept, n.Content[i], n.Content[i+1])
			}
		}
	default:
		for _, item := range n.Content {
			if !doomed[item] {
				kept = append(kept, item)
			}
		}
	}
	n.Content = kept
	for _, item := range n.Content {
		prune(item, doomed)
	}
}

// lineOf returns the line of the node at ptr in root, or 0.
func lineOf(root *yaml.Node, ptr string) int {
	if n := lookup(root, ptr); n != nil {
		return n.Line
	}
	return 0
}
