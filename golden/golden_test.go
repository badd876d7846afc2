// Package golden holds the generator's golden tests: small OpenAPI
// documents of our own, each aimed at one construct, and the Go files the
// generator is expected to emit for them.
//
// Every case is a directory under testdata/ (so that the go tool does not
// build the expected files as a package of this module):
//
//	testdata/<case>/spec.yaml     the fixture document
//	testdata/<case>/overlay.yaml  an OpenAPI Overlay applied to it, if present
//	testdata/<case>/want/*.go     the expected output, runtime copies excluded
//	testdata/<case>/want/sunco    the expected fake of the SDK, in its
//	  test/*.go                   directory, for a case with operations
//
// testdata/refused/*.yaml are documents the generator must refuse, each
// error naming its JSON pointer (TestRefused). All of them seed
// FuzzGenerate, which make test runs for 20 s.
//
// After a deliberate change to the generator, review the new output with
//
//	go test ./golden -update
//	git diff golden/
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator"
)

var update = flag.Bool("update", false, "rewrite testdata/*/want with the generator's output")

// cases are the fixture directories under testdata/, each aimed at one
// construct (its spec.yaml says which in more detail); TestCasesListed
// checks that none is missed.
var cases = []string{
	"allof_flatten",       // allOf of refs + inline; allOf [$ref] is the type itself
	"bodies",              // form, raw and text request bodies, +json, JSON preferred
	"collisions",          // Go names that collide, with each other and with the SDK's
	"deepobject",          // deepObject page/filter params, header and path params, Iter
	"enums",               // component and inline enums, name mangling
	"freeform",            // objects without properties, additionalProperties
	"markdown",            // Markdown and HTML descriptions as Go doc comments
	"methods",             // method names, parameters, optional bodies, results
	"names",               // initialisms, brands, runs of capitals, file names
	"no_components",       // no components, no operationId, no tags
	"normalize",           // defects the loader normalizes; a redirect operation
	"nullable",            // Nullable[T], pointers for optional fields
	"oneof_discriminator", // sealed interface picked by a discriminator
	"openapi31",           // an OpenAPI 3.1 document: type arrays with null, const, a null alternative
	"polymorphic_base",    // base schema mapping to allOf subtypes
	"recursive",           // self reference through arrays, properties, allOf, unions
	"schemas_only",        // no operations: no types, a Client without services
	"servers",             // a petstore with server URL templates: options named after their domain
	"undiscriminated",     // oneOf by properties present, merged and clashing anyOf
	"webhook",             // x-webhooks events made a union by an overlay
	"wire",                // the fixture SDK gen/fixturetest runs against a test server
}

// pkg is the package name of every generated fixture SDK, and version the
// generator version its headers record: fixed, so that the golden files do
// not change with the build.
const (
	pkg     = "sunco"
	version = "v0.0.0-golden"
)

// importPath is the import path of a case's SDK: its directory in the
// module TestGoldenCompiles writes, which the fake imports.
func importPath(name string) string { return "example.com/golden/" + name }

// generate runs the generator on a case, with its overlay if it has one.
func generate(t *testing.T, name string) *generator.Result {
	t.Helper()
	dir := filepath.Join("testdata", name)
	overlay := filepath.Join(dir, "overlay.yaml")
	if _, err := os.Stat(overlay); err != nil {
		overlay = ""
	}
	res, err := generator.Generate(generator.Config{
		Spec: filepath.Join(dir, "spec.yaml"), Overlay: overlay, Package: pkg, ImportPath: importPath(name), Version: version,
	})
	require.NoError(t, err, "generate %s", name)
	return res
}

// isRuntime reports a copy of the runtime (of the SDK or of its fake),
// which is not part of the golden output: the runtimes have tests of
// their own.
func isRuntime(name string) bool { return strings.HasPrefix(path.Base(name), "runtime_") }

// emitted is the golden part of a generated SDK: every file but the runtime.
func emitted(res *generator.Result) map[string][]byte {
	out := map[string][]byte{}
	for name, src := range res.Files {
		if !isRuntime(name) {
			out[name] = src
		}
	}
	return out
}

// TestGolden compares the emitted files of each case with its want/
// directory, byte for byte; with -update it first rewrites want/, removing
// the files the generator no longer writes, and then compares all the same.
func TestGolden(t *testing.T) {
	for _, c := range cases {
		t.Run(c, func(t *testing.T) {
			got := emitted(generate(t, c))
			dir := filepath.Join("testdata", c, "want")
			if *update {
				writeWant(t, dir, got)
			}
			want := readWant(t, dir)
			assert.Equal(t, sortedKeys(want), sortedKeys(got), "file set differs from %s (run go test ./golden -update)", dir)
			for _, name := range sortedKeys(got) {
				if w, ok := want[name]; ok && !bytes.Equal(w, got[name]) {
					t.Errorf("%s differs (run go test ./golden -update and review the diff):\n%s",
						filepath.Join(dir, name), firstDifference(w, got[name]))
				}
			}
		})
	}
}

