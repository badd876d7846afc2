package load

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
	"github.com/sunco-sdk/sunco-go/generator/internal/parallel"
)

// webhooksKey is the root extension that holds the webhooks of an OpenAPI
// 3.0 document (3.1 has a `webhooks` field instead).
const webhooksKey = "x-webhooks"

// validationOptions are the checks a loaded document must pass. Examples are
// not checked: the published spec has many that do not match their schemas,
// and the generator does not use them.
func validationOptions() []openapi3.ValidationOption {
	return []openapi3.ValidationOption{openapi3.DisableExamplesValidation()}
}

// loadKin decodes the normalized document root and its x-webhooks with
// kin-openapi, from root's JSON, resolves their references and validates
// them, as openapi3.Loader.LoadFromData does, with the errors located in
// root; size is the length of the document's source.
func loadKin(root *yaml.Node, size int) (*openapi3.T, map[string]*openapi3.PathItem, error) {
	doc, err := decodeDocument(root, size)
	if err != nil {
		return nil, nil, err
	}
	webhooks, err := decodeWebhooks(root)
	if err != nil {
		return nil, nil, err
	}
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = false
	// The webhooks are resolved with the document, against the very same
	// components, as kin-openapi resolves a 3.1 document's webhooks; a 3.0
	// document must not have them when it is validated.
	doc.Webhooks = webhooks
	err = loader.ResolveRefsIn(doc, nil)
	doc.Webhooks = nil
	if err != nil {
		return nil, nil, resolveError(root, err)
	}
	if err := doc.Validate(loader.Context, validationOptions()...); err != nil {
		e := validationError(root, "", err)
		var component *openapi3.ComponentValidationError
		if errors.As(err, &component) && component.Section == "schema" && doc.Components != nil {
			if s := doc.Components.Schemas[component.Name]; s != nil && s.Value != nil {
				narrowSchemaError(loader.Context, root, e, s.Value)
			}
		}
		return nil, nil, e
	}
	if err := validateWebhooks(loader.Context, root, webhooks); err != nil {
		return nil, nil, err
	}
	return doc, webhooks, nil
}

// decodeDocument decodes the document root with kin-openapi, its
// components, most of a document, on a core of their own beside the rest:
// it halves the longest step of a run.
func decodeDocument(root *yaml.Node, size int) (*openapi3.T, error) {
	doc, top := &openapi3.T{}, lookup(root, "")
	components := mappingValue(top, "components")
	if components == nil || components.Kind != yaml.MappingNode {
		return doc, decodeJSON(root, top, "", size, doc)
	}
	rest, comps := *top, &openapi3.Components{}
	rest.Content = slices.Clone(top.Content)
	removeKey(&rest, "components")
	err := parallel.Do(2, func(i int) error {
		if i == 0 {
			return decodeJSON(root, components, "/components", size, comps)
		}
		return decodeJSON(root, &rest, "", size, doc)
	})
	doc.Components = comps
	return doc, err
}

// decodeWebhooks decodes the x-webhooks entries of root as path items.
func decodeWebhooks(root *yaml.Node) (map[string]*openapi3.PathItem, error) {
	n := mappingValue(lookup(root, ""), webhooksKey)
	if n == nil {
		return nil, nil
	}
	var webhooks map[string]*openapi3.PathItem
	return webhooks, decodeJSON(root, n, jsonptr.Join("", webhooksKey), 0, &webhooks)
}

// decodeJSON fills *v from n, at ptr in the document root, by kin-openapi's
// decoding of n's JSON; size is the length of the source n comes from,
// which its JSON is likely to need.
func decodeJSON[T any](root, n *yaml.Node, ptr string, size int, v *T) error {
	data, bad, err := toJSON(n, size, jsonLimit(size))
	if err != nil {
		return nodeError(root, bad, err)
	}
	if err := unmarshal(data, v); err != nil {
		return decodeError(n, ptr, reflect.TypeFor[T](), err)
	}
	return nil
}

// unmarshal decodes data into v, through v's own UnmarshalJSON when it has
// one: data is valid JSON (toJSON wrote it), and json.Unmarshal would scan
// all of it twice before the call, to check it and to find its end.
func unmarshal(data []byte, v any) error {
	if u, ok := v.(json.Unmarshaler); ok {
		return u.UnmarshalJSON(data)
	}
	return json.Unmarshal(data, v)
}

// validateWebhooks validates each webhook path item, in name order.
func validateWebhooks(ctx context.Context, root *yaml.Node, webhooks map[string]*openapi3.PathItem) error {
	for _, name := range slices.Sorted(maps.Keys(webhooks)) {
		ptr := jsonptr.Join("", webhooksKey, name)
		item := webhooks[name]
		if item == nil {
			return &Error{Pointer: ptr, Line: lineOf(root, ptr), Err: errors.New("webhook is null")}
		}
		if err := item.Validate(ctx, validationOptions()...); err != nil {
			return validationError(root, ptr, err)
		}
	}
	return nil
}

