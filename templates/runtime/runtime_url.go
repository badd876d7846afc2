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

// encodeQuery is url.Values.Encode (keys sorted) except that '[' and ']'
// stay literal in keys, so deepObject parameters read on the wire as the API
// documents them: page[after]=x&page[size]=25. Values are fully escaped.
func encodeQuery(q url.Values) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(q)) {
		key := bracketReplacer.Replace(url.QueryEscape(k))
		for _, v := range q[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(key)
			b.WriteByte('=')
			b.WriteString(url.QueryEscape(v))
		}
	}
	return b.String()
}

var bracketReplacer = strings.NewReplacer("%5B", "[", "%5D", "]")
