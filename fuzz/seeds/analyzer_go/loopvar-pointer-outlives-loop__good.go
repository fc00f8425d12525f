// gocompat: from=1.21 to=1.22
// oracle: run
// Keep the value, not the address.
package main

import "fmt"

func main() {
	last := -1
	for i := 0; i < 3; i++ {
		last = i
	}
	fmt.Println("last:", last)

	sum := 0
	for i := 0; i < 3; i++ {
		p := &i
		sum += *p
	}
	fmt.Println("sum:", sum)
}
