package sdktest

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sdkPackage parses the generated SDK, without its tests, for go/doc.
func sdkPackage(t *testing.T) *doc.Package {
	t.Helper()
	fset := token.NewFileSet()
	notTest := func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }
	pkgs, err := parser.ParseDir(fset, "../sunco", notTest, parser.ParseComments)
	require.NoError(t, err, "run `make` first")
	require.Contains(t, pkgs, "sunco")
	var files []*ast.File
	for _, f := range pkgs["sunco"].Files {
		files = append(files, f)
	}
	p, err := doc.NewFromFiles(fset, files, "github.com/sunco-sdk/sunco-go/gen/sunco")
	require.NoError(t, err)
	return p
}

// firstSentence is the first sentence of a doc comment's first paragraph,
// its lines joined.
func firstSentence(text string) string {
	para, _, _ := strings.Cut(text, "\n\n")
	para = strings.Join(strings.Fields(para), " ")
	if i := strings.Index(para, ". "); i >= 0 {
		return para[:i+1]
	}
	return para
}

// uninformative returns the pattern of the first sentences of a type doc
// that say nothing of what the type is: "X is used by A and B.", "X is a
// type of the API.", a bare "X is a variant of Y." or "X is a [Y].", or
// the fallback for a schema nothing uses.
func uninformative(name string) *regexp.Regexp {
	n := regexp.QuoteMeta(name)
	return regexp.MustCompile(`^` + n + ` is (used by |a type of the API\.|a variant of \[?\*?\w+\]?\.$|an? \[\*?\w+\]\.$)|which no operation or webhook uses`)
}

// TestTypeDocsSayWhatTypesAre: the first sentence of at most 5 % of the
// exported types' docs has one of the uninformative forms.
func TestTypeDocsSayWhatTypesAre(t *testing.T) {
	var bad []string
	types := sdkPackage(t).Types
	for _, ty := range types {
		if s := firstSentence(ty.Doc); uninformative(ty.Name).MatchString(s) {
			bad = append(bad, s)
		}
	}
	t.Logf("%d of %d exported types open with a sentence that does not say what they are", len(bad), len(types))
	assert.LessOrEqual(t, len(bad)*100, len(types)*5, "more than 5 %%:\n%s", strings.Join(bad, "\n"))
}

// TestUninformative: the check above finds the forms it looks for and
// only those.
func TestUninformative(t *testing.T) {
	for s, want := range map[string]bool{
		"Widget is used by [Box] and [Shelf].": true,
		"Widget is a type of the API.":         true,
		"Widget is a variant of [Shape].":      true,
		"Widget is a [Shape].":                 true,
		"Widget is an [Item].":                 true,
		"Widget is the widget schema of the document, which no operation or webhook uses.": true,
		"Widget is a [Shape] whose kind is \"widget\".":                                    false,
		"Widget is a widget of a shelf.":                                                   false,
		"Widget is the request body of [WidgetsService.Create].":                           false,
		"Gadget is used by [Box].":                                                         false,
	} {
		assert.Equal(t, want, uninformative("Widget").MatchString(s), s)
	}
}

// mainResources are the schemas of the API's main resources: messages and
// their contents, conversations, users, clients, participants, apps,
// integrations, switchboards, webhooks and their events.
var mainResources = strings.Fields(`
	message messageWebhook messagePost content textMessage imageMessage
	fileMessage carouselMessage listMessage locationMessage formMessage
	formResponseMessage templateMessage item action author source
	conversation conversationTruncated participant user userTruncated client
	app integration android apple custom ios line mailgun messagebird
	messenger telegram twilio twitter viber web whatsapp
	switchboard switchboardIntegration webhook
	clientAddEvent clientRemoveEvent clientUpdateEvent conversationCreateEvent
	conversationJoinEvent conversationLeaveEvent conversationRemoveEvent
	conversationMessageEvent conversationMessageDeliveryChannelEvent
	conversationMessageDeliveryUserEvent conversationMessageDeliveryFailureEvent
	conversationPostbackEvent conversationReadEvent conversationReferralEvent
	conversationTypingEvent switchboardAcceptControl
	switchboardAcceptControlFailure switchboardOfferControl
	switchboardOfferControlFailure switchboardPassControl
	switchboardPassControlFailure switchboardReleaseControl userMergeEvent
	userUpdateEvent userRemoveEvent`)

// roleSentence matches a first sentence that says where a type is used
// rather than what it is.
var roleSentence = regexp.MustCompile(`^\w+ is (the (request body|response|\w+ parameter|\w+ property) of |an? (element|value) of |an? \[\w+\]( and an? \[\w+\])* (whose|with) )`)

// TestMainResourcesSayWhatTheyAre: the doc of each main resource's type,
// found by the schema pointer that closes it, opens with a sentence that
// says what it is, "Message is a message of a conversation ...", not
// where it is used.
func TestMainResourcesSayWhatTheyAre(t *testing.T) {
	bySchema := map[string]*doc.Type{}
	for _, ty := range sdkPackage(t).Types {
		if _, pointer, ok := strings.Cut(ty.Doc, "Schema: #/components/schemas/"); ok {
			bySchema[strings.Fields(pointer)[0]] = ty
		}
	}
	for _, key := range mainResources {
		t.Run(key, func(t *testing.T) {
			ty := bySchema[key]
			require.NotNil(t, ty, "no type documents the schema %s", key)
			s := firstSentence(ty.Doc)
			assert.Regexp(t, `^`+ty.Name+` is (a|an|the) `, s)
			assert.NotRegexp(t, roleSentence, s)
			assert.NotRegexp(t, uninformative(ty.Name), s)
		})
	}
}

// TestMethodDocs: the doc of every method of a service names each of its
// positional arguments, that of a list with an iterator names the
// iterator, and the iterator's names the list, whose arguments it takes.
func TestMethodDocs(t *testing.T) {
	for _, ty := range sdkPackage(t).Types {
		if !strings.HasSuffix(ty.Name, "Service") {
			continue
		}
		names := map[string]bool{}
		for _, m := range ty.Methods {
			names[m.Name] = true
		}
		for _, m := range ty.Methods {
			t.Run(ty.Name+"."+m.Name, func(t *testing.T) {
				if names[m.Name+"Iter"] {
					assert.Contains(t, m.Doc, "["+ty.Name+"."+m.Name+"Iter]", "the iterator is not named")
				}
				if list, ok := strings.CutSuffix(m.Name, "Iter"); ok && names[list] {
					assert.Contains(t, m.Doc, "["+ty.Name+"."+list+"]", "the list is not named")
					return
				}
				for _, p := range m.Decl.Type.Params.List {
					for _, id := range p.Names {
						switch id.Name {
						case "ctx", "params", "opts":
							continue
						}
						assert.Regexp(t, `(^|\s)`+id.Name+`[\s:]`, m.Doc, "argument %s is not explained", id.Name)
					}
				}
			})
		}
	}
}
