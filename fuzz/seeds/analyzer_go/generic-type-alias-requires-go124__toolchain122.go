// gocompat: from=1.21 to=1.22
package main

type Pair[K comparable, V any] = struct { // want: generic-type-alias-requires-go124
	Key K
	Val V
}

func main() {}
