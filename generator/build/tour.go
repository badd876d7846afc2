package build

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// packageDoc is the package comment: "Package x is a Go client for the
// ...", a tour of the SDK in Go, each section drawn from the document and
// left out when it has nothing to show (making a client with each way the
// document authenticates and its server variables, a call with the body
// of an example, an iterator, errors and retries, a type switch, the
// webhook handler), then the document's own introduction under one
// heading.
func (b *builder) packageDoc(api *ir.API) string {
	t := b.newTour(api)
	parts := []string{
		"Package " + api.Package + " is a Go client for the " + clientOf(api) + ".",
		t.importLine(), t.client(), t.calls(), t.pagination(), t.errors(), t.unions(), t.webhooks(), t.testing(),
		undeprecated(b.intro(api)),
	}
	parts = slices.DeleteFunc(parts, func(s string) bool { return s == "" })
	return b.conv.Text(strings.Join(parts, "\n\n"), "")
}

// goDocSectionsExtension, on the document's info, maps the headings of its
// description to Markdown that stands in for their sections in the Go
// docs, or "" to leave a section out: the parts the SDK makes moot (how to
// retry, how to sign a JWT) or says otherwise.
const goDocSectionsExtension = "x-go-doc-sections"

// intro is the document's description under a heading of its own, its
// sections replaced as x-go-doc-sections says.
func (b *builder) intro(api *ir.API) string {
	info := b.doc.Info
	if info == nil {
		return ""
	}
	pointer := "/info/" + goDocSectionsExtension
	sections := map[string]string{}
	if v, ok := info.Extensions[goDocSectionsExtension]; ok {
		m, isMap := v.(map[string]any)
		if !isMap {
			b.errorf(pointer, "%s must map headings to Markdown", goDocSectionsExtension)
		}
		for name, text := range m {
			s, isString := text.(string)
			if !isString {
				b.errorf(jsonptr.Join(pointer, name), "%s must map headings to Markdown", goDocSectionsExtension)
			}
			sections[name] = s
		}
	}
	doc, missing := b.conv.Intro("The "+clientOf(api), info.Description, sections)
	for _, name := range missing {
		b.warnf(jsonptr.Join(pointer, name), "the description has no section headed %q; nothing replaced", name)
	}
	return doc
}

// deprecatedParagraph matches the start of a paragraph that marks what
// the doc documents as deprecated.
var deprecatedParagraph = regexp.MustCompile(`(^|\n\n)Deprecated:`)

// undeprecated keeps a text from marking the package deprecated: the
// document's description may well say that something is.
func undeprecated(text string) string {
	return deprecatedParagraph.ReplaceAllString(text, "${1}(Deprecated)")
}

// tour writes the sections of the package comment.
type tour struct {
	api      *ir.API
	pkg      string
	lit      literalWriter
	auth     []credential     // the ways the document authenticates
	server   *ir.ServerOption // the first option setting server variables, nil for none
	send     *example         // a call with a body, nil for none
	examples []*ir.Example
	// deprecated reports the operations the tour shows none of.
	deprecated func(*ir.Operation) bool
	service    func(*ir.Operation) *ir.Service
}

// A credential is a way to authenticate: the option and its call.
type credential struct {
	option string // "WithBasicAuth"
	call   string // "WithBasicAuth(keyID, secret)"
}

// An example is a call of an operation, as Go source.
type example struct {
	svc  *ir.Service
	op   *ir.Operation
	code string
}

func (b *builder) newTour(api *ir.API) *tour {
	t := &tour{
		api:        api,
		pkg:        api.Package,
		lit:        literalWriter{pkg: api.Package},
		examples:   api.Examples,
		deprecated: func(o *ir.Operation) bool { return b.methodDocs[o].Deprecated },
		service:    func(o *ir.Operation) *ir.Service { return b.serviceOf[o] },
	}
	t.auth = b.credentials()
	if len(api.ServerOptions) > 0 {
		t.server = api.ServerOptions[0]
	}
	t.send = t.sendExample()
	return t
}

