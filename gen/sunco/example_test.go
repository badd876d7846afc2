// The examples of the generated package's documentation, written by hand
// (sunco-gen leaves files it did not write alone). Each runs against a
// fake API on 127.0.0.1, so go test checks its Output.

package sunco_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"

	"github.com/sunco-sdk/sunco-go/gen/sunco"
)

// Example makes a client and posts a text message to a conversation.
func Example() {
	api := newFakeAPI()
	defer api.Close()

	client, err := sunco.NewClient(
		sunco.WithBaseURL(api.URL), // sunco.DefaultBaseURL when left out
		sunco.WithBasicAuth("app_key_id", "secret"),
	)
	if err != nil {
		log.Fatal(err)
	}
	res, err := client.Messages.Post(context.Background(), "app_1", "conversation_1", sunco.MessagePost{
		Author:  sunco.Author{Type: sunco.AuthorTypeBusiness},
		Content: &sunco.TextMessage{Text: sunco.Ptr("Hello!")},
	}, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range res.Messages {
		fmt.Println(m.GetID(), m.GetAuthor().GetType(), m.GetContent().GetType())
	}
	// Output: 7 business text
}

// ExampleMessagesService_ListIter reads a conversation from the most
// recent message back: the iterator fetches older pages as the loop goes
// on.
func ExampleMessagesService_ListIter() {
	api := newFakeAPI()
	defer api.Close()
	client, err := sunco.NewClient(sunco.WithBaseURL(api.URL), sunco.WithBasicAuth("app_key_id", "secret"))
	if err != nil {
		log.Fatal(err)
	}

	for m, err := range client.Messages.ListIter(context.Background(), "app_1", "conversation_1", nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Print(m.GetID(), " ")
	}
	// Output: 6 5 4 3 2 1
}

// ExampleContent tells the kinds of message content apart with a type
// switch. A kind this SDK does not know decodes as *UnknownContent.
func ExampleContent() {
	for _, data := range []string{
		`{"type": "text", "text": "Hello!"}`,
		`{"type": "image", "mediaUrl": "https://example.com/cat.png"}`,
		`{"type": "hologram", "depth": 3}`,
	} {
		content, err := sunco.UnmarshalContent([]byte(data))
		if err != nil {
			log.Fatal(err)
		}
		switch c := content.(type) {
		case *sunco.TextMessage:
			fmt.Println("text:", c.GetText())
		case *sunco.ImageMessage:
			fmt.Println("image:", c.MediaURL)
		case *sunco.UnknownContent:
			fmt.Println("unknown:", c.Type, string(c.Raw))
		}
	}
	// Output:
	// text: Hello!
	// image: https://example.com/cat.png
	// unknown: hologram {"type": "hologram", "depth": 3}
}

// ExampleNewWebhookHandler serves a webhook target: the handler checks
// the secret SunCo sends with every delivery and passes the decoded
// payload on; WithWebhookErrorFunc logs the deliveries it refuses.
func ExampleNewWebhookHandler() {
	handler := sunco.NewWebhookHandler("webhook-secret", func(ctx context.Context, p *sunco.WebhookPayload) error {
		for _, event := range p.Events {
			switch e := event.(type) {
			case *sunco.ConversationMessageEvent:
				fmt.Println("message:", e.GetPayload().GetMessage().GetContent().GetType())
			default:
				fmt.Printf("%T\n", e)
			}
		}
		return nil
	}, sunco.WithWebhookErrorFunc(func(r *http.Request, err error) {
		fmt.Println("refused:", err)
	}))
	target := httptest.NewServer(handler)
	defer target.Close()

	fmt.Println(deliver(target.URL, "webhook-secret", webhookDelivery))
	fmt.Println(deliver(target.URL, "a guess", webhookDelivery))
	// Output:
	// message: text
	// *sunco.ConversationReadEvent
	// 200 OK
	// refused: sunco: webhook request has no valid X-API-Key header
	// 401 Unauthorized
}

// ExampleAPIError inspects an error the API answered.
func ExampleAPIError() {
	api := newFakeAPI()
	defer api.Close()
	client, err := sunco.NewClient(sunco.WithBaseURL(api.URL), sunco.WithBasicAuth("app_key_id", "secret"))
	if err != nil {
		log.Fatal(err)
	}

	_, err = client.Conversations.Get(context.Background(), "app_1", "conversation_2", nil)
	var apiErr *sunco.APIError
	if errors.As(err, &apiErr) && apiErr.HasCode("conversation_not_found") {
		fmt.Println(apiErr.StatusCode, apiErr.RequestID)
	}
	fmt.Println(err)
	// Output:
	// 404 req_1
	// sunco: 404 Not Found: conversation_not_found: Conversation not found (request id req_1)
}

// newFakeAPI serves one conversation of six text messages, conversation_1
// of app_1, listed as the API does: newest page first, two messages a
// page, each page oldest first. Posting a message answers it as the 7th.
// Anything else is a conversation that does not exist.
func newFakeAPI() *httptest.Server {
	const messages = "/v2/apps/app_1/conversations/conversation_1/messages"
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if user, secret, ok := r.BasicAuth(); !ok || user != "app_key_id" || secret != "secret" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		switch {
		case r.URL.Path == messages && r.Method == http.MethodPost:
			var post sunco.MessagePost
			if err := json.NewDecoder(r.Body).Decode(&post); err != nil {
				w.WriteHeader(http.StatusBadRequest)
				return
			}
			writeJSON(w, http.StatusCreated, sunco.MessagePostResponse{Messages: []sunco.Message{
				{ID: sunco.Ptr("7"), Author: &post.Author, Content: post.Content},
			}})
		case r.URL.Path == messages && r.Method == http.MethodGet:
			before := 7
			if b := r.URL.Query().Get("page[before]"); b != "" {
				before, _ = strconv.Atoi(b)
			}
			page := sunco.MessageListResponse{Meta: &sunco.Meta{HasMore: sunco.Ptr(before > 3)}}
			for id := max(1, before-2); id < before; id++ {
				page.Messages = append(page.Messages, sunco.Message{
					ID:      sunco.Ptr(strconv.Itoa(id)),
					Content: &sunco.TextMessage{Text: sunco.Ptr("message " + strconv.Itoa(id))},
				})
			}
			page.Meta.BeforeCursor = page.Messages[0].ID
			writeJSON(w, http.StatusOK, page)
		default:
			w.Header().Set("X-Zendesk-Request-Id", "req_1")
			writeJSON(w, http.StatusNotFound, map[string]any{
				"errors": []map[string]string{{"code": "conversation_not_found", "title": "Conversation not found"}},
			})
		}
	}))
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Print(err)
	}
}

// webhookDelivery is a payload as SunCo posts it to a webhook target.
const webhookDelivery = `{
	"app": {"id": "app_1"},
	"webhook": {"id": "webhook_1", "version": "v2"},
	"events": [
		{
			"id": "event_1",
			"type": "conversation:message",
			"createdAt": "2024-05-01T12:00:00.000Z",
			"payload": {
				"conversation": {"id": "conversation_1", "type": "personal"},
				"message": {"id": "7", "content": {"type": "text", "text": "Hello!"}}
			}
		},
		{
			"id": "event_2",
			"type": "conversation:read",
			"createdAt": "2024-05-01T12:00:01.000Z",
			"payload": {"conversation": {"id": "conversation_1"}}
		}
	]
}`

// deliver posts a webhook body to url with the given secret, as SunCo
// does, and returns the response status.
func deliver(url, secret, body string) string {
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		log.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-API-Key", secret)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		log.Fatal(err)
	}
	defer res.Body.Close()
	return res.Status
}
