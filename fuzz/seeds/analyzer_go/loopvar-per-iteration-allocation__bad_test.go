// gocompat: from=1.21 to=1.22
// A benchmark whose inner loop keeps pointers to its variable.
package grid

import "testing"

var sink []*int

func BenchmarkPointers(b *testing.B) {
	data := []int{1, 2, 3}
	for i := 0; i < b.N; i++ {
		sink = sink[:0]
		for _, v := range data { // want: loopvar-per-iteration-allocation
			sink = append(sink, &v) // want: loopvar-address-taken
		}
	}
}
