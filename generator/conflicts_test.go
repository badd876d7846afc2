package generator

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunRefusesConflicts: a hand-written file that the generated package
// cannot build with is refused before anything is written, by a run and
// by -check alike, naming the hand-written position and the generated
// one; a file that does not clash is kept.
func TestRunRefusesConflicts(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string // the conflicts, "" when none; OUT stands for the output directory
	}{
		{"a method the generated code declares", "mine.go",
			"package sunco\n\nfunc (s *ThingsService) Get() {}\n",
			[]string{"OUT/mine.go:3: method ThingsService.Get is declared by the generated code too ({service_things.go:func (s *ThingsService) Get(}); rename or remove it"}},
		{"a method named like a generated field", "mine.go",
			"package sunco\n\nfunc (t Thing) Name() string { return \"\" }\n",
			[]string{"OUT/mine.go:3: method Thing.Name is declared by the generated code too ({service_things.go:	Name Nullable}); rename or remove it"}},
		{"a type and a var", "mine.go",
			"package sunco\n\ntype Thing struct{}\n\nvar (\n\t_, DefaultBaseURL = 1, 2\n)\n",
			[]string{
				"OUT/mine.go:3: type Thing is declared by the generated code too ({service_things.go:type Thing struct}); rename or remove it",
				"OUT/mine.go:6: var DefaultBaseURL is declared by the generated code too ({client.go:const DefaultBaseURL}); rename or remove it",
			}},
		{"a func in an internal test", "mine_test.go",
			"package sunco\n\nfunc NewClient() {}\n",
			[]string{"OUT/mine_test.go:3: func NewClient is declared by the generated code too ({client.go:func NewClient(}); rename or remove it"}},
		{"another package", "mine.go",
			"// Package other is not the SDK.\npackage other\n",
			[]string{"OUT/mine.go:2: package other, but the generated files are package sunco ({client.go:package sunco})"}},
		{"another package in a test", "mine_test.go",
			"package other_test\n",
			[]string{"OUT/mine_test.go:1: package other_test, but the generated files are package sunco ({client.go:package sunco})"}},
		{"a file with a generated file's name", "client.go",
			"package sunco\n",
			[]string{"OUT/client.go: not written by sunco-gen, and the generated package has a file of this name; rename it"}},

		{"a name the fake declares, in its directory", "suncotest/mine.go",
			"package suncotest\n\nfunc NewServer() {}\n",
			[]string{"OUT/suncotest/mine.go:3: func NewServer is declared by the generated code too ({suncotest/server.go:func NewServer(}); rename or remove it"}},
		{"another package in the fake's directory", "suncotest/mine.go",
			"package sunco\n",
			[]string{"OUT/suncotest/mine.go:1: package sunco, but the generated files are package suncotest ({suncotest/doc.go:package suncotest})"}},
		{"a file where the fake's directory goes", "suncotest",
			"package sunco\n",
			[]string{"OUT/suncotest: not a directory, and the generated code has a directory of this name (package suncotest); rename it"}},

		{"a method of its own", "mine.go", "package sunco\n\nfunc (s *ThingsService) Count() int { return 0 }\n\nfunc init() {}\n", nil},
		{"an external test", "mine_test.go", "package sunco_test\n\ntype Thing struct{}\n", nil},
		{"a program left out of the build", "gen.go", "//go:build ignore\n\npackage main\n\nfunc main() {}\n", nil},
		{"another system's file", "mine_plan9.go", "package other\n", nil},
		{"not Go", "notes.txt", "package other\n", nil},
		{"a test of the fake's own", "suncotest/mine_test.go", "package suncotest_test\n\ntype Server struct{}\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "sdk")
			writeFile(t, filepath.Join(out, tt.file), tt.src)
			before := snapshot(t, out)
			for _, check := range []bool{true, false} {
				_, err := Run(Config{Spec: minimalSpec, Out: out, Package: "sunco", ImportPath: "example.com/sdk", Check: check})
				if tt.want == nil {
					if !check {
						require.NoError(t, err)
						assert.Equal(t, tt.src, snapshot(t, out)[tt.file])
					}
					continue
				}
				var conflict *ConflictError
				require.ErrorAs(t, err, &conflict, "check %v", check)
				var got []string
				for _, c := range conflict.Conflicts {
					got = append(got, c.Pos+": "+c.What)
				}
				for i := range tt.want {
					tt.want[i] = generatedAt(t, tt.want[i], out)
				}
				assert.Equal(t, tt.want, got, "check %v", check)
				assert.Equal(t, before, snapshot(t, out), "nothing written")
				assertOnlyEntry(t, filepath.Dir(out), "sdk")
			}
		})
	}
}

// generatedAt replaces each {file:text} in s with OUT/file:line, the
// line of the generated file that starts with text, and OUT with dir.
func generatedAt(t *testing.T, s, dir string) string {
	t.Helper()
	res, err := Generate(Config{Spec: minimalSpec, Package: "sunco", ImportPath: "example.com/sdk"})
	require.NoError(t, err)
	s = regexp.MustCompile(`\{([^:}]+):([^}]+)\}`).ReplaceAllStringFunc(s, func(ref string) string {
		file, text, _ := strings.Cut(ref[1:len(ref)-1], ":")
		for i, line := range strings.Split(string(res.Files[file]), "\n") {
			if strings.HasPrefix(line, text) {
				return fmt.Sprintf("OUT/%s:%d", file, i+1)
			}
		}
		t.Fatalf("%s has no line starting with %q", file, text)
		return ""
	})
	return strings.ReplaceAll(s, "OUT/", dir+string(filepath.Separator))
}
