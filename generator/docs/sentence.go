package docs

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Type is what the doc of a named type is made of.
type Type struct {
	Name        string // the Go name: "AcceptControlBody"
	Description string // the schema's description, Markdown
	Title       string // the schema's title
	// Role says what the type is when the description does not, a noun
	// phrase in Go doc syntax completing "Name is ...": "the request body of
	// [SwitchboardActionsService.AcceptControl]".
	Role string
	// More is Go doc text following the description, such as the
	// variants of a union.
	More       string
	Pointer    string // the schema's JSON pointer, closing the doc; "" for none
	Deprecated bool
}

// Type writes the doc of a named type. It opens with "Name is ..." made
// from the description when that starts with a noun phrase ("The type of
// the conversation." gives "Name is the type of the conversation."), and
// from Role otherwise, the description then following as it is. A title
// stands in for a missing description when it is such a noun phrase.
// More, the pointer and a Deprecated paragraph close the doc.
func (c *Converter) Type(t Type) string {
	blocks := c.markdown(t.Description)
	if len(blocks) == 0 && articles[firstWord(t.Title)] {
		blocks = c.markdown(strings.TrimRight(t.Title, ".") + ".")
	}
	if !rewriteFirst(blocks, func(first, all string) (string, bool) { return typeSentence(t.Name, first, all) }) {
		role := t.Role
		if strings.TrimSpace(role) == "" {
			role = "a type of the API"
		}
		blocks = append(c.goDoc(t.Name+" is "+role+"."), blocks...)
	}
	blocks = append(blocks, c.goDoc(t.More)...)
	if t.Pointer != "" {
		blocks = append(blocks, plainParagraph("Schema: "+t.Pointer))
	}
	if t.Deprecated {
		blocks = append(blocks, plainParagraph("Deprecated: the API reference marks this type as deprecated."))
	}
	return c.render(blocks, definedLinks)
}

// A Method is what the doc of an operation's method is made of.
type Method struct {
	Name        string // the Go method name: "List"
	Summary     string // the operation's summary: "List Messages"
	Description string // the operation's description, Markdown
	OperationID string // closes the doc, linked to the API reference
	Endpoint    string // the HTTP method and path: "GET /v2/apps"; closes the doc
	// Args are the method's positional arguments after ctx, each said in
	// a sentence of its own after the description.
	Args []Arg
	// Iterator is the Go doc link of the method iterating over every page
	// of a paginated list, "[WidgetsService.ListIter]"; "" for none.
	Iterator string
	// Server is the API root of an operation the document gives a server
	// of its own, which the method calls whatever the client's base URL;
	// "" for none.
	Server     string
	Deprecated bool
}

// An Arg is a positional argument of a method.
type Arg struct {
	Name        string // the Go name: "appID"
	Description string // Markdown; "" says nothing about the argument
}

// Method writes the doc of an operation's method. It opens with
// "Name <verb>s ..." made from the description when that starts with a
// verb ("Lists all apps." or "List all apps." give "Name lists all
// apps.", "This endpoint is used to revoke ..." gives "Name revokes ..."),
// else from the summary ("Get App" gives "Name gets app.") followed by
// the description; the operationId, linked to the API reference when the
// Converter has one, and the endpoint close it.
func (c *Converter) Method(m Method) string {
	blocks := c.markdown(m.Description)
	known := knownVerbs{operationVerb(m.OperationID)}
	if !rewriteFirst(blocks, func(first, _ string) (string, bool) { return known.methodSentence(m.Name, first) }) {
		lead := m.Name + " calls the " + m.OperationID + " operation."
		if s, ok := known.summarySentence(m.Name, m.Summary); ok {
			lead = s
		} else if m.OperationID == "" {
			lead = m.Name + " calls the API."
		}
		blocks = append([]block{plainParagraph(lead)}, blocks...)
	}
	if args := c.args(m.Args); args != nil {
		blocks = append(blocks, args)
	}
	if m.Iterator != "" {
		blocks = append(blocks, c.goDoc("It returns one page of the list; "+m.Iterator+" iterates over the items of every page.")...)
	}
	if m.Server != "" {
		blocks = append(blocks, c.goDoc("It calls "+m.Server+" whatever the client's base URL; [WithOperationBaseURL] points it elsewhere, such as at a test server.")...)
	}
	if closing := c.operation(m.OperationID, m.Endpoint); closing != nil {
		blocks = append(blocks, closing)
	}
	if m.Deprecated {
		blocks = append(blocks, plainParagraph("Deprecated: the API reference marks this operation as deprecated."))
	}
	return c.render(blocks, definedLinks)
}

