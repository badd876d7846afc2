package emit

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// sampleFake is the fake of sampleService's API.
func sampleFake() *ir.API {
	svc := sampleService()
	list := svc.Operations[0]
	list.Args = append(list.Args, &ir.Param{Name: "at", WireName: "at", In: "query", Type: ir.Time, Required: true, Style: ir.FormExploded})
	fs := &ir.FakeService{Service: svc, Name: "ItemsService", Field: "Items", File: "service_items.go"}
	for _, op := range svc.Operations {
		fs.Handlers = append(fs.Handlers, &ir.FakeHandler{Operation: op})
	}
	api := &ir.API{Package: "sdk", ImportPath: "example.com/sdk", Services: []*ir.Service{svc}}
	api.Fake = &ir.Fake{Package: "sdktest", SDKName: "sdk", Services: []*ir.FakeService{fs}}
	return api
}

// renderParsed renders f and parses it.
func renderParsed(t *testing.T, f *jen.File) *ast.File {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, f.Render(&buf))
	parsed, err := parser.ParseFile(token.NewFileSet(), "", buf.Bytes(), 0)
	require.NoError(t, err, buf.String())
	return parsed
}

// TestFakeMethodsUseOnlyReservedNames renders the fake of a service and
// checks that each method serving an operation declares only the names of
// ir.MethodLocals, ir.FakeMethodLocals and the operation's arguments, and
// refers to no other but the SDK's import name and Go's predeclared ones:
// the builder keeps the arguments clear of the first, so no argument
// hides what the method uses.
func TestFakeMethodsUseOnlyReservedNames(t *testing.T) {
	api := sampleFake()
	fs := api.Fake.Services[0]
	parsed := renderParsed(t, fakeService(api, fs))
	served := 0
	for _, d := range parsed.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || !strings.HasPrefix(fn.Name.Name, "serve") {
			continue
		}
		served++
		op := fs.Service.Operations[slices.IndexFunc(fs.Service.Operations, func(o *ir.Operation) bool { return serveName(o) == fn.Name.Name })]
		allowed := slices.Concat(ir.MethodLocals, ir.FakeMethodLocals)
		for _, p := range slices.Concat(op.PathParams, op.Args) {
			allowed = append(allowed, p.Name)
		}
		if op.Body != nil && op.Body.Required {
			allowed = append(allowed, op.Body.Arg)
		}
		for _, name := range scopeNames(fn.Recv, fn.Type, fn.Body) {
			assert.Contains(t, allowed, name, "%s declares %s", fn.Name.Name, name)
		}
		for _, name := range usedNames(fn.Body) {
			if types.Universe.Lookup(name) == nil && name != api.Fake.SDKName {
				assert.Contains(t, allowed, name, "%s uses %s", fn.Name.Name, name)
			}
		}
	}
	assert.Equal(t, len(fs.Service.Operations), served)
}

// usedNames are the identifiers body refers to: not the selected name of
// a selector, nor the key of a struct literal.
func usedNames(body *ast.BlockStmt) []string {
	var names []string
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			ast.Inspect(n.X, walk)
			return false
		case *ast.KeyValueExpr:
			if _, key := n.Key.(*ast.Ident); !key {
				ast.Inspect(n.Key, walk)
			}
			ast.Inspect(n.Value, walk)
			return false
		case *ast.Ident:
			names = append(names, n.Name)
		}
		return true
	}
	ast.Inspect(body, walk)
	return names
}

// TestFakePackageNamesAreReserved: the package-level names of the fake's
// server.go are those of ir.FakePackageNames, and a service's file
// declares its struct alone, besides methods.
func TestFakePackageNamesAreReserved(t *testing.T) {
	api := sampleFake()
	api.Webhook = &ir.Webhook{Payload: &ir.Struct{Name: "WebhookPayload"}, EventsField: &ir.Field{Name: "Events", Type: &ir.Slice{Elem: ir.String}}}
	api.Fake.Webhook = api.Webhook
	for _, f := range []struct {
		file    *jen.File
		allowed []string
	}{
		{fakeServer(api), ir.FakePackageNames},
		{fakeService(api, api.Fake.Services[0]), []string{"ItemsService"}},
	} {
		for _, d := range renderParsed(t, f.file).Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					assert.Contains(t, f.allowed, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						assert.Contains(t, f.allowed, s.Name.Name)
					case *ast.ValueSpec:
						for _, n := range s.Names {
							assert.Contains(t, f.allowed, n.Name)
						}
					}
				}
			}
		}
	}
}
