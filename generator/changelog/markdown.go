package changelog

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// group is one list of the Markdown: the changes of a section with one
// severity.
type group struct {
	heading string
	mark    string // before each item, so a line copied elsewhere keeps it
	changes []Change
}

// Markdown writes the report: a heading naming both versions, a summary
// line, then the Go API, the behaviour changes and the HTTP API sections,
// each listing its changes from the most to the least severe.
func (r *Report) Markdown(w io.Writer) error {
	goGroups := []*group{
		{heading: "Incompatible", mark: "**incompatible** "},
		{heading: "Compatible"},
	}
	httpGroups := []*group{
		{heading: "Breaking", mark: "**breaking** "},
		{heading: "Possibly breaking", mark: "**warning** "},
		{heading: "Other"},
	}
	for _, c := range r.Go {
		g := goGroups[1]
		if c.Severity != Compatible {
			g = goGroups[0]
		}
		g.changes = append(g.changes, Change{Subject: c.Subject, Text: codeSpans(c.Text), Severity: c.Severity})
	}
	for _, c := range r.HTTP {
		g := httpGroups[Breaking-c.Severity] // the groups go from Breaking down
		g.changes = append(g.changes, Change{Subject: c.Subject, Text: escape(c.Text), Severity: c.Severity})
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "## %s %s → %s\n\n", r.Title, r.Old, r.New)
	fmt.Fprintf(&b, "Go API: %s. Behaviour: %s. HTTP API: %s.\n", summary(goGroups), changes(len(r.Behaviour)), summary(httpGroups))
	section(&b, "Go API of package "+r.Package, goGroups)
	fmt.Fprintf(&b, "\n### Behaviour changes\n\nWhat the same Go code sees differently at run time.\n")
	if len(r.Behaviour) == 0 {
		b.WriteString("\nNo changes.\n")
	} else {
		b.WriteString("\n")
		for _, c := range r.Behaviour {
			fmt.Fprintf(&b, "- `%s`: %s\n", c.Subject, c.Text)
		}
	}
	section(&b, "HTTP API", httpGroups)
	_, err := w.Write(b.Bytes())
	return err
}

// summary counts the changes of each group: "2 incompatible, 5 compatible".
func summary(groups []*group) string {
	var parts []string
	for _, g := range groups {
		if len(g.changes) > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", len(g.changes), strings.ToLower(g.heading)))
		}
	}
	if len(parts) == 0 {
		return "no changes"
	}
	return strings.Join(parts, ", ")
}

// changes is "no changes", "1 change" or "n changes".
func changes(n int) string {
	switch n {
	case 0:
		return "no changes"
	case 1:
		return "1 change"
	}
	return fmt.Sprintf("%d changes", n)
}

func section(b *bytes.Buffer, heading string, groups []*group) {
	fmt.Fprintf(b, "\n### %s\n", heading)
	empty := true
	for _, g := range groups {
		if len(g.changes) == 0 {
			continue
		}
		empty = false
		fmt.Fprintf(b, "\n#### %s\n\n", g.heading)
		for _, c := range g.changes {
			fmt.Fprintf(b, "- %s`%s`: %s\n", g.mark, c.Subject, c.Text)
		}
	}
	if empty {
		b.WriteString("\nNo changes.\n")
	}
}

// goTypes finds the Go types in apidiff's messages, to print them as code.
var goTypes = regexp.MustCompile(`^(changed from|value changed from) (.+) to (.+)$|^(no longer implements) (.+)$`)

// codeSpans prints the Go types in an apidiff message as code spans.
func codeSpans(text string) string {
	m := goTypes.FindStringSubmatch(text)
	switch {
	case m == nil:
		return text
	case m[1] != "":
		return m[1] + " `" + m[2] + "` to `" + m[3] + "`"
	default:
		return m[4] + " `" + m[5] + "`"
	}
}

// markdownSpecial are the characters that Markdown would take for markup
// in the prose of oasdiff's texts.
var markdownSpecial = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;")

// escape escapes the prose of an oasdiff text, leaving the names it quotes
// in backticks as they are. A backtick that closes no quote is prose, as
// is the text after it.
func escape(text string) string {
	parts := strings.Split(text, "`")
	for i := 0; i < len(parts); i += 2 {
		parts[i] = markdownSpecial.Replace(parts[i])
	}
	if last := len(parts) - 1; last%2 == 1 {
		parts[last-1] += "\\`" + markdownSpecial.Replace(parts[last])
		parts = parts[:last]
	}
	return strings.Join(parts, "`")
}
