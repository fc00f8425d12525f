// gocompat: from=1.21 to=1.22
// oracle: run
// A pointer to the counter read after the loop: 3 under go1.21, 2 under go1.22.
package main

import "fmt"

func main() {
	var last *int
	for i := 0; i < 3; i++ {
		last = &i // want: loopvar-pointer-outlives-loop
	}
	fmt.Println("last:", *last)

	var found *int
	for i := 0; i < 10; i++ {
		found = &i // want: loopvar-pointer-outlives-loop
		if i*i > 20 {
			break
		}
	}
	fmt.Println("found:", *found)
}
