package suncotest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// The parameter and body helpers decode a request as the client method's
// arguments, with the SDK's codecs, and note what the API would refuse.

// pathParam is the value of the path parameter name, which must not be
// empty.
func (c *call) pathParam(name string) string {
	v := c.params[name]
	if v == "" {
		c.refuse("path parameter %s is empty", name)
	}
	return v
}

// Where a parameter is: its values by name.
const (
	inQuery  = "query"
	inHeader = "header"
	inForm   = "form" // a field of a form body
)

// values are the values of the parameter name in in.
func (c *call) values(in, name string) []string {
	switch in {
	case inHeader:
		return c.r.Header.Values(name)
	case inForm:
		return c.form[name]
	}
	return c.r.URL.Query()[name]
}

// hasObject reports whether the deepObject parameter name has a key in
// in: name[key]=value.
func (c *call) hasObject(in, name string) bool {
	var keys url.Values
	switch in {
	case inForm:
		keys = c.form
	default:
		keys = c.r.URL.Query()
	}
	for k := range keys {
		if strings.HasPrefix(k, name+"[") {
			return true
		}
	}
	return false
}

// missing notes that the required parameter name is not in in.
func (c *call) missing(in, name string) {
	c.refuse("required %s %s is missing", paramKind(in), name)
}

// paramKind names a parameter in in: a query or header parameter, or a
// form field.
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
	what := paramKind(in)
	v, err := dec(values)
	if err != nil {
		c.refuse("%s %s: %v", what, name, err)
		return
	}
	problems := c.f.types.check(name, reflect.ValueOf(v), nil)
	for _, p := range problems {
		c.refuse("%s %s", what, p)
	}
	if len(problems) == 0 {
		*dst = v
	}
}

// one decodes the first value of a parameter with parse.
func one[T any](parse func(string) (T, error)) func([]string) (T, error) {
	return func(values []string) (T, error) { return parse(values[0]) }
}

// each decodes every value of a parameter with parse: a list is sent as
// one name=value per element.
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

// readBody reads the request body; an empty one is refused when required.
// present is false when there is none.
func (c *call) readBody(required bool) (data []byte, present bool) {
	data, err := io.ReadAll(c.r.Body)
	if err != nil {
		c.refuse("the body cannot be read: %v", err)
		return nil, false
	}
	if len(data) == 0 {
		if required {
			c.refuse("the request body is missing")
		}
		return nil, false
	}
	return data, true
}

// mediaType checks that the request's Content-Type is want (a JSON
// media type for "application/json") and returns its parameters.
func (c *call) mediaType(want string) (map[string]string, bool) {
	header := c.r.Header.Get("Content-Type")
	media, params, err := mime.ParseMediaType(header)
	ok := err == nil && (media == want || want == "application/json" && strings.HasSuffix(media, "+json"))
	if !ok {
		c.refuse("the body is sent as %q, not as %s", header, want)
	}
	return params, ok
}

// jsonBody decodes a JSON request body with dec, the SDK's decoder of its
// type, into *dst, and checks it as the API would: valid JSON, of the
// declared type, with the required properties. A body that is absent
// leaves *dst as it is, and is refused when required.
func jsonBody[T any](c *call, required bool, dst *T, dec func([]byte) (T, error)) {
	data, ok := c.readBody(required)
	if !ok {
		return
	}
	if _, ok := c.mediaType("application/json"); !ok {
		return
	}
	raw, err := decodeRaw(data)
	if err != nil {
		c.refuse("the body is not valid JSON: %v", err)
		return
	}
	v, err := dec(data)
	if err != nil {
		c.refuse("the body: %v", err)
		return
	}
	for _, p := range c.f.types.check("body", reflect.ValueOf(v), raw) {
		c.refuse("%s", p)
	}
	*dst, c.body = v, v
}

// decodeRaw decodes JSON as encoding/json does, numbers as json.Number,
// to compare the decoded body with; an error when data is not one valid
// JSON value.
func decodeRaw(data []byte) (any, error) {
	d := json.NewDecoder(strings.NewReader(string(data)))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("more than one value")
	}
	return v, nil
}

// decodeJSON decodes data into a T with encoding/json, which calls the
// UnmarshalJSON of the SDK's types.
func decodeJSON[T any](data []byte) (T, error) {
	var v T
	err := json.Unmarshal(data, &v)
	return v, err
}

// decodePointer decodes data with dec into a new T.
func decodePointer[T any](dec func([]byte) (T, error)) func([]byte) (*T, error) {
	return func(data []byte) (*T, error) {
		v, err := dec(data)
		if err != nil {
			return nil, err
		}
		return &v, nil
	}
}

