P°// gocompat: from=1.22 to=1.23
package main

import (
	"runtime"
	"time"
	_ "unsafe"
)

// Marked for linkname in Go 1.23: still links.
//
//go:linkname fastrand runtime.fastrand
func fastrand() uint32

// A push: this package provides the symbol.
//
//go:linkname hook example.com/agent.hook
func hook() {}

func main() {
	println(runtime.NumGoroutine(), time.Now().UnixNano(), fastrand())
}
