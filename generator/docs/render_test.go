package docs

import (
	"go/doc/comment"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParagraphsNeverBecomeHeadings: a one-line paragraph between two
// others that Go doc would read as an old-style heading keeps being a
// paragraph, with a period added; any other line is left as written.
// go/doc/comment itself says which lines it would take for headings.
func TestParagraphsNeverBecomeHeadings(t *testing.T) {
	lines := []string{
		"Rate limits",
		"The user's data",
		"Its owners' names",
		"Don't retry",
		"Version 2.0 notes",
		"Ends with. A period inside",
		"Step 3",
		"lowercase start",
		"Has a colon: yes",
		"Parenthesized (part) title",
		"Comma, separated title",
		"Question?",
		"Ends with a period.",
		"Über alles",
	}
	var headings int
	for _, line := range lines {
		t.Run(line, func(t *testing.T) {
			wouldBeHeading := isHeading(line)
			if wouldBeHeading {
				headings++
			}
			c, err := New("")
			require.NoError(t, err)
			out := c.Text("", "Before it.\n\n"+line+"\n\nAfter it.")
			doc := new(comment.Parser).Parse(out)
			require.Len(t, doc.Content, 3, "three blocks in %q", out)
			p, ok := doc.Content[1].(*comment.Paragraph)
			require.True(t, ok, "%q reads as a %T in %q", line, doc.Content[1], out)
			want := line
			if wouldBeHeading {
				want += "."
			}
			assert.Equal(t, want, strings.Join(strings.Fields(plainText(p.Text)), " "))
		})
	}
	assert.Positive(t, headings, "some lines Go doc reads as headings")
	assert.Less(t, headings, len(lines), "and some it does not")
}

// isHeading reports whether Go doc reads line as an old-style heading
// between two paragraphs.
func isHeading(line string) bool {
	doc := new(comment.Parser).Parse("Before it.\n\n" + line + "\n\nAfter it.")
	_, ok := doc.Content[1].(*comment.Heading)
	return ok
}

// TestDoubleQuotes: two backticks and two apostrophes, which Go doc shows
// as “ and ”, are written so; a run of three backticks or more is left as
// it is, in the text of a description and of a link.
func TestDoubleQuotes(t *testing.T) {
	tests := []struct{ markdown, want string }{
		{"Say ``hello'' please.", "Say “hello” please."},
		{"Just ``open.", "Just “open."},
		{"Just close'' here.", "Just close” here."},
		{"A fence ``` stays, and ```` too.", "A fence ``` stays, and ```` too."},
		{"One ` and one ' stay.", "One ` and one ' stay."},
		{"See [``the guide''](https://example.com/guide).", "See “the guide” (https://example.com/guide)."},
	}
	for _, tt := range tests {
		t.Run(tt.markdown, func(t *testing.T) {
			c, err := New("")
			require.NoError(t, err)
			assert.Equal(t, tt.want, c.Field(tt.markdown, false))
		})
	}
	t.Run("a link's text, with its definition", func(t *testing.T) {
		c, err := New("")
		require.NoError(t, err)
		assert.Equal(t, "See [“the guide”].\n\n[“the guide”]: https://example.com/guide", c.Text("", "See [``the guide''](https://example.com/guide)."))
	})
}

// TestWrapStartsNoListItem: however the text of an item of a bulleted or
// a numbered list wraps, no line of it starts with what Go doc reads as a
// list marker, so the item stays one item. go/doc/comment itself counts
// the items.
func TestWrapStartsNoListItem(t *testing.T) {
	filler := strings.Fields("the quick brown fox jumps over the lazy dog and runs far away from every hunter in the green wood")
	for _, marker := range []string{"-", "*", "+", "•", "3.", "3)", "12.", "12)", "007)"} {
		t.Run(marker, func(t *testing.T) {
			for at := range filler {
				words := append(slices.Clone(filler[:at]), marker)
				words = append(words, filler[at:]...)
				item := strings.Join(words, " ")
				for _, list := range []string{"- " + item + "\n- the last one", "1. " + item + "\n2. the last one"} {
					c, err := New("")
					require.NoError(t, err)
					out := c.Text("", "Steps:\n\n"+list)
					var items int
					for _, b := range new(comment.Parser).Parse(out).Content {
						if l, ok := b.(*comment.List); ok {
							items += len(l.Items)
						}
					}
					require.Equal(t, 2, items, "%s at word %d:\n%s", marker, at, out)
				}
			}
		})
	}
}
