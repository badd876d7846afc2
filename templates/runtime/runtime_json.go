package sunco

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
)

// isNull reports an absent or JSON null value.
func isNull(data []byte) bool {
	data = bytes.TrimSpace(data)
	return len(data) == 0 || string(data) == "null"
}

// discriminator returns the string value of property in the JSON object
// data; a missing or non-string value gives "" (an unknown variant).
func discriminator(data []byte, property string) (string, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		return "", err
	}
	var value string
	if raw, ok := obj[property]; ok && json.Unmarshal(raw, &value) != nil {
		return "", nil
	}
	return value, nil
}

// variantShape is what tells one alternative of an undiscriminated union
// from the others: the properties it may and must have.
type variantShape struct {
	properties []string
	required   []string
}

// pickVariant returns the index of the variant that best explains the
// JSON object data, or -1 when none does: every required property of the
// variant must be present, and the variant with the most of data's
// properties wins (the first one on a tie); a variant none of whose
// properties is present is never picked.
func pickVariant(data []byte, variants []variantShape) (int, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		return -1, err
	}
	if obj == nil {
		return -1, errors.New("expected a JSON object")
	}
	best, bestScore := -1, 0
	for i, v := range variants {
		if !hasAll(obj, v.required) {
			continue
		}
		score := 0
		for key := range obj {
			if slices.Contains(v.properties, key) {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return best, nil
}

func hasAll(obj map[string]json.RawMessage, keys []string) bool {
	for _, k := range keys {
		if _, ok := obj[k]; !ok {
			return false
		}
	}
	return true
}

// unknownJSON is the encoding of a value the SDK kept raw.
func unknownJSON(raw json.RawMessage) ([]byte, error) {
	if len(raw) == 0 {
		return []byte("null"), nil
	}
	return raw, nil
}

// decodeSlice decodes each raw element with dec; nil stays nil.
func decodeSlice[R, T any](raws []R, dec func(R) (T, error)) ([]T, error) {
	if raws == nil {
		return nil, nil
	}
	out := make([]T, len(raws))
	for i, raw := range raws {
		v, err := dec(raw)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// decodeMap decodes each raw value with dec; nil stays nil.
func decodeMap[R, T any](raws map[string]R, dec func(R) (T, error)) (map[string]T, error) {
	if raws == nil {
		return nil, nil
	}
	out := make(map[string]T, len(raws))
	for k, raw := range raws {
		v, err := dec(raw)
		if err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}

// decodeNullable decodes the value of a Nullable, keeping absent and null.
func decodeNullable[R, T any](raw Nullable[R], dec func(R) (T, error)) (Nullable[T], error) {
	v, ok := raw.Get()
	switch {
	case ok:
		t, err := dec(v)
		if err != nil {
			return Nullable[T]{}, err
		}
		return NewNullable(t), nil
	case raw.IsNull():
		return Null[T](), nil
	}
	return Nullable[T]{}, nil
}

// extraProperties returns the properties of the JSON object data whose
// names are not in declared, or nil when there are none.
func extraProperties(data []byte, declared ...string) (map[string]json.RawMessage, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		return nil, err
	}
	// encoding/json matches field names case-insensitively, so a key
	// that differs from a declared name only in case was decoded already.
	for key := range obj {
		if slices.ContainsFunc(declared, func(name string) bool { return strings.EqualFold(key, name) }) {
			delete(obj, key)
		}
	}
	if len(obj) == 0 {
		return nil, nil
	}
	return obj, nil
}

// withExtra adds the extra properties to the encoded JSON object data,
// in name order; a property data already has is not written twice.
func withExtra(data []byte, extra map[string]json.RawMessage) ([]byte, error) {
	if len(extra) == 0 {
		return data, nil
	}
	var present map[string]json.RawMessage
	if err := json.Unmarshal(data, &present); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(extra))
	for name := range extra {
		if _, ok := present[name]; !ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	out := bytes.TrimSuffix(bytes.TrimSpace(data), []byte("}"))
	for _, name := range names {
		if len(out) > 1 {
			out = append(out, ',')
		}
		key, err := json.Marshal(name)
		if err != nil {
			return nil, err
		}
		value := extra[name]
		if len(value) == 0 {
			value = json.RawMessage("null")
		}
		out = append(append(append(out, key...), ':'), value...)
	}
	return append(out, '}'), nil
}

// property decodes the named property of the JSON object raw into dst,
// leaving dst as it is when the property is missing or of another type.
func property(raw json.RawMessage, name string, dst any) {
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return
	}
	v, ok := obj[name]
	if !ok {
		return
	}
	// Decode into a fresh value so a mismatch leaves dst untouched.
	fresh := reflect.New(reflect.TypeOf(dst).Elem())
	if json.Unmarshal(v, fresh.Interface()) == nil {
		reflect.ValueOf(dst).Elem().Set(fresh.Elem())
	}
}
