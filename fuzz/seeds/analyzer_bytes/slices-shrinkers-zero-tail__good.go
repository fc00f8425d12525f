Åˇ// gocompat: from=1.21 to=1.22
package main

import (
	"fmt"
	"slices"
)

func main() {
	queue := []string{"a", "b", "c"}
	queue = slices.Delete(queue, 1, 2)
	fmt.Println(queue)

	names := []string{"x", "x", "y"}
	uniq := slices.Compact(slices.Clone(names))
	fmt.Println(uniq, names)

	tmp := []int{1, 2, 3}
	rest := slices.Delete(tmp, 0, 1)
	fmt.Println(rest)
}