// args is the paragraph saying what each argument is, a sentence or more
// each made from its description: "appID identifies the app." from
// "Identifies the app.", "access is the access level." from "The access
// level.", else "for: Specifies the container." It is nil when no
// argument has a description.
func (c *Converter) args(args []Arg) *paragraph {
	var spans []span
	for _, a := range args {
		blocks := c.markdown(a.Description)
		if len(blocks) == 0 {
			continue
		}
		if !rewriteFirst(blocks, func(first, all string) (string, bool) { return argSentence(a.Name, first, all) }) {
			blocks = append([]block{plainParagraph(a.Name + ":")}, blocks...)
		}
		if len(spans) > 0 {
			spans = append(spans, span{text: " "})
		}
		for i, b := range blocks {
			if i > 0 {
				spans = append(spans, span{text: " "})
			}
			spans = append(spans, blockSpans(b)...)
		}
		if text := flatten(spans); !strings.HasSuffix(text, ".") && !strings.HasSuffix(text, "!") && !strings.HasSuffix(text, "?") {
			spans = append(spans, span{text: "."}) // the next argument's sentence follows
		}
	}
	if len(spans) == 0 {
		return nil
	}
	return &paragraph{spans: spans}
}

// blockSpans is the text of a block as one run of spans, for a paragraph
// that joins several: a code block's lines joined, a list's items.
func blockSpans(b block) []span {
	switch b := b.(type) {
	case *paragraph:
		return noted(b)
	case *heading:
		return []span{{text: b.text + "."}}
	case *code:
		return []span{{text: strings.Join(strings.Fields(b.text), " ")}}
	case *list:
		var out []span
		for i, item := range b.items {
			if i > 0 {
				out = append(out, span{text: "; "})
			}
			out = append(out, item...)
		}
		return append(out, span{text: "."})
	}
	return nil
}

// argSentence is the sentence saying what the argument name is, from the
// text first that opens its description's paragraph all: "name
// identifies ..." from a verb, "name is the ..." from a noun phrase with
// an article or a possessive ("Your integration's identifier").
func argSentence(name, first, all string) (string, bool) {
	word := firstWord(first)
	switch lower := strings.ToLower(word); {
	case thirdPerson[lower] != "":
		return name + " " + lower + first[len(word):], true
	case possessives[word]:
		return name + " is " + lower + first[len(word):], true
	}
	if s, ok := typeSentence(name, first, all); ok {
		return s, true
	}
	return "", false
}

// possessives open a noun phrase as an article does.
var possessives = map[string]bool{"Your": true, "Its": true, "Their": true}

// operation is the paragraph naming an operation and its endpoint:
// "API reference: [ListWidgets] (GET /widgets).", linked to the API
// reference, or "Operation ListWidgets (GET /widgets)." without one; nil
// when there is neither.
func (c *Converter) operation(id, endpoint string) *paragraph {
	if id == "" && endpoint == "" {
		return nil
	}
	var spans []span
	switch {
	case id == "":
		return plainParagraph("Endpoint: " + endpoint + ".")
	case c.reference == nil:
		spans = []span{{text: "Operation " + id}}
	default:
		u := *c.reference
		u.Fragment = "operation/" + id
		spans = []span{{text: "API reference: "}, {text: id, url: u.String()}}
	}
	if endpoint != "" {
		spans = append(spans, span{text: " (" + endpoint + ")"})
	}
	return &paragraph{spans: append(spans, span{text: "."})}
}

