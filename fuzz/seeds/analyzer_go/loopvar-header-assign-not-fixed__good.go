// gocompat: from=1.22 to=1.22
// `=` headers whose closures run during the iteration, and a `:=` header.
package main

import "fmt"

func main() {
	var i int
	for i = 0; i < 3; i++ {
		func() { fmt.Println(i) }()
	}
	fmt.Println("after:", i)
	var fns []func() int
	for j := 0; j < 3; j++ { // want: range-over-int-modernize
		fns = append(fns, func() int { return j })
	}
	fmt.Println(fns[0]())
}
