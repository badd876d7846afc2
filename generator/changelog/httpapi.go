package changelog

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oasdiff/oasdiff/checker"
	"github.com/oasdiff/oasdiff/diff"
	oasload "github.com/oasdiff/oasdiff/load"

	"github.com/sunco-sdk/sunco-go/generator"
)

// The prefixes of the paths under which HTTPChanges puts, for oasdiff,
// which compares paths only, a webhook of x-webhooks and a variant of a
// discriminator mapping.
const (
	webhookPath = "/x-webhooks/"
	variantPath = "/components/schemas/"
)

// HTTPChanges compares the documents two runs loaded with oasdiff's
// checks: breaking changes first, then possibly breaking ones (oasdiff's
// warnings), then the rest. The webhooks of x-webhooks are compared too,
// each as an operation whose response is the payload the API sends (so
// that what the receiver decodes is judged as a response is), and so is
// each variant of a discriminator mapping that no oneOf or anyOf lists
// (which oasdiff does not follow), as the response of an operation of
// its own. Left out is what cannot affect a Go caller: an operationId
// whose case changed, a media type added, oasdiff's notes on the
// document's version; and an enum value or a variant added to a
// response, which a Go enum or union accepts (BehaviourChanges tells
// what that changes).
func HTTPChanges(old, new *generator.Result) ([]Change, error) {
	oldDoc, newDoc := comparable(old.Doc, old.Webhooks), comparable(new.Doc, new.Webhooks)
	d, sources, err := diff.GetWithOperationsSourcesMap(diff.NewConfig(),
		&oasload.SpecInfo{Spec: oldDoc, Version: old.Doc.Info.Version},
		&oasload.SpecInfo{Spec: newDoc, Version: new.Doc.Info.Version})
	if err != nil {
		return nil, err
	}
	found := checker.CheckBackwardCompatibilityUntilLevel(checker.NewConfig(checker.GetAllChecks()), d, sources, checker.INFO)
	localize := checker.NewDefaultLocalizer()
	changes := make([]Change, 0, len(found))
	for _, c := range found {
		if irrelevant(c) {
			continue
		}
		subject := c.GetSection()
		text := c.GetUncolorizedText(localize)
		switch path := c.GetPath(); {
		case strings.HasPrefix(path, webhookPath):
			subject = "x-webhooks " + strings.TrimPrefix(path, webhookPath)
			text = ofItsOwn(c, text, "the payload")
		case strings.HasPrefix(path, variantPath):
			subject = strings.TrimPrefix(path, "/")
			text = ofItsOwn(c, text, "the schema")
		case path != "":
			subject = c.GetOperation() + " " + path
		}
		changes = append(changes, Change{Subject: subject, Text: text, Severity: severityOf(c.GetLevel())})
	}
	sortChanges(changes)
	return changes, nil
}

// irrelevant reports a change that cannot affect a Go caller, or that
// BehaviourChanges tells as what it changes for one (an enum value, a
// variant added to a response: Go enums and unions accept them), or the
// base's discriminator mapping that each made-up path of its variants
// repeats.
func irrelevant(c checker.Change) bool {
	if strings.HasPrefix(c.GetPath(), variantPath) && strings.Contains(c.GetId(), "discriminator") {
		return true
	}
	switch c.GetId() {
	case checker.APIOperationIdRemovedId:
		args := c.GetArgs()
		if len(args) == 2 {
			was, _ := args[0].(string)
			is, _ := args[1].(string)
			return strings.EqualFold(was, is)
		}
	case checker.ResponseMediaTypeAddedId, checker.RequestBodyMediaTypeAddedId,
		checker.APIVersionNotBumpedId, checker.APIVersionDecreasedId, checker.APIMajorVersionNotBumpedId,
		checker.ResponsePropertyEnumValueAddedId, checker.ResponseWriteOnlyPropertyEnumValueAddedId, checker.ResponseMediaTypeEnumValueAddedId,
		checker.ResponseBodyAnyOfAddedId, checker.ResponsePropertyAnyOfAddedId, checker.ResponseBodyOneOfAddedId, checker.ResponsePropertyOneOfAddedId,
		checker.ResponseBodyDiscriminatorMappingAddedId, checker.ResponsePropertyDiscriminatorMappingAddedId:
		return true
	}
	return false
}

