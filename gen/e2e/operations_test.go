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

// operation is one call of the table: name is the document's operationId,
// method the SDK method that implements it (service field and method name,
// e.g. "Messages.List"); call returns the decoded response, or nil for an
// operation without a response body.
type operation struct {
	name   string
	method string
	call   func(ctx context.Context, c *sunco.Client) (any, error)
}

// result adapts a method's (*T, error) to call's (any, error), keeping a
// nil response nil.
func result[T any](v *T, err error) (any, error) {
	if v == nil {
		return nil, err
	}
	return v, err
}

// emptyObject stands for the response of a method that returns only an
// error: the empty object the document declares, which the SDK does not
// decode.
type emptyObject struct{}

// empty adapts a method that returns only an error to call's (any, error):
// the response is an emptyObject, so that checkDecoded checks that the body
// received is an empty object too, nothing of it being lost on the caller.
func empty(err error) (any, error) {
	return emptyObject{}, err
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
	{"PostActivity", "Activities.Post", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.Activities.Post(ctx, appID, conversationID, sunco.ActivityPost{
			Author: sunco.Author{Type: sunco.AuthorTypeUser, UserID: sunco.Ptr(userID)},
			Type:   sunco.ActivityTypeTypingStart,
		}, nil))
	}},

	// AppKeys
	{"ListAppKeys", "AppKeys.List", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.AppKeys.List(ctx, appID, nil))
	}},
	{"CreateAppKey", "AppKeys.Create", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.AppKeys.Create(ctx, appID, sunco.AppKeyCreateBody{DisplayName: "Key 1"}, nil))
	}},
	{"GetAppKey", "AppKeys.Get", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.AppKeys.Get(ctx, appID, appKeyID, nil))
	}},
	{"DeleteAppKey", "AppKeys.Delete", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.AppKeys.Delete(ctx, appID, appKeyID, nil))
	}},

	// Apps
	{"ListApps", "Apps.List", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Apps.List(ctx, &sunco.ListAppsParams{
			Page:   &sunco.Page{After: sunco.Ptr("5e1606762556d93e9c176f69"), Size: sunco.Ptr(25)},
			Filter: &sunco.AppListFilter{ServiceAccountID: sunco.Ptr("5e1606762556d93e9c176f69")},
		}))
	}},
	{"CreateApp", "Apps.Create", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Apps.Create(ctx, sunco.AppCreateBody{
			DisplayName: "My App",
			Metadata:    sunco.NewNullable(map[string]any{"lang": "en"}),
		}, nil))
	}},
	{"GetApp", "Apps.Get", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Apps.Get(ctx, appID, nil))
	}},
	{"UpdateApp", "Apps.Update", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Apps.Update(ctx, appID, sunco.AppUpdateBody{
			DisplayName: sunco.Ptr("My App"),
			Metadata:    sunco.Null[map[string]any](),
		}, nil))
	}},
	{"DeleteApp", "Apps.Delete", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.Apps.Delete(ctx, appID, nil))
	}},

	// Attachments
	{"UploadAttachment", "Attachments.Upload", func(ctx context.Context, c *sunco.Client) (any, error) {
		file := sunco.UploadFile{Reader: streamed("GIF89a\x01\x00\x01\x00"), Name: "pixel.gif", ContentType: "image/gif"}
		return result(c.Attachments.Upload(ctx, appID, sunco.AttachmentAccessPublic, file, &sunco.UploadAttachmentParams{
			For:            sunco.Ptr("message"),
			ConversationID: sunco.Ptr(conversationID),
		}))
	}},
	{"DeleteAttachment", "Attachments.Delete", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.Attachments.Delete(ctx, appID, sunco.AttachmentDeleteBody{MediaURL: mediaURL}, nil))
	}},

	// Clients
	{"ListClients", "Clients.List", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Clients.List(ctx, appID, userID, &sunco.ListClientsParams{
			Page:    &sunco.Page{Size: sunco.Ptr(10)},
			BrandID: sunco.Ptr("9477922990333"),
		}))
	}},
	{"CreateClient", "Clients.Create", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Clients.Create(ctx, appID, userID, sunco.ClientCreate{
			Confirmation: sunco.Confirmation{Type: sunco.ConfirmationTypeImmediate},
			// Twilio's schema has the shape of WhatsApp's: Prism tells them
			// apart by the enum the loader gives each variant's type.
			MatchCriteria: &sunco.MatchCriteriaTwilio{IntegrationID: integrationID, PhoneNumber: "+15550001234"},
			Target:        sunco.ClientCreateTarget{ConversationID: conversationID},
		}, nil))
	}},
	{"RemoveClient", "Clients.Remove", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.Clients.Remove(ctx, appID, userID, clientID, nil))
	}},

	// Conversations
	{"ListConversations", "Conversations.List", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Conversations.List(ctx, appID, sunco.ConversationListFilter{UserID: sunco.Ptr(userID)}, &sunco.ListConversationsParams{
			Page: &sunco.Page{Size: sunco.Ptr(25)},
		}))
	}},
	{"CreateConversation", "Conversations.Create", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Conversations.Create(ctx, appID, sunco.ConversationCreateBody{
			Type:         sunco.ConversationTypePersonal,
			Participants: []sunco.ParticipantInfo{&sunco.ParticipantWithUserID{UserID: sunco.Ptr(userID)}},
			DisplayName:  sunco.Ptr("Conversation"),
		}, nil))
	}},
	{"GetConversation", "Conversations.Get", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Conversations.Get(ctx, appID, conversationID, nil))
	}},
	{"UpdateConversation", "Conversations.Update", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Conversations.Update(ctx, appID, conversationID, sunco.ConversationUpdateBody{
			DisplayName: sunco.Ptr("Renamed"),
			Description: sunco.Null[string](),
		}, nil))
	}},
	{"DeleteConversation", "Conversations.Delete", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.Conversations.Delete(ctx, appID, conversationID, nil))
	}},
	{"PostConversionEvents", "Conversations.PostConversionEvents", func(ctx context.Context, c *sunco.Client) (any, error) {
		// The response example contradicts its schema (datasetId is a
		// number, the schema says string): ask Prism to build the response
		// from the schema instead.
		dynamic := sunco.WithRequestHeader("Prefer", "dynamic=true")
		return result(c.Conversations.PostConversionEvents(ctx, appID, conversationID, &sunco.MessengerConversionEventsBody{
			Messenger: sunco.MetaConversionEvent{Payload: sunco.MetaConversionEventPayload{
				Data: []map[string]any{{"event_name": "Purchase", "event_time": 1700000000}},
			}},
		}, nil, dynamic))
	}},
	{"DownloadMessageRef", "Conversations.DownloadMessageRef", func(ctx context.Context, c *sunco.Client) (any, error) {
		res, err := c.Conversations.DownloadMessageRef(ctx, appID, conversationID, sunco.DownloadMessageRefBody{UserID: userID}, nil)
		if res == nil {
			return nil, err // a nil map in an any would not be nil
		}
		return res, err
	}},

	// CustomIntegrationAPIKeys
	{"ListCustomIntegrationKeys", "CustomIntegrationAPIKeys.List", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.CustomIntegrationAPIKeys.List(ctx, appID, integrationID, nil))
	}},
	{"CreateCustomIntegrationKey", "CustomIntegrationAPIKeys.Create", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.CustomIntegrationAPIKeys.Create(ctx, appID, integrationID, sunco.IntegrationAPIKey{DisplayName: "Key 1"}, nil))
	}},
	{"GetCustomIntegrationKey", "CustomIntegrationAPIKeys.Get", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.CustomIntegrationAPIKeys.Get(ctx, appID, integrationID, intKeyID, nil))
	}},
	{"DeleteCustomIntegrationKey", "CustomIntegrationAPIKeys.Delete", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.CustomIntegrationAPIKeys.Delete(ctx, appID, integrationID, intKeyID, nil))
	}},

	// Devices
	{"ListDevices", "Devices.List", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Devices.List(ctx, appID, userID, nil))
	}},
	{"GetDevice", "Devices.Get", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Devices.Get(ctx, appID, userID, deviceID, &sunco.GetDeviceParams{BrandID: sunco.Ptr("9477922990333")}))
	}},

	// Integrations
	{"ListIntegrations", "Integrations.List", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Integrations.List(ctx, appID, &sunco.ListIntegrationsParams{
			Filter: &sunco.IntegrationListFilter{Types: sunco.Ptr("custom,web")},
		}))
	}},
	{"CreateIntegration", "Integrations.Create", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Integrations.Create(ctx, appID, &sunco.CustomIntegration{
			DisplayName: sunco.NewNullable("My integration"),
			Webhooks:    []sunco.Webhook{{Target: webhookTarget, Triggers: []string{"conversation:message"}}},
		}, nil))
	}},
	{"GetIntegration", "Integrations.Get", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Integrations.Get(ctx, appID, integrationID, nil))
	}},
	{"UpdateIntegration", "Integrations.Update", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Integrations.Update(ctx, appID, integrationID, &sunco.CustomUpdate{
			DisplayName: sunco.NewNullable("Renamed"),
		}, nil))
	}},
	{"DeleteIntegration", "Integrations.Delete", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.Integrations.Delete(ctx, appID, integrationID, nil))
	}},

	// Messages
	{"ListMessages", "Messages.List", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Messages.List(ctx, appID, conversationID, &sunco.ListMessagesParams{
			Page: &sunco.Page{Before: sunco.Ptr("5e1606762556d93e9c176f69"), Size: sunco.Ptr(50)},
		}))
	}},
	{"PostMessage", "Messages.Post", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Messages.Post(ctx, appID, conversationID, sunco.MessagePost{
			Author: sunco.Author{Type: sunco.AuthorTypeBusiness},
			// A carousel, whose items' actions are a union too: every
			// variant of both must match its own discriminator value only.
			Content: &sunco.CarouselMessage{Items: []sunco.Item{
				{Title: "Tacos", Actions: []sunco.ActionSubset{&sunco.PostbackAction{Text: "Buy", Payload: "TACOS"}}},
				{Title: "Ramen", Actions: []sunco.ActionSubset{&sunco.LinkAction{Text: "More", URI: "https://example.com/ramen"}}},
			}},
		}, nil))
	}},
	{"DeleteAllMessages", "Messages.DeleteAll", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.Messages.DeleteAll(ctx, appID, conversationID, nil))
	}},
	{"DeleteMessage", "Messages.Delete", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.Messages.Delete(ctx, appID, conversationID, messageID, nil))
	}},

	// OAuthEndpoints
	{"RevokeAccess", "OAuthEndpoints.RevokeAccess", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.OAuthEndpoints.RevokeAccess(ctx, nil))
	}},
	{"Authorize", "OAuthEndpoints.Authorize", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.OAuthEndpoints.Authorize(ctx, "5e4af71a81966cfff3ef6550", "code", &sunco.AuthorizeParams{
			State:       sunco.Ptr("Pending"),
			RedirectURI: sunco.Ptr("https://example.org"),
		}))
	}},
	{"GetToken", "OAuthEndpoints.GetToken", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.OAuthEndpoints.GetToken(ctx, sunco.GetTokenBody{
			Code:         "658965",
			GrantType:    "authorization_code",
			ClientID:     "5e4af71a81966cfff3ef6550",
			ClientSecret: keySecret,
		}, nil))
	}},
	{"GetTokenInfo", "OAuthEndpoints.GetTokenInfo", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.OAuthEndpoints.GetTokenInfo(ctx, nil))
	}},

	// Participants
	{"JoinConversation", "Participants.JoinConversation", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Participants.JoinConversation(ctx, appID, conversationID, &sunco.ParticipantWithUserID{
			UserID:             sunco.Ptr(userID),
			SubscribeSDKClient: sunco.Ptr(false),
		}, nil))
	}},
	{"LeaveConversation", "Participants.LeaveConversation", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.Participants.LeaveConversation(ctx, appID, conversationID, &sunco.ParticipantLeaveBodyUserID{UserID: userID}, nil))
	}},
	{"ListParticipants", "Participants.List", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Participants.List(ctx, appID, conversationID, &sunco.ListParticipantsParams{
			Page: &sunco.Page{Size: sunco.Ptr(10)},
		}))
	}},

	// SwitchboardActions
	{"AcceptControl", "SwitchboardActions.AcceptControl", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.SwitchboardActions.AcceptControl(ctx, appID, conversationID, sunco.AcceptControlBody{
			Metadata: map[string]any{"reason": "accepted"},
		}, nil))
	}},
	{"OfferControl", "SwitchboardActions.OfferControl", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.SwitchboardActions.OfferControl(ctx, appID, conversationID, sunco.OfferControlBody{SwitchboardIntegration: "next"}, nil))
	}},
	{"PassControl", "SwitchboardActions.PassControl", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.SwitchboardActions.PassControl(ctx, appID, conversationID, sunco.PassControlBody{SwitchboardIntegration: "next"}, nil))
	}},
	{"ReleaseControl", "SwitchboardActions.ReleaseControl", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.SwitchboardActions.ReleaseControl(ctx, appID, conversationID, &sunco.ReleaseControlParams{Body: &sunco.ReleaseControlBody{}}))
	}},

	// SwitchboardIntegrations
	{"ListSwitchboardIntegrations", "SwitchboardIntegrations.List", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.SwitchboardIntegrations.List(ctx, appID, switchboardID, nil))
	}},
	{"CreateSwitchboardIntegration", "SwitchboardIntegrations.Create", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.SwitchboardIntegrations.Create(ctx, appID, switchboardID, sunco.SwitchboardIntegrationCreateBody{
			Name:                 "bot",
			IntegrationID:        sunco.Ptr(integrationID),
			DeliverStandbyEvents: sunco.Ptr(false),
			MessageHistoryCount:  sunco.NewNullable(5),
		}, nil))
	}},
	{"UpdateSwitchboardIntegration", "SwitchboardIntegrations.Update", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.SwitchboardIntegrations.Update(ctx, appID, switchboardID, sbIntegration, sunco.SwitchboardIntegrationUpdateBody{
			Name:                         sunco.Ptr("bot"),
			NextSwitchboardIntegrationID: sunco.Null[string](),
		}, nil))
	}},
	{"DeleteSwitchboardIntegration", "SwitchboardIntegrations.Delete", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.SwitchboardIntegrations.Delete(ctx, appID, switchboardID, sbIntegration, nil))
	}},

	// Switchboards
	{"ListSwitchboards", "Switchboards.List", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Switchboards.List(ctx, appID, nil))
	}},
	{"CreateSwitchboard", "Switchboards.Create", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Switchboards.Create(ctx, appID, nil))
	}},
	{"UpdateSwitchboard", "Switchboards.Update", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Switchboards.Update(ctx, appID, switchboardID, sunco.SwitchboardUpdateBody{
			Enabled:                         sunco.Ptr(true),
			DefaultSwitchboardIntegrationID: sunco.Ptr(sbIntegration),
		}, nil))
	}},
	{"DeleteSwitchboard", "Switchboards.Delete", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.Switchboards.Delete(ctx, appID, switchboardID, nil))
	}},

	// Users
	{"ListUsers", "Users.List", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Users.List(ctx, appID, sunco.UserListFilter{IdentitiesEmail: "someone@example.com"}, nil))
	}},
	{"CreateUser", "Users.Create", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Users.Create(ctx, appID, sunco.UserCreateBody{
			ExternalID: sunco.Ptr("your-own-user-id"),
			Profile:    &sunco.Profile{GivenName: sunco.NewNullable("Jane"), Email: sunco.NewNullable("jane@example.com")},
			Metadata:   sunco.NewNullable(map[string]any{"plan": "pro"}),
		}, nil))
	}},
	{"GetUser", "Users.Get", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Users.Get(ctx, appID, userID, nil))
	}},
	{"UpdateUser", "Users.Update", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Users.Update(ctx, appID, userID, sunco.UserUpdateBody{
			Profile: &sunco.Profile{Surname: sunco.Null[string]()},
		}, nil))
	}},
	{"DeleteUser", "Users.Delete", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.Users.Delete(ctx, appID, userID, nil))
	}},
	{"DeleteUserPersonalInformation", "Users.DeletePersonalInformation", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Users.DeletePersonalInformation(ctx, appID, userID, nil))
	}},
	{"SyncUser", "Users.Sync", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Users.Sync(ctx, appID, zendeskID, &sunco.SyncUserParams{Body: &sunco.SyncUserBody{}}))
	}},

	// Webhooks
	{"ListWebhooks", "Webhooks.List", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Webhooks.List(ctx, appID, integrationID, nil))
	}},
	{"CreateWebhook", "Webhooks.Create", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Webhooks.Create(ctx, appID, integrationID, sunco.WebhookBody{
			Target:   sunco.Ptr(webhookTarget),
			Triggers: []string{"conversation:message"},
		}, nil))
	}},
	{"GetWebhook", "Webhooks.Get", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Webhooks.Get(ctx, appID, integrationID, webhookID, nil))
	}},
	{"UpdateWebhook", "Webhooks.Update", func(ctx context.Context, c *sunco.Client) (any, error) {
		return result(c.Webhooks.Update(ctx, appID, integrationID, webhookID, sunco.WebhookBody{
			IncludeFullUser: sunco.Ptr(true),
		}, nil))
	}},
	{"DeleteWebhook", "Webhooks.Delete", func(ctx context.Context, c *sunco.Client) (any, error) {
		return empty(c.Webhooks.Delete(ctx, appID, integrationID, webhookID, nil))
	}},
}
