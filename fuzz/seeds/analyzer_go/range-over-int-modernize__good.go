// gocompat: from=1.22 to=1.22
package main

import "fmt"

var global = 3

func next() int { return 2 }

func main() {
	items := []string{"a", "b", "c"}
	// The body writes the loop variable.
	for i := 0; i < len(items); i++ {
		if items[i] == "b" {
			i++
		}
	}
	// Address taken.
	for i := 0; i < 3; i++ {
		p := &i
		fmt.Println(*p)
	}
	// Written inside a closure.
	for i := 0; i < 3; i++ {
		func() { i = 10 }()
	}
	// The bound changes in the body.
	for i := 0; i < len(items); i++ {
		items = append(items, "x")
		if len(items) > 10 {
			break
		}
	}
	n := 4
	for i := 0; i < n; i++ {
		n--
	}
	// Bound is a call, a package-level variable, or of unknown type.
	for i := 0; i < next(); i++ {
		fmt.Println(i)
	}
	for i := 0; i < global; i++ {
		fmt.Println(i)
	}
	// Other shapes: <=, start at 1, step 2, assignment form, map length.
	for i := 0; i <= 3; i++ {
		fmt.Println(i)
	}
	for i := 1; i < 3; i++ {
		fmt.Println(i)
	}
	for i := 0; i < 6; i += 2 {
		fmt.Println(i)
	}
	var i int
	for i = 0; i < 3; i++ {
	}
	fmt.Println(i)
	m := map[string]int{}
	for k := 0; k < len(m); k++ {
		m[fmt.Sprint(k)] = k
	}
	var x int64 = 3
	for k := 0; k < int(x); k++ {
		fmt.Println(k)
	}
}

// A closure declared before the loop changes the bound.
func closureBound() {
	n := 5
	dec := func() { n-- }
	for i := 0; i < n; i++ {
		dec()
	}
	s := []int{1, 2, 3}
	grow := func() { s = append(s, 0) }
	for i := 0; i < len(s) && i < 10; i++ {
		grow()
	}
	for i := 0; i < len(s); i++ {
		grow()
		if i > 5 {
			break
		}
	}
}
