package sdktest

import (
	"fmt"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator"
	"github.com/sunco-sdk/sunco-go/generator/changelog"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// sdkTypes type-checks the generated SDK in gen/sunco, its tests left
// out; fset positions its objects.
func sdkTypes(t *testing.T) (*types.Package, *token.FileSet) {
	t.Helper()
	fset := token.NewFileSet()
	dir := filepath.Join("..", "sunco")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	res := &generator.Result{API: &ir.API{Package: "sunco"}, Files: map[string][]byte{}}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") && !strings.HasSuffix(e.Name(), "_test.go") {
			res.Files[e.Name()], err = os.ReadFile(filepath.Join(dir, e.Name()))
			require.NoError(t, err)
		}
	}
	pkg, err := changelog.Check(res, changelog.NewImporter(fset))
	require.NoError(t, err)
	return pkg, fset
}

// namedTypes are the exported named types the package declares, by name.
func namedTypes(pkg *types.Package) map[string]*types.TypeName {
	out := map[string]*types.TypeName{}
	for _, name := range pkg.Scope().Names() {
		if tn, ok := pkg.Scope().Lookup(name).(*types.TypeName); ok && tn.Exported() {
			out[name] = tn
		}
	}
	return out
}

// TestNamesAndTypes checks the shape of the SDK's names on the pinned
// document (DESIGN §3): no exported alias (of a builtin type or any
// other: one name per type), no exported name with the spec's suffix
// Schema or SubSchema or saying a word twice, no exported type that no
// exported function or method reaches, and one type of error detail.
func TestNamesAndTypes(t *testing.T) {
	pkg, _ := sdkTypes(t)
	named := namedTypes(pkg)

	var aliases []string
	for name, tn := range named {
		if tn.IsAlias() {
			aliases = append(aliases, name+" = "+types.TypeString(tn.Type(), types.RelativeTo(pkg)))
		}
	}
	slices.Sort(aliases)
	fmt.Printf("exported aliases: %d %v\n", len(aliases), aliases)
	assert.Empty(t, aliases)

	var badNames []string
	for _, name := range pkg.Scope().Names() {
		if token.IsExported(name) && (specSuffix.MatchString(name) || stutters(name)) {
			badNames = append(badNames, name)
		}
	}
	fmt.Printf("exported names with a Schema/SubSchema suffix or a stutter: %d %v\n", len(badNames), badNames)
	assert.Empty(t, badNames)

	reached := reachedTypes(pkg)
	var unreached []string
	for name, tn := range named {
		if !reached[tn] {
			unreached = append(unreached, name)
		}
	}
	slices.Sort(unreached)
	fmt.Printf("exported types: %d, reached by no exported function or method: %d %v\n", len(named), len(unreached), unreached)
	assert.Empty(t, unreached)

	var details []string
	for name, tn := range named {
		if st, ok := tn.Type().Underlying().(*types.Struct); ok && isErrorDetail(st) {
			details = append(details, name)
		}
	}
	fmt.Printf("error detail types (code and title): %d %v\n", len(details), details)
	assert.Equal(t, []string{"Error"}, details)
	errorsField, _, _ := types.LookupFieldOrMethod(named["APIError"].Type(), false, pkg, "Errors")
	require.NotNil(t, errorsField)
	assert.Equal(t, "[]Error", types.TypeString(errorsField.Type(), types.RelativeTo(pkg)))
}

var errorType = types.Universe.Lookup("error").Type()

var specSuffix = regexp.MustCompile(`.Schema$`)

// stutters reports a name that says a word, or a run of words, twice in
// a row: QuotedMessageMessage, ActivityTypesType (plural and singular
// count alike).
func stutters(name string) bool {
	var words []string
	for _, w := range camelWords.FindAllString(name, -1) {
		words = append(words, strings.TrimSuffix(strings.ToLower(w), "s"))
	}
	for k := 1; 2*k <= len(words); k++ {
		for i := 0; i+2*k <= len(words); i++ {
			if slices.Equal(words[i:i+k], words[i+k:i+2*k]) {
				return true
			}
		}
	}
	return false
}

