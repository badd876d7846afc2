package sunco

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
)

// Nullable is a field that can be absent, null, or hold a value, for the
// API's nullable properties where sending null (clear the value) differs
// from omitting the property (leave it unchanged). The zero Nullable is
// absent; with the `omitzero` JSON option an absent field is not encoded.
type Nullable[T any] struct {
	value T
	set   bool // present: null or a value
	valid bool // holds a value
}

// NewNullable returns a Nullable holding v.
func NewNullable[T any](v T) Nullable[T] {
	return Nullable[T]{value: v, set: true, valid: true}
}

// Null returns a Nullable that is present and null.
func Null[T any]() Nullable[T] {
	return Nullable[T]{set: true}
}

// Get returns the value and true when n holds one, or the zero value and
// false when n is null or absent.
func (n Nullable[T]) Get() (T, bool) {
	return n.value, n.valid
}

// IsNull reports whether n is present and null.
func (n Nullable[T]) IsNull() bool {
	return n.set && !n.valid
}

// IsSet reports whether n is present, null or not.
func (n Nullable[T]) IsSet() bool {
	return n.set
}

// IsZero reports whether n is absent; encoding/json consults it for the
// `omitzero` option.
func (n Nullable[T]) IsZero() bool {
	return !n.set
}

// MarshalJSON encodes the value, or null when n is null. An absent n also
// encodes as null, for lack of a way to encode nothing; use `omitzero` to
// leave it out.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if !n.valid {
		return []byte("null"), nil
	}
	return json.Marshal(n.value)
}

// UnmarshalJSON makes n null on a JSON null, else decodes the value into it.
// A field missing from the document is never passed here, so it stays
// absent.
func (n *Nullable[T]) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		*n = Null[T]()
		return nil
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*n = NewNullable(v)
	return nil
}

// String returns "<absent>", "null", or the value as fmt's %v prints it, so
// that a struct holding n prints readably.
func (n Nullable[T]) String() string {
	switch {
	case !n.set:
		return "<absent>"
	case !n.valid:
		return "null"
	}
	return fmt.Sprint(n.value)
}

// GoString returns the Go expression that makes n, for fmt's %#v:
// sunco.Nullable[string]{}, sunco.Null[string]() or
// sunco.NewNullable[string]("x").
func (n Nullable[T]) GoString() string {
	typ := reflect.TypeFor[T]().String()
	switch {
	case !n.set:
		return sdkName + ".Nullable[" + typ + "]{}"
	case !n.valid:
		return sdkName + ".Null[" + typ + "]()"
	}
	return fmt.Sprintf("%s.NewNullable[%s](%#v)", sdkName, typ, n.value)
}

// Ptr returns a pointer to a copy of v, for optional fields of literal
// values: Ptr("hi"), Ptr(25).
func Ptr[T any](v T) *T {
	return &v
}
