//go:build go1.21

// gocompat: from=1.22 to=1.22 toolchain=1.23
// The build line lowers this file to go1.21: vet says "file is go1.21".
package join

import "slices"

func Join(a, b []string) []string {
	return slices.Concat(a, b) // want: stdlib-symbol-newer-than-go-line
}
