.Ò// Case 12: range over an integer (new syntax in go 1.22) with a captured variable.
//
// `for i := range n` is itself go1.22-only syntax, so this file does not
// compile with go.mod `go 1.21`; with `go 1.22` each iteration's i is distinct.
//
// Expected with go.mod `go 1.21`:  compile error:
//   cannot range over 3 (untyped int constant): requires go1.22 or later (-lang was set to go1.21; check go.mod)
// Expected with go.mod `go 1.22`:  0 1 2
package main

import "fmt"

func main() {
	var fns []func()
	for i := range 3 {
		fns = append(fns, func() { fmt.Print(i, " ") })
	}
	for _, f := range fns {
		f()
	}
	fmt.Println()
}
