// Package jsonptr writes JSON pointers (RFC 6901), by which the
// generator's errors and warnings name a place in the document.
package jsonptr

import (
	"strconv"
	"strings"
)

// escaper escapes a reference token. Made once: a Replacer works out its
// algorithm on first use, which costs more than escaping the tokens of a
// whole document.
var escaper = strings.NewReplacer("~", "~0", "/", "~1")

// unescaper reverses escaper.
var unescaper = strings.NewReplacer("~1", "/", "~0", "~")

// Join appends reference tokens to the pointer ptr, escaping them.
func Join(ptr string, tokens ...string) string {
	size := len(ptr)
	for _, t := range tokens {
		size += 1 + len(t)
	}
	var b strings.Builder
	b.Grow(size) // escapes are rare: one allocation
	b.WriteString(ptr)
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escaper.Replace(t))
	}
	return b.String()
}

// Index appends an array index to the pointer ptr.
func Index(ptr string, i int) string {
	return ptr + "/" + strconv.Itoa(i)
}

// Unescape is the text of the escaped reference token token.
func Unescape(token string) string {
	return unescaper.Replace(token)
}
