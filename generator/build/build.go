// Package build turns a loaded OpenAPI document into the IR: it decides
// every Go name and type, so emitters only have to print them.
package build

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/sunco-sdk/sunco-go/generator/docs"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// Input is a loaded document and the names the runtime declares, which
// the names taken from the document must avoid, as must those of
// ir.PackageNames, ir.StructMethods and ir.MethodLocals.
type Input struct {
	Doc      *openapi3.T
	Webhooks map[string]*openapi3.PathItem // the document's x-webhooks
	// Order lists the properties of each schema in document order, by the
	// JSON pointer of its properties mapping; where it says nothing they
	// are sorted by name.
	Order map[string][]string
	// Reserved are the package-level names the runtime declares
	// (Nullable, Ptr, ...).
	Reserved []string
	// FakeReserved are the package-level names the fake's runtime
	// declares (Request, Option, ...), which the fake's names avoid, as
	// they avoid ir.FakePackageNames.
	FakeReserved []string
	// ImportPath is the import path of the generated package: where it is
	// written, not the document, says it; "" when unknown.
	ImportPath string
}

// Error is a construct the generator cannot turn into Go, with the JSON
// pointer of where it is. Build reports every one it finds, joined.
type Error struct {
	Pointer string
	Msg     string
}

func (e *Error) Error() string { return e.Pointer + ": " + e.Msg }

// Warning is a construct the generator turned into Go differently from
// what the document suggests, such as a name that was taken.
type Warning struct {
	Pointer string
	Message string
}

// Build makes the IR of doc for a Go package named pkg. The error, when
// not nil, joins an *Error for every unsupported construct.
func Build(in Input, pkg string) (*ir.API, []Warning, error) {
	b := &builder{
		doc:        in.Doc,
		hooks:      in.Webhooks,
		order:      in.Order,
		components: map[string]ir.Decl{},
		inline:     map[*openapi3.Schema]ir.Decl{},
		fields:     map[*ir.Struct]*scope{},
		paramTypes: map[string]ir.Type{},
		typeDocs:   map[ir.Decl]*docs.Type{},
		roles:      map[ir.Decl][]*role{},
		methodDocs: map[*ir.Operation]*docs.Method{},
		serviceOf:  map[*ir.Operation]*ir.Service{},
		tags:       map[*ir.Service]*openapi3.Tag{},
	}
	b.pkgName = pkg
	b.fakeNames = append(slices.Clone(in.FakeReserved), ir.FakePackageNames...)
	b.conv = b.newConverter()
	b.pkg = newScope("the package", b.warnf)
	b.pkg.reserve("the SDK runtime", in.Reserved...)
	b.pkg.reserve("the SDK", ir.PackageNames...)
	api := &ir.API{Package: pkg, ImportPath: in.ImportPath, DefaultBaseURL: defaultBaseURL(in.Doc)}
	if info := in.Doc.Info; info != nil {
		api.Title, api.SpecVersion = info.Title, info.Version
	}
	b.survey()
	if len(b.errs) > 0 {
		// A schema that is its own type has no Go form, and every walk
		// below would follow it forever: stop at the cycles.
		return nil, b.warnings, b.err()
	}
	b.declareServices()
	b.declareComponents()
	b.fillComponents()
	b.schemaExamples()
	api.Webhook = b.webhook()
	b.breakValueCycles()
	api.Services = b.services()
	api.ServerOptions = b.serverOptions()
	b.finishUnions()
	b.prune(api)
	b.finishStructs()
	b.trackRequiredFields()
	api.Examples = b.examples
	sort.Slice(b.decls, func(i, j int) bool { return b.decls[i].DeclName() < b.decls[j].DeclName() })
	api.Decls = b.decls
	api.Files = files(api)
	if len(b.errs) > 0 {
		return nil, b.warnings, b.err()
	}
	api.Fake = b.fake(api)
	if b.document(api); len(b.errs) > 0 {
		return nil, b.warnings, b.err() // an x-go-doc or x-go-doc-sections that is not text
	}
	return api, b.warnings, nil
}

type builder struct {
	doc        *openapi3.T
	hooks      map[string]*openapi3.PathItem
	order      map[string][]string          // property names by pointer of their mapping
	pkgName    string                       // the package's name
	pkg        *scope                       // package-level names
	fakeNames  []string                     // package-level names of the fake's own
	fields     map[*ir.Struct]*scope        // the fields and methods of each struct
	components map[string]ir.Decl           // by schema key
	inline     map[*openapi3.Schema]ir.Decl // declared inline, by schema
	byTag      map[string]*ir.Service
	paramTypes map[string]ir.Type // types of component parameters, by $ref
	decls      []ir.Decl
	unions     []*unionPlan
	examples   []*ir.Example
	// What the docs are made of, written once every name is known.
	conv       *docs.Converter
	typeDocs   map[ir.Decl]*docs.Type
	roles      map[ir.Decl][]*role
	methodDocs map[*ir.Operation]*docs.Method
	serviceOf  map[*ir.Operation]*ir.Service
	tags       map[*ir.Service]*openapi3.Tag
	// Found by survey before anything is declared: the discriminator
	// properties of union variants, the variants of the webhook events.
	discriminators map[variantProperty]bool
	events         map[*openapi3.Schema]bool
	// variants are the schemas that are alternatives of a union.
	variants map[*openapi3.Schema]bool
	// recursive are the component schemas of shape alias that are part of
	// their own type, and so defined types.
	recursive map[string]bool
	// runtimeError is the runtime's error detail type, once a schema is it.
	runtimeError *ir.Struct

	warnings []Warning
	errs     []*Error
}

// errorf records an unsupported construct at pointer; the build goes on,
// so that one run reports them all. Every refusal names where it is in
// the document: one without a JSON pointer is a bug of the builder.
func (b *builder) errorf(pointer, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if !strings.HasPrefix(pointer, "/") {
		panic(fmt.Sprintf("build: refusal without a JSON pointer (%q): %s", pointer, msg))
	}
	b.errs = append(b.errs, &Error{Pointer: pointer, Msg: msg})
}

func (b *builder) warnf(pointer, format string, args ...any) {
	b.warnings = append(b.warnings, Warning{Pointer: pointer, Message: fmt.Sprintf(format, args...)})
}

// err joins the recorded errors in pointer order, each once.
func (b *builder) err() error {
	slices.SortStableFunc(b.errs, func(x, y *Error) int { return cmp.Compare(x.Pointer, y.Pointer) })
	b.errs = slices.CompactFunc(b.errs, func(x, y *Error) bool { return *x == *y })
	errs := make([]error, len(b.errs))
	for i, e := range b.errs {
		errs[i] = e
	}
	return errors.Join(errs...)
}

// structScope is the scope of the fields and methods of st.
func (b *builder) structScope(st *ir.Struct) *scope {
	sc := b.fields[st]
	if sc == nil {
		sc = newScope("struct "+st.Name, b.warnf)
		sc.reserve("a method the SDK declares", ir.StructMethods...)
		b.fields[st] = sc
	}
	return sc
}

// schemas are the component schemas; a document may have none.
func (b *builder) schemas() openapi3.Schemas {
	if b.doc.Components == nil {
		return nil
	}
	return b.doc.Components.Schemas
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
