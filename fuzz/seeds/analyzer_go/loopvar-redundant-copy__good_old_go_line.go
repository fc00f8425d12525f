// gocompat: from=1.21 to=1.22
// Under go1.21 the copy is still required: never reported.
package main

import "fmt"

func main() {
	var fns []func() string
	for _, name := range []string{"a", "b"} {
		name := name
		fns = append(fns, func() string { return name })
	}
	for _, f := range fns {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