// TestPackageName generates a fixture under another package name: the
// package clause and the User-Agent follow it.
func TestPackageName(t *testing.T) {
	res, err := generator.Generate(generator.Config{Spec: filepath.Join("testdata", "names", "spec.yaml"), Package: "chat", Version: version})
	require.NoError(t, err)
	client := string(res.Files["client.go"])
	assert.Contains(t, client, "package chat\n")
	assert.Contains(t, client, `"chat-go/"+SpecVersion()`)
}

// TestFakeImportName generates a fixture under a package name the fake
// declares itself (a helper of its runtime): the fake imports the SDK
// under another name, and type-checks.
func TestFakeImportName(t *testing.T) {
	res, err := generator.Generate(generator.Config{Spec: filepath.Join("testdata", "collisions", "spec.yaml"), Package: "example", ImportPath: importPath("collisions"), Version: version})
	require.NoError(t, err)
	assert.Contains(t, string(res.Files["exampletest/server.go"]), `examplesdk "example.com/golden/collisions"`)
	assert.Contains(t, string(res.Files["exampletest/doc.go"]), "[*examplesdk.APIError]")
	require.NoError(t, typeCheck(res.Files))
}

// TestDeterministic generates every case twice and requires identical
// files: map iteration order must never leak into the output.
func TestDeterministic(t *testing.T) {
	for _, c := range cases {
		t.Run(c, func(t *testing.T) {
			first, second := generate(t, c).Files, generate(t, c).Files
			require.Equal(t, sortedKeys(first), sortedKeys(second))
			for name, src := range first {
				assert.True(t, bytes.Equal(src, second[name]), "%s differs between two runs:\n%s", name, firstDifference(src, second[name]))
			}
		})
	}
}

// TestGoldenCompiles writes the complete SDK of every case, runtime
// included, as one package each of a scratch module and runs go vet on
// them all at once.
func TestGoldenCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	mod := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/golden\n\ngo 1.26\n"), 0o644))
	for _, c := range cases {
		dir := filepath.Join(mod, c)
		require.NoError(t, os.Mkdir(dir, 0o755))
		for name, src := range generate(t, c).Files {
			require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(dir, name), src, 0o644))
		}
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err == nil {
		return
	}
	failed := map[string]bool{}
	for _, re := range vetCase {
		for _, m := range re.FindAllStringSubmatch(string(out), -1) {
			failed[m[1]] = true
		}
	}
	t.Errorf("go vet failed (%v), cases %v:\n%s", err, sortedKeys(failed), out)
}

// vetCase finds the cases go vet complains about, by package path
// ("# example.com/golden/enums") or by file ("enums/models.go:3:4: ...").
var vetCase = []*regexp.Regexp{
	regexp.MustCompile(`(?m)^# example\.com/golden/(\w+)$`),
	regexp.MustCompile(`(?m)^(?:vet: )?(?:\./)?(\w+)/\w+\.go:\d+`),
}

// refusals are documents the generator must refuse, in testdata/refused/,
// each with the JSON pointers its errors name, in order.
var refusals = []struct {
	file     string
	pointers []string
}{
	{"allof_cycle.yaml", []string{"/components/schemas/A"}},
	{"oneof_self.yaml", []string{"/components/schemas/A"}},
	{"alias_cycle.yaml", []string{"/components/schemas/A"}},
	{"mapping_external.yaml", []string{"/components/schemas/Pet/discriminator/mapping/cat"}},
	{"mapping_missing.yaml", []string{"/components/schemas/Pet/discriminator/mapping/cat"}},
	{"openapi31.yaml", []string{
		"/components/schemas/Thing/properties/id/type",
		"/components/schemas/Thing/properties/nothing/type",
		"/components/schemas/Thing/properties/origin/const",
		"/components/schemas/Thing/properties/pair/prefixItems",
	}},
	{"params.yaml", []string{
		"/components/parameters/Tags",
		"/paths/~1headers/get/parameters/0/schema",
		"/paths/~1headers/get/parameters/1",
		"/paths/~1headers/get/parameters/2",
		"/paths/~1headers/get/parameters/3",
		"/paths/~1lists~1{ids}/parameters/0",
		"/paths/~1points~1{point}~1{corner}/get/parameters/0",
		"/paths/~1points~1{point}~1{corner}/get/parameters/1",
		"/paths/~1search/get/parameters/0",
		"/paths/~1search/get/parameters/1",
		"/paths/~1search/get/parameters/2",
		"/paths/~1search/get/parameters/3",
		"/paths/~1search/get/parameters/4",
		"/paths/~1search/get/parameters/5/schema",
		"/paths/~1search/get/parameters/7",
	}},
	{"unsupported.yaml", []string{
		"/components/schemas/Mixed/allOf/0",
		"/components/schemas/Named/x-go-name",
		"/components/schemas/Shape/oneOf/1",
		"/paths/~1forms/post/requestBody/content/application~1x-www-form-urlencoded/schema",
		"/paths/~1regional/servers",
		"/paths/~1relative/get/servers",
		"/paths/~1search/get/parameters/0/schema",
		"/paths/~1uploads/post/requestBody/content/multipart~1form-data/schema",
	}},
}