// validationError is the *Error for kin-openapi's validation error err
// found under base: its pointer as deep as err's context says, the line of
// that node, and kin-openapi's message cut short.
func validationError(root *yaml.Node, base string, err error) *Error {
	ptr := validationPointer(base, err)
	return &Error{Pointer: ptr, Line: lineOf(root, ptr), Err: briefError{err}}
}

// quotedRef finds the reference a kin-openapi resolution error is about.
var quotedRef = regexp.MustCompile(`"(#[^"]*)"`)

// resolveError is the *Error for kin-openapi's failure to resolve a
// reference: its messages name the reference, not where it is used, so the
// pointer is that of the first use of the reference in the document.
func resolveError(root *yaml.Node, err error) *Error {
	e := &Error{Err: briefError{err}}
	m := quotedRef.FindStringSubmatch(err.Error())
	if m == nil {
		return e
	}
	_ = walk(root, visitor{ref: func(r *yaml.Node, ptr string) error {
		if e.Pointer == "" && r.Value == m[1] {
			e.Pointer, e.Line = ptr, r.Line
		}
		return nil
	}})
	return e
}

// narrowSchemaError moves e, a validation error of the schema s at
// e.Pointer, down to the deepest subschema of s declared inline that fails
// validation on its own, and takes that subschema's error.
func narrowSchemaError(ctx context.Context, root *yaml.Node, e *Error, s *openapi3.Schema) {
	for {
		sub, ptr, err := failingSubschema(ctx, s, e.Pointer)
		if sub == nil {
			return
		}
		s, e.Pointer, e.Line, e.Err = sub, ptr, lineOf(root, ptr), briefError{err}
	}
}

// failingSubschema returns the first subschema of s (at ptr) declared
// inline, with its pointer, that fails validation on its own.
func failingSubschema(ctx context.Context, s *openapi3.Schema, ptr string) (*openapi3.Schema, string, error) {
	type sub struct {
		ref *openapi3.SchemaRef
		ptr string
	}
	var subs []sub
	for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
		subs = append(subs, sub{s.Properties[name], jsonptr.Join(ptr, "properties", name)})
	}
	subs = append(subs, sub{s.Items, jsonptr.Join(ptr, "items")},
		sub{s.AdditionalProperties.Schema, jsonptr.Join(ptr, "additionalProperties")},
		sub{s.Not, jsonptr.Join(ptr, "not")})
	for _, list := range []struct {
		key  string
		refs openapi3.SchemaRefs
	}{{"allOf", s.AllOf}, {"oneOf", s.OneOf}, {"anyOf", s.AnyOf}} {
		for i, ref := range list.refs {
			subs = append(subs, sub{ref, jsonptr.Index(jsonptr.Join(ptr, list.key), i)})
		}
	}
	for _, c := range subs {
		if c.ref == nil || c.ref.Ref != "" || c.ref.Value == nil {
			continue
		}
		if err := c.ref.Value.Validate(ctx, validationOptions()...); err != nil {
			return c.ref.Value, c.ptr, err
		}
	}
	return nil, "", nil
}

// componentKeys maps kin-openapi's component labels to Components fields.
var componentKeys = map[string]string{
	"schema":          "schemas",
	"parameter":       "parameters",
	"request body":    "requestBodies",
	"response":        "responses",
	"header":          "headers",
	"security scheme": "securitySchemes",
	"example":         "examples",
	"link":            "links",
	"callback":        "callbacks",
}

// validationPointer derives, as far as kin-openapi's typed context errors
// tell, the JSON pointer of a validation error found under base.
func validationPointer(base string, err error) string {
	ptr := base
	for ; err != nil; err = errors.Unwrap(err) {
		switch e := err.(type) {
		case *openapi3.SectionValidationError:
			ptr = jsonptr.Join(ptr, sectionKey(e.Section))
		case *openapi3.PathValidationError:
			ptr = jsonptr.Join(ptr, e.Path)
		case *openapi3.OperationValidationError:
			ptr = jsonptr.Join(ptr, strings.ToLower(e.Method))
		case *openapi3.WebhookValidationError:
			ptr = jsonptr.Join(ptr, e.Name)
		case *openapi3.ComponentValidationError:
			ptr = jsonptr.Join(ptr, componentKey(e.Section), e.Name)
		case *openapi3.PathParametersError:
			if !strings.HasSuffix(ptr, "/"+strings.ToLower(e.Method)) {
				ptr = jsonptr.Join(ptr, e.Path, strings.ToLower(e.Method))
			}
		}
	}
	return ptr
}

// componentKey returns the Components field of a kin-openapi component label.
func componentKey(label string) string {
	if key, ok := componentKeys[label]; ok {
		return key
	}
	return label
}

// sectionKey returns the document key of a kin-openapi section label.
func sectionKey(section string) string {
	if section == "external docs" {
		return "externalDocs"
	}
	return section
}