// rewriteFirst rewrites the start of blocks, which must be a paragraph
// opening with plain text, reporting whether it could. rewrite gets that
// text and the whole paragraph's, and returns the text that replaces the
// first.
func rewriteFirst(blocks []block, rewrite func(first, all string) (string, bool)) bool {
	if len(blocks) == 0 {
		return false
	}
	p, ok := blocks[0].(*paragraph)
	if !ok || p.note || len(p.spans) == 0 || p.spans[0].url != "" {
		return false
	}
	s, ok := rewrite(strings.TrimLeft(p.spans[0].text, " \t\n"), flatten(p.spans))
	if ok {
		p.spans[0].text = s
	}
	return ok
}

// typeSentence is "Name is the ..." from a paragraph all, whose text
// first opens, when it starts with an article and a noun phrase, as in
// "The type of the conversation."; it is not one when a verb follows the
// article before any word that would start a clause of the phrase ("A link
// action will open ...").
func typeSentence(name, first, all string) (string, bool) {
	article := firstWord(first)
	if !articles[article] {
		return "", false
	}
	for _, w := range strings.Fields(all)[1:] {
		word := strings.ToLower(strings.TrimRight(w, ".,;:)"))
		if phraseEnds[word] || strings.ContainsAny(w, ",;:(") {
			break
		}
		if finite[word] || thirdPerson[word] != "" {
			return "", false
		}
		if strings.HasSuffix(w, ".") {
			break
		}
	}
	return name + " is " + strings.ToLower(article) + first[len(article):], true
}

// methodSentence is "Name <verb>s ..." from a description s that starts
// with a verb, imperative or third person, or with a subject standing for
// the operation ("This endpoint", "The passControl action") and its verb.
func (k knownVerbs) methodSentence(name, s string) (string, bool) {
	if m := operationSubject.FindStringSubmatchIndex(s); m != nil {
		switch {
		case m[2] >= 0: // "can be used to", "will": a base form follows
			verb := s[m[4]:m[5]]
			return name + " " + conjugate(strings.ToLower(verb)) + s[m[5]:], true
		case k.third(s[m[6]:m[7]]):
			return name + " " + s[m[6]:], true
		}
	}
	word := firstWord(s)
	lower := strings.ToLower(word)
	switch {
	case k.base(lower):
		return name + " " + conjugate(lower) + conjugateMore(s[len(word):]), true
	case k.third(lower):
		return name + " " + lower + s[len(word):], true
	}
	return "", false
}

// knownVerbs are the verbs recognized at the start of an operation's
// description: the common ones and the one its operationId starts with.
type knownVerbs struct{ operation string }

// operationVerb is the first word of an operationId of several words, in
// lower case: "spin" for "SpinWidget".
func operationVerb(id string) string {
	r, n := utf8.DecodeRuneInString(id)
	i := strings.IndexFunc(id[n:], unicode.IsUpper)
	if !unicode.IsUpper(r) || i < 0 {
		return ""
	}
	return strings.ToLower(id[:n+i])
}

func (k knownVerbs) base(w string) bool { return verbs[w] || w != "" && w == k.operation }

func (k knownVerbs) third(w string) bool {
	return thirdPerson[w] != "" || k.operation != "" && w == conjugate(k.operation)
}

// conjugateMore conjugates the verbs joined to an imperative in the rest
// of its sentence: " a client and link it" gives " a client and links it".
func conjugateMore(rest string) string {
	end := strings.Index(rest, ". ")
	if end < 0 {
		end = len(rest)
	}
	return joinedVerb.ReplaceAllStringFunc(rest[:end], func(m string) string {
		conj, verb, _ := strings.Cut(m, " ")
		if !verbs[verb] {
			return m
		}
		return conj + " " + conjugate(verb)
	}) + rest[end:]
}

