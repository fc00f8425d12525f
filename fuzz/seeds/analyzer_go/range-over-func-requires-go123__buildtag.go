// want-below: loopvar-buildtag-keeps-old-semantics
//go:build go1.21

// gocompat: from=1.23 to=1.23 toolchain=1.23
// The build line lowers this file to go1.21 (go1.23 toolchain, checked against real Go):
// "cannot range over seq (…): requires go1.23 or later (file declares //go:build go1.21)".
package main

type Set[T comparable] = map[T]struct{} // want: generic-type-alias-requires-go124

func seq(yield func(int) bool) {}

func main() {
	for x := range seq { // want: range-over-func-requires-go123
		_ = x
	}
	for i := range 3 { // want: range-over-int-requires-go122
		_ = i
	}
}
