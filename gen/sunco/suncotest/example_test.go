package suncotest_test

import (
	"context"
	"fmt"
	"net/http"

	"github.com/sunco-sdk/sunco-go/gen/sunco"
	"github.com/sunco-sdk/sunco-go/gen/sunco/suncotest"
)

// newBot is the application under test: the handler of its webhook, which
// answers every text message a user sends with an echo, posted with c as
// the business.
func newBot(c *sunco.Client, secret string) http.Handler {
	return sunco.NewWebhookHandler(secret, func(ctx context.Context, p *sunco.WebhookPayload) error {
		for _, ev := range p.Events {
			m, ok := ev.(*sunco.ConversationMessageEvent)
			if !ok || m.GetPayload().GetMessage().GetAuthor().GetType() != sunco.AuthorWebhookTypeUser {
				continue
			}
			text, ok := m.GetPayload().GetMessage().GetContent().(*sunco.TextMessage)
			if !ok {
				continue
			}
			_, err := c.Messages.Post(ctx, p.GetApp().GetID(), m.GetPayload().GetConversation().GetID(), sunco.MessagePost{
				Author:  sunco.Author{Type: sunco.AuthorTypeBusiness},
				Content: &sunco.TextMessage{Text: sunco.Ptr("You said: " + text.GetText())},
			}, nil)
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// Example tests newBot as a test function of the application would, t
// being its *testing.T: SunCo posts a conversation:message webhook, and
// the bot answers through the API, whose Messages.Post the test answers.
func Example() {
	srv := suncotest.NewServer(t)
	srv.Delivery.App = &sunco.AppInfo{ID: sunco.Ptr("app_1")}
	srv.Messages.Post = func(ctx context.Context, appID, conversationID string, body sunco.MessagePost, params *sunco.PostMessageParams) (*sunco.MessagePostResponse, error) {
		fmt.Printf("%s posts in %s of %s: %s\n", body.Author.Type, conversationID, appID, body.Content.(*sunco.TextMessage).GetText())
		return &sunco.MessagePostResponse{}, nil
	}
	bot := newBot(srv.Client(), "webhook secret")

	resp, err := srv.SendWebhook(context.Background(), bot, "webhook secret", &sunco.ConversationMessageEvent{
		Payload: &sunco.ConversationMessageEventPayload{
			Conversation: &sunco.ConversationTruncated{ID: sunco.Ptr("conv_1")},
			Message: &sunco.MessageWebhook{
				Author:  &sunco.AuthorWebhook{Type: sunco.AuthorWebhookTypeUser},
				Content: &sunco.TextMessage{Text: sunco.Ptr("hello")},
			},
		},
	})
	if err != nil {
		t.Fatalf("SendWebhook: %v", err)
	}
	fmt.Println(resp.Status)
	fmt.Println(len(srv.Requests()), "request to the API")
	// Output:
	// business posts in conv_1 of app_1: You said: hello
	// 200 OK
	// 1 request to the API
}