var joinedVerb = regexp.MustCompile(`\b(?:and|or) [a-z]+\b`)

// operationSubject matches a subject standing for the operation and what
// it does: a base form after "can be used to" or "will" (group 2), or the
// next word (group 3).
var operationSubject = regexp.MustCompile(`^(?:This|The(?: \S+){1,4}?) (?:endpoint|API|action|operation|request) ` +
	`(?:((?:can|may|is|are) (?:be )?used to|will) ([a-z]+)|([a-z]+))`)

// summarySentence is "Name <verb>s <object>." from a summary in title case
// that starts with a verb: "Get Token Info" gives "Name gets token info.".
func (k knownVerbs) summarySentence(name, summary string) (string, bool) {
	words := strings.Fields(summary)
	if len(words) == 0 || !k.base(strings.ToLower(words[0])) {
		return "", false
	}
	out := []string{name, conjugate(strings.ToLower(words[0]))}
	for _, w := range words[1:] {
		out = append(out, lowerTitleWord(w))
	}
	return strings.TrimRight(strings.Join(out, " "), ".") + ".", true
}

// lowerTitleWord lowers a capitalized word, leaving initialisms and words
// with inner capitals ("API", "OAuth") as they are.
func lowerTitleWord(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || strings.IndexFunc(w[n:], unicode.IsUpper) >= 0 {
		return w
	}
	return string(unicode.ToLower(r)) + w[n:]
}

func firstWord(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		return s[:i]
	}
	return s
}

// conjugate is the third person singular of an English verb: lists,
// passes, fetches, notifies.
func conjugate(verb string) string {
	switch {
	case verb == "have":
		return "has"
	case verb == "be":
		return "is"
	case strings.HasSuffix(verb, "y") && len(verb) > 1 && !strings.ContainsRune("aeiou", rune(verb[len(verb)-2])):
		return verb[:len(verb)-1] + "ies"
	}
	for _, suffix := range []string{"s", "sh", "ch", "x", "z", "o"} {
		if strings.HasSuffix(verb, suffix) {
			return verb + "es"
		}
	}
	return verb + "s"
}

var articles = map[string]bool{"A": true, "An": true, "The": true}

// Article is the indefinite article before a type name: "an" before A, E,
// I or O, as in an Integration, "a" otherwise (a User).
func Article(name string) string {
	if name != "" && strings.ContainsRune("AEIO", rune(name[0])) {
		return "an"
	}
	return "a"
}

// verbs are the verbs recognized at the start of a description: the ones
// operations are commonly named with, and those that make "A/The ..." a
// clause rather than a noun phrase.
var verbs = set(`accept activate add allow apply archive assign attach
	authenticate authorize begin block cancel change check clear close
	configure confirm connect contain count create deactivate define delete
	deliver describe disable disconnect download enable end exchange fetch
	find generate get give grant hold identify include indicate initiate invite join
	leave let link list load mark merge modify move notify offer open pass
	post provide provision publish put read receive redirect refresh
	register reject release remove rename replace represent request reset
	resolve restore retrieve return revoke run save search send set share
	specify start stop store submit subscribe sync synchronize track
	transfer trigger unlink unsubscribe update upload upsert validate verify`)

// thirdPerson maps each verb's third person to it.
var thirdPerson = func() map[string]string {
	m := map[string]string{}
	for v := range verbs {
		m[conjugate(v)] = v
	}
	return m
}()

// finite are auxiliaries: after an article, they make a clause.
var finite = set(`is are was were will would can could may might must shall
	should has have had does do did`)

// phraseEnds are words after which a noun phrase goes on with a clause or
// a complement of its own ("The id of ...", "The app that ...").
var phraseEnds = set(`that which who whom whose where when whether if to of
	for in on at by with from about as into within without between per
	used describing containing`)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
