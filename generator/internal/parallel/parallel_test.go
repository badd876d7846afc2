package parallel

import (
	"errors"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDo(t *testing.T) {
	first, second := errors.New("first"), errors.New("second")
	tests := []struct {
		name    string
		n       int
		fail    map[int]error
		panics  int // the index that panics; -1 for none
		wantErr error
	}{
		{"none", 0, nil, -1, nil},
		{"all succeed", 50, nil, -1, nil},
		{"the lowest failing index wins", 50, map[int]error{40: second, 7: first}, -1, first},
		{"a panic is returned", 50, nil, 13, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make([]atomic.Int32, tt.n)
			err := Do(tt.n, func(i int) error {
				done[i].Add(1)
				if i == tt.panics {
					panic("boom")
				}
				return tt.fail[i]
			})
			for i := range done {
				assert.Equal(t, int32(1), done[i].Load(), "job %d runs once", i)
			}
			if tt.panics >= 0 {
				var p *Panic
				require.ErrorAs(t, err, &p)
				assert.Equal(t, "boom", p.Value)
				assert.Equal(t, "panic: boom", p.Error())
				assert.Contains(t, string(p.Stack), "TestDo")
				return
			}
			assert.Equal(t, tt.wantErr, err)
		})
	}
}
