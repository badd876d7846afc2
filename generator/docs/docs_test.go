package docs

import (
	"go/doc/comment"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testReference = "https://api.example.com/reference/"

func newConverter(t *testing.T) *Converter {
	t.Helper()
	c, err := New(testReference)
	require.NoError(t, err)
	return c
}

func TestNew(t *testing.T) {
	for _, ref := range []string{"/reference/", "reference", "https://", "mailto:docs@example.com", "https://exa mple.com/", "%zz", "http://[::1/"} {
		t.Run(ref, func(t *testing.T) {
			_, err := New(ref)
			assert.Error(t, err)
		})
	}
}

// TestWithoutReference converts for a document that names no API
// reference: relative links keep their text only, absolute ones stay.
func TestWithoutReference(t *testing.T) {
	c, err := New("")
	require.NoError(t, err)
	got := c.Text("", "See [paging](#section/Paging), [GetWidget](#operation/GetWidget) and [the guide](https://example.com/g).")
	assert.Equal(t, lines("See paging, GetWidget and [the guide].", "", "[the guide]: https://example.com/g"), got)
	checkDoc(t, "", got)
	assert.Equal(t, 0, c.counts.resolved)
	assert.Equal(t, 2, c.counts.dropped)
}

// lines joins lines with newlines, to write expected docs one line a row.
func lines(l ...string) string { return strings.Join(l, "\n") }

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", " \n ", ""},
		{
			"paragraphs wrap at 76 columns",
			"The widget service keeps every widget of a workspace in one place, sorted by\nname, so that clients can page through them quickly.\n\nSecond paragraph.",
			lines(
				"The widget service keeps every widget of a workspace in one place, sorted by",
				"name, so that clients can page through them quickly.",
				"",
				"Second paragraph.",
			),
		},
		{"emphasis and code spans are their text", "A **bold**, _light_ and `code` word.", "A bold, light and code word."},
		{"entities and escapes", "Tom &amp; Jerry \\*sleep\\* &lt;here&gt; &copy;", "Tom & Jerry *sleep* <here> ©"},
		{
			"headings of every level",
			"# Widgets\n\nIntro.\n\n### Limits\n\nAt most ten.",
			lines("# Widgets", "", "Intro.", "", "# Limits", "", "At most ten."),
		},
		{
			"bullet list",
			"Kinds:\n* round\n* square\n",
			lines("Kinds:", "", "  - round", "  - square"),
		},
		{
			"numbered list keeps its start",
			"Steps:\n\n3. open\n4. close\n",
			lines("Steps:", "", " 3. open", " 4. close"),
		},
		{
			"long list items wrap under their text",
			"Item:\n\n- A list item long enough to wrap onto a second line, indented under its own text.",
			lines(
				"Item:",
				"",
				"  - A list item long enough to wrap onto a second line, indented under its",
				"    own text.",
			),
		},
		{
			"a list marker never starts a wrapped line",
			"Item:\n\n- Counting goes as follows, from the first to the last of them, one, then - two",
			lines(
				"Item:",
				"",
				"  - Counting goes as follows, from the first to the last of them, one, then -",
				"    two",
			),
		},
		{
			"nested lists flatten",
			"Nested:\n\n- outer\n  - inner one\n  - inner two\n- last",
			lines("Nested:", "", "  - outer", "  - inner one", "  - inner two", "  - last"),
		},
		{
			"fenced code keeps its content",
			"Send:\n\n```json\n{\n  \"name\": \"w\",\n\n  \"size\": 2\n}\n```\n\nDone.",
			lines("Send:", "", "\t{", "\t  \"name\": \"w\",", "", "\t  \"size\": 2", "\t}", "", "Done."),
		},
		{
			"indented code loses only its shared indentation",
			"Call:\n\n        widgets list\n          --all\n",
			lines("Call:", "", "\twidgets list", "\t  --all"),
		},
		{
			"a blank line inside code keeps the shared indentation shared",
			"Call:\n\n```\n  widgets list\n\n  widgets get\n```",
			lines("Call:", "", "\twidgets list", "", "\twidgets get"),
		},
		{
			"a fence right after a paragraph line",
			"Call it so.\n```shell\ncurl /v1/widgets?page[size]=10\n```",
			lines("Call it so.", "", "\tcurl /v1/widgets?page[size]=10"),
		},
		{
			"a paragraph of one code span is code",
			"Host:\n\n`https://<tenant>.example.com/v1`",
			lines("Host:", "", "\thttps://<tenant>.example.com/v1"),
		},
		{
			"list items of one code span stay items",
			"States:\n\n- `idle`\n- `busy`\n\nLoose:\n\n- `on`\n\n- `off`",
			lines("States:", "", "  - idle", "  - busy", "", "Loose:", "", "  - on", "  - off"),
		},
		{"a doc of code alone is a paragraph", "```\nwidgets list\n  --all\n```", "widgets list --all"},
		{"a doc of a list alone starts with a paragraph", "- one\n- two\n- three", lines("one", "", "  - two", "  - three")},
		{
			"a code block inside a list item ends the list",
			"- first\n- second:\n\n  ```\n  x = 1\n  ```\n- third",
			lines("  - first", "", "second:", "", "\tx = 1", "", "third"),
		},
		{
			"a list nested after code in an item",
			"- first:\n\n  ```\n  x = 1\n  ```\n  - nested\n- last",
			lines("first:", "", "\tx = 1", "", "nested", "", "  - last"),
		},
		{
			"a list after code starts with a paragraph",
			"```\nx = 1\n```\n- after\n- more",
			lines("\tx = 1", "", "after", "", "  - more"),
		},
		{
			"adjacent code blocks are one",
			"Code:\n```\nx = 1\n```\n```\ny = 2\n```",
			lines("Code:", "", "\tx = 1", "", "\ty = 2"),
		},
		{
			"links become definitions",
			"See the [widget guide](https://example.com/guide) and the [widget guide](https://example.com/guide) again.",
			lines("See the [widget guide] and the [widget guide] again.", "", "[widget guide]: https://example.com/guide"),
		},
		{
			"one text for two URLs: the second stays inline",
			"Read [this](https://example.com/a) or [this](https://example.com/b).",
			lines("Read [this] or this (https://example.com/b).", "", "[this]: https://example.com/a"),
		},
		{
			"text written in brackets is not a link",
			"Use page[size] with [size](https://example.com/size).",
			"Use page[size] with size (https://example.com/size).",
		},
		{
			"brackets in link text",
			"Filter with [page[size]](https://example.com/p).",
			"Filter with page[size] (https://example.com/p).",
		},
		{
			"a link that is its URL",
			"At <https://example.com/x> or [https://example.com/y](https://example.com/y) or https://example.com/z.",
			"At https://example.com/x or https://example.com/y or https://example.com/z.",
		},
		{"mailto stays inline", "Write to [us](mailto:team@example.com).", "Write to us (mailto:team@example.com)."},
		{
			"anchors resolve against the reference",
			"See [GetWidget](#operation/GetWidget), [widgets](#tag/Widgets), [paging](#section/Intro/Paging) and [auth](/#section/Auth).",
			lines(
				"See [GetWidget], [widgets], [paging] and [auth].",
				"",
				"[GetWidget]: https://api.example.com/reference/#operation/GetWidget",
				"[widgets]: https://api.example.com/reference/#tag/Widgets",
				"[paging]: https://api.example.com/reference/#section/Intro/Paging",
				"[auth]: https://api.example.com/reference/#section/Auth",
			),
		},
		{
			"other relative links keep their text",
			"See [the guide](/guide/widgets/), [this](guide.html) and [that](javascript:alert(1)).",
			"See the guide, this and that.",
		},
		{
			"HTML links and inline elements",
			`Use <code>size</code> from <a href="https://example.com/sizes">the <strong>size</strong> table</a> or <a href="#tag/Sizes">sizes</a>.`,
			lines(
				"Use size from [the size table] or [sizes].",
				"",
				"[the size table]: https://example.com/sizes",
				"[sizes]: https://api.example.com/reference/#tag/Sizes",
			),
		},
		{
			"a link without a scheme is https",
			`See <a href="//cdn.example.com/widgets.json">the list</a>.`,
			lines("See [the list].", "", "[the list]: https://cdn.example.com/widgets.json"),
		},
		{
			"an HTML link without text shows its URL",
			`Get it: <a style="x" href="https://example.com/file.json"></a>`,
			"Get it: https://example.com/file.json",
		},
		{"an anchor without href is text", `Go <a name="here">here</a>.`, "Go here."},
		{
			"br splits paragraphs",
			"One thing.<br/>Another.<br/><br/>A third.",
			lines("One thing.", "", "Another.", "", "A third."),
		},
		{
			"an aside is a Note",
			`Widgets are round.` + "\n" + `<aside class="notice">Squares are <em>not</em> widgets.</aside>`,
			lines("Widgets are round.", "", "Note: Squares are not widgets."),
		},
		{
			"an aside's own Note is kept once",
			`<aside class="notice"><strong>Note:</strong> Widgets are round.</aside>` + "\n\n" + `<aside class="notice">Note that squares are not.</aside>`,
			lines("Note: Widgets are round.", "", "Note that squares are not."),
		},
		{
			"Markdown inside an aside",
			`<aside class="notice">Use ` + "`https`" + ` and see [the guide](https://example.com/g) or <a href="https://example.com/h">this</a>.</aside>`,
			lines(
				"Note: Use https and see [the guide] or [this].",
				"",
				"[the guide]: https://example.com/g",
				"[this]: https://example.com/h",
			),
		},
		{
			"an aside split by br",
			`<aside class="notice">First.<br/>Second.</aside> <br/> <aside class="notice">Third.</aside>`,
			lines("Note: First.", "", "Second.", "", "Note: Third."),
		},
		{
			"HTML lists",
			"Both:\n<ul>\n<li>one <strong>thing</strong></li>\n<li>two</li>\n</ul>\n\nThen:\n<ol><li>first</li><li>second</li></ol>",
			lines("Both:", "", "  - one thing", "  - two", "", "Then:", "", " 1. first", " 2. second"),
		},
		{
			"an HTML block of other elements",
			"<p class=\"button\">\n    <a href=\"https://example.com/add\"><img alt=\"Add a widget\" src=\"https://example.com/add.png\"/></a>\n</p>\n\n<div>Plain <span>text</span>.<!-- hidden --></div>",
			lines("[Add a widget]", "", "Plain text.", "", "[Add a widget]: https://example.com/add"),
		},
		{
			"an HTML block of one tag",
			"Logo:\n\n<p>\n<img alt=\"Widget &amp; logo\" src=\"https://example.com/logo.png\">\n</p>",
			lines("Logo:", "", "Widget & logo"),
		},
		{"a heading of code", "## `widgets`\n\nText.", lines("# widgets", "", "Text.")},
		{
			"links in headings keep their text",
			"## The [widget](https://example.com/w) API\n\nText.",
			lines("# The widget API", "", "Text."),
		},
		{"a placeholder is not a tag", "Call https://<tenant>.example.com with <widget-id>.", "Call https://<tenant>.example.com with <widget-id>."},
		{
			"a small table stays a table",
			"Limits:\n\n| Kind | Limit |\n| ---- | ----- |\n| JSON | 10kb |\n| File upload | 5mb |\n",
			lines("Limits:", "", "\tKind         Limit", "\t-----------  -----", "\tJSON         10kb", "\tFile upload  5mb"),
		},
		{
			"a table as wide as a table may be",
			"Limits:\n\n| Kind | " + strings.Repeat("x", maxTableWidth-6) + " |\n| - | - |\n| a | b |\n",
			lines("Limits:", "", "\tKind  "+strings.Repeat("x", maxTableWidth-6), "\t----  "+strings.Repeat("-", maxTableWidth-6), "\ta     b"),
		},
		{
			"a table one character wider is a list",
			"Limits:\n\n| Kind | " + strings.Repeat("x", maxTableWidth-5) + " |\n| - | - |\n| a | b |\n",
			lines("Limits:", "", "  - a: b"),
		},
		{
			"a numbered list after code goes on numbering",
			"Run:\n\n```\ngo run .\n```\n\n1. one\n2. two\n3. three\n",
			lines("Run:", "", "\tgo run .", "", "one", "", " 2. two", " 3. three"),
		},
		{
			"a table with links is a list",
			"Paths:\n\n| Path | Access |\n| --- | --- |\n| [/v1/widgets](#tag/Widgets) | Yes |\n| /v1/\\* | No |\n",
			lines(
				"Paths:",
				"",
				"  - [/v1/widgets]: Yes",
				"  - /v1/*: No",
				"",
				"[/v1/widgets]: https://api.example.com/reference/#tag/Widgets",
			),
		},
		{
			"adjacent lists are one",
			"Lists:\n\n- one\n- two\n\n<ul><li>three</li></ul>",
			lines("Lists:", "", "  - one", "  - two", "  - three"),
		},
		{
			"a table with line breaks in cells is a list",
			"Events:\n\n| Event | When |\n| --- | --- |\n| widget:add | On:<br/>1. create<br/>2. copy |\n",
			lines("Events:", "", "  - widget:add: On: 1. create 2. copy"),
		},
		{
			"a wider table names its columns",
			"Scopes:\n\n| Scope | Who | What |\n| --- | --- | --- |\n| app | All accounts | Every method but the provisioning of accounts, which only account-scoped keys may use |\n| user | | Nothing |\n",
			lines(
				"Scopes:",
				"",
				"  - app: Who: All accounts; What: Every method but the provisioning of",
				"    accounts, which only account-scoped keys may use",
				"  - user: What: Nothing",
			),
		},
		{
			"a one-line paragraph between paragraphs is not a heading",
			"First paragraph.\n\nWidget sizes\n\nLast paragraph.",
			lines("First paragraph.", "", "Widget sizes.", "", "Last paragraph."),
		},
		{
			"a one-line paragraph before link definitions is not a heading",
			"See [the guide](https://example.com/g).\n\nWidget sizes",
			lines("See [the guide].", "", "Widget sizes.", "", "[the guide]: https://example.com/g"),
		},
		{"a last one-line paragraph may look like a heading", "First paragraph.\n\nWidget sizes", lines("First paragraph.", "", "Widget sizes")},
		{"a table of a header alone", "Empty:\n\n| a | b |\n| - | - |\n", lines("Empty:", "", "\ta  b", "\t-  -")},
		{"carriage returns", "One\r\ntwo.\r\n\r\n```\r\nx\r\n```", lines("One two.", "", "\tx")},
		{"blockquotes and rules are their text", "> Quoted.\n\n---\n\nAfter.", lines("Quoted.", "", "After.")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newConverter(t)
			got := c.Text("", tt.in)
			assert.Equal(t, tt.want, got)
			assert.Zero(t, c.counts.settled)
			checkDoc(t, tt.in, got)
		})
	}
}

