package build

import (
	"strconv"
	"strings"
	"unicode"
)

// initialisms are written in upper case when they form a whole word.
var initialisms = map[string]string{
	"id":   "ID",
	"url":  "URL",
	"api":  "API",
	"jwt":  "JWT",
	"sdk":  "SDK",
	"http": "HTTP",
}

// goName turns a name from the document (camelCase, snake_case, words with
// punctuation) into an exported Go identifier: userIdOrExternalId becomes
// UserIDOrExternalID.
func goName(s string) string {
	name := goSuffix(s)
	if !unicode.IsLetter([]rune(name)[0]) {
		name = "X" + name
	}
	return name
}

// goSuffix is goName for a name that follows a prefix, as an enum value
// follows the name of its type: it may start with a digit (1x gives 1x).
func goSuffix(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		if up, ok := initialisms[strings.ToLower(w)]; ok {
			b.WriteString(up)
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		b.WriteString(string(r))
	}
	if b.Len() == 0 {
		return "Empty"
	}
	return b.String()
}

// words splits s at punctuation and at lower-to-upper case changes; a run
// of capitals stays one word (HTTPServer gives HTTP, Server).
func words(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if len(cur) > 0 && unicode.IsUpper(r) {
			prev := cur[len(cur)-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

// singular makes the element name of an array property: events gives
// event, identities gives identity; words that do not look plural stay.
func singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies") && len(s) > 3:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "ss"), strings.HasSuffix(s, "us"), strings.HasSuffix(s, "is"):
		return s
	case strings.HasSuffix(s, "s") && len(s) > 1:
		return s[:len(s)-1]
	}
	return s
}

// namespace hands out unique Go identifiers.
type namespace map[string]bool

// claim returns name, or name with the smallest numeric suffix that is
// still free, and marks it taken.
func (ns namespace) claim(name string) string {
	candidate := name
	for i := 2; ns[candidate]; i++ {
		candidate = name + strconv.Itoa(i)
	}
	ns[candidate] = true
	return candidate
}
