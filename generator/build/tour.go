package build

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// packageDoc is the package comment: "Package x is a client for the ...",
// the document's description, then a short tour whose examples are taken
// from api (a call, an iterator, a union, the webhook handler), each
// section left out when the document has nothing to show in it.
func (b *builder) packageDoc(api *ir.API) string {
	parts := []string{"Package " + api.Package + " is a Go client for the " + clientOf(api) + "."}
	if info := b.doc.Info; info != nil {
		parts = append(parts, undeprecated(b.conv.Text("", info.Description)))
	}
	t := tour{api: api, pkg: api.Package, deprecated: func(o *ir.Operation) bool { return b.methodDocs[o].Deprecated }}
	parts = append(parts, t.client(), t.pagination(), t.unions(), t.webhooks())
	parts = slices.DeleteFunc(parts, func(s string) bool { return s == "" })
	return b.conv.Text(strings.Join(parts, "\n\n"), "")
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
	api        *ir.API
	pkg        string
	deprecated func(*ir.Operation) bool // the tour shows none of these
}

// code indents Go source lines as a doc comment code block.
func code(lines ...string) string {
	for i, l := range lines {
		lines[i] = "\t" + l
	}
	return strings.Join(lines, "\n")
}

// client shows how to make a Client, one call, and its errors.
func (t tour) client() string {
	s := []string{
		"# Using the client",
		"[NewClient] makes a [Client]; options set the credentials ([WithBasicAuth], [WithBearerToken] or [WithJWT]), the base URL ([WithBaseURL]; [DefaultBaseURL] by default), the HTTP client and the retries:",
		code(
			"client, err := "+t.pkg+".NewClient("+t.pkg+".WithBasicAuth(keyID, secret))",
			"if err != nil {",
			"\treturn err",
			"}",
		),
	}
	if len(t.api.Services) == 0 {
		return strings.Join(s, "\n\n")
	}
	if svc, call := t.call(); call != nil {
		s = append(s,
			"Each field of Client calls the operations of one part of the API, an operation being a method that takes a context, the path parameters and the other required ones, a Params struct holding the optional ones (nil for none), and request options:",
			code("res, err := client."+svc.Field+"."+call.Name+"("+strings.Join(arguments(call), ", ")+")"),
		)
	}
	s = append(s,
		"# Handling errors",
		"A call that the API answers with an error status returns an [*APIError], holding the status, the API's error details and the response headers:",
		code(
			"var apiErr *"+t.pkg+".APIError",
			"if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound {",
			"\t// not found",
			"}",
		),
	)
	return strings.Join(s, "\n\n")
}

// call picks the operation the tour calls: a plain GET with a result, not
// deprecated, preferably one named Get, with the fewest parameters.
func (t tour) call() (*ir.Service, *ir.Operation) {
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

// pagination shows the iterator of the first paginated operation that is
// not deprecated.
func (t tour) pagination() string {
	for _, svc := range t.api.Services {
		for _, o := range svc.Operations {
			if o.Pager == nil || t.deprecated(o) {
				continue
			}
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
	}
	return ""
}

// unions shows a type switch over the union of webhook events, or over
// the first union with variants.
func (t tour) unions() string {
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
func (t tour) shownUnion() *ir.Union {
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
func (t tour) webhooks() string {
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
