//go:build go1.21

// gocompat: from=1.22 to=1.22
// No loop declares variables: the file version does not matter for loops.
package main

func main() {
	println("hello")
}
