package build

import "strconv"

// scope is one Go scope of the generated code: the package, the fields and
// methods of one struct, or the parameters and locals of one method. Every
// identifier the generator decides is declared in its scope, which hands
// out unique names and reports clashes.
type scope struct {
	name   string            // for messages: "the package", "struct Message"
	owners map[string]string // declared name → who: a JSON pointer or a part of the SDK
	warn   func(pointer, format string, args ...any)
}

func newScope(name string, warn func(pointer, format string, args ...any)) *scope {
	return &scope{name: name, owners: map[string]string{}, warn: warn}
}

// reserve declares names that the generated code itself declares in the
// scope (runtime types, generated methods, a method's locals); owner says
// who, for messages.
func (s *scope) reserve(owner string, names ...string) {
	for _, n := range names {
		if _, ok := s.owners[n]; !ok {
			s.owners[n] = owner
		}
	}
}

func (s *scope) taken(name string) bool {
	_, ok := s.owners[name]
	return ok
}

// declare declares name for what is at pointer. When name is taken, it
// declares the first free of fallbacks, else name with the smallest free
// numeric suffix (2, 3, ...), and warns: the name the document suggests
// could not be used.
func (s *scope) declare(pointer, name string, fallbacks ...string) string {
	if !s.taken(name) {
		s.owners[name] = pointer
		return name
	}
	chosen := ""
	for _, f := range fallbacks {
		if !s.taken(f) {
			chosen = f
			break
		}
	}
	for i := 2; chosen == ""; i++ {
		if c := name + strconv.Itoa(i); !s.taken(c) {
			chosen = c
		}
	}
	s.warn(pointer, "Go name %s is already taken in %s by %s; named %s instead", name, s.name, s.owners[name], chosen)
	s.owners[chosen] = pointer
	return chosen
}
