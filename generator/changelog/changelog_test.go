package changelog

import (
	"bytes"
	"flag"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

var update = flag.Bool("update", false, "rewrite the golden Markdown in testdata")

// TestMarkdown pins the changelog of two fixture documents: new.yaml drops
// an operation (an incompatible Go change, a breaking HTTP change), adds an
// optional response property (a compatible Go change, a non-breaking HTTP
// change) and drops one (incompatible in Go, not breaking over HTTP).
func TestMarkdown(t *testing.T) {
	tests := []struct{ name, old, new string }{
		{"pets", "old.yaml", "new.yaml"},
		{"unchanged", "old.yaml", "old.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, err := generator.Generate(generator.Config{Spec: filepath.Join("testdata", tt.old), Package: "pets", Version: "test"})
			require.NoError(t, err)
			new, err := generator.Generate(generator.Config{Spec: filepath.Join("testdata", tt.new), Package: "pets", Version: "test"})
			require.NoError(t, err)
			r, err := Compare(old, new)
			require.NoError(t, err)
			assertGolden(t, tt.name, r)
		})
	}
}

// TestMarkdownGroups pins the grouping and marks of every severity,
// including oasdiff's warnings, which the fixtures do not produce.
func TestMarkdownGroups(t *testing.T) {
	r := &Report{Title: "API", Old: "1", New: "2", Package: "api",
		Go: []Change{
			{Subject: "T.F", Text: "changed from int to string", Severity: Breaking},
			{Subject: "U", Text: "added", Severity: Compatible},
		},
		Behaviour: []Change{
			{Subject: "E", Text: "a response may now hold the new value \"b\" (`EB`), which code that handles the known values does not expect"},
		},
		HTTP: []Change{
			{Subject: "GET /a", Text: "api removed", Severity: Breaking},
			{Subject: "GET /b", Text: "response property `x` removed", Severity: Warning},
			{Subject: "GET /c", Text: "added *optional* parameter `y_z`", Severity: Compatible},
		}}
	assertGolden(t, "groups", r)
}

// assertGolden compares the Markdown of r with testdata/<name>.md, which
// -update rewrites.
func assertGolden(t *testing.T, name string, r *Report) {
	t.Helper()
	var got bytes.Buffer
	require.NoError(t, r.Markdown(&got))
	golden := filepath.Join("testdata", name+".md")
	if *update {
		require.NoError(t, os.WriteFile(golden, got.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), got.String())
}

func TestCodeSpans(t *testing.T) {
	tests := []struct{ in, want string }{
		{"removed", "removed"},
		{"added", "added"},
		{"changed from string to *string", "changed from `string` to `*string`"},
		{`value changed from "1.0.0" to "1.1.0"`, "value changed from `\"1.0.0\"` to `\"1.1.0\"`"},
		{"changed from func(context.Context, string, ...RequestOption) error to func(context.Context, string, *P, ...RequestOption) error",
			"changed from `func(context.Context, string, ...RequestOption) error` to `func(context.Context, string, *P, ...RequestOption) error`"},
		{"no longer implements Event", "no longer implements `Event`"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, codeSpans(tt.in))
		})
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"api removed without deprecation", "api removed without deprecation"},
		{"added the property `a_b[0]` to the response", "added the property `a_b[0]` to the response"},
		{"the type of */* changed <here>", `the type of \*/\* changed &lt;here&gt;`},
		{"removed `x` from [a_b]", "removed `x` from \\[a\\_b\\]"},
		{"a lone ` before *emphasis*", "a lone \\` before \\*emphasis\\*"},
		{"`a_b` then a lone ` and <c>", "`a_b` then a lone \\` and &lt;c&gt;"},
		{"``", "``"},
		{"`", "\\`"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, escape(tt.in))
		})
	}
}

// pets generates the SDKs of the fixture documents old.yaml and new.yaml.
func pets(t *testing.T) (old, new *generator.Result) {
	t.Helper()
	old, err := generator.Generate(generator.Config{Spec: filepath.Join("testdata", "old.yaml"), Package: "pets", Version: "test"})
	require.NoError(t, err)
	new, err = generator.Generate(generator.Config{Spec: filepath.Join("testdata", "new.yaml"), Package: "pets", Version: "test"})
	require.NoError(t, err)
	return old, new
}