// decodeSlice decodes a JSON array with dec for its elements (a union's
// decoder, which encoding/json cannot call).
func decodeSlice[T any](dec func([]byte) (T, error)) func([]byte) ([]T, error) {
	return func(data []byte) ([]T, error) {
		var raws []json.RawMessage
		if err := json.Unmarshal(data, &raws); err != nil {
			return nil, err
		}
		if raws == nil {
			return nil, nil
		}
		out := make([]T, len(raws))
		for i, raw := range raws {
			v, err := dec(raw)
			if err != nil {
				return nil, fmt.Errorf("[%d]: %w", i, err)
			}
			out[i] = v
		}
		return out, nil
	}
}

// decodeMap decodes a JSON object with dec for its values.
func decodeMap[T any](dec func([]byte) (T, error)) func([]byte) (map[string]T, error) {
	return func(data []byte) (map[string]T, error) {
		var raws map[string]json.RawMessage
		if err := json.Unmarshal(data, &raws); err != nil {
			return nil, err
		}
		if raws == nil {
			return nil, nil
		}
		out := make(map[string]T, len(raws))
		for k, raw := range raws {
			v, err := dec(raw)
			if err != nil {
				return nil, fmt.Errorf("[%q]: %w", k, err)
			}
			out[k] = v
		}
		return out, nil
	}
}

// formBody reads a form body (application/x-www-form-urlencoded), whose
// fields the caller then decodes with param; present is false when there
// is none, which is refused when required.
func (c *call) formBody(required bool) (present bool) {
	data, ok := c.readBody(required)
	if !ok {
		return false
	}
	if _, ok := c.mediaType("application/x-www-form-urlencoded"); !ok {
		return false
	}
	form, err := url.ParseQuery(string(data))
	if err != nil {
		c.refuse("the form body cannot be parsed: %v", err)
		return false
	}
	c.form = form
	return true
}

// upload reads the file of a multipart/form-data body from its part
// field: its content, file name and content type; present is false when
// there is none, which is refused when required.
func (c *call) upload(field string, required bool) (content []byte, name, contentType string, present bool) {
	if c.r.ContentLength == 0 && c.r.Header.Get("Content-Type") == "" {
		if required {
			c.refuse("the request body is missing")
		}
		return nil, "", "", false
	}
	params, ok := c.mediaType("multipart/form-data")
	if !ok {
		return nil, "", "", false
	}
	mr := multipart.NewReader(c.r.Body, params["boundary"])
	for {
		part, err := mr.NextPart()
		if err != nil {
			if errors.Is(err, io.EOF) {
				c.refuse("the multipart body has no part %q", field)
			} else {
				c.refuse("the multipart body cannot be read: %v", err)
			}
			return nil, "", "", false
		}
		if part.FormName() != field {
			continue
		}
		content, err := io.ReadAll(part)
		if err != nil {
			c.refuse("the part %q cannot be read: %v", field, err)
			return nil, "", "", false
		}
		return content, part.FileName(), part.Header.Get("Content-Type"), true
	}
}

// rawBody reads a body the API takes as it is, sent as contentType.
func (c *call) rawBody(contentType string, required bool) (data []byte, present bool) {
	data, ok := c.readBody(required)
	if !ok {
		return nil, false
	}
	if _, ok := c.mediaType(contentType); !ok {
		return nil, false
	}
	return data, true
}

// keepBody records body, decoded as the handler receives it.
func (c *call) keepBody(body any) { c.body = body }

// example decodes the document's example of a result with dec, the SDK's
// decoder of its type: the result when the test sets no handler. An
// example that does not decode gives the zero value.
func example[T any](text string, dec func([]byte) (T, error)) (T, error) {
	v, err := dec([]byte(text))
	if err != nil {
		return zero[T]()
	}
	return v, nil
}

// zero is the result when the test sets no handler and the document has
// no example: the zero value, a pointer to one for a pointer, an empty map
// or slice for those, so that it encodes as an empty object or array.
func zero[T any]() (T, error) {
	var v T
	rv := reflect.ValueOf(&v).Elem()
	switch rv.Kind() {
	case reflect.Pointer:
		rv.Set(reflect.New(rv.Type().Elem()))
	case reflect.Map:
		rv.Set(reflect.MakeMap(rv.Type()))
	case reflect.Slice:
		rv.Set(reflect.MakeSlice(rv.Type(), 0, 0))
	}
	return v, nil
}

// isNil reports a nil pointer: a handler's result that is none.
func isNil(v any) bool {
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}
