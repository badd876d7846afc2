package docs

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A description of a date-time property often says how its text is
// written ("A datetime string with the format `YYYY-MM-DDThh:mm:ss.SSSZ`
// representing the creation time", "Formatted as `YYYY-…`."), which is
// moot where the field is a time.Time: TimeDescription leaves it out.
var (
	// formatLead is a leading "A datetime string with the format F
	// representing", whose rest is the sentence.
	formatLead = regexp.MustCompile("(?i)^an?\\s+(date|datetime|date-time|time|timestamp)(\\s+string)?\\s+(with|in)\\s+(the\\s+)?format\\s+`?[^\\s`]+`?,?\\s+(representing|that\\s+represents|which\\s+represents|for)\\s+")
	// sentenceEnd ends a sentence: a full stop before white space, or the end.
	sentenceEnd = regexp.MustCompile(`\.(\s+|$)`)
)

// TimeDescription is the Markdown description of a date-time property
// without its statements of the text format: a leading "A datetime
// string with the format F representing X" becomes "X", and a sentence
// naming a date format otherwise ("Formatted as F.") goes.
func TimeDescription(markdown string) string {
	text := strings.TrimSpace(markdown)
	if loc := formatLead.FindStringIndex(text); loc != nil {
		text = upperFirst(text[loc[1]:])
	}
	var kept []string
	for _, s := range sentences(text) {
		if !strings.Contains(s, "YYYY-MM-DD") { // a date format written with letters
			kept = append(kept, s)
		}
	}
	return strings.Join(kept, " ")
}

// sentences splits text after each full stop that white space follows.
func sentences(text string) []string {
	var out []string
	for text != "" {
		loc := sentenceEnd.FindStringIndex(text)
		if loc == nil {
			out = append(out, text)
			break
		}
		out = append(out, text[:loc[0]+1])
		text = text[loc[1]:]
	}
	return out
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
