package load

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
)

// decodeError turns the failure to decode the JSON form of n (at ptr) into
// a value of type t into an *Error naming the deepest node that still
// fails to decode on its own.
//
// kin-openapi's decoders cannot say where they failed: each level decodes
// its own bytes again and passes nested errors on as plain strings, so
// neither a path nor a byte offset reaches the caller. The node is found by
// decoding children into the types of the fields they fill, through
// kin-openapi's own decoders, which is only done once loading has failed.
func decodeError(n *yaml.Node, ptr string, t reflect.Type, err error) *Error {
	for {
		c, cptr, ct, cerr := failingChild(n, ptr, t)
		if c == nil {
			break
		}
		n, ptr, t, err = c, cptr, ct, cerr
	}
	return &Error{Pointer: ptr, Line: n.Line, Err: briefError{decodeMessage(n, t, err)}}
}

// decodeMessage says what is wrong with the node n that does not decode
// into t: in the document's terms when encoding/json found a value of the
// wrong kind, else in kin-openapi's words.
func decodeMessage(n *yaml.Node, t reflect.Type, err error) error {
	msg := err.Error()
	if !strings.HasPrefix(msg, "json: cannot unmarshal ") {
		return err
	}
	return fmt.Errorf("found %s where %s is expected", jsonKind(n), expectedKind(t))
}

// jsonKind names the kind of JSON value n is.
func jsonKind(n *yaml.Node) string {
	n = unalias(n)
	switch n.Kind {
	case yaml.MappingNode:
		return "an object"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.ShortTag() {
	case "!!null":
		return "null"
	case "!!bool":
		return "a boolean (" + n.Value + ")"
	case "!!int", "!!float":
		return "a number (" + n.Value + ")"
	}
	return fmt.Sprintf("a string (%q)", brief(n.Value))
}

// typesType is kin-openapi's schema `type`, a string or a list of them.
var typesType = reflect.TypeFor[openapi3.Types]()

// expectedKind names the kind of JSON value that decodes into t.
func expectedKind(t reflect.Type) string {
	t = indirect(t)
	if t == typesType {
		return "a string or a list of strings"
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "another kind of value"
}

// failingChild returns the first child of n, with its pointer and type,
// whose JSON form does not decode into the type that t gives it; nil when
// every child decodes.
func failingChild(n *yaml.Node, ptr string, t reflect.Type) (*yaml.Node, string, reflect.Type, error) {
	n = unalias(n)
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i].Value, n.Content[i+1]
			ct := memberType(t, key)
			if ct == nil {
				continue
			}
			if err := decodeAs(val, ct); err != nil {
				return val, jsonptr.Join(ptr, key), ct, err
			}
		}
	case yaml.SequenceNode:
		t = indirect(t)
		if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
			return nil, "", nil, nil
		}
		for i, item := range n.Content {
			if err := decodeAs(item, t.Elem()); err != nil {
				return item, jsonptr.Index(ptr, i), t.Elem(), err
			}
		}
	}
	return nil, "", nil, nil
}

// decodeAs decodes the JSON form of n into a new value of type t.
func decodeAs(n *yaml.Node, t reflect.Type) error {
	data, _, err := toJSON(n, 0, jsonLimit(0))
	if err != nil {
		return err
	}
	return json.Unmarshal(data, reflect.New(t).Interface())
}

// indirect is t without pointers.
func indirect(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

var stringType = reflect.TypeFor[string]()

// memberType is the type the value of key decodes into in a value of type
// t, following kin-openapi's conventions: a reference wrapper (a struct
// with Ref and Value fields) holds "$ref" and otherwise what its Value
// holds; a struct with an unexported map (Paths, Responses, Callback) keeps
// in it every key that is not an x- extension. nil means that nothing can
// fail there (an extension, an unknown key).
func memberType(t reflect.Type, key string) reflect.Type {
	t = indirect(t)
	switch t.Kind() {
	case reflect.Map:
		return t.Elem()
	case reflect.Struct:
	default:
		return nil
	}
	if value, ok := t.FieldByName("Value"); ok {
		if _, isRef := t.FieldByName("Ref"); isRef {
			if key == "$ref" {
				return stringType
			}
			return memberType(value.Type, key)
		}
	}
	if strings.HasPrefix(key, "x-") {
		return nil
	}
	if f, ok := jsonField(t, key); ok {
		return f.Type
	}
	for i := range t.NumField() {
		if f := t.Field(i); !f.IsExported() && f.Type.Kind() == reflect.Map {
			return f.Type.Elem()
		}
	}
	return nil
}

// jsonField finds the exported field of the struct t that encoding/json
// fills from key: by tag name, else by field name, case-insensitively as
// encoding/json does when no name matches exactly.
func jsonField(t reflect.Type, key string) (reflect.StructField, bool) {
	var folded reflect.StructField
	found := false
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || f.Anonymous {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-":
			continue
		case name == "":
			name = f.Name
		}
		if name == key {
			return f, true
		}
		if !found && strings.EqualFold(name, key) {
			folded, found = f, true
		}
	}
	return folded, found
}
