package docs

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestType(t *testing.T) {
	tests := []struct {
		name string
		in   Type
		want string
	}{
		{
			"The and a noun phrase",
			Type{Name: "WidgetKind", Description: "The kind of the widget, round or square.\n\nRound by default."},
			lines("WidgetKind is the kind of the widget, round or square.", "", "Round by default."),
		},
		{
			"A and a noun phrase with a clause",
			Type{Name: "Gadget", Description: "A gadget that a widget may hold. Gadgets are small."},
			"Gadget is a gadget that a widget may hold. Gadgets are small.",
		},
		{
			"An and a noun phrase with a complement holding a verb",
			Type{Name: "Tags", Description: "An array of tags the widget is known by."},
			"Tags is an array of tags the widget is known by.",
		},
		{
			"a clause with a verb",
			Type{Name: "WidgetPayload", Description: "A widget payload contains an array of widgets.", Role: "the payload of a widget delivery"},
			lines("WidgetPayload is the payload of a widget delivery.", "", "A widget payload contains an array of widgets."),
		},
		{
			"a clause with an auxiliary",
			Type{Name: "OpenAction", Description: "An open action will open the widget when tapped.", Role: "an action of a [Button]"},
			lines("OpenAction is an action of a [Button].", "", "An open action will open the widget when tapped."),
		},
		{
			"a clause with a verb after a link",
			Type{Name: "Box", Description: "A [widget box](https://example.com/box) holds widgets.", Role: "a box"},
			lines("Box is a box.", "", "A [widget box] holds widgets.", "", "[widget box]: https://example.com/box"),
		},
		{
			"a noun phrase with a link",
			Type{Name: "Box", Description: "The [widget box](https://example.com/box) of an app."},
			lines("Box is the [widget box] of an app.", "", "[widget box]: https://example.com/box"),
		},
		{
			"an imperative",
			Type{Name: "SpinBody", Description: "Spin the widget once.", Role: "the request body of [WidgetsService.Spin]"},
			lines("SpinBody is the request body of [WidgetsService.Spin].", "", "Spin the widget once."),
		},
		{
			"anything else",
			Type{Name: "WidgetSettings", Description: "Customizable widget settings.", Role: "the settings of a [Widget]"},
			lines("WidgetSettings is the settings of a [Widget].", "", "Customizable widget settings."),
		},
		{
			"a note is not a noun phrase",
			Type{Name: "Widget", Description: `<aside class="notice">The widget is new.</aside>`, Role: "a widget"},
			lines("Widget is a widget.", "", "Note: The widget is new."),
		},
		{
			"a description opening with a link",
			Type{Name: "Widget", Description: "[The widget](https://example.com/w) of an app.", Role: "a widget"},
			lines("Widget is a widget.", "", "[The widget] of an app.", "", "[The widget]: https://example.com/w"),
		},
		{
			"a title standing for the description",
			Type{Name: "Size", Title: "The size of a widget", Role: "a size"},
			"Size is the size of a widget.",
		},
		{
			"a title naming the type only",
			Type{Name: "SizeBody", Title: "SizeBody", Role: "the request body of [WidgetsService.Resize]"},
			"SizeBody is the request body of [WidgetsService.Resize].",
		},
		{"no role", Type{Name: "Thing"}, "Thing is a type of the API."},
		{
			"pointer and deprecation close the doc",
			Type{Name: "OldWidget", Description: "The widget of version 1.", Pointer: "#/components/schemas/oldWidget", Deprecated: true},
			lines(
				"OldWidget is the widget of version 1.",
				"",
				"Schema: #/components/schemas/oldWidget",
				"",
				"Deprecated: the API reference marks this type as deprecated.",
			),
		},
		{
			"more text follows the description",
			Type{Name: "Shape", Description: "The shape of a widget.", More: "Its dynamic type is one of [*Round] or [*Square].", Pointer: "#/components/schemas/shape"},
			lines("Shape is the shape of a widget.", "", "Its dynamic type is one of [*Round] or [*Square].", "", "Schema: #/components/schemas/shape"),
		},
		{
			"a role's doc link is not taken for a link of the description",
			Type{Name: "Body", Description: "See [Widget](https://example.com/w).", Role: "the body of a [Widget]"},
			lines("Body is the body of a [Widget].", "", "See Widget (https://example.com/w)."),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newConverter(t)
			got := c.Type(tt.in)
			assert.Equal(t, tt.want, got)
			assert.Zero(t, c.counts.settled)
			checkDoc(t, tt.in.Description, got)
		})
	}
}

