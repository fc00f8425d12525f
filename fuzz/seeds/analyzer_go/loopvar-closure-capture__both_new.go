// gocompat: from=1.22 to=1.23
// Both go lines have per-iteration variables: nothing changes.
package main

import "fmt"

func main() {
	var fns []func()
	for _, s := range []string{"x", "y"} {
		fns = append(fns, func() { fmt.Println(s) })
	}
	for _, f := range fns {
		f()
	}
}
