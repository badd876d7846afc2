package load

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"
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

// loadKin decodes the JSON form of the normalized document root with
// kin-openapi, resolves its references and validates it.
func loadKin(root *yaml.Node, data []byte) (*openapi3.Loader, *openapi3.T, error) {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = false
	doc := &openapi3.T{}
	if err := json.Unmarshal(data, doc); err != nil {
		return nil, nil, decodeError(lookup(root, ""), "", reflect.TypeFor[openapi3.T](), err)
	}
	if err := loader.ResolveRefsIn(doc, nil); err != nil {
		return nil, nil, &Error{Err: briefError{err}}
	}
	if err := doc.Validate(loader.Context, validationOptions()...); err != nil {
		return nil, nil, validationError(root, "", err)
	}
	return loader, doc, nil
}

// loadWebhooks decodes the x-webhooks entries of root as path items,
// resolves their references against doc's components (so that resolved
// schemas are the very values of doc.Components) and validates them.
func loadWebhooks(loader *openapi3.Loader, root *yaml.Node, doc *openapi3.T) (map[string]*openapi3.PathItem, error) {
	n := mappingValue(lookup(root, ""), webhooksKey)
	if n == nil {
		return nil, nil
	}
	ptr := child("", webhooksKey)
	data, bad, err := toJSON(n, 0, jsonLimit(0))
	if err != nil {
		return nil, nodeError(root, bad, err)
	}
	var webhooks map[string]*openapi3.PathItem
	if err := json.Unmarshal(data, &webhooks); err != nil {
		return nil, decodeError(n, ptr, reflect.TypeOf(webhooks), err)
	}
	scope := &openapi3.T{
		OpenAPI:    doc.OpenAPI,
		Info:       doc.Info,
		Components: doc.Components,
		Paths:      openapi3.NewPaths(),
		Webhooks:   webhooks,
	}
	if err := loader.ResolveRefsIn(scope, nil); err != nil {
		return nil, &Error{Pointer: ptr, Line: n.Line, Err: briefError{err}}
	}
	return webhooks, validateWebhooks(loader.Context, root, webhooks)
}

// validateWebhooks validates each webhook path item, in name order.
func validateWebhooks(ctx context.Context, root *yaml.Node, webhooks map[string]*openapi3.PathItem) error {
	for _, name := range slices.Sorted(maps.Keys(webhooks)) {
		ptr := child(child("", webhooksKey), name)
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
			ptr = child(ptr, sectionKey(e.Section))
		case *openapi3.PathValidationError:
			ptr = child(ptr, e.Path)
		case *openapi3.OperationValidationError:
			ptr = child(ptr, strings.ToLower(e.Method))
		case *openapi3.WebhookValidationError:
			ptr = child(ptr, e.Name)
		case *openapi3.ComponentValidationError:
			ptr = child(child(ptr, componentKey(e.Section)), e.Name)
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