// TestHTTPChangesLeaveOutNoise: of the changes between the fixtures, the
// HTTP part leaves out those that cannot affect a Go caller (the
// operationId's case, a media type added, the version note) and those
// the behaviour changes tell (an enum value, a variant added to a
// response), and covers the webhooks.
func TestHTTPChangesLeaveOutNoise(t *testing.T) {
	old, new := pets(t)
	changes, err := HTTPChanges(old, new)
	require.NoError(t, err)
	var texts []string
	for _, c := range changes {
		texts = append(texts, c.Subject+": "+c.Text)
	}
	assert.Contains(t, texts, "x-webhooks Pet Events: added the optional property `sentAt` to the payload")
	for _, noise := range []string{"operation id", "media type", "version", "enum value", "oneOf", "discriminator"} {
		for _, text := range texts {
			assert.NotContains(t, text, noise)
		}
	}
}

// TestBehaviourChanges: a value added to an enum of a response and a
// variant added to a union are behaviour changes; an enum value added to
// a request only is not.
func TestBehaviourChanges(t *testing.T) {
	old, new := pets(t)
	assert.Equal(t, []Change{
		{Subject: "PetStatus", Text: "a response may now hold the new value \"pending\" (`PetStatusPending`), which code that handles the known values does not expect"},
		{Subject: "WebhookEvent", Text: "values with `type` \"returned\" that decoded as `*UnknownWebhookEvent` now decode as `*PetReturnedEvent`"},
	}, BehaviourChanges(old.API, new.API))

	request := &ir.Enum{Name: "Kind", Values: []ir.EnumValue{{Name: "KindA", Value: "a"}}}
	more := &ir.Enum{Name: "Kind", Values: []ir.EnumValue{{Name: "KindA", Value: "a"}, {Name: "KindB", Value: "b"}}}
	assert.Empty(t, BehaviourChanges(&ir.API{Decls: []ir.Decl{request}}, &ir.API{Decls: []ir.Decl{more}}), "no response holds Kind")

	// An enum that only the webhook payload holds is received too.
	payload := &ir.Struct{Name: "Payload", Fields: []*ir.Field{{Name: "Kind", JSONName: "kind", Type: &ir.Named{Decl: more}}}}
	webhookOnly := &ir.API{Decls: []ir.Decl{more, payload}, Webhook: &ir.Webhook{Payload: payload}}
	assert.Equal(t, []Change{{Subject: "Kind", Text: "a response may now hold the new value \"b\" (`KindB`), which code that handles the known values does not expect"}},
		BehaviourChanges(&ir.API{Decls: []ir.Decl{request}}, webhookOnly), "the webhook payload holds Kind")
}

// TestEnumReachedEveryWay: a value added to an enum is a behaviour change
// whichever way a result or the webhook payload reaches the enum: through
// each kind of Go type that holds another, a struct's field, a union's
// variant and an alias; and it is none when only a request reaches it.
func TestEnumReachedEveryWay(t *testing.T) {
	old := &ir.Enum{Name: "Kind", Values: []ir.EnumValue{{Name: "KindA", Value: "a"}}}
	new := &ir.Enum{Name: "Kind", Values: []ir.EnumValue{{Name: "KindA", Value: "a"}, {Name: "KindB", Value: "b"}}}
	kind := &ir.Named{Decl: new}
	holder := &ir.Struct{Name: "Holder", Fields: []*ir.Field{{Name: "Kind", JSONName: "kind", Type: kind}}}
	variant := &ir.Struct{Name: "Variant", Fields: []*ir.Field{{Name: "Kind", JSONName: "kind", Type: kind}}}
	union := &ir.Union{Name: "Shape", Variants: []*ir.Variant{{Struct: &ir.Struct{Name: "Other"}}, {Struct: variant}}, Unknown: "UnknownShape"}
	alias := &ir.Alias{Name: "Kinds", Target: &ir.Slice{Elem: kind}}
	tests := []struct {
		name     string
		result   ir.Type
		decls    []ir.Decl
		webhook  *ir.Struct
		received bool
	}{
		{"the result itself", kind, nil, nil, true},
		{"a slice", &ir.Slice{Elem: kind}, nil, nil, true},
		{"a map", &ir.Map{Elem: kind}, nil, nil, true},
		{"a pointer", &ir.Pointer{Elem: kind}, nil, nil, true},
		{"a nullable", &ir.Nullable{Elem: kind}, nil, nil, true},
		{"nested", &ir.Pointer{Elem: &ir.Map{Elem: &ir.Slice{Elem: &ir.Nullable{Elem: kind}}}}, nil, nil, true},
		{"a struct's field", &ir.Pointer{Elem: &ir.Named{Decl: holder}}, []ir.Decl{holder}, nil, true},
		{"a union's variant", &ir.Named{Decl: union}, []ir.Decl{union, variant}, nil, true},
		{"an alias", &ir.Named{Decl: alias}, []ir.Decl{alias}, nil, true},
		{"the webhook payload", nil, []ir.Decl{holder}, holder, true},
		{"no result", nil, []ir.Decl{holder}, nil, false},
		{"a result of another type", ir.String, []ir.Decl{holder}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := &ir.API{
				Decls:    append([]ir.Decl{new}, tt.decls...),
				Services: []*ir.Service{{Name: "S", Operations: []*ir.Operation{{Result: tt.result}}}},
			}
			if tt.webhook != nil {
				api.Webhook = &ir.Webhook{Payload: tt.webhook}
			}
			changes := BehaviourChanges(&ir.API{Decls: []ir.Decl{old}}, api)
			if !tt.received {
				assert.Empty(t, changes)
				return
			}
			assert.Equal(t, []Change{{Subject: "Kind", Text: "a response may now hold the new value \"b\" (`KindB`), which code that handles the known values does not expect"}}, changes)
		})
	}
}

