// gocompat: from=1.22 to=1.23
package main

import (
	"fmt"
	"time"
)

type poller struct {
	tick *time.Ticker
}

func (p *poller) pending() bool {
	return len(p.tick.C) > 0 // want: timer-channel-synchronous
}

func main() {
	t := time.NewTimer(10 * time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	if len(t.C) == 1 { // want: timer-channel-synchronous
		fmt.Println("fired")
	}
	fmt.Println(cap(t.C)) // want: timer-channel-synchronous
	fmt.Println(t.Stop())
}
