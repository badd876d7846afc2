// Command webhook is a Sunshine Conversations webhook target built on the
// generated SDK. It prints the type of every event it receives (and the
// text of text messages) and answers each text message a user sends with
// an echo, posted as the business.
//
// Usage:
//
//	SUNCO_WEBHOOK_SECRET=... SUNCO_KEY_ID=... SUNCO_KEY_SECRET=... \
//	    go run ./examples/webhook [-addr 127.0.0.1:8080]
//
// SUNCO_WEBHOOK_SECRET is the secret of the webhook (SunCo sends it in the
// X-API-Key header); SUNCO_KEY_ID and SUNCO_KEY_SECRET are an API key of
// the app, used to post the echoes; SUNCO_BASE_URL, when set, replaces the
// default API root (for example https://{subdomain}.zendesk.com/sc).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/sunco-sdk/sunco-go/gen/sunco"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *addr, os.Getenv, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run serves webhook deliveries on addr until ctx is done, configured by
// the environment variables getenv returns.
func run(ctx context.Context, addr string, getenv func(string) string, out io.Writer) error {
	secret := getenv("SUNCO_WEBHOOK_SECRET")
	if secret == "" {
		return errors.New("SUNCO_WEBHOOK_SECRET is not set")
	}
	client, err := newClient(getenv)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Addr:              addr,
		Handler:           newHandler(secret, newEchoBot(client, out)),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second, // the echo is posted before answering
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	fmt.Fprintf(out, "listening on http://%s\n", addr)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}

// newClient returns an API client authenticated with the API key in
// SUNCO_KEY_ID and SUNCO_KEY_SECRET, talking to SUNCO_BASE_URL if set.
func newClient(getenv func(string) string) (*sunco.Client, error) {
	opts := []sunco.Option{sunco.WithBasicAuth(getenv("SUNCO_KEY_ID"), getenv("SUNCO_KEY_SECRET"))}
	if base := getenv("SUNCO_BASE_URL"); base != "" {
		opts = append(opts, sunco.WithBaseURL(base))
	}
	return sunco.NewClient(opts...)
}

// newHandler returns the HTTP handler of the webhook: the SDK's, which
// checks the secret and decodes the payload, calling bot for each
// delivery.
func newHandler(secret string, bot *echoBot) http.Handler {
	return sunco.NewWebhookHandler(secret, bot.handle)
}

// echoBot prints the events of each delivery and echoes users' text
// messages.
type echoBot struct {
	client *sunco.Client
	log    *log.Logger // safe for concurrent deliveries
	seen   *seenIDs
}

func newEchoBot(client *sunco.Client, out io.Writer) *echoBot {
	return &echoBot{client: client, log: log.New(out, "", 0), seen: newSeenIDs(4096)}
}

// handle processes one delivery. An error makes the handler answer 500,
// and SunCo sends the delivery again: events already handled are then
// recognised by their id and skipped.
func (b *echoBot) handle(ctx context.Context, p *sunco.WebhookPayload) error {
	appID := p.GetApp().GetID()
	for _, ev := range p.Events {
		if ev == nil {
			continue
		}
		id := ev.GetID()
		if id != "" && b.seen.has(id) {
			continue
		}
		if err := b.event(ctx, appID, ev); err != nil {
			return err
		}
		if id != "" {
			b.seen.add(id)
		}
	}
	return nil
}

// event prints ev and, when it is a user's text message, echoes it.
func (b *echoBot) event(ctx context.Context, appID string, ev sunco.WebhookEvent) error {
	m, ok := ev.(*sunco.ConversationMessageEvent)
	if !ok {
		b.log.Printf("%s", ev.GetType())
		return nil
	}
	msg := m.GetPayload().GetMessage()
	text, ok := msg.GetContent().(*sunco.TextMessage)
	if !ok || text.GetText() == "" {
		b.log.Printf("%s (%T)", ev.GetType(), msg.GetContent())
		return nil
	}
	b.log.Printf("%s: %q", ev.GetType(), text.GetText())

	// Only users' messages are echoed: the echo itself comes back as a
	// conversation:message authored by the business.
	if msg.GetAuthor().GetType() != sunco.AuthorWebhookTypeUser {
		return nil
	}
	convID := m.GetPayload().GetConversation().GetID()
	if appID == "" || convID == "" {
		return fmt.Errorf("message %s: no app or conversation id", msg.GetID())
	}
	_, err := b.client.Messages.Post(ctx, appID, convID, sunco.MessagePost{
		Author:  sunco.Author{Type: sunco.AuthorTypeBusiness},
		Content: &sunco.TextMessage{Text: sunco.Ptr(echoText(text.GetText()))},
	}, nil)
	if err != nil {
		return fmt.Errorf("echoing message %s: %w", msg.GetID(), err)
	}
	return nil
}

// echoText is the reply to a user's message.
func echoText(text string) string {
	return "You said: " + text
}

// seenIDs remembers the last ids added, up to a bound, for concurrent use.
type seenIDs struct {
	mu    sync.Mutex
	ids   map[string]bool
	order []string // ring of the ids in ids, oldest at next
	next  int
}

func newSeenIDs(capacity int) *seenIDs {
	capacity = max(capacity, 1)
	return &seenIDs{ids: make(map[string]bool, capacity), order: make([]string, 0, capacity)}
}

func (s *seenIDs) has(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ids[id]
}

// add remembers id, forgetting the oldest id when full.
func (s *seenIDs) add(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ids[id] {
		return
	}
	if len(s.order) < cap(s.order) {
		s.order = append(s.order, id)
	} else {
		delete(s.ids, s.order[s.next])
		s.order[s.next] = id
		s.next = (s.next + 1) % len(s.order)
	}
	s.ids[id] = true
}
