package build

import (
	"go/token"
	"slices"
	"strings"
	"unicode"
)

// canonicalWords spell the words that Go style does not simply capitalize:
// initialisms, written whole in upper case, and brand names with a capital
// inside, kept whole. Keys are lower case.
var canonicalWords = func() map[string]string {
	m := map[string]string{"oauth": "OAuth", "whatsapp": "WhatsApp"}
	for _, w := range []string{
		"ACL", "API", "ASCII", "CPU", "CSS", "CSV", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS",
		"ID", "IOS", "IP", "JSON", "JWT", "QPS", "RAM", "RPC", "SDK", "SLA", "SMS", "SMTP", "SQL",
		"SSH", "SSO", "TCP", "TLS", "TTL", "UDP", "UI", "UID", "URI", "URL", "UTF8", "UUID", "VM",
		"XML", "XMPP", "XSRF", "XSS",
	} {
		m[strings.ToLower(w)] = w
	}
	return m
}()

// canonical is the Go spelling of a word when it has a fixed one: an
// initialism (id gives ID, ids gives IDs) or a brand (whatsapp gives
// WhatsApp).
func canonical(word string) (string, bool) {
	lower := strings.ToLower(word)
	if c, ok := canonicalWords[lower]; ok {
		return c, true
	}
	if stem, ok := strings.CutSuffix(lower, "s"); ok {
		if c, ok := canonicalWords[stem]; ok && strings.ToUpper(c) == c {
			return c + "s", true
		}
	}
	return "", false
}

// goName turns a name from the document (camelCase, snake_case, words with
// punctuation, any script) into an exported Go identifier: userIdOrExternalId
// gives UserIDOrExternalID, XMLHttpRequest gives XMLHTTPRequest, 1x gives X1x.
// It is the one naming function of the generator: every identifier and file
// name derives from it or from words.
func goName(s string) string {
	name := goSuffix(s)
	if first := []rune(name)[0]; !unicode.IsUpper(first) {
		name = "X" + name // a digit, or a letter without case (名前)
	}
	return name
}

// goSuffix is goName for a name that follows a prefix, as an enum value
// follows the name of its type: it may start with a digit (1x gives 1x).
// A name with no letter or digit at all gives Empty.
func goSuffix(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		if c, ok := canonical(w); ok {
			b.WriteString(c)
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

// words splits s at every rune that cannot be part of a Go identifier and
// at case changes: before an upper-case letter that follows a lower-case
// letter or a digit, and before the last capital of a run that a lower-case
// letter follows (XMLHttpRequest gives XML, Http, Request). Neighbouring
// words that together spell a canonical word are joined again (O, Auth
// gives OAuth; i, OS gives iOS).
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
	joined := out[:0]
	for i := 0; i < len(out); i++ {
		if i+1 < len(out) {
			if _, ok := canonical(out[i] + out[i+1]); ok {
				joined = append(joined, out[i]+out[i+1])
				i++
				continue
			}
		}
		joined = append(joined, out[i])
	}
	return joined
}

// snakeName is the file name form of a name: its words in lower case,
// joined by underscores (OAuth Endpoints gives oauth_endpoints).
func snakeName(s string) string {
	ws := words(s)
	for i, w := range ws {
		ws[i] = strings.ToLower(w)
	}
	return strings.Join(ws, "_")
}

// lowerName is the unexported form of a name, for parameters and locals:
// its first word in lower case, whole when it is an initialism (ID gives
// id, URLPath gives urlPath, userId gives userID).
func lowerName(s string) string {
	name := goName(s)
	first := words(name)[0]
	return strings.ToLower(first) + name[len(first):]
}

// isExportedIdent reports whether s can be used as is as an exported Go
// identifier.
func isExportedIdent(s string) bool {
	return token.IsIdentifier(s) && token.IsExported(s)
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

// tidyName is a type name derived from the document in the form Go code
// reads: without the spec's own suffix Schema or SubSchema (AppSubSchema
// gives App), and without a word or run of words said twice in a row,
// which naming an inline type after its parent and property makes
// (QuotedMessageMessage gives QuotedMessage, ActivityTypesType gives
// ActivityType, DefaultResponderDefaultResponder gives DefaultResponder).
// Of a repeated run the last is kept; plural and singular count as the
// same word.
func tidyName(name string) string {
	ws := words(name)
	if n := len(ws); n > 1 && ws[n-1] == "Schema" {
		ws = ws[:n-1]
		if n := len(ws); n > 1 && ws[n-1] == "Sub" {
			ws = ws[:n-1]
		}
	}
	for i, k := 0, 1; k <= len(ws)/2; {
		switch {
		case i+2*k > len(ws):
			i, k = 0, k+1
		case sameWords(ws[i:i+k], ws[i+k:i+2*k]):
			ws = slices.Delete(ws, i, i+k)
			i, k = 0, 1
		default:
			i++
		}
	}
	return strings.Join(ws, "")
}

// sameWords reports whether two runs of words say the same, whatever
// their case and number.
func sameWords(a, b []string) bool {
	for i := range a {
		if strings.ToLower(singular(a[i])) != strings.ToLower(singular(b[i])) {
			return false
		}
	}
	return true
}