// credentials are the ways the document's security schemes authenticate
// that the SDK has an option for: basic authentication with an API key,
// a JWT it signs with one (a bearer token whose format is JWT), a bearer
// token.
func (b *builder) credentials() []credential {
	var basic, jwt, bearer bool
	if c := b.doc.Components; c != nil {
		for _, ref := range c.SecuritySchemes {
			s := ref.Value
			if s == nil || !strings.EqualFold(s.Type, "http") {
				continue
			}
			switch strings.ToLower(s.Scheme) {
			case "basic":
				basic = true
			case "bearer":
				bearer = true
				jwt = jwt || strings.EqualFold(s.BearerFormat, "JWT")
			}
		}
	}
	var out []credential
	for _, c := range []struct {
		want bool
		credential
	}{
		{basic, credential{"WithBasicAuth", "WithBasicAuth(keyID, secret)"}},
		{jwt, credential{"WithJWT", `WithJWT(keyID, secret, "app")`}},
		{bearer, credential{"WithBearerToken", "WithBearerToken(token)"}},
	} {
		if c.want && b.pkg.taken(c.option) {
			out = append(out, c.credential)
		}
	}
	return out
}

// importLine shows the import declaration of the package, when its
// import path is known.
func (t *tour) importLine() string {
	if t.api.ImportPath == "" {
		return ""
	}
	return code("import " + strconv.Quote(t.api.ImportPath))
}

// testing points at the fake of the API, when there is one.
func (t *tour) testing() string {
	f := t.api.Fake
	if f == nil {
		return ""
	}
	return strings.Join([]string{
		"# Testing",
		"Package [" + t.api.ImportPath + "/" + f.Package + "] is a fake of the API for the tests of code that uses this package: its Server answers each operation as the test's handler says, or with the document's example, checks requests as the API would and records them, and its SendWebhook delivers events to a webhook handler.",
	}, "\n\n")
}

// code indents Go source lines as a doc comment code block.
func code(lines ...string) string {
	src := strings.Join(lines, "\n")
	return "\t" + strings.ReplaceAll(src, "\n", "\n\t")
}

// client shows how to make a Client with each credential and the server
// option.
func (t *tour) client() string {
	links := make([]string, len(t.auth))
	for i, c := range t.auth {
		links[i] = "[" + c.option + "]"
	}
	text := "[NewClient] makes a [Client]."
	if len(links) > 0 {
		text += " Options authenticate its calls (" + enumerate(links, "or") + ") and choose the server it calls"
	} else {
		text += " Options choose the server it calls"
	}
	if t.server != nil {
		text += " ([" + t.server.Name + "], [WithBaseURL]"
	} else {
		text += " ([WithBaseURL]"
	}
	text += "; [DefaultBaseURL] by default), the HTTP client, retries and timeouts:"
	first := t.pkg + ".NewClient()"
	if len(t.auth) > 0 {
		first = t.pkg + ".NewClient(" + t.pkg + "." + t.auth[0].call + ")"
	}
	s := []string{
		"# Creating a client",
		text,
		code("client, err := "+first, "if err != nil {", "\treturn err", "}"),
	}
	if len(t.auth) > 1 || t.server != nil {
		lines := []string{"client, err := " + t.pkg + ".NewClient("}
		var what []string
		if len(t.auth) > 0 {
			auth := t.auth[len(t.auth)-1]
			if len(t.auth) > 1 {
				auth = t.auth[1]
			}
			lines = append(lines, "\t"+t.pkg+"."+auth.call+",")
			what = append(what, "authenticates with ["+auth.option+"]")
		}
		if t.server != nil {
			args := make([]string, len(t.server.Params))
			for i, p := range t.server.Params {
				args[i] = p.Name
			}
			lines = append(lines, "\t"+t.pkg+"."+t.server.Name+"("+strings.Join(args, ", ")+"),")
			what = append(what, "calls the server ["+t.server.Name+"] names")
		}
		s = append(s, "Options combine: this client "+strings.Join(what, " and ")+":", code(append(lines, ")")...))
	}
	return strings.Join(s, "\n\n")
}

// calls shows how operations are called: the call with a body, else a
// GET.
func (t *tour) calls() string {
	if len(t.api.Services) == 0 {
		return ""
	}
	s := []string{
		"# Calling the API",
		"Each field of [Client] calls the operations of one part of the API. An operation is a method that takes a context, the path parameters and the other required ones in order, the request body when it is required, a Params struct holding the optional parameters (nil for none) and per-call options. It returns the decoded response.",
	}
	switch svc, call := t.get(); {
	case t.send != nil:
		lead := "For example, [" + t.send.svc.Name + "." + t.send.op.Name + "]"
		if strings.Contains(t.send.code, t.pkg+".Ptr(") {
			lead += ", an optional field set with [Ptr]"
		}
		s = append(s, lead+":", code(t.send.code))
	case call != nil:
		s = append(s, "For example:", code("res, err := client."+svc.Field+"."+call.Name+"("+strings.Join(arguments(call), ", ")+")"))
	}
	return strings.Join(s, "\n\n")
}

