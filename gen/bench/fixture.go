// Package bench measures the JSON codecs of the generated SDK on a fixture
// of our own, shaped like what the API sends: a page of 100 messages
// (MessageList) and a webhook delivery of 50 events (WebhookPayload). The
// fixture is built here, deterministically, so that gen/bench/peers.sh can
// give other SDKs the very same bytes.
package bench

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// The sizes of the fixture.
const (
	Messages = 100
	Events   = 50
)

// MessageList returns the body of a ListMessages response: 100 messages
// with text, image, file and carousel contents, user and business
// authors, metadata with nulls and sources with clients.
func MessageList() []byte {
	messages := make([]any, Messages)
	for i := range messages {
		messages[i] = message(i)
	}
	return mustJSON(object{
		{"messages", messages},
		{"meta", object{{"hasMore", true}, {"beforeCursor", hexID(1, 0)}}},
		{"links", object{{"prev", "https://api.smooch.io/v2/apps/" + hexID(2, 0) + "/conversations/" + hexID(3, 0) + "/messages?page[before]=" + hexID(1, 0)}}},
	})
}

// WebhookPayload returns the body of a webhook delivery of 50 events:
// messages (with their conversation), reads, typing indicators and user
// updates.
func WebhookPayload() []byte {
	events := make([]any, Events)
	for i := range events {
		events[i] = event(i)
	}
	return mustJSON(object{
		{"app", object{{"id", hexID(2, 0)}}},
		{"webhook", object{{"id", hexID(4, 0)}, {"version", "v2"}}},
		{"events", events},
	})
}

// object is a JSON object whose members keep their order, as the API
// writes them ("type" first in a content).
type object []member

type member struct {
	key   string
	value any
}

// MarshalJSON writes the members in order.
func (o object) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, m := range o {
		if i > 0 {
			b = append(b, ',')
		}
		key, err := json.Marshal(m.key)
		if err != nil {
			return nil, err
		}
		value, err := json.Marshal(m.value)
		if err != nil {
			return nil, err
		}
		b = append(append(append(b, key...), ':'), value...)
	}
	return append(b, '}'), nil
}

func mustJSON(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return data
}

// hexID is a 24-digit id, distinct per kind and index.
func hexID(kind, i int) string {
	return fmt.Sprintf("%08x%016x", 0x5e552e00+kind, 0x95e5206375bb0000+uint64(i)*7919)
}

var epoch = time.Date(2025, 2, 3, 18, 33, 47, 466e6, time.UTC)

// timestamp is the API's datetime format, seconds apart per index.
func timestamp(i int) string {
	return epoch.Add(time.Duration(i) * 37 * time.Second).Format("2006-01-02T15:04:05.000Z")
}

func message(i int) object {
	m := object{
		{"id", hexID(10, i)},
		{"received", timestamp(i)},
		{"author", author(i)},
		{"content", content(i)},
		{"source", source(i)},
	}
	if i%2 == 0 {
		m = append(m, member{"metadata", metadata(i)})
	}
	return m
}

func author(i int) object {
	if i%3 == 0 {
		a := object{{"type", "business"}, {"displayName", "Acme Support"}, {"avatarUrl", "https://www.gravatar.com/avatar/00000000000000000000000000000000.png?s=200&d=mm"}}
		if i%6 == 0 {
			a = append(a, member{"subtypes", []string{"AI"}})
		}
		return a
	}
	return object{
		{"type", "user"},
		{"userId", hexID(11, i%17)},
		{"displayName", fmt.Sprintf("Customer %d", i%17)},
		{"avatarUrl", fmt.Sprintf("https://cdn.example.com/avatars/%d.png", i%17)},
	}
}

