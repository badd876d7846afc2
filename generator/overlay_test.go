package generator

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/ir"
	"github.com/sunco-sdk/sunco-go/generator/load"
	specdata "github.com/sunco-sdk/sunco-go/spec"
)

// TestGenerateAppliesTheEmbeddedOverlay generates from the pinned spec
// without an overlay file, as a user in another repository would: the
// embedded SunCo overlay still makes webhook events a union on `type` and
// ListMessages page backwards.
func TestGenerateAppliesTheEmbeddedOverlay(t *testing.T) {
	res, err := Generate(Config{Spec: pinnedSpec(t), Package: "sunco"})
	require.NoError(t, err)
	assertSunCoOverlay(t, res.API)
	for _, w := range res.Warnings {
		assert.Empty(t, w.File, "every target of the embedded overlay is in the pinned spec: %s", w)
	}
}

// TestGenerateOlderVersion generates from an older published version with
// a user's overlay on top of the embedded one: a target the version lacks,
// in either overlay, is a warning that names the overlay and the action,
// not a failure.
func TestGenerateOlderVersion(t *testing.T) {
	spec := filepath.Join("..", "..", "shared", "spec", "sunco", "9.0.0.yaml")
	if _, err := os.Stat(spec); err != nil {
		t.Skipf("no published versions beside the repository: %v", err)
	}
	overlay := filepath.Join(t.TempDir(), "mine.yaml")
	require.NoError(t, os.WriteFile(overlay, []byte(`overlay: 1.0.0
info: {title: mine, version: "1"}
actions:
  - target: $.paths["/v2/apps/{appId}/conversations/{conversationId}/download"].post
    update: {description: Added in 17.}
  - target: $.info
    update: {x-mine: true}
`), 0o644))
	res, err := Generate(Config{Spec: spec, Overlay: overlay, Package: "sunco"})
	require.NoError(t, err)
	assertSunCoOverlay(t, res.API)
	for _, file := range []string{specdata.OverlayName, overlay} {
		i := slices.IndexFunc(res.Warnings, func(w load.Warning) bool { return w.File == file })
		require.GreaterOrEqual(t, i, 0, "a warning about %s: %v", file, res.Warnings)
		assert.Regexp(t, `^/actions/\d+/target$`, res.Warnings[i].Pointer)
		assert.Contains(t, res.Warnings[i].Message, "matches nothing")
	}
	i := slices.IndexFunc(res.Warnings, func(w load.Warning) bool { return w.File == overlay })
	assert.Equal(t, "/actions/0/target", res.Warnings[i].Pointer, "the user's first action targets a path 9.0.0 lacks")
}

// assertSunCoOverlay checks what the embedded overlay gives the IR.
func assertSunCoOverlay(t *testing.T, api *ir.API) {
	t.Helper()
	require.NotNil(t, api.Webhook)
	events := api.Webhook.Events
	require.NotNil(t, events)
	assert.Equal(t, "type", events.Discriminator)
	i := slices.IndexFunc(events.Variants, func(v *ir.Variant) bool { return slices.Contains(v.Values, "conversation:message") })
	require.GreaterOrEqual(t, i, 0, "no variant for conversation:message")
	assert.Equal(t, "ConversationMessageEvent", events.Variants[i].Struct.Name)

	var list *ir.Operation
	for _, s := range api.Services {
		for _, op := range s.Operations {
			if strings.EqualFold(op.ID, "ListMessages") { // listMessages before 10
				list = op
			}
		}
	}
	require.NotNil(t, list, "ListMessages")
	require.NotNil(t, list.Pager)
	require.NotNil(t, list.Pager.CursorKey)
	assert.Equal(t, "before", list.Pager.CursorKey.WireKey)
}

// TestGenerateAnotherAPI generates from a document of another API with a
// schema named link, as the SunCo document has: the embedded overlay
// applies to none of it, even where its targets would match, and says so
// in one warning; nothing of SunCo is in the SDK.
func TestGenerateAnotherAPI(t *testing.T) {
	res, err := Generate(Config{Spec: "testdata/github.yaml", Package: "github"})
	require.NoError(t, err)
	var overlay []load.Warning
	for _, w := range res.Warnings {
		if w.File == specdata.OverlayName {
			overlay = append(overlay, w)
		}
	}
	require.Len(t, overlay, 1, "%v", res.Warnings)
	assert.Empty(t, overlay[0].Pointer, "about the overlay as a whole")
	assert.Contains(t, overlay[0].Message, `not applied: written for the documents in which $[?@.title == 'Sunshine Conversations API'] finds something, and this one ("GitHub v3 REST API") is another API`)

	assert.True(t, slices.ContainsFunc(res.API.Decls, func(d ir.Decl) bool { return d.DeclName() == "Link" }), "link keeps its own name")
	for name, src := range res.Files {
		for _, sunco := range []string{"LinkAction", "developer.zendesk.com", "WithZendeskSubdomain"} {
			assert.NotContains(t, string(src), sunco, name)
		}
	}
}
