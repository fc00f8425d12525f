	w// Case 09: the loop variable is passed as an argument, not captured.
//
// `go f(v)` / `go func(v T){...}(v)` / `defer f(v)` evaluate their arguments
// immediately, so each call receives a copy of the current value. Output is
// the same under both versions; an analyzer must NOT flag this shape.
//
// Expected with go.mod `go 1.21`:  sum=6 count=3
// Expected with go.mod `go 1.22`:  sum=6 count=3
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	sum, count := 0, 0
	for _, v := range []int{1, 2, 3} {
		wg.Add(1)
		go func(x int) {
			defer wg.Done()
			mu.Lock()
			sum += x
			count++
			mu.Unlock()
		}(v)
	}
	wg.Wait()
	fmt.Printf("sum=%d count=%d\n", sum, count)
}
