// gocompat: from=1.21 to=1.22
package main

import "fmt"

func main() {
	var ids []int
	ids = append(ids, 1)
	extra := []int{2, 3}
	ids = append(ids, extra...)
	fmt.Println(ids)
}
