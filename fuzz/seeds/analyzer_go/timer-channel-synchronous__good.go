// gocompat: from=1.22 to=1.23
package main

import (
	"fmt"
	"time"
)

type msg struct{ C []byte }

func main() {
	t := time.NewTimer(10 * time.Millisecond)
	select {
	case <-t.C:
		fmt.Println("fired")
	default:
		fmt.Println("pending")
	}
	m := msg{C: []byte("x")}
	fmt.Println(len(m.C))
}
