í“// gocompat: from=1.21 to=1.22
package main

import "fmt"

func ranges(xs []string, m map[string]int, ch chan int, s string, n int) {
	// Ranging over slices, maps, channels and strings is fine in every version.
	for i, x := range xs {
		fmt.Println(i, x)
	}
	for k := range m {
		fmt.Println(k)
	}
	for v := range ch {
		fmt.Println(v)
	}
	for _, r := range s + "!" {
		fmt.Println(r)
	}
	// A name of unknown type is not evidence: it could be a slice.
	for i := range items() {
		fmt.Println(i)
	}
	// Shadowed: this xs is a slice parameter, not the int below.
	for i := range xs {
		fmt.Println(i, n)
	}
	for i := 0; i < n; i++ {
		fmt.Println(i)
	}
}

func items() []int { return nil }
