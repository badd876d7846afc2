package docs

import (
	"strings"
	"unicode/utf8"

	extast "github.com/yuin/goldmark/extension/ast"
)

// maxTableWidth is the widest table kept as a table, in a code block.
const maxTableWidth = 100

// table converts a Markdown table. A small table of plain text stays a
// table, columns aligned in a code block; one with links, line breaks in
// its cells or too wide becomes a list, an item a row:
// "first cell: second cell", or with more columns
// "first cell: Header: cell; Header: cell".
func (b *blocks) table(t *extast.Table) []block {
	var rows [][][]span
	breaks, links := 0, false
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells [][]span
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			in := &inliner{c: b.c, src: b.src, single: true}
			in.children(cell)
			in.breakParagraph()
			breaks += in.breaks
			var spans []span
			for _, p := range in.paras {
				spans = append(spans, p.spans...)
			}
			for _, s := range spans {
				links = links || s.url != ""
			}
			cells = append(cells, spans)
		}
		rows = append(rows, cells)
	}
	if len(rows) == 0 {
		return nil
	}
	if text, ok := alignedTable(rows); ok && !links && breaks == 0 {
		return codeBlock(text)
	}
	return []block{tableList(rows)}
}

// alignedTable lays rows out in columns, a rule under the header; ok is
// false when they are wider than maxTableWidth.
func alignedTable(rows [][][]span) (text string, ok bool) {
	var widths []int
	cells := make([][]string, len(rows))
	for i, row := range rows {
		for j, c := range row {
			cells[i] = append(cells[i], flatten(c))
			if j == len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], utf8.RuneCountInString(cells[i][j]))
		}
	}
	total := 2 * (len(widths) - 1)
	for _, w := range widths {
		total += w
	}
	if total > maxTableWidth {
		return "", false
	}
	var s strings.Builder
	line := func(cells []string) {
		var l strings.Builder
		for j, c := range cells {
			l.WriteString(c)
			l.WriteString(strings.Repeat(" ", widths[j]-utf8.RuneCountInString(c)+2))
		}
		s.WriteString(strings.TrimRight(l.String(), " "))
		s.WriteByte('\n')
	}
	line(cells[0])
	rule := make([]string, len(widths))
	for j, w := range widths {
		rule[j] = strings.Repeat("-", w)
	}
	line(rule)
	for _, row := range cells[1:] {
		line(row)
	}
	return s.String(), true
}

// tableList is rows, the first of them the header, as a list.
func tableList(rows [][][]span) *list {
	header := rows[0]
	l := &list{}
	for _, row := range rows[1:] {
		var item []span
		sep := ""
		for j, cell := range row {
			if flatten(cell) == "" {
				continue
			}
			switch {
			case j == 0:
			case len(row) == 2 || j >= len(header) || flatten(header[j]) == "":
				item = append(item, span{text: sep})
			default:
				item = append(item, span{text: sep + flatten(header[j]) + ": "})
			}
			item = append(item, cell...)
			if j == 0 {
				sep = ": "
			} else {
				sep = "; "
			}
		}
		if flatten(item) != "" {
			l.items = append(l.items, item)
		}
	}
	return l
}
