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
	"strings"
)

// The body helpers decode a request's body as the client method's
// argument, with the SDK's codecs, and note what the API would refuse.

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

// formMap sets *dst to the fields of a form body that declares none, a
// map, each decoded by dec.
func formMap[T any](c *call, dst *map[string]T, dec func([]string) (T, error)) {
	m := make(map[string]T, len(c.form))
	for key, values := range c.form {
		var v T
		decodeValues(c, "form field "+key, values, &v, dec)
		m[key] = v
	}
	*dst = m
}

// upload is the file of a multipart/form-data body.
type upload struct {
	content           []byte
	name, contentType string
}

// upload reads the file of a multipart/form-data body from its part
// field; present is false when there is none, which is refused when
// required.
func (c *call) upload(field string, required bool) (file upload, present bool) {
	if c.r.ContentLength == 0 && c.r.Header.Get("Content-Type") == "" {
		if required {
			c.refuse("the request body is missing")
		}
		return upload{}, false
	}
	params, ok := c.mediaType("multipart/form-data")
	if !ok {
		return upload{}, false
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
			return upload{}, false
		}
		if part.FormName() != field {
			continue
		}
		content, err := io.ReadAll(part)
		if err != nil {
			c.refuse("the part %q cannot be read: %v", field, err)
			return upload{}, false
		}
		return upload{content, part.FileName(), part.Header.Get("Content-Type")}, true
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
