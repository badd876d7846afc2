package load

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// TestBrief: a message taken from another library is cut to its first
// line and to maxMessage bytes, never inside a character, and marked
// where it was cut; it is otherwise left as it is.
func TestBrief(t *testing.T) {
	ascii := strings.Repeat("a", maxMessage)
	tests := []struct{ name, msg, want string }{
		{"short", "bad value", "bad value"},
		{"exactly the bound", ascii, ascii},
		{"one byte more", ascii + "b", ascii + " …"},
		{"first line only", "bad value:\n  {schema}", "bad value …"},
		{"an empty first line", "\nbad value", " …"},
		{"no character starts within the bound", strings.Repeat("\x80", maxMessage+10), " …"},
	}
	// A character of 2, 3 or 4 bytes that the bound falls inside, or
	// right after, at each of its bytes.
	for _, r := range []string{"é", "€", "😀"} {
		for at := maxMessage - len(r) + 1; at <= maxMessage; at++ {
			msg := strings.Repeat("a", at-1) + r + "tail"
			var want string
			if at-1+len(r) <= maxMessage {
				want = msg[:at-1+len(r)] + " …"
			} else {
				want = msg[:at-1] + " …"
			}
			tests = append(tests, struct{ name, msg, want string }{fmt.Sprintf("%s at offset %d", r, at-1), msg, want})
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := brief(tt.msg)
			assert.True(t, utf8.ValidString(got), "%q", got)
			assert.Equal(t, tt.want, got)
		})
	}
}