// ofItsOwn rewrites text, what oasdiff says of c, a change of an
// operation HTTPChanges made up, as a change of what it stands for, what.
func ofItsOwn(c checker.Change, text, what string) string {
	switch c.GetId() {
	case checker.EndpointAddedId:
		return "added"
	case checker.APIPathRemovedWithoutDeprecationId, checker.APIPathRemovedWithDeprecationId, checker.APIPathRemovedBeforeSunsetId,
		checker.APIRemovedWithoutDeprecationId, checker.APIRemovedWithDeprecationId, checker.APIRemovedBeforeSunsetId:
		return "removed"
	}
	text = strings.ReplaceAll(text, "the response with the `200` status", what)
	text = strings.ReplaceAll(text, "for the response status `200`", "of "+what)
	return strings.ReplaceAll(text, "for the status `200`", "in "+what)
}

// comparable is doc as oasdiff is to compare it: with a path for each of
// its webhooks, whose operations answer with the payload they are sent
// (the API sends the payload, and the receiver decodes it as a client
// decodes a response), and a path for each variant of a discriminator
// mapping that no oneOf or anyOf lists, answering with the variant. doc
// itself is left as it is.
func comparable(doc *openapi3.T, webhooks map[string]*openapi3.PathItem) *openapi3.T {
	copied := *doc
	copied.Paths = openapi3.NewPaths()
	if doc.Paths != nil {
		for path, item := range doc.Paths.Map() {
			copied.Paths.Set(path, item)
		}
	}
	for name, item := range webhooks {
		answered := &openapi3.PathItem{}
		for method, op := range item.Operations() {
			if op.RequestBody == nil || op.RequestBody.Value == nil {
				continue
			}
			o := *op
			o.RequestBody = nil
			o.Responses = answer(op.RequestBody.Value.Description, op.RequestBody.Value.Content)
			answered.SetOperation(method, &o)
		}
		copied.Paths.Set(webhookPath+name, answered)
	}
	for _, key := range mappedVariants(doc) {
		ref := &openapi3.SchemaRef{Ref: "#/components/schemas/" + key, Value: doc.Components.Schemas[key].Value}
		copied.Paths.Set(variantPath+key, &openapi3.PathItem{Get: &openapi3.Operation{
			Responses: answer("the variant", openapi3.NewContentWithJSONSchemaRef(ref)),
		}})
	}
	return &copied
}

// answer is the responses of an operation HTTPChanges made up: content,
// with status 200.
func answer(description string, content openapi3.Content) *openapi3.Responses {
	return openapi3.NewResponses(openapi3.WithStatus(200, &openapi3.ResponseRef{Value: &openapi3.Response{
		Description: &description,
		Content:     content,
	}}))
}

// mappedVariants are the keys of the component schemas that a
// discriminator mapping names and no oneOf or anyOf lists beside it,
// sorted.
func mappedVariants(doc *openapi3.T) []string {
	if doc.Components == nil {
		return nil
	}
	var keys []string
	for _, ref := range doc.Components.Schemas {
		s := ref.Value
		if s == nil || s.Discriminator == nil || len(s.OneOf) > 0 || len(s.AnyOf) > 0 {
			continue
		}
		for _, m := range s.Discriminator.Mapping {
			if key, ok := strings.CutPrefix(m.Ref, "#/components/schemas/"); ok && doc.Components.Schemas[key] != nil && !slices.Contains(keys, key) {
				keys = append(keys, key)
			}
		}
	}
	slices.Sort(keys)
	return keys
}

func severityOf(l checker.Level) Severity {
	switch l {
	case checker.ERR:
		return Breaking
	case checker.WARN:
		return Warning
	}
	return Compatible
}
