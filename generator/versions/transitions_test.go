package versions

import (
	"cmp"
	"fmt"
	"go/types"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/sunco-sdk/sunco-go/generator/changelog"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// sdk is the SDK of one spec version, type-checked.
type sdk struct {
	version  string
	api      *ir.API
	pkg      *types.Package
	warnings int
}

// The causes of a Go break that come from the generator's shape rather
// than from an incompatible change of the HTTP API. DESIGN §7: none of
// them may break a caller's build.
const (
	causeVersion = "version constant"
	causeParam   = "new optional query/header parameter"
	causeBody    = "new optional request body"
	causeOther   = "other"
)

var shapeCauses = []string{causeVersion, causeParam, causeBody}

// goBreak is one incompatible change of the Go API between two versions.
type goBreak struct {
	cause   string
	kind    string // for causeOther: what kind of change it is
	message string // apidiff's
}

// step is one transition between consecutive versions.
type step struct {
	from, to *sdk
	breaks   []goBreak
	renamed  []string // types whose JSON pointer kept but Go name changed
}

func compare(from, to *sdk) *step {
	s := &step{from: from, to: to, renamed: renamed(from.api, to.api)}
	for _, c := range changelog.GoChanges(from.pkg, to.pkg) {
		if c.Severity == changelog.Breaking {
			s.breaks = append(s.breaks, classify(from, to, c))
		}
	}
	return s
}

// classify names the cause of a Go break.
func classify(from, to *sdk, c changelog.Change) goBreak {
	b := goBreak{cause: causeOther, message: c.Subject + ": " + c.Text}
	switch {
	case c.Subject == "SpecVersion" && strings.HasPrefix(c.Text, "value changed"):
		b.cause = causeVersion
	case strings.HasPrefix(c.Text, "changed from") && methodSubject.MatchString(c.Subject):
		if cause := signatureCause(from, to, c.Subject); cause != "" {
			b.cause = cause
		}
	}
	if b.cause == causeOther {
		b.kind = kindOf(from.pkg, c)
	}
	return b
}

// methodSubject is how apidiff names a method with a pointer receiver.
var methodSubject = regexp.MustCompile(`^\(\*(\w+)\)\.(\w+)$`)

// signatureCause tells whether a method's signature changed only by gaining
// one parameter because its operation gained optional query or header
// parameters (the params struct appeared) or an optional request body.
// It returns "" for any other change.
func signatureCause(from, to *sdk, subject string) string {
	m := methodSubject.FindStringSubmatch(subject)
	oldSig, newSig := signature(from.pkg, m[1], m[2]), signature(to.pkg, m[1], m[2])
	oldOp, newOp := operation(from.api, m[1], m[2]), operation(to.api, m[1], m[2])
	if oldSig == nil || newSig == nil || oldOp == nil || newOp == nil {
		return ""
	}
	added := insertedParam(oldSig, newSig)
	switch {
	case added == nil:
		return ""
	case added.Name() == "params" && oldOp.Params == nil && newOp.Params != nil && allOptional(newOp.Params.Fields):
		return causeParam
	case added.Name() == "body" && oldOp.Body == nil && newOp.Body != nil && !newOp.Body.Required:
		return causeBody
	}
	return ""
}

// signature is the signature of the method of the named type, or nil.
func signature(pkg *types.Package, typeName, method string) *types.Signature {
	tn, ok := pkg.Scope().Lookup(typeName).(*types.TypeName)
	if !ok {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), false, pkg, method)
	if fn, ok := obj.(*types.Func); ok {
		return fn.Signature()
	}
	return nil
}

// operation is the operation whose method (or Iter method) is
// (*service).method.
func operation(api *ir.API, service, method string) *ir.Operation {
	for _, s := range api.Services {
		if s.Name != service {
			continue
		}
		for _, op := range s.Operations {
			if op.Name == method || op.Pager != nil && op.Name+"Iter" == method {
				return op
			}
		}
	}
	return nil
}

// insertedParam is the one parameter new has that old lacks, when all the
// others are the same and in the same order; nil otherwise.
func insertedParam(old, new *types.Signature) *types.Var {
	if new.Params().Len() != old.Params().Len()+1 || typeString(old.Results()) != typeString(new.Results()) {
		return nil
	}
	for i := range new.Params().Len() {
		if sameParams(old.Params(), new.Params(), i) {
			return new.Params().At(i)
		}
	}
	return nil
}

// sameParams tells whether new without its parameter skip is old.
func sameParams(old, new *types.Tuple, skip int) bool {
	for i, j := 0, 0; i < old.Len(); i, j = i+1, j+1 {
		if j == skip {
			j++
		}
		if typeString(old.At(i).Type()) != typeString(new.At(j).Type()) {
			return false
		}
	}
	return true
}

// typeString prints t with package paths, which both versions share, so the
// same type of two versions prints the same.
func typeString(t types.Type) string { return types.TypeString(t, nil) }

func allOptional(params []*ir.Param) bool {
	for _, p := range params {
		if p.Required {
			return false
		}
	}
	return true
}

