package suncotest_test

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"testing"
)

// t stands in for the *testing.T of the application's test in Example,
// which an example function has not: a failure is a line of the example's
// output, which makes it fail; the cleanups run when the tests end.
var t = &exampleT{}

type exampleT struct {
	testing.TB // what the fake does not call
	mu         sync.Mutex
	cleanups   []func()
}

func (*exampleT) Helper() {}

func (*exampleT) Errorf(format string, args ...any) {
	fmt.Printf("FAIL: "+format+"\n", args...)
}

func (e *exampleT) Fatalf(format string, args ...any) {
	e.Errorf(format, args...)
	runtime.Goexit()
}

func (e *exampleT) Cleanup(f func()) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.cleanups = append(e.cleanups, f)
}

func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(t.cleanups) - 1; i >= 0; i-- {
		t.cleanups[i]()
	}
	os.Exit(code)
}
