// gocompat: from=1.22 to=1.21
// Moving the go line down: the sides are swapped (go1.22 is the new semantics).
package main

import "fmt"

func main() {
	var fns []func()
	for _, s := range []string{"x", "y"} {
		fns = append(fns, func() { fmt.Println(s) }) // want: loopvar-closure-capture
	}
	for _, f := range fns {
		f()
	}
}
