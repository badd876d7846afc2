package suncotest

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"
)

// sdkTypes is what the fake knows of the SDK's types beyond their Go
// form: the Unknown variant of each union and the values of each enum.
type sdkTypes struct {
	unknown map[reflect.Type]unknownVariant
	enums   map[reflect.Type][]string
}

// unknownVariant is the variant of a union that holds a value the SDK
// does not know: the API would refuse it in a request.
type unknownVariant struct {
	union         string // the union's Go name
	discriminator string // the property that names the variant; "" for a union told by its properties
}

// check compares v, a value the SDK decoded, with raw, the same JSON
// decoded by encoding/json (nil for a parameter), and returns what the
// API would refuse in it, each problem naming where it is from path on:
// a required property that is absent; a property whose value does not fit
// its type, which the SDK keeps in the Extra of its struct; a value of a
// union that is none of its variants; an enum value that is none of its
// values.
func (ts sdkTypes) check(path string, v reflect.Value, raw any) []string {
	var problems []string
	ts.walk(path, v, raw, &problems)
	return problems
}

func (ts sdkTypes) walk(path string, v reflect.Value, raw any, problems *[]string) {
	if !v.IsValid() {
		return
	}
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			ts.walk(path, v.Elem(), raw, problems)
		}
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if u, ok := ts.unknown[v.Type()]; ok {
			*problems = append(*problems, u.problem(path, v.Elem(), raw))
			return
		}
		ts.walk(path, v.Elem(), raw, problems)
	case reflect.Struct:
		ts.walkStruct(path, v, raw, problems)
	case reflect.Slice:
		items, _ := raw.([]any)
		if v.Type().Elem().Kind() == reflect.Uint8 || len(items) != v.Len() {
			return // raw JSON, or what does not match raw (the SDK reported it)
		}
		for i := range v.Len() {
			ts.walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i), items[i], problems)
		}
	case reflect.Map:
		members, _ := raw.(map[string]any)
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			ts.walk(fmt.Sprintf("%s[%q]", path, k.String()), v.MapIndex(k), members[k.String()], problems)
		}
	case reflect.String:
		values, ok := ts.enums[v.Type()]
		if ok && !slices.Contains(values, v.String()) {
			*problems = append(*problems, fmt.Sprintf("%s is %q, not one of %s", path, v.String(), quoteList(values)))
		}
	}
}

// walkStruct checks the properties of a struct: each of its fields with a
// JSON name is one, required unless its tag leaves it out when empty.
func (ts sdkTypes) walkStruct(path string, v reflect.Value, raw any, problems *[]string) {
	if v.Type() == reflect.TypeFor[time.Time]() {
		return
	}
	if value, ok, nullable := nullableValue(v); nullable {
		if ok && raw != nil {
			ts.walk(path, value, raw, problems)
		}
		return
	}
	members, isObject := raw.(map[string]any)
	if !isObject {
		return // a parameter's, or what does not match raw (the SDK reported it)
	}
	extra := extraOf(v)
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "" || name == "-" {
			continue
		}
		at := path + "." + name
		member, present := members[name]
		_, misfit := extra[name]
		switch {
		case !present && opts == "":
			*problems = append(*problems, at+" is required")
		case !present:
		case misfit:
			*problems = append(*problems, fmt.Sprintf("%s is %s, not %s", at, jsonKind(member), goKind(f.Type)))
		default:
			ts.walk(at, v.Field(i), member, problems)
		}
	}
}

// problem says why a value of the Unknown variant v is refused.
func (u unknownVariant) problem(path string, v reflect.Value, raw any) string {
	if raw == nil {
		return fmt.Sprintf("%s is null, not a %s", path, u.union)
	}
	if name := v.FieldByName("Type"); u.discriminator != "" && name.IsValid() && name.Kind() == reflect.String {
		return fmt.Sprintf("%s is no %s: no variant has %q %q", path, u.union, u.discriminator, name.String())
	}
	return fmt.Sprintf("%s is no %s: it matches none of its variants", path, u.union)
}

// nullableValue reads the SDK's Nullable[T]: nullable reports whether v is
// one, ok whether it holds a value.
func nullableValue(v reflect.Value) (value reflect.Value, ok, nullable bool) {
	get := v.MethodByName("Get")
	if !strings.HasPrefix(v.Type().Name(), "Nullable[") || !get.IsValid() || get.Type().NumIn() != 0 || get.Type().NumOut() != 2 {
		return reflect.Value{}, false, false
	}
	out := get.Call(nil)
	return out[0], out[1].Bool(), true
}

// extraOf is the Extra of a struct the SDK decoded: the field, with the
// JSON tag "-", that keeps the properties the struct does not declare and
// those whose value does not fit their field.
func extraOf(v reflect.Value) map[string]json.RawMessage {
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if f.Tag.Get("json") == "-" && f.Type == reflect.TypeFor[map[string]json.RawMessage]() {
			return v.Field(i).Interface().(map[string]json.RawMessage)
		}
	}
	return nil
}

// jsonKind says what a JSON value decoded by encoding/json is.
func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	}
	return "an object"
}

// goKind says what JSON a field of type t takes.
func goKind(t reflect.Type) string {
	if t == reflect.TypeFor[time.Time]() {
		return "a timestamp"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return goKind(t.Elem())
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "an integer"
	case reflect.Float64, reflect.Float32:
		return "a number"
	case reflect.Bool:
		return "a boolean"
	case reflect.Slice:
		return "an array"
	case reflect.Struct:
		if get, ok := reflect.PointerTo(t).MethodByName("Get"); ok && strings.HasPrefix(t.Name(), "Nullable[") && get.Type.NumOut() == 2 {
			return goKind(get.Type.Out(0)) + " or null"
		}
	}
	return "an object"
}

// quoteList is values quoted, separated by commas.
func quoteList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(quoted, ", ")
}