func TestMethod(t *testing.T) {
	ref := func(id string) string {
		return lines("API reference: ["+id+"].", "", "["+id+"]: "+testReference+"#operation/"+id)
	}
	tests := []struct {
		name string
		in   Method
		want string
	}{
		{
			"imperative",
			Method{Name: "List", Summary: "List Widgets", Description: "List all widgets of an app, newest first.", OperationID: "ListWidgets"},
			lines("List lists all widgets of an app, newest first.", "", ref("ListWidgets")),
		},
		{
			"imperatives joined",
			Method{Name: "Create", Description: "Create a widget and link it to an app or attach it to a user. Link it later.", OperationID: "CreateWidget"},
			lines(
				"Create creates a widget and links it to an app or attaches it to a user.",
				"Link it later.",
				"",
				ref("CreateWidget"),
			),
		},
		{
			"third person",
			Method{Name: "Get", Description: "Fetches a widget.\n\nWith its gadgets.", OperationID: "GetWidget"},
			lines("Get fetches a widget.", "", "With its gadgets.", "", ref("GetWidget")),
		},
		{
			"verbs in -y, -sh, -ss",
			Method{Name: "Notify", Description: "Notify the owner.", OperationID: "Notify"},
			lines("Notify notifies the owner.", "", ref("Notify")),
		},
		{
			"this endpoint is used to",
			Method{Name: "Exchange", Description: "This endpoint is used to exchange a code for a token.", OperationID: "GetToken"},
			lines("Exchange exchanges a code for a token.", "", ref("GetToken")),
		},
		{
			"this API can be used to",
			Method{Name: "Track", Description: "This API can be used to track widget events.", OperationID: "TrackEvents"},
			lines("Track tracks widget events.", "", ref("TrackEvents")),
		},
		{
			"the action verbs",
			Method{Name: "Pass", Description: "The passWidget action marks the widget as passed.", OperationID: "PassWidget"},
			lines("Pass marks the widget as passed.", "", ref("PassWidget")),
		},
		{
			"the endpoint will",
			Method{Name: "Offer", Description: "The Offer Widget endpoint will invite a user to take the widget.", OperationID: "OfferWidget"},
			lines("Offer invites a user to take the widget.", "", ref("OfferWidget")),
		},
		{
			"the summary when the description does not start with a verb",
			Method{Name: "Download", Summary: "Download Widget Ref", Description: "When a widget has a reference, this fetches it.", OperationID: "DownloadRef"},
			lines("Download downloads widget ref.", "", "When a widget has a reference, this fetches it.", "", ref("DownloadRef")),
		},
		{
			"a summary keeps initialisms",
			Method{Name: "Get", Summary: "Get OAuth Token Info", OperationID: "GetTokenInfo"},
			lines("Get gets OAuth token info.", "", ref("GetTokenInfo")),
		},
		{
			"no verb anywhere",
			Method{Name: "Widgets", Summary: "Widgets", Description: "Widgets of an app.", OperationID: "Widgets"},
			lines("Widgets calls the Widgets operation.", "", "Widgets of an app.", "", ref("Widgets")),
		},
		{"no operationId", Method{Name: "Ping"}, "Ping calls the API."},
		{
			"the endpoint follows the operationId",
			Method{Name: "List", Description: "List widgets.", OperationID: "ListWidgets", Endpoint: "GET /v1/widgets"},
			lines("List lists widgets.", "", "API reference: [ListWidgets] (GET /v1/widgets).", "", "[ListWidgets]: "+testReference+"#operation/ListWidgets"),
		},
		{
			"an endpoint without operationId",
			Method{Name: "Ping", Summary: "Ping", Endpoint: "HEAD /ping"},
			lines("Ping calls the API.", "", "Endpoint: HEAD /ping."),
		},
		{
			"the verb the operationId starts with",
			Method{Name: "Twirl", Summary: "Twirl Widget", Description: "Twirls a widget.", OperationID: "TwirlWidget"},
			lines("Twirl twirls a widget.", "", ref("TwirlWidget")),
		},
		{
			"arguments, each in a sentence",
			Method{Name: "Get", Description: "Get a widget.", OperationID: "GetWidget", Args: []Arg{
				{Name: "appID", Description: "Identifies the app."},
				{Name: "widgetID", Description: "The id of the widget"},
				{Name: "clientID", Description: "Your integration’s unique identifier"},
				{Name: "view", Description: "Only `full` for now.\n\n- full\n- short"},
				{Name: "undocumented"},
				{Name: "body", Description: "The widget, as [JSON](https://example.com/json)."},
			}},
			lines(
				"Get gets a widget.",
				"",
				"appID identifies the app. widgetID is the id of the widget. clientID is your",
				"integration’s unique identifier. view: Only full for now. full; short. body",
				"is the widget, as [JSON].",
				"",
				ref("GetWidget")[:len("API reference: [GetWidget].")],
				"",
				"[JSON]: https://example.com/json",
				"[GetWidget]: "+testReference+"#operation/GetWidget",
			),
		},
		{
			"an operation with a server of its own",
			Method{Name: "Get", Description: "Get a token.", OperationID: "GetToken", Endpoint: "POST https://auth.example.com/token", Server: "https://auth.example.com"},
			lines(
				"Get gets a token.",
				"",
				"It calls https://auth.example.com whatever the client's base URL;",
				"[WithOperationBaseURL] points it elsewhere, such as at a test server.",
				"",
				"API reference: [GetToken] (POST https://auth.example.com/token).",
				"",
				"[GetToken]: "+testReference+"#operation/GetToken",
			),
		},
		{
			"the iterator of a list",
			Method{Name: "List", Description: "List widgets.", OperationID: "ListWidgets", Iterator: "[WidgetsService.ListIter]"},
			lines(
				"List lists widgets.",
				"",
				"It returns one page of the list; [WidgetsService.ListIter] iterates over the",
				"items of every page.",
				"",
				ref("ListWidgets"),
			),
		},
		{
			"deprecated",
			Method{Name: "Spin", Description: "Spin a widget.", OperationID: "SpinWidget", Deprecated: true},
			lines("Spin spins a widget.", "", ref("SpinWidget")[:len("API reference: [SpinWidget].")], "",
				"Deprecated: the API reference marks this operation as deprecated.", "",
				"[SpinWidget]: "+testReference+"#operation/SpinWidget"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newConverter(t)
			got := c.Method(tt.in)
			assert.Equal(t, tt.want, got)
			assert.Zero(t, c.counts.settled)
			checkDoc(t, tt.in.Description, got)
		})
	}
}

// TestMethodWithoutReference: a document that names no API reference
// gets the operationId and endpoint without a link.
func TestMethodWithoutReference(t *testing.T) {
	c, err := New("")
	require.NoError(t, err)
	got := c.Method(Method{Name: "Get", Description: "Get a widget.", OperationID: "GetWidget", Endpoint: "GET /v1/widgets/{id}"})
	assert.Equal(t, lines("Get gets a widget.", "", "Operation GetWidget (GET /v1/widgets/{id})."), got)
	checkDoc(t, "", got)
}

func TestConjugate(t *testing.T) {
	for verb, want := range map[string]string{
		"list": "lists", "get": "gets", "pass": "passes", "push": "pushes", "fetch": "fetches",
		"fix": "fixes", "buzz": "buzzes", "go": "goes", "notify": "notifies", "play": "plays",
		"have": "has", "sync": "syncs",
	} {
		t.Run(verb, func(t *testing.T) {
			assert.Equal(t, want, conjugate(verb))
		})
	}
}
