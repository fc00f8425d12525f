// gocompat: from=1.21 to=1.22
// oracle: run
// `=` headers: the variable lives outside the loop, so go1.22 changes nothing.
package main

import "fmt"

func main() {
	var i int
	var fns []func() int
	for i = 0; i < 3; i++ {
		fns = append(fns, func() int { return i }) // want: loopvar-header-assign-not-fixed
	}
	var k, v string
	var pairs []func() string
	for k, v = range map[string]string{"a": "1"} {
		pairs = append(pairs, func() string { return k + v }) // want: loopvar-header-assign-not-fixed, loopvar-header-assign-not-fixed
	}
	n := 0
	var ptrs []*int
	for ; n < 2; n++ {
		ptrs = append(ptrs, &n) // want: loopvar-header-assign-not-fixed
	}
	fmt.Println(fns[0](), fns[2](), pairs[0](), *ptrs[0], *ptrs[1])
}
