Y'// want-below: loopvar-buildtag-keeps-old-semantics
//go:build go1.18

// gocompat: from=1.23 to=1.23 toolchain=1.23
// Go 1.23+ raises a go1.18 build line to go1.21; the compiler then blames -lang (go1.23),
// as real Go 1.23 prints.
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
