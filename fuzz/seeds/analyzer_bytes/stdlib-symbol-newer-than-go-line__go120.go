˵// gocompat: from=1.20 to=1.21
// A package newer than the go line is reported at its import; its symbols only when they
// are newer than the package itself.
package sortutil

import (
	"slices" // want: stdlib-symbol-newer-than-go-line
	"unsafe"
)

func SortedCopy(a, b []int) []int {
	out := slices.Concat(a, b) // want: stdlib-symbol-newer-than-go-line
	slices.Sort(out)
	return out
}

func Bytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s)) // go1.17 and go1.20: fine here
}
