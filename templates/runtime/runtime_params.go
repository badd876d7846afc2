package sunco

import (
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
)

// formatParam writes a query or header parameter value: strings (and
// string enums) as they are, numbers and booleans in their usual form.
func formatParam(v any) string {
	switch n := v.(type) {
	case float64:
		return strconv.FormatFloat(n, 'f', -1, 64) // never 1e+08
	case float32:
		return strconv.FormatFloat(float64(n), 'f', -1, 32)
	}
	return fmt.Sprint(v)
}

// paramStyle is how a parameter's list or object, or a path parameter's
// value, is written: OpenAPI's style and explode, as RFC 6570 expands them.
// A single value in a query, a header or a cookie needs none: it is
// written as it is, escaped where it goes.
type paramStyle int

const (
	styleForm           paramStyle = iota // query, form without explode: a,b; an object k1,v1,k2,v2
	styleSpaceDelimited                   // query: a%20b
	stylePipeDelimited                    // query: a|b
	styleSimple                           // header: a,b; an object k1,v1,k2,v2
	styleSimpleExploded                   // header, an object with explode: k1=v1,k2=v2
	styleLabel                            // path: .value
	styleMatrix                           // path: ;name=value
)

// joinParam writes values, the items of a list or the keys and values of
// an object in turn, as one parameter value in style, each escaped by
// escape and the separators written as they are.
func joinParam(style paramStyle, values []string, escape func(string) string) string {
	escaped := make([]string, len(values))
	for i, v := range values {
		escaped[i] = escape(v)
	}
	switch style {
	case styleSpaceDelimited:
		return strings.Join(escaped, "%20")
	case stylePipeDelimited:
		return strings.Join(escaped, "|")
	case styleSimpleExploded:
		pairs := make([]string, 0, len(escaped)/2)
		for i := 0; i+1 < len(escaped); i += 2 {
			pairs = append(pairs, escaped[i]+"="+escaped[i+1])
		}
		return strings.Join(pairs, ",")
	}
	return strings.Join(escaped, ",")
}

// formatList is formatParam of each item of a list.
func formatList[T any](items []T) []string {
	out := make([]string, len(items))
	for i, item := range items {
		out[i] = formatParam(item)
	}
	return out
}

// setHeaderList makes the items of a list, or the keys and values of an
// object in turn, the value of header key in style (simple: a,b), written
// as they are, as a header's value is; an empty list sends no header.
func setHeaderList(h http.Header, style paramStyle, key string, values []string) {
	if len(values) == 0 {
		return
	}
	h.Set(key, joinParam(style, values, func(v string) string { return v }))
}

// expandPath is the path parameter name of the given value in style
// label (.value) or matrix (;name=value), the value escaped into the
// segment it is part of as escapePathSegment escapes it.
func expandPath(style paramStyle, name, value string) string {
	if style == styleMatrix {
		return ";" + url.PathEscape(name) + "=" + escapePathSegment(value)
	}
	return "." + escapePathSegment(value)
}

// addCookie adds the cookie parameter name=value to the Cookie header of
// h. The value is escaped as OpenAPI's form style says (RFC 6570: every
// byte but letters, digits and -._~ percent-encoded), which also keeps
// it a valid cookie value.
func addCookie(h http.Header, name, value string) {
	pair := name + "=" + strings.ReplaceAll(url.QueryEscape(value), "+", "%20")
	if cookies := h.Get("Cookie"); cookies != "" {
		pair = cookies + "; " + pair
	}
	h.Set("Cookie", pair)
}

// UploadFile is a file to upload; Reader is streamed, never read whole
// into memory. A Reader that is also an io.Seeker can be re-sent when
// the request is retried. An *os.File needs no other field:
// UploadFile{Reader: f} with f opened from "photos/cat.png" is sent as
// cat.png, of type image/png, and re-sent from its offset on a retry.
type UploadFile struct {
	Reader io.Reader
	// Name is the file name sent with the part. When empty, it is the base
	// name of Reader's Name method, when Reader has one (an *os.File).
	// Quotes, CR, LF and other control characters are sent
	// percent-encoded, as browsers send them.
	Name string
	// ContentType is the media type of the file. When empty, it is the one
	// mime.TypeByExtension gives the name's extension, else
	// application/octet-stream.
	ContentType string
}

// part returns the multipart file of f, its name and content type filled
// in as UploadFile says.
func (f UploadFile) part(field string) *multipartFile {
	name := f.Name
	if named, ok := f.Reader.(interface{ Name() string }); ok && name == "" && named.Name() != "" {
		name = filepath.Base(named.Name())
	}
	contentType := f.ContentType
	if contentType == "" {
		contentType = mime.TypeByExtension(filepath.Ext(name))
	}
	return &multipartFile{FieldName: field, FileName: name, ContentType: contentType, Reader: f.Reader}
}

// checkPathParams rejects an empty path parameter, which would leave an
// empty segment and address another resource. Its arguments are pairs of
// parameter name and value.
func checkPathParams(nameValues ...string) error {
	for i := 0; i+1 < len(nameValues); i += 2 {
		if nameValues[i+1] == "" {
			return fmt.Errorf(sdkName+": path parameter %s is empty", nameValues[i])
		}
	}
	return nil
}
