package load

import (
	"fmt"
	"strconv"
)

// Warning is a defect of the input that was normalized away.
type Warning struct {
	Pointer string // JSON pointer into the source document (RFC 6901 escaping: ~0 ~1)
	Message string // one line: what was wrong and what was done
}

// String formats the warning as "pointer: message".
func (w Warning) String() string {
	return w.Pointer + ": " + w.Message
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

// Error formats the error as "file: pointer: err", or "file:line: err" when
// there is no pointer.
func (e *Error) Error() string {
	switch {
	case e.Pointer != "":
		return fmt.Sprintf("%s: %s: %v", e.File, e.Pointer, e.Err)
	case e.Line > 0:
		return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Err.Error()
	default:
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }
