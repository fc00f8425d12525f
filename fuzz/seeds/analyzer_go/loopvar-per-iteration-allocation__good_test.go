// gocompat: from=1.21 to=1.22
// Values, not pointers: nothing escapes, nothing is allocated per iteration.
package grid

import "testing"

var total int

func BenchmarkValues(b *testing.B) {
	data := []int{1, 2, 3}
	for i := 0; i < b.N; i++ {
		for _, v := range data {
			total += v
		}
	}
}