// TestIncompatible: a report is incompatible when any Go change is not
// compatible; behaviour and HTTP changes do not count.
func TestIncompatible(t *testing.T) {
	tests := []struct {
		name   string
		report Report
		want   bool
	}{
		{"nothing", Report{}, false},
		{"compatible Go changes", Report{Go: []Change{{Severity: Compatible}, {Severity: Compatible}}}, false},
		{"a breaking one among them", Report{Go: []Change{{Severity: Compatible}, {Severity: Breaking}}}, true},
		{"a warning", Report{Go: []Change{{Severity: Warning}}}, true},
		{"breaking over HTTP only", Report{HTTP: []Change{{Severity: Breaking}}, Behaviour: []Change{{Subject: "X"}}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.report.Incompatible())
		})
	}
}

// TestCheckLeavesOutTestsAndTheFake: the Go API compared is the package's
// own files: not its tests, not the fake in its directory, not a file
// that is not Go.
func TestCheckLeavesOutTestsAndTheFake(t *testing.T) {
	res, _ := pets(t)
	files := maps.Clone(res.Files)
	files["example_test.go"] = []byte("package pets_test\n\nfunc FromTheTest() {}\n")
	files["internal_test.go"] = []byte("package pets\n\nfunc FromTheInternalTest() {}\n")
	files["petstest/server.go"] = []byte("package petstest\n\nfunc FromTheFake() {}\n")
	files["README.md"] = []byte("# Not Go\n")
	pkg, err := Check(&generator.Result{API: res.API, Files: files}, NewImporter(token.NewFileSet()))
	require.NoError(t, err)
	assert.NotNil(t, pkg.Scope().Lookup("Pet"), "the package's own declarations")
	for _, name := range []string{"FromTheTest", "FromTheInternalTest", "FromTheFake"} {
		assert.Nil(t, pkg.Scope().Lookup(name), name)
	}
}

