package sunco

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNullableGetterHelpers(t *testing.T) {
	type point struct{ X int }
	absent, null, set := Nullable[point]{}, Null[point](), NewNullable(point{X: 1})
	assert.Equal(t, point{}, nullableValue(&absent))
	assert.Equal(t, point{}, nullableValue(&null))
	assert.Equal(t, point{X: 1}, nullableValue(&set))
	assert.Nil(t, nullablePointer(&absent))
	assert.Nil(t, nullablePointer(&null))
	p := nullablePointer(&set)
	p.X = 2
	assert.Equal(t, 2, set.value.X, "the pointer is to the value the Nullable holds")
}
