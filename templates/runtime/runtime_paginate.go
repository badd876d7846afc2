package sunco

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
)

var (
	// errCursorCycle stops a list whose server gives a cursor it gave
	// before, which would otherwise be followed forever.
	errCursorCycle = errors.New(sdkName + ": pagination cursor seen before")
	// errNoCursor stops a list whose page says more follow but gives no
	// cursor to fetch them with: ending there would drop them silently.
	errNoCursor = errors.New(sdkName + ": page says more items follow but gives no cursor")
)

// paginate yields the items of a cursor-paginated list one by one. fetch
// gets a nil cursor for the first page and returns the items of a page,
// whether more follow, and the cursor of the next page. Iteration stops
// when the consumer breaks, after the last page, and after yielding
// (zero, err) once on the first error: a failed fetch, ctx ending between
// pages, a page that says more follow without a cursor, or a cursor seen
// before. Empty pages with new cursors are followed.
func paginate[T any](ctx context.Context, fetch func(ctx context.Context, cursor *string) (items []T, more bool, next *string, err error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		var cursor *string
		seen := make(map[string]bool)
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, more, next, err := fetch(ctx, cursor)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, item := range items {
				if !yield(item, nil) {
					return
				}
			}
			switch {
			case !more:
				return
			case next == nil || *next == "":
				yield(zero, errNoCursor)
				return
			case seen[*next]:
				yield(zero, fmt.Errorf("%w: %q", errCursorCycle, *next))
				return
			}
			seen[*next] = true
			cursor = next
		}
	}
}

// reversePages wraps the fetch function of a list that pages backwards,
// newest page first, each page holding its items oldest first: the items
// of each page come out in reverse, so that paginate yields them all
// newest first.
func reversePages[T any](fetch func(ctx context.Context, cursor *string) ([]T, bool, *string, error)) func(ctx context.Context, cursor *string) ([]T, bool, *string, error) {
	return func(ctx context.Context, cursor *string) ([]T, bool, *string, error) {
		items, more, next, err := fetch(ctx, cursor)
		slices.Reverse(items)
		return items, more, next, err
	}
}
