package main

// Files the faults edit, relative to the module root.
const (
	webhookGo     = "templates/runtime/runtime_webhook.go"
	transportGo   = "templates/runtime/runtime_transport.go"
	jsonGo        = "templates/runtime/runtime_json.go"
	lexerGo       = "templates/runtime/runtime_json_lexer.go"
	optionsGo     = "templates/runtime/runtime_options.go"
	encoderGo     = "templates/runtime/runtime_json_encoder.go"
	paginateGo    = "templates/runtime/runtime_paginate.go"
	retryGo       = "templates/runtime/runtime_retry.go"
	urlGo         = "templates/runtime/runtime_url.go"
	paramsGo      = "templates/runtime/runtime_params.go"
	errorsGo      = "templates/runtime/runtime_errors.go"
	authGo        = "templates/runtime/runtime_auth.go"
	bodyGo        = "templates/runtime/runtime_body.go"
	namesGo       = "generator/build/names.go"
	schemaGo      = "generator/build/schema.go"
	serviceGo     = "generator/build/service.go"
	buildParamsGo = "generator/build/params.go"
	unionGo       = "generator/build/union.go"
	emitGo        = "generator/emit/emit.go"
	reservedGo    = "generator/ir/reserved.go"
	clientGo      = "generator/emit/client.go"
	codecGo       = "generator/emit/json.go"
	normalizeGo   = "generator/load/normalize.go"
	writeGo       = "generator/write.go"
	conflictsGo   = "generator/conflicts.go"
	mainGo        = "cmd/sunco-gen/main.go"
	generatorGo   = "generator/generator.go"
	goldenGo      = "golden/golden_test.go"

	fakeServerGo  = "templates/fake/runtime_server.go"
	fakeRequestGo = "templates/fake/runtime_request.go"
	fakeParamsGo  = "templates/fake/runtime_params.go"
	fakeCheckGo   = "templates/fake/runtime_check.go"
	fakeWebhookGo = "templates/fake/runtime_webhook.go"
	fakeEmitGo    = "generator/emit/fake.go"
)

// keyCheck is the webhook handler's API key check, which the order faults
// move.
const keyCheck = "\t\tif err := VerifyWebhookRequest(r, secret); err != nil {\n" +
	"\t\t\trefuse(http.StatusUnauthorized, \"unauthorized\", err)\n" +
	"\t\t\treturn\n" +
	"\t\t}\n"

