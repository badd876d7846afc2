package sunco

import (
	"context"
	"errors"
	"iter"
	"slices"
)

// errCursorStuck guards against a server that returns the cursor it was
// given, which would otherwise be followed forever.
var errCursorStuck = errors.New(sdkName + ": pagination cursor did not advance")

// paginate yields the items of a cursor-paginated list one by one. fetch
// gets a nil cursor for the first page and returns the items of a page and
// the cursor of the next one, nil after the last. Iteration stops when the
// consumer breaks, and after yielding (zero, err) once on the first error,
// including ctx ending between pages.
func paginate[T any](ctx context.Context, fetch func(ctx context.Context, cursor *string) (items []T, next *string, err error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		var cursor *string
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, next, err := fetch(ctx, cursor)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, item := range items {
				if !yield(item, nil) {
					return
				}
			}
			if next == nil {
				return
			}
			if cursor != nil && *next == *cursor {
				yield(zero, errCursorStuck)
				return
			}
			cursor = next
		}
	}
}

// reversePages wraps the fetch function of a list that pages backwards,
// newest page first, each page holding its items oldest first: the items
// of each page come out in reverse, so that paginate yields them all
// newest first.
func reversePages[T any](fetch func(ctx context.Context, cursor *string) ([]T, *string, error)) func(ctx context.Context, cursor *string) ([]T, *string, error) {
	return func(ctx context.Context, cursor *string) ([]T, *string, error) {
		items, next, err := fetch(ctx, cursor)
		slices.Reverse(items)
		return items, next, err
	}
}
