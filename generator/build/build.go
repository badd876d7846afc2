// Package build turns a loaded OpenAPI document into the IR: it decides
// every Go name and type, so emitters only have to print them.
package build

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// Input is a loaded document.
type Input struct {
	Doc      *openapi3.T
	Webhooks map[string]*openapi3.PathItem // the document's x-webhooks
	// Reserved are the package-level names the runtime and the emitter
	// declare themselves (Client, Nullable, ...); types avoid them.
	Reserved []string
	// Locals are the identifiers an operation's method declares itself;
	// its path parameters avoid them.
	Locals []string
}

// Error is a construct the generator cannot turn into Go, with the JSON
// pointer of where it is.
type Error struct {
	Pointer string
	Msg     string
}

func (e *Error) Error() string { return e.Pointer + ": " + e.Msg }

// Build makes the IR of doc for a Go package named pkg.
func Build(in Input, pkg string) (api *ir.API, err error) {
	b := &builder{
		doc:        in.Doc,
		names:      namespace{},
		components: map[string]ir.Decl{},
		locals:     namespace{},
		paramTypes: map[string]ir.Type{},
	}
	for _, name := range in.Reserved {
		b.names[name] = true
	}
	for _, name := range in.Locals {
		b.locals[name] = true
	}
	// Unsupported constructs are reported from deep inside the walk; a
	// panic with *Error unwinds to here, so helpers stay free of plumbing.
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*Error)
			if !ok {
				panic(r)
			}
			api, err = nil, e
		}
	}()
	api = &ir.API{
		Package:        pkg,
		Title:          in.Doc.Info.Title,
		SpecVersion:    in.Doc.Info.Version,
		DefaultBaseURL: defaultBaseURL(in.Doc),
	}
	b.declareServices()
	b.declareComponents()
	b.fillComponents()
	b.schemaExamples()
	api.Webhook = b.webhook(in.Webhooks)
	api.Services = b.services()
	b.finishUnions()
	api.Examples = b.examples
	sort.Slice(b.decls, func(i, j int) bool { return b.decls[i].DeclName() < b.decls[j].DeclName() })
	api.Decls = b.decls
	return api, nil
}

type builder struct {
	doc        *openapi3.T
	names      namespace          // package-level names
	locals     namespace          // names a method declares itself
	components map[string]ir.Decl // by schema key
	byTag      map[string]*ir.Service
	paramTypes map[string]ir.Type // types of component parameters, by $ref
	decls      []ir.Decl
	unions     []*unionPlan
	examples   []*ir.Example
}

func fail(pointer, format string, args ...any) {
	panic(&Error{Pointer: pointer, Msg: fmt.Sprintf(format, args...)})
}

// defaultBaseURL is the first server whose URL needs no variables.
func defaultBaseURL(doc *openapi3.T) string {
	for _, s := range doc.Servers {
		if !strings.Contains(s.URL, "{") {
			return strings.TrimSuffix(s.URL, "/")
		}
	}
	return ""
}

const schemasPrefix = "#/components/schemas/"

func componentKey(ref string) (string, bool) {
	return strings.CutPrefix(ref, schemasPrefix)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// pointerJoin appends reference tokens to a JSON pointer, escaping them.
func pointerJoin(base string, tokens ...string) string {
	var b strings.Builder
	b.WriteString(base)
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(t))
	}
	return b.String()
}
