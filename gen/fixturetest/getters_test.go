package fixturetest

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixtureUnion is a union of the fixture SDK, as typelist lists it: its
// interface, its variants (the Unknown one included) and its Unmarshal
// function.
type fixtureUnion struct {
	name      string
	iface     reflect.Type
	variants  []reflect.Type
	unmarshal func([]byte) (any, error)
}

// dataStructs are the struct types of the fixture SDK that hold API data:
// all but the Client, its services and the Params of the methods, which
// hold what a call sends and are filled by the caller.
func dataStructs() []reflect.Type {
	var out []reflect.Type
	for _, t := range fixtureTypes {
		name := t.Name()
		if t.Kind() == reflect.Struct && name != "Client" && !strings.HasSuffix(name, "Service") && !strings.HasSuffix(name, "Params") {
			out = append(out, t)
		}
	}
	return out
}

var timeType = reflect.TypeFor[time.Time]()

// isUnknown reports the Unknown variant of a union, which holds raw JSON.
func isUnknown(t reflect.Type) bool {
	_, ok := t.FieldByName("Raw")
	return strings.HasPrefix(t.Name(), "Unknown") && ok
}

// nullableElem is T for a Nullable[T], else nil.
func nullableElem(t reflect.Type) reflect.Type {
	get, ok := t.MethodByName("Get")
	if _, isNull := t.MethodByName("IsNull"); !ok || !isNull || get.Type.NumOut() != 2 {
		return nil
	}
	return get.Type.Out(0)
}

// valueType is what the getter of a field of type t returns: the value a
// pointer or Nullable holds, a struct by pointer, the rest as it is.
func valueType(t reflect.Type) reflect.Type {
	isStruct := func(t reflect.Type) bool { return t.Kind() == reflect.Struct && t != timeType }
	switch {
	case nullableElem(t) != nil:
		if e := nullableElem(t); isStruct(e) {
			return reflect.PointerTo(e)
		}
		return nullableElem(t)
	case t.Kind() == reflect.Pointer:
		if isStruct(t.Elem()) {
			return t
		}
		return t.Elem()
	case isStruct(t):
		return reflect.PointerTo(t)
	}
	return t
}

// getter is the getter of field f of *T.
func getter(t reflect.Type, f reflect.StructField) (reflect.Method, bool) {
	return reflect.PointerTo(t).MethodByName("Get" + f.Name)
}

// getterMethods are the methods of *T that are getters: Get…, taking
// nothing, returning one value.
func getterMethods(t reflect.Type) []reflect.Method {
	var out []reflect.Method
	pt := reflect.PointerTo(t)
	for i := range pt.NumMethod() {
		m := pt.Method(i)
		if strings.HasPrefix(m.Name, "Get") && m.Type.NumIn() == 1 && m.Type.NumOut() == 1 {
			out = append(out, m)
		}
	}
	return out
}

// TestEveryFieldHasAGetter: every field of every data struct but Extra
// has a getter returning its value: T for *T and Nullable[T], a pointer
// for a struct.
func TestEveryFieldHasAGetter(t *testing.T) {
	n := 0
	for _, typ := range dataStructs() {
		if isUnknown(typ) {
			continue
		}
		for _, f := range reflect.VisibleFields(typ) {
			if !f.IsExported() || f.Name == "Extra" {
				continue
			}
			n++
			t.Run(typ.Name()+"."+f.Name, func(t *testing.T) {
				m, ok := getter(typ, f)
				require.True(t, ok, "no Get%s", f.Name)
				require.Equal(t, 1, m.Type.NumOut())
				assert.Equal(t, valueType(f.Type), m.Type.Out(0))
			})
		}
	}
	require.Positive(t, n)
	t.Logf("%d fields, each with a getter", n)
}

// TestGettersOnNil calls every getter of every data struct on a nil
// receiver: each returns its zero value.
func TestGettersOnNil(t *testing.T) {
	n := 0
	for _, typ := range dataStructs() {
		for _, m := range getterMethods(typ) {
			n++
			t.Run(typ.Name()+"."+m.Name, func(t *testing.T) {
				out := m.Func.Call([]reflect.Value{reflect.Zero(reflect.PointerTo(typ))})[0]
				assert.True(t, out.IsZero(), "(*%s)(nil).%s() = %v", typ.Name(), m.Name, out)
			})
		}
	}
	require.Positive(t, n)
	t.Logf("%d getters called on nil", n)
}