// faults are the hand-made bugs, one at a time. The "issue" set is the
// list of issue 12: faults nothing caught, or only the golden snapshot,
// or that a weak assertion let through. The "fresh" set is new faults of
// the same kinds. The "blind" set was written after the tests by someone
// who had not read them, so that no fault is chosen for a test known to
// catch it.
var faults = []fault{
	// Issue 12: faults nothing caught.
	{
		Name: "webhook-cap-off-by-one", Set: "issue", Kind: "runtime",
		Doc:   "a webhook body one byte over the cap is accepted",
		Edits: []edit{{webhookGo, "http.MaxBytesReader(w, r.Body, cfg.maxBodyBytes)", "http.MaxBytesReader(w, r.Body, cfg.maxBodyBytes+1)"}},
	},
	{
		Name: "webhook-key-after-parse", Set: "issue", Kind: "runtime",
		Doc: "the webhook API key is checked after the body is read and parsed",
		Edits: []edit{
			{webhookGo, keyCheck + "\t\tbody, err :=", "\t\tbody, err :="},
			{webhookGo, "\t\t// fn's error is the application's", keyCheck + "\t\t// fn's error is the application's"},
		},
	},
	{
		Name: "webhook-key-after-read", Set: "issue", Kind: "runtime",
		Doc: "the webhook API key is checked after the body is read, before it is parsed",
		Edits: []edit{
			{webhookGo, keyCheck + "\t\tbody, err :=", "\t\tbody, err :="},
			{webhookGo, "\t\tpayload, err := parse(body)", keyCheck + "\t\tpayload, err := parse(body)"},
		},
	},
	{
		Name: "header-param-over-call-header", Set: "issue", Kind: "runtime",
		Doc:   "a header parameter overrides the per-call header of the same name",
		Edits: []edit{{transportGo, "[]http.Header{t.header, req.Header, cfg.header}", "[]http.Header{t.header, cfg.header, req.Header}"}},
	},
	{
		Name: "capital-run-not-split", Set: "issue", Kind: "builder",
		Doc:   "a run of capitals is not split before a capitalized word (XMLHttpRequest)",
		Edits: []edit{{namesGo, "(unicode.IsUpper(prev) && nextLower)", "(unicode.IsUpper(prev) && nextLower && false)"}},
	},
	{
		Name: "path-param-named-like-local", Set: "issue", Kind: "emitter",
		Doc:   "a path parameter {req} is not renamed away from the method's local req",
		Edits: []edit{{reservedGo, `"opts", "req", "out"`, `"opts", "out"`}},
	},
	{
		Name: "temp-dir-left-beside-out", Set: "issue", Kind: "writer",
		Doc:   "the temporary tree beside -out is left behind when a run fails",
		Edits: []edit{{writeGo, "\tdefer removeTree(tmp)\n", ""}},
	},
	{
		Name: "golden-update-keeps-stale-want", Set: "issue", Kind: "harness",
		Doc:   "go test ./golden -update leaves a want file the generator no longer writes",
		Edits: []edit{{goldenGo, "!keep && !e.IsDir()", "!keep && !e.IsDir() && false"}},
	},

	// Issue 12: faults caught only by the golden snapshot.
	{
		Name: "path-param-not-escaped", Set: "issue", Kind: "emitter",
		Doc:   "path parameters are pasted into the path unescaped",
		Edits: []edit{{clientGo, `jen.Id("escapePathSegment").Call(jen.Id(p.Name))`, `jen.Id(p.Name)`}},
	},
	{
		Name: "empty-path-param-sent", Set: "issue", Kind: "emitter",
		Doc:   "an empty path parameter is sent instead of refused",
		Edits: []edit{{clientGo, "if len(op.PathParams) > 0 {", "if len(op.PathParams) < 0 {"}},
	},
	{
		Name: "unknown-enum-value-rejected", Set: "issue", Kind: "emitter",
		Doc: "an enum value the SDK does not know does not decode into the enum field",
		Edits: []edit{{codecGo, "case *ir.Enum:\n\t\t\treturn jen.Id(\"decodeString\")", "case *ir.Enum:\n" +
			"\t\t\tvar known []jen.Code\n" +
			"\t\t\tfor _, v := range d.Values {\n" +
			"\t\t\t\tknown = append(known, jen.Lit(v.Value))\n" +
			"\t\t\t}\n" +
			"\t\t\treturn jen.Func().Params(jen.Id(\"v\").Op(\"*\").Id(d.Name), jen.Id(\"l\").Op(\"*\").Id(\"jsonLexer\")).Bool().Block(\n" +
			"\t\t\t\tjen.Return(jen.Id(\"decodeString\").Call(jen.Id(\"v\"), jen.Id(\"l\")).Op(\"&&\").Qual(\"slices\", \"Contains\").Call(jen.Index().Id(d.Name).Values(known...), jen.Op(\"*\").Id(\"v\"))),\n" +
			"\t\t\t)"}},
	},
	{
		Name: "absent-nullable-sent-as-null", Set: "issue", Kind: "codec",
		Doc: "an absent nullable field is encoded as null",
		Edits: []edit{{jsonGo, "\tdefault:\n\t\tencodeExtraMember(e, key, extra)\n\t}\n}\n\n// encodeDiscriminator",
			"\tdefault:\n\t\te.member(key)\n\t\te.buf = append(e.buf, \"null\"...)\n\t}\n}\n\n// encodeDiscriminator"}},
	},
	{
		Name: "null-decoded-as-absent", Set: "issue", Kind: "codec",
		Doc:   "a nullable field received as null decodes as absent",
		Edits: []edit{{jsonGo, "\t\t\t*v = Null[T]()", "\t\t\t*v = Nullable[T]{}"}},
	},
	{
		Name: "array-param-sends-last-only", Set: "issue", Kind: "emitter",
		Doc:   "an array query parameter sends only its last element",
		Edits: []edit{{clientGo, `jen.Id(target).Dot("Add")`, `jen.Id(target).Dot("Set")`}},
	},
	{
		Name: "header-param-sent-in-query", Set: "issue", Kind: "emitter",
		Doc:   "header parameters are sent in the query string",
		Edits: []edit{{clientGo, "\tif p.In != \"query\" {\n\t\ttarget = \"h\"\n\t}\n", ""}},
	},

	{
		Name: "optional-header-param-not-sent", Set: "issue", Kind: "emitter",
		Doc: "optional header parameters are not sent",
		Edits: []edit{{clientGo, "\tfor _, p := range ps.Fields {\n\t\tsets = append(sets,",
			"\tfor _, p := range ps.Fields {\n\t\tif p.In == \"header\" {\n\t\t\tcontinue\n\t\t}\n\t\tsets = append(sets,"}},
	},

	// Issue 12: weak assertions.
	{
		Name: "odd-value-dropped", Set: "issue", Kind: "codec",
		Doc:   "an optional property whose value does not fit its type is dropped, not kept in Extra (the referral example)",
		Edits: []edit{{jsonGo, "\t*v = nil\n\tkeepRaw(l, start, depth, extra, key)", "\t*v = nil\n\tkeepRaw(l, start, depth, nil, key)"}},
	},
	{
		Name: "cli-message-changed", Set: "issue", Kind: "cli",
		Doc:   "the CLI's message for an unknown command changes",
		Edits: []edit{{mainGo, "unknown command %q (sunco-gen -h lists them)", "no command %q"}},
	},
	{
		Name: "pager-stops-after-first-page", Set: "issue", Kind: "runtime",
		Doc:   "an iterator never fetches a second page",
		Edits: []edit{{paginateGo, "\t\t\tcase !more:", "\t\t\tcase !more || len(items) >= 0:"}},
	},

	// Fresh faults: runtime.
	{
		Name: "post-retried-on-503", Set: "fresh", Kind: "runtime",
		Doc:   "a POST is retried after a 5xx, when the server may have acted on it",
		Edits: []edit{{retryGo, "\t\treturn idempotent\n\t}\n\treturn false", "\t\treturn true\n\t}\n\treturn false"}},
	},
	{
		Name: "retry-after-ignored", Set: "fresh", Kind: "runtime",
		Doc:   "Retry-After is not honoured",
		Edits: []edit{{retryGo, `h.Get("Retry-After")`, `h.Get("Retry-After-Not")`}},
	},
	{
		Name: "redirect-origin-ignores-port", Set: "fresh", Kind: "runtime",
		Doc:   "a redirect to another port of the same host is followed",
		Edits: []edit{{transportGo, "portOf(a) == portOf(b)", "true"}},
	},
	{
		Name: "cross-origin-redirect-followed", Set: "fresh", Kind: "runtime",
		Doc:   "a redirect to another origin is followed with the credentials",
		Edits: []edit{{transportGo, "if !sameOrigin(r.URL, via[0].URL) {\n\t\t\treturn http.ErrUseLastResponse", "if !sameOrigin(r.URL, via[0].URL) {\n\t\t\treturn nil"}},
	},
	{
		Name: "dot-dot-segment-literal", Set: "fresh", Kind: "runtime",
		Doc:   `an id ".." is sent as a literal dot segment`,
		Edits: []edit{{urlGo, `return "%2E%2E"`, `return ".."`}},
	},
	{
		Name: "query-value-unescaped", Set: "fresh", Kind: "runtime",
		Doc: "query values are not escaped",
		Edits: []edit{
			{urlGo, "q[key] = []string{url.QueryEscape(value)}", "q[key] = []string{value}"},
			{urlGo, "q[key] = append(q[key], url.QueryEscape(value))", "q[key] = append(q[key], value)"},
		},
	},
	{
		Name: "float-param-exponent", Set: "fresh", Kind: "runtime",
		Doc:   "a float parameter is written with an exponent (1e+08)",
		Edits: []edit{{paramsGo, "strconv.FormatFloat(n, 'f', -1, 64)", "strconv.FormatFloat(n, 'g', -1, 64)"}},
	},
	{
		Name: "api-error-details-dropped", Set: "fresh", Kind: "runtime",
		Doc:   "an *APIError loses the errors list of the response",
		Edits: []edit{{errorsGo, "\t\te.Errors = doc.Errors\n", ""}},
	},
	{
		Name: "basic-auth-swapped", Set: "fresh", Kind: "runtime",
		Doc:   "basic auth sends secret:keyID",
		Edits: []edit{{authGo, `[]byte(keyID+":"+secret)`, `[]byte(secret+":"+keyID)`}},
	},
	{
		Name: "webhook-accepts-get", Set: "fresh", Kind: "runtime",
		Doc:   "the webhook handler accepts methods other than POST",
		Edits: []edit{{webhookGo, "if r.Method != http.MethodPost {", "if r.Method == http.MethodDelete {"}},
	},
	{
		Name: "stuck-cursor-followed", Set: "fresh", Kind: "runtime",
		Doc:   "a cursor seen before is followed again",
		Edits: []edit{{paginateGo, "case seen[*next]:", "case seen[*next] && len(items) < 0:"}},
	},
	{
		Name: "form-sent-as-json", Set: "fresh", Kind: "runtime",
		Doc:   "a form body is labelled application/json",
		Edits: []edit{{bodyGo, `contentType: "application/x-www-form-urlencoded"`, `contentType: "application/json"`}},
	},
	{
		Name: "retry-after-unbounded", Set: "fresh", Kind: "runtime",
		Doc:   "a long Retry-After is waited out in full",
		Edits: []edit{{retryGo, "return min(asked, t.maxRetryAfter)", "return asked"}},
	},
	{
		Name: "wait-past-deadline", Set: "fresh", Kind: "runtime",
		Doc:   "a Retry-After longer than the context has left is slept into a deadline error",
		Edits: []edit{{retryGo, "return ok && d > deadline.Sub(t.now())", "return ok && d < 0 && deadline.IsZero()"}},
	},
	{
		Name: "more-without-cursor-ends", Set: "fresh", Kind: "runtime",
		Doc:   "a page that says more follow without a cursor ends the list silently",
		Edits: []edit{{paginateGo, "\t\t\t\tyield(zero, errNoCursor)\n", ""}},
	},
	{
		Name: "response-cap-ignored", Set: "fresh", Kind: "runtime",
		Doc:   "a 2xx body is read whole, however large",
		Edits: []edit{{transportGo, "readBody(resp.Body, resp.ContentLength, limit)", "readBody(resp.Body, resp.ContentLength, 1<<62)"}},
	},
	{
		Name: "header-value-unchecked", Set: "fresh", Kind: "runtime",
		Doc:   "a header value with CR or LF is accepted, then fails every attempt",
		Edits: []edit{{optionsGo, "if (c < ' ' && c != '\\t') || c == 0x7f {", "if c == 0 && c != 0 {"}},
	},
	{
		Name: "upload-name-raw", Set: "fresh", Kind: "runtime",
		Doc:   "an upload's file name goes to mime/multipart, which Go 1.25 does not escape",
		Edits: []edit{{bodyGo, "fileDisposition(f.FieldName, f.FileName))", "multipart.FileContentDisposition(f.FieldName, f.FileName))"}},
	},
	{
		Name: "upload-name-not-from-reader", Set: "fresh", Kind: "runtime",
		Doc:   "an *os.File's name is not sent",
		Edits: []edit{{paramsGo, "ok && name == \"\" && named.Name() != \"\"", "ok && name == \"\" && named.Name() == \"\""}},
	},
	{
		Name: "api-error-text-raw", Set: "fresh", Kind: "runtime",
		Doc:   "APIError.Error() keeps the server's line breaks and escape sequences",
		Edits: []edit{{errorsGo, "\treturn !unicode.IsPrint(r)\n", "\treturn !unicode.IsPrint(r) && r < 0\n"}},
	},
	{
		Name: "operation-server-ignored", Set: "fresh", Kind: "runtime",
		Doc:   "an operation with a server of its own calls the base URL",
		Edits: []edit{{transportGo, "\tcase req.Server == \"\":\n", "\tcase req.Server != \"x\":\n"}},
	},
	{
		Name: "put-not-retried", Set: "fresh", Kind: "runtime",
		Doc:   "PUT is not treated as idempotent",
		Edits: []edit{{retryGo, "http.MethodHead, http.MethodPut, http.MethodDelete", "http.MethodHead, http.MethodDelete"}},
	},
	{
		Name: "request-id-dropped", Set: "fresh", Kind: "runtime",
		Doc:   "an *APIError does not carry the request id",
		Edits: []edit{{errorsGo, "\t\t\te.RequestID = v\n", ""}},
	},
	{
		Name: "path-check-skips-pairs", Set: "fresh", Kind: "runtime",
		Doc:   "only every other path parameter is checked for emptiness",
		Edits: []edit{{paramsGo, "i+1 < len(nameValues); i += 2 {", "i+1 < len(nameValues); i += 4 {"}},
	},
	{
		Name: "list-separator-escaped", Set: "fresh", Kind: "runtime",
		Doc:   "a query list in one value (form without explode, pipeDelimited) has its separators escaped: colors=a%2Cb",
		Edits: []edit{{urlGo, "joinParam(style, values, url.QueryEscape)", "url.QueryEscape(joinParam(style, values, func(v string) string { return v }))"}},
	},
	{
		Name: "header-list-first-only", Set: "fresh", Kind: "emitter",
		Doc:   "an array header parameter sends only its first item",
		Edits: []edit{{clientGo, `joinList(target, p.Style, name, jen.Id("formatList").Call(v))`, `setParam(target, name, ir.String, jen.Add(v).Index(jen.Lit(0)))`}},
	},
	{
		Name: "cookie-params-dropped", Set: "fresh", Kind: "builder",
		Doc:   "cookie parameters are dropped",
		Edits: []edit{{buildParamsGo, `case p.In != "query" && p.In != "header" && p.In != "cookie":`, `case p.In != "query" && p.In != "header":`}},
	},
	{
		Name: "exploded-object-as-one-value", Set: "fresh", Kind: "builder",
		Doc:   "a query object without explode is sent as an exploded one: x=1&y=2 for point=x,1,y,2",
		Edits: []edit{{buildParamsGo, "param.Style = ir.FormCompact\n\t\tif explode {", "param.Style = ir.FormCompact\n\t\tif true {"}},
	},
	{
		Name: "webhook-reason-unbounded", Set: "fresh", Kind: "runtime",
		Doc:   "the parse error a webhook sender sees is not bounded",
		Edits: []edit{{webhookGo, "return bodyExcerpt([]byte(line), maxReasonLen)", "return line"}},
	},
	{
		Name: "redirect-limit-off-by-one", Set: "fresh", Kind: "runtime",
		Doc:   "one redirect more than net/http's limit is followed",
		Edits: []edit{{transportGo, "len(via) >= maxRedirects", "len(via) > maxRedirects"}},
	},
	{
		Name: "attempt-timeout-ignored", Set: "fresh", Kind: "runtime",
		Doc:   "the per-attempt timeout bounds nothing",
		Edits: []edit{{transportGo, "return context.WithTimeout(ctx, d)", "return context.WithCancel(ctx)"}},
	},
	{
		Name: "raw-length-ignores-offset", Set: "fresh", Kind: "runtime",
		Doc:   "the length of a seekable body read part-way counts the bytes before its offset",
		Edits: []edit{{bodyGo, "+ end - start +", "+ end +"}},
	},

	// Fresh faults: codecs.
	{
		Name: "duplicate-key-kept-in-extra", Set: "fresh", Kind: "codec",
		Doc:   "an odd value of a key that a later duplicate fixes stays in Extra",
		Edits: []edit{{jsonGo, "if l.next() != 'n' && dec(v, l) {\n\t\tdropExtra(extra, key)\n", "if l.next() != 'n' && dec(v, l) {\n"}},
	},
	{
		Name: "empty-array-decoded-nil", Set: "fresh", Kind: "codec",
		Doc:   "[] decodes as a nil slice, which is not encoded again",
		Edits: []edit{{jsonGo, "\ts := make([]T, 0)\n", "\tvar s []T\n"}},
	},
	{
		Name: "undeclared-property-dropped", Set: "fresh", Kind: "codec",
		Doc:   "undeclared properties are not kept in Extra",
		Edits: []edit{{jsonGo, "keepRaw(l, l.pos, l.depth, extra, string(l.key))", "keepRaw(l, l.pos, l.depth, nil, string(l.key))"}},
	},
	{
		Name: "discriminator-first-member-only", Set: "fresh", Kind: "codec",
		Doc:   "the discriminator is looked for in the first member only",
		Edits: []edit{{lexerGo, "\t\t\t\tkeyNext = false\n", "\t\t\t\treturn at, true\n"}},
	},
	{
		Name: "discriminator-first-of-duplicates", Set: "fresh", Kind: "codec",
		Doc:   "the first of duplicate discriminator keys picks the variant, the last sets its field",
		Edits: []edit{{lexerGo, "\t\t\t\t\tat = end + 1\n", "\t\t\t\t\tif at < 0 {\n\t\t\t\t\t\tat = end + 1\n\t\t\t\t\t}\n"}},
	},
	{
		Name: "null-union-element-refused", Set: "fresh", Kind: "codec",
		Doc:   "a null in an array of unions fails the whole array (a webhook's events)",
		Edits: []edit{{jsonGo, "func (l *jsonLexer) discriminator(key string) ([]byte, bool) {\n\tif l.next() != '{' {\n\t\treturn nil, true\n", "func (l *jsonLexer) discriminator(key string) ([]byte, bool) {\n\tif c := l.next(); c != '{' {\n\t\treturn nil, c != 'n'\n"}},
	},
	{
		Name: "absent-required-reencoded", Set: "fresh", Kind: "codec",
		Doc:   "a required property absent when decoded is encoded as its zero value",
		Edits: []edit{{jsonGo, "(ok || absent) && isZero(v, enc)", "ok && isZero(v, enc)"}},
	},
	{
		Name: "variant-required-ignored", Set: "fresh", Kind: "codec",
		Doc:   "a union without discriminator picks a variant whose required properties are missing",
		Edits: []edit{{jsonGo, "\t\t\t\tcomplete = false\n\t\t\t\tbreak", "\t\t\t\tbreak"}},
	},
	{
		Name: "unknown-variant-reencoded-empty", Set: "fresh", Kind: "codec",
		Doc:   "an unknown union value encodes as {} instead of the bytes received",
		Edits: []edit{{jsonGo, "\t\treturn []byte(\"null\"), nil\n\t}\n\treturn raw, nil", "\t\treturn []byte(\"null\"), nil\n\t}\n\treturn []byte(\"{}\"), nil"}},
	},
	{
		Name: "free-form-number-float64", Set: "fresh", Kind: "codec",
		Doc:   "free-form numbers go through float64 and lose precision",
		Edits: []edit{{jsonGo, "return box(l, json.Number(l.text(lit))), lit != nil", "f, _ := strconv.ParseFloat(string(lit), 64)\n\treturn box(l, json.Number(strconv.FormatFloat(f, 'g', -1, 64))), lit != nil"}},
	},
	{
		Name: "newline-unescaped", Set: "fresh", Kind: "codec",
		Doc:   "a newline in a string is written raw",
		Edits: []edit{{encoderGo, "b = append(b, '\\\\', 'n')", "b = append(b, c)"}},
	},

	// Fresh faults: emitters.
	{
		Name: "extra-written-when-two", Set: "fresh", Kind: "emitter",
		Doc:   "Extra is encoded only when it holds more than one property",
		Edits: []edit{{codecGo, `jen.If(jen.Len(extra).Op(">").Lit(0))`, `jen.If(jen.Len(extra).Op(">").Lit(1))`}},
	},
	{
		Name: "discriminator-default-empty", Set: "fresh", Kind: "emitter",
		Doc:   "a variant whose discriminator the caller left empty is encoded with an empty one",
		Edits: []edit{{codecGo, "jen.Lit(d.Value), absent, extra", `jen.Lit(""), absent, extra`}},
	},
	{
		Name: "optional-body-nil-sent", Set: "fresh", Kind: "emitter",
		Doc:   "an optional body left nil in the params is sent as null",
		Edits: []edit{{clientGo, `jen.If(jen.Id("params").Op("!=").Nil().Op("&&").Add(field.Clone()).Op("!=").Nil())`, `jen.If(jen.Id("params").Op("!=").Nil())`}},
	},
	{
		Name: "null-form-field-sent", Set: "fresh", Kind: "emitter",
		Doc:   "a null nullable form field is sent as its zero value",
		Edits: []edit{{clientGo, `.Dot("Get").Call(), jen.Id("ok"))`, `.Dot("Get").Call(), jen.Id("ok").Op("||").True())`}},
	},
	{
		Name: "iter-drops-params", Set: "fresh", Kind: "emitter",
		Doc:   "ListIter drops the caller's optional parameters",
		Edits: []edit{{clientGo, "\t\tjen.If(jen.Id(\"params\").Op(\"!=\").Nil()).Block(jen.Id(\"base\").Op(\"=\").Op(\"*\").Id(\"params\")),\n", ""}},
	},
	{
		Name: "iter-ignores-has-more", Set: "fresh", Kind: "emitter",
		Doc:   "ListIter follows the cursor of a page that says there are no more",
		Edits: []edit{{clientGo, "jen.If(cond).Block(", `jen.If(jen.Add(cond).Op("&&").False()).Block(`}},
	},
	{
		Name: "user-agent-fixed", Set: "fresh", Kind: "emitter",
		Doc:   "the User-Agent does not follow the package name",
		Edits: []edit{{clientGo, `jen.Lit(api.Package+"-go/")`, `jen.Lit("sunco-go/")`}},
	},
	{
		Name: "required-params-not-sent", Set: "fresh", Kind: "emitter",
		Doc:   "required query and header parameters are not sent",
		Edits: []edit{{clientGo, "\tfor _, p := range op.Args {\n\t\tbody = append(body, encodeParam(p, jen.Id(p.Name)))\n\t}\n", ""}},
	},
	{
		Name: "odd-declared-value-written-twice", Set: "fresh", Kind: "emitter",
		Doc:   "a declared property whose odd value is in Extra is written twice",
		Edits: []edit{{codecGo, "\t\tdeclared = append(declared, jen.Lit(fd.JSONName))\n", ""}},
	},

	// Fresh faults: builder.
	{
		Name: "optional-nullable-made-pointer", Set: "fresh", Kind: "builder",
		Doc:   "an optional nullable property is a pointer, losing null",
		Edits: []edit{{schemaGo, "\tcase nullable:\n", "\tcase nullable && required:\n"}},
	},
	{
		Name: "discriminator-mapping-ignored", Set: "fresh", Kind: "builder",
		Doc:   "a discriminator's mapping is ignored for the variant values",
		Edits: []edit{{unionGo, "if len(values) > 0 {\n\t\treturn values", "if len(values) > 99 {\n\t\treturn values"}},
	},
	{
		Name: "pagination-direction-ignored", Set: "fresh", Kind: "builder",
		Doc:   "x-pagination-direction is ignored: every list pages forward",
		Edits: []edit{{serviceGo, "\t\tdirection = v\n", "\t\tdirection = v[:0] + \"after\"\n"}},
	},
	{
		Name: "raw-body-always-octet-stream", Set: "fresh", Kind: "builder",
		Doc:   "a raw body is labelled application/octet-stream whatever its media type",
		Edits: []edit{{serviceGo, "\t\t\tbody.ContentType = media\n", "\t\t\tbody.ContentType = octetMedia\n"}},
	},
	{
		Name: "keyword-param-not-renamed", Set: "fresh", Kind: "builder",
		Doc:   "a parameter named like a Go keyword keeps its name",
		Edits: []edit{{serviceGo, "if token.IsKeyword(name) || types.Universe", "if false && token.IsKeyword(name) || types.Universe"}},
	},
	{
		Name: "enum-constant-holds-go-name", Set: "fresh", Kind: "builder",
		Doc:   "an enum constant holds its Go name instead of the wire value",
		Edits: []edit{{schemaGo, "Value: str})", "Value: goSuffix(str)})"}},
	},

	// Fresh faults: loader.
	{
		Name: "required-true-not-listed", Set: "fresh", Kind: "loader",
		Doc:   "a boolean required: true is removed but not listed in the parent's required",
		Edits: []edit{{normalizeGo, "\tlist.Content = append(list.Content, scalar(name))\n", ""}},
	},
	{
		Name: "server-variable-default-empty", Set: "fresh", Kind: "loader",
		Doc:   "an undeclared server variable gets an empty default",
		Edits: []edit{{normalizeGo, `appendKey(def, "default", scalar(name))`, `appendKey(def, "default", scalar(""))`}},
	},
	{
		Name: "typeless-nullable-kept", Set: "fresh", Kind: "loader",
		Doc:   "nullable without type is left without the type of its allOf target",
		Edits: []edit{{normalizeGo, `appendKey(s.node, "type", scalar(typ.Value))`, `_ = typ.Value`}},
	},
	{
		Name: "ambiguous-oneof-threshold", Set: "fresh", Kind: "loader",
		Doc:   "a oneOf with two alternatives that require nothing stays oneOf",
		Edits: []edit{{normalizeGo, "if free < 2 {", "if free < 3 {"}},
	},

	// Fresh faults: writer and CLI.
	{
		Name: "foreign-file-replaced", Set: "fresh", Kind: "writer",
		Doc:   "a file sunco-gen did not write is replaced",
		Edits: []edit{{conflictsGo, "\t\tcase ours:\n", "\t\tcase ours && false:\n"}},
	},
	{
		Name: "foreign-file-dropped", Set: "fresh", Kind: "writer",
		Doc:   "files sunco-gen did not write are not kept",
		Edits: []edit{{writeGo, "\t\t\tkeep = append(keep, e.Name())\n", ""}},
	},
	{
		Name: "check-misses-dropped-file", Set: "fresh", Kind: "writer",
		Doc:   "-check does not report a file generated earlier and no longer produced",
		Edits: []edit{{writeGo, "!ours && e.Type().IsRegular() && isGenerated(path)", "!ours && e.Type().IsRegular() && isGenerated(path) && false"}},
	},
	{
		Name: "out-mode-not-kept", Set: "fresh", Kind: "writer",
		Doc:   "the output directory loses its mode",
		Edits: []edit{{writeGo, "return os.Chmod(tmp, modeBits(info))", "return os.Chmod(tmp, 0o755)"}},
	},
	{
		Name: "check-stale-exits-zero", Set: "fresh", Kind: "cli",
		Doc:   "-check exits 0 when the output is stale",
		Edits: []edit{{mainGo, "\t\treturn exitFailed\n\t}\n\treturn report(err, cfg.Verbose, stderr)", "\t\treturn exitOK\n\t}\n\treturn report(err, cfg.Verbose, stderr)"}},
	},
	{
		Name: "quiet-ignored", Set: "fresh", Kind: "cli",
		Doc:   "-q does not silence the warnings",
		Edits: []edit{{generatorGo, "\tif cfg.Quiet {\n\t\treturn\n\t}\n\tdefects := 0", "\tdefects := 0"}},
	},
	{
		Name: "input-error-exits-one", Set: "fresh", Kind: "cli",
		Doc:   "an unusable document exits 1 instead of 2",
		Edits: []edit{{mainGo, "\tcase errors.As(err, &input), errors.As(err, &conflict):\n\t\treturn exitInput", "\tcase errors.As(err, &conflict):\n\t\treturn exitInput"}},
	},
	{
		Name: "retries-one-too-many", Set: "blind", Kind: "runtime",
		Doc:   "a request is retried once more than its maximum",
		Edits: []edit{{"templates/runtime/runtime_transport.go", "attempt <= cfg.maxRetries && body.replayable()", "attempt <= cfg.maxRetries+1 && body.replayable()"}},
	},
	{
		Name: "cert-error-retried", Set: "blind", Kind: "runtime",
		Doc:   "a TLS certificate the client rejected is retried",
		Edits: []edit{{"templates/runtime/runtime_retry.go", "if errors.As(err, &certErr) {\n\t\treturn false\n\t}", "if errors.As(err, &certErr) {\n\t\t_ = certErr\n\t}"}},
	},
	{
		Name: "backoff-over-cap", Set: "blind", Kind: "runtime",
		Doc:   "the backoff may wait up to twice its cap",
		Edits: []edit{{"templates/runtime/runtime_retry.go", "\td = min(d, t.backoffCap)\n", ""}},
	},
	{
		Name: "webhook-empty-secret-accepted", Set: "blind", Kind: "runtime",
		Doc:   "a webhook handler made with an empty secret accepts a request without a key",
		Edits: []edit{{"templates/runtime/runtime_webhook.go", "if secret == \"\" || subtle.ConstantTimeCompare", "if subtle.ConstantTimeCompare"}},
	},
	{
		Name: "webhook-app-error-acknowledged", Set: "blind", Kind: "runtime",
		Doc:   "the application's error answers 200, so SunCo does not deliver again",
		Edits: []edit{{"templates/runtime/runtime_webhook.go", "refuse(http.StatusInternalServerError, \"internal error\", err)", "w.WriteHeader(http.StatusOK)"}},
	},
	{
		Name: "surrogate-pair-doubled", Set: "blind", Kind: "codec",
		Doc:   "an escaped surrogate pair decodes to the character followed by U+FFFD",
		Edits: []edit{{"templates/runtime/runtime_json_lexer.go", "b = utf8.AppendRune(b, pair)\n\t\t\t\t\t\t\ti += 6\n", "b = utf8.AppendRune(b, pair)\n"}},
	},
	{
		Name: "reverse-page-not-reversed", Set: "blind", Kind: "runtime",
		Doc:   "a backwards list yields each page oldest first",
		Edits: []edit{{"templates/runtime/runtime_paginate.go", "slices.Reverse(items)", "slices.Reverse(items[:0])"}},
	},
	{
		Name: "nullable-null-prints-absent", Set: "blind", Kind: "runtime",
		Doc:   "a null Nullable prints <absent>",
		Edits: []edit{{"templates/runtime/runtime_nullable.go", "case !n.valid:\n\t\treturn \"null\"", "case !n.valid:\n\t\treturn \"<absent>\""}},
	},
	{
		Name: "files-owner-only", Set: "blind", Kind: "writer",
		Doc:   "generated files are written readable by their owner only",
		Edits: []edit{{"generator/write.go", "return os.WriteFile(path, src, 0o644)", "return os.WriteFile(path, src, 0o600)"}},
	},
	{
		Name: "deep-object-dotted", Set: "blind", Kind: "emitter",
		Doc:   "deepObject keys are sent as page.after, not page[after]",
		Edits: []edit{{"generator/emit/client.go", "jen.Lit(p.WireName+\"[\"+k.WireKey+\"]\")", "jen.Lit(p.WireName+\".\"+k.WireKey)"}},
	},
	{
		Name: "overlay-sequence-replaced", Set: "blind", Kind: "loader",
		Doc:   "an overlay update of a sequence replaces it instead of appending",
		Edits: []edit{{"generator/load/overlay.go", "\tcase n.Kind == yaml.SequenceNode && u.Kind == yaml.SequenceNode:\n", "\tcase n.Kind == yaml.SequenceNode && u.Kind == yaml.SequenceNode:\n\t\tn.Content = nil\n"}},
	},
	{
		Name: "javascript-link-kept", Set: "blind", Kind: "builder",
		Doc:   "a javascript: link of a description is kept in the docs",
		Edits: []edit{{"generator/docs/html.go", "u.Scheme != \"http\" && u.Scheme != \"https\" && u.Scheme != \"mailto\"", "u.Scheme != \"http\" && u.Scheme != \"https\" && u.Scheme != \"mailto\" && u.Scheme != \"javascript\""}},
	},
	{
		Name: "changelog-all-compatible", Set: "blind", Kind: "cli",
		Doc:   "sunco-gen diff lists every Go API change as compatible",
		Edits: []edit{{"generator/changelog/goapi.go", "\t\tif c.Compatible {\n", "\t\tif c.Compatible || c.Message != \"\" {\n"}},
	},
	{
		Name: "query-value-brackets-raw", Set: "blind", Kind: "runtime",
		Doc:   "brackets in query values are sent unescaped",
		Edits: []edit{{"templates/runtime/runtime_url.go", "q[key] = []string{url.QueryEscape(value)}", "q[key] = []string{bracketReplacer.Replace(url.QueryEscape(value))}"}},
	},
	{
		Name: "log-attempt-from-zero", Set: "blind", Kind: "runtime",
		Doc:   "the request log counts attempts from 0",
		Edits: []edit{{"templates/runtime/runtime_transport.go", "slog.Int(\"attempt\", attempt),", "slog.Int(\"attempt\", attempt-1),"}},
	},
	{
		Name: "free-form-result-dropped", Set: "blind", Kind: "builder",
		Doc:   "a free-form object result is taken for an empty one: the method returns only an error",
		Edits: []edit{{"generator/build/service.go", "ap.Schema == nil && (ap.Has == nil || !*ap.Has)", "ap.Schema == nil"}},
	},

	// Issue 21: faults of the fake (templates/fake, generator/emit/fake.go).
	{
		Name: "fake-required-parameter-unchecked", Set: "fresh", Kind: "fake",
		Doc:   "the fake accepts a request without a required query or header parameter",
		Edits: []edit{{fakeParamsGo, "\t\tif required {\n\t\t\tc.missing(in, name)\n\t\t}\n\t\treturn\n\t}\n\tdecodeValues(c, paramKind(in)+\" \"+name, values", "\t\tif required && false {\n\t\t\tc.missing(in, name)\n\t\t}\n\t\treturn\n\t}\n\tdecodeValues(c, paramKind(in)+\" \"+name, values"}},
	},
	{
		Name: "fake-required-property-unchecked", Set: "fresh", Kind: "fake",
		Doc:   "the fake accepts a body without a required property",
		Edits: []edit{{fakeCheckGo, `case !present && opts == "":`, `case !present && opts == "" && false:`}},
	},
	{
		Name: "fake-misfit-unchecked", Set: "fresh", Kind: "fake",
		Doc:   "the fake accepts a property whose value is not of its type",
		Edits: []edit{{fakeCheckGo, "\t\tcase misfit:", "\t\tcase misfit && false:"}},
	},
	{
		Name: "fake-unknown-variant-accepted", Set: "fresh", Kind: "fake",
		Doc:   "the fake accepts a union value that is none of its variants",
		Edits: []edit{{fakeCheckGo, "if u, ok := ts.unknown[v.Type()]; ok {", "if u, ok := ts.unknown[v.Type()]; ok && false {"}},
	},
	{
		Name: "fake-refusal-reported-when-expected", Set: "fresh", Kind: "fake",
		Doc:   "ExpectRefusals does not keep a refusal from failing the test",
		Edits: []edit{{fakeServerGo, "if !c.f.cfg.quiet {", "if !c.f.cfg.quiet || true {"}},
	},
	{
		Name: "fake-retries-wait", Set: "fresh", Kind: "fake",
		Doc:   "the fake's retryable answers ask the client to wait a second",
		Edits: []edit{{fakeServerGo, `h.Set("Retry-After", "0")`, `h.Set("Retry-After", "1")`}},
	},
	{
		Name: "fake-example-not-answered", Set: "fresh", Kind: "emitter",
		Doc:   "an operation without a handler is answered with an empty result, not the document's example",
		Edits: []edit{{fakeEmitGo, "\tif o.Example != nil {\n", "\tif o.Example != nil && false {\n"}},
	},
	{
		Name: "fake-webhook-without-key", Set: "fresh", Kind: "fake",
		Doc:   "a webhook delivery of the fake carries the secret in another header than X-API-Key",
		Edits: []edit{{fakeWebhookGo, `r.Header.Set("X-API-Key", secret)`, `r.Header.Set("X-Api-Secret", secret)`}},
	},
	{
		Name: "fake-list-parameter-first-value", Set: "fresh", Kind: "fake",
		Doc:   "the fake decodes a list parameter from its first value alone",
		Edits: []edit{{fakeParamsGo, "\t\tfor i, text := range values {", "\t\tfor i, text := range values[:1] {"}},
	},
	{
		Name: "fake-pipe-list-split-at-comma", Set: "fresh", Kind: "fake",
		Doc:   "the fake splits a pipeDelimited list at its commas",
		Edits: []edit{{fakeParamsGo, `stylePipeDelimited: "|"}`, `stylePipeDelimited: ","}`}},
	},
	{
		Name: "fake-matrix-prefix-kept", Set: "fresh", Kind: "fake",
		Doc:   "the fake passes a matrix path parameter on with its ;name= prefix",
		Edits: []edit{{fakeParamsGo, `styleMatrix: ";" + name + "="}`, `styleMatrix: ""}`}},
	},
	{
		Name: "fake-literal-route-not-preferred", Set: "fresh", Kind: "fake",
		Doc:   "a request for a literal path goes to the route with a parameter in its place",
		Edits: []edit{{fakeServerGo, "case literals > bestLiterals:", "case literals < bestLiterals || bestLiterals < 0:"}},
	},
}
