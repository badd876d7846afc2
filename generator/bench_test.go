package generator

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkRun generates the SDK of the pinned spec into a directory, as
// `make` does, from the document as published (yaml) and as normalized
// JSON (json, the form generator/peers.sh gives sunco-gen and
// oapi-codegen). Besides the time of a whole run it reports the mean time
// of each stage (load, build, render, write) in ms/op.
func BenchmarkRun(b *testing.B) {
	if _, err := os.Stat(pinnedSpecPath); err != nil {
		b.Skipf("no pinned spec (run make spec): %v", err)
	}
	normalized, err := Normalize(Config{Spec: pinnedSpecPath, Quiet: true}, JSON)
	if err != nil {
		b.Fatal(err)
	}
	jsonSpec := filepath.Join(b.TempDir(), "openapi.json")
	if err := os.WriteFile(jsonSpec, normalized, 0o644); err != nil {
		b.Fatal(err)
	}
	for _, form := range []struct{ name, spec string }{{"yaml", pinnedSpecPath}, {"json", jsonSpec}} {
		b.Run(form.name, func(b *testing.B) {
			cfg := Config{Spec: form.spec, Out: b.TempDir(), Package: "sunco", Quiet: true}
			var names []string
			took := map[string]time.Duration{}
			b.ReportAllocs()
			for b.Loop() {
				res, err := Run(cfg)
				if err != nil {
					b.Fatal(err)
				}
				for _, s := range res.Stages {
					if _, ok := took[s.Name]; !ok {
						names = append(names, s.Name)
					}
					took[s.Name] += s.Took
				}
			}
			for _, name := range names {
				b.ReportMetric(float64(took[name].Microseconds())/1000/float64(b.N), name+"-ms/op")
			}
		})
	}
}
