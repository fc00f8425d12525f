// gocompat: from=1.22 to=1.23 toolchain=1.23
package main

import (
	"fmt"

	"golang.org/x/exp/maps"
)

func pairs(yield func(string, int) bool) {}

// Not function iterators: a slice from x/exp/maps, a map, a channel, a function result.
func list() []int { return nil }

func main() {
	m := map[string]int{"a": 1}
	for _, k := range maps.Keys(m) {
		fmt.Println(k)
	}
	for k := range m {
		fmt.Println(k)
	}
	ch := make(chan int)
	for v := range ch {
		fmt.Println(v)
	}
	for _, v := range list() {
		fmt.Println(v)
	}
}
