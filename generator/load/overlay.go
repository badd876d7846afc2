package load

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/speakeasy-api/openapi-overlay/pkg/overlay"
	"gopkg.in/yaml.v3"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
)

// Overlay is an OpenAPI Overlay 1.0 document to apply to the spec before
// it is normalized.
type Overlay struct {
	Name string // names the overlay in warnings and errors
	Data []byte // the document, YAML or JSON
}

// appliesTo is the overlay extension that says which documents it is
// written for: a JSONPath query that finds something in those documents
// and in no other. An overlay with it applies to a document as a whole or
// not at all; the generator's own overlay has it, so that it never
// touches another API.
const appliesTo = "x-applies-to"

// applyOverlay applies the overlay o to root, action by action, in place.
// Targets are RFC 9535 JSONPath expressions. A target that matches nothing
// is a Warning, not an error: an overlay written for the current spec
// still applies to older versions that lack some of its targets, and the
// warning keeps a changed spec from going unnoticed. An overlay whose
// x-applies-to query finds nothing in the document is not applied at all:
// one Warning, about the overlay as a whole (no pointer), says so.
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
	switch w, err := misfit(&ov, ovRoot, root, o.Name); {
	case err != nil:
		return nil, err
	case w != nil:
		return []Warning{*w}, nil
	}
	var warnings []Warning
	for i, action := range ov.Actions {
		ptr := jsonptr.Join(jsonptr.Index("/actions", i), "target")
		fail := func(err error) error {
			return &Error{File: o.Name, Pointer: ptr, Line: lineOf(ovRoot, ptr), Err: err}
		}
		path, err := ov.NewPath(action.Target, nil)
		if err != nil {
			return nil, fail(fmt.Errorf("invalid target %q: %w", action.Target, err))
		}
		targets := path.Query(root)
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

// misfit is the warning that the overlay ov, parsed from ovRoot, is not
// written for the document root: its x-applies-to query finds nothing in
// it. Nil when the query finds something, or when ov has none.
func misfit(ov *overlay.Overlay, ovRoot, root *yaml.Node, name string) (*Warning, error) {
	q, ok := ov.Extensions[appliesTo]
	if !ok {
		return nil, nil
	}
	ptr := "/" + appliesTo
	query, ok := q.(string)
	if !ok {
		return nil, &Error{File: name, Pointer: ptr, Line: lineOf(ovRoot, ptr), Err: fmt.Errorf("%s is not a JSONPath query", appliesTo)}
	}
	path, err := ov.NewPath(query, nil)
	if err != nil {
		return nil, &Error{File: name, Pointer: ptr, Line: lineOf(ovRoot, ptr), Err: fmt.Errorf("invalid query %q: %w", query, err)}
	}
	if len(path.Query(root)) > 0 {
		return nil, nil
	}
	title := "untitled"
	if t := scalarValue(lookup(root, "/info/title")); t != "" {
		title = strconv.Quote(t)
	}
	return &Warning{File: name, Message: fmt.Sprintf("not applied: written for the documents in which %s finds something, and this one (%s) is another API", query, title)}, nil
}

// update merges the overlay value u into the target node n, as Overlay 1.0
// specifies: a mapping merges into a mapping key by key (recursively), a
// sequence is appended to a sequence, and anything else replaces n.
func update(n, u *yaml.Node) {
	u = unalias(u)
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
	n = unalias(n)
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
