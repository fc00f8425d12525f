// gocompat: from=1.23 to=1.24 toolchain=1.24
package main

type Set[T comparable] = map[T]struct{}

// Non-generic aliases and generic defined types are fine everywhere.
type ID = string

type List[T any] []T

func main() {}
