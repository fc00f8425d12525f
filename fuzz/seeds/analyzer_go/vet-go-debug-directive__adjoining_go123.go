// gocompat: from=1.22 to=1.23
//go:debug panicnil=1
package main

// Go 1.23's vet no longer reports a directive that touches the package clause.
func main() {}
