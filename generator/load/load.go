// Package load reads an OpenAPI 3.0 document, applies OpenAPI Overlays,
// normalizes away the known defects of the published Sunshine Conversations
// spec (each reported as a Warning with its JSON pointer) and returns it
// loaded, resolved and validated by kin-openapi.
//
// The document is parsed once into a yaml.Node tree (by yaml.v3, or for
// JSON by the standard library's tokenizer into the same tree); overlays
// and normalizations change that tree, which kin-openapi decodes itself,
// from JSON written straight from the nodes. Errors name the file, the
// JSON pointer and the line of the node at fault.
//
// The normalizations are generic: they are driven by the shape of the
// document, never by its version or by the names it uses.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"regexp"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"
)

// Options configures a load.
type Options struct {
	// Overlays are applied in order before normalization.
	Overlays []Overlay
}

// Result is a loaded document.
type Result struct {
	// Doc is the loaded document, references resolved, validated (examples
	// validation off).
	Doc *openapi3.T
	// Webhooks are the root `x-webhooks` entries, decoded as path items with
	// every $ref resolved against the same components (kin-openapi does not
	// load x-webhooks itself).
	Webhooks map[string]*openapi3.PathItem
	// Warnings are the overlay actions that found nothing to change, then
	// the defects normalized away, in document order.
	Warnings []Warning
	// PropertyOrder maps the JSON pointer of each properties mapping of a
	// schema (/components/schemas/message/properties) to its names in
	// document order, which Doc's maps lose.
	PropertyOrder map[string][]string

	root *yaml.Node // the normalized document
}

// NormalizedYAML returns the normalized document (after overlays and
// fixes) as YAML, loadable by any OpenAPI tool.
func (r *Result) NormalizedYAML() ([]byte, error) {
	return encode(r.root)
}

// NormalizedJSON returns the normalized document as compact JSON, the
// form the loader hands kin-openapi, for tools that read only JSON.
func (r *Result) NormalizedJSON() ([]byte, error) {
	data, _, err := toJSON(r.root, 0, math.MaxInt)
	return data, err
}

// Load reads and loads the OpenAPI document in file.
func Load(file string, opts Options) (*Result, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, &Error{File: file, Err: err}
	}
	return LoadData(file, data, opts)
}

// LoadData loads the OpenAPI document data (YAML or JSON); name is used in
// error messages. Errors are *Error values.
func LoadData(name string, data []byte, opts Options) (*Result, error) {
	res, err := loadData(name, data, opts)
	if err != nil {
		return nil, withFile(err, name)
	}
	return res, nil
}

// loadData is LoadData without naming the file in errors.
func loadData(name string, data []byte, opts Options) (*Result, error) {
	root, err := parse(name, data)
	if err != nil {
		return nil, err
	}
	var warnings []Warning
	for _, o := range opts.Overlays {
		ws, err := applyOverlay(root, o)
		if err != nil {
			return nil, err
		}
		warnings = append(warnings, ws...)
	}
	ws, err := normalize(root)
	if err != nil {
		return nil, err
	}
	warnings = append(warnings, ws...)
	if err := checkRefs(root); err != nil {
		return nil, err
	}
	doc, webhooks, err := loadKin(root, len(data))
	if err != nil {
		return nil, err
	}
	return &Result{Doc: doc, Webhooks: webhooks, Warnings: warnings, PropertyOrder: propertyOrder(root), root: root}, nil
}

// nodeError is the *Error err about the node bad of root.
func nodeError(root, bad *yaml.Node, err error) *Error {
	e := &Error{Err: err}
	if bad != nil {
		e.Pointer, _ = pointerOf(root, bad)
		e.Line = bad.Line
	}
	return e
}

// withFile names file in err when it is an *Error that names no file yet.
func withFile(err error, file string) error {
	var e *Error
	if errors.As(err, &e) {
		if e.File == "" {
			e.File = file
		}
		return err
	}
	return &Error{File: file, Err: err}
}

// syntaxLine finds the line number in a yaml.v3 error message.
var syntaxLine = regexp.MustCompile(`line (\d+)`)

