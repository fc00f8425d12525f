ô// gocompat: from=1.22 to=1.23
// oracle: run
// Copies that go1.22 made unnecessary.
package main

import "fmt"

func main() {
	var fns []func() string
	for _, name := range []string{"a", "b"} {
		name := name // want: loopvar-redundant-copy
		fns = append(fns, func() string { return name })
	}
	for k, v := range map[string]int{"x": 1} {
		k, v := k, v // want: loopvar-redundant-copy
		fns = append(fns, func() string { return fmt.Sprint(k, v) })
	}
	for i := 0; i < 2; i++ {
		i := i // want: loopvar-redundant-copy
		fns = append(fns, func() string { return fmt.Sprint(i) })
	}
	for _, f := range fns {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
