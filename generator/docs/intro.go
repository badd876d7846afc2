package docs

import "slices"

// Intro converts the introduction of an API, its info.description, to
// close a package comment under one heading, title: a heading that opens
// the description goes; the section under each heading that sections
// names, with its subsections, is replaced by the Markdown given, or
// dropped when that is ""; the headings left become run-in headings of
// the paragraph they head ("Errors: Sunshine Conversations uses ..."),
// since Go doc has one level of headings. Missing lists the names of
// sections the description does not have, sorted.
func (c *Converter) Intro(title, markdown string, sections map[string]string) (doc string, missing []string) {
	blocks := c.markdown(markdown)
	if len(blocks) > 0 {
		if _, ok := blocks[0].(*heading); ok {
			blocks = blocks[1:]
		}
	}
	found := map[string]bool{}
	var out []block
	for i := 0; i < len(blocks); i++ {
		h, ok := blocks[i].(*heading)
		if !ok {
			out = append(out, blocks[i])
			continue
		}
		replacement, named := sections[h.text]
		if !named {
			out = append(out, h)
			continue
		}
		found[h.text] = true
		end := i + 1
		for end < len(blocks) && !endsSection(blocks[end], h.level) {
			end++
		}
		if replacement != "" {
			out = append(append(out, h), c.markdown(replacement)...)
		}
		i = end - 1
	}
	for name := range sections {
		if !found[name] {
			missing = append(missing, name)
		}
	}
	slices.Sort(missing)
	if len(out) == 0 {
		return "", missing
	}
	return c.render(append([]block{&heading{text: title, level: 1}}, runIn(out)...), definedLinks), missing
}

// endsSection reports whether b, a block after a heading of level, starts
// the next section: a heading of that level or a higher one.
func endsSection(b block, level int) bool {
	h, ok := b.(*heading)
	return ok && h.level <= level
}

// runIn makes each heading the start of the paragraph it heads, "Heading:
// text", or a paragraph of its own, "Heading:", before a code block or a
// list; a heading that heads nothing goes.
func runIn(blocks []block) []block {
	var out []block
	for i, b := range blocks {
		h, ok := b.(*heading)
		if !ok {
			out = append(out, b)
			continue
		}
		var next block
		if i+1 < len(blocks) {
			next = blocks[i+1]
		}
		switch next := next.(type) {
		case *paragraph:
			next.spans = append([]span{{text: h.text + ": "}}, noted(next)...)
			next.note = false
		case *code, *list:
			out = append(out, plainParagraph(h.text+":"))
		}
	}
	return out
}
