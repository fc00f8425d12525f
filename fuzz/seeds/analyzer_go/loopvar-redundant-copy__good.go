// gocompat: from=1.22 to=1.23
// Copies that must stay: the 3-clause copy is written later (deleting it would make
// `i++` advance the loop), and `x := x` copies a variable declared outside the loop.
package main

import "fmt"

func main() {
	x := 1
	for i := 0; i < 6; i++ {
		i := i
		i++
		x := x
		fmt.Print(i+x, " ")
	}
	fmt.Println()
}
