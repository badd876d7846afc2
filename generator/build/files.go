package build

import (
	"slices"
	"strings"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// Names of the files that are no service's, and the last word of a
// shared file's.
const (
	webhookFile  = "webhook.go"
	commonFile   = "models.go"
	sharedSuffix = "shared"
)

// files decides which file declares each type (DESIGN §6), so that no
// file grows past what one reads, and the files can be rendered in
// parallel. The users of types are the services and the webhook: each
// has a file of its own, its methods or handler first, then the types
// only it uses. A type several use goes to the shared file of the one
// that reaches it in the fewest steps, service_messages_shared.go for
// the message contents that clients and webhooks use too; one equally
// near to several (Page, Meta), or that no one uses, goes to models.go.
// The files are sorted by name, their types as in api.Decls.
func files(api *ir.API) []*ir.File {
	var users []*ir.File
	for _, svc := range api.Services {
		users = append(users, &ir.File{Name: serviceFile(svc.Field), Service: svc})
	}
	if api.Webhook != nil {
		users = append(users, &ir.File{Name: webhookFile, Webhook: api.Webhook})
	}
	distances := make([]map[ir.Decl]int, len(users))
	for i, u := range users {
		distances[i] = distancesFrom(userDecls(u))
	}
	out := slices.Clone(users)
	shared := map[string]*ir.File{}
	sharedFile := func(name string) *ir.File {
		f := shared[name]
		if f == nil {
			f = &ir.File{Name: name}
			shared[name] = f
			out = append(out, f)
		}
		return f
	}
	for _, d := range api.Decls {
		nearest, tie, n := -1, false, 0
		for i := range users {
			dist, ok := distances[i][d]
			switch {
			case !ok:
				continue
			case nearest < 0 || dist < distances[nearest][d]:
				nearest, tie = i, false
			case dist == distances[nearest][d]:
				tie = true
			}
			n++
		}
		var f *ir.File
		switch {
		case n == 0 || tie:
			f = sharedFile(commonFile)
		case n == 1:
			f = users[nearest]
		default:
			f = sharedFile(strings.TrimSuffix(users[nearest].Name, ".go") + "_" + sharedSuffix + ".go")
		}
		f.Decls = append(f.Decls, d)
	}
	slices.SortFunc(out, func(x, y *ir.File) int { return strings.Compare(x.Name, y.Name) })
	return out
}

// userDecls are the types the code of a service's or the webhook's file
// names itself: those of its operations' parameters, bodies and results,
// or the webhook payload.
func userDecls(f *ir.File) []ir.Decl {
	if f.Webhook != nil {
		return []ir.Decl{f.Webhook.Payload}
	}
	var out []ir.Decl
	use := func(t ir.Type) {
		if d := declOf(t); d != nil {
			out = append(out, d)
		}
	}
	for _, op := range f.Service.Operations {
		for _, p := range slices.Concat(op.PathParams, op.Args, op.Params.Fields) {
			use(p.Type)
			for _, k := range p.Deep {
				use(k.Type)
			}
		}
		if op.Body != nil {
			use(op.Body.Type)
			for _, k := range op.Body.Form {
				use(k.Type)
			}
		}
		use(op.Result)
	}
	return out
}

// distancesFrom gives every declaration reachable from roots the fewest
// steps it takes: 1 for the roots, 2 for the types of their fields,
// variants or targets, and so on.
func distancesFrom(roots []ir.Decl) map[ir.Decl]int {
	dist := map[ir.Decl]int{}
	var next []ir.Decl
	reach := func(decl ir.Decl, d int) {
		if _, seen := dist[decl]; decl != nil && !seen {
			dist[decl] = d
			next = append(next, decl)
		}
	}
	for _, decl := range roots {
		reach(decl, 1)
	}
	for len(next) > 0 {
		level := next
		next = nil
		for _, decl := range level {
			d := dist[decl] + 1
			switch decl := decl.(type) {
			case *ir.Struct:
				for _, fd := range decl.Fields {
					reach(declOf(fd.Type), d)
				}
			case *ir.Union:
				for _, v := range decl.Variants {
					reach(v.Struct, d)
				}
			case *ir.Alias:
				reach(declOf(decl.Target), d)
			}
		}
	}
	return dist
}

// declOf is the declaration a type names, if any: that of the element of
// its slices, maps, pointers and Nullables.
func declOf(t ir.Type) ir.Decl {
	for {
		switch u := t.(type) {
		case *ir.Named:
			return u.Decl
		case *ir.Slice:
			t = u.Elem
		case *ir.Map:
			t = u.Elem
		case *ir.Pointer:
			t = u.Elem
		case *ir.Nullable:
			t = u.Elem
		default:
			return nil
		}
	}
}

// serviceFile is the name of the file of a service: service_<words>.go,
// with a last word added when the go tool would read the name as a build
// constraint (service_ios.go builds only for iOS) or a test, or when it
// would be the name of another service's shared file.
func serviceFile(field string) string {
	name := "service_" + snakeName(field)
	last := name[strings.LastIndexByte(name, '_')+1:]
	if knownOSArch[last] || last == "test" || last == sharedSuffix {
		name += "_service"
	}
	return name + ".go"
}

// knownOSArch are the GOOS and GOARCH values a file name may end with to
// build only there.
var knownOSArch = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range strings.Fields(`aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd
		plan9 solaris wasip1 windows zos 386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le
		mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm`) {
		m[v] = true
	}
	return m
}()