var camelWords = regexp.MustCompile(`[A-Z]+(?:[0-9]+|s)?(?:$|[A-Z][a-z]?)|[A-Z][a-z0-9]*|[a-z0-9]+`)

// isErrorDetail reports a struct whose fields, Extra aside, are Code and
// Title.
func isErrorDetail(st *types.Struct) bool {
	var fields []string
	for f := range st.Fields() {
		if f.Exported() && f.Name() != "Extra" {
			fields = append(fields, f.Name())
		}
	}
	slices.Sort(fields)
	return slices.Equal(fields, []string{"Code", "Title"})
}

// reachedTypes are the named types of pkg that a caller meets from the
// exported functions: in their signatures, the exported fields and
// methods of what those name; for an interface of the package, the
// package's types that implement it (the variants of a union); for an
// error result, the package's error types (*APIError).
func reachedTypes(pkg *types.Package) map[*types.TypeName]bool {
	reached := map[*types.TypeName]bool{}
	var errorTypes []*types.TypeName
	for _, name := range pkg.Scope().Names() {
		if tn, ok := pkg.Scope().Lookup(name).(*types.TypeName); ok && tn.Exported() &&
			types.Implements(types.NewPointer(tn.Type()), errorType.Underlying().(*types.Interface)) {
			errorTypes = append(errorTypes, tn)
		}
	}
	var walk func(t types.Type)
	walk = func(t types.Type) {
		switch t := t.(type) {
		case *types.Named:
			tn := t.Origin().Obj()
			for arg := range t.TypeArgs().Types() {
				walk(arg)
			}
			if tn.Pkg() != pkg || reached[tn] {
				return
			}
			reached[tn] = true
			walk(t.Underlying())
			methods := types.NewMethodSet(types.NewPointer(t))
			for sel := range methods.Methods() {
				if sel.Obj().Exported() {
					walk(sel.Type())
				}
			}
			if iface, ok := t.Underlying().(*types.Interface); ok {
				for _, name := range pkg.Scope().Names() {
					if other, ok := pkg.Scope().Lookup(name).(*types.TypeName); ok && !other.IsAlias() && other.Type() != t &&
						types.Implements(types.NewPointer(other.Type()), iface) {
						walk(other.Type())
					}
				}
			}
		case *types.Pointer:
			walk(t.Elem())
		case *types.Slice:
			walk(t.Elem())
		case *types.Map:
			walk(t.Key())
			walk(t.Elem())
		case *types.Struct:
			for f := range t.Fields() {
				if f.Exported() {
					walk(f.Type())
				}
			}
		case *types.Signature:
			for v := range t.Params().Variables() {
				walk(v.Type())
			}
			for v := range t.Results().Variables() {
				walk(v.Type())
				if types.Identical(v.Type(), errorType) {
					// What errors.As finds in the error.
					for _, tn := range errorTypes {
						walk(tn.Type())
					}
				}
			}
		case *types.Interface:
			for m := range t.Methods() {
				if m.Exported() {
					walk(m.Type())
				}
			}
		}
	}
	for _, name := range pkg.Scope().Names() {
		if fn, ok := pkg.Scope().Lookup(name).(*types.Func); ok && fn.Exported() {
			walk(fn.Type())
		}
	}
	return reached
}

// TestNameChecks: the checks of TestNamesAndTypes tell the names issue 17
// found from good ones.
func TestNameChecks(t *testing.T) {
	tests := []struct {
		name string
		bad  bool
	}{
		{"QuotedMessageMessage", true},
		{"ActivityTypesType", true},
		{"DefaultResponderDefaultResponder", true},
		{"AppSubSchema", true},
		{"ClientSchema", true},
		{"QuotedFullMessage", false},
		{"ActivityType", false},
		{"AppInfo", false},
		{"UserIDs", false},
		{"HTMLText", false},
		{"JSONSchema", true},
		{"Schema", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.bad, specSuffix.MatchString(tt.name) || stutters(tt.name))
		})
	}
}