func TestTextLead(t *testing.T) {
	got := newConverter(t).Text(
		"Package widgets is a client for the [Widgets API].\n\n[Widgets API]: https://example.com/api",
		"See [the guide](https://example.com/guide).",
	)
	assert.Equal(t, lines(
		"Package widgets is a client for the [Widgets API].",
		"",
		"See [the guide].",
		"",
		"[Widgets API]: https://example.com/api",
		"[the guide]: https://example.com/guide",
	), got)
}

// TestTextLeadBlocks: a lead written as Go doc keeps its blocks: a
// heading, code, and lists, bulleted or numbered from where they start.
// go/doc/comment reads the result back.
func TestTextLeadBlocks(t *testing.T) {
	tests := []struct {
		name, lead string
		numbers    []string // of the list's items, "" each for bullets
	}{
		{"bullets", "Kinds:\n\n  - one\n  - two", []string{"", ""}},
		{"numbered", "Steps:\n\n 1. one\n 2. two\n 3. three", []string{"1", "2", "3"}},
		{"numbered from 3", "Steps:\n\n 3. three\n 4. four", []string{"3", "4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := newConverter(t).Text(tt.lead, "After it.")
			d := new(comment.Parser).Parse(got)
			require.Len(t, d.Content, 3, "%s", got)
			l, ok := d.Content[1].(*comment.List)
			require.True(t, ok, "%s", got)
			var numbers []string
			for _, item := range l.Items {
				numbers = append(numbers, item.Number)
			}
			assert.Equal(t, tt.numbers, numbers, "%s", got)
		})
	}
	got := newConverter(t).Text("Intro.\n\n# Usage\n\nRun it:\n\n\tgo run .", "")
	d := new(comment.Parser).Parse(got)
	require.Len(t, d.Content, 4, "%s", got)
	assert.IsType(t, &comment.Heading{}, d.Content[1], "%s", got)
	assert.Equal(t, &comment.Code{Text: "go run .\n"}, d.Content[3], "%s", got)
}

