package build

import (
	"slices"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// FakePackage is the package name of the fake of an SDK named pkg, which
// is also the subdirectory of the SDK's output it is written to.
func FakePackage(pkg string) string { return pkg + "test" }

// fake names the fake of api and writes its docs; nil for a document
// without operations, which has nothing to fake, and for an SDK whose
// import path is unknown, which the fake could not import. Its service types take
// the names of the SDK's, its Server fields the names of the Client's,
// unless the fake declares them itself.
func (b *builder) fake(api *ir.API) *ir.Fake {
	if len(api.Services) == 0 || api.ImportPath == "" {
		return nil
	}
	f := &ir.Fake{Package: FakePackage(api.Package), SDKName: b.fakeSDKName()}
	types := newScope("the package "+f.Package, b.warnf)
	types.reserve("the fake", b.fakeNames...)
	fields := newScope("struct Server of "+f.Package, b.warnf)
	fields.reserve("the fake", ir.FakeServerMembers...)
	files := map[*ir.Service]string{}
	for _, file := range api.Files {
		if file.Service != nil {
			files[file.Service] = file.Name
		}
	}
	sdk := f.SDKName
	for _, svc := range api.Services {
		pointer := svc.Operations[0].Pointer + "/tags"
		fs := &ir.FakeService{
			Service: svc,
			Name:    types.declare(pointer, svc.Name),
			Field:   fields.declare(pointer, svc.Field),
			File:    files[svc],
		}
		fs.Doc = b.conv.Text(fs.Name+" holds the handlers of the operations of ["+sdk+"."+svc.Name+"], [Server."+fs.Field+"]: a test sets the handler of an operation to answer it; a nil handler answers as the handler's doc says.", "")
		fs.FieldDoc = b.conv.Text(fs.Field+" holds the handlers of the operations of ["+sdk+"."+svc.Name+"].", "")
		for _, o := range svc.Operations {
			fs.Handlers = append(fs.Handlers, &ir.FakeHandler{Operation: o, Doc: b.conv.Text(handlerDoc(sdk, svc, o), "")})
		}
		f.Services = append(f.Services, fs)
	}
	if api.Webhook != nil && api.Webhook.EventsField != nil {
		f.Webhook = api.Webhook
	}
	f.Doc = b.conv.Text(fakeDoc(api, f), "")
	return f
}

// handlerDoc is the doc of the handler of o: which method it answers, and
// what the server answers without it.
func handlerDoc(sdk string, svc *ir.Service, o *ir.Operation) string {
	doc := o.Name + " answers [" + sdk + "." + svc.Name + "." + o.Name + "] (" + o.Method + " " + o.Path + "). "
	switch {
	case o.Redirect:
		return doc + "Nil redirects to the server's root."
	case o.Result == nil:
		return doc + "Nil answers with success."
	case o.Example != nil:
		return doc + "Nil answers with the document's example of the result, decoded by the SDK."
	}
	return doc + "Nil answers with an empty result: the document has no example of it."
}

// fakeSDKName is the name the fake imports the SDK under: the SDK's
// package name, or, when the fake declares or uses that name itself (a
// package named like a helper of the fake's runtime, a package it
// imports, a local of its methods), that name with "sdk" appended.
func (b *builder) fakeSDKName() string {
	name := b.pkgName
	for slices.Contains(b.fakeNames, name) || slices.Contains(ir.FakeMethodLocals, name) || slices.Contains(ir.MethodLocals, name) {
		name += "sdk"
	}
	return name
}

// fakeDoc is the package comment of the fake f of api.
func fakeDoc(api *ir.API, f *ir.Fake) string {
	sdk := f.SDKName
	svc, op := f.Services[0], f.Services[0].Handlers[0].Operation
	doc := "Package " + f.Package + " is a fake of the " + clientOf(api) + " for the tests of applications built on package " + api.Package + ": an HTTP server on 127.0.0.1, started by [NewServer] and closed when the test ends, that answers each operation of the API with a handler the test sets (srv." + svc.Field + "." + op.Name + " = func(...) {...}) or, without one, with the document's example of the result. [Server.Client] is a [*" + sdk + ".Client] that calls it.\n\n" +
		"Every request is decoded with the SDK's own codecs, and checked as the API checks it: path parameters present, required query and header parameters present and of their type, a body that is valid JSON of the declared type with its required properties, union values and enum values the API knows. A request the API would refuse is answered 400 with the API's error body and fails the test with t.Errorf, naming the operation and the problem; [ExpectRefusals] makes it a 400 alone. A handler's [*" + sdk + ".APIError] is answered with its status, headers and error details, any other error with a 500. [Server.Requests] lists the requests received, each body decoded as its Go type."
	if f.Webhook != nil {
		doc += "\n\n[Server.SendWebhook] posts a webhook delivery to the application's handler (and [Server.SendWebhookURL] to a URL) as the API does, encoded by the SDK with the webhook's secret in the X-API-Key header, so that the handler [" + sdk + ".NewWebhookHandler] makes is tested end to end."
	}
	return doc
}
