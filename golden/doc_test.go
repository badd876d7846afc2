package golden

import (
	"go/ast"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html/atom"

	"github.com/sunco-sdk/sunco-go/generator"
)

// pinnedSpec is the document make spec places; the doc comments of its
// SDK are checked with the fixtures'.
const pinnedSpec = "../spec/openapi.yaml"

// TestDocComments checks the doc comments of every emitted file of every
// case and of the pinned document's SDK: Go doc reads them as written, no
// text holds an HTML tag, a Markdown link or a relative link, every link
// is absolute, the doc of every exported type, function and method
// starts with its name, and the doc of a field or of a constant or
// variable of a group, which pkgsite shows inside a code block, writes its
// links inline, without definitions. Code blocks are code, and left alone.
func TestDocComments(t *testing.T) {
	_, err := os.Stat(pinnedSpec)
	require.NoError(t, err, "the pinned spec is missing (run make spec)")
	specs := map[string]string{"pinned": pinnedSpec}
	for _, c := range cases {
		specs[c] = filepath.Join("testdata", c, "spec.yaml")
	}
	for name, spec := range specs {
		t.Run(name, func(t *testing.T) {
			overlay := filepath.Join(filepath.Dir(spec), "overlay.yaml")
			if _, err := os.Stat(overlay); err != nil || name == "pinned" {
				overlay = ""
			}
			res, err := generator.Generate(generator.Config{Spec: spec, Overlay: overlay, Package: pkg, Version: version})
			require.NoError(t, err)
			for file, src := range emitted(res) {
				checkDocComments(t, file, src)
			}
		})
	}
}

// checkDocComments checks the doc comments of one Go file.
func checkDocComments(t *testing.T, file string, src []byte) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.ParseComments|parser.SkipObjectResolution)
	require.NoError(t, err)
	check := func(name string, doc *ast.CommentGroup, inCode bool) {
		if doc == nil {
			return
		}
		pos := fset.Position(doc.Pos()).String()
		checkDoc(t, pos, name, doc.Text())
		if inCode {
			checkInCode(t, pos, doc.Text())
		}
	}
	check("", f.Doc, false)
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			check(n.Name.Name, n.Doc, false)
		case *ast.GenDecl:
			check(declName(n), n.Doc, false)
			for _, s := range n.Specs {
				if s, ok := s.(*ast.ValueSpec); ok {
					check("", s.Doc, n.Lparen.IsValid())
				}
			}
		case *ast.TypeSpec:
			check(n.Name.Name, n.Doc, false)
		case *ast.Field:
			check("", n.Doc, true)
		}
		return true
	})
}

// declName is the name a declaration's doc starts with: that of its one
// type, constant or variable; "" for a group.
func declName(d *ast.GenDecl) string {
	if d.Lparen.IsValid() || len(d.Specs) != 1 {
		return ""
	}
	switch s := d.Specs[0].(type) {
	case *ast.TypeSpec:
		return s.Name.Name
	case *ast.ValueSpec:
		return s.Names[0].Name
	}
	return ""
}

var (
	htmlTag      = regexp.MustCompile(`</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>`)
	markdownLink = regexp.MustCompile(`\]\([^)]*\)`)
	// A link in parentheses to an anchor, or a link definition Go doc
	// did not take, as it does not take relative URLs.
	relativeLink = regexp.MustCompile(`\(#[^)\s]*\)|(?m)^\[[^\]]*\]:`)
	// Go doc takes only scheme://host definitions; of those, web links.
	webURL = regexp.MustCompile(`^https?://`)
)

// checkDoc checks one doc comment, at pos; name is the exported name it
// documents that its text must start with, "" for none.
func checkDoc(t tester, pos, name, text string) {
	t.Helper()
	var p comment.Parser
	doc := p.Parse(text)
	if token.IsExported(name) {
		assert.True(t, strings.HasPrefix(text, name+" "), "%s: the doc of %s does not start with its name: %q", pos, name, firstLine(text))
	}
	for _, l := range doc.Links {
		assert.Regexp(t, webURL, l.URL, "%s: link that is not http(s)", pos)
	}
	var texts [][]comment.Text
	for _, b := range doc.Content {
		switch b := b.(type) {
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
	}
	for _, text := range texts {
		s := plainText(text)
		for _, m := range htmlTag.FindAllStringSubmatch(s, -1) {
			assert.Zero(t, atom.Lookup([]byte(strings.ToLower(m[1]))), "%s: HTML tag %s in %q", pos, m[0], s)
		}
		assert.NotRegexp(t, markdownLink, s, "%s: Markdown link", pos)
		assert.NotRegexp(t, relativeLink, s, "%s: relative link", pos)
	}
}

// checkInCode checks the doc of a field or of a constant of a group, at
// pos: pkgsite shows it as written inside its declaration's code block,
// where a link definition is no link.
func checkInCode(t tester, pos, text string) {
	t.Helper()
	var p comment.Parser
	for _, l := range p.Parse(text).Links {
		assert.Fail(t, "link definition in a doc shown as code", "%s: [%s]: %s", pos, l.Text, l.URL)
	}
}

// plainText is the text of a Go doc text, link targets left out: Go doc
// takes no relative link definition, which stays in the text, where
// relativeLink finds it.
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

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
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

// TestCheckDoc: the checks fail on what they look for.
func TestCheckDoc(t *testing.T) {
	tests := []struct{ name, doc string }{
		{"HTML tag", "Widget is <strong>round</strong>.\n"},
		{"Markdown link", "Widget is [round](https://example.com/r).\n"},
		{"relative link in text", "Widget is round (#section/Round).\n"},
		{"relative link definition", "Widget is [round].\n\n[round]: /guide/round\n"},
		{"link that is not http(s)", "Widget is [round].\n\n[round]: ftp://example.com/round\n"},
		{"not starting with the name", "A widget.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f failures
			checkDoc(&f, "x.go:1:1", "Widget", tt.doc)
			assert.Positive(t, f.n)
		})
	}
}

// TestCheckInCode: a field's doc may link inline, not by definition.
func TestCheckInCode(t *testing.T) {
	var f failures
	checkInCode(&f, "x.go:1:1", "The size, see [the guide].\n\n[the guide]: https://example.com/g\n")
	assert.Equal(t, 1, f.n)
	f = failures{}
	checkInCode(&f, "x.go:1:1", "The size, see the guide (https://example.com/g).\n")
	assert.Zero(t, f.n)
}
