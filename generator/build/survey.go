package build

import (
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
)

// survey looks at every schema of the document once, before anything is
// declared: it reports the schemas that are their own type (cycles no Go
// type can express), then finds what decides names and field types ahead
// of time: the discriminator properties of union variants, which are plain
// strings, the variants of every union, and the variants of the webhook
// events union, named ...Event.
func (b *builder) survey() {
	pointers := map[*openapi3.Schema]string{} // each schema at the first place it is seen
	var order []*openapi3.Schema
	b.eachSchema(func(s *openapi3.Schema, pointer string) {
		pointers[s] = pointer
		order = append(order, s)
	})
	b.identityCycles(order, pointers)
	if len(b.errs) > 0 {
		return
	}
	b.discriminators = map[variantProperty]bool{}
	b.variants = map[*openapi3.Schema]bool{}
	for _, s := range order {
		if classify(s) == shapeUnion {
			for _, v := range b.variantRefs(s) {
				if v.Value != nil {
					b.variants[objectSchema(v.Value)] = true
				}
			}
		}
		if s.Discriminator == nil || s.Discriminator.PropertyName == "" {
			continue
		}
		for _, v := range b.variantRefs(s) {
			if v.Value != nil {
				b.discriminators[variantProperty{objectSchema(v.Value), s.Discriminator.PropertyName}] = true
			}
		}
	}
	b.events = map[*openapi3.Schema]bool{}
	if body := b.webhookPayload(); body != nil {
		events := body.media.Schema.Value.Properties[webhookEventsField]
		if events != nil && events.Value != nil && events.Value.Items != nil && events.Value.Items.Value != nil {
			for _, alt := range alternatives(events.Value.Items.Value) {
				b.events[alt.Value] = true
			}
		}
	}
}

// eachSchema calls fn once for every schema of the document that the SDK
// may use: component schemas first, in key order, then those of the
// operations and webhooks. A schema reached again (by $ref or a cycle) is
// not visited again.
func (b *builder) eachSchema(fn func(s *openapi3.Schema, pointer string)) {
	seen := map[*openapi3.Schema]bool{}
	var visit func(ref *openapi3.SchemaRef, pointer string)
	visit = func(ref *openapi3.SchemaRef, pointer string) {
		if ref == nil || ref.Value == nil || seen[ref.Value] {
			return
		}
		if key, ok := componentKey(ref.Ref); ok && b.schemas()[key] != nil {
			pointer = jsonptr.Join("/components/schemas", key)
		}
		s := ref.Value
		seen[s] = true
		fn(s, pointer)
		for i, part := range s.AllOf {
			visit(part, pointer+"/allOf/"+strconv.Itoa(i))
		}
		for i, alt := range s.OneOf {
			visit(alt, pointer+"/oneOf/"+strconv.Itoa(i))
		}
		for i, alt := range s.AnyOf {
			visit(alt, pointer+"/anyOf/"+strconv.Itoa(i))
		}
		visit(s.Not, pointer+"/not")
		visit(s.Items, pointer+"/items")
		visit(s.AdditionalProperties.Schema, pointer+"/additionalProperties")
		for _, name := range sortedKeys(s.Properties) {
			visit(s.Properties[name], jsonptr.Join(pointer+"/properties", name))
		}
		if s.Discriminator != nil {
			for _, value := range sortedKeys(s.Discriminator.Mapping) {
				visit(b.mappingTarget(s.Discriminator.Mapping[value]), jsonptr.Join(pointer+"/discriminator/mapping", value))
			}
		}
	}
	for _, key := range sortedKeys(b.schemas()) {
		visit(b.schemas()[key], jsonptr.Join("/components/schemas", key))
	}
	operations := func(base string, items map[string]*openapi3.PathItem) {
		for _, path := range sortedKeys(items) {
			item := items[path]
			itemPointer := jsonptr.Join(base, path)
			for i, p := range item.Parameters {
				if p.Value != nil {
					visit(p.Value.Schema, itemPointer+"/parameters/"+strconv.Itoa(i)+"/schema")
				}
			}
			for _, method := range methodsOf(item) {
				op := item.GetOperation(method)
				opPointer := jsonptr.Join(itemPointer, strings.ToLower(method))
				for i, p := range op.Parameters {
					if p.Value != nil {
						visit(p.Value.Schema, opPointer+"/parameters/"+strconv.Itoa(i)+"/schema")
					}
				}
				if op.RequestBody != nil && op.RequestBody.Value != nil {
					for _, media := range sortedKeys(op.RequestBody.Value.Content) {
						visit(op.RequestBody.Value.Content[media].Schema, jsonptr.Join(opPointer+"/requestBody/content", media, "schema"))
					}
				}
				if op.Responses != nil {
					for _, code := range sortedKeys(op.Responses.Map()) {
						res := op.Responses.Value(code)
						if res == nil || res.Value == nil {
							continue
						}
						for _, media := range sortedKeys(res.Value.Content) {
							visit(res.Value.Content[media].Schema, jsonptr.Join(opPointer+"/responses", code, "content", media, "schema"))
						}
					}
				}
			}
		}
	}
	operations("/paths", b.doc.Paths.Map())
	operations("/x-webhooks", b.hooks)
}

// variantProperty is the discriminator property of a union variant.
type variantProperty struct {
	variant  *openapi3.Schema
	property string
}

// objectSchema is the schema whose struct s stands for: s itself, or the
// schema that s, an allOf wrapper or single alternative, is the type of.
func objectSchema(s *openapi3.Schema) *openapi3.Schema {
	for {
		switch {
		case isRefWrapper(s) && s.AllOf[0].Value != nil:
			s = s.AllOf[0].Value
		case len(alternatives(s)) == 1 && alternatives(s)[0].Value != nil:
			s = alternatives(s)[0].Value
		default:
			return s
		}
	}
}

// identityEdges are the schemas a schema is the Go type of, or merges
// whole: its allOf parts, and the single alternative of a oneOf or anyOf.
// Following them never passes through a pointer, slice or map.
func identityEdges(s *openapi3.Schema) []*openapi3.SchemaRef {
	edges := slices.Clone(s.AllOf)
	if alts := alternatives(s); len(alts) == 1 {
		edges = append(edges, alts[0])
	}
	return edges
}

// identityCycles reports every cycle of identity edges: a schema that is
// (part of) its own type has no Go form, as `type A A` does not compile.
// Cycles through properties, items or additional properties are fine and
// become recursive Go types.
func (b *builder) identityCycles(order []*openapi3.Schema, pointers map[*openapi3.Schema]string) {
	const (
		unvisited = iota
		onStack
		done
	)
	state := map[*openapi3.Schema]int{}
	var stack []*openapi3.Schema
	var visit func(s *openapi3.Schema)
	visit = func(s *openapi3.Schema) {
		state[s] = onStack
		stack = append(stack, s)
		for _, e := range identityEdges(s) {
			next := e.Value
			if next == nil {
				continue
			}
			switch state[next] {
			case unvisited:
				visit(next)
			case onStack:
				cycle := stack[slices.Index(stack, next):]
				names := make([]string, 0, len(cycle)+1)
				for _, c := range cycle {
					names = append(names, pointers[c])
				}
				b.errorf(pointers[next], "schema cycle through allOf or a single oneOf/anyOf alternative, which no Go type can express: %s → %s",
					strings.Join(names, " → "), pointers[next])
			}
		}
		stack = stack[:len(stack)-1]
		state[s] = done
	}
	for _, s := range order {
		if state[s] == unvisited {
			visit(s)
		}
	}
}
