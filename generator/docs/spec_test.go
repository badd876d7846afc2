package docs

import (
	"go/doc/comment"
	"go/format"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html/atom"
	"gopkg.in/yaml.v3"
)

const reference = "https://developer.zendesk.com/api-reference/conversations/"

// TestSpecDescriptions converts every description, summary and title of the
// pinned document and of every published version, and checks what Go doc
// makes of the result.
func TestSpecDescriptions(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/spec/sunco/*.yaml")
	if _, err := os.Stat("../../spec/openapi.yaml"); err == nil {
		files = append([]string{"../../spec/openapi.yaml"}, files...)
	}
	if len(files) == 0 {
		t.Skip("no spec: run make spec")
	}
	texts := map[string]bool{}
	for _, f := range files {
		collectTexts(t, f, texts)
	}
	sorted := make([]string, 0, len(texts))
	for s := range texts {
		sorted = append(sorted, s)
	}
	sort.Strings(sorted)

	c, err := New(reference)
	require.NoError(t, err)
	for _, s := range sorted {
		checkDoc(t, s, c.Text("", s))
	}
	assert.Zero(t, c.counts.settled, "docs Go doc reads otherwise than built")
	t.Logf("%d files, %d distinct texts, %d converted; links: %d resolved against the reference, %d dropped",
		len(files), len(sorted), c.counts.texts, c.counts.resolved, c.counts.dropped)
}

// checkGofmt checks that gofmt leaves src, doc comments and all, as it is.
func checkGofmt(t tester, src string) {
	t.Helper()
	formatted, err := format.Source([]byte(src))
	if !assert.NoError(t, err) {
		return
	}
	assert.Equal(t, src, string(formatted), "gofmt changes the doc comments")
}

// collectTexts adds the description, summary and title strings of a
// document to texts, leaving out examples (payloads, not docs).
func collectTexts(t require.TestingT, file string, texts map[string]bool) {
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	var root yaml.Node
	require.NoError(t, yaml.Unmarshal(data, &root), file)
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i].Value, n.Content[i+1]
				switch {
				case k == "example" || k == "examples":
				case (k == "description" || k == "summary" || k == "title") && v.Kind == yaml.ScalarNode:
					texts[v.Value] = true
				default:
					walk(v)
				}
			}
		}
	}
	walk(&root)
}

var (
	htmlTag      = regexp.MustCompile(`</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>`)
	fence        = regexp.MustCompile("(?ms)^[ \t]*```[^\n]*\n(.*?)^[ \t]*```[ \t]*$")
	markdownLink = regexp.MustCompile(`\]\([^)]*\)`)
	relativeLink = regexp.MustCompile(`\(#[^)\s]*\)|^\[[^\]]*\]:\s*[^\sh]`)
)

// checkDoc checks the conversion out of the description in: Go doc and
// gofmt print it as it is, its text holds no HTML tag, Markdown link or fence, its
// links are absolute, and every fenced code block of in is in a code block
// (or in its text when it is all the doc has: Go doc cannot show code
// alone).
func checkDoc(t tester, in, out string) {
	t.Helper()
	checkGofmt(t, "package p\n\n"+strings.Join(append(Lines(out), "var V int"), "\n")+"\n")
	var p comment.Parser
	doc := p.Parse(out)
	var pr comment.Printer
	if !assert.Equal(t, out, strings.TrimRight(string(pr.Comment(doc)), "\n"), "Go doc reprints it differently; input:\n%s", in) {
		return
	}
	var blocks, words []string
	for _, b := range doc.Content {
		var texts [][]comment.Text
		switch b := b.(type) {
		case *comment.Code:
			blocks = append(blocks, b.Text)
			continue
		case *comment.Paragraph:
			texts = append(texts, b.Text)
		case *comment.Heading:
			texts = append(texts, b.Text)
		case *comment.List:
			for _, item := range b.Items {
				for _, c := range item.Content {
					texts = append(texts, c.(*comment.Paragraph).Text)
				}
			}
		}
		for _, text := range texts {
			s := plainText(text)
			words = append(words, strings.Fields(s)...)
			for _, m := range htmlTag.FindAllStringSubmatch(s, -1) {
				assert.Zero(t, atom.Lookup([]byte(strings.ToLower(m[1]))), "HTML tag %s in %q; input:\n%s", m[0], s, in)
			}
			assert.NotRegexp(t, markdownLink, s, "Markdown link; input:\n%s", in)
			assert.NotRegexp(t, relativeLink, s, "relative link; input:\n%s", in)
			assert.NotContains(t, s, "```", "code fence; input:\n%s", in)
		}
	}
	for _, l := range doc.Links {
		assert.Regexp(t, `^(https?://|mailto:)`, l.URL, "relative link; input:\n%s", in)
	}
	for _, m := range fence.FindAllStringSubmatch(in, -1) {
		want := codeBlock(m[1])
		switch {
		case len(want) == 0:
		case len(blocks) == 0:
			assert.Contains(t, strings.Join(words, " "), strings.Join(strings.Fields(m[1]), " "), "code lost; input:\n%s", in)
		default:
			assert.Contains(t, strings.Join(blocks, "\n"), want[0].(*code).text, "code block lost; input:\n%s", in)
		}
	}
}

// tester is the part of *testing.T that checkDoc uses.
type tester interface {
	assert.TestingT
	Helper()
}

// failures counts the failures checkDoc reports.
type failures struct{ n int }

func (f *failures) Errorf(string, ...any) { f.n++ }
func (f *failures) Helper()               {}

func TestCheckDoc(t *testing.T) {
	tests := []struct{ name, in, out string }{
		{"reprinted differently", "x", "Text.\n\n\n\nMore."},
		{"HTML tag", "x", "Use <strong>this</strong>."},
		{"Markdown link", "x", "See [this](https://example.com/a)."},
		{"relative link in text", "x", "See this (#tag/A)."},
		{"relative link definition", "x", "See [this].\n\n[this]: ftp://example.com/a"},
		{"fence", "x", "Call:\n\n```"},
		{"code lost", "Call:\n```\nx = 1\n```", "Call:\n\n\tx = 2"},
		{"code lost from the text", "```\nx = 1\n```", "x = 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f failures
			checkDoc(&f, tt.in, tt.out)
			assert.Positive(t, f.n)
		})
	}
	t.Run("gofmt", func(t *testing.T) {
		var f failures
		checkGofmt(&f, "package p\n\n// Code:\n//\n//  x = 1\nvar V int\n")
		assert.Positive(t, f.n)
	})
}

// plainText is the text of a Go doc text, link targets left out.
func plainText(text []comment.Text) string {
	var s strings.Builder
	for _, t := range text {
		switch t := t.(type) {
		case comment.Plain:
			s.WriteString(string(t))
		case comment.Italic:
			s.WriteString(string(t))
		case *comment.Link:
			s.WriteString(plainText(t.Text))
		case *comment.DocLink:
			s.WriteString(plainText(t.Text))
		}
	}
	return s.String()
}

// BenchmarkSpec converts every description, summary and title of the
// pinned document once per iteration.
func BenchmarkSpec(b *testing.B) {
	if _, err := os.Stat("../../spec/openapi.yaml"); err != nil {
		b.Skip("no spec: run make spec")
	}
	texts := map[string]bool{}
	collectTexts(b, "../../spec/openapi.yaml", texts)
	c, err := New(reference)
	require.NoError(b, err)
	for b.Loop() {
		for s := range texts {
			c.Text("", s)
		}
	}
}
