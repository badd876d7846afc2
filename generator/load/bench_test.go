package load

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sunco-sdk/sunco-go/spec"
)

// BenchmarkLoad loads the pinned spec with the SunCo overlay, as the
// generator does.
func BenchmarkLoad(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(moduleRoot(b), "spec", "openapi.yaml"))
	if os.IsNotExist(err) {
		b.Skip("no pinned spec: run `make spec`")
	}
	if err != nil {
		b.Fatal(err)
	}
	opts := Options{Overlays: []Overlay{{Name: spec.OverlayName, Data: spec.Overlay}}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadData("spec/openapi.yaml", data, opts); err != nil {
			b.Fatal(err)
		}
	}
}
