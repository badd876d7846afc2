package sdktest

import (
	"cmp"
	"go/ast"
	"go/doc"
	"go/doc/comment"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sdkDoc parses the generated SDK, without its tests, for go/doc.
func sdkDoc(t *testing.T) *doc.Package {
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
	all := sdkDoc(t).Types
	for _, ty := range all {
		if s := firstSentence(ty.Doc); uninformative(ty.Name).MatchString(s) {
			bad = append(bad, s)
		}
	}
	t.Logf("%d of %d exported types open with a sentence that does not say what they are", len(bad), len(all))
	assert.LessOrEqual(t, len(bad)*100, len(all)*5, "more than 5 %%:\n%s", strings.Join(bad, "\n"))
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
	for _, ty := range sdkDoc(t).Types {
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
	for _, ty := range sdkDoc(t).Types {
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

// TestPackageDocOpensWithGo: the package comment shows the import first,
// its first NewClient call comes within its first 40 lines, and it shows
// the Zendesk subdomain.
func TestPackageDocOpensWithGo(t *testing.T) {
	doc := sdkDoc(t).Doc
	lines := strings.Split(doc, "\n")
	imports := slices.Index(lines, "\timport "+strconv.Quote(sdkImportPath))
	assert.True(t, imports >= 0 && imports < 5, "the import declaration opens the package comment, line %d", imports+1)
	first := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, ".NewClient(") })
	require.GreaterOrEqual(t, first, 0, "no NewClient call")
	t.Logf("the first NewClient call is on line %d of the package comment", first+1)
	assert.Less(t, first, 40)
	assert.Contains(t, doc, ".WithZendeskSubdomain(")
	for _, moot := range []string{"Postman", "library for Java", "implement 429 retry logic", "The JWT header must contain"} {
		assert.NotContains(t, doc, moot)
	}
}

// TestPackageDocCompiles type-checks each code block of the package
// comment in a function of its own, the identifiers it leaves undefined
// declared as its parameters: strings, but for err (an error) and those
// named after a type of the SDK (webhookEvent is a WebhookEvent).
func TestPackageDocCompiles(t *testing.T) {
	p := sdkDoc(t)
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil).(types.ImporterFrom) // caches what it imports
	_, err := imp.Import(sdkImportPath)
	require.NoError(t, err)
	typeOf := map[string]string{"ctx": "context.Context", "err": "error"}
	for _, ty := range p.Types {
		typeOf[strings.ToLower(ty.Name[:1])+ty.Name[1:]] = "sunco." + ty.Name
	}
	// The tour's code: the blocks before the last heading, which heads the
	// API's own introduction.
	content := p.Parser().Parse(p.Doc).Content
	end := len(content)
	for i, b := range content {
		if _, ok := b.(*comment.Heading); ok {
			end = i
		}
	}
	var blocks []string
	for _, b := range content[:end] {
		// The import declaration is not a statement; the type check
		// imports the SDK by the same path.
		if c, ok := b.(*comment.Code); ok && c.Text != "import "+strconv.Quote(sdkImportPath)+"\n" {
			blocks = append(blocks, c.Text)
		}
	}
	require.NotEmpty(t, blocks)
	for i, block := range blocks {
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			params := []string{"ctx context.Context"}
			for range 2 {
				undefined, errs := typeCheck(fset, imp, block, params)
				if len(undefined) == 0 {
					assert.Empty(t, errs, "in\n%s", block)
					return
				}
				for _, name := range undefined {
					typ := cmp.Or(typeOf[name], "string")
					params = append(params, name+" "+typ)
				}
			}
			t.Errorf("identifiers left undefined in\n%s", block)
		})
	}
}

const sdkImportPath = "github.com/sunco-sdk/sunco-go/gen/sunco"

// typeCheck type-checks block as the body of a function with params,
// returning the identifiers it leaves undefined and the other hard errors.
func typeCheck(fset *token.FileSet, imp types.Importer, block string, params []string) (undefined []string, errs []string) {
	src := "package p\n\nimport (\n\t\"context\"\n\t\"errors\"\n\t\"fmt\"\n\t\"net/http\"\n\n\t\"" + sdkImportPath + "\"\n)\n\n" +
		"var (\n\t_ = errors.As\n\t_ = fmt.Println\n\t_ = http.Handle\n\t_ = sunco.NewClient\n)\n\n" +
		"func _(" + strings.Join(params, ", ") + ") error {\n" + block + "\n\treturn nil\n}\n"
	f, err := parser.ParseFile(fset, "tour.go", src, 0)
	if err != nil {
		return nil, []string{err.Error()}
	}
	conf := types.Config{
		Importer: imp,
		Error: func(err error) {
			te := err.(types.Error)
			switch name, ok := strings.CutPrefix(te.Msg, "undefined: "); {
			case ok:
				if !slices.Contains(undefined, name) {
					undefined = append(undefined, name)
				}
			case !te.Soft:
				errs = append(errs, te.Msg)
			}
		},
	}
	conf.Check("p", fset, []*ast.File{f}, nil)
	return undefined, errs
}
