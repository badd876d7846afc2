package versions

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/sunco-sdk/sunco-go/generator"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// TestNamesStable generates the IR of every published version and checks
// that a schema keeps its Go type name from one version to the next: a
// name may only change when the schema at that JSON pointer is new or
// gone, never because an unrelated schema was added.
func TestNamesStable(t *testing.T) {
	versions := indexedVersions(t)
	var prev map[string]string
	var prevVersion string
	renamed := 0
	for _, v := range versions {
		res, err := generator.Generate(filepath.Join(sharedSpecs, v+".yaml"), overlay, "sunco")
		if err != nil {
			t.Errorf("%s: %v", v, err)
			prev = nil
			continue
		}
		names := map[string]string{}
		for _, d := range res.API.Decls {
			names[declPointer(d)] = d.DeclName()
		}
		for pointer, name := range names {
			if old, ok := prev[pointer]; ok && old != name {
				t.Errorf("%s → %s: %s was %s, is %s", prevVersion, v, pointer, old, name)
				renamed++
			}
		}
		prev, prevVersion = names, v
	}
	fmt.Printf("types renamed between consecutive versions: %d\n", renamed)
}

func declPointer(d ir.Decl) string {
	switch d := d.(type) {
	case *ir.Struct:
		return d.Pointer
	case *ir.Union:
		return d.Pointer
	case *ir.Enum:
		return d.Pointer
	case *ir.Alias:
		return d.Pointer
	}
	return ""
}