func content(i int) object {
	switch i % 4 {
	case 0:
		c := object{{"type", "text"}, {"text", fmt.Sprintf("Hello! This is message %d about order #%d. Can you \"check\" the status, please? Merci — ça marche ✓", i, 4000+i)}}
		if i%8 == 0 {
			c = append(c, member{"actions", []any{
				object{{"type", "link"}, {"text", "Track order"}, {"uri", fmt.Sprintf("https://shop.example.com/orders/%d", 4000+i)}},
				object{{"type", "reply"}, {"text", "Talk to an agent"}, {"payload", "AGENT"}},
			}})
		}
		return c
	case 1:
		return object{
			{"type", "image"},
			{"mediaUrl", fmt.Sprintf("https://media.smooch.io/apps/%s/conversations/%s/photo-%d.jpg", hexID(2, 0), hexID(3, 0), i)},
			{"mediaType", "image/jpeg"},
			{"mediaSize", 120000 + i*731},
			{"altText", fmt.Sprintf("photo-%d.jpg", i)},
			{"text", "Here is a picture of the damaged parcel."},
		}
	case 2:
		return object{
			{"type", "file"},
			{"mediaUrl", fmt.Sprintf("https://media.smooch.io/apps/%s/conversations/%s/invoice-%d.pdf", hexID(2, 0), hexID(3, 0), i)},
			{"mediaType", "application/pdf"},
			{"mediaSize", 48213 + i},
			{"altText", fmt.Sprintf("invoice-%d.pdf", i)},
		}
	}
	items := make([]any, 2+i%2)
	for k := range items {
		items[k] = object{
			{"title", fmt.Sprintf("Product %d", k+1)},
			{"description", "A sturdy, waterproof backpack with two compartments."},
			{"mediaUrl", fmt.Sprintf("https://cdn.example.com/products/%d.png", 100*i+k)},
			{"mediaType", "image/png"},
			{"size", "large"},
			{"actions", []any{
				object{{"type", "link"}, {"text", "Buy now"}, {"uri", fmt.Sprintf("https://shop.example.com/p/%d", 100*i+k)}},
				object{{"type", "postback"}, {"text", "More like this"}, {"payload", fmt.Sprintf("MORE_%d", 100*i+k)}},
			}},
			{"metadata", object{{"sku", fmt.Sprintf("BP-%04d", 100*i+k)}, {"price", 49.95}, {"discount", nil}}},
		}
	}
	return object{{"type", "carousel"}, {"text", "1. Product 1\n2. Product 2"}, {"items", items}}
}

func source(i int) object {
	if i%3 == 0 {
		return object{{"type", "api:conversations"}, {"integrationId", nil}}
	}
	channels := []string{"whatsapp", "messenger", "telegram", "sdk"}
	channel := channels[i%len(channels)]
	return object{
		{"type", channel},
		{"integrationId", hexID(12, i%4)},
		{"originalMessageId", fmt.Sprintf("wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQTk%04d", i)},
		{"originalMessageTimestamp", timestamp(i - 1)},
		{"client", client(i, channel)},
	}
}

func client(i int, channel string) object {
	return object{
		{"id", hexID(13, i%17)},
		{"type", channel},
		{"status", "active"},
		{"integrationId", hexID(12, i%4)},
		{"externalId", fmt.Sprintf("1555123%04d", i%17)},
		{"lastSeen", timestamp(i)},
		{"linkedAt", timestamp(-1000)},
		{"displayName", fmt.Sprintf("Customer %d", i%17)},
		{"avatarUrl", nil},
		{"info", object{{"appVersion", "2.24.3"}, {"os", "Android"}, {"osVersion", "14"}}},
		{"raw", object{{"profile", object{{"name", fmt.Sprintf("Customer %d", i%17)}}}, {"wa_id", fmt.Sprintf("1555123%04d", i%17)}}},
	}
}

func metadata(i int) object {
	m := object{
		{"lang", []string{"en", "fr", "de"}[i%3]},
		{"orderId", nil},
		{"priority", i % 5},
		{"vip", i%7 == 0},
		{"score", 0.25 + float64(i%4)/8},
		{"topic", []string{"shipping", "returns", "billing"}[i%3]},
	}
	if i%4 == 0 {
		m[1] = member{"orderId", strconv.Itoa(4000 + i)}
	}
	return m
}

func conversation(i int) object {
	return object{
		{"id", hexID(3, i%5)},
		{"type", "personal"},
		{"metadata", object{{"channel", "support"}, {"ticketId", nil}}},
	}
}

func event(i int) object {
	e := object{{"id", hexID(20, i)}}
	switch i % 5 {
	case 0, 1:
		msg := message(i)
		msg[2] = member{"author", object{{"type", "user"}, {"userId", hexID(11, i%17)}}}
		e = append(e, member{"type", "conversation:message"}, member{"createdAt", timestamp(i)},
			member{"payload", object{{"conversation", conversation(i)}, {"message", msg}}})
	case 2:
		e = append(e, member{"type", "conversation:read"}, member{"createdAt", timestamp(i)},
			member{"payload", object{{"conversation", conversation(i)}, {"activity", object{{"type", "conversation:read"}, {"author", object{{"type", "user"}, {"userId", hexID(11, i%17)}}}}}}})
	case 3:
		e = append(e, member{"type", "conversation:typing"}, member{"createdAt", timestamp(i)},
			member{"payload", object{{"conversation", conversation(i)}, {"activity", object{{"type", "typing:start"}, {"author", object{{"type", "business"}}}}}}})
	default:
		e = append(e, member{"type", "user:update"}, member{"createdAt", timestamp(i)},
			member{"payload", object{{"user", object{
				{"id", hexID(11, i%17)},
				{"externalId", nil},
				{"signedUpAt", timestamp(-5000)},
				{"profile", object{{"givenName", "Jo"}, {"surname", "Example"}, {"locale", "en-US"}}},
				{"metadata", object{{"plan", "pro"}, {"seats", 12}}},
			}}, {"reason", "localeDetection"}}})
	}
	return e
}
