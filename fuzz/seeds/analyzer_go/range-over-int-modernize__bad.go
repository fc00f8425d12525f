// gocompat: from=1.22 to=1.22
package main

import "fmt"

const workers = 4

func main() {
	items := []string{"a", "b", "c"}
	for i := 0; i < len(items); i++ { // want: range-over-int-modernize
		fmt.Println(i, items[i])
	}
	for i := 0; i < workers; i++ { // want: range-over-int-modernize
		fmt.Println("worker", i)
	}
	for i := 0; i < 3; i++ { // want: range-over-int-modernize
		fmt.Println("tick")
	}
	n := 5
	for j := 0; j < n; j += 1 { // want: range-over-int-modernize
		defer func() { fmt.Println(j) }()
	}
}

func repeat(s string, count int) string {
	out := ""
	for k := 0; k < count; k++ { // want: range-over-int-modernize
		out += s
	}
	return out
}
