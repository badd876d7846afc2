package load

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkLoad loads the pinned spec with the SunCo overlay, as the
// generator does.
func BenchmarkLoad(b *testing.B) {
	root := moduleRoot(b)
	data, err := os.ReadFile(filepath.Join(root, "spec", "openapi.yaml"))
	if os.IsNotExist(err) {
		b.Skip("no pinned spec: run `make spec`")
	}
	if err != nil {
		b.Fatal(err)
	}
	overlay, err := os.ReadFile(filepath.Join(root, "spec", "overlay.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadData("spec/openapi.yaml", data, Options{Overlay: overlay, OverlayName: "spec/overlay.yaml"}); err != nil {
			b.Fatal(err)
		}
	}
}
