// gocompat: from=1.21 to=1.22
package main

import "fmt"

const limit = 3

func count(n int, xs []string) {
	for i := range 10 { // want: range-over-int-requires-go122
		fmt.Println(i)
	}
	for range limit { // want: range-over-int-requires-go122
	}
	for i := range n { // want: range-over-int-requires-go122
		fmt.Println(i)
	}
	for i := range len(xs) { // want: range-over-int-requires-go122
		i++
	}
	m := 4
	for j := range m * 2 { // want: range-over-int-requires-go122
		fmt.Println(j)
	}
	for k := range int64(n) { // want: range-over-int-requires-go122
		fmt.Println(k)
	}
}
