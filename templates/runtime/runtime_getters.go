package sunco

// The getters of the generated structs return the value of a field, or
// its zero value when the struct is nil or the field is absent or null;
// these read a Nullable field for them.

// nullableValue returns the value n holds, or T's zero value.
func nullableValue[T any](n *Nullable[T]) T {
	if !n.valid {
		var zero T
		return zero
	}
	return n.value
}

// nullablePointer returns a pointer to the value n holds, or nil, for a
// getter of a struct that the chain of getters goes on from.
func nullablePointer[T any](n *Nullable[T]) *T {
	if !n.valid {
		return nil
	}
	return &n.value
}
