// gocompat: from=1.21 to=1.22
package main

type ID = string

type Set[T comparable] map[T]struct{}

func main() {}
