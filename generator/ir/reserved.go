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
)
