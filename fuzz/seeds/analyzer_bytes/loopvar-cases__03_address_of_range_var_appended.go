¿Á// Case 03: the address of the range value variable is kept in a slice.
//
// Old semantics: &v is the same address every time, so every stored pointer
// sees the last element. New semantics: each iteration has its own `v`.
//
// Expected with go.mod `go 1.21`:  30 30 30 (same address: true)
// Expected with go.mod `go 1.22`:  10 20 30 (same address: false)
package main

import "fmt"

func main() {
	var ptrs []*int
	for _, v := range []int{10, 20, 30} {
		ptrs = append(ptrs, &v)
	}
	for _, p := range ptrs {
		fmt.Print(*p, " ")
	}
	fmt.Printf("(same address: %v)\n", ptrs[0] == ptrs[2])
}
