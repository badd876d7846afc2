// Package parallel runs independent jobs on every core.
package parallel

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// Panic is the panic of a job, recovered on its goroutine so that the
// caller can report it.
type Panic struct {
	Value any
	Stack []byte // where it panicked
}

func (p *Panic) Error() string { return fmt.Sprint("panic: ", p.Value) }

// Do runs job(0), ..., job(n-1) on as many goroutines as there are cores,
// each taking the next index when done with one, and returns the error of
// the lowest index that failed. A panicking job returns a *Panic.
func Do(n int, job func(i int) error) error {
	errs := make([]error, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				errs[i] = run(job, i)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func run(job func(i int) error, i int) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &Panic{Value: v, Stack: debug.Stack()}
		}
	}()
	return job(i)
}