func TestField(t *testing.T) {
	tests := []struct {
		name, in   string
		deprecated bool
		want       string
	}{
		{"as written", "  the widget's size, in `mm`.\n", false, "the widget's size, in mm."},
		{"deprecated", "The size.", true, lines("The size.", "", "Deprecated: the API reference marks this field as deprecated.")},
		{"deprecated without description", "", true, "Deprecated: the API reference marks this field as deprecated."},
		{
			"links are inline",
			"See the [guide](https://example.com/g), the [guide](https://example.com/g) and [GetWidget](#operation/GetWidget).",
			false,
			lines(
				"See the guide (https://example.com/g), the guide (https://example.com/g) and",
				"GetWidget (https://api.example.com/reference/#operation/GetWidget).",
			),
		},
		{"a link that is its URL", "At <https://example.com/x>.", false, "At https://example.com/x."},
		{"an HTML link", `Read <a href="https://example.com/r">the rules</a>.`, false, "Read the rules (https://example.com/r)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newConverter(t)
			got := c.Field(tt.in, tt.deprecated)
			assert.Equal(t, tt.want, got)
			assert.Zero(t, c.counts.settled)
			checkDoc(t, tt.in, got)
		})
	}
}

func TestSettle(t *testing.T) {
	c := newConverter(t)
	got := c.Text("", "YAML:\n\n```yaml\n- name: a\n- name: b\n```")
	assert.Equal(t, lines("YAML:", "", "  - name: a", "  - name: b"), got)
	assert.Equal(t, 1, c.counts.settled)
}

