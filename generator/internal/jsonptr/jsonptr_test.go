package jsonptr

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPointer(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"a token", Join("", "paths"), "/paths"},
		{"tokens escaped", Join("/paths", "/a/{id}", "x~y"), "/paths/~1a~1{id}/x~0y"},
		{"no token", Join("/a"), "/a"},
		{"an index", Index("/tags", 3), "/tags/3"},
		{"unescaped", Unescape("~1a~1{id}~0~01"), "/a/{id}~~1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.got)
		})
	}
}

// TestJoinAllocatesOnce: pointers are made for every node a walk of the
// document visits.
func TestJoinAllocatesOnce(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() { _ = Join("/components/schemas", "message", "properties") })
	assert.Equal(t, 1.0, allocs)
}
