k// gocompat: from=1.21 to=1.22 toolchain=1.27
package main

import "time"

// asynctimerchan was removed in Go 1.27: synchronous channels whatever the go line.
func expired(t *time.Timer) bool {
	return len(t.C) > 0 // want: timer-channel-synchronous
}
