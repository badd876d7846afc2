// Package operations is the table of the operations of the generated SDK
// (gen/sunco): each is called once, with arguments valid against the
// document. The end-to-end tests send them to Prism (gen/e2e), the tests
// of the fake to the fake (gen/faketest), which also checks that its
// handlers receive these arguments.
package operations

import (
	"context"
	"io"
	"strings"

	"github.com/sunco-sdk/sunco-go/gen/internal/calls"
	"github.com/sunco-sdk/sunco-go/gen/sunco"
)

// Identifiers used in the requests; the document asks only for strings.
const (
	KeyID          = "app_5d8cff3cd55b040010928b5b"
	KeySecret      = "5XJ85yjUtRcaQu_pDINblPZb"
	appID          = "5d8cff3cd55b040010928b5b"
	appKeyID       = "app_5d8cff3cd55b040010928b5b"
	conversationID = "029c31f25a21b47effd7be90"
	messageID      = "029c31f25a21b47effd7be90"
	integrationID  = "029c31f25a21b47effd7be90"
	intKeyID       = "int_5d8cff3cd55b040010928b5b"
	webhookID      = "029c31f25a21b47effd7be90"
	switchboardID  = "5d8cff3cd55b040010928b5b"
	sbIntegration  = "5d8cff3cd55b040010928b5b"
	userID         = "42589ad070d43be9b00ff7e5"
	clientID       = "5d8cff3cd55b040010928b5b"
	deviceID       = "5d8cff3cd55b040010928b5b"
	zendeskID      = "35436"
	mediaURL       = "https://media.smooch.io/apps/5d8cff3cd55b040010928b5b/attachments/image.jpg"
	webhookTarget  = "https://example.com/webhook"
)

// The app and the user of the requests.
const (
	AppID  = appID
	UserID = userID
)

// pixelGIF is the content of the file the table uploads.
const pixelGIF = "GIF89a\x01\x00\x01\x00"

// Operation is one call of the table.
type Operation struct {
	ID     string // the document's operationId
	Method string // the SDK method that implements it: service field and method name, e.g. Messages.List
	// Args returns the arguments of the call after ctx: the method's
	// parameters, then any request options. It makes them anew for each
	// call, as an upload's reader is read once.
	Args func() []any
}

// Call calls op's method on c with ctx and op.Args(), as calls.Call does.
func (op Operation) Call(ctx context.Context, c *sunco.Client) (result any, err error) {
	return calls.Call(ctx, c, op.Method, op.Args())
}

// streamed returns a reader that is not an io.Seeker, fed by a goroutine
// through a pipe, so that the SDK has to stream it.
func streamed(content string) io.Reader {
	r, w := io.Pipe()
	go func() {
		_, err := io.Copy(w, strings.NewReader(content))
		w.CloseWithError(err)
	}()
	return r
}

