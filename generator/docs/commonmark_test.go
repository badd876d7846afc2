package docs

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// commonMarkExamples are examples of the CommonMark spec (0.31.2; tables
// from the GitHub Flavored Markdown spec), one or two for each construct
// the converter handles, with their Go doc text. A block's text is given
// as it reads after other text; alone, when that differs: Go doc reads a
// doc of indented lines alone as a paragraph. defs are the link
// definitions that close the doc.
var commonMarkExamples = []struct {
	name, example string
	inline        bool // an inline construct: the variants put text on its line
	want, alone   string
	defs          string
}{
	{name: "thematic breaks go (example 43)", example: "***\n---\n___"},
	{name: "ATX headings (example 62)", example: "# foo\n## foo\n### foo\n#### foo\n##### foo\n###### foo", want: "# foo\n\n# foo\n\n# foo\n\n# foo\n\n# foo\n\n# foo"},
	{name: "setext headings (example 80)", example: "Foo *bar*\n=========\n\nFoo *bar*\n---------", want: "# Foo bar\n\n# Foo bar"},
	{name: "indented code (example 107)", example: "    a simple\n      indented code block", want: "\ta simple\n\t  indented code block", alone: "a simple indented code block"},
	{name: "fenced code (example 119)", example: "```\n<\n >\n```", want: "\t<\n\t >", alone: "< >"},
	{name: "HTML blocks (example 149)", example: "<table>\n  <tr>\n    <td>\n           hi\n    </td>\n  </tr>\n</table>\n\nokay.", want: "hi\n\nokay."},
	{name: "a link reference definition to a relative URL (example 192)", example: "[foo]: /url \"title\"\n\n[foo]", want: "foo"},
	{name: "a link reference definition to a URL", example: "[foo]: https://example.com/url \"title\"\n\n[foo]", want: "[foo]", defs: "[foo]: https://example.com/url"},
	{name: "paragraphs (example 219)", example: "aaa\n\nbbb", want: "aaa\n\nbbb"},
	{name: "block quotes (example 228)", example: "> # Foo\n> bar\n> baz", want: "# Foo\n\nbar baz"},
	{
		name:    "list items with blocks (example 254)",
		example: "1.  A paragraph\n    with two lines.\n\n        indented code\n\n    > A block quote.",
		want:    "A paragraph with two lines.\n\n\tindented code\n\nA block quote.",
	},
	{name: "bullet lists (example 301)", example: "- foo\n- bar\n+ baz", want: "  - foo\n  - bar\n  - baz", alone: "foo\n\n  - bar\n  - baz"},
	{name: "ordered lists (example 302)", example: "1. foo\n2. bar\n3) baz", want: " 1. foo\n 2. bar\n 3. baz", alone: "foo\n\n 2. bar\n 3. baz"},
	{name: "tables (GFM example 198)", example: "| foo | bar |\n| --- | --- |\n| baz | bim |", want: "\tfoo  bar\n\t---  ---\n\tbaz  bim", alone: "foo bar --- --- baz bim"},
	{name: "backslash escapes (example 12)", inline: true, example: "\\!\\\"\\#\\$\\%\\&\\'\\(\\)\\*\\+\\,\\-\\.\\/\\:\\;\\<\\=\\>\\?\\@\\[\\\\\\]\\^\\_\\`\\{\\|\\}\\~", want: "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"},
	{name: "entity references (example 25)", inline: true, example: "&nbsp; &amp; &copy; &AElig; &Dcaron;\n&frac34; &HilbertSpace; &DifferentialD;\n&ClockwiseContourIntegral; &ngE;", want: "& © Æ Ď ¾ ℋ ⅆ ∲ ≧̸"},
	{name: "code spans (example 329)", inline: true, example: "`` foo ` bar ``", want: "foo ` bar"},
	{name: "emphasis (example 350)", inline: true, example: "*foo bar*", want: "foo bar"},
	{name: "strong emphasis (example 402)", inline: true, example: "**foo bar**", want: "foo bar"},
	{name: "links to a relative URL (example 482)", inline: true, example: "[link](/uri \"title\")", want: "link"},
	{name: "images (example 572)", inline: true, example: "![foo](/url \"title\")", want: "foo"},
	{name: "autolinks (example 594)", inline: true, example: "<http://foo.bar.baz>", want: "http://foo.bar.baz"},
	{name: "email autolinks (example 602)", inline: true, example: "<MAILTO:FOO@BAR.BAZ>", want: "MAILTO:FOO@BAR.BAZ (mailto:FOO@BAR.BAZ)"},
	{name: "raw HTML (example 613)", inline: true, example: "<a><bab><c2c>", want: "<bab><c2c>"},
	{name: "hard line breaks (example 633)", inline: true, example: "foo  \nbaz", want: "foo baz"},
	{name: "hard line breaks by backslash (example 634)", inline: true, example: "foo\\\nbaz", want: "foo baz"},
	{name: "soft line breaks (example 648)", inline: true, example: "foo\nbaz", want: "foo baz"},
}

// TestCommonMark converts each example alone, after text, before text,
// and between inline HTML.
func TestCommonMark(t *testing.T) {
	for _, ex := range commonMarkExamples {
		alone := ex.want
		if ex.alone != "" {
			alone = ex.alone
		}
		variants := []struct{ name, in, want string }{
			{"alone", ex.example, join(alone, ex.defs)},
			{"text before", "Before this.\n\n" + ex.example, join("Before this.", ex.want, ex.defs)},
			{"text after", ex.example + "\n\nAfter this.", join(ex.want, "After this.", ex.defs)},
			{
				"inline HTML around",
				"<p>Before <b>this</b>.</p>\n\n" + ex.example + "\n\n<span>After</span> <em>this</em>.",
				join("Before this.", ex.want, "After this.", ex.defs),
			},
		}
		if ex.inline {
			variants = append(variants[:1], []struct{ name, in, want string }{
				{"text before", "Before " + ex.example, "Before " + ex.want},
				{"text after", ex.example + " after.", ex.want + " after."},
				{"inline HTML around", "<b>Before</b> " + ex.example + " <i>after</i>.", "Before " + ex.want + " after."},
			}...)
		}
		for _, v := range variants {
			t.Run(ex.name+"/"+v.name, func(t *testing.T) {
				c := newConverter(t)
				got := c.Text("", v.in)
				assert.Equal(t, v.want, got)
				assert.Zero(t, c.counts.settled)
				checkDoc(t, v.in, got)
			})
		}
	}
}

// join joins the non-empty blocks of a doc with blank lines.
func join(blocks ...string) string {
	var out []string
	for _, b := range blocks {
		if b != "" {
			out = append(out, b)
		}
	}
	return strings.Join(out, "\n\n")
}
