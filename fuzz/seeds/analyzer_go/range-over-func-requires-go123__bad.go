// gocompat: from=1.22 to=1.22 toolchain=1.23
package main

import (
	"fmt"
	"iter" // want: stdlib-symbol-newer-than-go-line
	"maps"
	"slices"
)

func pairs(yield func(string, int) bool) {
	yield("a", 1)
}

func evens(seq iter.Seq[int]) {
	for v := range seq { // want: range-over-func-requires-go123
		fmt.Println(v)
	}
}

func naturals() iter.Seq[int] {
	return func(yield func(int) bool) {}
}

func main() {
	for n := range naturals() { // want: range-over-func-requires-go123
		fmt.Println(n)
	}
	for k, v := range pairs { // want: range-over-func-requires-go123
		fmt.Println(k, v)
	}
	m := map[string]int{"a": 1}
	for k := range maps.Keys(m) { // want: range-over-func-requires-go123, stdlib-symbol-newer-than-go-line
		fmt.Println(k)
	}
	for i, v := range slices.All([]int{1}) { // want: range-over-func-requires-go123, stdlib-symbol-newer-than-go-line
		fmt.Println(i, v)
	}
	gen := func(yield func(int) bool) { yield(1) }
	for x := range gen { // want: range-over-func-requires-go123
		fmt.Println(x)
	}
	for x := range func(yield func(int) bool) { yield(2) } { // want: range-over-func-requires-go123
		fmt.Println(x)
	}
}