// TestRefused requires each refused document to fail as unusable input
// with one line per error, each naming the file (and the line, when the
// loader refuses it) and the expected pointer.
func TestRefused(t *testing.T) {
	for _, r := range refusals {
		t.Run(r.file, func(t *testing.T) {
			spec := filepath.Join("testdata", "refused", r.file)
			_, err := generator.Generate(generator.Config{Spec: spec, Package: pkg, Version: version})
			var input *generator.InputError
			require.ErrorAs(t, err, &input)
			lines := strings.Split(err.Error(), "\n")
			require.Len(t, lines, len(r.pointers), "one line per error:\n%s", err)
			for i, line := range lines {
				prefix := regexp.MustCompile("^" + regexp.QuoteMeta(spec) + `(:\d+)?: ` + regexp.QuoteMeta(r.pointers[i]) + ": ")
				assert.Regexp(t, prefix, line, "line %d", i)
			}
		})
	}
}

// TestRefusedListed requires every file of testdata/refused to be in the
// refusals table.
func TestRefusedListed(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "refused", "*.yaml"))
	require.NoError(t, err)
	var listed []string
	for _, r := range refusals {
		listed = append(listed, filepath.Join("testdata", "refused", r.file))
	}
	slices.Sort(listed)
	assert.Equal(t, files, listed)
}

// TestCasesListed requires every directory of testdata/ but refused/ and
// fuzz/ (inputs FuzzGenerate failed on, kept as regression seeds) to be a
// case of the table, and every case to have a spec.
func TestCasesListed(t *testing.T) {
	entries, err := os.ReadDir("testdata")
	require.NoError(t, err)
	var dirs, listed []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != "refused" && e.Name() != "fuzz" {
			dirs = append(dirs, e.Name())
		}
	}
	for _, c := range cases {
		listed = append(listed, c)
		assert.FileExists(t, filepath.Join("testdata", c, "spec.yaml"))
	}
	slices.Sort(listed)
	assert.Equal(t, dirs, listed, "the cases table and testdata/ disagree")
}

// readWant reads the expected files of a case: every file below dir, by
// slash-separated path, so that a stray one fails the comparison.
func readWant(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	want := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		want[filepath.ToSlash(rel)] = data
		return err
	})
	require.NoError(t, err, "no expected output (run go test ./golden -update)")
	return want
}

// writeWant makes dir hold exactly files, by slash-separated path: it
// writes each and removes every other file, such as the output of a
// service that no longer exists, and the directories left empty.
func writeWant(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name := range readWant(t, dir) {
		if _, keep := files[name]; !keep {
			require.NoError(t, os.Remove(filepath.Join(dir, filepath.FromSlash(name))))
			_ = os.Remove(filepath.Dir(filepath.Join(dir, filepath.FromSlash(name)))) // fails unless empty
		}
	}
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, src, 0o644))
	}
}

// TestWriteWant checks the -update path: the want directory ends up with
// exactly the generated files, stale ones removed, in the fake's
// directory too, which goes when the fake does.
func TestWriteWant(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "service_gone.go"), []byte("package sunco\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "models.go"), []byte("old\n"), 0o644))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "suncotest"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "suncotest", "service_gone.go"), []byte("package suncotest\n"), 0o644))
	files := map[string][]byte{"models.go": []byte("new\n"), "client.go": []byte("client\n"), "suncotest/server.go": []byte("server\n")}
	writeWant(t, dir, files)
	assert.Equal(t, files, readWant(t, dir))

	delete(files, "suncotest/server.go")
	writeWant(t, dir, files)
	assert.Equal(t, files, readWant(t, dir))
	assert.NoDirExists(t, filepath.Join(dir, "suncotest"))
}

// firstDifference shows the first line where want and got differ, with a
// few lines of context before it and the differing lines marked - and +.
func firstDifference(want, got []byte) string {
	const context = 3
	wl := strings.Split(string(want), "\n")
	gl := strings.Split(string(got), "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "@@ line %d (- want, + got) @@\n", i+1)
	for _, l := range wl[max(0, i-context):i] {
		fmt.Fprintf(&b, "  %s\n", l)
	}
	for _, l := range wl[i:min(len(wl), i+context)] {
		fmt.Fprintf(&b, "- %s\n", l)
	}
	for _, l := range gl[i:min(len(gl), i+context)] {
		fmt.Fprintf(&b, "+ %s\n", l)
	}
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