// TestGettersOfAbsentAndNull decodes every data struct from {} and from
// an object with every property null: each getter returns its zero value,
// but for the discriminator of a union variant, which says what the
// variant is as its JSON does, and for a required struct, which the
// getter returns by pointer to the field: a zero struct.
func TestGettersOfAbsentAndNull(t *testing.T) {
	for _, typ := range dataStructs() {
		if _, ok := reflect.PointerTo(typ).MethodByName("UnmarshalJSON"); !ok || isUnknown(typ) {
			continue // a plain parameter type, or raw JSON
		}
		nulls := map[string]any{}
		for _, f := range reflect.VisibleFields(typ) {
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
				nulls[name] = nil
			}
		}
		allNull, err := json.Marshal(nulls)
		require.NoError(t, err)
		written := discriminatorValues(t, typ)
		for _, doc := range []string{`{}`, string(allNull)} {
			v := reflect.New(typ)
			require.NoError(t, json.Unmarshal([]byte(doc), v.Interface()), "%s from %s", typ.Name(), doc)
			for _, m := range getterMethods(typ) {
				t.Run(fmt.Sprintf("%s.%s from %s", typ.Name(), m.Name, doc), func(t *testing.T) {
					out := m.Func.Call([]reflect.Value{v})[0]
					if s, ok := out.Interface().(string); ok && written[s] {
						return
					}
					if out.Kind() == reflect.Pointer && !out.IsNil() {
						out = out.Elem()
					}
					assert.True(t, out.IsZero(), "%s() = %v", m.Name, out)
				})
			}
		}
	}
}

// discriminatorValues are the strings a T built by hand encodes: for a
// union variant, its discriminator.
func discriminatorValues(t *testing.T, typ reflect.Type) map[string]bool {
	data, err := json.Marshal(reflect.New(typ).Interface())
	require.NoError(t, err)
	var members map[string]any
	require.NoError(t, json.Unmarshal(data, &members))
	values := map[string]bool{}
	for _, v := range members {
		if s, ok := v.(string); ok && s != "" {
			values[s] = true
		}
	}
	return values
}

// TestUnionGettersAreValueGetters: each getter of a union's interface is
// the value getter of every variant: what a variant built by hand, and
// the same decoded from its JSON, return alike.
func TestUnionGettersAreValueGetters(t *testing.T) {
	require.NotEmpty(t, fixtureUnions, "the fixture's unions")
	for _, u := range fixtureUnions {
		for i := range u.iface.NumMethod() {
			m := u.iface.Method(i)
			if !m.IsExported() {
				continue
			}
			for _, variant := range u.variants {
				if isUnknown(variant) {
					continue
				}
				t.Run(u.name+"."+m.Name+" of "+variant.Name(), func(t *testing.T) {
					f, ok := variant.FieldByName(strings.TrimPrefix(m.Name, "Get"))
					require.True(t, ok, "%s has no field for %s", variant.Name(), m.Name)
					assert.Equal(t, valueType(f.Type), m.Type.Out(0))
				})
			}
		}
	}
}

// TestDiscriminatorOfBuiltVariants: a variant built by hand says what it
// is, as its JSON does: (&Circle{}).GetKind() is "circle", the value it
// encodes, which decodes as a *Circle again. Every union of the fixture
// SDK with a discriminator; a union without one has no such getter. A
// variant several values pick (Polygon: "triangle" and "quad") has no
// value to say: built by hand, it encodes an empty one.
func TestDiscriminatorOfBuiltVariants(t *testing.T) {
	severalValues := map[string]bool{"Polygon": true}
	require.NotEmpty(t, fixtureUnions, "the fixture's unions")
	for _, u := range fixtureUnions {
		t.Run(u.name, func(t *testing.T) {
			var unknown reflect.Type
			for _, v := range u.variants {
				if isUnknown(v) {
					unknown = v
				}
			}
			require.NotNil(t, unknown)
			if _, discriminated := unknown.FieldByName("Type"); !discriminated {
				t.Skipf("%s picks its variant by the properties present", u.name)
			}
			for _, variant := range u.variants {
				if variant == unknown {
					continue
				}
				t.Run(variant.Name(), func(t *testing.T) {
					built := reflect.New(variant)
					data, err := json.Marshal(built.Interface())
					require.NoError(t, err)
					decoded, err := u.unmarshal(data)
					require.NoError(t, err)
					if severalValues[variant.Name()] {
						assert.Equal(t, reflect.PointerTo(unknown), reflect.TypeOf(decoded), "%s of no value decodes as the unknown variant", data)
						return
					}
					require.Equal(t, built.Type(), reflect.TypeOf(decoded), "%s decodes as another variant", data)
					var said int
					for i := range u.iface.NumMethod() {
						m := u.iface.Method(i)
						if !m.IsExported() || m.Type.Out(0).Kind() != reflect.String {
							continue
						}
						got := built.MethodByName(m.Name).Call(nil)[0].String()
						want := reflect.ValueOf(decoded).MethodByName(m.Name).Call(nil)[0].String()
						assert.Equal(t, want, got, "%s of a %s built by hand and decoded from %s", m.Name, variant.Name(), data)
						if got != "" {
							said++
							assert.Contains(t, string(data), `"`+got+`"`)
						}
					}
					assert.Equal(t, 1, said, "one getter says the discriminator")
				})
			}
		})
	}
}
