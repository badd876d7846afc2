package suncotest

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// evenOnly decodes a JSON number, refusing an odd one: a stand-in for a
// union's decoder, which fails on a value of no variant.
func evenOnly(data []byte) (int, error) {
	n, err := decodeJSON[int](data)
	if err == nil && n%2 != 0 {
		err = errors.New("odd")
	}
	return n, err
}

// TestContainerDecoders: a body of a slice, a map or a pointer type is
// decoded with its element's decoder; null is nil, and an element that
// does not decode names where it is.
func TestContainerDecoders(t *testing.T) {
	t.Run("slice", func(t *testing.T) {
		dec := decodeSlice(evenOnly)
		got, err := dec([]byte(`[2, 4, 0]`))
		require.NoError(t, err)
		assert.Equal(t, []int{2, 4, 0}, got)
		got, err = dec([]byte(`[]`))
		require.NoError(t, err)
		assert.Equal(t, []int{}, got, "empty, not nil")
		got, err = dec([]byte(`null`))
		require.NoError(t, err)
		assert.Nil(t, got)
		_, err = dec([]byte(`[2, 3]`))
		assert.EqualError(t, err, "[1]: odd")
		_, err = dec([]byte(`{"a": 2}`))
		assert.Error(t, err, "not an array")
	})
	t.Run("map", func(t *testing.T) {
		dec := decodeMap(evenOnly)
		got, err := dec([]byte(`{"a": 2, "b": 4}`))
		require.NoError(t, err)
		assert.Equal(t, map[string]int{"a": 2, "b": 4}, got)
		got, err = dec([]byte(`{}`))
		require.NoError(t, err)
		assert.Equal(t, map[string]int{}, got, "empty, not nil")
		got, err = dec([]byte(`null`))
		require.NoError(t, err)
		assert.Nil(t, got)
		_, err = dec([]byte(`{"a": 2, "b": 5}`))
		assert.EqualError(t, err, `["b"]: odd`)
		_, err = dec([]byte(`[2]`))
		assert.Error(t, err, "not an object")
	})
	t.Run("pointer", func(t *testing.T) {
		dec := decodePointer(evenOnly)
		got, err := dec([]byte(`6`))
		require.NoError(t, err)
		require.NotNil(t, got)
		assert.Equal(t, 6, *got)
		got, err = dec([]byte(`7`))
		assert.EqualError(t, err, "odd")
		assert.Nil(t, got)
	})
}
