package sunco

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakePage is one response of a fake paginated list.
type fakePage struct {
	items []int
	more  bool
	next  *string
	err   error
}

func TestPaginate(t *testing.T) {
	errBoom := errors.New("boom")
	tests := []struct {
		name        string
		pages       []fakePage
		breakAfter  int // stop consuming after this many items; 0 never
		cancelAfter int // cancel the context after this many items; 0 never
		wantItems   []int
		wantErr     error
		wantMsg     string
		wantCursors []string // cursors passed to fetch; "" for nil
	}{
		{
			name:        "several pages",
			pages:       []fakePage{{items: []int{1, 2}, more: true, next: Ptr("c2")}, {items: nil, more: true, next: Ptr("c3")}, {items: []int{3}}},
			wantItems:   []int{1, 2, 3},
			wantCursors: []string{"", "c2", "c3"},
		},
		{
			name:        "empty list",
			pages:       []fakePage{{}},
			wantCursors: []string{""},
		},
		{
			name:        "a cursor without more is not followed",
			pages:       []fakePage{{items: []int{1}, next: Ptr("c2")}},
			wantItems:   []int{1},
			wantCursors: []string{""},
		},
		{
			name: "empty pages with new cursors are followed",
			pages: []fakePage{
				{more: true, next: Ptr("c2")}, {more: true, next: Ptr("c3")}, {more: true, next: Ptr("c4")},
				{items: []int{1}},
			},
			wantItems:   []int{1},
			wantCursors: []string{"", "c2", "c3", "c4"},
		},
		{
			name:        "early break stops fetching",
			pages:       []fakePage{{items: []int{1, 2}, more: true, next: Ptr("c2")}, {items: []int{3}}},
			breakAfter:  2,
			wantItems:   []int{1, 2},
			wantCursors: []string{""},
		},
		{
			name:        "error mid-way",
			pages:       []fakePage{{items: []int{1}, more: true, next: Ptr("c2")}, {err: errBoom}, {items: []int{9}}},
			wantItems:   []int{1},
			wantErr:     errBoom,
			wantCursors: []string{"", "c2"},
		},
		{
			name:        "context ends between pages",
			pages:       []fakePage{{items: []int{1, 2}, more: true, next: Ptr("c2")}, {items: []int{3}}},
			cancelAfter: 2,
			wantItems:   []int{1, 2},
			wantErr:     context.Canceled,
			wantCursors: []string{""},
		},
		{
			name:        "cursor that does not advance",
			pages:       []fakePage{{items: []int{1}, more: true, next: Ptr("c2")}, {items: []int{2}, more: true, next: Ptr("c2")}, {items: []int{3}}},
			wantItems:   []int{1, 2},
			wantErr:     errCursorCycle,
			wantMsg:     `sunco: pagination cursor seen before: "c2"`,
			wantCursors: []string{"", "c2"},
		},
		{
			name: "cursors A, B, A",
			pages: []fakePage{
				{items: []int{1}, more: true, next: Ptr("A")}, {items: []int{2}, more: true, next: Ptr("B")},
				{items: []int{3}, more: true, next: Ptr("A")}, {items: []int{4}},
			},
			wantItems:   []int{1, 2, 3},
			wantErr:     errCursorCycle,
			wantMsg:     `sunco: pagination cursor seen before: "A"`,
			wantCursors: []string{"", "A", "B"},
		},
		{
			name:        "more without a cursor",
			pages:       []fakePage{{items: []int{1}, more: true}, {items: []int{2}}},
			wantItems:   []int{1},
			wantErr:     errNoCursor,
			wantMsg:     "sunco: page says more items follow but gives no cursor",
			wantCursors: []string{""},
		},
		{
			name:        "more with an empty cursor",
			pages:       []fakePage{{items: []int{1}, more: true, next: Ptr("c2")}, {items: []int{2}, more: true, next: Ptr("")}, {items: []int{3}}},
			wantItems:   []int{1, 2},
			wantErr:     errNoCursor,
			wantCursors: []string{"", "c2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var cursors []string
			fetch := func(_ context.Context, cursor *string) ([]int, bool, *string, error) {
				c := ""
				if cursor != nil {
					c = *cursor
				}
				cursors = append(cursors, c)
				p := tt.pages[len(cursors)-1]
				return p.items, p.more, p.next, p.err
			}
			var items []int
			var errs []error
			for item, err := range paginate(ctx, fetch) {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				items = append(items, item)
				if len(items) == tt.cancelAfter {
					cancel()
				}
				if len(items) == tt.breakAfter {
					break
				}
			}
			assert.Equal(t, tt.wantItems, items)
			assert.Equal(t, tt.wantCursors, cursors)
			if tt.wantErr == nil {
				assert.Empty(t, errs)
				return
			}
			require.Len(t, errs, 1, "the error is yielded once")
			assert.ErrorIs(t, errs[0], tt.wantErr)
			if tt.wantMsg != "" {
				assert.EqualError(t, errs[0], tt.wantMsg)
			}
		})
	}
}

// TestReversePages pages backwards through [5 6], [3 4], [1 2], each page
// oldest first as the API sends it: the items come out newest first.
func TestReversePages(t *testing.T) {
	pages := map[string]fakePage{
		"":   {items: []int{5, 6}, more: true, next: Ptr("c2")},
		"c2": {items: []int{3, 4}, more: true, next: Ptr("c3")},
		"c3": {items: []int{1, 2}},
	}
	fetch := func(_ context.Context, cursor *string) ([]int, bool, *string, error) {
		c := ""
		if cursor != nil {
			c = *cursor
		}
		p := pages[c]
		return slices.Clone(p.items), p.more, p.next, p.err
	}
	var got []int
	for item, err := range paginate(context.Background(), reversePages(fetch)) {
		require.NoError(t, err)
		got = append(got, item)
	}
	assert.Equal(t, []int{6, 5, 4, 3, 2, 1}, got)
}
