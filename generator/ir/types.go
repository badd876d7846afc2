package ir

// Type is a Go type expression. It is one of Builtin, *Named, *Slice, *Map,
// *Pointer or *Nullable.
type Type interface{ isType() }

// Builtin is a predeclared or standard library type.
type Builtin string

// The builtin types the generator uses.
const (
	String  Builtin = "string"
	Int     Builtin = "int"
	Int64   Builtin = "int64"
	Float64 Builtin = "float64"
	Bool    Builtin = "bool"
	Any     Builtin = "any"
	// Time is time.Time, for a timestamp: it decodes from RFC 3339 text
	// and encodes as the text it was decoded from while unchanged.
	Time Builtin = "time.Time"
)

// Named refers to a Decl of the same package: one of API.Decls, or the
// runtime's error detail Error, which no generated file declares.
type Named struct{ Decl Decl }

// Slice is []Elem.
type Slice struct{ Elem Type }

// Map is map[string]Elem.
type Map struct{ Elem Type }

// Pointer is *Elem, for optional values.
type Pointer struct{ Elem Type }

// Nullable is the runtime's Nullable[Elem]: absent, null or a value.
type Nullable struct{ Elem Type }

func (Builtin) isType()   {}
func (*Named) isType()    {}
func (*Slice) isType()    {}
func (*Map) isType()      {}
func (*Pointer) isType()  {}
func (*Nullable) isType() {}