// kindOf says what kind of change an apidiff message reports:
// "field removed", "method type changed", ...
func kindOf(pkg *types.Package, c changelog.Change) string {
	what := objectKind(pkg, c.Subject)
	switch {
	case c.Text == "removed":
		return what + " removed"
	case c.Text == "added":
		return what + " added to an interface"
	case strings.HasPrefix(c.Text, "changed from"):
		return what + " type changed"
	case strings.HasPrefix(c.Text, "value changed"):
		return what + " value changed"
	case strings.HasPrefix(c.Text, "no longer implements"):
		return what + " no longer implements an interface"
	}
	return what + ": " + c.Text
}

// objectKind is the kind of the object apidiff names subject in pkg.
func objectKind(pkg *types.Package, subject string) string {
	if methodSubject.MatchString(subject) {
		return "method"
	}
	name, member, isMember := strings.Cut(subject, ".")
	obj := pkg.Scope().Lookup(name)
	if !isMember {
		switch obj.(type) {
		case *types.Const:
			return "const"
		case *types.Var:
			return "var"
		case *types.Func:
			return "func"
		case *types.TypeName:
			return "type"
		}
		return "object"
	}
	if tn, ok := obj.(*types.TypeName); ok {
		switch u := tn.Type().Underlying().(type) {
		case *types.Interface:
			return "interface method"
		case *types.Struct:
			for f := range u.Fields() {
				if f.Name() == member {
					return "field"
				}
			}
		}
	}
	return "method"
}

// checkBreaks prints the Go breaks of each transition by cause, the other
// breaks one by one and the totals, and fails if the generator's shape
// caused any.
func checkBreaks(t *testing.T, steps []*step) {
	causes := append(slices.Clone(shapeCauses), causeOther)
	total := map[string]int{}
	kinds := map[string]int{}
	fmt.Printf("\nGo API breaks between consecutive versions (apidiff), by cause\n")
	fmt.Printf("%-17s %7s %8s %6s %5s %6s\n", "transition", "version", "param", "body", "other", "total")
	for _, s := range steps {
		n := map[string]int{}
		for _, b := range s.breaks {
			n[b.cause]++
			total[b.cause]++
			if b.cause == causeOther {
				kinds[b.kind]++
			}
		}
		fmt.Printf("%-17s %7d %8d %6d %5d %6d\n", s.from.version+"→"+s.to.version,
			n[causeVersion], n[causeParam], n[causeBody], n[causeOther], len(s.breaks))
	}
	fmt.Printf("\nother breaks:\n")
	for _, s := range steps {
		for _, b := range s.breaks {
			if b.cause == causeOther {
				fmt.Printf("  %s→%s  %s  (%s)\n", s.from.version, s.to.version, b.message, b.kind)
			}
		}
	}
	fmt.Printf("\nother breaks by kind:\n")
	for _, k := range slices.SortedFunc(maps.Keys(kinds), func(a, b string) int {
		return cmp.Or(cmp.Compare(kinds[b], kinds[a]), cmp.Compare(a, b))
	}) {
		fmt.Printf("  %4d  %s\n", kinds[k], k)
	}
	fmt.Printf("\nbreaks over %d transitions:", len(steps))
	for _, c := range causes {
		fmt.Printf("  %s %d;", c, total[c])
	}
	fmt.Println()
	for _, c := range shapeCauses {
		if total[c] > 0 {
			t.Errorf("%d Go breaks caused by a %s", total[c], c)
		}
	}
}

// renamed lists the Go names of types that the next version still declares
// at the same JSON pointer, but under other names. A pointer can hold more
// than one type (a schema reached through two parents), so names are
// compared as sets.
func renamed(from, to *ir.API) []string {
	oldNames, newNames := namesByPointer(from), namesByPointer(to)
	var out []string
	for _, p := range slices.Sorted(maps.Keys(oldNames)) {
		now, ok := newNames[p]
		if !ok {
			continue
		}
		for _, name := range oldNames[p] {
			if !slices.Contains(now, name) {
				out = append(out, fmt.Sprintf("%s: %s → %s", p, name, strings.Join(now, ", ")))
			}
		}
	}
	return out
}

// namesByPointer lists the Go names of the types declared at each pointer.
func namesByPointer(api *ir.API) map[string][]string {
	names := map[string][]string{}
	for _, d := range api.Decls {
		if p := pointer(d); p != "" {
			names[p] = append(names[p], d.DeclName())
		}
	}
	return names
}

func pointer(d ir.Decl) string {
	switch d := d.(type) {
	case *ir.Struct:
		return d.Pointer
	case *ir.Union:
		return d.Pointer
	case *ir.Enum:
		return d.Pointer
	case *ir.Alias:
		return d.Pointer
	}
	return ""
}

// checkNames prints and fails on every type whose Go name changed from one
// version to the next while its JSON pointer stayed.
func checkNames(t *testing.T, steps []*step) {
	n := 0
	for _, s := range steps {
		for _, r := range s.renamed {
			fmt.Printf("renamed %s→%s  %s\n", s.from.version, s.to.version, r)
			n++
		}
	}
	fmt.Printf("types renamed at the same JSON pointer over %d transitions: %d\n", len(steps), n)
	if n > 0 {
		t.Errorf("%d types changed their Go name while their JSON pointer stayed", n)
	}
}
