package build

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestGoName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"user", "User"},
		{"userIdOrExternalId", "UserIDOrExternalID"},
		{"user_id", "UserID"},
		{"userIds", "UserIDs"},
		{"avatarUrl", "AvatarURL"},
		{"uri", "URI"},
		{"htmlText", "HTMLText"},
		{"HtmlText", "HTMLText"},
		{"XMLHttpRequest", "XMLHTTPRequest"},
		{"HTTPServer", "HTTPServer"},
		{"jsonSchema", "JSONSchema"},
		{"uuid", "UUID"},
		{"ipAddress", "IPAddress"},
		{"httpsUrl", "HTTPSURL"},
		{"apiKeys", "APIKeys"},
		{"CustomIntegrationApiKeys", "CustomIntegrationAPIKeys"},
		{"ios", "IOS"},
		{"iOS", "IOS"},
		{"deviceTypeIos", "DeviceTypeIOS"},
		{"OAuth Endpoints", "OAuthEndpoints"},
		{"oauth", "OAuth"},
		{"whatsapp", "WhatsApp"},
		{"WhatsApp", "WhatsApp"},
		{"matchCriteriaWhatsapp", "MatchCriteriaWhatsApp"},
		{"messagebird", "Messagebird"},
		{"conversation:message", "ConversationMessage"},
		{"Webhook Event", "WebhookEvent"},
		{"page[after]", "PageAfter"},
		{"identities.email", "IdentitiesEmail"},
		{"guid", "GUID"},
		{"SUNCO", "SUNCO"},
		{"v2", "V2"},
		{"base64Data", "Base64Data"},
		{"1x", "X1x"},
		{"2fa", "X2fa"},
		{"名前", "X名前"},
		{"émoji", "Émoji"},
		{"", "Empty"},
		{"--", "Empty"},
		{"type", "Type"},
		{"func", "Func"},
		{"idea", "Idea"},
		{"ids", "IDs"},
		{"guide", "Guide"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, goName(tt.in))
		})
	}
}

func TestGoSuffix(t *testing.T) {
	assert.Equal(t, "1x", goSuffix("1x"))
	assert.Equal(t, "ConversationMessage", goSuffix("conversation:message"))
	assert.Equal(t, "Empty", goSuffix(""))
}

func TestSnakeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"OAuthEndpoints", "oauth_endpoints"},
		{"CustomIntegrationAPIKeys", "custom_integration_api_keys"},
		{"SwitchboardActions", "switchboard_actions"},
		{"WhatsAppTemplates", "whatsapp_templates"},
		{"IOSDevices", "ios_devices"},
		{"Users2", "users2"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, snakeName(tt.in))
		})
	}
}

func TestServiceFile(t *testing.T) {
	tests := []struct{ field, want string }{
		{"Users", "service_users.go"},
		{"OAuthEndpoints", "service_oauth_endpoints.go"},
		{"IOS", "service_ios_service.go"},         // would build only for GOOS=ios
		{"Windows", "service_windows_service.go"}, // likewise
		{"AMD64", "service_amd64_service.go"},     // a GOARCH
		{"Test", "service_test_service.go"},       // would be a test file
		{"Tests", "service_tests.go"},
		{"MessagesShared", "service_messages_shared_service.go"}, // would be the Messages service's shared file
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			assert.Equal(t, tt.want, serviceFile(tt.field))
		})
	}
}

func TestLowerName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"appId", "appID"},
		{"id", "id"},
		{"URLPath", "urlPath"},
		{"user_id", "userID"},
		{"iOS", "ios"},
		{"OAuthToken", "oauthToken"},
		{"1x", "x1x"},
		{"名前", "x名前"},
		{"", "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, lowerName(tt.in))
		})
	}
}

func TestStripNoun(t *testing.T) {
	tests := []struct{ op, service, want string }{
		{"ListMessages", "Messages", "List"},
		{"PostMessage", "Messages", "Post"},
		{"DeleteAllMessages", "Messages", "DeleteAll"},
		{"GetUser", "Users", "Get"},
		{"DeleteUserPersonalInformation", "Users", "DeletePersonalInformation"},
		{"ListCustomIntegrationKeys", "CustomIntegrationAPIKeys", "List"},
		{"CreateSwitchboardIntegration", "SwitchboardIntegrations", "Create"},
		{"PostActivity", "Activities", "Post"},
		{"AcceptControl", "SwitchboardActions", "AcceptControl"},
		{"JoinConversation", "Participants", "JoinConversation"},
		{"PostConversionEvents", "Conversations", "PostConversionEvents"},
		{"GetTokenInfo", "OAuthEndpoints", "GetTokenInfo"},
		{"Users", "Users", "Users"},
	}
	for _, tt := range tests {
		t.Run(tt.op, func(t *testing.T) {
			assert.Equal(t, tt.want, stripNoun(tt.op, tt.service))
		})
	}
}

func TestTidyName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"AppSubSchema", "App"},
		{"ClientSchema", "Client"},
		{"AttachmentSchema", "Attachment"},
		{"Schema", "Schema"},
		{"SubSchema", "Sub"},
		{"SchemaVersion", "SchemaVersion"},
		{"QuotedMessageMessage", "QuotedMessage"},
		{"ActivityTypesType", "ActivityType"},
		{"DefaultResponderDefaultResponder", "DefaultResponder"},
		{"UserIDsID", "UserID"},
		{"MessageMessageMessage", "Message"},
		{"ItemItemsValue", "ItemsValue"}, // the last of a repeated run stays
		{"StatusStatus", "Status"},
		{"HTMLText", "HTMLText"},
		{"ConversationMessageEvent", "ConversationMessageEvent"},
		{"ByeBye", "Bye"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, tidyName(tt.in))
		})
	}
}

// TestInitialisms: the irregular spellings of initialisms the SDK has met
// follow one rule: an initialism is upper case wherever it is, its plural
// adds a lower-case s, and a brand keeps its capitals.
func TestInitialisms(t *testing.T) {
	tests := []struct{ in, want string }{
		{"htmlText", "HTMLText"},
		{"HTMLText", "HTMLText"},
		{"markdownText", "MarkdownText"},
		{"uri", "URI"},
		{"uris", "URIs"},
		{"avatarUrl", "AvatarURL"},
		{"avatarURL", "AvatarURL"},
		{"mediaUrls", "MediaURLs"},
		{"buttonIconUrl", "ButtonIconURL"},
		{"apiKey", "APIKey"},
		{"apiKeys", "APIKeys"},
		{"jwt", "JWT"},
		{"sdkClient", "SDKClient"},
		{"subscribeSDKClient", "SubscribeSDKClient"},
		{"httpStatus", "HTTPStatus"},
		{"userExternalId", "UserExternalID"},
		{"originalMessageId", "OriginalMessageID"},
		{"messageIds", "MessageIDs"},
		{"integrationApiKeyResponse", "IntegrationAPIKeyResponse"},
		{"showAIDisclaimer", "ShowAIDisclaimer"},
		{"iosUpdate", "IOSUpdate"},
		{"whatsAppUpdate", "WhatsAppUpdate"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, goName(tt.in))
		})
	}
}
