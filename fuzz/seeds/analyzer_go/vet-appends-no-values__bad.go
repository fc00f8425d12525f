// gocompat: from=1.21 to=1.22
package main

import "fmt"

type registry struct{ names []string }

func (r *registry) add(name string) {
	r.names = append(r.names) // want: vet-appends-no-values
}

func main() {
	var ids []int
	ids = append(ids) // want: vet-appends-no-values
	more := append([]int(nil))     // want: vet-appends-no-values
	r := &registry{}
	r.add("x")
	fmt.Println(ids, more, r.names)
}

func lonely() {
	var buf []byte
	buf = append(buf) // want: vet-appends-no-values
}