// parse parses a YAML or JSON document whose root must be a mapping.
func parse(name string, data []byte) (*yaml.Node, error) {
	root, err := parseText(data)
	if err != nil {
		return nil, withFile(err, name)
	}
	if doc := root.Content[0]; doc.Kind != yaml.MappingNode {
		return nil, &Error{File: name, Line: doc.Line, Err: errors.New("the document is not a mapping")}
	}
	if repeat, first := repeatedKey(root); repeat != nil {
		ptr, _ := pointerOf(root, repeat)
		return nil, &Error{File: name, Pointer: ptr, Line: repeat.Line, Err: fmt.Errorf("key %q repeats the one on line %d", repeat.Value, first.Line)}
	}
	return root, nil
}

// parseText parses YAML or JSON into a document node. Text that starts as
// JSON does is read by readJSON; what it refuses goes to yaml.v3 (a YAML
// flow mapping starts the same way), and when yaml.v3 refuses it too,
// readJSON's error stands.
func parseText(data []byte) (*yaml.Node, error) {
	if !looksLikeJSON(data) {
		return parseYAML(data)
	}
	root, err := readJSON(data)
	if err != nil {
		if asYAML, yamlErr := parseYAML(data); yamlErr == nil {
			return asYAML, nil
		}
	}
	return root, err
}

// looksLikeJSON reports whether data starts, after white space, as a
// JSON object or array does.
func looksLikeJSON(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && (data[0] == '{' || data[0] == '[')
}

// parseYAML parses a YAML document into a tree without recursive aliases.
func parseYAML(data []byte) (*yaml.Node, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		e := &Error{Err: err}
		if m := syntaxLine.FindStringSubmatch(err.Error()); m != nil {
			e.Line, _ = strconv.Atoi(m[1])
		}
		return nil, e
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) != 1 {
		return nil, &Error{Err: errors.New("empty document")}
	}
	if alias := recursiveAlias(&root); alias != nil {
		ptr, _ := pointerOf(&root, alias)
		return nil, &Error{Pointer: ptr, Line: alias.Line, Err: fmt.Errorf("alias *%s is inside the node it refers to", alias.Value)}
	}
	return &root, nil
}

// recursiveAlias returns an alias inside the node it refers to, or nil.
// yaml.v3 parses such a document into nodes without complaint, and every
// walk that follows aliases would then loop forever.
func recursiveAlias(root *yaml.Node) *yaml.Node {
	if !hasAlias(root) {
		return nil // a tree: nothing to follow
	}
	const (
		open = iota + 1
		done
	)
	state := map[*yaml.Node]int{}
	var visit func(n *yaml.Node) *yaml.Node
	visit = func(n *yaml.Node) *yaml.Node {
		switch state[n] {
		case open:
			return n
		case done:
			return nil
		}
		state[n] = open
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			if found := visit(n.Alias); found != nil {
				if found.Kind != yaml.AliasNode {
					found = n
				}
				return found
			}
		}
		for _, c := range n.Content {
			if found := visit(c); found != nil {
				return found
			}
		}
		state[n] = done
		return nil
	}
	return visit(root)
}

// repeatedKey returns the first key below n, in document order, that
// repeats an earlier key of its mapping (merge keys aside), and that
// earlier key. yaml.v3 reads such a mapping without complaint, and
// kin-openapi would take the last value where the loader's walks take the
// first.
func repeatedKey(n *yaml.Node) (repeat, first *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		keys := make(map[string]*yaml.Node, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Kind == yaml.ScalarNode && !isMergeKey(k) {
				if first := keys[k.Value]; first != nil {
					return k, first
				}
				keys[k.Value] = k
			}
		}
	}
	for _, c := range n.Content {
		if repeat, first = repeatedKey(c); repeat != nil {
			return repeat, first
		}
	}
	return nil, nil
}

// hasAlias reports whether the tree below n holds an alias.
func hasAlias(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode {
		return true
	}
	for _, c := range n.Content {
		if hasAlias(c) {
			return true
		}
	}
	return false
}

// encode writes root as YAML.
func encode(root *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
