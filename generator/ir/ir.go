// Package ir is the intermediate representation between an OpenAPI document
// and the Go code generated from it.
//
// Every decision is made when the IR is built: Go names, which fields are
// pointers or tri-state, discriminator values, how union variants are told
// apart, doc comments. An emitter only walks these structures and prints
// what they say.
//
// Every Doc is finished Go doc comment text without comment markers
// (docs.Lines makes the "//" lines of it); "" is no comment.
package ir

// API is a whole generated SDK.
type API struct {
	Package string // Go package name of the SDK
	// ImportPath is the import path of the SDK, which its package comment
	// shows and the fake imports; "" when it is not known (the output is
	// in no module), and then there is no fake.
	ImportPath     string
	Doc            string // the package comment, with a short tour
	ClientDoc      string // the doc of the Client type
	Title          string // from info.title
	SpecVersion    string // from info.version
	DefaultBaseURL string // the first server URL without template variables
	Decls          []Decl // every named type it declares, sorted by Go name
	Services       []*Service
	Webhook        *Webhook // nil when the document describes no webhook
	// Files are the Go files of the services, the webhook and the types,
	// sorted by name; each of Decls is declared in exactly one.
	Files []*File
	// Examples are the document's example values with the Go type each
	// should decode into; tests round-trip them through the SDK.
	Examples []*Example
	// SpecSHA256 is the hex sha256 of the document's bytes with CRLF line
	// endings made LF, so that a checkout's line endings do not change it.
	SpecSHA256 string
	// ServerOptions set the base URL to a server URL template of the
	// document with the caller's values of its variables, in the order of
	// the document's servers.
	ServerOptions []*ServerOption
	// Fake is the fake of the API for tests, the package <Package>test;
	// nil for a document without operations.
	Fake *Fake
}

// ServerOption is a client Option that sets the base URL to a server URL
// template with variables: https://{subdomain}.zendesk.com/sc gives
// WithZendeskSubdomain(subdomain string).
type ServerOption struct {
	Name    string
	Doc     string
	Pointer string
	URL     []URLPart         // the template: its literals and variables, in order
	Params  []*ServerVariable // the option's parameters, in order of first use
}

// URLPart is a piece of a server URL template: a literal, or a variable.
type URLPart struct {
	Literal  string
	Variable *ServerVariable // nil for a literal
}

// ServerVariable is a variable of a server URL template, a parameter of
// its option.
type ServerVariable struct {
	Name     string // Go parameter name
	WireName string // as the template names it
	Check    ServerCheck
	Enum     []string // the values OneOf allows
}

// ServerCheck is how an option checks the value of a variable before it
// puts it into the URL; the URL as a whole is then checked as the base
// URL is (http or https, a host, no query or fragment).
type ServerCheck int

const (
	NoCheck   ServerCheck = iota // a variable in the path or the port
	HostLabel                    // a variable in the host must be a DNS label, so that no value points elsewhere
	OneOf                        // a variable with an enum must be one of its values
)

// File is one generated Go file: a service's (its type and methods) or
// the webhook's (the payload parser and handler), followed by the types
// only that one uses; or a file of types several use.
type File struct {
	Name    string
	Service *Service // nil but in a service's file
	Webhook *Webhook // nil but in the webhook's file
	Decls   []Decl   // sorted by Go name
}

// Example is one example value of the document.
type Example struct {
	Pointer string // where the value is written
	Type    Type
	JSON    []byte
}

// Decl is a named Go type declaration. It is one of *Struct, *Union, *Enum
// or *Alias.
type Decl interface {
	DeclName() string
	isDecl()
}

// Struct is an object schema, with allOf parts flattened into one field list.
type Struct struct {
	Name    string
	Doc     string
	Pointer string // JSON pointer of the schema it comes from
	Fields  []*Field
	// Discriminator, when set, is a field whose value MarshalJSON always
	// writes, because the struct is a variant of a discriminated union.
	Discriminator *FixedValue
	// Unions lists the unions the struct is a variant of; each gets a
	// marker method so the struct satisfies that union's interface.
	Unions []*Union
	// Extra is the Go field that keeps the properties the schema does not
	// declare, so a decoded value re-encodes without losing anything; ""
	// for a plain struct.
	Extra string
	// TimeTexts is the unexported field keeping the text of the decoded
	// timestamps of its time.Time fields that encoding would write
	// otherwise, so that an unchanged one encodes as received; "" for a
	// struct without timestamps.
	TimeTexts string
	// Plain marks a struct that never travels as JSON: the type of a query
	// or header parameter, or of a form body. It has no Extra and no JSON
	// methods.
	Plain bool
	// Getters are the getters of its fields, in field order; those of a
	// property every variant of one of its unions has are also methods of
	// the union's interface.
	Getters []*Getter
	// Tracked are the required fields whose absence a decoded value
	// remembers, so that it re-encodes without them: the index of each is
	// its bit in the set of absent fields, which holds 64.
	Tracked []*Field
}

