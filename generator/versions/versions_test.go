// Package versions tests the generator on every published version of the
// Sunshine Conversations document kept in ../shared/spec/sunco.
package versions

import (
	"bufio"
	"fmt"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator"
	"github.com/sunco-sdk/sunco-go/generator/changelog"
)

const sharedSpecs = "../../../shared/spec/sunco"

// TestAllSpecVersions generates an SDK, with its fake, from every version
// in INDEX.tsv, once, and uses it three ways: it builds and vets them all
// (SDKs and fakes) in one module
// and prints a table (version, warnings, types, operations, build ok); it
// compares each with the previous version's API (see checkBreaks); and it
// checks that type names are stable (see checkNames).
func TestAllSpecVersions(t *testing.T) {
	versions := indexedVersions(t)
	mod := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/specs\n\ngo 1.26\n"), 0o644))

	type row struct {
		version         string
		warnings, types int
		operations      int
		err             error
		pkg             string
	}
	rows := make([]*row, 0, len(versions))
	im := changelog.NewImporter(token.NewFileSet())
	var steps []*step
	var prev *sdk
	for _, v := range versions {
		r := &row{version: v, pkg: "v" + strings.NewReplacer(".", "_").Replace(v)}
		rows = append(rows, r)
		cur, err := generate(filepath.Join(mod, r.pkg, "sunco"), "example.com/specs/"+r.pkg+"/sunco", v, im)
		if err != nil {
			r.err, prev = err, nil
			continue
		}
		r.warnings, r.types = cur.warnings, len(cur.api.Decls)
		for _, s := range cur.api.Services {
			r.operations += len(s.Operations)
		}
		if prev != nil {
			steps = append(steps, compare(prev, cur))
		}
		prev = cur
	}

	t.Run("build", func(t *testing.T) {
		cmd := exec.Command("go", "vet", "./...")
		cmd.Dir = mod
		out, _ := cmd.CombinedOutput()
		failed := failedPackages(string(out))

		fmt.Printf("%-8s %8s %6s %10s  %s\n", "version", "warnings", "types", "operations", "build")
		for _, r := range rows {
			status := "ok"
			switch {
			case r.err != nil:
				status = "generate failed: " + r.err.Error()
			case failed[r.pkg]:
				status = "build/vet failed"
			}
			fmt.Printf("%-8s %8d %6d %10d  %s\n", r.version, r.warnings, r.types, r.operations, status)
			if status != "ok" {
				t.Errorf("%s: %s", r.version, status)
			}
		}
		if len(failed) > 0 {
			t.Logf("go vet said:\n%s", out)
		}
	})
	t.Run("go breaks", func(t *testing.T) { checkBreaks(t, steps) })
	t.Run("names stable", func(t *testing.T) { checkNames(t, steps) })
}

// generate writes the SDK of version v, and its fake, into dir, the
// package importPath, and type-checks the SDK.
func generate(dir, importPath, v string, im *changelog.Importer) (*sdk, error) {
	res, err := generator.Generate(generator.Config{Spec: filepath.Join(sharedSpecs, v+".yaml"), Package: "sunco", ImportPath: importPath, Version: "test"})
	if err != nil {
		return nil, err
	}
	if _, ok := res.Files["suncotest/server.go"]; !ok {
		return nil, fmt.Errorf("no fake generated")
	}
	for name, data := range res.Files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return nil, err
		}
	}
	pkg, err := changelog.Check(res, im)
	if err != nil {
		return nil, fmt.Errorf("type-check: %w", err)
	}
	return &sdk{version: v, api: res.API, pkg: pkg, warnings: len(res.Warnings)}, nil
}

// indexedVersions lists the versions of INDEX.tsv, oldest first.
func indexedVersions(t *testing.T) []string {
	f, err := os.Open(filepath.Join(sharedSpecs, "INDEX.tsv"))
	if os.IsNotExist(err) {
		t.Skip("no shared spec versions beside the repository")
	}
	require.NoError(t, err)
	defer f.Close()
	var versions []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if fields[0] != "version" && fields[0] != "" {
			versions = append(versions, fields[0])
		}
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, versions)
	return versions
}

var vetPackage = regexp.MustCompile(`(?m)^# example\.com/specs/(v[0-9_]+)/sunco`)

// failedPackages are the version packages go vet reported on.
func failedPackages(out string) map[string]bool {
	failed := map[string]bool{}
	for _, m := range vetPackage.FindAllStringSubmatch(out, -1) {
		failed[m[1]] = true
	}
	if strings.TrimSpace(out) != "" && len(failed) == 0 {
		failed["(unattributed: "+strings.SplitN(out, "\n", 2)[0]+")"] = true
	}
	return failed
}
