Ûç// gocompat: from=1.21 to=1.22
// want-below: vet-go-debug-directive
//go:debug panicnil=1
// Command tool does things.
package main

func main() {}