// TestUnionChanges: every discriminator value whose variant differs
// between the two versions is listed, whether it was added, removed or
// moved to another variant; a union without a discriminator, or whose
// discriminator changed, lists the variants it adds.
func TestUnionChanges(t *testing.T) {
	variant := func(name string, values ...string) *ir.Variant {
		return &ir.Variant{Struct: &ir.Struct{Name: name}, Values: values}
	}
	union := func(discriminator string, variants ...*ir.Variant) *ir.Union {
		return &ir.Union{Name: "Event", Discriminator: discriminator, Variants: variants, Unknown: "UnknownEvent"}
	}
	tests := []struct {
		name     string
		old, new *ir.Union
		want     []string
	}{
		{"unchanged", union("type", variant("A", "a")), union("type", variant("A", "a")), nil},
		{"value added", union("type", variant("A", "a")), union("type", variant("A", "a"), variant("B", "b")),
			[]string{"values with `type` \"b\" that decoded as `*UnknownEvent` now decode as `*B`"}},
		{"value removed", union("type", variant("A", "a"), variant("B", "b")), union("type", variant("A", "a")),
			[]string{"values with `type` \"b\" that decoded as `*B` now decode as `*UnknownEvent`"}},
		{"value moved", union("type", variant("A", "a", "x")), union("type", variant("A", "a"), variant("X", "x")),
			[]string{"values with `type` \"x\" that decoded as `*A` now decode as `*X`"}},
		{"values in order", union("type", variant("C", "c"), variant("A", "a")), union("type", variant("B", "b")),
			[]string{
				"values with `type` \"a\" that decoded as `*A` now decode as `*UnknownEvent`",
				"values with `type` \"b\" that decoded as `*UnknownEvent` now decode as `*B`",
				"values with `type` \"c\" that decoded as `*C` now decode as `*UnknownEvent`",
			}},
		{"no discriminator", union("", variant("A")), union("", variant("A"), variant("B")),
			[]string{"values that decoded as `*UnknownEvent` may now decode as the new variant `*B`"}},
		{"discriminator changed", union("type", variant("A", "a")), union("kind", variant("A", "a"), variant("B", "b")),
			[]string{"values that decoded as `*UnknownEvent` may now decode as the new variant `*B`"}},
		{"variant removed without discriminator", union("", variant("A"), variant("B")), union("", variant("A")), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var texts []string
			for _, c := range BehaviourChanges(&ir.API{Decls: []ir.Decl{tt.old}}, &ir.API{Decls: []ir.Decl{tt.new}}) {
				assert.Equal(t, "Event", c.Subject)
				texts = append(texts, c.Text)
			}
			assert.Equal(t, tt.want, texts)
		})
	}
}

// TestSunCoChangelog checks the changelog of 12.0.0 → 17.12.1 for what a
// maintainer must not miss: user:remove events decode as a type of their
// own, the webhooks' changes, showAIDisclaimer and Mailgun's signingKey
// over HTTP as in Go; and the noise left out.
func TestSunCoChangelog(t *testing.T) {
	specs := filepath.Join("..", "..", "..", "shared", "spec", "sunco")
	if _, err := os.Stat(filepath.Join(specs, "12.0.0.yaml")); err != nil {
		t.Skipf("no published versions beside the repository: %v", err)
	}
	old, err := generator.Generate(generator.Config{Spec: filepath.Join(specs, "12.0.0.yaml"), Package: "sunco"})
	require.NoError(t, err)
	new, err := generator.Generate(generator.Config{Spec: filepath.Join(specs, "17.12.1.yaml"), Package: "sunco"})
	require.NoError(t, err)
	r, err := Compare(old, new)
	require.NoError(t, err)
	assert.Contains(t, r.Behaviour, Change{Subject: "WebhookEvent",
		Text: "values with `type` \"user:remove\" that decoded as `*UnknownWebhookEvent` now decode as `*UserRemoveEvent`"})
	has := func(subject, text string) bool {
		return slices.ContainsFunc(r.HTTP, func(c Change) bool { return strings.HasPrefix(c.Subject, subject) && strings.Contains(c.Text, text) })
	}
	assert.True(t, has("x-webhooks Webhook Event", "to the payload"), "the webhooks' changes")
	assert.True(t, has("components/schemas/mailgun", "`allOf[subschema #2]/signingKey`"), "Mailgun's signingKey")
	for _, variant := range []string{"android", "mailgun", "web"} {
		assert.True(t, has("components/schemas/"+variant, "showAIDisclaimer"), "showAIDisclaimer of %s", variant)
	}
	assert.False(t, has("", "operation id"), "operationIds whose case changed")
	assert.False(t, has("", "media type"), "media types added")
	assert.False(t, has("info", "version"), "oasdiff's version note")
	assert.True(t, r.Incompatible())
}

// TestSortChanges: the most severe changes come first, and changes of
// the same severity keep their order.
func TestSortChanges(t *testing.T) {
	changes := []Change{
		{Subject: "a", Severity: Compatible},
		{Subject: "b", Severity: Breaking},
		{Subject: "c", Severity: Warning},
		{Subject: "d", Severity: Compatible},
		{Subject: "e", Severity: Breaking},
	}
	sortChanges(changes)
	var got []string
	for _, c := range changes {
		got = append(got, c.Subject)
	}
	assert.Equal(t, []string{"b", "e", "c", "a", "d"}, got)
}
