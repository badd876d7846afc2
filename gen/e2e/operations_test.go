package e2e

import (
	"context"
	"io"
	"strings"

	"github.com/sunco-sdk/sunco-go/gen/sunco"
)

// Identifiers used in the requests; the document asks only for strings.
const (
	keyID          = "app_5d8cff3cd55b040010928b5b"
	keySecret      = "5XJ85yjUtRcaQu_pDINblPZb"
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

// operation is one call of the table: name is the SDK method and the
// document's operationId; call returns the decoded response, or nil for an
// operation without a response body.
type operation struct {
	name string
	call func(ctx context.Context, c *sunco.Client) (any, error)
}

// result adapts a method's (*T, error) to call's (any, error), keeping a
// nil response nil.
func result[T any](v *T, err error) (any, error) {
	if v == nil {
		return nil, err
	}
	return v, err
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

// operations calls every operation of the SDK once, with a request valid
// against the document.
var operations = []operation{
	// Activities
	{"PostActivity", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Activities.PostActivity(ctx, appID, conversationID, sunco.ActivityPost{
			Author: sunco.Author{Type: sunco.AuthorTypeUser, UserID: sunco.Ptr(userID)},
			Type:   sunco.ActivityPostTypeTypingStart,
		}))
	}},

	// AppKeys
	{"ListAppKeys", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.AppKeys.ListAppKeys(ctx, appID))
	}},
	{"CreateAppKey", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.AppKeys.CreateAppKey(ctx, appID, sunco.AppKeyCreateBody{DisplayName: "Key 1"}))
	}},
	{"GetAppKey", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.AppKeys.GetAppKey(ctx, appID, appKeyID))
	}},
	{"DeleteAppKey", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.AppKeys.DeleteAppKey(ctx, appID, appKeyID))
	}},

	// Apps
	{"ListApps", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Apps.ListApps(ctx, &sunco.ListAppsParams{
			Page:   &sunco.Page{After: sunco.Ptr("5e1606762556d93e9c176f69"), Size: sunco.Ptr(25)},
			Filter: &sunco.AppListFilter{ServiceAccountID: sunco.Ptr("5e1606762556d93e9c176f69")},
		}))
	}},
	{"CreateApp", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Apps.CreateApp(ctx, sunco.AppCreateBody{
			DisplayName: "My App",
			Metadata:    sunco.NewNullable(sunco.Metadata{"lang": "en"}),
		}))
	}},
	{"GetApp", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Apps.GetApp(ctx, appID))
	}},
	{"UpdateApp", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Apps.UpdateApp(ctx, appID, sunco.AppUpdateBody{
			DisplayName: sunco.Ptr("My App"),
			Metadata:    sunco.Null[sunco.Metadata](),
		}))
	}},
	{"DeleteApp", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Apps.DeleteApp(ctx, appID))
	}},

	// Attachments
	{"UploadAttachment", func(ctx context.Context, c *sunco.Client) (any, error) {
		file := sunco.UploadFile{Reader: streamed("GIF89a\x01\x00\x01\x00"), Name: "pixel.gif", ContentType: "image/gif"}
		return result(c.Attachments.UploadAttachment(ctx, appID, file, &sunco.UploadAttachmentParams{
			Access:         "public",
			For:            sunco.Ptr("message"),
			ConversationID: sunco.Ptr(conversationID),
		}))
	}},
	{"DeleteAttachment", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Attachments.DeleteAttachment(ctx, appID, sunco.AttachmentDeleteBody{MediaURL: mediaURL}))
	}},

	// Clients
	{"ListClients", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Clients.ListClients(ctx, appID, userID, &sunco.ListClientsParams{
			Page:    &sunco.Page{Size: sunco.Ptr(10)},
			BrandID: sunco.Ptr("9477922990333"),
		}))
	}},
	{"CreateClient", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Clients.CreateClient(ctx, appID, userID, sunco.ClientCreate{
			Confirmation: sunco.Confirmation{Type: sunco.ConfirmationTypeImmediate},
			// Twilio's schema has the shape of WhatsApp's: Prism tells them
			// apart by the enum the loader gives each variant's type.
			MatchCriteria: &sunco.MatchCriteriaTwilio{IntegrationID: integrationID, PhoneNumber: "+15550001234"},
			Target:        sunco.ClientCreateTarget{ConversationID: conversationID},
		}, nil))
	}},
	{"RemoveClient", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Clients.RemoveClient(ctx, appID, userID, clientID, nil))
	}},

	// Conversations
	{"ListConversations", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Conversations.ListConversations(ctx, appID, &sunco.ListConversationsParams{
			Page:   &sunco.Page{Size: sunco.Ptr(25)},
			Filter: sunco.ConversationListFilter{UserID: sunco.Ptr(userID)},
		}))
	}},
	{"CreateConversation", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Conversations.CreateConversation(ctx, appID, sunco.ConversationCreateBody{
			Type:         sunco.ConversationTypePersonal,
			Participants: []sunco.ParticipantSubSchema{&sunco.ParticipantWithUserID{UserID: sunco.Ptr(userID)}},
			DisplayName:  sunco.Ptr("Conversation"),
		}))
	}},
	{"GetConversation", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Conversations.GetConversation(ctx, appID, conversationID))
	}},
	{"UpdateConversation", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Conversations.UpdateConversation(ctx, appID, conversationID, sunco.ConversationUpdateBody{
			DisplayName: sunco.Ptr("Renamed"),
			Description: sunco.Null[sunco.Description](),
		}))
	}},
	{"DeleteConversation", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Conversations.DeleteConversation(ctx, appID, conversationID))
	}},
	{"PostConversionEvents", func(ctx context.Context, c *sunco.Client) (any, error) {
		// The response example contradicts its schema (datasetId is a
		// number, the schema says string): ask Prism to build the response
		// from the schema instead.
		dynamic := sunco.WithRequestHeader("Prefer", "dynamic=true")
		return result(c.Conversations.PostConversionEvents(ctx, appID, conversationID, &sunco.MessengerConversionEventsBody{
			Messenger: sunco.MetaConversionEvent{Payload: sunco.MetaConversionEventPayload{
				Data: []map[string]any{{"event_name": "Purchase", "event_time": 1700000000}},
			}},
		}, dynamic))
	}},
	{"DownloadMessageRef", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Conversations.DownloadMessageRef(ctx, appID, conversationID, sunco.DownloadMessageRefBody{UserID: userID}))
	}},

	// CustomIntegrationAPIKeys
	{"ListCustomIntegrationKeys", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.CustomIntegrationAPIKeys.ListCustomIntegrationKeys(ctx, appID, integrationID))
	}},
	{"CreateCustomIntegrationKey", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.CustomIntegrationAPIKeys.CreateCustomIntegrationKey(ctx, appID, integrationID, sunco.IntegrationAPIKey{DisplayName: "Key 1"}))
	}},
	{"GetCustomIntegrationKey", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.CustomIntegrationAPIKeys.GetCustomIntegrationKey(ctx, appID, integrationID, intKeyID))
	}},
	{"DeleteCustomIntegrationKey", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.CustomIntegrationAPIKeys.DeleteCustomIntegrationKey(ctx, appID, integrationID, intKeyID))
	}},

	// Devices
	{"ListDevices", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Devices.ListDevices(ctx, appID, userID, nil))
	}},
	{"GetDevice", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Devices.GetDevice(ctx, appID, userID, deviceID, &sunco.GetDeviceParams{BrandID: sunco.Ptr("9477922990333")}))
	}},

	// Integrations
	{"ListIntegrations", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Integrations.ListIntegrations(ctx, appID, &sunco.ListIntegrationsParams{
			Filter: &sunco.IntegrationListFilter{Types: sunco.Ptr("custom,web")},
		}))
	}},
	{"CreateIntegration", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Integrations.CreateIntegration(ctx, appID, &sunco.Custom{
			DisplayName: sunco.NewNullable("My integration"),
			Webhooks:    []sunco.Webhook{{Target: webhookTarget, Triggers: sunco.Triggers{"conversation:message"}}},
		}))
	}},
	{"GetIntegration", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Integrations.GetIntegration(ctx, appID, integrationID))
	}},
	{"UpdateIntegration", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Integrations.UpdateIntegration(ctx, appID, integrationID, &sunco.CustomUpdate{
			DisplayName: sunco.NewNullable("Renamed"),
		}))
	}},
	{"DeleteIntegration", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Integrations.DeleteIntegration(ctx, appID, integrationID))
	}},

	// Messages
	{"ListMessages", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Messages.ListMessages(ctx, appID, conversationID, &sunco.ListMessagesParams{
			Page: &sunco.Page{Before: sunco.Ptr("5e1606762556d93e9c176f69"), Size: sunco.Ptr(50)},
		}))
	}},
	{"PostMessage", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Messages.PostMessage(ctx, appID, conversationID, sunco.MessagePost{
			Author: sunco.Author{Type: sunco.AuthorTypeBusiness},
			// A carousel, whose items' actions are a union too: every
			// variant of both must match its own discriminator value only.
			Content: &sunco.CarouselMessage{Items: []sunco.Item{
				{Title: "Tacos", Actions: []sunco.ActionSubset{&sunco.Postback{Text: "Buy", Payload: "TACOS"}}},
				{Title: "Ramen", Actions: []sunco.ActionSubset{&sunco.Link{Text: "More", Uri: "https://example.com/ramen"}}},
			}},
		}))
	}},
	{"DeleteAllMessages", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Messages.DeleteAllMessages(ctx, appID, conversationID))
	}},
	{"DeleteMessage", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Messages.DeleteMessage(ctx, appID, conversationID, messageID))
	}},

	// OAuthEndpoints
	{"RevokeAccess", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.OAuthEndpoints.RevokeAccess(ctx))
	}},
	{"Authorize", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.OAuthEndpoints.Authorize(ctx, &sunco.AuthorizeParams{
			ClientID:     "5e4af71a81966cfff3ef6550",
			ResponseType: "code",
			State:        sunco.Ptr("Pending"),
			RedirectUri:  sunco.Ptr("https://example.org"),
		}))
	}},
	{"GetToken", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.OAuthEndpoints.GetToken(ctx, sunco.GetTokenBody{
			Code:         "658965",
			GrantType:    "authorization_code",
			ClientID:     "5e4af71a81966cfff3ef6550",
			ClientSecret: keySecret,
		}))
	}},
	{"GetTokenInfo", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.OAuthEndpoints.GetTokenInfo(ctx))
	}},

	// Participants
	{"JoinConversation", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Participants.JoinConversation(ctx, appID, conversationID, &sunco.ParticipantWithUserID{
			UserID:             sunco.Ptr(userID),
			SubscribeSDKClient: sunco.Ptr(false),
		}))
	}},
	{"LeaveConversation", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Participants.LeaveConversation(ctx, appID, conversationID, &sunco.ParticipantLeaveBodyUserID{UserID: userID}))
	}},
	{"ListParticipants", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Participants.ListParticipants(ctx, appID, conversationID, &sunco.ListParticipantsParams{
			Page: &sunco.Page{Size: sunco.Ptr(10)},
		}))
	}},

	// SwitchboardActions
	{"AcceptControl", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.SwitchboardActions.AcceptControl(ctx, appID, conversationID, sunco.AcceptControlBody{
			Metadata: sunco.Metadata{"reason": "accepted"},
		}))
	}},
	{"OfferControl", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.SwitchboardActions.OfferControl(ctx, appID, conversationID, sunco.OfferControlBody{SwitchboardIntegration: "next"}))
	}},
	{"PassControl", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.SwitchboardActions.PassControl(ctx, appID, conversationID, sunco.PassControlBody{SwitchboardIntegration: "next"}))
	}},
	{"ReleaseControl", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.SwitchboardActions.ReleaseControl(ctx, appID, conversationID, sunco.ReleaseControlBody{}))
	}},

	// SwitchboardIntegrations
	{"ListSwitchboardIntegrations", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.SwitchboardIntegrations.ListSwitchboardIntegrations(ctx, appID, switchboardID))
	}},
	{"CreateSwitchboardIntegration", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.SwitchboardIntegrations.CreateSwitchboardIntegration(ctx, appID, switchboardID, sunco.SwitchboardIntegrationCreateBody{
			Name:                 "bot",
			IntegrationID:        sunco.Ptr(integrationID),
			DeliverStandbyEvents: sunco.Ptr(false),
			MessageHistoryCount:  sunco.NewNullable(5),
		}))
	}},
	{"UpdateSwitchboardIntegration", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.SwitchboardIntegrations.UpdateSwitchboardIntegration(ctx, appID, switchboardID, sbIntegration, sunco.SwitchboardIntegrationUpdateBody{
			Name:                         sunco.Ptr("bot"),
			NextSwitchboardIntegrationID: sunco.Null[sunco.NextSwitchboardIntegrationID](),
		}))
	}},
	{"DeleteSwitchboardIntegration", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.SwitchboardIntegrations.DeleteSwitchboardIntegration(ctx, appID, switchboardID, sbIntegration))
	}},

	// Switchboards
	{"ListSwitchboards", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Switchboards.ListSwitchboards(ctx, appID))
	}},
	{"CreateSwitchboard", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Switchboards.CreateSwitchboard(ctx, appID))
	}},
	{"UpdateSwitchboard", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Switchboards.UpdateSwitchboard(ctx, appID, switchboardID, sunco.SwitchboardUpdateBody{
			Enabled:                         sunco.Ptr(true),
			DefaultSwitchboardIntegrationID: sunco.Ptr(sbIntegration),
		}))
	}},
	{"DeleteSwitchboard", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Switchboards.DeleteSwitchboard(ctx, appID, switchboardID))
	}},

	// Users
	{"ListUsers", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Users.ListUsers(ctx, appID, &sunco.ListUsersParams{
			Filter: sunco.UserListFilter{IdentitiesEmail: "someone@example.com"},
		}))
	}},
	{"CreateUser", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Users.CreateUser(ctx, appID, sunco.UserCreateBody{
			ExternalID: sunco.Ptr("your-own-user-id"),
			Profile:    &sunco.Profile{GivenName: sunco.NewNullable("Jane"), Email: sunco.NewNullable("jane@example.com")},
			Metadata:   sunco.NewNullable(sunco.Metadata{"plan": "pro"}),
		}))
	}},
	{"GetUser", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Users.GetUser(ctx, appID, userID, nil))
	}},
	{"UpdateUser", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Users.UpdateUser(ctx, appID, userID, sunco.UserUpdateBody{
			Profile: &sunco.Profile{Surname: sunco.Null[string]()},
		}, nil))
	}},
	{"DeleteUser", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Users.DeleteUser(ctx, appID, userID, nil))
	}},
	{"DeleteUserPersonalInformation", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Users.DeleteUserPersonalInformation(ctx, appID, userID, nil))
	}},
	{"SyncUser", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Users.SyncUser(ctx, appID, zendeskID, sunco.SyncUserBody{}))
	}},

	// Webhooks
	{"ListWebhooks", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Webhooks.ListWebhooks(ctx, appID, integrationID))
	}},
	{"CreateWebhook", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Webhooks.CreateWebhook(ctx, appID, integrationID, sunco.WebhookCreateBody{
			Target:   sunco.Ptr(webhookTarget),
			Triggers: sunco.Triggers{"conversation:message"},
		}))
	}},
	{"GetWebhook", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Webhooks.GetWebhook(ctx, appID, integrationID, webhookID))
	}},
	{"UpdateWebhook", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Webhooks.UpdateWebhook(ctx, appID, integrationID, webhookID, sunco.WebhookBody{
			IncludeFullUser: sunco.Ptr(true),
		}))
	}},
	{"DeleteWebhook", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Webhooks.DeleteWebhook(ctx, appID, integrationID, webhookID))
	}},
}
