package generator

import (
	"os"
	"testing"
	"time"
)

// BenchmarkRun generates the SDK of the pinned spec into a directory, as
// `make` does. Besides the time of a whole run it reports the mean time of
// each stage (load, build, render, write) in ms/op.
func BenchmarkRun(b *testing.B) {
	if _, err := os.Stat(pinnedSpecPath); err != nil {
		b.Skipf("no pinned spec (run make spec): %v", err)
	}
	cfg := Config{Spec: pinnedSpecPath, Out: b.TempDir(), Package: "sunco", Quiet: true}
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
}