// sendExample is the call of an operation with a required body built from
// an example of the document: preferably a body with a required property
// that holds one of the most kinds of object (a message and its content),
// then the first operation.
func (t *tour) sendExample() *example {
	var best *example
	bestRank := 1
	for _, svc := range t.api.Services {
		for _, o := range svc.Operations {
			if o.Body == nil || !o.Body.Required || o.Body.Encoding != ir.JSONBody || t.deprecated(o) {
				continue
			}
			body, ok := t.bodyLiteral(o)
			if !ok {
				continue
			}
			rank := -requiredVariants(o.Body.Type)
			if rank < bestRank {
				args := arguments(o)
				args[len(args)-2] = body // the body goes where the arguments name it
				src, ok := gofmt("res, err := client." + svc.Field + "." + o.Name + "(" + strings.Join(args, ", ") + ")")
				if ok {
					best, bestRank = &example{svc: svc, op: o, code: src}, rank
				}
			}
		}
	}
	return best
}

// bodyLiteral is the Go value of the example of o's request body that the
// document gives first: its example, its "default" example, or the first
// of its examples by name.
func (t *tour) bodyLiteral(o *ir.Operation) (string, bool) {
	prefix := o.Pointer + "/requestBody/"
	var candidates []*ir.Example
	for _, ex := range t.examples {
		if strings.HasPrefix(ex.Pointer, prefix) {
			candidates = append(candidates, ex)
		}
	}
	rank := func(ex *ir.Example) int {
		switch {
		case strings.HasSuffix(ex.Pointer, "/example"):
			return 0
		case strings.HasSuffix(ex.Pointer, "/examples/default"):
			return 1
		}
		return 2
	}
	slices.SortStableFunc(candidates, func(x, y *ir.Example) int { return cmp.Compare(rank(x), rank(y)) })
	for _, ex := range candidates {
		if v, ok := decodeExample(ex.JSON); ok {
			if lit, ok := t.lit.literal(o.Body.Type, v); ok {
				return lit, true
			}
		}
	}
	return "", false
}

// requiredVariants is the number of variants of the largest union that a
// required field of the struct t holds; 0 for none.
func requiredVariants(t ir.Type) int {
	st := structOf(t)
	if st == nil {
		return 0
	}
	most := 0
	for _, f := range st.Fields {
		if fn, ok := f.Type.(*ir.Named); ok && f.Omit == "" {
			if u, ok := fn.Decl.(*ir.Union); ok {
				most = max(most, len(u.Variants))
			}
		}
	}
	return most
}

