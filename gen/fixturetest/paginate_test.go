package fixturetest

import (
	"errors"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/fixturetest/wire"
)

// pages answers listItems with the page its page[after] names; an unknown
// cursor is a 404.
func pages(byCursor map[string]string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		page, ok := byCursor[r.URL.Query().Get("page[after]")]
		if !ok {
			replyJSON(http.StatusNotFound, `{"errors":[{"code":"not_found","title":"no such page"}]}`)(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, page)
	}
}

// TestListIter follows listItems across pages: each page after the first
// is asked for with page[after] set to the previous page's afterCursor,
// every other parameter sent again as given, and the items come in order.
func TestListIter(t *testing.T) {
	tests := []struct {
		name      string
		pages     map[string]string
		stopAfter int // break out of the loop after this many items; 0 runs to the end
		wantIDs   []string
		wantAfter []string // page[after] of each request, "" for none
		wantErr   string
	}{
		{
			name: "three pages",
			pages: map[string]string{
				"":    `{"items":[{"id":"a","status":"active"},{"id":"b","status":"active"}],"meta":{"hasMore":true,"afterCursor":"c/1"}}`,
				"c/1": `{"items":[{"id":"c","status":"active"}],"meta":{"hasMore":true,"afterCursor":"c2"}}`,
				"c2":  `{"items":[{"id":"d","status":"archived"}],"meta":{"hasMore":false,"afterCursor":"c3"}}`,
			},
			wantIDs:   []string{"a", "b", "c", "d"},
			wantAfter: []string{"", "c/1", "c2"},
		},
		{
			name:      "one page without meta",
			pages:     map[string]string{"": `{"items":[{"id":"a","status":"active"}]}`},
			wantIDs:   []string{"a"},
			wantAfter: []string{""},
		},
		{
			name:      "hasMore without a cursor is an error",
			pages:     map[string]string{"": `{"items":[{"id":"a","status":"active"}],"meta":{"hasMore":true}}`},
			wantIDs:   []string{"a"},
			wantAfter: []string{""},
			wantErr:   "wire: page says more items follow but gives no cursor",
		},
		{
			name:      "hasMore with an empty cursor is an error",
			pages:     map[string]string{"": `{"items":[{"id":"a","status":"active"}],"meta":{"hasMore":true,"afterCursor":""}}`},
			wantIDs:   []string{"a"},
			wantAfter: []string{""},
			wantErr:   "wire: page says more items follow but gives no cursor",
		},
		{
			name:      "a cursor without hasMore is not followed",
			pages:     map[string]string{"": `{"items":[{"id":"a","status":"active"}],"meta":{"hasMore":false,"afterCursor":"c1"}}`},
			wantIDs:   []string{"a"},
			wantAfter: []string{""},
		},
		{
			name:      "a cursor with hasMore left out is not followed",
			pages:     map[string]string{"": `{"items":[{"id":"a","status":"active"}],"meta":{"afterCursor":"c1"}}`},
			wantIDs:   []string{"a"},
			wantAfter: []string{""},
		},
		{
			name:      "a page without meta is the last",
			pages:     map[string]string{"": `{"items":[{"id":"a","status":"active"}]}`},
			wantIDs:   []string{"a"},
			wantAfter: []string{""},
		},
		{
			name: "an empty page in the middle",
			pages: map[string]string{
				"":   `{"items":[],"meta":{"hasMore":true,"afterCursor":"c1"}}`,
				"c1": `{"items":[{"id":"a","status":"active"}],"meta":{"hasMore":false}}`,
			},
			wantIDs:   []string{"a"},
			wantAfter: []string{"", "c1"},
		},
		{
			name: "breaking out fetches no further page",
			pages: map[string]string{
				"": `{"items":[{"id":"a","status":"active"},{"id":"b","status":"active"}],"meta":{"hasMore":true,"afterCursor":"c1"}}`,
			},
			stopAfter: 1,
			wantIDs:   []string{"a"},
			wantAfter: []string{""},
		},
		{
			name: "an error on a later page ends the list",
			pages: map[string]string{
				"": `{"items":[{"id":"a","status":"active"}],"meta":{"hasMore":true,"afterCursor":"gone"}}`,
			},
			wantIDs:   []string{"a"},
			wantAfter: []string{"", "gone"},
			wantErr:   "wire: 404 Not Found: not_found: no such page",
		},
		{
			name: "a cursor that does not advance ends the list",
			pages: map[string]string{
				"":   `{"items":[{"id":"a","status":"active"}],"meta":{"hasMore":true,"afterCursor":"c1"}}`,
				"c1": `{"items":[{"id":"b","status":"active"}],"meta":{"hasMore":true,"afterCursor":"c1"}}`,
			},
			wantIDs:   []string{"a", "b"},
			wantAfter: []string{"", "c1"},
			wantErr:   `wire: pagination cursor seen before: "c1"`,
		},
		{
			name: "cursors A, B, A, B end at the first repeat",
			pages: map[string]string{
				"":  `{"items":[{"id":"a","status":"active"}],"meta":{"hasMore":true,"afterCursor":"A"}}`,
				"A": `{"items":[{"id":"b","status":"active"}],"meta":{"hasMore":true,"afterCursor":"B"}}`,
				"B": `{"items":[{"id":"c","status":"active"}],"meta":{"hasMore":true,"afterCursor":"A"}}`,
			},
			wantIDs:   []string{"a", "b", "c"},
			wantAfter: []string{"", "A", "B"},
			wantErr:   `wire: pagination cursor seen before: "A"`,
		},
		{
			name: "empty pages with new cursors are followed",
			pages: map[string]string{
				"":   `{"items":[],"meta":{"hasMore":true,"afterCursor":"e1"}}`,
				"e1": `{"items":[],"meta":{"hasMore":true,"afterCursor":"e2"}}`,
				"e2": `{"items":[],"meta":{"hasMore":true,"afterCursor":"e3"}}`,
				"e3": `{"items":[{"id":"a","status":"active"}],"meta":{"hasMore":false}}`,
			},
			wantIDs:   []string{"a"},
			wantAfter: []string{"", "e1", "e2", "e3"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, pages(tt.pages))
			filter := wire.ListItemsFilter{Status: wire.ItemStatusActive, Tags: []string{"x", "y"}}
			params := &wire.ListItemsParams{XTraceID: wire.Ptr("tr"), Page: &wire.ListItemsPage{Size: wire.Ptr(2)}, IDs: []int{7}}
			var ids []string
			var errs []error
			for item, err := range srv.client(t).Items.ListIter(t.Context(), "s1", "t1", filter, params) {
				if len(ids)+len(errs) > 10 {
					t.Error("the list does not end")
					break
				}
				if err != nil {
					errs = append(errs, err)
					continue
				}
				ids = append(ids, item.ID)
				if len(ids) == tt.stopAfter {
					break
				}
			}
			assert.Equal(t, tt.wantIDs, ids)
			if tt.wantErr == "" {
				assert.Empty(t, errs)
			} else {
				require.Len(t, errs, 1, "the error is yielded once, and the list ends")
				assert.EqualError(t, errs[0], tt.wantErr)
			}

			reqs := srv.requests()
			var after []string
			for _, r := range reqs {
				assert.Equal(t, "/stores/s1/items", r.Path)
				q := parseQuery(t, r.Query)
				after = append(after, q.Get("page[after]"))
				assert.Equal(t, []string{"2"}, q["page[size]"], "page size kept")
				assert.Equal(t, []string{"x", "y"}, q["filter[tags]"], "filter kept")
				assert.Equal(t, []string{"active"}, q["filter[status]"], "filter kept")
				assert.Equal(t, []string{"7"}, q["ids"], "ids kept")
				assert.Equal(t, "tr", r.Header.Get("X-Trace-Id"))
				assert.Equal(t, "t1", r.Header.Get("X-Tenant"))
			}
			assert.Equal(t, tt.wantAfter, after, "page[after] of each request")
			assert.Nil(t, params.Page.After, "the caller's params are not changed")
		})
	}
}

// TestListIterStopsOnAPIError checks that the first page's error reaches
// the loop as an *APIError.
func TestListIterStopsOnAPIError(t *testing.T) {
	srv := newServer(t, replyJSON(http.StatusForbidden, `{"errors":[{"code":"forbidden","title":"No"}]}`))
	n := 0
	for _, err := range srv.client(t).Items.ListIter(t.Context(), "s1", "t1", wire.ListItemsFilter{}, nil) {
		n++
		var apiErr *wire.APIError
		require.True(t, errors.As(err, &apiErr), "got %v", err)
		assert.Equal(t, http.StatusForbidden, apiErr.StatusCode)
	}
	assert.Equal(t, 1, n)
	assert.Len(t, srv.requests(), 1)
}
