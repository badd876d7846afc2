package suncotest

import (
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// The parameter helpers decode a request's parameters as the client
// method's arguments, as the SDK writes them in each style, and note what
// the API would refuse.

// Where a parameter is.
const (
	inQuery  = "query"
	inHeader = "header"
	inCookie = "cookie"
	inForm   = "form" // a field of a form body
)

// paramStyle is how a parameter's list or object, or a path parameter's
// value, is written: OpenAPI's style and explode, as the SDK writes them.
type paramStyle int

const (
	styleFormExploded   paramStyle = iota // query: name=a&name=b; an object's properties each a parameter of its own
	styleForm                             // query: a,b; an object k1,v1,k2,v2
	styleSpaceDelimited                   // query: a%20b
	stylePipeDelimited                    // query: a|b
	styleDeepObject                       // query: name[key]=value for each key
	styleSimple                           // path: the value; header: a,b; an object k1,v1,k2,v2
	styleSimpleExploded                   // header, an object: k1=v1,k2=v2
	styleLabel                            // path: .value
	styleMatrix                           // path: ;name=value
)

// pathParam is the value of the path parameter name, written in style,
// which must not be empty.
func (c *call) pathParam(name string, style paramStyle) string {
	v := c.params[name]
	prefix := map[paramStyle]string{styleLabel: ".", styleMatrix: ";" + name + "="}[style]
	v, ok := strings.CutPrefix(v, prefix)
	switch {
	case !ok:
		c.refuse("path parameter %s is not written as %svalue", name, prefix)
	case v == "":
		c.refuse("path parameter %s is empty", name)
	}
	return v
}

// values are the values of the parameter name in in, as they are
// repeated: name=a&name=b in a query, a header's values, a cookie's
// value, a form field's values.
func (c *call) values(in, name string) []string {
	switch in {
	case inHeader:
		return c.r.Header.Values(name)
	case inCookie:
		if ck, err := c.r.Cookie(name); err == nil {
			if v, err := url.QueryUnescape(ck.Value); err == nil {
				return []string{v}
			}
			return []string{ck.Value}
		}
		return nil
	case inForm:
		return c.form[name]
	}
	return c.r.URL.Query()[name]
}

// items are the items of the list (or the keys and values of the object)
// that the parameter name in in holds as one value written in style, each
// unescaped as the SDK escapes it; present is false when there is none.
func (c *call) items(in, name string, style paramStyle) (items []string, present bool) {
	var text string
	if in == inHeader {
		if text, present = c.r.Header.Get(name), len(c.r.Header.Values(name)) > 0; !present {
			return nil, false
		}
		return strings.Split(text, ","), true
	}
	raw := c.rawQuery()[name]
	if len(raw) == 0 {
		return nil, false
	}
	sep := map[paramStyle]string{styleSpaceDelimited: "%20", stylePipeDelimited: "|"}[style]
	if sep == "" {
		sep = ","
	}
	for _, item := range strings.Split(raw[0], sep) {
		v, err := url.QueryUnescape(item)
		if err != nil {
			v = item
		}
		items = append(items, v)
	}
	return items, true
}

// rawQuery is the request's query string: each parameter's values as
// received, escaped, by unescaped name, so that a list's separators can
// be told from its items' escaped ones.
func (c *call) rawQuery() map[string][]string {
	q := map[string][]string{}
	for _, pair := range strings.Split(c.r.URL.RawQuery, "&") {
		if pair == "" {
			continue
		}
		key, value, _ := strings.Cut(pair, "=")
		if k, err := url.QueryUnescape(key); err == nil {
			key = k
		}
		q[key] = append(q[key], value)
	}
	return q
}

// missing notes that the required parameter name is not in in.
func (c *call) missing(in, name string) {
	c.refuse("required %s %s is missing", paramKind(in), name)
}

// paramKind names a parameter in in: a query, header or cookie
// parameter, or a form field.
func paramKind(in string) string {
	if in == inForm {
		return "form field"
	}
	return in + " parameter"
}

// param sets *dst from the values of the parameter name in in, decoded by
// dec; a parameter that is absent leaves *dst as it is, and is refused
// when required.
func param[T any](c *call, in, name string, required bool, dst *T, dec func([]string) (T, error)) {
	values := c.values(in, name)
	if len(values) == 0 {
		if required {
			c.missing(in, name)
		}
		return
	}
	decodeValues(c, paramKind(in)+" "+name, values, dst, dec)
}

// listParam sets *dst from the items of the list parameter name in in,
// written as one value in style, decoded by dec.
func listParam[T any](c *call, in, name string, style paramStyle, required bool, dst *T, dec func([]string) (T, error)) {
	items, present := c.items(in, name, style)
	if !present {
		if required {
			c.missing(in, name)
		}
		return
	}
	decodeValues(c, paramKind(in)+" "+name, items, dst, dec)
}

// decodeValues sets *dst from values, decoded by dec and checked against
// the SDK's enums; what names where they are, for the refusals.
func decodeValues[T any](c *call, what string, values []string, dst *T, dec func([]string) (T, error)) {
	v, err := dec(values)
	if err != nil {
		c.refuse("%s: %v", what, err)
		return
	}
	problems := c.f.types.check(what, reflect.ValueOf(v), nil)
	for _, p := range problems {
		c.refuse("%s", p)
	}
	if len(problems) == 0 {
		*dst = v
	}
}

// paramObject is an object parameter as received: the values of each of
// its keys, and how to name where a key is.
type paramObject struct {
	values map[string][]string
	where  func(key string) string
}

// object reads the object parameter name in in, written in style, whose
// properties are keys: present is false when none of them is there, which
// is refused when required.
func (c *call) object(in, name string, style paramStyle, keys []string, required bool) (obj paramObject, present bool) {
	obj.values = map[string][]string{}
	kind := paramKind(in)
	switch style {
	case styleDeepObject, styleFormExploded:
		obj.where = func(key string) string { return kind + " " + name + "[" + key + "]" }
		if style == styleFormExploded {
			obj.where = func(key string) string { return kind + " " + key }
		}
		for _, key := range keys {
			wire := key
			if style == styleDeepObject {
				wire = name + "[" + key + "]"
			}
			if v := c.values(in, wire); len(v) > 0 {
				obj.values[key], present = v, true
			}
		}
	default:
		obj.where = func(key string) string { return kind + " " + name + ": " + key }
		var items []string
		if items, present = c.items(in, name, style); !present {
			break
		}
		if style == styleSimpleExploded {
			for _, item := range items {
				k, v, _ := strings.Cut(item, "=")
				obj.values[k] = append(obj.values[k], v)
			}
			break
		}
		if len(items)%2 != 0 {
			c.refuse("%s %s is not a list of keys and values: %q", kind, name, items)
			return obj, false
		}
		for i := 0; i+1 < len(items); i += 2 {
			obj.values[items[i]] = append(obj.values[items[i]], items[i+1])
		}
	}
	if !present && required {
		c.missing(in, name)
	}
	return obj, present
}

// field sets *dst from the values of key of the object parameter obj,
// decoded by dec; a key that is absent leaves *dst as it is, and is
// refused when required.
func field[T any](c *call, obj paramObject, key string, required bool, dst *T, dec func([]string) (T, error)) {
	values := obj.values[key]
	if len(values) == 0 {
		if required {
			c.refuse("required %s is missing", obj.where(key))
		}
		return
	}
	decodeValues(c, obj.where(key), values, dst, dec)
}

// one decodes the first value of a parameter with parse.
func one[T any](parse func(string) (T, error)) func([]string) (T, error) {
	return func(values []string) (T, error) { return parse(values[0]) }
}

// each decodes every value of a parameter with parse: a list is sent as
// one name=value per element, or as one value its items are parts of.
func each[T any](parse func(string) (T, error)) func([]string) ([]T, error) {
	return func(values []string) ([]T, error) {
		out := make([]T, len(values))
		for i, text := range values {
			v, err := parse(text)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	}
}

// pointer decodes a parameter with dec into a new T.
func pointer[T any](dec func([]string) (T, error)) func([]string) (*T, error) {
	return func(values []string) (*T, error) {
		v, err := dec(values)
		if err != nil {
			return nil, err
		}
		return &v, nil
	}
}

// wrapped decodes a parameter with dec and wraps it with wrap (the SDK's
// NewNullable).
func wrapped[T, W any](dec func([]string) (T, error), wrap func(T) W) func([]string) (W, error) {
	return func(values []string) (W, error) {
		v, err := dec(values)
		if err != nil {
			var zero W
			return zero, err
		}
		return wrap(v), nil
	}
}

func parseString[S ~string](text string) (S, error) { return S(text), nil }

func parseInt[I ~int | ~int64](text string) (I, error) {
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil || int64(I(n)) != n {
		return 0, fmt.Errorf("%q is not an integer", text)
	}
	return I(n), nil
}

func parseFloat[F ~float64](text string) (F, error) {
	n, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", text)
	}
	return F(n), nil
}

func parseBool[B ~bool](text string) (B, error) {
	b, err := strconv.ParseBool(text)
	if err != nil || (text != "true" && text != "false") {
		return false, fmt.Errorf("%q is not true or false", text)
	}
	return B(b), nil
}

func parseTime(text string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, text)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not an RFC 3339 timestamp", text)
	}
	return t, nil
}
