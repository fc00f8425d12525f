ä// Case 06: method values built from the loop variable.
//
// A method value `x.M` evaluates its receiver when the method value is
// created. With a value receiver the receiver is copied right then, so the
// loop-variable change is invisible. With a pointer receiver and an
// addressable variable, `x.M` means `(&x).M`: it stores the address of the
// loop variable, just like case 03.
//
// Expected with go.mod `go 1.21`:  value receiver:   red green blue
//                                  pointer receiver: blue blue blue
// Expected with go.mod `go 1.22`:  value receiver:   red green blue
//                                  pointer receiver: red green blue
package main

import "fmt"

type color struct{ name string }

func (c color) byValue()    { fmt.Print(c.name, " ") }
func (c *color) byPointer() { fmt.Print(c.name, " ") }

func main() {
	colors := []color{{"red"}, {"green"}, {"blue"}}
	var vals, ptrs []func()
	for _, c := range colors {
		vals = append(vals, c.byValue)
		ptrs = append(ptrs, c.byPointer)
	}
	fmt.Print("value receiver:   ")
	for _, f := range vals {
		f()
	}
	fmt.Print("\npointer receiver: ")
	for _, f := range ptrs {
		f()
	}
	fmt.Println()
}
