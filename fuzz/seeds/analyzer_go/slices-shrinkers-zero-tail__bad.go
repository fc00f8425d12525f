// gocompat: from=1.21 to=1.22
package main

import (
	"fmt"
	"slices"
)

type job struct{ name string }

func main() {
	queue := []*job{{"a"}, {"b"}, {"c"}}
	active := slices.DeleteFunc(queue, func(j *job) bool { return j.name == "b" }) // want: slices-shrinkers-zero-tail
	for _, j := range queue {
		fmt.Println(j.name)
	}
	fmt.Println(len(active))

	names := []string{"x", "x", "y"}
	slices.Compact(names) // want: slices-shrinkers-zero-tail
	fmt.Println(names)
}