// dataStructs are the exported structs of the SDK that hold API data,
// by name: all but the runtime's, the Client, its services and the
// Params of its methods, which the caller fills.
func dataStructs(pkg *types.Package, fset *token.FileSet) map[string]*types.Named {
	out := map[string]*types.Named{}
	for name, tn := range namedTypes(pkg) {
		file := filepath.Base(fset.Position(tn.Pos()).Filename)
		_, isStruct := tn.Type().Underlying().(*types.Struct)
		if !isStruct || strings.HasPrefix(file, "runtime_") || name == "Client" ||
			strings.HasSuffix(name, "Service") || strings.HasSuffix(name, "Params") {
			continue
		}
		out[name] = tn.Type().(*types.Named)
	}
	return out
}

// valueType is what the getter of a field of type t returns: the value a
// pointer or Nullable holds, a struct by pointer, the rest as it is.
func valueType(t types.Type) types.Type {
	isStruct := func(t types.Type) bool {
		n, ok := t.(*types.Named)
		_, st := t.Underlying().(*types.Struct)
		return st && !(ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time")
	}
	if n, ok := t.(*types.Named); ok && n.Origin().Obj().Name() == "Nullable" {
		t = types.NewPointer(n.TypeArgs().At(0))
	}
	switch u := t.(type) {
	case *types.Pointer:
		if isStruct(u.Elem()) {
			return u
		}
		return u.Elem()
	default:
		if isStruct(u) {
			return types.NewPointer(u)
		}
	}
	return t
}

// optional reports a field that can be absent: a pointer or a Nullable.
func optional(t types.Type) bool {
	if n, ok := t.(*types.Named); ok && n.Origin().Obj().Name() == "Nullable" {
		return true
	}
	_, ok := t.(*types.Pointer)
	return ok
}

// TestGettersTimestampsAndParameterTypes checks the SDK on the pinned
// document: every field of every data struct, optional or nullable ones
// among them, has a value getter (the fixture SDK's tests call them);
// the timestamps are time.Time forms; the types of query parameters have
// no Extra and no JSON methods.
func TestGettersTimestampsAndParameterTypes(t *testing.T) {
	pkg, fset := sdkTypes(t)
	structs := dataStructs(pkg, fset)
	var fields, optionalFields, timestamps int
	var missing []string
	for name, typ := range structs {
		st := typ.Underlying().(*types.Struct)
		for f := range st.Fields() {
			if !f.Exported() || f.Name() == "Extra" || strings.HasPrefix(name, "Unknown") {
				continue
			}
			fields++
			if optional(f.Type()) {
				optionalFields++
			}
			if strings.Contains(f.Type().String(), "time.Time") {
				timestamps++
			}
			obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(typ), false, pkg, "Get"+f.Name())
			fn, ok := obj.(*types.Func)
			if !ok || fn.Signature().Params().Len() != 0 || fn.Signature().Results().Len() != 1 ||
				!types.Identical(fn.Signature().Results().At(0).Type(), valueType(f.Type())) {
				missing = append(missing, name+"."+f.Name())
			}
		}
	}
	slices.Sort(missing)
	fmt.Printf("data structs: %d; fields: %d, %d of them optional or nullable; without a value getter: %d %v\n",
		len(structs), fields, optionalFields, len(missing), missing)
	assert.Empty(t, missing)
	fmt.Printf("timestamp fields (time.Time, *time.Time, Nullable[time.Time]): %d\n", timestamps)
	assert.GreaterOrEqual(t, timestamps, 39, "the 39 fields the API documents as YYYY-MM-DDThh:mm:ss.SSSZ")

	var plain []string
	for _, name := range []string{"Page", "ConversationListFilter", "UserListFilter", "AppListFilter", "IntegrationListFilter"} {
		typ, ok := structs[name]
		require.True(t, ok, "no struct %s", name)
		for _, member := range []string{"Extra", "UnmarshalJSON", "MarshalJSON"} {
			obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(typ), false, pkg, member)
			assert.Nil(t, obj, "%s has %s", name, member)
		}
		plain = append(plain, name)
	}
	fmt.Printf("parameter types without Extra and JSON methods: %v\n", plain)
}
