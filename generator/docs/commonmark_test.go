package docs

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// commonMarkExamples are examples of the CommonMark spec (0.31.2, as
// numbered in goldmark's copy of it; tables from the GitHub Flavored
// Markdown spec), at least one for each construct the converter handles
// and one for each rule of its own (what is no entity, escapes in code,
// links it keeps or drops), with their Go doc text; then the HTML
// elements it gives a meaning, which no spec example has. A block's text
// is given as it reads after other text; alone, when that differs: Go
// doc reads a doc of indented lines alone as a paragraph. defs are the
// link definitions that close the doc.
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
	{name: "autolinks of scheme mailto (example 597)", inline: true, example: "<MAILTO:FOO@BAR.BAZ>", want: "MAILTO:FOO@BAR.BAZ (mailto:FOO@BAR.BAZ)"},
	{name: "email autolinks (example 604)", inline: true, example: "<foo@bar.example.com>", want: "foo@bar.example.com (mailto:foo@bar.example.com)"},
	{name: "raw HTML (example 613)", inline: true, example: "<a><bab><c2c>", want: "<bab><c2c>"},
	{name: "hard line breaks (example 633)", inline: true, example: "foo  \nbaz", want: "foo baz"},
	{name: "hard line breaks by backslash (example 634)", inline: true, example: "foo\\\nbaz", want: "foo baz"},
	{name: "soft line breaks (example 648)", inline: true, example: "foo\nbaz", want: "foo baz"},

	// More of each construct, where the converter has a rule of its own.
	{name: "ATX headings with closing sequences (example 71)", example: "## foo ##\n  ###   bar    ###", want: "# foo\n\n# bar"},
	{name: "fenced code with tildes (example 120)", example: "~~~\n<\n >\n~~~", want: "\t<\n\t >", alone: "< >"},
	{name: "fenced code with an info string (example 142)", example: "```ruby\ndef foo(x)\n  return 3\nend\n```", want: "\tdef foo(x)\n\t  return 3\n\tend", alone: "def foo(x) return 3 end"},
	{name: "escapes are text in code blocks (example 19)", example: "~~~\n\\[\\]\n~~~", want: "\t\\[\\]", alone: "\\[\\]"},
	{name: "HTML blocks of Markdown (example 188)", example: "<div>\n\n*Emphasized* text.\n\n</div>", want: "Emphasized text."},
	{name: "HTML comments and text after (example 177)", example: "<!-- foo -->*bar*\n*baz*", want: "bar\n\nbaz"},
	{name: "HTML scripts (example 170)", example: "<script type=\"text/javascript\">\n// JavaScript example\n\ndocument.getElementById(\"demo\").innerHTML = \"Hello JavaScript!\";\n</script>\nokay", want: "okay"},
	{name: "HTML styles (example 172)", example: "<style\n  type=\"text/css\">\nh1 {color:red;}\n\np {color:blue;}\n</style>\nokay", want: "okay"},
	{name: "text after the line that ends an HTML block (example 178)", example: "<script>\nfoo\n</script>1. *bar*", want: " 1. bar", alone: "bar"},
	{name: "HTML comments (example 179)", example: "<!-- Foo\n\nbar\n   baz -->\nokay", want: "okay"},
	{name: "HTML links of Markdown (example 162)", example: "<a href=\"foo\">\n*bar*\n</a>", want: "bar"},
	{name: "ordered lists from another start (example 268)", example: "003. ok", want: " 3. ok", alone: "ok"},
	{name: "nested lists flatten (example 294)", example: "- foo\n  - bar\n    - baz\n      - boo", want: "  - foo\n  - bar\n  - baz\n  - boo", alone: "foo\n\n  - bar\n  - baz\n  - boo"},
	{name: "full reference links to a relative URL (example 527)", example: "[foo][bar]\n\n[bar]: /url \"title\"", want: "foo"},
	{name: "full reference links", example: "[foo][bar]\n\n[bar]: https://example.com/url \"title\"", want: "[foo]", defs: "[foo]: https://example.com/url"},
	{name: "collapsed reference links (example 553)", example: "[foo][]\n\n[foo]: https://example.com/url \"title\"", want: "[foo]", defs: "[foo]: https://example.com/url"},
	{name: "shortcut reference links (example 557)", example: "[foo]\n\n[foo]: https://example.com/url \"title\"", want: "[foo]", defs: "[foo]: https://example.com/url"},
	{name: "backslash before other characters (example 13)", inline: true, example: "\\\t\\A\\a\\ \\3\\φ\\«", want: "\\ \\A\\a\\ \\3\\φ\\«"},
	{name: "escapes are text in code spans (example 17)", inline: true, example: "`` \\[\\` ``", want: "\\[\\`"},
	{name: "decimal entities (example 26)", inline: true, example: "&#35; &#1234; &#992; &#0;", want: "# Ӓ Ϡ \uFFFD"},
	{name: "hexadecimal entities (example 27)", inline: true, example: "&#X22; &#XD06; &#xcab;", want: "\" ആ ಫ"},
	{name: "no entity without its semicolon (example 29)", inline: true, example: "&copy", want: "&copy"},
	{name: "no entity HTML does not define (example 30)", inline: true, example: "&MadeUpEntity;", want: "&MadeUpEntity;"},
	{name: "entities are text in code spans (example 35)", inline: true, example: "`f&ouml;&ouml;`", want: "f&ouml;&ouml;"},
	{name: "code spans of one backtick (example 328)", inline: true, example: "`foo`", want: "foo"},
	{name: "a backslash ends no code span (example 338)", inline: true, example: "`foo\\`bar`", want: "foo\\bar`"},
	{name: "code spans before emphasis (example 341)", inline: true, example: "*foo`*`", want: "*foo*"},
	{name: "emphasis with underscores (example 357)", inline: true, example: "_foo bar_", want: "foo bar"},
	{name: "nested emphasis (example 410)", inline: true, example: "*foo **bar** baz*", want: "foo bar baz"},
	{name: "links to an absolute URL (example 501)", inline: true, example: "[link](https://example.com?foo=3#frag)", want: "[link]", defs: "[link]: https://example.com?foo=3#frag"},
	{name: "links to an anchor of the reference (example 501)", inline: true, example: "[link](#fragment)", want: "[link]", defs: "[link]: " + testReference + "#fragment"},
	{name: "links to another scheme (example 596)", inline: true, example: "<irc://foo.bar:2233/baz>", want: "irc://foo.bar:2233/baz"},
	{name: "raw HTML comments (example 625)", inline: true, example: "foo <!-- this is a --\ncomment - with hyphens -->", want: "foo"},
	{name: "processing instructions (example 627)", inline: true, example: "foo <?php echo $a; ?>", want: "foo"},
	{name: "elements that name no HTML element (example 617)", inline: true, example: "Foo <responsive-image src=\"foo.jpg\" />", want: "Foo <responsive-image src=\"foo.jpg\" />"},

	// The HTML elements the converter gives a meaning, which CommonMark
	// leaves to HTML: no spec example has them.
	{name: "HTML links", inline: true, example: "<a href=\"https://example.com/x\">the <strong>x</strong> guide</a>", want: "[the x guide]", defs: "[the x guide]: https://example.com/x"},
	{name: "HTML links to an anchor", inline: true, example: "<a href=\"#tag/X\">X</a>", want: "[X]", defs: "[X]: " + testReference + "#tag/X"},
	{name: "HTML links to a relative URL", inline: true, example: "<a href=\"/x\">x</a>", want: "x"},
	{name: "HTML text elements", inline: true, example: "<b>b</b>, <strong>s</strong>, <i>i</i>, <em>e</em>, <code>c</code>, <span>n</span>", want: "b, s, i, e, c, n"},
	{name: "HTML images", inline: true, example: "<img src=\"https://example.com/a.png\" alt=\"A widget\">", want: "A widget"},
	{name: "HTML line breaks", example: "One.<br>Two.<br/>Three.", want: "One.\n\nTwo.\n\nThree."},
	{name: "HTML paragraphs", example: "<p>One.</p><p>Two.</p>", want: "One.\n\nTwo."},
	{name: "HTML asides", example: "<aside class=\"notice\">Widgets are <em>round</em>.</aside>", want: "Note: Widgets are round."},
	{name: "HTML asides within a paragraph", example: "Widgets are round. <aside class=\"notice\">Squares are <em>not</em>.</aside> Done.", want: "Widgets are round.\n\nNote: Squares are not.\n\nDone."},
	{name: "HTML bullet lists", example: "<ul>\n<li>one</li>\n<li>two <b>2</b></li>\n</ul>", want: "  - one\n  - two 2", alone: "one\n\n  - two 2"},
	{name: "HTML numbered lists", example: "<ol><li>one</li><li>two</li></ol>", want: " 1. one\n 2. two", alone: "one\n\n 2. two"},
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
				{"text before", "Before " + ex.example, join("Before "+ex.want, ex.defs)},
				{"text after", ex.example + " after.", join(ex.want+" after.", ex.defs)},
				{"inline HTML around", "<b>Before</b> " + ex.example + " <i>after</i>.", join("Before "+ex.want+" after.", ex.defs)},
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

// TestUnescape: backslash escapes and entity references as CommonMark
// reads them, in text.
func TestUnescape(t *testing.T) {
	tests := []struct{ in, want string }{
		{`\*not emphasized\*`, "*not emphasized*"},
		{`\a\ \3\φ`, `\a\ \3\φ`}, // no ASCII punctuation: the backslash stays
		{`\\`, `\`},
		{"&amp; &copy; &ngE;", "& © ≧̸"},
		{"&semi;", ";"},
		{"&#35; &#x22; &#X22; &#1234567;", "# \" \" \uFFFD"},
		{"&#0; &#xD800;", "\uFFFD \uFFFD"},
		{"&nbsp &copy", "&nbsp &copy"}, // no ";": text
		{"&ampfoo; &MadeUpEntity; &x;", "&ampfoo; &MadeUpEntity; &x;"},
		{"&#; &#x; &#87654321; &#abc;", "&#; &#x; &#87654321; &#abc;"},
		{"AT&T; Tom & Jerry", "AT&T; Tom & Jerry"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, unescape(tt.in))
		})
	}
}