// get picks the operation the tour calls without a body: a plain GET with
// a result, not deprecated, preferably one named Get, with the fewest
// parameters.
func (t *tour) get() (*ir.Service, *ir.Operation) {
	type candidate struct {
		svc *ir.Service
		op  *ir.Operation
	}
	var cs []candidate
	for _, svc := range t.api.Services {
		for _, o := range svc.Operations {
			if o.Method == "GET" && o.Result != nil && o.Pager == nil && o.Body == nil && len(o.Args) == 0 && !t.deprecated(o) {
				cs = append(cs, candidate{svc, o})
			}
		}
	}
	if len(cs) == 0 {
		return nil, nil
	}
	best := slices.MinFunc(cs, func(x, y candidate) int {
		return cmp.Or(
			cmp.Compare(boolRank(x.op.Name != "Get"), boolRank(y.op.Name != "Get")),
			cmp.Compare(len(x.op.PathParams), len(y.op.PathParams)),
		)
	})
	return best.svc, best.op
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// arguments are the arguments of a call of o in the tour: ctx, a variable
// per positional parameter, and nil Params.
func arguments(o *ir.Operation) []string {
	args := []string{"ctx"}
	for _, p := range slices.Concat(o.PathParams, o.Args) {
		args = append(args, p.Name)
	}
	if o.Body != nil && o.Body.Required {
		args = append(args, o.Body.Arg)
	}
	return append(args, "nil")
}

// pagination shows the iterator of a paginated operation that is not
// deprecated: one of the service the tour sends with, else the first.
func (t *tour) pagination() string {
	var ops []*ir.Operation
	for _, svc := range t.api.Services {
		for _, o := range svc.Operations {
			if o.Pager != nil && !t.deprecated(o) {
				ops = append(ops, o)
			}
		}
	}
	if len(ops) == 0 {
		return ""
	}
	o := ops[0]
	if t.send != nil {
		if i := slices.IndexFunc(ops, func(o *ir.Operation) bool { return t.service(o) == t.send.svc }); i >= 0 {
			o = ops[i]
		}
	}
	svc := t.service(o)
	item := "item"
	if n, ok := o.Pager.Item.(*ir.Named); ok {
		item = lowerName(n.Decl.DeclName())
	}
	method := svc.Name + "." + o.Pager.Iter
	return strings.Join([]string{
		"# Iterating over pages",
		"A list whose results come in pages has an iterator method too, such as [" + method + "], which fetches the pages as the loop goes on:",
		code(
			"for "+item+", err := range client."+svc.Field+"."+o.Pager.Iter+"("+strings.Join(arguments(o), ", ")+") {",
			"\tif err != nil {",
			"\t\treturn err",
			"\t}",
			"\tfmt.Println("+item+")",
			"}",
		),
	}, "\n\n")
}

// errors shows an *APIError and says what the client retries.
func (t *tour) errors() string {
	return strings.Join([]string{
		"# Errors and retries",
		"A call that the API answers with an error status returns an [*APIError], holding the status, the API's error details and the response headers:",
		code(
			"var apiErr *"+t.pkg+".APIError",
			"if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound {",
			"\t// not found",
			"}",
		),
		"The client retries a request that the API refused with 429 Too Many Requests, one whose method is idempotent after a 5xx status or a dropped connection, and one that could not connect, twice by default, waiting as the response's Retry-After header asks or backing off exponentially; [WithMaxRetries] has the rules and sets the count.",
	}, "\n\n")
}

// unions shows a type switch over the union of webhook events, or over
// the first union with variants.
func (t *tour) unions() string {
	u := t.shownUnion()
	if u == nil {
		return ""
	}
	value := lowerName(u.Name)
	lines := []string{"switch v := " + value + ".(type) {"}
	for _, v := range u.Variants[:min(2, len(u.Variants))] {
		lines = append(lines, "case *"+t.pkg+"."+v.Struct.Name+":", "\t// v is a *"+t.pkg+"."+v.Struct.Name)
	}
	unknown := "\t// a variant this SDK does not know: v.Raw holds its JSON"
	if u.Discriminator != "" {
		unknown = "\t// v.Type holds a " + strconv.Quote(u.Discriminator) + " this SDK does not know, v.Raw the JSON"
	}
	lines = append(lines, "case *"+t.pkg+"."+u.Unknown+":", unknown, "}")
	return strings.Join([]string{
		"# Telling variants apart",
		"A property that holds one of several kinds of object has an interface type, such as [" + u.Name + "], whose dynamic type is the variant received; a type switch tells them apart. A variant the SDK does not know, added to the API later, decodes without error into [*" + u.Unknown + "], which encodes back unchanged:",
		code(lines...),
	}, "\n\n")
}

// shownUnion is the union the tour switches over: the webhook events, else
// the first union that has variants; nil when there is none.
func (t *tour) shownUnion() *ir.Union {
	if w := t.api.Webhook; w != nil && w.Events != nil && len(w.Events.Variants) > 0 {
		return w.Events
	}
	for _, d := range t.api.Decls {
		if u, ok := d.(*ir.Union); ok && len(u.Variants) > 0 {
			return u
		}
	}
	return nil
}

// webhooks shows the webhook handler.
func (t *tour) webhooks() string {
	w := t.api.Webhook
	if w == nil {
		return ""
	}
	body := []string{"\treturn nil"}
	if w.EventsField != nil {
		body = []string{
			"\tfor _, event := range payload." + w.EventsField.Name + " {",
			"\t\tfmt.Printf(\"%T\\n\", event)",
			"\t}",
			"\treturn nil",
		}
	}
	return strings.Join([]string{
		"# Receiving webhooks",
		"[NewWebhookHandler] makes the HTTP handler of a webhook target: it checks the secret of each delivery, decodes the payload and calls a function with it; [ParseWebhook] decodes a payload for other frameworks:",
		code(slices.Concat(
			[]string{"handler := " + t.pkg + ".NewWebhookHandler(secret, func(ctx context.Context, payload *" + t.pkg + "." + w.Payload.Name + ") error {"},
			body,
			[]string{"})", "http.Handle(\"/webhooks\", handler)"},
		)...),
	}, "\n\n")
}
