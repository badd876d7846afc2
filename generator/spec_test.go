package generator

import (
	"os"
	"testing"
)

const pinnedSpecPath = "../spec/openapi.yaml"

// pinnedSpec is the pinned document placed by `make spec`.
func pinnedSpec(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(pinnedSpecPath); err != nil {
		t.Fatalf("the pinned spec is missing (run make spec): %v", err)
	}
	return pinnedSpecPath
}