// Table calls every operation of the SDK once, with a request valid
// against the document.
var Table = []Operation{
	// Activities
	{"PostActivity", "Activities.Post", func() []any {
		return []any{appID, conversationID, sunco.ActivityPost{
			Author: sunco.Author{Type: sunco.AuthorTypeUser, UserID: sunco.Ptr(userID)},
			Type:   sunco.ActivityTypeTypingStart,
		}, nil}
	}},

	// AppKeys
	{"ListAppKeys", "AppKeys.List", func() []any {
		return []any{appID, nil}
	}},
	{"CreateAppKey", "AppKeys.Create", func() []any {
		return []any{appID, sunco.AppKeyCreateBody{DisplayName: "Key 1"}, nil}
	}},
	{"GetAppKey", "AppKeys.Get", func() []any {
		return []any{appID, appKeyID, nil}
	}},
	{"DeleteAppKey", "AppKeys.Delete", func() []any {
		return []any{appID, appKeyID, nil}
	}},

	// Apps
	{"ListApps", "Apps.List", func() []any {
		return []any{&sunco.ListAppsParams{
			Page:   &sunco.Page{After: sunco.Ptr("5e1606762556d93e9c176f69"), Size: sunco.Ptr(25)},
			Filter: &sunco.AppListFilter{ServiceAccountID: sunco.Ptr("5e1606762556d93e9c176f69")},
		}}
	}},
	{"CreateApp", "Apps.Create", func() []any {
		return []any{sunco.AppCreateBody{
			DisplayName: "My App",
			Metadata:    sunco.NewNullable(map[string]any{"lang": "en"}),
		}, nil}
	}},
	{"GetApp", "Apps.Get", func() []any {
		return []any{appID, nil}
	}},
	{"UpdateApp", "Apps.Update", func() []any {
		return []any{appID, sunco.AppUpdateBody{
			DisplayName: sunco.Ptr("My App"),
			Metadata:    sunco.Null[map[string]any](),
		}, nil}
	}},
	{"DeleteApp", "Apps.Delete", func() []any {
		return []any{appID, nil}
	}},

	// Attachments
	{"UploadAttachment", "Attachments.Upload", func() []any {
		file := sunco.UploadFile{Reader: streamed(pixelGIF), Name: "pixel.gif", ContentType: "image/gif"}
		return []any{appID, sunco.AttachmentAccessPublic, file, &sunco.UploadAttachmentParams{
			For:            sunco.Ptr("message"),
			ConversationID: sunco.Ptr(conversationID),
		}}
	}},
	{"DeleteAttachment", "Attachments.Delete", func() []any {
		return []any{appID, sunco.AttachmentDeleteBody{MediaURL: mediaURL}, nil}
	}},

	// Clients
	{"ListClients", "Clients.List", func() []any {
		return []any{appID, userID, &sunco.ListClientsParams{
			Page:    &sunco.Page{Size: sunco.Ptr(10)},
			BrandID: sunco.Ptr("9477922990333"),
		}}
	}},
	{"CreateClient", "Clients.Create", func() []any {
		return []any{appID, userID, sunco.ClientCreate{
			Confirmation: sunco.Confirmation{Type: sunco.ConfirmationTypeImmediate},
			// Twilio's schema has the shape of WhatsApp's: Prism tells them
			// apart by the enum the loader gives each variant's type.
			MatchCriteria: &sunco.MatchCriteriaTwilio{IntegrationID: integrationID, PhoneNumber: "+15550001234"},
			Target:        sunco.ClientCreateTarget{ConversationID: conversationID},
		}, nil}
	}},
	{"RemoveClient", "Clients.Remove", func() []any {
		return []any{appID, userID, clientID, nil}
	}},

	// Conversations
	{"ListConversations", "Conversations.List", func() []any {
		return []any{appID, sunco.ConversationListFilter{UserID: sunco.Ptr(userID)}, &sunco.ListConversationsParams{
			Page: &sunco.Page{Size: sunco.Ptr(25)},
		}}
	}},
	{"CreateConversation", "Conversations.Create", func() []any {
		return []any{appID, sunco.ConversationCreateBody{
			Type:         sunco.ConversationTypePersonal,
			Participants: []sunco.ParticipantInfo{&sunco.ParticipantWithUserID{UserID: sunco.Ptr(userID)}},
			DisplayName:  sunco.Ptr("Conversation"),
		}, nil}
	}},
	{"GetConversation", "Conversations.Get", func() []any {
		return []any{appID, conversationID, nil}
	}},
	{"UpdateConversation", "Conversations.Update", func() []any {
		return []any{appID, conversationID, sunco.ConversationUpdateBody{
			DisplayName: sunco.Ptr("Renamed"),
			Description: sunco.Null[string](),
		}, nil}
	}},
	{"DeleteConversation", "Conversations.Delete", func() []any {
		return []any{appID, conversationID, nil}
	}},
	{"PostConversionEvents", "Conversations.PostConversionEvents", func() []any {
		// The response example contradicts its schema (datasetId is a
		// number, the schema says string): the option asks Prism to build
		// the response from the schema instead.
		return []any{appID, conversationID, &sunco.MessengerConversionEventsBody{
			Messenger: sunco.MetaConversionEvent{Payload: sunco.MetaConversionEventPayload{
				Data: []map[string]any{{"event_name": "Purchase", "event_time": 1700000000}},
			}},
		}, nil, sunco.WithRequestHeader("Prefer", "dynamic=true")}
	}},
	{"DownloadMessageRef", "Conversations.DownloadMessageRef", func() []any {
		return []any{appID, conversationID, sunco.DownloadMessageRefBody{UserID: userID}, nil}
	}},

	// CustomIntegrationAPIKeys
	{"ListCustomIntegrationKeys", "CustomIntegrationAPIKeys.List", func() []any {
		return []any{appID, integrationID, nil}
	}},
	{"CreateCustomIntegrationKey", "CustomIntegrationAPIKeys.Create", func() []any {
		return []any{appID, integrationID, sunco.IntegrationAPIKey{DisplayName: "Key 1"}, nil}
	}},
	{"GetCustomIntegrationKey", "CustomIntegrationAPIKeys.Get", func() []any {
		return []any{appID, integrationID, intKeyID, nil}
	}},
	{"DeleteCustomIntegrationKey", "CustomIntegrationAPIKeys.Delete", func() []any {
		return []any{appID, integrationID, intKeyID, nil}
	}},

	// Devices
	{"ListDevices", "Devices.List", func() []any {
		return []any{appID, userID, nil}
	}},
	{"GetDevice", "Devices.Get", func() []any {
		return []any{appID, userID, deviceID, &sunco.GetDeviceParams{BrandID: sunco.Ptr("9477922990333")}}
	}},

	// Integrations
	{"ListIntegrations", "Integrations.List", func() []any {
		return []any{appID, &sunco.ListIntegrationsParams{
			Filter: &sunco.IntegrationListFilter{Types: sunco.Ptr("custom,web")},
		}}
	}},
	{"CreateIntegration", "Integrations.Create", func() []any {
		return []any{appID, &sunco.CustomIntegration{
			DisplayName: sunco.NewNullable("My integration"),
			Webhooks:    []sunco.Webhook{{Target: webhookTarget, Triggers: []string{"conversation:message"}}},
		}, nil}
	}},
	{"GetIntegration", "Integrations.Get", func() []any {
		return []any{appID, integrationID, nil}
	}},
	{"UpdateIntegration", "Integrations.Update", func() []any {
		return []any{appID, integrationID, &sunco.CustomUpdate{
			DisplayName: sunco.NewNullable("Renamed"),
		}, nil}
	}},
	{"DeleteIntegration", "Integrations.Delete", func() []any {
		return []any{appID, integrationID, nil}
	}},

	// Messages
	{"ListMessages", "Messages.List", func() []any {
		return []any{appID, conversationID, &sunco.ListMessagesParams{
			Page: &sunco.Page{Before: sunco.Ptr("5e1606762556d93e9c176f69"), Size: sunco.Ptr(50)},
		}}
	}},
	{"PostMessage", "Messages.Post", func() []any {
		return []any{appID, conversationID, sunco.MessagePost{
			Author: sunco.Author{Type: sunco.AuthorTypeBusiness},
			// A carousel, whose items' actions are a union too: every
			// variant of both must match its own discriminator value only.
			Content: &sunco.CarouselMessage{Items: []sunco.Item{
				{Title: "Tacos", Actions: []sunco.ActionSubset{&sunco.PostbackAction{Text: "Buy", Payload: "TACOS"}}},
				{Title: "Ramen", Actions: []sunco.ActionSubset{&sunco.LinkAction{Text: "More", URI: "https://example.com/ramen"}}},
			}},
		}, nil}
	}},
	{"DeleteAllMessages", "Messages.DeleteAll", func() []any {
		return []any{appID, conversationID, nil}
	}},
	{"DeleteMessage", "Messages.Delete", func() []any {
		return []any{appID, conversationID, messageID, nil}
	}},

	// OAuthEndpoints
	{"RevokeAccess", "OAuthEndpoints.RevokeAccess", func() []any {
		return []any{nil}
	}},
	{"Authorize", "OAuthEndpoints.Authorize", func() []any {
		return []any{"5e4af71a81966cfff3ef6550", sunco.OAuthResponseTypeCode, &sunco.AuthorizeParams{
			State:       sunco.Ptr("Pending"),
			RedirectURI: sunco.Ptr("https://example.org"),
		}}
	}},
	{"GetToken", "OAuthEndpoints.GetToken", func() []any {
		return []any{sunco.GetTokenBody{
			Code:         "658965",
			GrantType:    "authorization_code",
			ClientID:     "5e4af71a81966cfff3ef6550",
			ClientSecret: KeySecret,
		}, nil}
	}},
	{"GetTokenInfo", "OAuthEndpoints.GetTokenInfo", func() []any {
		return []any{nil}
	}},

	// Participants
	{"JoinConversation", "Participants.JoinConversation", func() []any {
		return []any{appID, conversationID, &sunco.ParticipantWithUserID{
			UserID:             sunco.Ptr(userID),
			SubscribeSDKClient: sunco.Ptr(false),
		}, nil}
	}},
	{"LeaveConversation", "Participants.LeaveConversation", func() []any {
		return []any{appID, conversationID, &sunco.ParticipantLeaveBodyUserID{UserID: userID}, nil}
	}},
	{"ListParticipants", "Participants.List", func() []any {
		return []any{appID, conversationID, &sunco.ListParticipantsParams{
			Page: &sunco.Page{Size: sunco.Ptr(10)},
		}}
	}},

	// SwitchboardActions
	{"AcceptControl", "SwitchboardActions.AcceptControl", func() []any {
		return []any{appID, conversationID, sunco.AcceptControlBody{
			Metadata: map[string]any{"reason": "accepted"},
		}, nil}
	}},
	{"OfferControl", "SwitchboardActions.OfferControl", func() []any {
		return []any{appID, conversationID, sunco.OfferControlBody{SwitchboardIntegration: "next"}, nil}
	}},
	{"PassControl", "SwitchboardActions.PassControl", func() []any {
		return []any{appID, conversationID, sunco.PassControlBody{SwitchboardIntegration: "next"}, nil}
	}},
	{"ReleaseControl", "SwitchboardActions.ReleaseControl", func() []any {
		return []any{appID, conversationID, &sunco.ReleaseControlParams{Body: &sunco.ReleaseControlBody{}}}
	}},

	// SwitchboardIntegrations
	{"ListSwitchboardIntegrations", "SwitchboardIntegrations.List", func() []any {
		return []any{appID, switchboardID, nil}
	}},
	{"CreateSwitchboardIntegration", "SwitchboardIntegrations.Create", func() []any {
		return []any{appID, switchboardID, sunco.SwitchboardIntegrationCreateBody{
			Name:                 "bot",
			IntegrationID:        sunco.Ptr(integrationID),
			DeliverStandbyEvents: sunco.Ptr(false),
			MessageHistoryCount:  sunco.NewNullable(5),
		}, nil}
	}},
	{"UpdateSwitchboardIntegration", "SwitchboardIntegrations.Update", func() []any {
		return []any{appID, switchboardID, sbIntegration, sunco.SwitchboardIntegrationUpdateBody{
			Name:                         sunco.Ptr("bot"),
			NextSwitchboardIntegrationID: sunco.Null[string](),
		}, nil}
	}},
	{"DeleteSwitchboardIntegration", "SwitchboardIntegrations.Delete", func() []any {
		return []any{appID, switchboardID, sbIntegration, nil}
	}},

	// Switchboards
	{"ListSwitchboards", "Switchboards.List", func() []any {
		return []any{appID, nil}
	}},
	{"CreateSwitchboard", "Switchboards.Create", func() []any {
		return []any{appID, nil}
	}},
	{"UpdateSwitchboard", "Switchboards.Update", func() []any {
		return []any{appID, switchboardID, sunco.SwitchboardUpdateBody{
			Enabled:                         sunco.Ptr(true),
			DefaultSwitchboardIntegrationID: sunco.Ptr(sbIntegration),
		}, nil}
	}},
	{"DeleteSwitchboard", "Switchboards.Delete", func() []any {
		return []any{appID, switchboardID, nil}
	}},

	// Users
	{"ListUsers", "Users.List", func() []any {
		return []any{appID, sunco.UserListFilter{IdentitiesEmail: "someone@example.com"}, nil}
	}},
	{"CreateUser", "Users.Create", func() []any {
		return []any{appID, sunco.UserCreateBody{
			ExternalID: sunco.Ptr("your-own-user-id"),
			Profile:    &sunco.Profile{GivenName: sunco.NewNullable("Jane"), Email: sunco.NewNullable("jane@example.com")},
			Metadata:   sunco.NewNullable(map[string]any{"plan": "pro"}),
		}, nil}
	}},
	{"GetUser", "Users.Get", func() []any {
		return []any{appID, userID, nil}
	}},
	{"UpdateUser", "Users.Update", func() []any {
		return []any{appID, userID, sunco.UserUpdateBody{
			Profile: &sunco.Profile{Surname: sunco.Null[string]()},
		}, nil}
	}},
	{"DeleteUser", "Users.Delete", func() []any {
		return []any{appID, userID, nil}
	}},
	{"DeleteUserPersonalInformation", "Users.DeletePersonalInformation", func() []any {
		return []any{appID, userID, nil}
	}},
	{"SyncUser", "Users.Sync", func() []any {
		return []any{appID, zendeskID, &sunco.SyncUserParams{Body: &sunco.SyncUserBody{}}}
	}},

	// Webhooks
	{"ListWebhooks", "Webhooks.List", func() []any {
		return []any{appID, integrationID, nil}
	}},
	{"CreateWebhook", "Webhooks.Create", func() []any {
		return []any{appID, integrationID, sunco.WebhookBody{
			Target:   sunco.Ptr(webhookTarget),
			Triggers: []string{"conversation:message"},
		}, nil}
	}},
	{"GetWebhook", "Webhooks.Get", func() []any {
		return []any{appID, integrationID, webhookID, nil}
	}},
	{"UpdateWebhook", "Webhooks.Update", func() []any {
		return []any{appID, integrationID, webhookID, sunco.WebhookBody{
			IncludeFullUser: sunco.Ptr(true),
		}, nil}
	}},
	{"DeleteWebhook", "Webhooks.Delete", func() []any {
		return []any{appID, integrationID, webhookID, nil}
	}},
}