func TestLines(t *testing.T) {
	assert.Nil(t, Lines(""))
	assert.Equal(t, []string{"// Text.", "//", "//\tcode", "//", "//   - item"},
		Lines("Text.\n\n\tcode\n\n  - item"))
}

func TestCounts(t *testing.T) {
	c := newConverter(t)
	c.Text("", "[a](#tag/A), [b](/b), [c](https://example.com/c)")
	c.Text("", "")
	assert.Equal(t, 1, c.counts.texts)
	assert.Equal(t, 1, c.counts.resolved)
	assert.Equal(t, 1, c.counts.dropped)
}

// TestFieldConvertsADescriptionOnce: a description shared by fields is
// converted once, and each gets the same doc.
func TestFieldConvertsADescriptionOnce(t *testing.T) {
	c := newConverter(t)
	first := c.Field("The *ID* of the app.", false)
	assert.Equal(t, first, c.Field("The *ID* of the app.", false))
	assert.Equal(t, 1, c.counts.texts)
	assert.Contains(t, c.Field("The *ID* of the app.", true), "Deprecated:", "deprecation is part of the key")
	assert.Equal(t, 2, c.counts.texts)
}

// FuzzText checks that whatever the description, Go doc and gofmt print
// the conversion as it is and its links are absolute.
func FuzzText(f *testing.F) {
	for _, s := range []string{
		"Text with [a link](#tag/A) and `code`.\n\n- item\n- item",
		"<aside class=\"notice\"><strong>Note:</strong> x<br/>y</aside>",
		"| a | b |\n| - | - |\n| [c](/c) | d<br/>e |",
		"```\ncode\n```\n1. one\n2. two",
		"# Heading\n\n    indented\n\n> quote",
	} {
		f.Add(s)
	}
	c, err := New(testReference)
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, in string) {
		out := c.Text("", in)
		checkGofmt(t, "package p\n\n"+strings.Join(append(Lines(out), "var V int"), "\n")+"\n")
		var p comment.Parser
		doc := p.Parse(out)
		var pr comment.Printer
		assert.Equal(t, out, strings.TrimRight(string(pr.Comment(doc)), "\n"))
		for _, l := range doc.Links {
			assert.Regexp(t, `^(https?://|mailto:)`, l.URL)
		}
	})
}
