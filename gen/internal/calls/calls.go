// Package calls calls the methods of a generated client, and sets the
// handlers of its fake, by name (a service field and a method, e.g.
// Messages.Post), for the tests that drive every operation of an SDK from
// a table: the end-to-end tests and the fake's.
package calls

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"reflect"
	"strings"
)

// Empty stands for the response of a method that returns only an error:
// the empty object the document declares, which the SDK does not decode.
type Empty struct{}

// Call calls the method of client (a *Client of a generated SDK) with ctx
// and args, its parameters after ctx and then request options. result is
// the decoded response, Empty{} for a method that returns only an error,
// nil when the call returned none.
func Call(ctx context.Context, client any, method string, args []any) (result any, err error) {
	m, err := find(client, method)
	if err != nil {
		return nil, err
	}
	in, err := values(m.Type(), ctx, args)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", method, err)
	}
	out := m.Call(in)
	if e, _ := out[len(out)-1].Interface().(error); e != nil {
		err = e
	}
	if len(out) == 1 {
		return Empty{}, err
	}
	if r := out[0]; !r.IsNil() {
		result = r.Interface()
	}
	return result, err
}

// Params are the types of the parameters of the method of client after
// ctx and before the request options: the arguments of the fake's handler
// after its ctx.
func Params(client any, method string) ([]reflect.Type, error) {
	m, err := find(client, method)
	if err != nil {
		return nil, err
	}
	var params []reflect.Type
	for i := 1; i < m.Type().NumIn()-1; i++ {
		params = append(params, m.Type().In(i))
	}
	return params, nil
}

// SetHandler sets the handler of method on server (a *Server of a
// generated fake) to a func that passes its arguments to record and
// returns a result that is not nil, and no error.
func SetHandler(server any, method string, record func(args []reflect.Value)) error {
	field, name, _ := strings.Cut(method, ".")
	h := reflect.ValueOf(server).Elem().FieldByName(field).FieldByName(name)
	if !h.IsValid() || h.Kind() != reflect.Func {
		return fmt.Errorf("the fake has no handler for %s", method)
	}
	ft := h.Type()
	h.Set(reflect.MakeFunc(ft, func(args []reflect.Value) []reflect.Value {
		record(args)
		out := make([]reflect.Value, ft.NumOut())
		for i := range out {
			out[i] = nonNil(ft.Out(i))
		}
		return out
	}))
	return nil
}

// nonNil is a value of type t: for a redirect, a URL; for a pointer, a
// pointer to a zero value; an empty map; the zero value otherwise (a nil
// error).
func nonNil(t reflect.Type) reflect.Value {
	if t == reflect.TypeFor[*url.URL]() {
		return reflect.ValueOf(&url.URL{Scheme: "https", Host: "example.com", Path: "/redirected"})
	}
	switch t.Kind() {
	case reflect.Pointer:
		return reflect.New(t.Elem())
	case reflect.Map:
		return reflect.MakeMap(t)
	}
	return reflect.Zero(t)
}

// Difference says how got, an argument a handler received, of type typ,
// differs from want, the argument the client was called with; "" when it
// does not: of the same type and equal as the SDK encodes them (a nil
// *Params being an empty one), a reader (a raw body, an upload's), of
// whatever type, with the same content.
func Difference(typ reflect.Type, want, got any) string {
	if want == nil && typ.Kind() == reflect.Pointer {
		want = reflect.New(typ.Elem()).Interface() // a nil *Params sends what an empty one sends
	}
	w, g, err := encode(want, got)
	switch {
	case err != nil:
		return err.Error()
	case !bytes.Equal(w, g):
		return fmt.Sprintf("%s, not the %s sent", g, w)
	case reflect.TypeOf(got) != reflect.TypeOf(want) && typ != reflect.TypeFor[io.Reader]():
		return fmt.Sprintf("a %T, not the %T sent, "+SameEncoding, got, want)
	}
	return ""
}

// SameEncoding ends what Difference says of an argument of another type
// than the one sent that encodes as it does: a value of an
// undiscriminated union whose variants share its properties.
const SameEncoding = "encoding the same"

// encode encodes want and got, a reader as its content, any other value
// as the SDK encodes it, JSON normalized so that they compare as values.
func encode(want, got any) (w, g []byte, err error) {
	for _, v := range []struct {
		in  any
		out *[]byte
	}{{want, &w}, {got, &g}} {
		if *v.out, err = encodeValue(v.in); err != nil {
			return nil, nil, err
		}
	}
	return w, g, nil
}

func encodeValue(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if r, ok := v.(io.Reader); ok {
		return io.ReadAll(r)
	}
	if rv.Kind() == reflect.Struct {
		// An upload: its reader's content, and its other fields.
		if r := rv.FieldByName("Reader"); r.IsValid() && r.Type() == reflect.TypeFor[io.Reader]() {
			content, err := io.ReadAll(r.Interface().(io.Reader))
			if err != nil {
				return nil, err
			}
			fields := map[string]any{"content": string(content)}
			for i := range rv.NumField() {
				if f := rv.Type().Field(i); f.Name != "Reader" {
					fields[f.Name] = rv.Field(i).Interface()
				}
			}
			return json.Marshal(fields)
		}
	}
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var normal any
	if err := json.Unmarshal(data, &normal); err != nil {
		return nil, err
	}
	return json.Marshal(normal)
}

// find is the method of client.
func find(client any, method string) (reflect.Value, error) {
	field, name, _ := strings.Cut(method, ".")
	svc := reflect.ValueOf(client).Elem().FieldByName(field)
	if !svc.IsValid() {
		return reflect.Value{}, fmt.Errorf("the client has no service %s", field)
	}
	m := svc.MethodByName(name)
	if !m.IsValid() {
		return reflect.Value{}, fmt.Errorf("the service %s has no method %s", field, name)
	}
	return m, nil
}

// values are ctx and args as the arguments of a method of type t, whose
// last parameter is variadic: nil as the zero value of its parameter. An
// argument that is not of its parameter's type is an error: a table is
// compiled against the SDK, but its arguments are values of any type.
func values(t reflect.Type, ctx context.Context, args []any) ([]reflect.Value, error) {
	in := []reflect.Value{reflect.ValueOf(ctx)}
	for i, a := range args {
		pt := t.In(t.NumIn() - 1).Elem() // one of the variadic options
		if n := i + 1; n < t.NumIn()-1 {
			pt = t.In(n)
		}
		v := reflect.Zero(pt)
		if a != nil {
			v = reflect.ValueOf(a)
		}
		if !v.Type().AssignableTo(pt) {
			return nil, fmt.Errorf("argument %d is a %s, the method takes a %s", i+1, v.Type(), pt)
		}
		in = append(in, v)
	}
	return in, nil
}
