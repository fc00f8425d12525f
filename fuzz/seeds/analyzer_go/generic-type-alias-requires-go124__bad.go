// gocompat: from=1.22 to=1.23 toolchain=1.23
package main

type Set[T comparable] = map[T]struct{} // want: generic-type-alias-requires-go124

type List[T any] = []T // want: generic-type-alias-requires-go124

func main() {
	var s Set[int]
	var l List[string]
	_, _ = s, l
}
