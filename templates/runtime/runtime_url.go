package sunco

import (
	"maps"
	"net/url"
	"slices"
	"strings"
)

// escapePathSegment escapes s to be exactly one path segment. Beyond
// url.PathEscape, which already escapes '/', '?' and '#', it escapes the
// whole-segment dot names "." and "..": left literal, the server or a proxy
// would resolve them and an id could address another resource.
func escapePathSegment(s string) string {
	switch s {
	case ".":
		return "%2E"
	case "..":
		return "%2E%2E"
	}
	return url.PathEscape(s)
}

// query is the query string of a request as its parameters add to it:
// the values of each key, already escaped, in the order added. Set and
// Add take a value as url.Values's do, so that a parameter is added the
// same way to the query, the headers (http.Header) or a form body
// (url.Values).
type query map[string][]string

// Set makes value, escaped, the only value of key.
func (q query) Set(key, value string) { q[key] = []string{url.QueryEscape(value)} }

// Add adds value, escaped, to the values of key.
func (q query) Add(key, value string) { q[key] = append(q[key], url.QueryEscape(value)) }

// setList makes the items of a list, or the keys and values of an object
// in turn, the one value of key, each escaped and the separators of style
// written as they are: colors=a,b (form without explode), sizes=s|m
// (pipeDelimited), sizes=s%20m (spaceDelimited). An empty list, or an
// object without a property set, sends nothing.
func (q query) setList(style paramStyle, key string, values []string) {
	if len(values) == 0 {
		return
	}
	q[key] = []string{joinParam(style, values, url.QueryEscape)}
}

// encodeQuery writes q as url.Values.Encode does (keys sorted, each value
// under its key) except that '[' and ']' stay literal in keys, so
// deepObject parameters read on the wire as the API documents them:
// page[after]=x&page[size]=25. The values are written as stored, escaped.
func encodeQuery(q query) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(q)) {
		key := bracketReplacer.Replace(url.QueryEscape(k))
		for _, v := range q[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(key)
			b.WriteByte('=')
			b.WriteString(v)
		}
	}
	return b.String()
}

var bracketReplacer = strings.NewReplacer("%5B", "[", "%5D", "]")
