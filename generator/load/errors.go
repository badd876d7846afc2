package load

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Warning is a defect of the input that was normalized away, or an overlay
// action that found nothing to change.
type Warning struct {
	File    string // the overlay the warning is about; empty for the spec itself
	Pointer string // JSON pointer into File, or into the spec (RFC 6901 escaping: ~0 ~1)
	Message string // one line: what was wrong and what was done
}

// String formats the warning as "pointer: message", preceded by "file: "
// when it is about an overlay.
func (w Warning) String() string {
	s := w.Pointer + ": " + w.Message
	if w.File != "" {
		s = w.File + ": " + s
	}
	return s
}

// Error is an unusable input: it names the file and the JSON pointer (or the
// line, for syntax errors) of the problem.
type Error struct {
	File    string // the name of the input (spec file or overlay)
	Pointer string // JSON pointer of the offending node; empty when unknown
	// Line is the 1-based line of the offending node, 0 when unknown. For
	// syntax errors it is the line gopkg.in/yaml.v3 reports, which for some
	// parser errors is where the enclosing construct starts.
	Line int
	Err  error // what is wrong
}

// Error formats the error as "file:line: pointer: err", leaving out the
// line or the pointer when unknown.
func (e *Error) Error() string {
	s := e.File
	if e.Line > 0 {
		s += ":" + strconv.Itoa(e.Line)
	}
	if e.Pointer != "" {
		s += ": " + e.Pointer
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// maxMessage bounds the length of a message taken from another library's
// error: kin-openapi prints whole schemas in some of them.
const maxMessage = 200

// brief is msg cut to its first line and to maxMessage bytes (on a rune
// boundary), marked with "…" where something was cut.
func brief(msg string) string {
	cut := false
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg, cut = strings.TrimRight(msg[:i], " :"), true
	}
	if len(msg) > maxMessage {
		i := maxMessage
		for i > 0 && !utf8.RuneStart(msg[i]) {
			i--
		}
		msg, cut = msg[:i], true
	}
	if cut {
		msg += " …"
	}
	return msg
}

// briefError is an error whose message is cut by brief; the original stays
// reachable through errors.As and errors.Is.
type briefError struct{ err error }

func (e briefError) Error() string { return brief(e.err.Error()) }
func (e briefError) Unwrap() error { return e.err }
