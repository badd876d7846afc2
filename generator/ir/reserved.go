package ir

// The names the emitted code declares itself, whatever the document says.
// They are part of the IR, like every other name of the generated code:
// the builder keeps the names it takes from the document clear of them,
// and the emitter declares no other (its tests hold it to these lists).
// The runtime's own package-level names come from its source
// (templates.RuntimeNames).
var (
	// PackageNames are the package-level names the emitted files declare
	// besides the types, services and options of the document.
	PackageNames = []string{"Client", "NewClient", "SpecVersion", "DefaultBaseURL", "ParseWebhook", "NewWebhookHandler"}
	// MethodLocals are the identifiers the method of an operation declares
	// or uses itself (receiver, parameters, variables, imported packages);
	// the method's own parameters avoid them.
	MethodLocals = []string{
		"s", "ctx", "body", "file", "params", "opts", "req", "out", "raw", "err", "base", "cursor", "p", "page", "res", "form", "q", "h",
		"context", "http", "io", "iter", "url",
	}
	// StructMethods are the methods the emitter declares on every struct
	// that travels as JSON; no field may take their names.
	StructMethods = []string{"MarshalJSON", "UnmarshalJSON"}

	// FakePackageNames are the package-level names the fake's emitted
	// files declare, and the packages they import: its service types, and
	// the name it imports the SDK under, avoid them, as they avoid the
	// names of the fake's runtime (templates.FakeNames).
	FakePackageNames = []string{"Server", "NewServer", "apiError", "knownTypes",
		"bytes", "context", "errors", "fmt", "http", "io", "json", "reflect", "slices", "testing", "url"}
	// FakeServerMembers are the fields and methods of the fake's Server
	// besides those of the services.
	FakeServerMembers = []string{"URL", "Delivery", "Client", "Requests", "SendWebhook", "SendWebhookURL", "delivery", "fake"}
	// FakeMethodLocals are the identifiers the fake's method serving an
	// operation declares or uses besides MethodLocals: its variables and
	// the runtime's functions and constants it refers to. That method
	// declares the operation's arguments under their names in the SDK,
	// which avoid these too, as does the name it imports the SDK under.
	FakeMethodLocals = []string{
		"param", "listParam", "field", "obj", "ok", "one", "each", "pointer", "wrapped",
		"parseString", "parseInt", "parseFloat", "parseBool", "parseTime",
		"jsonBody", "formMap", "decodeJSON", "time", "decodePointer", "decodeSlice", "decodeMap", "example", "zero", "bytes",
		"styleFormExploded", "styleForm", "styleSpaceDelimited", "stylePipeDelimited", "styleDeepObject",
		"styleSimple", "styleSimpleExploded", "styleLabel", "styleMatrix",
	}
)