// Getter is a method returning the value of a field, safe on a nil
// receiver: Get<Field>() Type gives the zero value of Type when the
// receiver is nil or the field is absent or null.
type Getter struct {
	Method string
	Doc    string
	Field  *Field
	// Type is the value the field holds: T for a *T or a Nullable[T],
	// the field's own type otherwise; a struct is returned as a pointer,
	// nil when there is none, so that a chain of getters goes on.
	Type Type
	Kind GetterKind
	// Default is returned for an empty string field: the discriminator
	// value of a union variant, which encoding writes for it.
	Default string
	// IsDiscriminator marks the getter of a union's string discriminator,
	// which the Unknown variant keeps in its Type field.
	IsDiscriminator bool
}

// GetterKind is how a getter reads its field.
type GetterKind int

const (
	GetField           GetterKind = iota // the field itself
	GetPointee                           // what a *T field points to
	GetAddress                           // a pointer to a struct field
	GetNullable                          // the value a Nullable[T] holds
	GetNullablePointer                   // a pointer to the struct a Nullable[T] holds
)

// FixedValue is a string field that always carries the same value.
type FixedValue struct {
	Field *Field
	Value string
}

// Field is one property of a Struct.
type Field struct {
	Name     string // Go name
	JSONName string // property name on the wire
	Doc      string
	Type     Type
	// Omit is the json tag option that leaves the field out when it is
	// absent: "omitempty", "omitzero" or "" for required fields.
	Omit string
	// Required is set when the schema requires the property: every value
	// has it, null when the field is Nullable (whose Omit is "omitzero").
	Required bool
}

// Union is a sealed interface over alternative object schemas (oneOf,
// anyOf or a base schema with a discriminator mapping).
type Union struct {
	Name    string
	Doc     string
	Pointer string
	// Discriminator is the JSON property that selects the variant; empty
	// when variants are told apart by which properties are present.
	Discriminator string
	Variants      []*Variant
	// Unknown is the Go name of the variant that holds anything the SDK
	// does not recognise, kept raw so it re-encodes unchanged.
	Unknown string
	// Marker is the name of the unexported method that seals the interface.
	Marker string
	// Common are the properties all variants have with one Go type; the
	// interface has a getter for each, so no type switch is needed to
	// read them. The Unknown variant reads them from its raw JSON.
	Common []*Getter
	// Decoder is the name of the unexported function that decodes it at
	// a lexer, Unmarshal that of the exported one decoding it from bytes.
	Decoder   string
	Unmarshal string
}

// Variant is one alternative of a Union.
type Variant struct {
	Struct *Struct
	// Values are the discriminator values that select the variant.
	Values []string
	// Properties and Required are the JSON names used to pick the variant
	// of an undiscriminated union: those of its fields, and of its
	// required fields (null when nullable, but present).
	Properties []string
	Required   []string
}

// Enum is a named string type with a constant per documented value. Values
// the SDK does not know still decode: the type is a plain string.
type Enum struct {
	Name    string
	Doc     string
	Pointer string
	Values  []EnumValue
	// ValuesDoc is the doc of the const block of Values.
	ValuesDoc string
}

// EnumValue is one constant of an Enum.
type EnumValue struct {
	Name  string // Go constant name
	Value string
}

// Alias is a defined type for a schema that is not an object and is part
// of its own type, like an array of itself (type Forest []Forest): Go has
// no recursive type alias. Any other such schema is no type of its own,
// and its uses have the type it stands for.
type Alias struct {
	Name    string
	Doc     string
	Pointer string
	Target  Type
}

func (d *Struct) DeclName() string { return d.Name }
func (d *Union) DeclName() string  { return d.Name }
func (d *Enum) DeclName() string   { return d.Name }
func (d *Alias) DeclName() string  { return d.Name }

func (*Struct) isDecl() {}
func (*Union) isDecl()  {}
func (*Enum) isDecl()   {}
func (*Alias) isDecl()  {}
