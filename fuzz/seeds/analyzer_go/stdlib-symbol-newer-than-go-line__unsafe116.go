// gocompat: gomod="module m\n\ngo 1.16\n" to=1.16
// A module without newer go line: unsafe.Slice (1.17) and unsafe.String (1.20) are language errors.
package conv

import "unsafe"

func Str(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b)) // want: stdlib-symbol-newer-than-go-line, stdlib-symbol-newer-than-go-line
}

func Off(p unsafe.Pointer) unsafe.Pointer {
	return unsafe.Add(p, 1) // want: stdlib-symbol-newer-than-go-line
}
