// gocompat: from=1.21 to=1.22
// oracle: run
// A closure that skips ahead is called during its own iteration: same output in both.
package main

import "fmt"

func main() {
	for i := 0; i < 10; i++ {
		skipNext := func() { i++ }
		fmt.Print(i, " ")
		if i%3 == 0 {
			skipNext()
		}
	}
	fmt.Println()

	var counters []func() int
	for i := 0; i < 3; i++ {
		n := i
		counters = append(counters, func() int { n += 10; return n })
	}
	for _, c := range counters {
		fmt.Print(c(), " ")
	}
	fmt.Println()
}
